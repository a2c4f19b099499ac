"""Highlighted article text for any screen: one colour per label, styled by offset, never parsed as markup.

A widget that shows highlighted text lists HIGHLIGHT_CLASSES among its COMPONENT_CLASSES and reads its
colours through a HighlightStyles; the rules themselves are HIGHLIGHT_CSS, part of the app's style sheet.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from store import Article, Paragraph

# Label -> component class suffix; one colour per label everywhere.
LABEL_CLASS = {
    "PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "facility", "NORP": "group",
    "EVENT": "event", "DATE": "date", "TIME": "date", "WORK_OF_ART": "other", "LAW": "other",
    "PRODUCT": "other", "LANGUAGE": "other", "MONEY": "number", "PERCENT": "number", "QUANTITY": "number",
    "CARDINAL": "number", "ORDINAL": "number",
}
KINDS = ("person", "org", "place", "facility", "group", "event", "date", "number", "other")
# The other parts of highlighted text: a date's value, tags, notes, the article's metadata and title.
PARTS = ("date-value", "tag", "note", "meta", "title")
HIGHLIGHT_CLASSES = {f"hl--{name}" for name in (*KINDS, *PARTS)}
HIGHLIGHT_CSS = """
.hl--person { color: $text-warning; text-style: bold; }
.hl--org { color: $text-primary; text-style: bold; }
.hl--place { color: $text-success; text-style: bold; }
.hl--facility { color: $text-success; text-style: italic; }
.hl--group { color: $text-secondary; }
.hl--event { color: $text-accent; text-style: italic; }
.hl--date { color: $text-error; text-style: bold underline; }
.hl--date-value { color: $text-muted; text-style: dim; }
.hl--number { color: $text-muted; text-style: bold; }
.hl--other { color: $text-accent; }
.hl--tag { color: $text-success; text-style: bold; }
.hl--note { color: $text-secondary; text-style: italic; }
.hl--meta { color: $text-muted; }
.hl--title { text-style: bold; }
"""


class HighlightStyles:
    """The highlight colours as one widget resolves them; call `clear` when its styles change."""

    def __init__(self, host: Widget) -> None:
        self.host = host
        self._styles: dict[str, Style] = {}

    def __call__(self, name: str) -> Style:
        if (style := self._styles.get(name)) is None:
            style = self._styles[name] = self.host.get_component_rich_style(f"hl--{name}", partial=True)
        return style

    def clear(self) -> None:
        self._styles.clear()


LEGEND = (
    ("person", "person"), ("org", "organisation"), ("place", "place"), ("facility", "facility"),
    ("group", "group/nationality"), ("event", "event"), ("date", "date ‹value›"), ("number", "number"),
    ("other", "other"),
)


def paragraph_text(paragraph: Paragraph, style_of: Callable[[str], Style], show_values: bool = True) -> Text:
    """The paragraph with each span styled; a date is followed by its value in dim text."""
    text = Text(end="")
    cursor = 0
    source = paragraph.text
    for span in sorted(paragraph.spans, key=lambda s: (s.start, -s.end)):
        if span.start < cursor or span.end > len(source):
            continue
        text.append(source[cursor:span.start])
        kind = LABEL_CLASS.get(span.label, "other")
        text.append(source[span.start:span.end], style_of(kind))
        if show_values and kind == "date" and span.value:
            text.append(f" ‹{span.value}›", style_of("date-value"))
        cursor = span.end
    text.append(source[cursor:])
    return text


def entity_line(paragraph: Paragraph, style_of: Callable[[str], Style]) -> Text:
    """The entities of a paragraph spelled out with their labels (colour is not the only cue)."""
    text = Text(end="")
    seen: set[tuple[str, str]] = set()
    for span in paragraph.spans:
        kind = LABEL_CLASS.get(span.label, "other")
        if kind in ("number", "date") or (span.text, span.label) in seen:
            continue
        seen.add((span.text, span.label))
        if text:
            text.append("  ")
        text.append(span.text, style_of(kind))
        text.append(f" {span.label}", style_of("date-value"))
    return text


def legend_text(style_of: Callable[[str], Style]) -> Text:
    """What each colour means, in words."""
    text = Text("Legend: ", style_of("date-value"), end="")
    for kind, name in LEGEND:
        text.append(name, style_of(kind))
        text.append("  ")
    text.rstrip()
    return text


def article_head(article: Article, style_of: Callable[[str], Style]) -> Text:
    """The title, source, date, author, link and caption above an article."""
    text = Text(article.title, style_of("title"), end="")
    meta = " · ".join(part for part in (article.source, article.published, article.author) if part)
    if meta:
        text.append("\n" + meta, style_of("meta"))
    if article.url:
        text.append("\n" + article.url, style_of("meta"))
    if article.caption:
        text.append("\n" + article.caption, style_of("note"))
    if not article.annotated:
        text.append("\n(annotating…)", style_of("meta"))
    return text


def article_note(article: Article, style_of: Callable[[str], Style]) -> Text:
    """The article note, and tags and notes kept from paragraphs an update removed."""
    text = Text(end="")
    if article.note.strip():
        text.append("✎ Article note: " + article.note.strip(), style_of("note"))
    if article.orphans:
        text.append(("\n" if text else "") + f"Kept from an earlier version ({len(article.orphans)}):",
                    style_of("meta"))
        for orphan in article.orphans:
            text.append("\n  “" + orphan.old_text[:200] + "”", style_of("meta"))
            if orphan.tags:
                text.append("\n    ⚑ " + "  ".join(orphan.tags), style_of("tag"))
            if orphan.note.strip():
                text.append("\n    ✎ " + orphan.note.strip(), style_of("note"))
    return text
