"""Highlights and notes across the library: every tagged paragraph and every note, narrowed with the
filter language; Enter opens the paragraph."""

from __future__ import annotations

from rich.text import Text

from newsgloss.store import Highlight, Library
from newsgloss.tui.knowledge.rows import highlight_row
from newsgloss.tui.knowledge.screen import KnowledgeScreen, Opener

SHOWN = 100


class Highlights(KnowledgeScreen[Highlight]):
    """Tagged paragraphs and notes, newest article first."""

    def __init__(self, library: Library, opener: Opener, query: str = "") -> None:
        super().__init__(library, opener, "Highlights and notes", "narrow: tag:NAME entity:NAME has:note words …",
                         query)

    def load(self, typed: str) -> tuple[list[Highlight], str]:
        found = self.library.knowledge.highlights(typed, SHOWN)
        more = "+" if len(found) == SHOWN else ""
        return found, f"{len(found):,}{more} tagged or noted paragraph{'s' * (len(found) != 1)}"

    def page(self, typed: str, offset: int) -> list[Highlight]:
        return self.library.knowledge.highlights(typed, SHOWN, offset)

    def row(self, item: Highlight) -> Text:
        return highlight_row(item, self.rows.highlights)

    def chosen(self, item: Highlight) -> None:
        self.open_paragraph(item.article_id, item.position)
