"""The app with a library that cannot take a change: read-only, or held by another program; a link that
hides its host. The app says so in one line, keeps the change, and goes on."""

from __future__ import annotations

import sqlite3

from newsgloss.store import Library
from newsgloss.tui.app import make_app
from newsgloss.tui.reader.open_link import OpenLink
from tests.conftest import HOMS, SIZE, screen_text


def _library_with_homs(path) -> int:
    library = Library.open(path)
    [outcome] = library.import_paths([HOMS])
    library.annotate_article(outcome.article_id)
    library.close()
    return outcome.article_id


async def test_a_read_only_library_opens_for_reading_with_a_notice(db_path, tmp_path):
    _library_with_homs(db_path)
    before = db_path.read_bytes()
    app = make_app(db_path, export_dir=tmp_path / "export", library=Library.open(db_path, read_only=True),
                   settings_file=tmp_path / "s.toml", annotate_delay=0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "n")
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any("read-only" in message for message in messages)
        assert "Homs" in screen_text(app)
        await pilot.press("e")  # exporting only reads
        await pilot.pause()
        assert list((tmp_path / "export").glob("*.md"))
    assert db_path.read_bytes() == before


async def test_a_change_the_busy_library_cannot_take_is_kept_and_saved_later(db_path, tmp_path):
    article_id = _library_with_homs(db_path)
    app = make_app(db_path, export_dir=tmp_path / "export", settings_file=tmp_path / "s.toml", annotate_delay=0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        other = sqlite3.connect(db_path, isolation_level=None, timeout=0)
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock (longer than we wait)
        await pilot.press("1")
        await pilot.pause()
        assert app.editor.waiting == 1
        assert any("kept and tried again" in str(n.message) for n in app._notifications)
        other.execute("ROLLBACK")  # it lets go
        other.close()
        while app.editor.waiting:
            await pilot.pause(0.5)
        await pilot.pause()
    library = Library.open(db_path)
    assert library.article(article_id).paragraphs[0].tags == ("claim",)
    library.close()


async def test_the_link_dialog_names_the_real_host(db_path, tmp_path):
    library = Library.open(db_path)
    from newsgloss.store import Draft

    library.add_articles([Draft("Spoofed", ("Text.",), source="Wire",
                                url="https://www.reuters.com.world-news-syria-very-long-path@evil.example/steal")])
    library.close()
    app = make_app(db_path, export_dir=tmp_path / "export", settings_file=tmp_path / "s.toml", annotate_delay=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "u")
        await pilot.pause()
        assert isinstance(app.screen, OpenLink)
        text = screen_text(app)
        assert "Goes to: evil.example" in text and "user name" in text
