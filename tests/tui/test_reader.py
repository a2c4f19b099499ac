"""The reader widget in the real app (Pilot): long articles, scrolling, clicks, selection, resizing."""

from __future__ import annotations

import pytest
from textual.geometry import Offset
from textual.selection import Selection

from newsgloss.store import Draft, Library
from newsgloss.tui.app import make_app
from newsgloss.tui.reader.reader import Reader
from tests.conftest import SIZE, screen_text

WORDS = ["harbour", "grain", "convoy", "ministry", "tariff", "border", "ceasefire", "election", "budget", "drought"]


def paragraph(number: int) -> str:
    """A paragraph that names its own number, long enough to wrap over several lines."""
    return f"Paragraph {number} begins here. " + " ".join(WORDS[(number + i) % len(WORDS)] for i in range(40)) + \
        f" Paragraph {number} ends here."


@pytest.fixture
def long_article(db_path):
    store = Library.open(db_path)
    [outcome] = store.add_articles([Draft("A long dispatch", tuple(paragraph(n) for n in range(1, 31)),
                                          source="Wire", published="2025-03-01", url="https://wire.example/long")])
    store.close()
    return outcome.article_id


@pytest.fixture
def app(db_path, tmp_path, long_article):
    return make_app(db_path, export_dir=tmp_path / "export", seed=False, annotate_delay=0)


async def _open(app, pilot) -> Reader:
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.screen.query_one(Reader)


async def test_a_long_article_is_wrapped_whole_after_its_first_screen(app):
    async with app.run_test(size=SIZE) as pilot:
        reader = await _open(app, pilot)
        await pilot.pause()
        words = reader.page.words()
        assert reader.virtual_size.height == len(words)  # the estimate replaced by the real height
        text = " ".join(words)
        assert all(f"Paragraph {n} begins here." in text and f"Paragraph {n} ends here." in text for n in range(1, 31))


async def test_last_and_first_paragraph_keys_scroll_the_cursor_into_view(app, db_path, long_article):
    async with app.run_test(size=SIZE) as pilot:
        reader = await _open(app, pilot)
        assert "Paragraph 30 begins here." not in screen_text(app)
        await pilot.press("G")
        await pilot.pause()
        assert reader.cursor == 29
        assert "Paragraph 30 begins here." in screen_text(app)
        top, height = reader.page.paragraph_region(29)
        assert top + height == reader.scroll_offset.y + reader.scrollable_content_region.height  # its end in view
        assert "Paragraph 1 begins here." not in screen_text(app)
        await pilot.press("1")  # tags the paragraph in view
        await pilot.press("g")
        await pilot.pause()
        assert "Paragraph 1 begins here." in screen_text(app)
    assert Library.open(db_path).article(long_article).paragraphs[29].tags == ("claim",)


async def test_clicking_a_paragraph_makes_it_current(app, db_path, long_article):
    async with app.run_test(size=SIZE) as pilot:
        reader = await _open(app, pilot)
        top, _ = reader.page.paragraph_region(2)
        await pilot.click(Reader, offset=(10, top - reader.scroll_offset.y + 1))
        await pilot.press("2")
        await pilot.pause()
        assert reader.cursor == 2
    assert Library.open(db_path).article(long_article).paragraphs[2].tags == ("quote",)


async def test_selected_text_is_copied_as_the_article_words(app):
    async with app.run_test(size=SIZE) as pilot:
        reader = await _open(app, pilot)
        top, height = reader.page.paragraph_region(1)
        app.screen.selections = {reader: Selection(Offset(0, top), Offset(len(reader.page.words()[top + height - 1]),
                                                                           top + height - 1))}
        copied = app.screen.get_selected_text()
        assert copied.startswith("Paragraph 2 begins here.")
        assert copied.endswith("Paragraph 2 ends here.")
        assert "▌" not in copied


async def test_a_narrower_terminal_wraps_the_article_again(app):
    async with app.run_test(size=SIZE) as pilot:
        reader = await _open(app, pilot)
        wide = len(reader.page.words())
        await pilot.resize_terminal(105, 30)  # still two panes, the reader narrower
        await pilot.pause()
        await pilot.pause()
        narrow = reader.page.words()
        assert len(narrow) > wide
        assert max(len(line) for line in narrow) < reader.scrollable_content_region.width
        assert "Paragraph 1 begins here." in screen_text(app)


async def test_a_theme_change_recolours_the_open_article(app):
    async with app.run_test(size=SIZE) as pilot:
        reader = await _open(app, pilot)
        before = reader.page.look.palette
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause()
        await pilot.pause()
        assert reader.page.look.palette != before
        assert next(iter(reader.page.strip(0))).style.bgcolor == reader.rich_style.bgcolor
