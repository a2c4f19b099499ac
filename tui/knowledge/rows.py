"""The rows of the knowledge screens: entities, the paragraphs naming one, dates mentioned, highlights.
Each row is rich Text built by offset (never markup), in the highlight colours, read on the list's own
background."""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.text import Text
from textual.color import Color
from textual.widgets import OptionList

from newsgloss.store import DateMention, EntitySummary, Highlight, MentionHit, describe_date, visible
from newsgloss.tui.shared.colours import background_of, readable
from newsgloss.tui.shared.highlight import HIGHLIGHT_CLASSES, HighlightStyles, day_in_words
from newsgloss.tui.shared.labels import kind_of, label_words

StyleOf = Callable[[str], Style]


class Rows(OptionList):
    """An option list whose rows use the highlight colours, readable on the list's background and on its
    highlighted row's."""

    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | HIGHLIGHT_CLASSES

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._base = HighlightStyles(self)
        self._styles: dict[str, Style] = {}

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base.clear()
        self._styles.clear()

    def highlights(self, name: str) -> Style:
        """A highlight colour readable on both backgrounds the rows are drawn on."""
        if (style := self._styles.get(name)) is None:
            style = self._base(name)
            if style.color is not None:
                normal = background_of(self)
                row = normal + self.get_component_styles("option-list--option-highlighted").background
                colour = readable(readable(Color.from_rich_color(style.color), row), normal)
                style = style + Style(color=colour.rich_color)
            self._styles[name] = style
        return style


def _line(text: str) -> str:
    return visible(" ".join(text.split()), newlines=False)


def entity_row(entity: EntitySummary, style_of: StyleOf) -> Text:
    """Bashar al-Assad  person  12 articles · 40 mentions · 2011 to 2024  (also Assad)"""
    text = Text(_line(entity.name), style_of(kind_of(entity.label)), end="")
    text.append(f"  {label_words(entity.label)}", style_of("meta"))
    seen = entity.first_seen if entity.first_seen == entity.last_seen else f"{entity.first_seen} to {entity.last_seen}"
    text.append(f"  {entity.articles:,} article{'s' * (entity.articles != 1)} · {entity.mentions:,} mention"
                f"{'s' * (entity.mentions != 1)}" + (f" · {seen}" if seen else ""), style_of("meta"))
    if entity.aliases:
        text.append(f"  (also {_line(', '.join(entity.aliases))})", style_of("meta"))
    return text


def _marked(paragraph: str, marks: tuple[tuple[int, int], ...], style: Style, limit: int = 320) -> Text:
    """A paragraph with the marked spans styled, cut around the first mark when long."""
    source = visible(paragraph, newlines=False)
    start = 0
    if len(source) > limit and marks:
        start = max(0, marks[0][0] - limit // 3)
    window = source[start:start + limit]
    text = Text(("…" if start else "") + window + ("…" if start + limit < len(source) else ""), end="")
    shift = 1 if start else 0
    for a, b in marks:
        if start <= a and b <= start + limit:
            text.stylize(style, a - start + shift, b - start + shift)
    return text


def mention_row(hit: MentionHit, label: str, style_of: StyleOf) -> Text:
    """The article's title, where the paragraph is, and the paragraph with the entity's names marked."""
    text = Text(_line(hit.title), style_of("title"), end="")
    when = day_in_words(hit.published) if hit.published else ""
    text.append("\n" + " · ".join(part for part in (_line(hit.source), when, f"¶{hit.position + 1}") if part),
                style_of("meta"))
    text.append("\n")
    text.append_text(_marked(hit.text, hit.marks, style_of(kind_of(label)) + Style(bold=True, underline=True)))
    return text


def date_row(row: DateMention, style_of: StyleOf) -> Text:
    """Thu 5 Dec 2024, night (time)  “overnight”  …the paragraph around it…  News.Az · Fri 6 Dec 2024"""
    words, grain = describe_date(row.value, row.type)
    text = Text(words, style_of("date"), end="")
    text.append(f" ({grain})" if grain else "", style_of("meta"))
    text.append(f"  “{_line(row.text)}”", style_of("title"))
    around = _marked(row.paragraph, ((row.start, row.end),), style_of("date"), limit=160)
    text.append("\n")
    text.append_text(around)
    published = day_in_words(row.published) if row.published else ""
    text.append("\n" + " · ".join(part for part in (_line(row.source), published, _line(row.title)) if part),
                style_of("meta"))
    return text


def highlight_row(item: Highlight, style_of: StyleOf) -> Text:
    """The article, the paragraph's tags and note, and the paragraph (an article note has none)."""
    text = Text(_line(item.title), style_of("title"), end="")
    where = "article note" if item.position is None else f"¶{item.position + 1}"
    when = day_in_words(item.published) if item.published else ""
    text.append("\n" + " · ".join(part for part in (_line(item.source), when, where) if part), style_of("meta"))
    if item.tags:
        text.append("\n⚑ " + _line("  ".join(item.tags)), style_of("tag"))
    if item.note.strip():
        text.append("\n✎ " + _line(item.note), style_of("note"))
    if item.text:
        text.append("\n" + _line(item.text)[:400])
    return text
