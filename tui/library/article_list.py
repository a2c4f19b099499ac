"""The article list: one line per article, read from SQLite a page at a time as it scrolls."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store import ArticleSummary, Library

PAGE = 200
SORTS = ("newest", "source", "title")


class ArticleList(ScrollView, can_focus=True):
    """All stored articles; never loads more rows than it shows (plus a page cache)."""

    DEFAULT_CSS = """
    ArticleList { background: $surface; overflow-x: hidden; }
    ArticleList > .article-list--cursor { background: $accent 40%; text-style: bold; }
    ArticleList:focus > .article-list--cursor { background: $accent; color: $text; }
    ArticleList > .article-list--meta { color: $text-muted; }
    ArticleList > .article-list--unread { color: $warning; text-style: bold; }
    ArticleList > .article-list--tagged { color: $success; }
    """
    COMPONENT_CLASSES = {"article-list--cursor", "article-list--meta", "article-list--unread", "article-list--tagged"}
    BINDINGS = [
        Binding("j,down", "cursor(1)", "Down", show=False, id="list.down"),
        Binding("k,up", "cursor(-1)", "Up", show=False, id="list.up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="list.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="list.page_up"),
        Binding("g,home", "first", "First article", show=False, id="list.first"),
        Binding("G,end", "last", "Last article", show=False, id="list.last"),
        Binding("o", "cycle_sort", "Sort", id="list.sort"),
    ]
    cursor: reactive[int] = reactive(0, always_update=True)

    @dataclass
    class ArticleSelected(Message):
        """The user opened an article (Enter or click)."""

        article_id: int

    def __init__(self, library: Library, **kwargs) -> None:
        super().__init__(**kwargs)
        self.library = library
        self.order = "newest"
        self._count = 0
        self._pages: dict[int, list[ArticleSummary]] = {}
        self._strips: dict[tuple[int, bool, int], Strip] = {}  # (index, selected, width): the line as painted
        self._styles: dict[str, Style] = {}

    def notify_style_update(self) -> None:
        """Styles changed: repaint the lines whose colours did (focus changes only the cursor's)."""
        super().notify_style_update()
        before = dict(self._styles)
        self._styles.clear()
        if any(self.style_of(name) != style for name, style in before.items() if name != "cursor"):
            self._strips.clear()
        else:
            for key in [key for key in self._strips if key[1]]:
                del self._strips[key]

    def style_of(self, name: str) -> Style:
        """A component style (cached: looking one up walks the widget's ancestors)."""
        if (style := self._styles.get(name)) is None:
            style = self._styles[name] = self.rich_style if name == "base" else \
                self.get_component_rich_style(f"article-list--{name}", partial=name != "cursor")
        return style

    def on_mount(self) -> None:
        self.reload()

    def reload(self, keep: int | None = None) -> None:
        """Re-read the count and forget cached pages (after imports, tags, sort changes)."""
        self._count = self.library.count_articles()
        self._pages.clear()
        self._strips.clear()
        self.virtual_size = Size(max(self.size.width, 20), self._count)
        self.border_subtitle = f"{self._count} article{'' if self._count == 1 else 's'} · {self.order}"
        if keep is not None:
            self.cursor = min(keep, max(self._count - 1, 0))
        self.refresh()

    def mark_read(self, article_id: int) -> None:
        """Clear the unread mark of one cached row (the store already saved it)."""
        for page, rows in self._pages.items():
            for offset, row in enumerate(rows):
                if row.id == article_id and row.unread:
                    rows[offset] = replace(row, unread=False)
                    index = page * PAGE + offset
                    for key in [key for key in self._strips if key[0] == index]:
                        del self._strips[key]
                    self.refresh_line_at(index)  # that line only: repainting the list took ~10 ms
                    return

    @property
    def count(self) -> int:
        return self._count

    def row(self, index: int) -> ArticleSummary | None:
        if not 0 <= index < self._count:
            return None
        page = index // PAGE
        if page not in self._pages:
            if len(self._pages) > 20:
                self._pages.clear()
                self._strips.clear()
            self._pages[page] = self.library.article_page(page * PAGE, PAGE, self.order, total=self._count)
        rows = self._pages[page]
        offset = index - page * PAGE
        return rows[offset] if offset < len(rows) else None

    @property
    def current(self) -> ArticleSummary | None:
        return self.row(self.cursor)

    def _line(self, row: ArticleSummary, width: int, selected: bool) -> Text:
        meta = self.style_of("meta")
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append("● " if row.unread else "  ", self.style_of("unread"))
        text.append(f"{row.published or '—':<10} ", meta)
        text.append(f"{(row.source or '')[:12]:<12} ", meta)
        tagged = f" ⚑{row.tagged}" if row.tagged else ""
        title_width = max(width - len(text) - len(tagged), 1)
        title = Text(row.title, no_wrap=True, overflow="ellipsis", end="")
        title.truncate(title_width, overflow="ellipsis", pad=True)
        text.append_text(title)
        text.append(tagged, self.style_of("tagged"))
        if selected:
            text.stylize(self.style_of("cursor"))
        return text

    def render_line(self, y: int) -> Strip:
        _, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        key = (index, index == self.cursor, width)
        if (strip := self._strips.get(key)) is not None:
            return strip
        row = self.row(index)
        if row is None:
            return Strip.blank(width, self.style_of("base"))
        segments = list(self._line(row, width, index == self.cursor).render(self.app.console))
        strip = Strip(segments).adjust_cell_length(width, self.style_of("base")).apply_style(self.style_of("base"))
        if len(self._strips) > 2000:
            self._strips.clear()
        self._strips[key] = strip
        return strip

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line_at(old)
        self.refresh_line_at(new)
        self.scroll_to_region(Region(0, new, 1, 1), animate=False, force=True)

    def refresh_line_at(self, index: int) -> None:
        _, scroll_y = self.scroll_offset
        self.refresh(Region(0, index - scroll_y, self.size.width, 1))

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, self._count - 1)) if self._count else 0

    def action_cursor(self, step: int) -> None:
        self.cursor += step

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(self.scrollable_content_region.height - 1, 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self._count - 1

    def action_open(self) -> None:
        if (row := self.current) is not None:
            self.post_message(self.ArticleSelected(row.id))

    def action_cycle_sort(self) -> None:
        self.order = SORTS[(SORTS.index(self.order) + 1) % len(SORTS)]
        self.reload(keep=0)
        self.notify(f"Sorted by {self.order}", timeout=2)

    def on_click(self, event: events.Click) -> None:
        _, scroll_y = self.scroll_offset
        self.cursor = scroll_y + event.y
        self.action_open()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self._count)
