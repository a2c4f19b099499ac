"""Colours a person can read: the list, the reader and the current paragraph in every built-in theme, each
visible character measured against the background it is drawn on (WCAG: none below 3:1, at most 5% below
4.5:1)."""

from __future__ import annotations

import pytest

from newsgloss.tui.app import make_app
from newsgloss.tui.library.article_list import ArticleList
from newsgloss.tui.reader.reader import Reader
from tests.conftest import HOMS
from tests.tui.contrast import measure


def _themes() -> list[str]:
    from textual.app import App

    # The ANSI themes draw with the terminal's own colours, which no theme decides: nothing to measure.
    return sorted(name for name in App().available_themes if "ansi" not in name)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """A library with the Homs article annotated, shared by every theme."""
    from newsgloss.store import Library

    path = tmp_path_factory.mktemp("colours") / "library.db"
    library = Library.open(path)
    [outcome] = library.import_paths([HOMS])
    library.annotate_article(outcome.article_id)
    library.toggle_tag(outcome.article_id, 2, library.tags()[0].id)
    library.close()
    return path


@pytest.mark.parametrize("theme", _themes())
async def test_every_theme_is_readable(seeded, tmp_path, theme):
    app = make_app(seeded, export_dir=tmp_path / "export", annotate_delay=0, settings_file=tmp_path / "s.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = theme
        await pilot.press("enter", "j", "j")  # the article open, its third paragraph current (tagged)
        await app.workers.wait_for_complete()
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        assert reader.cursor == 2
        for widget in (app.screen.query_one(ArticleList), reader):
            region = widget.content_region
            report = measure(app, (region.x, region.y, region.width, region.height))
            assert report.cells > 30, widget
            assert report.worst >= 3.0, f"{theme}: {report.worst:.2f}:1 at {report.worst_at}"
            assert report.share_below_body <= 0.05, f"{theme}: {report.share_below_body:.1%} below 4.5:1"
