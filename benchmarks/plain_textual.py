"""The reference the issue names: a plain Textual app whose list reads rows from SQLite only as they
are shown. The benchmark times it beside newsgloss, in the same run, to show what Textual itself costs.

    python benchmarks/plain_textual.py LIBRARY.db
"""

from __future__ import annotations

import sqlite3
import sys

from rich.segment import Segment
from textual.app import App, ComposeResult
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


class LazyList(ScrollView):
    """One line per article, read a screenful at a time."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__()
        self.conn = conn
        self.count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        self.border_title = f"{self.count} articles"
        self.virtual_size = Size(80, self.count)

    def render_line(self, y: int) -> Strip:
        row = self.conn.execute("SELECT published, title FROM articles ORDER BY published DESC, id DESC "
                                "LIMIT 1 OFFSET ?", [self.scroll_offset.y + y]).fetchone()
        return Strip([Segment(f"{row[0]} {row[1]}" if row else "")]).adjust_cell_length(self.size.width)


class PlainApp(App):
    CSS = "LazyList { border: round $primary; }"

    def compose(self) -> ComposeResult:
        yield LazyList(sqlite3.connect(sys.argv[1]))


if __name__ == "__main__":
    PlainApp().run()
