"""End to end: the real `newsgloss` program in a real terminal (tmux), then the SQLite file and the export."""

from __future__ import annotations

import os
import sqlite3
import subprocess

import yaml

from tests.conftest import needs_tmux, newsgloss_bin
from tests.e2e.terminal import Terminal

pytestmark = needs_tmux


def test_read_tag_note_quit_then_export(tmp_path):
    db = tmp_path / "e2e.db"
    out = tmp_path / "md"
    terminal = Terminal.newsgloss("--db", str(db), "--export-dir", str(tmp_path / "exp"))
    try:
        terminal.wait_for("annotated")
        terminal.open_first_article()
        terminal.keys("j")
        terminal.keys("1")
        terminal.wait_for("⚑ claim")
        terminal.keys("n")
        terminal.wait_for("Saved as you type")
        terminal.type("Rebel claim: check against the UN figures")
        terminal.keys("Escape")
        terminal.wait_for("✎ Rebel claim")
        terminal.keys("q")
        terminal.wait_closed()
    finally:
        terminal.close()

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    (article_id,) = conn.execute("SELECT id FROM articles WHERE source = 'News.Az'").fetchone()
    tags = conn.execute(
        "SELECT position, name FROM paragraph_tags JOIN tags ON tags.id = tag_id WHERE article_id = ?", [article_id]
    ).fetchall()
    assert tags == [(1, "claim")]
    notes = conn.execute("SELECT position, body FROM notes WHERE article_id = ?", [article_id]).fetchall()
    assert notes == [(1, "Rebel claim: check against the UN figures")]
    conn.close()

    subprocess.run([newsgloss_bin(), "export", "--db", str(db), "--out", str(out)], check=True, capture_output=True,
                   env={**os.environ})
    [homs] = [p for p in out.iterdir() if "thousands-of-people" in p.name]
    text = homs.read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("\n---\n", 1)[0][4:])
    assert meta["source"] == "News.Az" and meta["tags"] == ["claim"]
    assert "> The head of the Syrian faction" in text
    assert "Tags: #claim" in text
    assert "Rebel claim: check against the UN figures" in text


def test_keys_typed_in_one_burst_apply_in_order(tmp_path):
    """"j j Enter j j 1" as one write: Enter opens the article the j's moved to, and the keys after it
    move and tag in the reader, whatever the timing."""
    db = tmp_path / "burst.db"
    terminal = Terminal.newsgloss("--db", str(db))
    try:
        terminal.wait_for("annotated")
        terminal.type("jj\rjj1")
        terminal.wait_for("⚑ claim")
        terminal.keys("q")
        terminal.wait_closed()
    finally:
        terminal.close()
    conn = sqlite3.connect(db)
    third = conn.execute("SELECT id FROM articles ORDER BY published DESC, id DESC LIMIT 1 OFFSET 2").fetchone()[0]
    tagged = conn.execute("SELECT article_id, position FROM paragraph_tags").fetchall()
    conn.close()
    assert tagged == [(third, 2)]
