"""The filter language (store/query.py) as SQL over `articles`: each filter a condition on articles.id."""

from __future__ import annotations

import re
import sqlite3

from newsgloss.store.annotation.resolve import key, written
from newsgloss.store.query import SHELVES, Filter, Query, period_end

WORD = re.compile(r"\w+")


def fts_query(text: str, shorten: bool = True) -> str:
    """Quote every word. The last one (from four letters) also matches as a prefix, for search as you type
    (a shorter prefix reaches too much of the vocabulary to be worth its cost). Its exact form is kept, and
    (if `shorten`) a prefix two letters shorter is added, because the porter index stores stems that a
    prefix of the typed word misses ("securi" vs the stem "secur")."""
    words = WORD.findall(text)
    if not words:
        return ""
    quoted = [f'"{word}"' for word in words]
    last = words[-1]
    if len(last) >= 6 and shorten:  # "securi" also as "secu*", which reaches the stem "secur"
        quoted[-1] = f'({quoted[-1]} OR "{last}"* OR "{last[:-2]}"*)'
    elif len(last) >= 4:
        quoted[-1] = f'({quoted[-1]} OR "{last}"*)'
    return " AND ".join(quoted)


DATE_SPANS = "label IN ('DATE', 'TIME') AND value IS NOT NULL"  # the partial index idx_spans_dates covers these


def entity_ids(conn: sqlite3.Connection, name: str) -> list[int]:
    """The shown entities a name stands for: its own name or an alias (any label), else the entities written
    that way in some article ("Assad": Bashar al-Assad; "HTS": Hayat Tahrir al-Sham)."""
    low = key(name, "").rstrip("\x1f") + "\x1f"
    shown = "SELECT id FROM entities WHERE id IN ({}) AND NOT hidden"
    found = conn.execute(shown.format("SELECT canonical_id FROM entities WHERE key >= ? AND key < ?"),
                         [low, low[:-1] + "\x20"]).fetchall()
    if not found and name.strip():
        found = conn.execute(shown.format(
            "SELECT e.canonical_id FROM entity_names n JOIN entities e ON e.id = n.entity_id WHERE n.name_key = ?"),
            [written(name)]).fetchall()
    return [r[0] for r in found]


def _condition(conn: sqlite3.Connection, item: Filter) -> tuple[str, list[object]]:
    value = item.value
    if item.field == "tag":
        return ("articles.id IN (SELECT pt.article_id FROM paragraph_tags pt JOIN tags t ON t.id = pt.tag_id "
                "WHERE t.name = ? COLLATE NOCASE)"), [value]
    if item.field == "entity":
        ids = entity_ids(conn, value) or [-1]
        return (f"articles.id IN (SELECT m.article_id FROM mentions m JOIN entities e ON e.id = m.entity_id "
                f"WHERE e.canonical_id IN ({','.join('?' * len(ids))}))"), list(ids)
    if item.field == "source":
        return "articles.source = ? COLLATE NOCASE", [value]
    if item.field == "after":
        return "articles.published >= ?", [value]
    if item.field == "before":
        return "articles.published < ?", [value]
    if item.field == "mentions":
        return (f"articles.id IN (SELECT article_id FROM spans WHERE {DATE_SPANS} AND value >= ? AND value < ?)",
                [value, period_end(value)])
    if item.field == "is":
        if value == "starred":
            return "articles.starred", []
        if value in SHELVES:
            return f"articles.shelf = {SHELVES[value]}", []
        return ("articles.read_at IS NULL" if value == "unread" else "articles.read_at IS NOT NULL"), []
    table = "notes" if value == "note" else "paragraph_tags"
    return f"articles.id IN (SELECT article_id FROM {table})", []


def where(conn: sqlite3.Connection, query: Query, words: bool = True) -> tuple[str, list[object]]:
    """The conditions of `query` on `articles` joined by AND, the shelf it looks at first (the list unless it
    asks for the archive or the trash); its words too, as a full-text match, when `words`."""
    parts = [shelf_condition(query)]
    params: list[object] = []
    for item in query.filters:
        sql, values = _condition(conn, item)
        parts.append(f"NOT ({sql})" if item.negated else sql)
        params += values
    if words and (match := fts_query(query.words)):
        parts.append("articles.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(match)
    return " AND ".join(parts), params


def shelf_condition(query: Query | None) -> str:
    """The shelf a query looks at: the list, unless it asks for the archive or the trash (is:archived)."""
    for item in query.filters if query else ():
        if item.field == "is" and item.value in SHELVES and not item.negated:
            return f"articles.shelf = {SHELVES[item.value]}"
    return "articles.shelf = 0"
