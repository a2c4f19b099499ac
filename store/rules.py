"""Applying the reader's entity corrections: rules beat the model, in new and stored articles."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable

from store.models import EntityRule, Span

ACTIONS = ("relabel", "remove", "add")
TEMPORAL = ("DATE", "TIME")


def _occurrences(text: str, needle: str) -> Iterable[tuple[int, int]]:
    pattern = rf"(?<!\w){re.escape(needle)}(?!\w)"
    return ((m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE))


def apply_rules(texts: list[str], spans: list[list[Span]], rules: Iterable[EntityRule]) -> list[list[Span]]:
    """Spans with every rule applied, in the order the rules were made."""
    result = [list(p) for p in spans]
    for rule in rules:
        key = rule.text.casefold()
        for index, text in enumerate(texts):
            paragraph = result[index]
            if rule.action in ("relabel", "remove"):
                kept = [s for s in paragraph if s.label in TEMPORAL or s.text.casefold() != key]
                if rule.action == "relabel":
                    kept += [Span(s.start, s.end, rule.label, s.text, origin="user")
                             for s in paragraph if s.label not in TEMPORAL and s.text.casefold() == key]
                result[index] = kept
            else:
                for start, end in _occurrences(text, rule.text):
                    paragraph = [s for s in paragraph if s.label in TEMPORAL or not (s.start < end and start < s.end)]
                    paragraph.append(Span(start, end, rule.label, text[start:end], origin="user"))
                result[index] = paragraph
    return [sorted(p, key=lambda s: (s.start, s.end)) for p in result]


def insert_spans(conn: sqlite3.Connection, article_id: int, paragraphs: Iterable[tuple[int, Iterable[Span]]]) -> None:
    """Insert spans (position, spans) of one article."""
    conn.executemany(
        'INSERT INTO spans (article_id, position, start, "end", label, text, value, type, origin) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(article_id, position, s.start, s.end, s.label, s.text, s.value or None, s.type or None, s.origin)
         for position, spans in paragraphs for s in spans],
    )


def apply_everywhere(conn: sqlite3.Connection, rule: EntityRule) -> int:
    """Apply one new rule to every stored article at once; returns how many articles changed."""
    rows = conn.execute(
        "SELECT DISTINCT article_id, position, text FROM paragraphs WHERE instr(lower(text), lower(?)) > 0",
        [rule.text],
    ).fetchall()
    changed = set()
    for article_id, position, text in rows:
        current = [Span(r[0], r[1], r[2], r[3], r[4] or "", r[5] or "", r[6] or "model") for r in conn.execute(
            'SELECT start, "end", label, text, value, type, origin FROM spans WHERE article_id = ? AND position = ?',
            [article_id, position])]
        [updated] = apply_rules([text], [current], [rule])
        if updated == sorted(current, key=lambda s: (s.start, s.end)):
            continue
        conn.execute("DELETE FROM spans WHERE article_id = ? AND position = ?", [article_id, position])
        insert_spans(conn, article_id, [(position, updated)])
        changed.add(article_id)
    return len(changed)
