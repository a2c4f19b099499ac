"""An article laid out as lines at one width: the reader paints them a line at a time.

One widget per paragraph cost more than the text: each focus change restyled every paragraph
widget, and opening an article took ~70 ms. Here opening wraps the text once, and moving the
cursor re-wraps only the two paragraphs it leaves and enters.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from store.models import Article, Paragraph
from tui.widgets.highlight import article_head, article_note, entity_line, legend_text, paragraph_text

BAR = "▌"  # beside the current paragraph, and beside tagged ones
HEAD_INDENT = 2  # columns before the header's text
INDENT = 3  # columns before a paragraph's text: margin, bar, padding
MIN_WIDTH = INDENT + 10


def paragraph_content(paragraph: Paragraph, current: bool, style_of: Callable[[str], Style]) -> Text:
    """Tags first (always in view when the paragraph is), then the text, entities (current only) and note."""
    parts = []
    if paragraph.tags:
        parts.append(Text("⚑ " + "  ".join(paragraph.tags), style_of("tag"), end=""))
    parts.append(paragraph_text(paragraph, style_of))
    if current and (entities := entity_line(paragraph, style_of)):
        parts.append(entities)
    if paragraph.note.strip():
        parts.append(Text("✎ " + paragraph.note.strip(), style_of("note"), end=""))
    return Text("\n", end="").join(parts)


class Page:
    """Lines for one article (or the empty reader's hint): a header, then a block per paragraph.

    `strips[y]` is what line y shows; `text[y]` the words on it (for copying a selection);
    `indent[y]` the columns before those words. Each strip carries Textual's selection offsets.
    """

    def __init__(self, article: Article | None, cursor: int, width: int, console: Console,
                 style_of: Callable[[str], Style], base: Style) -> None:
        self.article = article
        self.width = max(width, MIN_WIDTH)
        self.console = console
        self.style_of = style_of
        self.base = base
        self.current_style = base + style_of("current")
        self._head = self._head_lines()
        paragraphs = article.paragraphs if article else ()
        self._blocks = [self._paragraph_lines(p, p.position == cursor) for p in paragraphs]
        self._flatten()

    # Lines -----------------------------------------------------------------

    def _wrap(self, text: Text, indent: list[Segment], style: Style) -> list[tuple[list[Segment], str]]:
        inner = self.width - sum(s.cell_length for s in indent) - 2
        options = self.console.options.update(width=inner, height=None, no_wrap=False, overflow="fold")
        lines = self.console.render_lines(text, options, style=style, pad=True)
        return [(indent + line + [Segment("  ", style)], "".join(s.text for s in line).rstrip()) for line in lines]

    def _head_lines(self) -> list[tuple[list[Segment], str]]:
        pad = [Segment(" " * HEAD_INDENT, self.base)]
        blank: list[tuple[list[Segment], str]] = [([Segment(" " * self.width, self.base)], "")]
        if self.article is None:
            return blank + self._wrap(Text("Select an article and press Enter.", end=""), pad, self.base)
        lines = blank + self._wrap(article_head(self.article, self.style_of), pad, self.base)
        lines += self._wrap(legend_text(self.style_of), pad, self.base) + blank
        if self.article.note.strip() or self.article.orphans:
            lines += self._wrap(article_note(self.article, self.style_of), pad, self.base) + blank
        return lines

    def _paragraph_lines(self, paragraph: Paragraph, current: bool) -> list[tuple[list[Segment], str]]:
        style = self.current_style if current else self.base
        bar = self.style_of("bar-current") if current else self.style_of("bar-tagged") if paragraph.tags else None
        indent = [Segment(" ", self.base), Segment(BAR if bar else " ", style + bar if bar else style),
                  Segment(" ", style)]
        lines = self._wrap(paragraph_content(paragraph, current, self.style_of), indent, style)
        return lines + [([Segment(" " * self.width, self.base)], "")]  # the margin below

    def _flatten(self) -> None:
        self.strips: list[Strip] = []
        self.text: list[str] = []
        self.indent: list[int] = []
        self.starts: list[int] = []  # the first line of each paragraph
        for number, block in enumerate([self._head, *self._blocks]):
            if number:
                self.starts.append(len(self.strips))
            left = HEAD_INDENT if number == 0 else INDENT
            for segments, words in block:
                y = len(self.strips)
                content = Strip(segments[1 if number == 0 else 3:-1]).apply_offsets(0, y) if words else None
                head = segments[:1 if number == 0 else 3]
                strip = Strip([*head, *content, segments[-1]] if content else segments, self.width)
                self.strips.append(strip)
                self.text.append(words)
                self.indent.append(left)

    # Queries and changes ---------------------------------------------------

    @property
    def height(self) -> int:
        return len(self.strips)

    def paragraph_region(self, position: int) -> tuple[int, int]:
        """The first line and the height of a paragraph (without the margin below it)."""
        end = self.starts[position + 1] if position + 1 < len(self.starts) else len(self.strips)
        return self.starts[position], end - self.starts[position] - 1

    def paragraph_at(self, y: int) -> int | None:
        """The paragraph shown on line y, if any."""
        index = bisect_right(self.starts, y) - 1
        return index if index >= 0 else None

    def set_current(self, position: int, current: bool) -> None:
        """Re-wrap one paragraph as the current one (background, bar, entities) or as an ordinary one."""
        assert self.article is not None
        self._blocks[position] = self._paragraph_lines(self.article.paragraphs[position], current)
        self._flatten()

    def selected(self, y: int, start: int, end: int, style: Style) -> Strip:
        """Line y with the characters start..end (end -1: to the end) in the selection's style."""
        strip, left = self.strips[y], self.indent[y]
        end = len(self.text[y]) if end == -1 else min(end, len(self.text[y]))
        if end <= start:
            return strip
        before, chosen, after = strip.divide([left + start, left + end, self.width])
        chosen = Strip(Segment.apply_style(list(chosen), post_style=style), chosen.cell_length)
        return Strip.join([before, chosen, after])
