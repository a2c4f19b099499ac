"""Storing articles in bulk: new ones a batch at a time, repeats left alone, new versions replaced.

The full-text index is written once per batch. A per-row trigger is much slower because FTS5
flushes its in-memory index at every statement's savepoint, so each article would become a
segment of its own, to be merged again later.
"""

from __future__ import annotations

import json
import sqlite3

from newsgloss.store.drafts import Prepared, place
from newsgloss.store.models import ImportStatus
from newsgloss.store.sqlite.connection import atomic, now

# A paragraph's text is kept once, in `articles.body`: a paragraph is its place there (the `paragraphs` view
# reads its text back).
INSERT_PARAGRAPHS = ("INSERT INTO paragraph_places (article_id, position, start, length, fingerprint) "
                     "VALUES (?, ?, ?, ?, ?)")


def _names(item: Prepared) -> set[object]:
    """What makes two articles versions of one: the same source, with the same URL or the same title."""
    source = item.source.casefold()
    return {name for name in ((item.url, source) if item.url else "", (item.title, source) if source else "") if name}


def _insert_trigger(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'articles_ai'").fetchone()
    return row[0] if row else None


def insert_new(conn: sqlite3.Connection, items: list[Prepared], stamp: str) -> list[int]:
    """Insert new articles with their paragraphs and index them; returns their ids.

    Call inside a transaction. The index trigger is set aside for the batch and put back before
    the transaction ends, so other programs always see it (and a crash rolls both back).
    """
    if not items:
        return []
    first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM articles").fetchone()[0]
    ids = list(range(first, first + len(items)))
    trigger = _insert_trigger(conn)
    if trigger:
        conn.execute("DROP TRIGGER articles_ai")
    conn.executemany(
        "INSERT INTO articles (id, fingerprint, title, source, url, author, published, imported_at, origin, "
        "body, caption, starred) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
        [(article_id, p.key, p.title, p.source, p.url, p.author, p.published or None, stamp, p.origin,
          p.body, p.caption) for article_id, p in zip(ids, items, strict=True)],
    )
    conn.executemany(INSERT_PARAGRAPHS, [row for article_id, p in zip(ids, items, strict=True)
                                         for row in p.paragraph_rows(article_id)])
    conn.execute("INSERT INTO articles_fts (rowid, title, body) SELECT id, title, body FROM articles "
                 "WHERE id BETWEEN ? AND ?", [ids[0], ids[-1]])
    if trigger:
        conn.execute(trigger)
    return ids


def carry_over(conn: sqlite3.Connection, article_id: int, new: list[tuple[str, str]]) -> None:
    """Move tags and notes of `article_id` onto its new paragraphs (before they replace the old ones)."""
    old = conn.execute("SELECT position, text, fingerprint FROM paragraphs WHERE article_id = ?",
                       [article_id]).fetchall()
    tags = conn.execute("SELECT position, tag_id, created_at FROM paragraph_tags WHERE article_id = ? "
                        "AND position >= 0", [article_id]).fetchall()  # tags on the whole article (-1) stay
    notes = conn.execute("SELECT position, body, created_at, updated_at FROM notes WHERE article_id = ? "
                         "AND position IS NOT NULL", [article_id]).fetchall()
    mapping = place(old, new, {p for p, *_ in tags} | {p for p, *_ in notes})
    conn.execute("DELETE FROM paragraph_tags WHERE article_id = ? AND position >= 0", [article_id])
    conn.execute("DELETE FROM notes WHERE article_id = ? AND position IS NOT NULL", [article_id])
    for position, tag_id, created in tags:
        if position in mapping:
            conn.execute("INSERT INTO paragraph_tags VALUES (?, ?, ?, ?, ?)",
                         [article_id, mapping[position], tag_id, new[mapping[position]][1], created])
    for position, body, created, updated in notes:
        if position in mapping:
            conn.execute("INSERT INTO notes (article_id, position, fingerprint, body, created_at, updated_at) "
                         "VALUES (?, ?, ?, ?, ?, ?)", [article_id, mapping[position], new[mapping[position]][1],
                                                       body, created, updated])
    lost = sorted(({p for p, *_ in tags} | {p for p, *_ in notes}) - set(mapping))
    texts = {p: t for p, t, _ in old}
    names = dict(conn.execute("SELECT id, name FROM tags").fetchall())
    for position in lost:
        conn.execute(
            "INSERT INTO orphans (article_id, old_position, old_text, tags, note, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [article_id, position, texts.get(position, ""),
             json.dumps([names[t] for p, t, _ in tags if p == position]),
             next((body for p, body, *_ in notes if p == position), ""), now()],
        )


