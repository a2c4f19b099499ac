"""Every binding of the screen it was opened from, with its key."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from newsgloss.tui.shared.dialog import Dialog

FILTERS = """
Search (/), the list's filter (f), the timeline and highlights take one language:
  tag:NAME  entity:NAME  source:NAME    a paragraph tagged, an entity named (or its alias), the outlet
  after:DATE  before:DATE               published on or after / before (DATE: 2024, 2024-12, 2024-12-06)
  mentions:DATE                         a date mentioned in the text, at any granularity
  is:unread  is:read  has:note  has:tag
  -FILTER                               not that;  "quotes" for names with spaces
  anything else                         words, ranked (title above text)
e.g.  entity:"Bashar al-Assad" mentions:2024-12 -source:Reuters offensive"""


class HelpScreen(Dialog[None]):
    """A table of keys and what they do."""

    DEFAULT_CSS = """
    HelpScreen > #frame { width: 80; height: 90%; }
    HelpScreen VerticalScroll { height: 1fr; }
    """
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="help.close")]

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__("newsgloss keys", "Esc closes. Ctrl+P opens the command palette, which reaches every action.")
        self.rows = rows

    def body(self) -> Iterable[Widget]:
        table = Table(expand=True, show_edge=False)
        table.add_column("key", style="bold", no_wrap=True)
        table.add_column("action")
        table.add_column("where", style="dim")
        for key, description, where in self.rows:
            table.add_row(Text(key), Text(description), Text(where))
        yield VerticalScroll(Static(table), Static(Text(FILTERS)))
