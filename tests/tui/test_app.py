"""The real app through Textual's Pilot: keys pressed, then the SQLite file checked."""

from __future__ import annotations

import sqlite3

import pytest

from newsgloss.store import Draft, Library
from newsgloss.tui.app import make_app
from newsgloss.tui.library.article_list import ArticleList
from newsgloss.tui.reader.note_editor import NoteEditor
from newsgloss.tui.reader.reader import Reader
from newsgloss.tui.reader.tag_picker import TagPicker
from newsgloss.tui.shared.help_screen import HelpScreen
from tests.conftest import SIZE, screen_text

HOMS_TITLE = "Thousands of people fled the central Syrian city of Homs overnight into Friday morning"


async def _open_homs(app, pilot) -> int:
    await app.workers.wait_for_complete()
    articles = app.screen.query_one(ArticleList)
    index = next(i for i in range(articles.count) if articles.row(i).title == HOMS_TITLE)
    articles.cursor = index
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return articles.row(index).id


async def open_first(app, pilot) -> None:
    """Enter on the first article, then wait for its annotation and the screen."""
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_first_run_seeds_samples_and_annotates_in_background(app, db_path):
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one(ArticleList).count >= 6
        assert "News.Az" in screen_text(app)
    check = Library.open(db_path)
    assert check.count_unannotated() == 0
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM spans").fetchone()[0] > 50


async def test_an_article_opened_on_the_first_frame_is_shown(db_path):
    """Enter pressed on the very first frame, before the reader has a size, shows the article."""
    from textual.app import App

    store = Library.open(db_path)
    [outcome] = list(store.add_articles([Draft("Bridge reopens", ("Traffic crossed the bridge again.",),
                                               source="Wire", url="https://wire.example/bridge")]))

    class ReaderOnly(App):
        def compose(self):
            yield Reader(id="reader")

        def on_mount(self) -> None:
            self.query_one(Reader).show(store.article(outcome.article_id))

    app = ReaderOnly()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "https://wire.example/bridge" in text
        assert "Traffic crossed the bridge again." in text
        assert "Select an article" not in text
        app.workers.cancel_all()
    store.close()


async def test_enter_j_j_1_tags_the_third_paragraph(app, db_path):
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        articles = app.screen.query_one(ArticleList)
        articles.cursor = next(i for i in range(articles.count) if articles.row(i).title == HOMS_TITLE)
        await pilot.press("enter", "j", "j", "1")  # typed at once, as a fast typist would
        await pilot.pause()
        article_id = app.screen.query_one(Reader).article.id
        assert "⚑ claim" in screen_text(app)
    assert Library.open(db_path).article(article_id).paragraphs[2].tags == ("claim",)


async def test_reader_shows_highlights_with_dates_in_words_and_a_legend(app):
    async with app.run_test(size=SIZE) as pilot:
        await _open_homs(app, pilot)
        text = screen_text(app)
        words = " ".join(app.screen.query_one(Reader).page.words())
        assert "overnight ‹Thu 5 Dec, night› into Friday morning ‹Fri 6 Dec, morning›, according" in words
        assert "now known as" in words and "PRESENT_REF" not in words  # vague: highlighted, no value
        assert "Colours: person  organisation  place" in text
        assert "Syrian group or nationality" in text or "Homs place" in text  # the current paragraph's entities
        assert "NORP" not in text and "GPE" not in text


async def test_v_shows_timex3_values_instead_and_the_choice_lasts(app, tmp_path):
    from newsgloss.tui.settings import load

    async with app.run_test(size=SIZE) as pilot:
        await _open_homs(app, pilot)
        await pilot.press("v")
        words = " ".join(app.screen.query_one(Reader).page.words())
        assert "overnight ‹2024-12-05TNI› into Friday morning ‹2024-12-06TMO›" in words
        await pilot.press("v")
        words = " ".join(app.screen.query_one(Reader).page.words())
        assert "overnight into Friday morning, according" in words
    settings, problem = load(app.preferences.path)
    assert (settings.dates, problem) == ("off", "")


