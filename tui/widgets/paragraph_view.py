"""One paragraph in the reader: highlighted text, its tags and its note."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from store.models import Paragraph
from tui.widgets.highlight import entity_line, paragraph_text


class ParagraphView(Static):
    """A paragraph; the reader marks the current one with the `-current` class."""

    DEFAULT_CSS = """
    ParagraphView { padding: 0 1 0 1; margin: 0 0 1 0; border-left: blank; }
    ParagraphView.-current { border-left: thick $accent; background: $boost; }
    ParagraphView.-tagged { border-left: thick $success 60%; }
    ParagraphView.-current.-tagged { border-left: thick $accent; }
    """

    def __init__(self, paragraph: Paragraph, style_of, **kwargs) -> None:
        super().__init__(**kwargs)
        self.paragraph = paragraph
        self._style_of = style_of
        self.set_class(bool(paragraph.tags), "-tagged")

    def update_paragraph(self, paragraph: Paragraph) -> None:
        self.paragraph = paragraph
        self.set_class(bool(paragraph.tags), "-tagged")
        self.refresh_content()

    def refresh_content(self) -> None:
        self.update(self.build())

    def on_mount(self) -> None:
        self.refresh_content()

    def build(self) -> Text:
        """Tags first (always in view when the paragraph is), then the text, entities and note."""
        style_of = self._style_of
        parts = []
        if self.paragraph.tags:
            line = Text("⚑ ", style_of("tag"), end="")
            line.append("  ".join(self.paragraph.tags), style_of("tag"))
            parts.append(line)
        parts.append(paragraph_text(self.paragraph, style_of))
        if self.has_class("-current") and (entities := entity_line(self.paragraph, style_of)):
            parts.append(entities)
        if self.paragraph.note.strip():
            note = Text("✎ ", style_of("note"), end="")
            note.append(self.paragraph.note.strip(), style_of("note"))
            parts.append(note)
        return Text("\n", end="").join(parts)
