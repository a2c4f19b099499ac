"""Feeds as subscriptions against a real HTTP server on 127.0.0.1: refresh asks only for what changed, imports
only what is new, keeps tags and notes, survives a broken, missing, redirected or silent feed; OPML in and out."""

from __future__ import annotations

import subprocess
import time

import pytest

from newsgloss.store import ImportProblem
from newsgloss.store.feeds import parse_opml
from tests.conftest import newsgloss_bin
from tests.feedserver import Site, atom, rss, serving

ITEMS = [("Floods in Lagos", "http://example.test/lagos", "Floods hit Lagos on Monday, officials said."),
         ("Talks in Geneva", "http://example.test/geneva", "Talks resumed in Geneva on Tuesday.")]


def by_url(results):
    return {r.url: r for r in results}


def test_subscribe_refresh_then_only_what_is_new(store):
    site = Site()
    site.put("/wire.xml", rss("Test Wire", ITEMS))
    site.put("/atom.xml", atom("Atom Desk", ITEMS[:1]))
    with serving(site) as base:
        store.feeds.add(f"{base}/wire.xml")
        store.feeds.add(f"{base}/atom.xml")
        assert store.feeds.add(f"{base}/wire.xml")[1] is False  # subscribed once
        first = by_url(store.feeds.refresh())
        assert first[f"{base}/wire.xml"].status == "new"
        # The Atom feed carries one of the wire's articles: whichever came first imported it, once.
        assert sum(r.imported for r in first.values()) == 2 and store.count_articles() == 2
        second = by_url(store.feeds.refresh())
        assert {r.status for r in second.values()} == {"unchanged"}
        sent = [headers for path, headers in site.requests if path == "/wire.xml"][-1]
        assert sent.get("If-None-Match") == '"v1"'  # the server was asked only for what changed
        site.put("/wire.xml", rss("Test Wire", [*ITEMS, ("Vote in Accra", "http://example.test/accra",
                                                         "Ghana voted on Saturday in Accra.")]))
        third = by_url(store.feeds.refresh())
        assert third[f"{base}/wire.xml"].status == "new" and third[f"{base}/wire.xml"].imported == 1
    assert store.count_articles() == 3
    titles = {f.url: f.title for f in store.feeds.all()}
    assert titles == {f"{base}/wire.xml": "Test Wire", f"{base}/atom.xml": "Atom Desk"}


def test_a_refresh_keeps_tags_and_notes_of_an_updated_article(store):
    site = Site()
    site.put("/wire.xml", rss("Wire", ITEMS[:1]))
    with serving(site) as base:
        store.feeds.add(f"{base}/wire.xml")
        list(store.feeds.refresh())
        [article_id] = store.article_ids()
        store.toggle_tag(article_id, 0, store.tag_for_key(1).id)
        store.set_note(article_id, 0, "check the figures")
        corrected = [(ITEMS[0][0], ITEMS[0][1], ITEMS[0][2] + " Three people died.")]
        site.put("/wire.xml", rss("Wire", corrected))
        [result] = store.feeds.refresh()
    assert result.status == "new" and result.updated == 1 and store.count_articles() == 1
    article = store.article(article_id)
    assert "Three people died." in article.paragraphs[0].text
    assert article.paragraphs[0].tags == ("claim",) and article.paragraphs[0].note == "check the figures"


