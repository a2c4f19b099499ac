"""The article list: one line per article, read from SQLite a page at a time as it scrolls."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newsgloss.store import ArticleSummary, Library, StoreError, visible
from newsgloss.tui.shared.colours import background_of, on_background, readable, readable_style

PAGE = 200
SORTS = ("newest", "source", "title")


class ArticleList(ScrollView, can_focus=True):
    """All stored articles; never loads more rows than it shows (plus a page cache)."""

    DEFAULT_CSS = """
    ArticleList { background: $surface; overflow-x: hidden; }
    ArticleList > .article-list--cursor { background: $accent 30%; color: $foreground; text-style: bold; }
    ArticleList:focus > .article-list--cursor { background: $accent; color: $text; }
    ArticleList > .article-list--meta { color: $text-muted; }
    ArticleList > .article-list--title { color: $foreground; }
    ArticleList > .article-list--unread { color: $text-warning; text-style: bold; }
    ArticleList > .article-list--tagged { color: $text-success; }
    """
    COMPONENT_CLASSES = {"article-list--cursor", "article-list--meta", "article-list--title", "article-list--unread",
                         "article-list--tagged"}
    BINDINGS = [
        Binding("j,down", "cursor(1)", "Down", show=False, tooltip="Next article", id="list.down"),
        Binding("k,up", "cursor(-1)", "Up", show=False, tooltip="Previous article", id="list.up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="list.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="list.page_up"),
        Binding("g,home", "first", "First article", show=False, id="list.first"),
        Binding("G,end", "last", "Last article", show=False, id="list.last"),
        Binding("f", "filter", "Filter", tooltip="Show only the articles a query matches (tag:, entity:, …)",
                id="list.filter"),
        Binding("X", "export_view", "Export these", tooltip="Export every article the list shows to Markdown",
                id="list.export"),
        Binding("o", "cycle_sort", "Sort", tooltip="Sort the list: newest, source, title", id="list.sort"),
        Binding("space", "toggle_selected", "Select", show=False,
                tooltip="Select or unselect this article (then s, a, d, U, 1-9 act on every one selected)",
                id="list.select"),
        Binding("asterisk", "select_all", "Select all", show=False,
                tooltip="Select every article the list shows (all that match its filter)", id="list.select_all"),
        Binding("escape", "clear_selection", "Unselect", show=False, tooltip="Unselect every article",
                id="list.unselect"),
    ]
    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)  # watch_cursor repaints two lines

    @dataclass
    class ArticleSelected(Message):
        """The user opened an article (Enter or click)."""

        article_id: int

    def __init__(self, library: Library, **kwargs) -> None:
        super().__init__(**kwargs)
        self.library = library
        self.order = "newest"
        self.filter = ""  # the filter language: the list shows only the articles that match
        self._count = 0
        self._pages: dict[int, list[ArticleSummary]] = {}
        self._strips: dict[tuple[int, bool, int], Strip] = {}  # (index, selected, width): the line as painted
        self._styles: dict[tuple[str, bool], Style] = {}
        self.selected: set[int] = set()  # article ids chosen to act on together

    def notify_style_update(self) -> None:
        """Styles changed: repaint the lines whose colours did (focus changes only the cursor's)."""
        super().notify_style_update()
        # The count below the list, in the theme's text colour made readable on the list's background.
        subtitle = readable(background_of(self) + self.styles.color, background_of(self))
        if self.styles.border_subtitle_color != subtitle:
            self.styles.border_subtitle_color = subtitle
        before = {key: style for key, style in self._styles.items() if not key[1] and key[0] != "cursor"}
        self._styles.clear()
        if any(self.style_of(name) != style for (name, _), style in before.items()):
            self._strips.clear()
        else:
            for key in [key for key in self._strips if key[1]]:
                del self._strips[key]

    def style_of(self, name: str, selected: bool = False) -> Style:
        """A component style resolved on the list's background, or on the cursor's when `selected`
        (cached: resolving walks the widget's ancestors)."""
        if (style := self._styles.get((name, selected))) is None:
            if name == "base":
                style = readable_style(self.rich_style)
            elif name == "cursor":
                style = on_background(self, "article-list--cursor")
            else:
                behind = background_of(self)
                if selected:
                    behind = behind + self.get_component_styles("article-list--cursor").background
                style = on_background(self, f"article-list--{name}", behind)
            self._styles[name, selected] = style
        return style

    def on_mount(self) -> None:
        self.reload()

    def reload(self, keep: int | None = None) -> None:
        """Re-read the count and forget cached pages (after imports, tags, sort changes)."""
        try:
            self._count = self.library.count_articles(self.filter)
        except StoreError as error:
            self._count = 0
            self.notify(visible(f"Cannot read the list: {error}"), severity="error", markup=False)
        self._pages.clear()
        self._strips.clear()
        self.virtual_size = Size(max(self.size.width, 20), self._count)
        shown = f"{self._count:,} article{'' if self._count == 1 else 's'}"
        self.border_subtitle = visible(" · ".join(part for part in (shown, self.filter, self.order) if part),
                                       newlines=False)
        if keep is not None:
            self.cursor = min(keep, max(self._count - 1, 0))
        self.refresh()

    def _cached(self, article_id: int) -> tuple[list[ArticleSummary], int, int] | None:
        """Where an article's row is cached: (its page's rows, its offset there, its index in the list)."""
        for page, rows in self._pages.items():
            for offset, row in enumerate(rows):
                if row.id == article_id:
                    return rows, offset, page * PAGE + offset
        return None

    def mark_read(self, article_id: int) -> None:
        """Clear the unread mark of one cached row (the store already saved it)."""
        if (found := self._cached(article_id)) is not None:
            rows, offset, index = found
            if rows[offset].unread:
                rows[offset] = replace(rows[offset], unread=False)
                self._forget_line(index)  # that line only: repainting the list took ~10 ms

    def refresh_article(self, article_id: int) -> None:
        """One article's tags or notes changed: re-read its row alone, unless the filter may now keep or drop it
        (then the whole list is counted again)."""
        if self.filter:
            self.reload(keep=self.cursor)
            return
        if (found := self._cached(article_id)) is None:
            return
        rows, offset, index = found
        try:
            fresh = self.library.article_page(index, 1, self.order, self.filter, total=self._count)
        except StoreError:
            fresh = []
        if not fresh or fresh[0].id != article_id:  # the order moved under it: read it all again
            self.reload(keep=self.cursor)
            return
        rows[offset] = fresh[0]
        self._forget_line(index)

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
            try:
                self._pages[page] = self.library.article_page(page * PAGE, PAGE, self.order, self.filter,
                                                              total=self._count)
            except StoreError as error:  # a damaged library: the rows that can be read still show
                self._pages[page] = []
                self.notify(visible(f"Cannot read the list: {error}"), severity="error", markup=False)
        rows = self._pages[page]
        offset = index - page * PAGE
        return rows[offset] if offset < len(rows) else None

    @property
    def current(self) -> ArticleSummary | None:
        return self.row(self.cursor)

    def _line(self, row: ArticleSummary, width: int, selected: bool) -> Text:
        """Unread mark, date, source (when there is room), title and tag count, in terminal cells."""
        meta = self.style_of("meta", selected)
        text = Text(no_wrap=True, end="")
        mark = "✓" if row.id in self.selected else "●" if row.unread else " "
        text.append(mark, self.style_of("unread", selected))
        text.append("★ " if row.starred else "  ", self.style_of("tagged", selected))
        published = row.published or "—"
        text.append(f"{published if width >= 70 else published[2:]:<{10 if width >= 70 else 8}} ", meta)
        source_width = 12 if width >= 70 else 8 if width >= 45 else 0
        if source_width:
            text.append(set_cell_size(visible(row.source, newlines=False), source_width) + " ", meta)
        tagged = f" ⚑{row.tagged}" if row.tagged else ""
        room = max(width - text.cell_len - len(tagged), 0)
        title = visible(row.title, newlines=False)
        title = title if cell_len(row.title) <= room else set_cell_size(title, max(room - 1, 0)) + "…"
        text.append(set_cell_size(title, room), self.style_of("title", selected))
        text.append(tagged, self.style_of("tagged", selected))
        if selected:
            text.stylize(self.style_of("cursor"))
            for start, end, style in [(span.start, span.end, span.style) for span in text.spans[:-1]]:
                text.stylize(style, start, end)  # each part keeps its colour, made readable on the cursor
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

    @dataclass
    class ExportWanted(Message):
        """The user asked to export the articles the list shows."""

        query: str

    def action_filter(self) -> None:
        from newsgloss.tui.shared.ask import Ask

        self.app.push_screen(Ask("Show only articles matching…", "tag:claim entity:\"Bashar al-Assad\" after:2024-12 "
                                 "-is:read words (empty: every article)", self.filter), self._filtered)

    def _filtered(self, query: str | None) -> None:
        if query is None:
            return
        try:
            self.library.count_articles(query)
        except StoreError as error:  # a filter that cannot mean anything: say why, keep the list as it was
            self.notify(visible(str(error)), severity="error", markup=False)
            return
        self.filter = query
        self.reload(keep=0)

    def action_export_view(self) -> None:
        self.post_message(self.ExportWanted(self.filter))

    @dataclass
    class SelectionChanged(Message):
        count: int

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_selection":  # Esc does what it does elsewhere when nothing is selected
            return bool(self.selected)
        return True

    def action_toggle_selected(self) -> None:
        if (row := self.current) is None:
            return
        self.selected ^= {row.id}
        self._forget_line(self.cursor)
        self.post_message(self.SelectionChanged(len(self.selected)))
        self.cursor += 1

    def action_select_all(self) -> None:
        try:
            self.selected = set(self.library.curation.ids(self.filter))
        except StoreError as error:
            self.notify(visible(str(error)), severity="error", markup=False)
            return
        self._strips.clear()
        self.refresh()
        self.post_message(self.SelectionChanged(len(self.selected)))

    def action_clear_selection(self) -> None:
        self.selected.clear()
        self._strips.clear()
        self.refresh()
        self.post_message(self.SelectionChanged(0))

    def _forget_line(self, index: int) -> None:
        for key in [key for key in self._strips if key[0] == index]:
            del self._strips[key]
        self.refresh_line_at(index)

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