async def test_number_key_toggles_and_untoggles(app, db_path):
    async with app.run_test(size=SIZE) as pilot:
        article_id = await _open_homs(app, pilot)
        await pilot.press("3", "5", "3")
    assert Library.open(db_path).article(article_id).paragraphs[0].tags == ("follow-up",)


async def test_tag_picker_filters_and_creates(app, db_path):
    async with app.run_test(size=SIZE) as pilot:
        article_id = await _open_homs(app, pilot)
        await pilot.press("j", "t")
        assert isinstance(app.screen, TagPicker)
        await pilot.press(*"quo")
        await pilot.press("enter")
        await pilot.press("t", *"casualty count", "enter")
        await pilot.pause()
    stored = Library.open(db_path)
    assert stored.article(article_id).paragraphs[1].tags == ("quote", "casualty count")
    assert [t.key for t in stored.tags() if t.name == "casualty count"] == [0]


async def test_notes_save_while_typing_and_on_close(app, db_path):
    async with app.run_test(size=SIZE) as pilot:
        article_id = await _open_homs(app, pilot)
        await pilot.press("j", "n")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"check this", "enter", *"second line")
        await pilot.pause(0.5)  # the editor's own save delay is 0.3 s; nothing has closed it yet
        assert Library.open(db_path).note(article_id, 1) == "check this\nsecond line"
        await pilot.press("escape", "N", *"whole article", "escape")
        await pilot.pause()
        assert "✎ check this" in screen_text(app)
    stored = Library.open(db_path)
    assert stored.note(article_id, None) == "whole article"


async def test_export_key_writes_markdown_and_says_where(app, tmp_path):
    async with app.run_test(size=SIZE) as pilot:
        await _open_homs(app, pilot)
        await pilot.press("1", "e")
        await pilot.pause()
        [path] = list((tmp_path / "export").iterdir())
        assert "> Thousands of people fled" in path.read_text(encoding="utf-8")
        assert any(str(path) in n.message for n in app._notifications)


