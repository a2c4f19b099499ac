"""The Library over a real SQLite file: tags, notes, search, damaged and newer files."""

from __future__ import annotations

import sqlite3

import pytest

from newsgloss.store import Draft, Library, StoreError
from tests.conftest import HOMS, SAMPLES


@pytest.fixture
def homs(store) -> int:
    [outcome] = store.import_paths([HOMS])
    return outcome.article_id


def test_new_database_has_schema_wal_and_starter_tags(store, db_path):
    conn = sqlite3.connect(db_path)
    # The schema version counts the migrations applied.
    assert conn.execute("PRAGMA user_version").fetchone()[0] == conn.execute(
        "SELECT count(*) FROM _sqlite_migrations").fetchone()[0] >= 7
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "paragraph_places", "spans", "tags", "paragraph_tags", "notes", "articles_fts",
            "notes_fts"} <= tables
    # A paragraph's text is kept once, in articles.body; `paragraphs` reads it back under the old name.
    assert conn.execute("SELECT type FROM sqlite_master WHERE name = 'paragraphs'").fetchone() == ("view",)
    assert [t.name for t in store.tags()] == ["claim", "quote", "figure", "event", "follow-up", "source",
                                            "contradiction", "background", "important"]
    assert [t.key for t in store.tags()] == list(range(1, 10))


def test_toggle_tag_on_and_off(store, homs):
    claim = store.tag_for_key(1)
    assert store.toggle_tag(homs, 2, claim.id) is True
    assert store.article(homs).paragraphs[2].tags == ("claim",)
    assert store.article_page(0, 10)[0].tagged == 1
    assert store.toggle_tag(homs, 2, claim.id) is False
    assert store.article(homs).paragraphs[2].tags == ()


def test_created_tag_takes_next_free_key_or_none(store):
    assert store.create_tag("  casualties ").name == "casualties"
    assert store.create_tag("casualties").key == 0
    assert store.create_tag("claim").key == 1
    with pytest.raises(StoreError):
        store.create_tag("   ")


def test_notes_on_paragraph_and_article_update_and_delete(store, homs):
    store.set_note(homs, 1, "First thought")
    store.set_note(homs, None, "About the whole piece")
    store.set_note(homs, 1, "Second thought")
    article = store.article(homs)
    assert article.paragraphs[1].note == "Second thought"
    assert article.note == "About the whole piece"
    assert sqlite3.connect(store.path).execute("SELECT count(*) FROM notes").fetchone()[0] == 2
    store.set_note(homs, 1, "   ")
    assert store.note(homs, 1) == ""
    assert sqlite3.connect(store.path).execute("SELECT count(*) FROM notes").fetchone()[0] == 1


@pytest.mark.parametrize("query", ["hello-world", "c++", '"unbalanced', "AND", "*", "NEAR(", "title:x", "'", "",
                                   "[/foo]"])
def test_any_search_text_is_valid(store, homs, query):
    assert isinstance(store.search(query), list)


def test_search_ranks_and_marks_hits(store):
    list(store.import_paths([SAMPLES]))
    hits = store.search("Hezbollah")
    assert hits and hits[0].title.startswith("Thousands of people fled")
    start, end = hits[0].marks[0]
    assert hits[0].snippet[start:end].lower() == "hezbollah"
    assert store.search("hezbol")[0].article_id == hits[0].article_id  # prefix while typing


def test_search_finds_notes(store, homs):
    store.set_note(homs, 0, "check the casualty figures against UNHCR")
    [hit] = store.search("unhcr")
    assert hit.article_id == homs
    assert hit.snippet.startswith("note: ")


