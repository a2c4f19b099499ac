"""Ask for one line of text (a name, a query): Enter gives it, Esc gives nothing."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Input

from newsgloss.tui.shared.dialog import Dialog


class Ask(Dialog[str | None]):
    """Returns the text typed (stripped; "" when Enter is pressed on an empty box), or None on Esc."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="ask.cancel")]

    def __init__(self, heading: str, placeholder: str = "", value: str = "") -> None:
        super().__init__(heading, "Enter takes it · Esc cancels")
        self.placeholder = placeholder
        self.value = value

    def body(self) -> Iterable[Widget]:
        yield Input(self.value, placeholder=self.placeholder, id="answer")

    def on_mount(self) -> None:
        self.set_focus(self.query_one(Input))

    @on(Input.Submitted, "#answer")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())
