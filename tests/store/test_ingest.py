"""Bulk ingest: batches, the full-text index written once per batch, worker processes for large files."""

from __future__ import annotations

import json
import sqlite3

from newsgloss.store import Draft
from newsgloss.store.importers import Source
from newsgloss.store.importers.jsonl import read_lines
from newsgloss.store.jobs.parallel import prepare_jsonl, ready


def _line(title: str, body: str, **extra) -> str:
    return json.dumps({"title": title, "body": body, "source": "Wire", **extra})


def _index_rows(store) -> int:
    return sqlite3.connect(store.path).execute("SELECT count(*) FROM articles_fts_data").fetchone()[0]


def test_one_batch_with_a_repeat_and_a_new_version(tmp_path, store):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([
        _line("Port reopens", "The port reopened on Monday.", url="https://x.example/port"),
        _line("Port reopens", "The port reopened on Monday."),  # the same article again
        _line("Dam report", "Engineers inspected the dam."),
        _line("Port reopens", "The port reopened on Monday after repairs.", url="https://x.example/port"),
    ]) + "\n", encoding="utf-8")
    outcomes = list(store.import_paths([path]))
    assert [o.status for o in outcomes] == ["imported", "unchanged", "imported", "updated"]
    assert outcomes[1].article_id == outcomes[0].article_id == outcomes[3].article_id
    assert store.count_articles() == 2
    assert store.article(outcomes[0].article_id).paragraphs[0].text == "The port reopened on Monday after repairs."


def test_bulk_import_indexes_every_article_and_keeps_the_trigger(tmp_path, store):
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(_line(f"Report {n}", f"Harvest figures number {n} from the valley.")
                              for n in range(2500)) + "\n", encoding="utf-8")
    assert {o.status for o in store.import_paths([path])} == {"imported"}
    conn = sqlite3.connect(store.path, isolation_level=None)
    assert conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)").fetchall() == []
    assert conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'harvest'").fetchone()[0] == 2500
    # An article written by another program (Datasette, sqlite3) is still indexed by the trigger.
    conn.execute("INSERT INTO articles (fingerprint, title, body) VALUES ('by-hand', 'Written by hand', 'zebras')")
    assert [hit.title for hit in store.search("zebras")] == ["Written by hand"]


def test_marking_read_or_annotated_leaves_the_text_index_alone(store):
    [outcome] = list(store.add_articles([Draft("Floods", ("Rivers rose across the north.",), source="Wire")]))
    before = _index_rows(store)
    store.mark_read(outcome.article_id)
    assert store.save_spans(outcome.article_id, [[]], store.rules())
    assert _index_rows(store) == before
    other = sqlite3.connect(store.path, isolation_level=None)  # another program changes the text
    other.execute("UPDATE articles SET body = 'Rivers fell.' WHERE id = ?", [outcome.article_id])
    assert _index_rows(store) > before  # a change of text is indexed again


def test_worker_processes_give_what_this_process_gives(tmp_path):
    lines = [_line(f"Item {n}", f"Body of item {n}.\n\nSecond paragraph.") for n in range(700)]
    lines[3] = "{not json"
    lines[500] = json.dumps({"title": "no body"})
    path = tmp_path / "w.jsonl"
    text = ("\n".join(lines) + "\n").encode("utf-8")
    # One line in Windows-1252: decoded on its own, the rest stays UTF-8.
    path.write_bytes(text.replace(b"Body of item 600.", "Café tariffs at 600 €.".encode("cp1252")))
    source = Source(str(path), path)
    here = [ready(record) for record in read_lines(source.lines(), str(path))]
    there = list(prepare_jsonl(source.lines(), str(path)))
    assert there == here
    assert str(there[3][1]).startswith("not valid JSON")
    assert there[600][1].paragraphs[0] == "Café tariffs at 600 €."
