"""The reader's entity corrections; Delete removes one (the articles it touched are annotated again)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from store.store import Store


class RulesScreen(ModalScreen[int]):
    """Returns how many rules were deleted."""

    DEFAULT_CSS = """
    RulesScreen { align: center middle; }
    RulesScreen > Vertical { width: 70; height: auto; max-height: 80%; border: thick $accent;
                             background: $surface; padding: 0 1; }
    RulesScreen OptionList { height: auto; max-height: 20; }
    """
    BINDINGS = [
        Binding("d,delete", "delete", "Delete rule", id="rules.delete"),
        Binding("escape,q", "close", "Close", id="rules.close"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.deleted = 0

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Entity corrections (d deletes, Esc closes)", markup=False)
            yield OptionList(id="rules")

    def on_mount(self) -> None:
        self._fill()

    def _fill(self) -> None:
        rules = self.query_one(OptionList)
        rules.clear_options()
        for rule in self.store.rules():
            what = {"relabel": f"is {rule.label}", "add": f"is {rule.label} (added)", "remove": "is not an entity"}
            rules.add_option(Option(Text(f"“{rule.text}” {what[rule.action]}", end=""), id=str(rule.id)))
        if not rules.option_count:
            rules.add_option(Option(Text("No corrections yet: press c in the reader to make one.", end=""),
                                    disabled=True))
        else:
            rules.highlighted = 0

    def action_delete(self) -> None:
        rules = self.query_one(OptionList)
        if rules.highlighted is None:
            return
        option = rules.get_option_at_index(rules.highlighted)
        if option.id:
            self.store.delete_rule(int(option.id))
            self.deleted += 1
            self._fill()

    def action_close(self) -> None:
        self.dismiss(self.deleted)
