"""The Store's verbs for annotation: pending work, stored spans, and the reader's entity corrections."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from store.clean import clean_line
from store.db import StoreError, atomic, now
from store.models import EntityRule, Span
from store.rules import ACTIONS, apply_everywhere, insert_spans


class AnnotationVerbs:
    """Mixed into Store (which provides `conn`)."""

    conn: object

    def unannotated(self, limit: int = 100) -> list[int]:
        """Articles whose spans are not stored yet, oldest import first."""
        rows = self.conn.execute("SELECT id FROM articles WHERE annotated_at IS NULL ORDER BY id LIMIT ?", [limit])
        return [r[0] for r in rows]

    def count_unannotated(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles WHERE annotated_at IS NULL").fetchone()[0]

    def annotation_input(self, article_id: int) -> tuple[str, list[str]]:
        """The article's date and paragraph texts, as the annotator wants them."""
        row = self.conn.execute("SELECT published, imported_at FROM articles WHERE id = ?", [article_id]).fetchone()
        texts = [r[0] for r in self.conn.execute(
            "SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position", [article_id])]
        return (row[0] or row[1][:10]) if row else "", texts

    def save_spans(self, article_id: int, spans: Sequence[Iterable[Span]]) -> None:
        """Replace the model's spans of an article (one list per paragraph) in one transaction."""
        with atomic(self.conn):
            self.conn.execute("DELETE FROM spans WHERE article_id = ?", [article_id])
            insert_spans(self.conn, article_id, enumerate(spans))
            self.conn.execute("UPDATE articles SET annotated_at = ? WHERE id = ?", [now(), article_id])

    # Entity corrections -----------------------------------------------------

    def rules(self) -> list[EntityRule]:
        """The reader's corrections, oldest first."""
        rows = self.conn.execute("SELECT id, text, action, label FROM entity_rules ORDER BY id")
        return [EntityRule(r[0], r[1], r[2], r[3] or "") for r in rows]

    def add_rule(self, text: str, action: str, label: str = "") -> tuple[EntityRule, int]:
        """Store a correction (replacing one for the same text) and apply it to every stored article.

        Returns the rule and how many articles it changed.
        """
        text = clean_line(text)
        if not text or action not in ACTIONS or (action != "remove" and not label):
            raise StoreError("a correction needs the entity's text, an action and (unless removing) a label")
        with atomic(self.conn):
            self.conn.execute("DELETE FROM entity_rules WHERE text = ? COLLATE NOCASE", [text])
            rule_id = self.conn.execute(
                "INSERT INTO entity_rules (text, action, label, created_at) VALUES (?, ?, ?, ?)",
                [text, action, label or None, now()]).lastrowid
            rule = EntityRule(int(rule_id), text, action, label)
            changed = apply_everywhere(self.conn, rule)
        return rule, changed

    def delete_rule(self, rule_id: int) -> int:
        """Forget a correction; articles it touched are annotated again. Returns how many."""
        row = self.conn.execute("SELECT text FROM entity_rules WHERE id = ?", [rule_id]).fetchone()
        if row is None:
            return 0
        with atomic(self.conn):
            self.conn.execute("DELETE FROM entity_rules WHERE id = ?", [rule_id])
            cursor = self.conn.execute(
                "UPDATE articles SET annotated_at = NULL WHERE id IN (SELECT article_id FROM paragraphs "
                "WHERE instr(lower(text), lower(?)) > 0)", [row[0]])
        return cursor.rowcount
