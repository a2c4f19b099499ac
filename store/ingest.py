"""Storing new articles in bulk: drafts become rows (in any process), rows go in a batch at a time.

The full-text index is written once per batch. A per-row trigger is much slower because FTS5
flushes its in-memory index at every statement's savepoint, so each article would become a
segment of its own, to be merged again later.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from store.clean import clean_line, combined_fingerprint, fingerprint
from store.models import Draft

MAX_PARAGRAPH = 20_000  # characters; longer runs of text are cut at a space


class Prepared(NamedTuple):
    """A draft cleaned and fingerprinted, ready to store (plain values, cheap to send between processes)."""

    key: str  # the article's fingerprint
    title: str
    paragraphs: tuple[str, ...]
    prints: tuple[str, ...]
    source: str
    url: str
    author: str
    published: str
    caption: str
    origin: str

    @property
    def body(self) -> str:
        """The text as `articles.body` keeps it: the paragraphs, a blank line between."""
        return "\n\n".join(self.paragraphs)

    def paragraph_rows(self, article_id: int) -> list[tuple[int, int, str, str]]:
        """Rows for INSERT_PARAGRAPHS."""
        return [(article_id, position, text, print_)
                for position, (text, print_) in enumerate(zip(self.paragraphs, self.prints))]


INSERT_PARAGRAPHS = "INSERT INTO paragraphs (article_id, position, text, fingerprint) VALUES (?, ?, ?, ?)"


def bounded(paragraph: str) -> list[str]:
    """A paragraph cut into pieces of at most MAX_PARAGRAPH characters, at spaces where there are any."""
    pieces = []
    while len(paragraph) > MAX_PARAGRAPH:
        cut = paragraph.rfind(" ", MAX_PARAGRAPH // 2, MAX_PARAGRAPH)
        cut = cut if cut > 0 else MAX_PARAGRAPH
        pieces.append(paragraph[:cut].strip())
        paragraph = paragraph[cut:]
    return [*pieces, paragraph.strip()] if paragraph.strip() else pieces


def prepare(draft: Draft) -> Prepared | None:
    """The stored form of a draft, or None when it holds no text."""
    paragraphs = tuple(piece for p in draft.paragraphs if p.strip() for piece in bounded(p))
    if not paragraphs:
        return None
    title = clean_line(draft.title) or paragraphs[0][:80]
    prints = tuple(fingerprint(p) for p in paragraphs)
    return Prepared(combined_fingerprint(title, list(prints)), title, paragraphs, prints,
                    clean_line(draft.source), clean_line(draft.url), clean_line(draft.author),
                    draft.published or "", clean_line(draft.caption), draft.origin)


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
          p.body, p.caption) for article_id, p in zip(ids, items)],
    )
    conn.executemany(INSERT_PARAGRAPHS, [row for article_id, p in zip(ids, items) for row in p.paragraph_rows(article_id)])
    conn.execute("INSERT INTO articles_fts (rowid, title, body) SELECT id, title, body FROM articles "
                 "WHERE id BETWEEN ? AND ?", [ids[0], ids[-1]])
    if trigger:
        conn.execute(trigger)
    return ids
