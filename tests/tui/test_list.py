"""The article list in the real app (Pilot): its rows, the split beside the reader, unread marks."""

from __future__ import annotations

import sqlite3

from newsgloss.store import Draft, Library
from newsgloss.tui.library.article_list import ArticleList
from newsgloss.tui.reader.reader import Reader
from tests.conftest import SIZE, screen_text


async def test_the_list_uses_every_row_and_never_scrolls_sideways(app, db_path):
    store = Library.open(db_path)  # more articles than rows, so the list has a vertical scrollbar
    list(store.add_articles([Draft(f"Report {n}", (f"Text {n}.",), source="Wire") for n in range(60)]))
    store.close()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        articles = app.screen.query_one(ArticleList)
        assert not articles.show_horizontal_scrollbar
        assert articles.scrollable_content_region.height == articles.size.height


async def test_brackets_move_the_split_and_longer_titles_show(app, db_path):
    store = Library.open(db_path)
    list(store.add_articles([Draft("Ministers agree a long-awaited settlement on river water sharing after talks",
                                   ("Text.",), source="Wire", published="2030-01-01")]))
    store.close()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        articles = app.screen.query_one(ArticleList)
        before = articles.size.width
        assert "settlement on river" not in screen_text(app)
        await pilot.press(*"]" * 6)  # typed at once: each press counts
        await pilot.pause()
        assert articles.size.width > before + 20
        assert "settlement on river" in screen_text(app)
        await pilot.press(*"[" * 20)
        await pilot.pause()
        assert articles.size.width < before
        assert app.screen.query_one(Reader).size.width > 70


async def test_opening_an_article_clears_its_unread_mark_in_the_list_and_the_file(app, db_path):
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        articles = app.screen.query_one(ArticleList)
        await pilot.press("j")
        second = articles.row(1)
        assert second.unread
        assert articles.render_line(1).text.startswith("●")
        await pilot.press("enter")
        await pilot.pause()
        assert articles.render_line(1).text.startswith("  ")
        assert articles.render_line(2).text.startswith("●")  # the others keep theirs
    read_at = sqlite3.connect(db_path).execute("SELECT read_at FROM articles WHERE id = ?", [second.id]).fetchone()[0]
    assert read_at
