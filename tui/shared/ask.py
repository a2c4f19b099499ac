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


class Confirm(Dialog[bool]):
    """A yes-or-no question that names what is at stake: y or Enter says yes, n or Esc no."""

    BINDINGS = [Binding("y,enter", "dismiss(True)", "Yes", id="confirm.yes"),
                Binding("n,escape", "dismiss(False)", "No", id="confirm.no")]

    def __init__(self, heading: str, detail: str) -> None:
        super().__init__(heading, "y or Enter: yes · n or Esc: no")
        self.detail = detail

    def body(self) -> Iterable[Widget]:
        from textual.widgets import Static

        yield Static(self.detail, markup=False, id="detail")
