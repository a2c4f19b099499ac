"""Opening the SQLite file safely: refuse damaged or newer files, then migrate."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from newsgloss.store.models import StoreError

SCHEMA_VERSION = 13  # the number of migrations in schema.py (a test keeps them equal)

_HEADER = b"SQLite format 3\x00"
APPLICATION_ID = 0x6E676C73  # "ngls" in PRAGMA application_id: the mark of a newsgloss library

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
    """Refuse (untouched) a damaged file, another program's database, or one from a newer newsgloss."""
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        mark = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        ours_unmarked = version > 0 and "_sqlite_migrations" in tables and conn.execute(
            "SELECT 1 FROM _sqlite_migrations WHERE migration_set = 'newsgloss' LIMIT 1").fetchone() is not None
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} is damaged ({' '.join(str(error).split())}); left untouched") from None
    if mark != APPLICATION_ID and tables and not ours_unmarked:
        raise StoreError(f"{path} is not a newsgloss library (another program's SQLite database); left untouched")
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

    from newsgloss.store.sqlite.schema import migrations

    db = Database(conn)
    if migrations.pending(db):
        conn.execute("PRAGMA foreign_keys = OFF")  # a migration may rebuild a table that others point at
        try:
            migrations.apply(db)
        finally:
            conn.execute("PRAGMA foreign_keys = ON")
        pages, free = (conn.execute(f"PRAGMA {name}").fetchone()[0] for name in ("page_count", "freelist_count"))
        if free * 4 > pages:  # a rebuilt table left its old pages free: give them back (a few seconds, once)
            with contextlib.suppress(sqlite3.OperationalError):  # no room for VACUUM's copy: it works, only larger
                conn.execute("VACUUM")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def writable(path: Path) -> bool:
    """Whether the library at `path` can be written: the file, and the folder its journal files go in."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if not read_only:
        return sqlite3.connect(str(path), check_same_thread=False, timeout=10.0, isolation_level=None)
    uri = f"file:{quote(str(path.resolve()))}"
    try:  # read-only, seeing other writers' changes; where even that cannot be (no journal files), as it is
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False, timeout=10.0,
                               isolation_level=None)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        return sqlite3.connect(f"{uri}?immutable=1", uri=True, check_same_thread=False, isolation_level=None)


def open_database(path: Path | str, read_only: bool = False, patience: float = 10.0) -> tuple[sqlite3.Connection, bool]:
    """Open (creating if needed) and migrate the library at `path`: the connection, and whether it is read-only
    (asked for, or a file or folder this user cannot write). A damaged, foreign or newer file is refused and
    left untouched; a read-only one must exist. A write waits up to `patience` seconds for another program's."""
    path = Path(path).expanduser()
    _check_file(path)
    exists = path.exists() and path.stat().st_size > 0
    if read_only and not exists:
        raise StoreError(f"{path} does not exist: there is nothing to open read-only")
    read_only = read_only or (exists and not writable(path))
    if not path.parent.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot make the folder for {path}: {error.strerror or error}") from None
    try:
        conn = _connect(path, read_only)
        _check_version(conn, path)
    except sqlite3.Error as error:
        raise StoreError(f"cannot open {path}: {error}") from None
    except StoreError:
        conn.close()
        raise
    if read_only:
        return _read_only(conn, path), True
    conn = _set_up(conn, path)
    conn.execute(f"PRAGMA busy_timeout = {int(patience * 1000)}")
    return conn, False


def _read_only(conn: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    if conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
        conn.close()
        raise StoreError(f"{path} is read-only and was written by an older newsgloss: open it once where it can "
                         "be written, and it is brought up to date")
    # A quarter of a writer's cache: read-only connections are the app's second ones (search, entity pages), and
    # at 1,000,000 articles a full cache for search added 80 MB to the app (docs/benchmarks.md, memory).
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB // 4}")
    return conn


def _set_up(conn: sqlite3.Connection, path: Path) -> sqlite3.Connection:
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
        raise StoreError(f"{path} is damaged or cannot be written ({' '.join(str(error).split())})") from None
    return conn
