"""The timeline: the dates mentioned across the library, one row per mention, ordered by the date
mentioned, under a bar of mentions per year, month or day drawn in block characters."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from newsgloss.store import DateMention, EntitySummary, Library, visible
from newsgloss.tui.knowledge.rows import date_row
from newsgloss.tui.knowledge.screen import KnowledgeScreen, Opener
from newsgloss.tui.shared.editor import Editor

ROWS = 100  # listed at once; more as the cursor nears the end
BLOCKS = " ▁▂▃▄▅▆▇█"
UNITS = ("year", "month", "day")


def _next(period: str, unit: str) -> str:
    if unit == "year":
        return f"{int(period) + 1:04d}"
    if unit == "month":
        year, month = int(period[:4]), int(period[5:7])
        return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
    return (date.fromisoformat(period) + timedelta(days=1)).isoformat()


def continuous(counts: list[tuple[str, int]], unit: str, most: int = 4000) -> list[tuple[str, int]]:
    """The periods from the first to the last, those without a date at zero (so a gap shows as one)."""
    if not counts:
        return []
    found, period = dict(counts), counts[0][0]
    filled: list[tuple[str, int]] = []
    try:
        while period <= counts[-1][0] and len(filled) < most:
            filled.append((period, found.get(period, 0)))
            period = _next(period, unit)
    except ValueError:  # a value that is not a calendar period: the bars as counted
        return counts
    return filled if period > counts[-1][0] else counts


def bar(counts: list[tuple[str, int]], width: int) -> tuple[str, str]:
    """Counts as a row of block characters (the latest `width` periods when there are more), and the line
    under it naming the first and last period."""
    shown = counts[-width:] if width > 0 else []
    if not shown:
        return "", "no dates"
    top = max(count for _, count in shown)
    blocks = "".join(BLOCKS[max(1, round(count / top * (len(BLOCKS) - 1)))] if count else " " for _, count in shown)
    first, last = shown[0][0], shown[-1][0]
    axis = first + " " * max(len(blocks) - len(first) - len(last), 1) + last if len(shown) > 1 else first
    return blocks, axis


class Timeline(KnowledgeScreen[DateMention]):
    """z zooms (years, months, days); the box narrows it with the filter language; Enter opens the paragraph."""

    BINDINGS = [
        Binding("ctrl+z", "zoom", "Zoom", tooltip="Bars by year, month or day", id="timeline.zoom"),
        Binding("ctrl+x", "export", "Export", tooltip="This timeline as a Markdown table", id="timeline.export"),
    ]

    def __init__(self, library: Library, editor: Editor, opener: Opener, query: str = "",
                 entity: EntitySummary | None = None) -> None:
        heading = "Timeline: dates mentioned, by the date mentioned" + (f" — beside {entity.name}" if entity else "")
        super().__init__(library, opener, heading, "narrow: entity:NAME tag:NAME source:NAME after:DATE …", query)
        self.editor = editor
        self.entity = entity
        self.unit = "year"

    def above(self) -> Iterable[Static]:
        yield Static("", id="bars", markup=False)

    @property
    def entity_id(self) -> int | None:
        return self.entity.id if self.entity else None

    def load(self, typed: str) -> tuple[list[DateMention], str]:
        rows = self.library.knowledge.timeline(typed, self.entity_id, ROWS)
        many = "" if len(rows) < ROWS else "+ (counting…)"
        return rows, f"{len(rows):,}{many} date{'s' * (len(rows) != 1)} mentioned · bars by {self.unit} (^z zooms)"

    def page(self, typed: str, offset: int) -> list[DateMention]:
        return self.library.knowledge.timeline(typed, self.entity_id, ROWS, offset)

    def more(self, library: Library, typed: str) -> object | None:
        """How many dates in all, and the bars (over the whole library: a worker's job)."""
        knowledge = library.knowledge
        return (knowledge.timeline_count(typed, self.entity_id),
                continuous(knowledge.timeline_bars(self.unit, typed, self.entity_id), self.unit))

    def show_more(self, typed: str, found: object) -> None:
        if typed != self.typed or not isinstance(found, tuple):
            return
        total, counts = found
        self._draw(counts)
        self.query_one("#summary", Static).update(
            f"{total:,} date{'s' * (total != 1)} mentioned · bars by {self.unit} (^z zooms)")

    def _draw(self, counts: list[tuple[str, int]]) -> None:
        bars = self.query_one("#bars", Static)
        width = max(self.size.width - 2, 10)
        blocks, axis = bar(counts, width)
        style_of = self.rows.highlights
        text = Text(" " + blocks, style_of("date"), end="")
        note = f"  (the last {width} {self.unit}s)" if len(counts) > width else ""
        text.append("\n " + visible(axis, newlines=False) + note, style_of("meta"))
        bars.update(text)

    def row(self, item: DateMention) -> Text:
        return date_row(item, self.rows.highlights)

    def chosen(self, item: DateMention) -> None:
        self.open_paragraph(item.article_id, item.position)

    def action_export(self) -> None:
        path = self.editor.export_timeline(self.typed, self.entity.id if self.entity else None)
        if path is not None:
            self.notify(visible(f"Exported to {path}"), markup=False, timeout=6)

    def action_zoom(self) -> None:
        self.unit = UNITS[(UNITS.index(self.unit) + 1) % len(UNITS)]
        self.refill()
