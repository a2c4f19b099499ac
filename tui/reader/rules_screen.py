"""The reader's entity corrections; `d` marks one for deleting (done when the list closes)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsgloss.store import EntityRule, visible
from newsgloss.tui.shared.dialog import Dialog
from newsgloss.tui.shared.labels import label_words


class RulesScreen(Dialog[list[int]]):
    """Lists the corrections; returns the ids of those the user deleted."""

    DEFAULT_CSS = """
    RulesScreen OptionList { height: auto; max-height: 20; }
    """
    BINDINGS = [
        Binding("d,delete", "delete", "Delete rule", id="rules.delete"),
        Binding("escape,q", "close", "Close", id="rules.close"),
    ]

    def __init__(self, rules: list[EntityRule]) -> None:
        super().__init__("Entity corrections",
                         "d deletes · Esc closes (articles a deleted rule touched are annotated again)")
        self.rules = list(rules)
        self.deleted: list[int] = []

    def body(self) -> Iterable[Widget]:
        yield OptionList(id="rules")

    def on_mount(self) -> None:
        self._fill()

    def _fill(self) -> None:
        rules = self.query_one(OptionList)
        rules.clear_options()
        for rule in self.rules:
            label = label_words(rule.label)
            what = {"relabel": f"is a {label}", "add": f"is a {label} (marked)", "remove": "is not an entity"}
            line = f"“{visible(rule.text, newlines=False)}” {what.get(rule.action, rule.action)}"
            rules.add_option(Option(Text(line, end=""), id=str(rule.id)))
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
            self.deleted.append(int(option.id))
            self.rules = [rule for rule in self.rules if rule.id != int(option.id)]
            self._fill()

    def action_close(self) -> None:
        self.dismiss(self.deleted)
