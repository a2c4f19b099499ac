"""Make the README's screenshots from the real app (SVG, as Textual draws them).

    .venv/bin/python docs/screenshots.py

A new library of the sample articles in a temporary folder, annotated; the Homs article opened with a
paragraph tagged and noted; written to docs/screenshots/.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgloss.store import Library  # noqa: E402
from newsgloss.tui.app import make_app  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
HOMS = "Thousands of people fled the central Syrian city of Homs overnight into Friday morning"


def _library(folder: Path) -> Path:
    path = folder / "library.db"
    library = Library.open(path)
    library.seed_samples()
    library.annotate_pending()
    homs = next(row.id for row in library.article_page(0, 100) if row.title == HOMS)
    library.toggle_tag(homs, 2, library.tags()[0].id)
    library.set_note(homs, 2, "Check the 13-year count against Reuters' own timeline.")
    library.close()
    return path


async def _shoot(db: Path, folder: Path, size: tuple[int, int], theme: str, name: str) -> None:
    app = make_app(db, export_dir=folder / "export", annotate_delay=0, settings_file=folder / "settings.toml")
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.save_screenshot(str(OUT / f"{name}-list.svg"))
        await pilot.press("enter", "j", "j")
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.save_screenshot(str(OUT / f"{name}-reader.svg"))


async def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db = _library(Path(folder))
        await _shoot(db, Path(folder), (120, 40), "textual-dark", "wide")
        await _shoot(db, Path(folder), (80, 24), "textual-light", "narrow")
    for path in sorted(OUT.glob("*.svg")):
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    asyncio.run(main())
