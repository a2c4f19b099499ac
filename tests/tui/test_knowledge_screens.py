"""The knowledge screens in the real app (Pilot): the entity index narrowed as you type, an entity's page,
the timeline with its bars and zoom, highlights; each row opens its paragraph in the reader."""

from __future__ import annotations

from newsgloss.store import Draft, Library
from newsgloss.tui.app import make_app
from newsgloss.tui.knowledge.entity_index import EntityIndex
from newsgloss.tui.knowledge.entity_page import EntityPage
from newsgloss.tui.knowledge.highlights import Highlights
from newsgloss.tui.knowledge.timeline import Timeline
from newsgloss.tui.main_screen import MainScreen
from newsgloss.tui.reader.reader import Reader
from tests.conftest import SIZE, screen_text

ARTICLES = [
    Draft("Talks resume in Geneva", ("Volodymyr Zelensky met envoys in Geneva on Monday.",
                                     "Zelensky said the talks would resume in March. Reuters reported the meeting."),
          source="Wire", published="2024-03-04"),
    Draft("Envoys meet again", ("Zelensky told reporters in Geneva on Friday that the next round would open on "
                                "2 May 2024.",), source="Wire", published="2024-04-19"),
]


def _app(db_path, tmp_path):
    library = Library.open(db_path)
    for outcome in library.add_articles(ARTICLES):
        library.annotate_article(outcome.article_id)
    library.close()
    return make_app(db_path, export_dir=tmp_path / "export", settings_file=tmp_path / "s.toml", annotate_delay=0)


async def test_from_the_index_to_a_page_to_the_paragraph(db_path, tmp_path):
    app = _app(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E")
        assert isinstance(app.screen, EntityIndex)
        assert "Geneva  place  2 articles · 2 mentions" in screen_text(app)
        await pilot.press(*"zelen")
        await pilot.pause(0.3)
        assert [e.name for e in app.screen.items] == ["Volodymyr Zelensky", "Zelensky"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EntityPage)
        text = screen_text(app)
        assert "Volodymyr Zelensky  person" in text and "Named in" in text and "Geneva" in text
        await pilot.press("down", "enter")  # the second paragraph: "Zelensky said the talks…"
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        reader = app.screen.query_one(Reader)
        assert (reader.article.title, reader.cursor) == ("Talks resume in Geneva", 1)


async def test_i_in_the_reader_opens_the_entity_page(db_path, tmp_path):
    app = _app(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter")  # the older article: Geneva is its first entity after the person
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        if not isinstance(app.screen, EntityPage):  # several entities: a choice first
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, EntityPage)


async def test_the_timeline_zooms_and_opens_a_paragraph(db_path, tmp_path):
    app = _app(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("T")
        assert isinstance(app.screen, Timeline)
        values = [row.value for row in app.screen.items]
        assert values == sorted(values) and "2024-05-02" in values
        assert "bars by year" in screen_text(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "bars by month" in screen_text(app) and "2024-03" in screen_text(app)
        await pilot.press(*"source:Nowhere")
        await pilot.pause(0.3)
        assert app.screen.items == [] and "0 dates mentioned" in screen_text(app)
        await pilot.press("ctrl+u", *"after:2024-13")
        await pilot.pause(0.3)
        assert "there is no such date" in screen_text(app)


async def test_highlights_list_tags_and_notes(db_path, tmp_path):
    app = _app(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "n", *"check it", "escape")
        await pilot.pause()
        await pilot.press("H")
        await pilot.pause()
        assert isinstance(app.screen, Highlights)
        [item] = app.screen.items
        assert (item.tags, item.note) == (("claim",), "check it")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_the_list_filtered_by_a_query_and_exported(db_path, tmp_path):
    app = _app(db_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        from newsgloss.tui.library.article_list import ArticleList

        articles = app.screen.query_one(ArticleList)
        await pilot.press("f", *"mentions:2024-05", "enter")
        await pilot.pause()
        assert articles.count == 1 and articles.row(0).title == "Envoys meet again"
        assert "1 article · mentions:2024-05" in screen_text(app)
        await pilot.press("f", *" -x", "enter")  # a word that matches nothing: still a valid filter
        await pilot.press("f", "ctrl+u", *"after:2024-99", "enter")
        await pilot.pause()
        assert articles.count == 0 or articles.filter != "after:2024-99"
        assert any("a date is YYYY" in str(n.message) or "no such date" in str(n.message)
                   for n in app._notifications)
        await pilot.press("f", "ctrl+u", "enter")  # empty: every article again
        await pilot.pause()
        assert articles.count == 2
        await pilot.press("f", *"source:Wire", "enter", "X")
        await pilot.pause()
    assert len(list((tmp_path / "export").glob("*.md"))) == 2
