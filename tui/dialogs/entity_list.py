"""The entities of the current paragraph, to pick one to correct."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from store.models import Span
from tui.widgets.corrections import MARK


class EntityList(ModalScreen[Span | str | None]):
    """Returns the chosen span, MARK to select missed words instead, or None."""

    DEFAULT_CSS = """
    EntityList { align: center middle; }
    EntityList > Vertical { width: 70; height: auto; border: thick $accent; background: $surface; padding: 0 1; }
    EntityList OptionList { height: auto; max-height: 18; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="entities.cancel")]

    def __init__(self, spans: list[Span]) -> None:
        super().__init__()
        self.spans = spans

    def compose(self) -> ComposeResult:
        options = [Option(Text(f"{span.text}  ", end="").append(span.label, "dim"), id=str(i))
                   for i, span in enumerate(self.spans)]
        options.append(Option(Text("+ mark a missed entity…", end=""), id=MARK))
        with Vertical():
            yield Label("Correct an entity in this paragraph (the fix applies everywhere)", markup=False)
            yield OptionList(*options)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        self.dismiss(MARK if option_id == MARK else self.spans[int(option_id)])