def test_garbage_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "broken.db"
    path.write_bytes(b"this is not a database at all" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a SQLite database"):
        Library.open(path)
    assert path.read_bytes() == before


def test_newer_schema_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer newsgloss"):
        Library.open(path)
    assert path.read_bytes() == before


def test_truncated_database_is_refused(tmp_path):
    path = tmp_path / "cut.db"
    Library.open(path).close()
    data = path.read_bytes()
    path.write_bytes(data[:200])
    with pytest.raises(StoreError):
        Library.open(path)


def test_search_as_you_type_reaches_stems(store):
    store.add_article(Draft(title="Border security talks", paragraphs=("Security forces met on Monday.",)))
    for typed in ("secu", "secur", "securi", "securit", "security"):
        assert [h.title for h in store.search(typed)] == ["Border security talks"], typed
    assert store.search("sec") == [] and store.search("met") != []  # under four letters: whole words only
    [hit] = store.search("securi")
    assert [hit.snippet[a:b] for a, b in hit.marks] == ["Security"]


@pytest.mark.parametrize("order", ["newest", "source", "title"])
def test_pages_read_from_the_far_end_match_the_forward_pages(store, order):
    """Past the middle, pages are read backwards (OFFSET would step over every row before them)."""
    drafts = [Draft(f"{'Bridge' if n % 3 else 'bridge'} report {n // 2}", (f"Text number {n}.",),
                    source=("Wire", "wire", "Ledger", "")[n % 4], url=f"https://example.org/{n}",
                    published=None if n % 5 == 0 else f"2025-01-{1 + n % 9:02d}")
              for n in range(37)]
    list(store.add_articles(drafts))
    total = store.count_articles()
    forward = [row.id for row in store.article_page(0, total, order)]
    assert len(forward) == total == 37
    for offset in range(0, total + 3, 3):
        assert [row.id for row in store.article_page(offset, 5, order, total=total)] == forward[offset:offset + 5]


def test_text_is_kept_once_and_an_older_library_is_converted_in_place(tmp_path):
    """A library from before migration 12 (paragraphs as a table of their own) opens with every paragraph,
    tag, note and span where it was, and its paragraphs' text is read from the body."""
    path = tmp_path / "old.db"
    old = Library.open(path)
    [outcome] = old.import_paths([HOMS])
    old.annotate_article(outcome.article_id)
    old.toggle_tag(outcome.article_id, 2, old.tag_for_key(1).id)
    old.set_note(outcome.article_id, 3, "a note")
    before = old.article(outcome.article_id)
    old.close()
    conn = sqlite3.connect(path)  # back to the old layout: paragraphs as a table with their text
    conn.executescript("""
        CREATE TABLE paragraphs_old AS SELECT * FROM paragraphs;
        DROP VIEW paragraphs; ALTER TABLE paragraphs_old RENAME TO paragraphs; DROP TABLE paragraph_places;
        DELETE FROM _sqlite_migrations WHERE name = 'm012_text_once'; PRAGMA user_version = 11;""")
    conn.close()
    library = Library.open(path)
    assert library.article(outcome.article_id) == before
    library.close()


def test_an_older_library_gets_its_text_last_and_keeps_rows_indexes_and_triggers(tmp_path):
    """Migration 13 rebuilds `articles` with the body as its last column: every row, index and trigger
    survives: the full-text index answers, the journal's trigger still records a star."""
    path = tmp_path / "old.db"
    old = Library.open(path)
    ids = [outcome.article_id for outcome in old.import_paths([SAMPLES])]
    old.curation.star(ids[:1])
    old.set_note(ids[0], 0, "a note")
    before = [old.article(i) for i in ids]
    old.close()
    conn = sqlite3.connect(path)  # back to the old column order: the body in the middle
    kept = [row[0] for row in conn.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'articles' AND type IN ('index', 'trigger')")]
    conn.executescript("""
        PRAGMA foreign_keys = OFF;
        CREATE TABLE old_articles (id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL, title TEXT NOT NULL,
            source TEXT, url TEXT, author TEXT, published TEXT, imported_at TEXT, origin TEXT, body TEXT NOT NULL,
            caption TEXT, read_at TEXT, starred INTEGER DEFAULT 0, annotated_at TEXT, linked_at TEXT,
            shelf INTEGER NOT NULL DEFAULT 0, shelved_at TEXT);
        INSERT INTO old_articles SELECT id, fingerprint, title, source, url, author, published, imported_at, origin,
            body, caption, read_at, starred, annotated_at, linked_at, shelf, shelved_at FROM articles;
        DROP TABLE articles; PRAGMA legacy_alter_table = ON; ALTER TABLE old_articles RENAME TO articles;""")
    for sql in kept:
        conn.execute(sql)
    conn.executescript("DELETE FROM _sqlite_migrations WHERE name = 'm013_text_last'; PRAGMA user_version = 12;")
    conn.close()

    library = Library.open(path)
    columns = [row[1] for row in sqlite3.connect(path).execute("PRAGMA table_info(articles)")]
    assert columns[-1] == "body" and len(columns) == 17
    assert [library.article(i) for i in ids] == before
    assert [hit.article_id for hit in library.search("is:starred")] == ids[:1]
    assert library.search(before[1].title.split()[0])  # the full-text index still answers
    library.curation.star(ids[:1], False)  # the journal's trigger on articles is back
    assert library.curation.undo() is not None and library.article(ids[0]).starred
    library.close()


def test_opening_an_up_to_date_library_does_not_load_the_migration_tools(tmp_path):
    """sqlite-utils (about 0.2 s to import) is for migrations: opening a library already up to date, as the app
    does before its first screen, leaves it unloaded."""
    import subprocess
    import sys

    path = tmp_path / "library.db"
    Library.open(path).close()
    code = ("import sys; from newsgloss.store import Library; Library.open(sys.argv[1]).close(); "
            "print('sqlite_utils' in sys.modules)")
    loaded = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "False"