def test_broken_missing_redirected_and_silent_feeds(store):
    site = Site()
    site.put("/good.xml", rss("Good", ITEMS[:1]))
    site.put("/moved-here.xml", rss("Moved", ITEMS[1:]))
    site.put("/broken.xml", b"<html><body>Not a feed at all</body></html>")
    site.redirects["/old.xml"] = "/moved-here.xml"
    site.hang.add("/silent.xml")
    with serving(site) as base:
        for path in ("/good.xml", "/old.xml", "/broken.xml", "/missing.xml", "/silent.xml"):
            store.feeds.add(base + path)
        started = time.monotonic()
        results = by_url(store.feeds.refresh(deadline=1.5))
        took = time.monotonic() - started
    assert results[f"{base}/good.xml"].status == "new"
    assert results[f"{base}/old.xml"].status == "new" and results[f"{base}/old.xml"].imported == 1
    assert results[f"{base}/broken.xml"].status == "failed" and "feed" in results[f"{base}/broken.xml"].detail
    assert results[f"{base}/missing.xml"].detail == "the server answered 404 Not Found"
    assert results[f"{base}/silent.xml"].status == "failed" and "1.5 s" in results[f"{base}/silent.xml"].detail
    assert took < 10  # the silent feed held one worker for its deadline, not the refresh
    assert store.count_articles() == 2
    failed = {f.url: f.detail for f in store.feeds.all() if f.status == "failed"}
    assert set(failed) == {f"{base}/broken.xml", f"{base}/missing.xml", f"{base}/silent.xml"}


def test_only_http_addresses_are_subscribed(store):
    for address in ("file:///etc/passwd", "ftp://example.test/feed", "example.test/feed", ""):
        with pytest.raises(ImportProblem):
            store.feeds.add(address)


def test_opml_in_and_out(store):
    opml = b"""<?xml version="1.0"?><opml version="1.0"><head><title>mine</title></head><body>
      <outline text="News"><outline text="Wire" type="rss" xmlUrl="https://wire.example/rss"/>
      <outline title="Desk &amp; Co" xmlUrl="https://desk.example/atom"/></outline>
      <outline text="not a feed" htmlUrl="https://site.example/"/>
      <outline text="local" xmlUrl="file:///etc/passwd"/></body></opml>"""
    added = store.feeds.import_opml(opml)
    assert [(f.url, f.title, new) for f, new in added] == [
        ("https://wire.example/rss", "Wire", True), ("https://desk.example/atom", "Desk & Co", True)]
    assert parse_opml(store.feeds.export_opml().encode()) == [
        ("https://desk.example/atom", "Desk & Co"), ("https://wire.example/rss", "Wire")]
    with pytest.raises(ImportProblem):
        store.feeds.import_opml(b"<html>not opml</html>")


def test_cli_feeds_and_refresh(db_path, tmp_path):
    site = Site()
    site.put("/wire.xml", rss("Test Wire", ITEMS))
    opml = tmp_path / "subs.opml"
    with serving(site) as base:
        opml.write_text(f'<opml version="2.0"><body><outline text="W" xmlUrl="{base}/wire.xml"/>'
                        f'<outline text="Gone" xmlUrl="{base}/gone.xml"/></body></opml>', encoding="utf-8")
        run = [newsgloss_bin()]
        subprocess.run([*run, "feeds", "import", str(opml), "--db", str(db_path)], check=True, capture_output=True)
        first = subprocess.run([*run, "refresh", "--db", str(db_path)], capture_output=True, text=True)
        second = subprocess.run([*run, "refresh", "--db", str(db_path), "--json"], capture_output=True, text=True)
        listing = subprocess.run([*run, "feeds", "--db", str(db_path)], capture_output=True, text=True, check=True)
        exported = subprocess.run([*run, "feeds", "export", "--db", str(db_path)], capture_output=True, text=True)
    assert first.returncode == 1  # a feed failed: said, and the others were refreshed
    assert f"new: {base}/wire.xml: 2 new" in first.stdout.splitlines()
    assert f"failed: {base}/gone.xml: the server answered 404 Not Found" in first.stdout.splitlines()
    assert '"status": "unchanged"' in second.stdout and "2 new article(s)" not in second.stderr
    assert f"{base}/wire.xml\tW\t2 article(s)\tunchanged" in listing.stdout  # the OPML's name for it
    assert [u for u, _ in parse_opml(exported.stdout.encode())] == [f"{base}/gone.xml", f"{base}/wire.xml"]
