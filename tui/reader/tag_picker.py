"""Pick a tag for the current paragraph; typing filters, and a new name creates a tag."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from newsgloss.store import Tag, visible
from newsgloss.tui.shared.dialog import Dialog

CREATE = "\x00create"


class TagPicker(Dialog[str | None]):
    """Returns the chosen (or new) tag name, or None when dismissed."""

    DEFAULT_CSS = """
    TagPicker > #frame { width: 60; }
    TagPicker OptionList { height: auto; max-height: 16; }
    """
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="tags.cancel"),
        Binding("down", "move(1)", "Next", show=False, id="tags.down"),
        Binding("up", "move(-1)", "Previous", show=False, id="tags.up"),
    ]

    def __init__(self, tags: list[Tag], on_paragraph: set[str]) -> None:
        super().__init__("Toggle a tag on this paragraph (type to filter or to name a new tag)")
        self.tags = tags
        self.on_paragraph = on_paragraph

    def body(self) -> Iterable[Widget]:
        yield Input(placeholder="tag name", id="tag-filter")
        yield OptionList(id="tag-options")

    def on_mount(self) -> None:
        self._fill("")

    def _prompt(self, tag: Tag) -> Text:
        mark = "✓ " if tag.name in self.on_paragraph else "  "
        key = f"[{tag.key}] " if tag.key else "    "
        return Text(mark + key + visible(tag.name, newlines=False), end="")

    def _fill(self, typed: str) -> None:
        wanted = typed.strip().casefold()
        options = [Option(self._prompt(t), id=f"tag:{t.id}") for t in self.tags if wanted in t.name.casefold()]
        self._names = {f"tag:{t.id}": t.name for t in self.tags}
        if wanted and not any(t.name.casefold() == wanted for t in self.tags):
            options.append(Option(Text(f"+ create tag “{visible(typed.strip(), newlines=False)}”", end=""), id=CREATE))
        option_list = self.query_one(OptionList)
        option_list.clear_options()
        option_list.add_options(options)
        if options:
            option_list.highlighted = 0

    @on(Input.Changed, "#tag-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def action_move(self, step: int) -> None:
        option_list = self.query_one(OptionList)
        if option_list.option_count:
            current = option_list.highlighted or 0
            option_list.highlighted = (current + step) % option_list.option_count

    @on(Input.Submitted, "#tag-filter")
    def _submit(self) -> None:
        option_list = self.query_one(OptionList)
        if option_list.highlighted is not None:
            self._choose(option_list.get_option_at_index(option_list.highlighted).id)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    def _choose(self, option_id: str | None) -> None:
        if option_id == CREATE:
            self.dismiss(self.query_one(Input).value.strip())
        elif option_id in self._names:
            self.dismiss(self._names[option_id])
