"""The layout adapts and the choices last: one pane below 100 columns, columns counted in terminal cells,
the key line within the width, the settings file read (or refused in one line) and written."""

from __future__ import annotations

from rich.cells import cell_len

from newsgloss.store import Draft, Library
from newsgloss.tui.app import make_app
from newsgloss.tui.library.article_list import ArticleList
from newsgloss.tui.reader.pane import ReaderPane
from newsgloss.tui.settings import load
from newsgloss.tui.shared.key_line import KeyLine
from tests.conftest import HOMS, screen_text


def _library(path) -> None:
    library = Library.open(path)
    list(library.import_paths([HOMS]))
    library.add_articles([
        Draft("北京宣布新的经济刺激计划以稳定增长", ("国务院周五宣布了新的措施。",), source="新华社中文新闻网",
              published="2024-12-05"),
        Draft("東京の株価が大幅に上昇した", ("日経平均株価は金曜日に上昇した。",), source="日本経済新聞社",
              published="2024-12-04"),
    ])
    library.close()


async def test_below_100_columns_one_pane_at_a_time(db_path, tmp_path):
    _library(db_path)
    app = make_app(db_path, export_dir=tmp_path / "export", settings_file=tmp_path / "s.toml", annotate_delay=0)
    async with app.run_test(size=(80, 24)) as pilot:
        left, pane = app.screen.query_one("#left"), app.screen.query_one(ReaderPane)
        assert left.outer_size.width == 80 and not pane.display
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert pane.display and pane.outer_size.width == 80 and not left.display
        assert "Thousands of people fled" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert left.display and not pane.display and app.screen.focused is app.screen.query_one(ArticleList)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert left.display and pane.display  # side by side again


async def test_wide_characters_keep_every_row_within_its_width(db_path, tmp_path):
    _library(db_path)
    app = make_app(db_path, export_dir=tmp_path / "export", settings_file=tmp_path / "s.toml", annotate_delay=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        articles = app.screen.query_one(ArticleList)
        width = articles.scrollable_content_region.width
        for index in range(articles.count):
            assert articles.render_line(index).cell_length == width
        rows = [line for line in screen_text(app).splitlines() if "新华社" in line or "日本経済" in line]
        assert len(rows) == 2
        assert all(cell_len(row) == 120 for row in rows)


async def test_the_key_line_fits_and_always_offers_help_and_the_palette(db_path, tmp_path):
    _library(db_path)
    for width in (60, 80, 120):
        app = make_app(db_path, export_dir=tmp_path / "export", settings_file=tmp_path / "s.toml", annotate_delay=0)
        async with app.run_test(size=(width, 24)) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            line = app.screen.query_one(KeyLine).render()
            assert line.cell_len <= width
            assert "? Keys" in line.plain and "^p palette" in line.plain


async def test_settings_last_and_a_bad_file_is_one_line(db_path, tmp_path):
    _library(db_path)
    settings = tmp_path / "settings.toml"
    settings.write_text('theme = "nord"\nlist_width = 55\ndates = "timex"\n\n[tags]\n1 = "verify"\n', encoding="utf-8")
    app = make_app(db_path, export_dir=tmp_path / "export", settings_file=settings, annotate_delay=0)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.theme == "nord"
        await pilot.press("enter", "1", "right_square_bracket")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "‹2024-12-05TNI›" in screen_text(app)  # dates as TIMEX3, as the file says
        app.theme = "gruvbox"
        await pilot.pause()
    saved, problem = load(settings)
    assert problem == "" and (saved.theme, saved.list_width, saved.dates, saved.tags) == ("gruvbox", 60, "timex",
                                                                                         {1: "verify"})
    library = Library.open(db_path)
    assert "verify" in library.article(1).paragraphs[0].tags  # key 1 is the tag the settings name
    library.close()

    settings.write_text("theme = [not toml\n", encoding="utf-8")
    app = make_app(db_path, export_dir=tmp_path / "export", settings_file=settings, annotate_delay=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        notices = [str(n.message) for n in app._notifications]
        assert len(notices) == 1 and notices[0].startswith("settings not read") and "\n" not in notices[0]
        assert app.theme == "textual-dark"


def test_settings_of_the_wrong_kind_are_named():
    from newsgloss.tui.settings import _checked

    for data, reason in (({"dates": "sometimes"}, "dates must be one of"), ({"list_width": "wide"}, "list_width must"),
                         ({"colour": "red"}, "unknown setting 'colour'"), ({"list_width": 95}, "between 20 and 80")):
        try:
            _checked(data)
        except ValueError as error:
            assert reason in str(error)
        else:
            raise AssertionError(f"{data} was accepted")
