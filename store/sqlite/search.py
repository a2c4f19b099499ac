"""Full-text search with FTS5: user text is turned into quoted terms, never raw syntax."""

from __future__ import annotations

import re
import sqlite3

from newsgloss.store.models import SearchHit
from newsgloss.store.query import Query
from newsgloss.store.sqlite.filters import WORD, fts_query, shelf_condition, where


def snippet(text: str, words: list[str], width: int = 160) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of `text` around the first query word (matched as a word prefix), with every hit
    in the window marked by offsets. Made here, not by FTS5 snippet(), which re-expands prefix
    terms on every call."""
    text = " ".join(text.split())
    if not words:  # nothing to find: the start of the text
        return text[:width] + ("…" if len(text) > width else ""), ()
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\w*", re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, (first.start() if first else 0) - width // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    window = text[start:start + width]
    prefix = "…" if start else ""
    suffix = "…" if start + width < len(text) else ""
    marks = tuple((m.start() + len(prefix), m.end() + len(prefix)) for m in pattern.finditer(window))
    return prefix + window + suffix, marks


# bm25 is computed over at most this many of the newest matches. A word rarer than that is ranked
# over all its matches; a common one among its newest 2,000 (scoring is most of a query's time: 5,000
# candidates gave a 22-25 ms median at 100,000 articles, 2,000 gives 17-23 ms).
CANDIDATES = 2000


def _whole_word(conn: sqlite3.Connection, words: list[str]) -> bool:
    """Whether the last word typed already matches as a word: then it needs no shorter prefix to reach
    its stem, and leaving that out halves the query ("world" would also have searched "wor*")."""
    if not words or len(words[-1]) < 5:
        return False
    return conn.execute("SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1",
                        [f'"{words[-1]}"']).fetchone() is not None


def _ranked(conn: sqlite3.Connection, table: str, weights: str, query: str, limit: int, restrict: str = "",
            params: list[object] | None = None) -> list[tuple[int, float]]:
    """(rowid, score) of the best matches (among the rows `restrict` allows). FTS5 walks rowids newest first
    without sorting, so a very common word costs CANDIDATES rows, not the whole library."""
    return conn.execute(
        f"SELECT rowid, score FROM (SELECT rowid, bm25({table}{weights}) AS score FROM {table} "
        f"WHERE {table} MATCH ? {restrict} ORDER BY rowid DESC LIMIT ?) ORDER BY score LIMIT ?",
        [query, *(params or []), CANDIDATES, limit],
    ).fetchall()


def _filtered(conn: sqlite3.Connection, query: Query, limit: int) -> list[SearchHit]:
    """Filters alone: the newest matching articles, each with the start of its text."""
    sql, params = where(conn, query)
    found = conn.execute(f"SELECT id, title, source, published, body FROM articles WHERE {sql} "
                         "ORDER BY published DESC, id DESC LIMIT ?", [*params, limit]).fetchall()
    return [SearchHit(r[0], r[1], r[2] or "", r[3] or "", *snippet(r[4], [])) for r in found]


def search_library(conn: sqlite3.Connection, query: Query, limit: int = 50) -> list[SearchHit]:
    """Articles matching the query's filters and words (in title, body or notes), best (bm25) first."""
    words = WORD.findall(query.words)
    match = fts_query(query.words, shorten=not _whole_word(conn, words))
    if not match:
        return _filtered(conn, query, limit) if query.filters else []
    restrict, params = where(conn, query, words=False) if query.filters else ("", [])
    # `+rowid`, not `rowid`: a plain rowid IN (...) is handed to FTS5, which then runs the whole match once per
    # id in the list (20 s for 4,000 ids at 100,000 articles); with the + it matches once and checks the list.
    articles = _ranked(conn, "articles_fts", ", 4.0, 1.0", match, limit,
                       f"AND +rowid IN (SELECT id FROM articles WHERE {restrict})" if restrict else "", params)
    in_notes = f"AND +rowid IN (SELECT id FROM notes WHERE article_id IN (SELECT id FROM articles WHERE {restrict}))"
    notes = _ranked(conn, "notes_fts", "", match, limit, in_notes if restrict else "", params)
    note_articles = dict(conn.execute(
        f"SELECT id, article_id FROM notes WHERE id IN ({','.join('?' * len(notes))})", [r for r, _ in notes]
    ).fetchall()) if notes else {}
    best: dict[int, tuple[float, str, int]] = {}
    for rowid, score in articles:
        best[rowid] = (score, "article", rowid)
    for note_id, score in notes:
        article_id = note_articles[note_id]
        if article_id not in best or score < best[article_id][0]:
            best[article_id] = (score, "note", note_id)
    chosen = sorted(best.items(), key=lambda item: item[1][0])[:limit]
    if not chosen:
        return []
    # The shelf (the list, the archive or the trash) is checked on the few ranked, not on the whole library.
    rows = {row[0]: row[1:] for row in conn.execute(
        f"SELECT id, title, source, published, body FROM articles WHERE id IN ({','.join('?' * len(chosen))}) "
        f"AND {shelf_condition(query)}", [article_id for article_id, _ in chosen],
    )}
    chosen = [item for item in chosen if item[0] in rows]
    note_ids = [rowid for _, (_, kind, rowid) in chosen if kind == "note"]
    note_bodies = dict(conn.execute(
        f"SELECT id, body FROM notes WHERE id IN ({','.join('?' * len(note_ids))})", note_ids
    ).fetchall()) if note_ids else {}
    hits = []
    for article_id, (_, kind, rowid) in chosen:
        title, source, published, body = rows[article_id]
        if kind == "note":
            window, marks = snippet(note_bodies.get(rowid, ""), words)
            window, marks = "note: " + window, tuple((a + 6, b + 6) for a, b in marks)
        else:
            window, marks = snippet(body, words)
        hits.append(SearchHit(article_id, title, source or "", published or "", window, marks))
    return hits
