"""What the library does with hostile or unlucky input: foreign files, two writers, takeovers by URL,
oversized records, damaged pages. Each class of failure has its test here, on a real SQLite file."""

from __future__ import annotations

import json
import sqlite3

import pytest

from newsgloss.store import Draft, Library, StoreBusy, StoreError
from newsgloss.store.sqlite import SqliteBackend


def test_another_programs_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO accounts (name) VALUES ('kept as it was')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a newsgloss library"):
        Library.open(path)
    assert path.read_bytes() == before
    assert not (tmp_path / "other.db-wal").exists()


def test_a_library_carries_its_mark(db_path):
    Library.open(db_path).close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x6E676C73
    conn.close()
    Library.open(db_path).close()  # and opens again


def test_two_windows_writing_one_note_lose_neither_text(store):
    [outcome] = store.add_articles([Draft("Port", ("The port reopened.",), source="Wire")])
    article = outcome.article_id
    store.set_note(article, 0, "first draft")
    other = Library.open(store.path)  # a second window, which read "first draft" too
    assert other.set_note(article, 0, "first draft, checked with the harbour master", base="first draft") == \
        "first draft, checked with the harbour master"
    stored = store.set_note(article, 0, "first draft and a call to Reuters", base="first draft")
    assert "first draft, checked with the harbour master" in stored
    assert "first draft and a call to Reuters" in stored
    assert stored.index("harbour master") < stored.index("Reuters")  # the one saved first on top
    assert store.note(article, 0) == stored
    other.close()


def test_an_article_from_another_source_never_takes_over_by_url(store):
    url = "https://news.example/2024/port"
    [first] = store.add_articles([Draft("Port reopens", ("The port reopened on Monday.",), source="Harbour Post",
                                        url=url)])
    store.set_note(first.article_id, 0, "my note")
    [other] = store.add_articles([Draft("Click here", ("Something else entirely.",), source="Spam Feed", url=url)])
    assert other.status == "imported" and other.article_id != first.article_id
    kept = store.article(first.article_id)
    assert (kept.title, kept.source, kept.paragraphs[0].text) == ("Port reopens", "Harbour Post",
                                                                   "The port reopened on Monday.")


def test_a_replaced_text_stays_recoverable(store):
    url = "https://news.example/2024/dam"
    [first] = store.add_articles([Draft("Dam report", ("Engineers inspected the dam.",), source="Wire", url=url)])
    [second] = store.add_articles([Draft("Dam report", ("Engineers inspected the dam again.",), source="Wire",
                                         url=url)])
    assert second.status == "updated" and second.article_id == first.article_id
    conn = sqlite3.connect(store.path)
    assert conn.execute("SELECT article_id, title, body FROM article_versions").fetchall() == [
        (first.article_id, "Dam report", "Engineers inspected the dam.")]
    conn.close()


def test_oversized_records_are_refused_with_a_reason(tmp_path, store):
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps({"title": "Fine", "body": "A normal article."}) + "\n")
        out.write(json.dumps({"title": "Huge", "body": "word " * 600_000}) + "\n")  # 3 million characters
        out.write('{"title": "Endless", "body": "' + "x" * (11 * 1024 * 1024) + '"}\n')  # one 11 MB line
        out.write(json.dumps({"title": "After", "body": "Still imported."}) + "\n")
    outcomes = list(store.import_paths([path]))
    assert [(o.place, o.status) for o in outcomes] == [("1", "imported"), ("2", "skipped"), ("3", "skipped"),
                                                       ("4", "imported")]
    assert "more than one article may hold" in outcomes[1].reason
    assert "a line longer than 10 MB" in outcomes[2].reason


@pytest.mark.parametrize(("name", "text", "reason"), [
    ("bad-date.md", "---\ntitle: T\npublished: 2024-02-30\n---\nBody text.\n", "front matter has a value"),
    ("yaml-tag.md", "---\ntitle: !!float x\n---\nBody text.\n", "front matter has a value"),
    ("deep.md", "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\nBody text.\n", "front matter"),
    ("deep.json", "[" * 100_000 + "]" * 100_000, "not readable JSON"),
    ("digits.jsonl", '{"title": "x", "body": "y", "n": ' + "9" * 5000 + "}\n", "not readable JSON"),
])
def test_one_bad_input_is_one_skipped_line_and_the_rest_imports(tmp_path, store, name, text, reason):
    bad = tmp_path / name
    bad.write_text(text, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("A headline here\n\nThe good article's text.\n", encoding="utf-8")
    outcomes = list(store.import_paths([bad, good]))
    assert [o.status for o in outcomes] == ["skipped", "imported"]
    assert reason in outcomes[0].reason and "\n" not in outcomes[0].reason


def test_character_references_to_controls_leave_the_page_whole(tmp_path, store):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Storm &#27;warning&#27;</title></head><body><article>"
                    "<p>The storm reached the coast on Monday &#x1b;[2J and flooded the old town.</p>"
                    "<p>Rescue teams worked through the night to reach stranded families.</p></article></body></html>",
                    encoding="utf-8")
    [outcome] = store.import_paths([page])
    assert outcome.status == "imported"
    text = " ".join(p.text for p in store.article(outcome.article_id).paragraphs)
    assert "flooded the old town" in text and "\x1b" not in text


def test_utf16_without_a_byte_order_mark_is_text(tmp_path, store):
    path = tmp_path / "utf16.txt"
    path.write_bytes("Pipeline deal signed\n\nThe ministers signed the pipeline deal in Baku.\n".encode("utf-16-le"))
    [outcome] = store.import_paths([path])
    assert outcome.status == "imported"
    assert store.article(outcome.article_id).title == "Pipeline deal signed"


def test_a_full_disk_is_a_store_busy_and_nothing_is_half_written(db_path):
    backend = SqliteBackend(db_path)
    library = Library(backend)
    [outcome] = library.add_articles([Draft("Port", ("The port reopened.",), source="Wire")])
    pages = backend.conn.execute("PRAGMA page_count").fetchone()[0]
    backend.conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full from here
    with pytest.raises(StoreBusy, match="disk is full"):
        library.set_note(outcome.article_id, 0, "a long note " * 20_000)
    assert library.note(outcome.article_id, 0) == ""
    library.close()
