"""The dates mentioned across the library, ordered by the date mentioned (not by the date published)."""

from __future__ import annotations

import sqlite3

from newsgloss.store.models import DateMention
from newsgloss.store.query import Query
from newsgloss.store.sqlite.filters import where

# A calendar value starts with its year (or decade, century): durations (P…), sets (XXXX…), references
# (…_REF) and years BC are not placed on the timeline. The first terms are those of the partial index
# idx_spans_dates, so that it serves.
CALENDAR = "s.label IN ('DATE', 'TIME') AND s.value IS NOT NULL AND s.value >= '0' AND s.value < ':'"
UNITS = {"year": (4, "[0-9][0-9][0-9][0-9]*"), "month": (7, "[0-9][0-9][0-9][0-9]-[0-9][0-9]*"),
         "day": (10, "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*")}
# The paragraphs that name an entity: beside an entity, the dates are read from these (not from every date
# of the library checked against them).
PLACES = ("WITH places AS (SELECT DISTINCT m.article_id, m.position FROM mentions m "
          "JOIN entities e ON e.id = m.entity_id WHERE e.canonical_id = ?) ")


def _source(conn: sqlite3.Connection, query: Query, entity_id: int | None) -> tuple[str, str, list[object]]:
    """(WITH clause, FROM clause and conditions, parameters) of the date spans wanted."""
    params: list[object] = []
    prefix, tables = "", "spans s"
    if entity_id is not None:
        prefix = PLACES
        tables = "places JOIN spans s ON s.article_id = places.article_id AND s.position = places.position"
        params.append(entity_id)
    conditions = [CALENDAR]
    if not query.empty:
        sql, values = where(conn, query)
        conditions.append(f"s.article_id IN (SELECT id FROM articles WHERE {sql})")
        params += values
    return prefix, f"{tables} WHERE {' AND '.join(conditions)}", params


def rows(conn: sqlite3.Connection, query: Query, entity_id: int | None = None, limit: int = 200,
         offset: int = 0) -> list[DateMention]:
    """A page of the timeline: one row per date mentioned, by the date mentioned."""
    prefix, source, params = _source(conn, query, entity_id)
    found = conn.execute(
        f"""{prefix}SELECT s.value, coalesce(s.type, s.label), s.text, s.article_id, a.title, a.published, a.source,
                   s.position, p.text, s.start, s."end"
            FROM (SELECT s.id FROM {source} ORDER BY s.value, s.article_id, s.start LIMIT ? OFFSET ?) chosen
            JOIN spans s ON s.id = chosen.id JOIN articles a ON a.id = s.article_id
            JOIN paragraphs p ON p.article_id = s.article_id AND p.position = s.position
            ORDER BY s.value, s.article_id, s.start""",
        [*params, limit, offset]).fetchall()
    return [DateMention(r[0], r[1], r[2], r[3], r[4], r[5] or "", r[6] or "", r[7], r[8], r[9], r[10]) for r in found]


def count(conn: sqlite3.Connection, query: Query, entity_id: int | None = None) -> int:
    prefix, source, params = _source(conn, query, entity_id)
    return int(conn.execute(f"{prefix}SELECT count(*) FROM {source}", params).fetchone()[0])


def bars(conn: sqlite3.Connection, query: Query, unit: str, entity_id: int | None = None) -> list[tuple[str, int]]:
    """Mentions per year, month or day (dates coarser than the unit are left out of the bars)."""
    width, pattern = UNITS[unit]
    prefix, source, params = _source(conn, query, entity_id)
    return [(r[0], r[1]) for r in conn.execute(
        f"{prefix}SELECT substr(s.value, 1, {width}), count(*) FROM {source} AND s.value GLOB ? "
        "GROUP BY 1 ORDER BY 1", [*params, pattern])]
