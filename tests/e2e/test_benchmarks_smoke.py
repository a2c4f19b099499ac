"""The benchmark command on a tiny library, so it cannot rot (the real figures are in docs/benchmarks.md)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_benchmark_command_writes_its_table(tmp_path):
    out = tmp_path / "benchmarks.md"
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--sizes", "60", "--runs", "1", "--work", str(tmp_path / "data"),
         "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    text = out.read_text(encoding="utf-8")
    for row in ("ingest 60 (s)", "first screen 60 (s)", "first screen 60: memory (MB)", "open an article, 60 (ms)",
                "search, 60 (ms per query)", "annotate on open, 1,000 words", "raw spaCy NER",
                "newsgloss, 2 processes"):
        assert f"| {row}" in text, row
    assert "cores" in text and "Measured 20" in text
