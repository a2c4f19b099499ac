"""`r` in the app refreshes the feeds against a real HTTP server on 127.0.0.1: a bar while it runs, the list
updated as articles arrive, one message at the end that names a failed feed."""

from __future__ import annotations

from newsgloss.store import Library
from newsgloss.tui.app import make_app
from newsgloss.tui.library.article_list import ArticleList
from newsgloss.tui.library.refresh import FeedRefresh
from tests.conftest import SIZE
from tests.feedserver import Site, rss, serving


async def test_r_refreshes_the_feeds_and_the_list_shows_what_came(db_path, tmp_path):
    site = Site()
    site.put("/wire.xml", rss("Test Wire", [("Floods in Lagos", "http://example.test/1", "Floods hit Lagos."),
                                            ("Talks in Geneva", "http://example.test/2", "Talks resumed.")]))
    site.hang.add("/slow.xml")  # answers only when the test lets it (then with nothing)
    with serving(site) as base:
        library = Library.open(db_path)
        library.feeds.add(f"{base}/wire.xml")
        library.feeds.add(f"{base}/gone.xml")
        library.feeds.add(f"{base}/slow.xml")
        library.close()
        app = make_app(db_path, export_dir=tmp_path / "export", annotate_delay=0)
        messages: list[str] = []
        async with app.run_test(size=SIZE) as pilot:
            app.notify = lambda message, **kwargs: messages.append(message)  # type: ignore[method-assign]
            assert app.screen.query_one(ArticleList).count == 0
            await pilot.press("r")
            bar = app.screen.query_one(FeedRefresh)
            assert bar.running and bar.display  # the bar shows while the feeds are fetched
            while app.screen.query_one(ArticleList).count < 2:  # the list fills before the slow feed is done
                await pilot.pause(0.05)
            assert bar.running
            site.released.set()
            await app.workers.wait_for_complete()
            await pilot.pause()
            titles = {app.screen.query_one(ArticleList).row(i).title for i in range(2)}
            assert titles == {"Floods in Lagos", "Talks in Geneva"}
            assert not bar.running
    assert any("3 feed(s): 2 new article(s)" in m and "gone.xml" in m and "404" in m for m in messages)


async def test_r_without_feeds_says_how_to_add_one(db_path, tmp_path):
    app = make_app(db_path, export_dir=tmp_path / "export", annotate_delay=0)
    messages: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.notify = lambda message, **kwargs: messages.append(message)  # type: ignore[method-assign]
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert any("newsgloss feeds add URL" in m for m in messages)
