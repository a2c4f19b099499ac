"""Installed as a user installs it: a new venv with the pip it comes with (never upgraded), `pip install` of
this checkout. The program then imports a saved web page, prints its version, keeps its code under the
`newsgloss` name, and its first run opens on the sample articles. (pip's cache, filled when ./dev made
.venv, saves the downloads.)"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT, needs_tmux
from tests.e2e.terminal import Terminal

PAGE = """<html><head><title>Rains in Lagos | Wire</title></head><body><nav>Home | World</nav><article>
<h1>Floods hit Lagos after a week of rain</h1>
<p>Floods hit Lagos on Monday after a week of heavy rain, officials said, and thousands left their homes.</p>
<p>The governor visited the worst-hit districts on Tuesday and promised help for the families affected.</p>
<p>Forecasters expect more rain across the region this week, the national weather agency said.</p>
</article><footer>Copyright</footer></body></html>"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with this checkout installed by its stock pip; the folder of its programs."""
    where = tmp_path_factory.mktemp("fresh") / "venv"
    venv.EnvBuilder(with_pip=True).create(where)
    bin_dir = where / "bin"
    subprocess.run([bin_dir / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(ROOT)],
                   check=True, capture_output=True, timeout=900)
    return bin_dir


def test_stock_pip_installs_a_working_program(installed, tmp_path):
    pip_version = subprocess.run([installed / "python", "-m", "pip", "--version"], capture_output=True, text=True)
    assert pip_version.stdout.split()[1] == subprocess.run(
        [sys.executable, "-c", "import ensurepip; print(ensurepip.version())"], capture_output=True, text=True
    ).stdout.strip()  # the pip the venv came with
    version = subprocess.run([installed / "newsgloss", "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("newsgloss ")
    page = tmp_path / "lagos.html"
    page.write_text(PAGE, encoding="utf-8")
    result = subprocess.run([installed / "newsgloss", "import", str(page), "--db", str(tmp_path / "l.db"),
                             "--no-annotate"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 imported" in result.stderr


def test_the_installed_code_lives_under_newsgloss(installed):
    code = ("import importlib.util, newsgloss, pathlib; "
            "print(importlib.util.find_spec('store'), importlib.util.find_spec('tui')); "
            "print(sorted(p.name for p in newsgloss.SAMPLES.iterdir()))")
    result = subprocess.run([installed / "python", "-c", code], capture_output=True, text=True, check=True,
                            cwd="/")
    lines = result.stdout.splitlines()
    assert lines[0] == "None None"
    assert "homs-2024-12-06.txt" in lines[1]
    site = next((installed.parent / "lib").glob("python*/site-packages"))
    assert (site / "newsgloss" / "samples" / "homs-2024-12-06.txt").read_bytes() == \
        (ROOT / "sample_articles" / "homs-2024-12-06.txt").read_bytes()


@needs_tmux
def test_the_first_run_opens_on_the_samples(installed, tmp_path):
    term = Terminal(f"env TERM=xterm-256color {installed / 'newsgloss'} --db {tmp_path / 'first.db'}")
    try:
        term.wait_for("Thousands of people fled the central Syrian", timeout=60)
    finally:
        term.close()
