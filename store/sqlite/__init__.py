"""The SQLite backend: the only place in newsgloss that speaks SQL.

A `SqliteBackend` is one connection to one library file, with its tables grouped by what they hold.
`Library` (store/library.py) is written against `store.backend.Backend`, which this satisfies.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsgloss.store.models import DateMention, SearchResults, StoreBusy, StoreError, StoreReadOnly
from newsgloss.store.query import Query
from newsgloss.store.sqlite import timeline
from newsgloss.store.sqlite.annotations import Annotations
from newsgloss.store.sqlite.articles import Articles
from newsgloss.store.sqlite.connection import atomic, open_database
from newsgloss.store.sqlite.entities import Entities
from newsgloss.store.sqlite.feeds import Feeds
from newsgloss.store.sqlite.ingest import Ingest
from newsgloss.store.sqlite.journal import Journal
from newsgloss.store.sqlite.search import search_library
from newsgloss.store.sqlite.spans import Rules, Spans


class SqliteBackend:
    """One library file. Open one per thread: a connection does not cross threads."""

    def __init__(self, path: Path | str, read_only: bool = False, patience: float = 10.0) -> None:
        self.path = Path(path).expanduser()
        self.conn, self.read_only = open_database(self.path, read_only, patience)
        self.articles = Articles(self.conn)
        self.annotations = Annotations(self.conn)
        self.spans = Spans(self.conn)
        self.rules = Rules(self.conn)
        self.ingest = Ingest(self.conn)
        self.entities = Entities(self.conn)
        self.feeds = Feeds(self.conn)
        self.journal = Journal(self.conn)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside is stored together or not at all (nested: a savepoint)."""
        with atomic(self.conn):
            yield

    @contextmanager
    def errors(self) -> Iterator[None]:
        """Database errors inside become StoreErrors (one line for a person, never a traceback)."""
        try:
            yield
        except sqlite3.Error as error:
            raise translated(error) from error

    def search(self, query: Query, limit: int) -> SearchResults:
        return search_library(self.conn, query, limit)

    def timeline(self, query: Query, entity_id: int | None = None, limit: int = 200,
                 offset: int = 0) -> list[DateMention]:
        return timeline.rows(self.conn, query, entity_id, limit, offset)

    def timeline_count(self, query: Query, entity_id: int | None = None) -> int:
        return timeline.count(self.conn, query, entity_id)

    def timeline_bars(self, query: Query, unit: str, entity_id: int | None = None) -> list[tuple[str, int]]:
        return timeline.bars(self.conn, query, unit, entity_id)

    def close(self) -> None:
        # No planner statistics (ANALYZE, PRAGMA optimize): measured on the knowledge base's queries, they sent
        # the planner through an entity's mentions row by row (source:Reuters entity:Homs …: 6 ms -> 259 ms).
        self.conn.close()


def translated(error: sqlite3.Error) -> StoreError:
    """A database error as the one-line StoreError a person reads: busy and full are worth retrying."""
    message = str(error)
    if "locked" in message or "busy" in message:
        return StoreBusy("the library is busy: another program has kept it locked for 10 s; nothing was lost")
    if "full" in message:
        return StoreBusy("the disk is full: nothing was lost, and the change is tried again")
    if "readonly" in message or "read-only" in message:
        return StoreReadOnly("the library is read-only here: nothing can be changed")
    if isinstance(error, sqlite3.OperationalError):
        return StoreError(f"database error: {message}")
    return StoreError(f"the library is damaged ({message}); nothing was changed")
