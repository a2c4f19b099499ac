"""Opening the SQLite file safely: refuse damaged or newer files, then migrate."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from store.models import StoreError

SCHEMA_VERSION = 7  # the number of migrations in schema.py (a test keeps them equal)

_HEADER = b"SQLite format 3\x00"

# SQLite's default page cache is 2 MB. Updating the full-text index of a large library
# re-reads the same b-tree pages, and at that size each read is a system call: a
# 10,000-article import spent 113 s in the kernel. The cache grows only as pages are used.
CACHE_KIB = 64 * 1024
# Large pages: a library is mostly article text, written once to the WAL and once at checkpoint, and
# every page is a system call. 16 KB pages made a 100,000-article import 20 % faster than 4 KB ones.
PAGE_BYTES = 16 * 1024


def now() -> str:
    """The current UTC time as ISO 8601 with seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _check_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_HEADER))
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror}") from None
    if header != _HEADER:
        raise StoreError(f"{path} is not a SQLite database (damaged or another kind of file); left untouched")


def _check_version(conn: sqlite3.Connection, path: Path) -> None:
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} is damaged ({error}); left untouched") from None
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer newsgloss (schema {version}, this one knows {SCHEMA_VERSION}); "
            "upgrade newsgloss to open it"
        )


@contextmanager
def atomic(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One transaction (a savepoint when nested). BEGIN IMMEDIATE takes the write lock up front,
    so two instances wait for each other (busy_timeout) instead of failing half-way."""
    if conn.in_transaction:
        name = f"sp{id(conn)}_{conn.total_changes}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        conn.execute(f"RELEASE SAVEPOINT {name}")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _migrate(conn: sqlite3.Connection) -> None:
    """Apply pending migrations with sqlite-utils (imported only when there is something to do)."""
    from sqlite_utils import Database

    from store.sqlite.schema import migrations

    db = Database(conn)
    if migrations.pending(db):
        migrations.apply(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def open_database(path: Path | str) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at `path`; a damaged or newer file is refused."""
    path = Path(path).expanduser()
    _check_file(path)
    if not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=10.0, isolation_level=None)
    except sqlite3.Error as error:
        raise StoreError(f"cannot open {path}: {error}") from None
    _check_version(conn, path)
    if conn.execute("PRAGMA page_count").fetchone()[0] == 0:
        conn.execute(f"PRAGMA page_size = {PAGE_BYTES}")  # only a new, empty file takes a page size
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    try:
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = wal")
        conn.execute("PRAGMA synchronous = NORMAL")
        if conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
            _migrate(conn)
    except sqlite3.DatabaseError as error:
        conn.close()
        raise StoreError(f"{path} is damaged or read-only ({error})") from None
    return conn
