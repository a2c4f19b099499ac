"""Select words of a paragraph from the keyboard: arrows move, shift+arrows extend, Enter takes them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Static

from newsgloss.store import visible
from newsgloss.tui.shared.dialog import Dialog


class WordSelector(Dialog[str | None]):
    """Returns the selected words (as they stand in the text), or None."""

    DEFAULT_CSS = """
    WordSelector > #frame { width: 80%; }
    """
    BINDINGS = [
        Binding("right,l", "move(1)", "Next word", id="words.next"),
        Binding("left,h", "move(-1)", "Previous word", id="words.previous"),
        Binding("shift+right,L", "extend(1)", "Extend", id="words.extend"),
        Binding("shift+left,H", "extend(-1)", "Shrink", id="words.shrink"),
        Binding("enter", "take", "Take", id="words.take"),
        Binding("escape", "dismiss(None)", "Cancel", id="words.cancel"),
    ]

    def __init__(self, text: str) -> None:
        super().__init__("Select the words of the missed entity",
                         "←/→ move · shift+←/→ extend · Enter choose a label · Esc cancel")
        self.text = text
        self.words = [(m.start(), m.end()) for m in re.finditer(r"[\w'\u2019&.-]*\w", text)]
        self.first = 0
        self.last = 0

    def body(self) -> Iterable[Widget]:
        yield Static(self._render_text(), id="words")

    @property
    def selection(self) -> tuple[int, int]:
        return self.words[self.first][0], self.words[self.last][1]

    def _render_text(self) -> Text:
        text = Text(visible(self.text, newlines=False), end="")
        if self.words:
            text.stylize("reverse bold", *self.selection)
        return text

    def _update(self) -> None:
        self.query_one("#words", Static).update(self._render_text())

    def action_move(self, step: int) -> None:
        self.first = self.last = max(0, min(self.last + step, len(self.words) - 1))
        self._update()

    def action_extend(self, step: int) -> None:
        self.last = max(self.first, min(self.last + step, len(self.words) - 1))
        self._update()

    def action_take(self) -> None:
        if self.words:
            start, end = self.selection
            self.dismiss(self.text[start:end])
