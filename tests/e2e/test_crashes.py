"""Crashes and concurrency with the real program: SIGKILL mid-import, SIGKILL after a note, two instances."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time

from tests.conftest import HOMS, needs_tmux, newsgloss_bin
from tests.e2e.terminal import Terminal


def _count(db) -> int:
    try:
        conn = sqlite3.connect(db, timeout=5)
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def _poll(condition, timeout: float = 60.0, every: float = 0.02):
    """Wait for a condition (polling), not for a fixed time."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if (value := condition()):
            return value
        time.sleep(every)
    raise AssertionError("condition never held")


def test_sigkill_during_import_leaves_whole_articles_or_none(tmp_path):
    library = tmp_path / "library.jsonl"
    with library.open("w", encoding="utf-8") as out:
        for index in range(20_000):
            body = "\n\n".join(f"Paragraph {p} of article {index} about talks in Geneva." for p in range(6))
            out.write(json.dumps({"title": f"Article {index}", "body": body}) + "\n")
    db = tmp_path / "killed.db"
    child = subprocess.Popen([newsgloss_bin(), "import", "--no-annotate", "--db", str(db), str(library)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _poll(lambda: _count(db) > 0)
    child.send_signal(signal.SIGKILL)
    child.wait()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    conn.commit()
    count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < count < 20_000
    whole = conn.execute(
        "SELECT count(*) FROM articles a WHERE (SELECT count(*) FROM paragraphs p WHERE p.article_id = a.id) = 6 "
        "AND a.body = (SELECT group_concat(text, char(10, 10)) FROM (SELECT text FROM paragraphs p "
        "WHERE p.article_id = a.id ORDER BY position))"
    ).fetchone()[0]
    assert whole == count
    assert conn.execute("SELECT count(*) FROM paragraphs WHERE article_id NOT IN (SELECT id FROM articles)"
                        ).fetchone()[0] == 0
    conn.close()
    result = subprocess.run([newsgloss_bin(), "import", "--no-annotate", "--db", str(db), str(library)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    summary = result.stdout.strip().rsplit(": ", 1)[1]
    assert sorted(summary.split(", ")) == sorted([f"{20_000 - count} imported", f"{count} unchanged"])


@needs_tmux
def test_note_survives_sigkill_right_after_typing(tmp_path):
    db = tmp_path / "note.db"
    subprocess.run([newsgloss_bin(), "import", "--db", str(db), str(HOMS)], check=True, capture_output=True)
    terminal = Terminal.newsgloss("--db", str(db), "--no-seed")
    try:
        terminal.open_first_article()
        terminal.keys("n")
        terminal.wait_for("Saved as you type")
        terminal.type("Typed, then the power went out")
        typed = time.monotonic()
        conn = sqlite3.connect(db)
        _poll(lambda: conn.execute("SELECT body FROM notes").fetchone(), timeout=5)
        saved_after = time.monotonic() - typed
        pid = int(terminal.tmux("display", "-p", "-t", "ng", "#{pane_pid}").strip())
        app_pids = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False).stdout.split()
        for target in [pid, *map(int, app_pids)]:
            os.kill(target, signal.SIGKILL)
    finally:
        terminal.close()
    assert saved_after < 1.5  # the editor saves 0.3 s after the last key; the rest is this machine's noise
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT position, body FROM notes").fetchall() == [(0, "Typed, then the power went out")]


@needs_tmux
def test_two_instances_tag_and_note_the_same_database(tmp_path):
    db = tmp_path / "shared.db"
    subprocess.run([newsgloss_bin(), "import", "--db", str(db), str(HOMS)], check=True, capture_output=True)
    first, second = Terminal.newsgloss("--db", str(db), "--no-seed"), Terminal.newsgloss("--db", str(db), "--no-seed")
    try:
        for terminal in (first, second):
            terminal.open_first_article()
        for step in range(6):
            first.keys("1" if step % 2 == 0 else "2")
            second.keys("j")
            second.keys("3")
        first.keys("n")
        second.keys("N")
        first.wait_for("Saved as you type")
        second.wait_for("Saved as you type")
        first.type("note from the first window")
        second.type("note from the second window")
        first.keys("Escape")
        second.keys("Escape")
        first.wait_for("✎ note from the first window")
        second.wait_for("✎ Article note: note from the second window")
        for terminal in (first, second):
            terminal.keys("q")
            terminal.wait_closed()
            assert "locked" not in terminal.screen()
    finally:
        first.close()
        second.close()
    conn = sqlite3.connect(db)
    notes = dict(conn.execute("SELECT coalesce(position, -1), body FROM notes").fetchall())
    assert notes == {0: "note from the first window", -1: "note from the second window"}
    tags = conn.execute("SELECT position, tag_id FROM paragraph_tags ORDER BY position, tag_id").fetchall()
    # The first window toggled 1,2,1,2,1,2 on ¶1 (both end on); the second tagged ¶2 to ¶7 with 3.
    assert tags == [(0, 1), (0, 2), (1, 3), (2, 3), (3, 3), (4, 3), (5, 3), (6, 3)]
