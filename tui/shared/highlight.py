"""Highlighted article text for any screen: one colour per label, styled by offset, never parsed as markup.

A widget that shows highlighted text lists HIGHLIGHT_CLASSES among its COMPONENT_CLASSES and reads its
colours through a HighlightStyles; the rules themselves are HIGHLIGHT_CSS, part of the app's style sheet.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.color import Color
from textual.widget import Widget

from newsgloss.store import Article, Paragraph, Span, date_in_words, visible
from newsgloss.tui.shared.colours import on_background
from newsgloss.tui.shared.labels import KIND_WORDS, KINDS, kind_of, label_words

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
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
.hl--date-value { color: $text-muted; }
.hl--number { color: $text-muted; text-style: bold; }
.hl--other { color: $text-accent; }
.hl--tag { color: $text-success; text-style: bold; }
.hl--note { color: $text-secondary; text-style: italic; }
.hl--meta { color: $text-muted; }
.hl--title { text-style: bold; }
"""


class HighlightStyles:
    """The highlight colours as one widget resolves them, on its own background or another (a current
    paragraph's); call `clear` when its styles change."""

    def __init__(self, host: Widget) -> None:
        self.host = host
        self._styles: dict[tuple[str, Color | None], Style] = {}

    def __call__(self, name: str) -> Style:
        return self.on(None)(name)

    def on(self, background: Color | None) -> Callable[[str], Style]:
        """Styles resolved on `background` (None: the host's own)."""

        def style_of(name: str) -> Style:
            if (style := self._styles.get((name, background))) is None:
                style = self._styles[name, background] = on_background(self.host, f"hl--{name}", background)
            return style

        return style_of

    def clear(self) -> None:
        self._styles.clear()


DATE_DISPLAYS = ("words", "timex", "off")  # what follows a date: its meaning in words, its TIMEX3 value, nothing


def date_note(span: Span, dates: str, published: str) -> str | None:
    """What follows a date span in the text, by the reader's choice of `dates`."""
    if dates == "timex":
        return span.value or None
    if dates == "words":
        return date_in_words(span, published)
    return None


def paragraph_text(paragraph: Paragraph, style_of: Callable[[str], Style], dates: str = "words",
                   published: str = "") -> Text:
    """The paragraph with each span styled; a date is followed by what it means (`dates`) in muted text."""
    text = Text(end="")
    cursor = 0
    source = visible(paragraph.text, newlines=False)  # one character for one: span offsets stay right
    for span in sorted(paragraph.spans, key=lambda s: (s.start, -s.end)):
        if span.start < cursor or span.end > len(source):
            continue
        text.append(source[cursor:span.start])
        kind = kind_of(span.label)
        text.append(source[span.start:span.end], style_of(kind))
        if kind == "date" and (note := date_note(span, dates, published)):
            text.append(f" ‹{note}›", style_of("date-value"))
        cursor = span.end
    text.append(source[cursor:])
    return text


def entity_line(paragraph: Paragraph, style_of: Callable[[str], Style]) -> Text:
    """The entities of a paragraph spelled out with their labels in words (colour is not the only cue)."""
    text = Text(end="")
    seen: set[tuple[str, str]] = set()
    for span in paragraph.spans:
        kind = kind_of(span.label)
        if kind in ("number", "date") or (span.text, span.label) in seen:
            continue
        seen.add((span.text, span.label))
        if text:
            text.append("  ")
        text.append(visible(span.text, newlines=False), style_of(kind))
        text.append(f" {label_words(span.label)}", style_of("date-value"))
    return text


def kinds_in(article: Article) -> list[str]:
    """The kinds of highlight an article has, in legend order."""
    present = {kind_of(span.label) for paragraph in article.paragraphs for span in paragraph.spans}
    return [kind for kind in KINDS if kind in present]


def legend_text(style_of: Callable[[str], Style], kinds: list[str] | None = None) -> Text:
    """What each colour means, in words (the kinds given, or all)."""
    text = Text("Colours: ", style_of("date-value"), end="")
    for kind in kinds if kinds is not None else KINDS:
        text.append(KIND_WORDS[kind], style_of(kind))
        text.append("  ")
    text.rstrip()
    return text


def shortened(text: str, width: int) -> str:
    """`text` cut in the middle to `width` cells at most (a link keeps its host and its end)."""
    if cell_len(text) <= width or width < 8:
        return text
    keep = width - 1
    head = text[: keep - keep // 3]
    tail = text[len(text) - keep // 3:]
    while cell_len(head) + cell_len(tail) > keep:
        head = head[:-1]
    return f"{head}…{tail}"


def day_in_words(published: str) -> str:
    """An article's date as the header shows it: Fri 6 Dec 2024."""
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return published
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def article_head(article: Article, style_of: Callable[[str], Style], width: int = 80) -> Text:
    """The title, then source, date and author on one line, the link on one line, and the caption."""
    text = Text(visible(article.title, newlines=False), style_of("title"), end="")
    published = day_in_words(article.published) if article.published else ""
    meta = visible(" · ".join(part for part in (article.source, published, article.author) if part), newlines=False)
    if meta:
        text.append("\n" + meta, style_of("meta"))
    if article.url:
        text.append("\n" + shortened(visible(article.url, newlines=False), width), style_of("meta"))
    if article.caption:
        text.append("\n" + visible(article.caption, newlines=False), style_of("note"))
    states = [state for state, on in (("★ starred", article.starred), ("in the archive", article.shelf == 1),
                                       ("in the trash (a restores it)", article.shelf == 2)) if on]
    if states or article.tags:
        text.append("\n" + " · ".join(states), style_of("meta"))
        if article.tags:
            text.append((" · " if states else "") + "⚑ " + visible("  ".join(article.tags), newlines=False),
                        style_of("tag"))
    if not article.annotated:
        text.append("\n(annotating…)", style_of("meta"))
    return text


def article_note(article: Article, style_of: Callable[[str], Style]) -> Text:
    """The article note, and tags and notes kept from paragraphs an update removed."""
    text = Text(end="")
    if article.note.strip():
        text.append("✎ Article note: " + visible(article.note.strip()), style_of("note"))
    if article.orphans:
        text.append(("\n" if text else "") + f"Kept from an earlier version ({len(article.orphans)}):",
                    style_of("meta"))
        for orphan in article.orphans:
            text.append("\n  “" + visible(orphan.old_text[:200]) + "”", style_of("meta"))
            if orphan.tags:
                text.append("\n    ⚑ " + visible("  ".join(orphan.tags), newlines=False), style_of("tag"))
            if orphan.note.strip():
                text.append("\n    ✎ " + visible(orphan.note.strip()), style_of("note"))
    return text
