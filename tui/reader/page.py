"""An article laid out as lines at one width: the reader paints them a line at a time.

One widget per paragraph cost more than the text: each focus change restyled every paragraph
widget, and opening an article took ~70 ms. Here opening wraps the first screenful (the rest
once that is painted), and moving the cursor re-wraps only the two paragraphs it leaves and enters.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from newsgloss.store import Article, Paragraph, visible
from newsgloss.tui.shared.highlight import (
    article_head,
    article_note,
    entity_line,
    kinds_in,
    legend_text,
    paragraph_text,
)

BAR = "▌"  # beside the current paragraph, and beside tagged ones
HEAD_INDENT = 2  # columns before the header's text
INDENT = 3  # columns before a paragraph's text: margin, bar, padding
MIN_WIDTH = INDENT + 10


@dataclass(frozen=True)
class Look:
    """How an article is drawn: the styles of ordinary and current paragraphs, and what is shown.
    Two looks are equal when they would draw the same lines."""

    base: Style  # the reader's own text on its background
    current: Style  # the current paragraph's text on its background
    style_of: Callable[[str], Style] = lambda name: Style()  # named styles on the reader's background
    current_of: Callable[[str], Style] = lambda name: Style()  # the same on the current paragraph's
    palette: tuple[Style, ...] = ()  # every named style, to tell when a theme changed them
    dates: str = "words"  # after a date: its meaning in words, its TIMEX3 value, or nothing
    legend: bool = True

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Look) and (self.base, self.current, self.palette, self.dates, self.legend) == (
            other.base, other.current, other.palette, other.dates, other.legend)

    def __hash__(self) -> int:
        return hash((self.base, self.current, self.palette, self.dates, self.legend))


def paragraph_content(paragraph: Paragraph, current: bool, look: Look, published: str) -> Text:
    """Tags first (always in view when the paragraph is), then the text, entities (current only) and note."""
    style_of = look.current_of if current else look.style_of
    parts = []
    if paragraph.tags:
        parts.append(Text("⚑ " + visible("  ".join(paragraph.tags), newlines=False), style_of("tag"), end=""))
    parts.append(paragraph_text(paragraph, style_of, look.dates, published))
    if current and (entities := entity_line(paragraph, style_of)):
        parts.append(entities)
    if paragraph.note.strip():
        parts.append(Text("✎ " + visible(paragraph.note.strip()), style_of("note"), end=""))
    return Text("\n", end="").join(parts)


Line = tuple[list[Segment], str, int]  # segments, the words on it (for copying a selection), their indent


class Page:
    """Lines for one article (or the empty reader's hint): a header, then a block per paragraph.

    Paragraphs are wrapped in order, only as far as asked (`wrap_to`): the first paint needs the
    first screenful, and the rest follows once it is shown (`finish`). Until then `height` is an
    estimate. A line's strip, with Textual's selection offsets, is made when it is first painted.
    """

    def __init__(self, article: Article | None, cursor: int, width: int, console: Console, look: Look,
                 lines: int = 0) -> None:
        self.article = article
        self.look = look
        self.base = look.base
        self.width = max(width, MIN_WIDTH)
        self.console = console
        self.style_of = look.style_of
        self.current_style = look.current
        self.cursor = cursor
        self._paragraphs = article.paragraphs if article else ()
        self._blocks: list[list[Line]] = []  # the paragraphs wrapped so far, in order
        self._lines: list[Line] = self._head_lines()
        self.starts: list[int] = []  # the first line of each paragraph wrapped so far
        self._strips: dict[int, Strip] = {}
        self.wrap_to(lines)

    # Wrapping ----------------------------------------------------------------

    def _wrap(self, text: Text, indent: list[Segment], style: Style) -> list[Line]:
        left = sum(s.cell_length for s in indent)
        options = self.console.options.update(width=self.width - left - 2, height=None, no_wrap=False,
                                              overflow="fold")
        lines = self.console.render_lines(text, options, style=style, pad=True)
        return [(indent + line + [Segment("  ", style)], "".join(s.text for s in line).rstrip(), left)
                for line in lines]

    def _blank(self) -> Line:
        return [Segment(" " * self.width, self.base)], "", 0

    def _head_lines(self) -> list[Line]:
        pad = [Segment(" " * HEAD_INDENT, self.base)]
        if self.article is None:
            return [self._blank(), *self._wrap(Text("Select an article and press Enter.", end=""), pad, self.base)]
        lines = [self._blank(), *self._wrap(article_head(self.article, self.style_of, self.width - 4), pad,
                                             self.base)]
        if self.look.legend and (kinds := kinds_in(self.article)):
            lines += self._wrap(legend_text(self.style_of, kinds), pad, self.base)
        lines.append(self._blank())
        if self.article.note.strip() or self.article.orphans:
            lines += [*self._wrap(article_note(self.article, self.style_of), pad, self.base), self._blank()]
        return lines

    def _paragraph_lines(self, paragraph: Paragraph) -> list[Line]:
        current = paragraph.position == self.cursor
        style = self.current_style if current else self.base
        bar = self.look.current_of("bar-current") if current else \
            self.style_of("bar-tagged") if paragraph.tags else None
        indent = [Segment(" ", self.base), Segment(BAR if bar else " ", style + bar if bar else style),
                  Segment(" ", style)]
        assert self.article is not None
        lines = self._wrap(paragraph_content(paragraph, current, self.look, self.article.published), indent, style)
        return [*lines, self._blank()]  # the margin below

    def wrap_to(self, y: int) -> None:
        """Wrap paragraphs, in order, until line y exists (or all are wrapped)."""
        while len(self._blocks) < len(self._paragraphs) and len(self._lines) <= y:
            block = self._paragraph_lines(self._paragraphs[len(self._blocks)])
            self._blocks.append(block)
            self.starts.append(len(self._lines))
            self._lines += block

    def finish(self) -> None:
        self.wrap_to(1 << 62)

    @property
    def complete(self) -> bool:
        return len(self._blocks) == len(self._paragraphs)

    @property
    def height(self) -> int:
        """The number of lines; an estimate until every paragraph is wrapped."""
        inner = self.width - INDENT - 2
        rest = self._paragraphs[len(self._blocks):]
        return len(self._lines) + sum(len(p.text) // inner + 2 + bool(p.tags) + bool(p.note) for p in rest)

    # Painting ------------------------------------------------------------------

    def strip(self, y: int) -> Strip | None:
        """Line y as painted (None past the end)."""
        if (strip := self._strips.get(y)) is not None:
            return strip
        self.wrap_to(y)
        if y >= len(self._lines):
            return None
        segments, words, left = self._lines[y]
        if words:  # the words carry their offsets, so a selection can be made and copied
            cut, cells = 0, 0
            while cells < left:  # the segments of the indent
                cells += segments[cut].cell_length
                cut += 1
            content = Strip(segments[cut:-1]).apply_offsets(0, y)
            segments = [*segments[:cut], *content, segments[-1]]
        strip = self._strips[y] = Strip(segments, self.width)
        return strip

    def words(self) -> list[str]:
        """Every line's words (a selection is extracted from these)."""
        self.finish()
        return [words for _, words, _ in self._lines]

    def selected(self, y: int, start: int, end: int, style: Style) -> Strip:
        """Line y with the characters start..end (end -1: to the end) in the selection's style."""
        strip = self.strip(y)
        assert strip is not None
        _, words, left = self._lines[y]
        end = len(words) if end == -1 else min(end, len(words))
        if end <= start:
            return strip
        before, chosen, after = strip.divide([left + start, left + end, self.width])
        chosen = Strip(Segment.apply_style(list(chosen), post_style=style), chosen.cell_length)
        return Strip.join([before, chosen, after])

    # Paragraphs ----------------------------------------------------------------

    def paragraph_region(self, position: int) -> tuple[int, int]:
        """The first line and the height of a paragraph (without the margin below it)."""
        self.finish()
        end = self.starts[position + 1] if position + 1 < len(self.starts) else len(self._lines)
        return self.starts[position], end - self.starts[position] - 1

    def paragraph_at(self, y: int) -> int | None:
        """The paragraph shown on line y, if any."""
        self.wrap_to(y)
        index = bisect_right(self.starts, y) - 1
        return index if index >= 0 else None

    def move_cursor(self, position: int) -> None:
        """Make another paragraph the current one: only it and the one it was are wrapped again."""
        self.finish()
        old, self.cursor = self.cursor, position
        for changed in {old, position}:
            self._blocks[changed] = self._paragraph_lines(self._paragraphs[changed])
        head = self._lines[:self.starts[0]] if self.starts else self._lines
        self._lines, self.starts = list(head), []
        for block in self._blocks:
            self.starts.append(len(self._lines))
            self._lines += block
        self._strips.clear()
