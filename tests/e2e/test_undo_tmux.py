"""Undo that survives a restart, in the real program in tmux: tag, note, star, archive and delete one article,
quit, start again, undo all five (z) in reverse order; the SQLite file ends as it began."""

from __future__ import annotations

import sqlite3

from tests.conftest import needs_tmux
from tests.e2e.terminal import Terminal

pytestmark = needs_tmux


def _state(db) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as conn:
        return {
            "tags": conn.execute("SELECT article_id, position, tag_id FROM paragraph_tags ORDER BY 1, 2, 3").fetchall(),
            "notes": conn.execute("SELECT article_id, position, body FROM notes ORDER BY 1, 2").fetchall(),
            "states": conn.execute("SELECT id, coalesce(starred, 0), shelf FROM articles ORDER BY id").fetchall(),
        }


def test_five_changes_quit_restart_undo_all_five(tmp_path):
    db = tmp_path / "undo.db"
    terminal = Terminal.newsgloss("--db", str(db))
    try:
        terminal.wait_for("annotated")
        before = _state(db)
        terminal.open_first_article()
        terminal.keys("1")
        terminal.wait_for("⚑ claim")
        terminal.keys("n")
        terminal.wait_for("Saved as you type")
        terminal.type("Check the figures")
        terminal.keys("Escape")
        terminal.wait_for("✎ Check the figures")
        terminal.keys("s")
        terminal.wait_for("★ starred")
        terminal.keys("a")
        terminal.wait_for("in the archive")
        terminal.keys("d")
        terminal.wait_for("Move this article to the trash?")  # it holds a tag and a note: asked, with counts
        terminal.wait_for("1 tagged paragraph(s) and 1 note(s)")
        terminal.keys("y")
        terminal.wait_for("in the trash")
        changed = _state(db)
        terminal.keys("q")
        terminal.wait_closed()
    finally:
        terminal.close()
    assert changed != before

    terminal = Terminal.newsgloss("--db", str(db))
    try:
        terminal.wait_for("articles")
        for undone in ("to the trash", "to the archive", "Undone: star", "Undone: note", "Undone: claim"):
            terminal.keys("z")
            terminal.wait_for(undone)
        terminal.keys("q")
        terminal.wait_closed()
    finally:
        terminal.close()
    assert _state(db) == before
