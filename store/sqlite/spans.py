"""The annotator's output (`spans`) and the reader's corrections (`entity_rules`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from newsgloss.store.models import EntityRule, Span
from newsgloss.store.sqlite.connection import now

INSERT_SPANS = ('INSERT INTO spans (article_id, position, start, "end", label, text, value, type, origin) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")


RULE_COLUMNS = "id, text, action, label, target, target_label"


def _rule(r: tuple) -> EntityRule:
    return EntityRule(r[0], r[1], r[2], r[3] or "", r[4] or "", r[5] or "")


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

    def of_article(self, article_id: int) -> list[list[Span]]:
        """An article's spans, a list per paragraph (every paragraph, those without spans too)."""
        count = self.conn.execute("SELECT count(*) FROM paragraphs WHERE article_id = ?", [article_id]).fetchone()[0]
        found: list[list[Span]] = [[] for _ in range(count)]
        for position, *row in self.conn.execute(
                'SELECT position, start, "end", label, text, value, type, origin FROM spans WHERE article_id = ? '
                "ORDER BY position, start", [article_id]):
            if position < count:
                found[position].append(_span(tuple(row)))
        return found

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
        """Every correction and entity rule, oldest first."""
        rows = self.conn.execute(f"SELECT {RULE_COLUMNS} FROM entity_rules ORDER BY id")
        return [_rule(r) for r in rows]

    def add(self, text: str, action: str, label: str, target: str = "", target_label: str = "") -> EntityRule:
        """Store a rule, replacing one of its family for the same text (any case): a correction of the text
        (relabel, remove, add), or an entity rule for the name (alias, hide), or a merge of the entity."""
        family = ("relabel", "remove", "add") if action in ("relabel", "remove", "add") else \
            ("merge",) if action == "merge" else ("alias", "hide")
        same = "text = ? COLLATE NOCASE AND action IN ({})".format(",".join("?" * len(family)))
        extra = " AND coalesce(label, '') = ?" if action == "merge" else ""
        self.conn.execute(f"DELETE FROM entity_rules WHERE {same}{extra}",
                          [text, *family, *([label] if action == "merge" else [])])
        rule_id = self.conn.execute(
            "INSERT INTO entity_rules (text, action, label, target, target_label, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [text, action, label or None, target or None, target_label or None, now()]).lastrowid
        return EntityRule(int(rule_id or 0), text, action, label, target, target_label)

    def delete(self, rule_id: int) -> EntityRule | None:
        """Forget a rule; returns it (None when there was none)."""
        row = self.conn.execute(f"SELECT {RULE_COLUMNS} FROM entity_rules WHERE id = ?", [rule_id]).fetchone()
        if row is None:
            return None
        self.conn.execute("DELETE FROM entity_rules WHERE id = ?", [rule_id])
        return _rule(row)

    def reannotate_containing(self, text: str) -> int:
        """Mark every article whose text holds `text` for annotating again; returns how many."""
        cursor = self.conn.execute(
            "UPDATE articles SET annotated_at = NULL WHERE id IN (SELECT article_id FROM paragraphs "
            "WHERE instr(lower(text), lower(?)) > 0)", [text])
        return cursor.rowcount

    def current(self, rules: Sequence[EntityRule]) -> bool:
        """Whether `rules` are still every correction, as stored now."""
        return self.all() == list(rules)
