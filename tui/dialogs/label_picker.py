"""Choose an entity label (or, for an existing entity, to remove it)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

LABELS = (
    ("PERSON", "person"), ("ORG", "organisation"), ("GPE", "country, city, state"), ("LOC", "other place"),
    ("NORP", "nationality, religious or political group"), ("FAC", "building, airport, road"),
    ("EVENT", "named event"), ("PRODUCT", "product"), ("WORK_OF_ART", "title of a work"), ("LAW", "law"),
    ("LANGUAGE", "language"),
)
from tui.widgets.corrections import REMOVE


class LabelPicker(ModalScreen[str | None]):
    """Returns a label, REMOVE, or None when dismissed."""

    DEFAULT_CSS = """
    LabelPicker { align: center middle; }
    LabelPicker > Vertical { width: 60; height: auto; border: thick $accent; background: $surface; padding: 0 1; }
    LabelPicker OptionList { height: auto; max-height: 16; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="labels.cancel")]

    def __init__(self, heading: str, current: str = "", removable: bool = False) -> None:
        super().__init__()
        self.heading = heading
        self.current = current
        self.removable = removable

    def compose(self) -> ComposeResult:
        options = [Option(Text(f"{'✓' if code == self.current else ' '} {code:<12} {meaning}", end=""), id=code)
                   for code, meaning in LABELS]
        if self.removable:
            options.append(Option(Text("  ✗ not an entity: remove it everywhere", end=""), id=REMOVE))
        with Vertical():
            yield Label(self.heading, markup=False)
            yield OptionList(*options)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
