"""End to end: the real `newsgloss` program in a real terminal (tmux), then the SQLite file and the export."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import time
import uuid

import yaml

from tests.conftest import needs_tmux, newsgloss_bin

pytestmark = needs_tmux


class Terminal:
    """A tmux session on its own server socket, driven like a person at a keyboard."""

    def __init__(self, command: str) -> None:
        self.socket = f"ng-test-{uuid.uuid4().hex[:8]}"
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "ng", "-x", "120", "-y", "40", command)
        self.tmux("resize-window", "-t", "ng", "-x", "120", "-y", "40")

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "ng")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "ng", *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "ng", "-l", text)

    def wait_for(self, text: str, timeout: float = 60.0) -> str:
        """Poll the screen until `text` shows (a wait on a condition, not a fixed sleep)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; screen was:\n{self.screen()}")

    def wait_closed(self, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if "ng" not in self.tmux("list-sessions", "-F", "#{session_name}").split():
                return
            time.sleep(0.1)
        raise AssertionError("the app did not quit")

    def close(self) -> None:
        self.tmux("kill-server")

    @classmethod
    def newsgloss(cls, *args: str) -> Terminal:
        """The real program, in a 120×40 terminal of its own."""
        return cls(f"env -u COLUMNS -u LINES TERM=xterm-256color {newsgloss_bin()} {' '.join(args)}")

    def open_first_article(self) -> None:
        """Wait for the list, press Enter, wait for the reader."""
        self.wait_for("News.Az")
        self.keys("Enter")
        self.wait_for("Legend")


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
