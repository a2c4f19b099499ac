"""Entity corrections from the reader: change a label, remove an entity, mark a missed one, list rules."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message

from store.db import StoreError
from store.models import Span

MARK = "\x00mark"  # the entity list's "mark a missed entity" choice
REMOVE = "\x00remove"  # the label picker's "not an entity" choice

NOT_NAMES = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")


class Corrections:
    """Mixed into the Reader: every correction is a rule, stored and applied everywhere at once."""

    BINDINGS = [
        Binding("c", "correct", "Correct entity", id="reader.correct"),
        Binding("m", "mark_entity", "Mark entity", id="reader.mark"),
        Binding("R", "rules", "Corrections", id="reader.rules"),
    ]

    @dataclass
    class RulesChanged(Message):
        """Rules were deleted: some articles need annotating again."""

    def _paragraph(self):
        if not self.article or not self.article.paragraphs:
            return None
        return self.article.paragraphs[self.cursor]

    def _save_rule(self, text: str, action: str, label: str = "") -> None:
        try:
            _, changed = self.store.add_rule(text, action, label)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.show(self.article.id, self.cursor)
        what = "not an entity" if action == "remove" else label
        self.notify(f"“{text}” is {what} from now on ({changed} article(s) updated)", markup=False)

    def action_correct(self) -> None:
        paragraph = self._paragraph()
        if paragraph is None:
            return
        unique = {(s.text, s.label): s for s in paragraph.spans if s.label not in NOT_NAMES}
        spans = list(unique.values())
        from tui.dialogs.entity_list import EntityList

        self.app.push_screen(EntityList(spans), self._entity_chosen)

    def _entity_chosen(self, choice: Span | str | None) -> None:
        if choice == MARK:
            self.action_mark_entity()
        elif isinstance(choice, Span):
            from tui.dialogs.label_picker import LabelPicker

            picker = LabelPicker(f"“{choice.text}” is…", current=choice.label, removable=True)
            self.app.push_screen(picker, lambda label: self._relabelled(choice.text, label))

    def _relabelled(self, text: str, label: str | None) -> None:
        if label == REMOVE:
            self._save_rule(text, "remove")
        elif label:
            self._save_rule(text, "relabel", label)

    def action_mark_entity(self) -> None:
        paragraph = self._paragraph()
        if paragraph is not None:
            from tui.dialogs.word_selector import WordSelector

            self.app.push_screen(WordSelector(paragraph.text), self._words_chosen)

    def _words_chosen(self, words: str | None) -> None:
        if words:
            from tui.dialogs.label_picker import LabelPicker

            self.app.push_screen(LabelPicker(f"“{words}” is…"),
                                 lambda label: label and label != REMOVE and self._save_rule(words, "add", label))

    def action_rules(self) -> None:
        from tui.dialogs.rules_screen import RulesScreen

        self.app.push_screen(RulesScreen(self.store), self._rules_closed)

    def _rules_closed(self, deleted: int | None) -> None:
        if deleted:
            self.post_message(self.RulesChanged())
            if self.article:
                self.show(self.article.id, self.cursor)
