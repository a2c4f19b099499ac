"""Full-text search with FTS5: user text is turned into quoted terms, never raw syntax."""

from __future__ import annotations

import re

import sqlite3

from store.models import SearchHit

_WORD = re.compile(r"\w+")
_OPEN, _CLOSE = "\x02", "\x03"  # control characters never survive import, so they are safe markers


def fts_query(text: str) -> str:
    """Quote every word; the last one matches as a prefix (search as you type)."""
    words = _WORD.findall(text)
    if not words:
        return ""
    quoted = [f'"{word}"' for word in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _marks(snippet: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    plain, marks, start = [], [], 0
    position = 0
    for char in snippet:
        if char == _OPEN:
            start = position
        elif char == _CLOSE:
            marks.append((start, position))
        else:
            plain.append(char)
            position += 1
    return "".join(plain), tuple(marks)


def search_library(conn: sqlite3.Connection, text: str, limit: int = 50) -> list[SearchHit]:
    """Articles matching `text` in title, body or notes, best (bm25) first."""
    query = fts_query(text)
    if not query:
        return []
    rows = conn.execute(
        f"""
        WITH hits AS (
          SELECT * FROM (
            SELECT a.id, a.title, a.source, a.published,
                   snippet(articles_fts, -1, '{_OPEN}', '{_CLOSE}', '…', 14) AS snip,
                   bm25(articles_fts, 4.0, 1.0) AS score
            FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
            WHERE articles_fts MATCH :q ORDER BY score LIMIT :n)
          UNION ALL
          SELECT * FROM (
            SELECT a.id, a.title, a.source, a.published,
                   'note: ' || snippet(notes_fts, 0, '{_OPEN}', '{_CLOSE}', '…', 14) AS snip,
                   bm25(notes_fts) AS score
            FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid JOIN articles a ON a.id = n.article_id
            WHERE notes_fts MATCH :q ORDER BY score LIMIT :n)
        )
        SELECT id, title, source, published, snip, min(score) AS best FROM hits GROUP BY id ORDER BY best LIMIT :n
        """,
        {"q": query, "n": limit},
    ).fetchall()
    hits = []
    for row in rows:
        snippet, marks = _marks(row[4] or "")
        hits.append(SearchHit(row[0], row[1], row[2] or "", row[3] or "", snippet, marks))
    return hits
