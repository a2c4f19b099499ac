"""Property-based tests: arbitrary Unicode through every importer and through the Markdown export."""

from __future__ import annotations

import json

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgloss.store import Draft, Library
from newsgloss.store.clean import clean_line
from newsgloss.store.export import article_markdown, tag_name
from newsgloss.store.importers import READERS, ImportProblem, Source
from newsgloss.store.importers.html import fragment_paragraphs

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=400)


def _read(tmp_path, suffix: str, data: bytes) -> None:
    """Every record a reader yields is a draft of text or a problem; a whole input may be refused."""
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    try:
        for record in READERS[suffix](Source(str(path), path)):
            assert (record.draft is None) == bool(record.problem)
            if record.draft is not None:
                assert all(isinstance(p, str) and p for p in record.draft.paragraphs)
    except ImportProblem as problem:
        assert str(problem) and "\n" not in str(problem)


@SETTINGS
@given(TEXT)
def test_every_reader_takes_any_text(tmp_path, text):
    for suffix in (".txt", ".md", ".json", ".jsonl", ".html", ".xml"):
        _read(tmp_path, suffix, text.encode("utf-8"))
    assert all(isinstance(p, str) for p in fragment_paragraphs(text))


@SETTINGS
@given(st.lists(st.one_of(TEXT, st.dictionaries(st.sampled_from(["title", "body", "text", "published", "source"]),
                                                 st.one_of(TEXT, st.integers(), st.none(), st.lists(TEXT))))))
def test_jsonl_reader_takes_any_records(tmp_path, records):
    lines = [r.replace("\n", " ") if isinstance(r, str) else json.dumps(r) for r in records]
    _read(tmp_path, ".jsonl", "\n".join(lines).encode("utf-8"))


FIELD = st.text(alphabet=st.characters(codec="utf-8"), min_size=0, max_size=60)


@SETTINGS
@given(title=FIELD, source=FIELD, url=FIELD, author=FIELD, tag=FIELD.filter(lambda t: clean_line(t)), body=TEXT)
def test_front_matter_reads_back_the_same_values(tmp_path, title, source, url, author, tag, body):
    store = Library.open(tmp_path / "p.db")
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
        assert meta["tags"] == [tag_name(t) for t in article.paragraphs[0].tags]
    finally:
        store.close()
        for suffix in ("", "-wal", "-shm"):
            (tmp_path / f"p.db{suffix}").unlink(missing_ok=True)