class Ingest:
    """Adds prepared articles to the library."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def add_batch(self, batch: list[Prepared]) -> list[tuple[ImportStatus, int]]:
        """Store a batch of prepared articles in one transaction: new ones inserted, repeats left alone,
        new versions replacing their stored text. (status, article id) for each, in order."""
        found = dict(self.conn.execute(
            f"SELECT fingerprint, id FROM articles WHERE fingerprint IN ({','.join('?' * len(batch))})",
            [item.key for item in batch]).fetchall()) if batch else {}
        outcomes: list[tuple[ImportStatus, int]] = []
        waiting: dict[str, tuple[int, Prepared]] = {}  # new articles by key, with their place in `outcomes`
        names: set[object] = set()  # the URLs and (title, source) pairs of the waiting articles
        stamp = now()

        def store_waiting() -> None:
            ids = insert_new(self.conn, [item for _, item in waiting.values()], stamp)
            for (index, item), article_id in zip(waiting.values(), ids, strict=True):
                outcomes[index] = ("imported", article_id)
                found[item.key] = article_id
            waiting.clear()
            names.clear()

        with atomic(self.conn):
            for item in batch:
                if item.key in waiting or (item.key not in found and _names(item) & names):
                    store_waiting()  # a repeat or a new version of an article not stored yet
                if item.key in found:
                    outcomes.append(("unchanged", found[item.key]))
                elif (previous := self._previous_version(item)) is not None:
                    self._replace(previous, item, stamp)
                    found[item.key] = previous
                    outcomes.append(("updated", previous))
                else:
                    waiting[item.key] = (len(outcomes), item)
                    names.update(_names(item))
                    outcomes.append(("imported", 0))  # its id once the waiting articles are stored
            store_waiting()
        return outcomes

    def _previous_version(self, item: Prepared) -> int | None:
        """The stored article this one is a new version of: from the same source, with the same URL or the
        same title. An article from another source is never a version of it, whatever URL it gives."""
        row = None
        if item.url:
            row = self.conn.execute("SELECT id FROM articles WHERE url = ? AND coalesce(source, '') = ? "
                                    "COLLATE NOCASE ORDER BY id LIMIT 1", [item.url, item.source]).fetchone()
        if row is None and item.source:
            row = self.conn.execute("SELECT id FROM articles WHERE title = ? AND source = ? ORDER BY id LIMIT 1",
                                    [item.title, item.source]).fetchone()
        return int(row[0]) if row else None

    def _replace(self, article_id: int, item: Prepared, stamp: str) -> None:
        """New text for a stored article; tags and notes follow their paragraphs (carry_over)."""
        self.conn.execute(
            "INSERT INTO article_versions (article_id, title, body, source, url, fingerprint, replaced_at) "
            "SELECT id, title, body, source, url, fingerprint, ? FROM articles WHERE id = ?", [stamp, article_id])
        carry_over(self.conn, article_id, list(zip(item.paragraphs, item.prints, strict=True)))
        self.conn.execute("DELETE FROM paragraph_places WHERE article_id = ?", [article_id])
        self.conn.execute("DELETE FROM spans WHERE article_id = ?", [article_id])
        self.conn.executemany(INSERT_PARAGRAPHS, item.paragraph_rows(article_id))
        self.conn.execute(
            "UPDATE articles SET fingerprint = ?, title = ?, body = ?, published = coalesce(?, published), "
            "author = coalesce(nullif(?, ''), author), caption = coalesce(nullif(?, ''), caption), "
            "imported_at = ?, annotated_at = NULL WHERE id = ?",
            [item.key, item.title, item.body, item.published or None, item.author,
             item.caption, stamp, article_id],
        )
