"""Snapshots of the main screens (pytest-textual-snapshot): the list and the reader, at 80×24 and 120×40,
in a dark and a light theme. `./dev test --snapshot-update` writes them again after an intended change."""

from __future__ import annotations

import pytest

from newsgloss.store import Library
from newsgloss.tui.app import make_app
from tests.conftest import SAMPLES

HOMS = "Thousands of people fled the central Syrian city of Homs overnight into Friday morning"


@pytest.fixture(scope="module")
def library_path(tmp_path_factory):
    """The sample articles, annotated, with a paragraph of the Homs article tagged and noted."""
    path = tmp_path_factory.mktemp("snapshots") / "library.db"
    library = Library.open(path)
    list(library.import_paths([SAMPLES]))
    library.annotate_pending()
    homs = next(row.id for row in library.article_page(0, 100) if row.title == HOMS)
    library.toggle_tag(homs, 2, library.tags()[0].id)
    library.set_note(homs, 2, "Check the count of years against the Reuters timeline.")
    library.close()
    return path


def _app(path, tmp_path, theme: str):
    settings = tmp_path / "settings.toml"
    settings.write_text(f'theme = "{theme}"\n', encoding="utf-8")
    return make_app(path, export_dir=tmp_path / "export", annotate_delay=0, settings_file=settings)


async def _settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _open_homs(pilot) -> None:
    await pilot.press("enter", "j", "j")  # Homs is the newest; its third paragraph (tagged, noted) current
    await _settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
def test_list(snap_compare, library_path, tmp_path, size, theme):
    assert snap_compare(_app(library_path, tmp_path, theme), terminal_size=size, run_before=_settle)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
def test_reader(snap_compare, library_path, tmp_path, size, theme):
    assert snap_compare(_app(library_path, tmp_path, theme), terminal_size=size, run_before=_open_homs)
