"""The reference the issue names: a plain Textual app whose list reads rows from SQLite only as they
are shown. The benchmark times it beside newsgloss, in the same run, to show what Textual itself costs.

It also opens an article the plainest way Textual offers (Enter: read the newest article, put its
title, link and body in a Static, move the focus there): the floor for "open an article".

    python benchmarks/plain_textual.py LIBRARY.db
"""

from __future__ import annotations

import sqlite3
import sys

from rich.segment import Segment
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static


class LazyList(ScrollView, can_focus=True):
    """One line per article, read a screenful at a time."""

    BINDINGS = [Binding("enter", "open", "Open")]

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__()
        self.conn = conn
        # The list's own rows (shelf 0: not archived or trashed), in the order an index of the schema keeps.
        self.count = conn.execute("SELECT count(*) FROM articles WHERE shelf = 0").fetchone()[0]
        self.border_title = f"{self.count:,} articles"
        self.virtual_size = Size(80, self.count)

    def render_line(self, y: int) -> Strip:
        row = self.conn.execute("SELECT published, title FROM articles WHERE shelf = 0 ORDER BY published DESC, "
                                "id DESC LIMIT 1 OFFSET ?", [self.scroll_offset.y + y]).fetchone()
        return Strip([Segment(f"{row[0]} {row[1]}" if row else "")]).adjust_cell_length(self.size.width)

    def action_open(self) -> None:
        title, url, body = self.conn.execute("SELECT title, url, body FROM articles WHERE shelf = 0 "
                                             "ORDER BY published DESC, id DESC LIMIT 1").fetchone()
        reader = self.app.query_one("#reader", VerticalScroll)
        reader.query_one(Static).update(Text(f"{title}\n{url}\n\n{body}"))
        self.screen.set_focus(reader)


class PlainApp(App):
    BINDINGS = [Binding("q", "quit", "Quit")]
    CSS = """
    LazyList { border: round $primary; width: 50; }
    #reader { border: round $primary; }
    #reader:focus { border: round $accent; }
    """

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield LazyList(sqlite3.connect(sys.argv[1]))
            with VerticalScroll(id="reader"):
                yield Static()

    def on_mount(self) -> None:
        self.query_one(LazyList).focus()


if __name__ == "__main__":
    PlainApp().run()
