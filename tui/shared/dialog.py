"""The frame every dialog shares: a box in the middle of the screen with a heading, its body and a hint."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Label

from newsgloss.store import visible

T = TypeVar("T")


class Dialog(ModalScreen[T]):
    """Subclasses give the heading and hint and yield their body; Esc dismisses unless they bind it."""

    DEFAULT_CSS = """
    /* No dimming behind: dimmed text is unreadable text, and the thick frame already sets the dialog apart. */
    Dialog { align: center middle; background: $background 0%; }
    Dialog > #frame { width: 70; max-width: 100%; height: auto; max-height: 90%; border: thick $accent;
                      background: $surface; padding: 0 1; }
    Dialog > #frame > .heading { text-style: bold; }
    Dialog > #frame > .hint { color: $text-muted; }
    """

    def __init__(self, heading: str, hint: str = "") -> None:
        super().__init__()
        self.heading = heading
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="frame"):
            yield Label(visible(self.heading), classes="heading", markup=False)
            yield from self.body()
            if self.hint:
                yield Label(self.hint, classes="hint", markup=False)

    def body(self) -> Iterable[Widget]:
        """The dialog's own widgets, between the heading and the hint."""
        return ()
