"""The annotator's output (`spans`) and the reader's corrections (`entity_rules`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from store.models import EntityRule, Span
from store.sqlite.connection import now

INSERT_SPANS = ('INSERT INTO spans (article_id, position, start, "end", label, text, value, type, origin) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")


def _span(r: tuple) -> Span:
    return Span(r[0], r[1], r[2], r[3], r[4] or "", r[5] or "", r[6] or "model")


class Spans:
    """Entities and dates of stored articles. Callers hold the transaction (Library.transaction)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def save(self, article_id: int, paragraphs: Iterable[tuple[int, Iterable[Span]]], whole: bool = True) -> None:
        """Store spans (position, spans) of one article; `whole` replaces all of its spans and marks it annotated."""
        if whole:
            self.conn.execute("DELETE FROM spans WHERE article_id = ?", [article_id])
        else:
            positions = []
            rows = []
            for position, spans in paragraphs:
                positions.append(position)
                rows.append((position, list(spans)))
            self.conn.executemany("DELETE FROM spans WHERE article_id = ? AND position = ?",
                                  [(article_id, p) for p in positions])
            paragraphs = rows
        self.conn.executemany(INSERT_SPANS, [
            (article_id, position, s.start, s.end, s.label, s.text, s.value or None, s.type or None, s.origin)
            for position, spans in paragraphs for s in spans
        ])
        if whole:
            self.conn.execute("UPDATE articles SET annotated_at = ? WHERE id = ?", [now(), article_id])

    def paragraphs_containing(self, text: str) -> list[tuple[int, int, str, list[Span]]]:
        """(article id, position, paragraph text, its spans) of every paragraph whose text holds `text`."""
        rows = self.conn.execute(
            "SELECT DISTINCT article_id, position, text FROM paragraphs WHERE instr(lower(text), lower(?)) > 0", [text]
        ).fetchall()
        return [(article_id, position, paragraph, [_span(r) for r in self.conn.execute(
            'SELECT start, "end", label, text, value, type, origin FROM spans WHERE article_id = ? AND position = ?',
            [article_id, position])]) for article_id, position, paragraph in rows]


class Rules:
    """The reader's entity corrections."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def all(self) -> list[EntityRule]:
        """Every correction, oldest first."""
        rows = self.conn.execute("SELECT id, text, action, label FROM entity_rules ORDER BY id")
        return [EntityRule(r[0], r[1], r[2], r[3] or "") for r in rows]

    def add(self, text: str, action: str, label: str) -> EntityRule:
        """Store a correction, replacing one for the same text (any case)."""
        self.conn.execute("DELETE FROM entity_rules WHERE text = ? COLLATE NOCASE", [text])
        rule_id = self.conn.execute(
            "INSERT INTO entity_rules (text, action, label, created_at) VALUES (?, ?, ?, ?)",
            [text, action, label or None, now()]).lastrowid
        return EntityRule(int(rule_id or 0), text, action, label)

    def delete(self, rule_id: int) -> EntityRule | None:
        """Forget a correction; returns it (None when there was none)."""
        row = self.conn.execute("SELECT id, text, action, label FROM entity_rules WHERE id = ?", [rule_id]).fetchone()
        if row is None:
            return None
        self.conn.execute("DELETE FROM entity_rules WHERE id = ?", [rule_id])
        return EntityRule(row[0], row[1], row[2], row[3] or "")

    def reannotate_containing(self, text: str) -> int:
        """Mark every article whose text holds `text` for annotating again; returns how many."""
        cursor = self.conn.execute(
            "UPDATE articles SET annotated_at = NULL WHERE id IN (SELECT article_id FROM paragraphs "
            "WHERE instr(lower(text), lower(?)) > 0)", [text])
        return cursor.rowcount

    def current(self, rules: Sequence[EntityRule]) -> bool:
        """Whether `rules` are still every correction, as stored now."""
        return self.all() == list(rules)
