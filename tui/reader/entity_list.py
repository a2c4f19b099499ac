"""The entities of the current paragraph, to pick one to correct."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsgloss.store import Span, visible
from newsgloss.tui.reader.pane import MARK
from newsgloss.tui.shared.dialog import Dialog
from newsgloss.tui.shared.labels import label_words


class EntityList(Dialog[Span | str | None]):
    """Returns the chosen span, MARK to select missed words instead, or None."""

    DEFAULT_CSS = """
    EntityList OptionList { height: auto; max-height: 18; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="entities.cancel")]

    def __init__(self, spans: list[Span], heading: str = "Correct an entity in this paragraph (the fix applies "
                 "everywhere)", marking: bool = True) -> None:
        super().__init__(heading)
        self.spans = spans
        self.marking = marking

    def body(self) -> Iterable[Widget]:
        options = [Option(Text(f"{visible(span.text, newlines=False)}  ", end="").append(label_words(span.label),
                                                                                        "italic"), id=str(i))
                   for i, span in enumerate(self.spans)]
        if self.marking:
            options.append(Option(Text("+ mark a missed entity…", end=""), id=MARK))
        yield OptionList(*options)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        self.dismiss(MARK if option_id == MARK else self.spans[int(option_id)])
