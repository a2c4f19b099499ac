"""The entity index: every entity with its label and its number of articles and mentions."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from newsgloss.store import EntitySummary, Library
from newsgloss.tui.knowledge.rows import entity_row
from newsgloss.tui.knowledge.screen import KnowledgeScreen, Opener
from newsgloss.tui.shared.editor import Editor
from newsgloss.tui.shared.labels import label_words

SHOWN = 100  # rows listed at once; more as the cursor nears the end
LABELS = (None, "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW")


class EntityIndex(KnowledgeScreen[EntitySummary]):
    """Narrowed as you type, by label (l) and sorted by count or name (o); Enter opens the entity's page."""

    BINDINGS = [
        Binding("ctrl+o", "order", "Sort", tooltip="Sort by number of articles, or by name", id="entities.order"),
        Binding("ctrl+l", "label", "Label", tooltip="Only one label: person, organisation, place, …",
                id="entities.label"),
    ]

    def __init__(self, library: Library, editor: Editor, opener: Opener) -> None:
        super().__init__(library, opener, "Entities", "narrow by name (^l a label, ^o the order)")
        self.editor = editor
        self.order = "count"
        self.label: str | None = None

    def load(self, typed: str) -> tuple[list[EntitySummary], str]:
        found = self.library.knowledge.entities(self.label, self.order, typed.strip(), limit=SHOWN)
        return found, self._summary(len(found), counting=len(found) == SHOWN)

    def _summary(self, total: int, counting: bool = False) -> str:
        kind = f" {label_words(self.label)}" if self.label else ""
        by = "most articles first" if self.order == "count" else "by name"
        return f"{total:,}{'+' if counting else ''}{kind} entit{'y' if total == 1 else 'ies'}, {by}"

    def page(self, typed: str, offset: int) -> list[EntitySummary]:
        return self.library.knowledge.entities(self.label, self.order, typed.strip(), limit=SHOWN, offset=offset)

    def more(self, library: Library, typed: str) -> object | None:
        return library.knowledge.count_entities(self.label, typed.strip())

    def show_more(self, typed: str, found: object) -> None:
        if typed == self.typed and isinstance(found, int):
            self.query_one("#summary", Static).update(self._summary(found))

    def row(self, item: EntitySummary) -> Text:
        return entity_row(item, self.rows.highlights)

    def chosen(self, item: EntitySummary) -> None:
        from newsgloss.tui.knowledge.entity_page import EntityPage

        self.app.push_screen(EntityPage(self.library, self.editor, self.opener, item.id))

    def action_order(self) -> None:
        self.order = "name" if self.order == "count" else "count"
        self.refill()

    def action_label(self) -> None:
        self.label = LABELS[(LABELS.index(self.label) + 1) % len(LABELS)]
        self.refill()
