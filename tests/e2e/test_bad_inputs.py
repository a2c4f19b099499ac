"""A batch of bad files: one clear line each, the rest imports, nothing half stored, no traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.conftest import newsgloss_bin

CORPUS = Path(__file__).parent / "bad_inputs"


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """The large and special inputs, made at test time rather than committed."""
    folder = tmp_path_factory.mktemp("generated")
    line = "word " * 200 + "\n"
    with (folder / "fifty-megabytes.txt").open("w", encoding="utf-8") as out:
        out.write(line * (50 * 1024 * 1024 // len(line) + 1))
    (folder / "one-long-line.txt").write_text("date 2024-05-05 " + "long " * (5 * 1024 * 1024 // 5), encoding="utf-8")
    os.mkfifo(folder / "a-fifo.txt")
    (folder / "dangling-link.md").symlink_to(folder / "nowhere.md")
    many = folder / "many"
    many.mkdir()
    for index in range(10_000):
        (many / f"note-{index:05d}.txt").write_text(f"Small note number {index} about the market.\n", encoding="utf-8")
    return folder


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([newsgloss_bin(), *args], capture_output=True, text=True, timeout=600, check=False)


def test_bad_corpus_imports_in_one_batch(tmp_path, generated):
    db = tmp_path / "bad.db"
    result = _run("import", "--no-annotate", "--db", str(db), str(CORPUS), str(generated))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stdout.splitlines()

    def line_for(name: str) -> str:
        """The first line about an input (an input of many articles also gets a summary line after)."""
        return next(line for line in lines if f"/{name}:" in line or line.endswith(f"/{name}"))

    assert line_for("empty.txt").startswith("skipped:") and line_for("empty.txt").endswith("empty file")
    assert line_for("whitespace-only.md").endswith("empty file")
    assert line_for("binary.txt").endswith("binary file, not text")
    assert line_for("fifty-megabytes.txt").endswith("larger than 10 MB")
    assert line_for("a-fifo.txt").endswith("not a regular file")
    assert line_for("dangling-link.md").endswith("cannot read: no such file")
    assert line_for("malformed-feed.xml").endswith(("feed item has no text", "not a readable RSS or Atom feed"))
    assert sum(1 for line in lines if "/malformed-feed.xml" in line) <= 2  # its line and, with items, a summary
    assert "not a readable RSS or Atom feed" in line_for("not-a-feed.xml")
    assert "front matter is not valid YAML" in line_for("broken-front-matter.md")
    assert line_for("invalid-utf8.txt").startswith("imported:")
    assert line_for("one-long-line.txt").endswith("more than one article may hold (2,000,000)")  # 5 MB: refused
    assert line_for("utf16-bom.txt").startswith("imported:")
    assert line_for("windows-1252.txt").startswith("imported:")
    assert line_for("hostile-markup.md").startswith("imported:")
    assert line_for("malformed.html").startswith(("imported:", "skipped:"))
    assert {line_for("same-article-a.txt").split(":")[0], line_for("same-article-b.txt").split(":")[0]} == {
        "imported", "unchanged"}
    jsonl = [line for line in lines if "wrong-types.jsonl" in line]
    assert jsonl[-1].endswith("wrong-types.jsonl: 2 imported, 4 skipped")
    assert sum(1 for line in lines if "/many/" in line) == 10_000

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    orphans = conn.execute("SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM paragraphs)")
    assert orphans.fetchone()[0] == 0
    texts = " ".join(r[0] for r in conn.execute("SELECT title || ' ' || body FROM articles"))
    assert "Søren" in texts and "Αθηνά" in texts and "\u201cWe will not leave,\u201d said Zoë" in texts
    assert "\x00" not in texts and "\x1b" not in texts and "\x07" not in texts
    longest = conn.execute("SELECT max(length(text)) FROM paragraphs").fetchone()[0]
    assert longest <= 20_000


def test_damaged_and_newer_databases_get_one_line_and_stay_untouched(tmp_path):
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"\x00garbage" * 1000)
    newer = tmp_path / "newer.db"
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    for path, message in ((garbage, "not a SQLite database"), (newer, "written by a newer newsgloss")):
        before = path.read_bytes()
        for args in (["--db", str(path), "--no-seed"], ["search", "x", "--db", str(path)],
                     ["import", str(CORPUS / "same-article-a.txt"), "--db", str(path)]):
            result = _run(*args)
            assert result.returncode == 1
            assert message in result.stderr and "Traceback" not in result.stderr
            assert len(result.stderr.strip().splitlines()) == 1
        assert path.read_bytes() == before
