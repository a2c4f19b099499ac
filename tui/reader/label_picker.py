"""Choose an entity label (or, for an existing entity, to remove it)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsgloss.tui.reader.pane import REMOVE
from newsgloss.tui.shared.dialog import Dialog
from newsgloss.tui.shared.labels import PICKABLE


class LabelPicker(Dialog[str | None]):
    """Returns a label, REMOVE, or None when dismissed."""

    DEFAULT_CSS = """
    LabelPicker > #frame { width: 60; }
    LabelPicker OptionList { height: auto; max-height: 16; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="labels.cancel")]

    def __init__(self, heading: str, current: str = "", removable: bool = False) -> None:
        super().__init__(heading)
        self.current = current
        self.removable = removable

    def body(self) -> Iterable[Widget]:
        options = [Option(Text(f"{'✓' if code == self.current else ' '} {meaning}", end=""), id=code)
                   for code, meaning in PICKABLE]
        if self.removable:
            options.append(Option(Text("  ✗ not an entity: remove it everywhere", end=""), id=REMOVE))
        yield OptionList(*options)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
