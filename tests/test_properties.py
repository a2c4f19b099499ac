"""Property-based tests: arbitrary Unicode through every importer and through the Markdown export."""

from __future__ import annotations

import json

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.clean import clean_line
from store.export import article_markdown
from store.importers.common import ImportProblem
from store.importers.feed import read_feed
from store.importers.html import fragment_paragraphs, read_html
from store.importers.jsonl import read_jsonl
from store.importers.markdown import read_markdown
from store.importers.text import read_text
from store.models import Draft
from store.store import Store

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=400)


def _drafts_or_problems(items) -> None:
    for _, item in items:
        assert isinstance(item, (Draft, ImportProblem))
        if isinstance(item, Draft):
            assert all(isinstance(p, str) for p in item.paragraphs)


@SETTINGS
@given(TEXT)
def test_text_and_markdown_readers_never_crash(text):
    for reader in (read_text, read_markdown):
        try:
            draft = reader(text, "x")
        except ImportProblem:
            continue
        assert isinstance(draft, Draft)


@SETTINGS
@given(TEXT)
def test_html_readers_never_crash(text):
    try:
        read_html(text, "x")
    except ImportProblem:
        pass
    assert all(isinstance(p, str) for p in fragment_paragraphs(text))


@SETTINGS
@given(st.lists(st.one_of(TEXT, st.dictionaries(st.sampled_from(["title", "body", "text", "published", "source"]),
                                                 st.one_of(TEXT, st.integers(), st.none(), st.lists(TEXT))))))
def test_jsonl_reader_never_crashes(records):
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    _drafts_or_problems(read_jsonl(lines, "x"))


@SETTINGS
@given(TEXT)
def test_feed_reader_never_crashes(text):
    _drafts_or_problems(read_feed(text.encode("utf-8"), "x"))


FIELD = st.text(alphabet=st.characters(codec="utf-8"), min_size=0, max_size=60)


@SETTINGS
@given(title=FIELD, source=FIELD, url=FIELD, author=FIELD, tag=FIELD.filter(lambda t: clean_line(t)), body=TEXT)
def test_front_matter_reads_back_the_same_values(tmp_path, title, source, url, author, tag, body):
    store = Store(tmp_path / "p.db")
    try:
        outcome = store.add_article(Draft(title=title or "t", paragraphs=(body or "x", "second"), source=source,
                                          url=url, author=author, published="2024-01-02"))
        if outcome.status == "skipped":
            return
        article_id = outcome.article_id
        store.toggle_tag(article_id, 0, store.create_tag(tag).id)
        article = store.article(article_id)
        text = article_markdown(article)
        meta = yaml.safe_load(text.split("\n---\n", 1)[0][4:])
        assert meta["title"] == article.title and meta["source"] == article.source
        assert meta["url"] == article.url and meta["author"] == article.author
        assert meta["published"] == "2024-01-02"
        assert meta["tags"] == list(article.paragraphs[0].tags)
    finally:
        store.close()
        for suffix in ("", "-wal", "-shm"):
            (tmp_path / f"p.db{suffix}").unlink(missing_ok=True)
