"""The background annotator runs as a process of its own: progress lines, every article done, errors in one line."""

from __future__ import annotations

import subprocess
import sys

from store.importers import import_paths
from store.store import Store
from tests.conftest import SAMPLES


def _backlog(db) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "store.backlog", str(db)], capture_output=True, text=True,
                          timeout=300, check=False)


def test_backlog_annotates_every_article_and_reports_each(db_path):
    store = Store(db_path)
    count = sum(1 for o in import_paths(store, [SAMPLES]) if o.status == "imported")
    store.close()
    result = _backlog(db_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line.split() for line in result.stdout.splitlines()]
    assert [(int(done), int(total)) for done, total, _ in lines] == [(n, count) for n in range(1, count + 1)]
    store = Store(db_path)
    assert store.count_unannotated() == 0
    assert store.conn.execute("SELECT count(DISTINCT article_id) FROM spans").fetchone()[0] == count
    store.close()


def test_backlog_on_a_damaged_file_says_so_in_one_line(tmp_path):
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"not a database at all" * 100)
    result = _backlog(damaged)
    assert result.returncode == 1
    assert result.stdout.startswith("error ") and "not a SQLite database" in result.stdout
    assert len(result.stdout.splitlines()) == 1 and "Traceback" not in result.stderr
