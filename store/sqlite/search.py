"""Full-text search with FTS5: user text is turned into quoted terms, never raw syntax."""

from __future__ import annotations

import re
import sqlite3

from newsgloss.store.models import SearchHit, SearchResults
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


# bm25 ranks every match in a library of up to this many articles; in a larger one, the matches among its
# newest this many, and the results say so when older articles match too (SearchResults.ranked_among).
# Scoring costs about 1-2 µs a match here, so the bound keeps the worst query near 100-200 ms.
FULL_RANKING = 100_000


def _whole_word(conn: sqlite3.Connection, words: list[str]) -> bool:
    """Whether the last word typed already matches as a word: then it needs no shorter prefix to reach
    its stem, and leaving that out halves the query ("world" would also have searched "wor*")."""
    if not words or len(words[-1]) < 5:
        return False
    return conn.execute("SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1",
                        [f'"{words[-1]}"']).fetchone() is not None


def match_expression(conn: sqlite3.Connection, words: str) -> str:
    """The FTS5 MATCH expression search runs for the words typed ("" when there are none)."""
    return fts_query(words, shorten=not _whole_word(conn, WORD.findall(words)))


def _ranked(conn: sqlite3.Connection, table: str, weights: str, query: str, limit: int, restrict: str = "",
            params: list[object] | None = None, full: int = FULL_RANKING) -> tuple[list[tuple[int, float]], bool]:
    """(rowid, score) of the best matches (among the rows `restrict` allows), and whether every match was
    ranked. A query matching more than `full` rows of a larger table is ranked over its matches among the
    newest `full` rows: a rowid range FTS5 seeks to (newest first by a LIMIT made it read a common word's
    whole list backwards, 0.5 s at 1,000,000)."""
    content = table.removesuffix("_fts")  # max(rowid) of the FTS5 table itself reads the whole index (0.2 s at 1M)
    newest = conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {content}").fetchone()[0]
    oldest = max(newest - full, 0)  # a word in more than `full` rows is ranked over the rowids above this
    if oldest and conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ? {restrict} "
                               "LIMIT ?)", [query, *(params or []), full + 1]).fetchone()[0] <= full:
        oldest = 0  # few enough matches: all of them, however old
    found = conn.execute(
        f"SELECT rowid, bm25({table}{weights}) AS score FROM {table} WHERE {table} MATCH ? AND rowid > ? "
        f"{restrict} ORDER BY score, rowid DESC LIMIT ?", [query, oldest, *(params or []), limit]).fetchall()
    if not oldest:
        return found, True
    older = conn.execute(f"SELECT 1 FROM {table} WHERE {table} MATCH ? AND rowid <= ? {restrict} LIMIT 1",
                         [query, oldest, *(params or [])]).fetchone()
    return found, older is None


def _filtered(conn: sqlite3.Connection, query: Query, limit: int) -> SearchResults:
    """Filters alone: the newest matching articles, each with the start of its text."""
    sql, params = where(conn, query)
    found = conn.execute(f"SELECT id, title, source, published, body FROM articles WHERE {sql} "
                         "ORDER BY published DESC, id DESC LIMIT ?", [*params, limit]).fetchall()
    return SearchResults(SearchHit(r[0], r[1], r[2] or "", r[3] or "", *snippet(r[4], [])) for r in found)


TITLE_ABOVE_BODY = ", 4.0, 1.0"  # bm25's column weights for articles_fts: a title hit counts four times
BROAD = 5000  # a filter that keeps at least this many articles is checked on the best matches, not listed first


def _articles(conn: sqlite3.Connection, match: str, limit: int, restrict: str, params: list[object],
              full: int, broad_from: int = BROAD) -> tuple[list[tuple[int, float]], bool]:
    """The best articles for `match` among those the filter `restrict` keeps. A narrow filter (the starred, a
    tag) lists its articles first and ranks only their matches; a broad one (the unread, a year) ranks every
    match and keeps the best that pass, which is the same answer when enough of the best pass."""
    if not restrict:
        return _ranked(conn, "articles_fts", TITLE_ABOVE_BODY, match, limit, full=full)
    broad = conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM articles WHERE {restrict} LIMIT ?)",
                         [*params, broad_from]).fetchone()[0] >= broad_from
    if broad:
        candidates, complete = _ranked(conn, "articles_fts", TITLE_ABOVE_BODY, match, limit * 8, full=full)
        ids = [rowid for rowid, _ in candidates]
        kept = {row[0] for row in conn.execute(
            f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(ids))}) AND {restrict}", [*ids, *params])}
        best = [(rowid, score) for rowid, score in candidates if rowid in kept]
        if len(best) >= limit or len(candidates) < limit * 8:  # enough passed, or every match was a candidate
            return best[:limit], complete
    # `+rowid`, not `rowid`: a plain rowid IN (...) is handed to FTS5, which then runs the whole match once per
    # id in the list (20 s for 4,000 ids at 100,000 articles); with the + it matches once and checks the list.
    return _ranked(conn, "articles_fts", TITLE_ABOVE_BODY, match, limit,
                   f"AND +rowid IN (SELECT id FROM articles WHERE {restrict})", params, full)


def search_library(conn: sqlite3.Connection, query: Query, limit: int = 50, full: int = FULL_RANKING,
                   broad_from: int = BROAD) -> SearchResults:
    """Articles matching the query's filters and words (in title, body or notes), best (bm25) first: all the
    matches ranked, or when more than `full` of a larger library match, those among its newest `full` articles
    (and the results say so)."""
    words = WORD.findall(query.words)
    match = match_expression(conn, query.words)
    if not match:
        return _filtered(conn, query, limit) if query.filters else SearchResults()
    restrict, params = where(conn, query, words=False) if query.filters else ("", [])
    articles, all_articles = _articles(conn, match, limit, restrict, params, full, broad_from)
    in_notes = f"AND +rowid IN (SELECT id FROM notes WHERE article_id IN (SELECT id FROM articles WHERE {restrict}))"
    notes, all_notes = _ranked(conn, "notes_fts", "", match, limit, in_notes if restrict else "", params, full)
    ranked_among = None if all_articles and all_notes else full
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
    chosen = sorted(best.items(), key=lambda item: (item[1][0], -item[0]))[:limit]  # ties: the newest first
    if not chosen:
        return SearchResults()
    # The shelf (the list, the archive or the trash) is checked on the few ranked, not on the whole library: the
    # unary + keeps SQLite from walking the shelf's index over every article instead (0.28 s at 1,000,000).
    rows = {row[0]: row[1:] for row in conn.execute(
        f"SELECT id, title, source, published, body FROM articles WHERE id IN ({','.join('?' * len(chosen))}) "
        f"AND +{shelf_condition(query)}", [article_id for article_id, _ in chosen],
    )}
    chosen = [item for item in chosen if item[0] in rows]
    note_ids = [rowid for _, (_, kind, rowid) in chosen if kind == "note"]
    note_bodies = dict(conn.execute(
        f"SELECT id, body FROM notes WHERE id IN ({','.join('?' * len(note_ids))})", note_ids
    ).fetchall()) if note_ids else {}
    hits = SearchResults(ranked_among=ranked_among)
    for article_id, (_, kind, rowid) in chosen:
        title, source, published, body = rows[article_id]
        if kind == "note":
            window, marks = snippet(note_bodies.get(rowid, ""), words)
            window, marks = "note: " + window, tuple((a + 6, b + 6) for a, b in marks)
        else:
            window, marks = snippet(body, words)
        hits.append(SearchHit(article_id, title, source or "", published or "", window, marks))
    return hits
