"""Shared fixtures: a fresh SQLite file per test, never the user's data directory."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from newsgloss.store import Library
from newsgloss.tui.app import make_app

ROOT = Path(__file__).resolve().parent.parent
needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (./dev test installs it)")
SAMPLES = ROOT / "sample_articles"
HOMS = SAMPLES / "homs-2024-12-06.txt"
SIZE = (120, 40)  # the terminal the Pilot tests run in


def screen_text(app) -> str:
    """What the terminal shows, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Point every per-user folder at a temporary one, so no test can touch real data."""
    home = tmp_path_factory.mktemp("home")
    for name in ("XDG_DATA_HOME", "XDG_DOCUMENTS_DIR", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("NEWSGLOSS_DB", raising=False)
    monkeypatch.setenv("NEWSGLOSS_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "library.db"


@pytest.fixture
def store(db_path) -> Library:
    opened = Library.open(db_path)
    yield opened
    opened.close()


def newsgloss_bin() -> str:
    """The installed console script next to the running interpreter."""
    import sys

    candidate = Path(sys.executable).parent / "newsgloss"
    return str(candidate) if candidate.exists() else "newsgloss"


os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")


@pytest.fixture
def app(db_path, tmp_path):
    """The app on a new library, seeded with the sample articles, annotating at once."""
    return make_app(db_path, export_dir=tmp_path / "export", seed=True, annotate_delay=0)
