"""The `feeds` table: subscriptions, and what each server said at the last refresh."""

from __future__ import annotations

import sqlite3

from newsgloss.store.models import Feed, StoreError
from newsgloss.store.sqlite.connection import atomic, now

_COLUMNS = "id, url, title, added_at, etag, last_modified, checked_at, status, detail, articles"


def _feed(row: tuple) -> Feed:
    return Feed(id=row[0], url=row[1], title=row[2] or "", added_at=row[3] or "", etag=row[4] or "",
                last_modified=row[5] or "", checked_at=row[6] or "", status=row[7] or "", detail=row[8] or "",
                articles=row[9] or 0)


class Feeds:
    """Subscriptions by address (an address is subscribed once)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def all(self) -> list[Feed]:
        return [_feed(r) for r in self.conn.execute(f"SELECT {_COLUMNS} FROM feeds ORDER BY title COLLATE NOCASE, url")]

    def get(self, url: str) -> Feed | None:
        row = self.conn.execute(f"SELECT {_COLUMNS} FROM feeds WHERE url = ?", [url]).fetchone()
        return _feed(row) if row else None

    def add(self, url: str, title: str = "") -> tuple[Feed, bool]:
        """The subscription to `url`, and whether it is new (a second add keeps the first)."""
        with atomic(self.conn):
            cursor = self.conn.execute("INSERT OR IGNORE INTO feeds (url, title, added_at) VALUES (?, ?, ?)",
                                       [url, title, now()])
            if title and not cursor.rowcount:
                self.conn.execute("UPDATE feeds SET title = ? WHERE url = ? AND title = ''", [title, url])
        feed = self.get(url)
        if feed is None:
            raise StoreError(f"the feed {url} could not be stored")
        return feed, bool(cursor.rowcount)

    def remove(self, url: str) -> bool:
        with atomic(self.conn):
            return bool(self.conn.execute("DELETE FROM feeds WHERE url = ?", [url]).rowcount)

    def checked(self, url: str, status: str, detail: str = "", etag: str | None = None,
                last_modified: str | None = None, title: str = "", articles: int = 0) -> None:
        """What a refresh found: the server's validators are kept when it sent new ones."""
        with atomic(self.conn):
            self.conn.execute(
                "UPDATE feeds SET checked_at = ?, status = ?, detail = ?, etag = coalesce(?, etag), "
                "last_modified = coalesce(?, last_modified), title = CASE WHEN ? != '' THEN ? ELSE title END, "
                "articles = articles + ? WHERE url = ?",
                [now(), status, detail, etag, last_modified, title, title, articles, url])