async def test_help_lists_every_binding(app):
    async with app.run_test(size=SIZE) as pilot:
        await _open_homs(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = {(row[1], row[2]) for row in app.screen.rows}
        assert {("Next paragraph", "reader"), ("Write a note on the paragraph", "reader"),
                ("Export the article to Markdown", "reader"), ("Search titles, text and notes", "everywhere"),
                ("Quit", "everywhere"), ("Tag paragraph: claim", "reader"), ("Tag paragraph: important", "reader"),
                ("Sort the list: newest, source, title", "list")} <= rows
        # Only keys that do something where they are listed: nothing Textual's scrolling brings along.
        assert not any("Scroll" in description or "Page Left" in description for description, _ in rows)
        listed = [(row[1], row[2]) for row in app.screen.rows]
        assert len(listed) == len(set(listed))  # each action once where it works


async def test_command_palette_reaches_reader_actions(app):
    async with app.run_test(size=SIZE) as pilot:
        await _open_homs(app, pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Export the article to Markdown", "Write a note on the article", "Search titles, text and notes",
                "Tag paragraph: claim", "Change theme", "Quit"} <= set(titles)
        # Each action once, and none of Textual's own extras (ours: about 45 since undo, stars, archive and tags).
        assert len(titles) == len(set(titles)) < 50
        assert not {"Keys", "Maximize", "Toggle tag 1"} & set(titles)


async def test_search_as_you_type_opens_result(app):
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("slash", *"copper", "enter")
        await pilot.pause()
        assert app.screen.query_one(Reader).article.title.startswith("Chile's copper output")


HOSTILE_TITLE = "[bold]x[/bold] [/foo] [@click=app.quit]q[/]"
HOSTILE_BODY = "Body [@click=app.quit]click me[/] and [/foo] and [bold]bold[/bold] \x1b[31mred\x1b[0m \x1b]0;title\x07."


async def test_hostile_text_is_shown_literally_and_runs_nothing(db_path, tmp_path):


    source = tmp_path / "hostile.txt"
    source.write_text(f"date 2024-01-01\n{HOSTILE_TITLE} headline here\n{HOSTILE_BODY}\nOutlet [/x]\n",
                      encoding="utf-8")
    store = Library.open(db_path)
    [outcome] = store.import_paths([source])
    store.set_note(outcome.article_id, 0, "[@click=app.quit]note[/]")
    store.close()
    app = make_app(db_path, export_dir=tmp_path / "export", annotate_delay=0)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(app, pilot)
        text = screen_text(app)
        assert "[@click=app.quit]q[/]" in text
        assert "Body [@click=app.quit]click me[/] and [/foo] and" in text
        assert "[bold]bold[/bold] red ." in text
        assert "\x1b" not in text and "title\x07" not in text
        await pilot.click(Reader, offset=(10, 4))
        await pilot.press("slash", *"[/foo] [@click=app.quit]", "escape")
        await pilot.press("t", *"[/tag]", "enter")
        await pilot.pause()
        assert app.is_running
        assert "⚑ [/tag]" in screen_text(app)


async def test_correct_a_label_remove_and_mark_a_missed_entity(app, db_path):
    from newsgloss.tui.reader.entity_list import EntityList
    from newsgloss.tui.reader.label_picker import LabelPicker
    from newsgloss.tui.reader.word_selector import WordSelector

    async with app.run_test(size=SIZE) as pilot:
        article_id = await _open_homs(app, pilot)
        await pilot.press("j", "c")  # ¶2 entities: Syrian, Al-Qaeda, Hayat Tahrir al-Sham, HTS, ...
        assert isinstance(app.screen, EntityList)
        reuters = next(i for i, s in enumerate(app.screen.spans) if s.text == "Reuters")
        app.screen.query_one("OptionList").highlighted = reuters
        await pilot.press("enter")
        assert isinstance(app.screen, LabelPicker)
        await pilot.press(*["down"] * 7, "enter")  # PERSON ORG GPE LOC NORP FAC EVENT PRODUCT
        await pilot.pause()
        await pilot.press("k", "m")  # ¶1: mark "war monitoring group"
        assert isinstance(app.screen, WordSelector)
        start = [app.screen.text[a:b] for a, b in app.screen.words].index("war")
        await pilot.press(*["right"] * start, "shift+right", "shift+right", "enter")
        await pilot.press("down", "enter")  # ORG
        await pilot.pause()
    stored = Library.open(db_path)
    spans = {(s.text, s.label) for p in stored.article(article_id).paragraphs for s in p.spans}
    assert ("Reuters", "PRODUCT") in spans and ("Reuters", "ORG") not in spans
    assert ("war monitoring group", "ORG") in spans
    assert [(r.text, r.action, r.label) for r in stored.rules()] == [
        ("Reuters", "relabel", "PRODUCT"), ("war monitoring group", "add", "ORG")]
    # After a restart the reader shows the corrections, and a new article gets them too.
    later = stored.add_article(Draft("Wire report", ("Reuters said a war monitoring group counted the dead.",),
                                     source="Wire", published="2024-12-07"))
    stored.close()
    restarted = make_app(db_path, export_dir=db_path.parent / "export", annotate_delay=0)
    async with restarted.run_test(size=SIZE) as pilot:
        await restarted.workers.wait_for_complete()
        await _open_homs(restarted, pilot)
        await pilot.press("j")
        await pilot.pause()
        assert "Reuters product" in screen_text(restarted)
    stored = Library.open(db_path)
    new_spans = {(s.text, s.label) for p in stored.article(later.article_id).paragraphs for s in p.spans}
    assert {("Reuters", "PRODUCT"), ("war monitoring group", "ORG")} <= new_spans
    stored.close()


async def test_rules_list_deletes_a_rule_and_the_article_is_annotated_again(app, db_path):
    async with app.run_test(size=SIZE) as pilot:
        article_id = await _open_homs(app, pilot)
        app.library.add_rule("Hezbollah", "remove")
        await pilot.press("R")
        await pilot.press("d", "escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
    stored = Library.open(db_path)
    assert stored.rules() == []
    assert stored.count_unannotated() == 0
    assert ("Hezbollah", "ORG") in {(s.text, s.label) for p in stored.article(article_id).paragraphs for s in p.spans}


@pytest.mark.parametrize("url, opened", [
    ("https://example.org/a?b=1", True),
    ("javascript:alert(1)", False),
    ("file:///etc/passwd", False),
    ("http://", False),
])
async def test_links_open_only_as_http_or_https_after_showing_them(db_path, tmp_path, monkeypatch, url, opened):
    import webbrowser

    calls = []
    monkeypatch.setattr(webbrowser, "open", lambda address, *a, **k: calls.append(address) or True)
    store = Library.open(db_path)
    store.add_article(Draft(title="Linked", paragraphs=("Text.",), url=url))
    store.close()
    app = make_app(db_path, export_dir=tmp_path, annotate_delay=0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.press("u")
        if opened:
            assert url in screen_text(app)  # shown before opening
            await pilot.press("enter")
        await pilot.pause()
    assert calls == ([url] if opened else [])


async def test_clicking_a_key_in_the_key_line_presses_it(app):
    """A click on `t Tag…` in the bottom line opens the tag picker (it crashed: a None was awaited)."""
    from newsgloss.tui.shared.key_line import KeyLine

    async with app.run_test(size=SIZE) as pilot:
        await _open_homs(app, pilot)
        key_line = app.screen.query_one(KeyLine)
        line = key_line.render().plain
        assert " t Tag… " in line
        await pilot.click(KeyLine, offset=(line.index(" t Tag… ") + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, TagPicker)


async def test_keys_typed_at_once_after_slash_reach_the_search(app):
    """A burst such as '/copper' arrives before the search box exists: every letter still lands in it."""
    from textual import events
    from textual.widgets import Input

    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        for key, character in [("slash", "/"), *((c, c) for c in "copper")]:
            app.post_message(events.Key(key, character))  # all queued at once, as a terminal delivers them
        await pilot.pause(0.3)
        assert app.screen.query_one("#search-input", Input).value == "copper"


async def _until(pilot, condition, timeout: float = 10.0) -> None:
    """Let the app run until `condition()` holds (a wait on a condition, not a fixed sleep)."""
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition never held"
        await pilot.pause(0.02)


async def test_search_runs_once_typing_pauses_and_says_what_it_found(app):
    """Letters typed in a burst make one search, for the whole word; under four letters only whole words match
    (the box says so); results are drawn a screenful at a time."""
    from textual.widgets import Input, OptionList

    from newsgloss.tui.library.search_panel import DRAWN, SearchPanel

    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("slash", *"cop")
        panel = app.screen.query_one(SearchPanel)
        box = app.screen.query_one("#search-input", Input)
        await _until(pilot, lambda: panel.shown == "cop")
        assert panel.hits == [] and "under 4 letters" in str(box.border_subtitle)
        await pilot.press(*"per")
        await _until(pilot, lambda: panel.shown == "copper")
        assert panel.hits and panel.hits[0].title.startswith("Chile's copper output")
        assert str(box.border_subtitle) == f"{len(panel.hits)} found"
        await pilot.press(*["backspace"] * 6, *"the")
        await _until(pilot, lambda: panel.shown == "the")
        results = app.screen.query_one("#search-results", OptionList)
        assert len(panel.hits) > 1 and results.option_count == min(len(panel.hits), DRAWN)
