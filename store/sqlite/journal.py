"""The undo journal: steps of the reader's changes, recorded by triggers (migration 11), undone and redone.

A step is opened around one action (`step`); while it is open, triggers copy each changed row of the
journaled tables, before and after, into `journal_changes`. Undo applies the rows' earlier states in reverse
order, redo their later states in order, with no step open (so neither is journaled itself). History is
linear: a new step drops the steps undone before it.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

from newsgloss.store.models import JournalStep, StoreError
from newsgloss.store.sqlite.connection import atomic, now

# The tables (and, of articles, the columns) whose changes the journal's triggers record: (key, columns).
JOURNALED = {
    "paragraph_tags": (("article_id", "position", "tag_id"), ("article_id", "position", "tag_id", "fingerprint",
                                                               "created_at")),
    "notes": (("id",), ("id", "article_id", "position", "fingerprint", "body", "created_at", "updated_at")),
    "tags": (("id",), ("id", "name", "key", "created_at")),
    "entity_rules": (("id",), ("id", "text", "action", "label", "created_at", "target", "target_label")),
    "articles": (("id",), ("read_at", "starred", "shelf", "shelved_at")),  # the reader's states only
}

KEEP = 5000  # steps kept; older ones are forgotten
MERGE_SECONDS = 120.0  # saves of one note by one window within this are one step


class Journal:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    @contextmanager
    def step(self, summary: str, window: str, merge_key: str | None = None) -> Iterator[int]:
        """One undoable step around the changes made inside (one transaction); a step that changed nothing
        is not kept. Consecutive steps with the same `merge_key` from the same window, close in time, are one."""
        with atomic(self.conn):
            step_id = self._open(summary, window, merge_key)
            self.conn.execute("UPDATE journal_state SET step = ?", [step_id])
            try:
                yield step_id
            finally:
                self.conn.execute("UPDATE journal_state SET step = NULL")
            if not self.conn.execute("SELECT 1 FROM journal_changes WHERE step_id = ? LIMIT 1", [step_id]).fetchone():
                self.conn.execute("DELETE FROM journal_steps WHERE id = ?", [step_id])

    def _open(self, summary: str, window: str, merge_key: str | None) -> int:
        if self.conn.execute("SELECT step FROM journal_state").fetchone()[0] is not None:
            raise StoreError("an undo step is already open")  # a step inside a step: a bug, never silent
        undone = [r[0] for r in self.conn.execute("SELECT id FROM journal_steps WHERE undone")]
        if undone:  # a new change after undos: what was undone cannot be redone any more
            marks = ",".join("?" * len(undone))
            self.conn.execute(f"DELETE FROM journal_changes WHERE step_id IN ({marks})", undone)
            self.conn.execute(f"DELETE FROM journal_steps WHERE id IN ({marks})", undone)
        if merge_key is not None:
            last = self.conn.execute("SELECT id, window, merge_key, at FROM journal_steps ORDER BY id DESC LIMIT 1"
                                     ).fetchone()
            if last and last[1] == window and last[2] == merge_key and _age(last[3]) < MERGE_SECONDS:
                self.conn.execute("UPDATE journal_steps SET at = ? WHERE id = ?", [now(), last[0]])
                return int(last[0])
        step_id = int(self.conn.execute(
            "INSERT INTO journal_steps (at, window, summary, merge_key) VALUES (?, ?, ?, ?)",
            [now(), window, summary, merge_key]).lastrowid or 0)
        if step_id % 100 == 0:  # now and then, forget the oldest steps
            self.conn.execute("DELETE FROM journal_changes WHERE step_id <= ?", [step_id - KEEP])
            self.conn.execute("DELETE FROM journal_steps WHERE id <= ?", [step_id - KEEP])
        return step_id

    def history(self, limit: int = 20) -> list[JournalStep]:
        rows = self.conn.execute(
            "SELECT s.id, s.at, s.window, s.summary, s.undone, (SELECT count(*) FROM journal_changes c "
            "WHERE c.step_id = s.id) FROM journal_steps s ORDER BY s.id DESC LIMIT ?", [limit]).fetchall()
        return [JournalStep(id=r[0], at=r[1], window=r[2], summary=r[3], undone=bool(r[4]), changes=r[5])
                for r in rows]

    def undo(self) -> tuple[JournalStep, list[dict[str, object]]] | None:
        """Undo the latest step not undone yet: the step and the entity rules it touched (their rows)."""
        return self._replay("SELECT id FROM journal_steps WHERE NOT undone ORDER BY id DESC LIMIT 1", backwards=True)

    def redo(self) -> tuple[JournalStep, list[dict[str, object]]] | None:
        """Redo the earliest step undone (after the last one kept)."""
        return self._replay("SELECT id FROM journal_steps WHERE undone ORDER BY id LIMIT 1", backwards=False)

    def _replay(self, which: str, backwards: bool) -> tuple[JournalStep, list[dict[str, object]]] | None:
        """Apply the step the query `which` names, backwards (undo) or forwards (redo), and mark it so."""
        with atomic(self.conn):
            row = self.conn.execute(which).fetchone()
            if row is None:
                return None
            rules = self._apply(row[0], backwards=backwards)
            self.conn.execute("UPDATE journal_steps SET undone = ? WHERE id = ?", [int(backwards), row[0]])
            return self._one(row[0]), rules

    def _one(self, step_id: int) -> JournalStep:
        return next(s for s in self.history(KEEP) if s.id == step_id)

    def _apply(self, step_id: int, backwards: bool) -> list[dict[str, object]]:
        changes = self.conn.execute(
            f"SELECT tbl, op, key, before, after FROM journal_changes WHERE step_id = ? ORDER BY id "
            f"{'DESC' if backwards else 'ASC'}", [step_id]).fetchall()
        rules: list[dict[str, object]] = []
        for table, op, key_json, before_json, after_json in changes:
            if table not in JOURNALED:
                continue
            key = json.loads(key_json)
            state = json.loads(before_json if backwards else after_json) if (before_json if backwards else after_json) \
                else None
            if table == "entity_rules":
                rules += [json.loads(x) for x in (before_json, after_json) if x]
            exists_now = (op == "delete") if backwards else (op != "delete")
            try:
                if table == "articles" or op == "update":
                    self._set(table, key, state)
                elif exists_now:
                    self._insert(table, state)
                else:
                    self._delete(table, key)
            except sqlite3.IntegrityError:
                continue  # the row's article is gone for good (emptied from the trash): nothing to restore
        return rules

    def _set(self, table: str, key: dict[str, object], state: dict[str, object] | None) -> None:
        if state is None:
            return
        columns = [c for c in state if c in JOURNALED[table][1]]
        self.conn.execute(
            f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} WHERE "
            + " AND ".join(f"{k} = ?" for k in key), [*(state[c] for c in columns), *key.values()])

    def _insert(self, table: str, state: dict[str, object] | None) -> None:
        if state is None:
            return
        columns = [c for c in state if c in JOURNALED[table][1]]
        self.conn.execute(f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) VALUES "
                          f"({', '.join('?' * len(columns))})", [state[c] for c in columns])

    def _delete(self, table: str, key: dict[str, object]) -> None:
        keys = [k for k in key if k in JOURNALED[table][0]]
        self.conn.execute(f"DELETE FROM {table} WHERE " + " AND ".join(f"{k} = ?" for k in keys),
                          [key[k] for k in keys])


def _age(stamp: str) -> float:
    from datetime import datetime

    try:
        return time.time() - datetime.fromisoformat(stamp).timestamp()
    except ValueError:
        return float("inf")
