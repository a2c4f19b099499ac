"""The reader: a view of one article, paragraphs as the cursor unit. It paints and scrolls; what the keys
do to the article (tags, notes, corrections) is the ReaderPane's, which owns it."""

from __future__ import annotations

from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from newsgloss.store import Article, Paragraph
from newsgloss.tui.reader.page import MIN_WIDTH, Look, Page
from newsgloss.tui.shared.colours import background_of, on_background, readable_style
from newsgloss.tui.shared.highlight import HIGHLIGHT_CLASSES, PARTS, HighlightStyles
from newsgloss.tui.shared.labels import KINDS

OWN_STYLES = ("current", "bar-current", "bar-tagged")  # the reader's own parts, beside the highlight colours


class Reader(ScrollView, can_focus=True):
    """Shows one article; paragraphs are the cursor unit. Painted a line at a time from a Page."""

    DEFAULT_CSS = """
    Reader { overflow-y: scroll; }
    Reader > .reader--current { background: $boost; color: $foreground; }
    Reader > .reader--bar-current { color: $accent; }
    Reader > .reader--bar-tagged { color: $success 60%; }
    """
    COMPONENT_CLASSES = HIGHLIGHT_CLASSES | {f"reader--{name}" for name in OWN_STYLES}
    BINDINGS = [
        Binding("j,down", "move(1)", "Next ¶", tooltip="Next paragraph", id="reader.next"),
        Binding("k,up", "move(-1)", "Prev ¶", tooltip="Previous paragraph", id="reader.previous"),
        Binding("g,home", "move_to(0)", "First ¶", show=False, tooltip="First paragraph", id="reader.first"),
        Binding("G,end", "move_to(-1)", "Last ¶", show=False, tooltip="Last paragraph", id="reader.last"),
        Binding("pagedown,space", "scroll_page(1)", "Page down", show=False, id="reader.page_down"),
        Binding("pageup,b", "scroll_page(-1)", "Page up", show=False, id="reader.page_up"),
    ]
    article: var[Article | None] = var(None)  # what is shown (set through `show`)
    cursor: var[int] = var(0)  # the current paragraph's position
    dates: var[str] = var("words")  # after each date: "words", "timex" (its TIMEX3 value) or "off"
    legend: var[bool] = var(True)  # a line naming the colours above the article

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._page: Page | None = None
        self.highlights = HighlightStyles(self)
        self._look: Look | None = None

    def notify_style_update(self) -> None:
        """A style changed (focus, theme): lay the article out again if its colours did."""
        super().notify_style_update()
        self.highlights.clear()
        self._look = None
        if self._page is not None and self._page.look != self.look:
            self._page = None

    @property
    def look(self) -> Look:
        """The styles and choices the article is drawn with, resolved on the real backgrounds."""
        if self._look is None:
            background = background_of(self)
            current_background = background + self.get_component_styles("reader--current").background
            current_of = self.highlights.on(current_background)

            def current_or_own(name: str) -> Style:
                if name in OWN_STYLES:
                    return on_background(self, f"reader--{name}", current_background)
                return current_of(name)

            def own_or_highlight(name: str) -> Style:
                return on_background(self, f"reader--{name}") if name in OWN_STYLES else self.highlights(name)

            base = readable_style(self.rich_style)
            palette = tuple(own_or_highlight(name) for name in (*KINDS, *PARTS, *OWN_STYLES))
            self._look = Look(base, base + on_background(self, "reader--current"), own_or_highlight,
                              current_or_own, palette + tuple(current_of(name) for name in (*KINDS, *PARTS)),
                              self.dates, self.legend)
        return self._look

    def watch_dates(self) -> None:
        self._restyle()

    def watch_legend(self) -> None:
        self._restyle()

    def _restyle(self) -> None:
        self._look = None
        self._page = None
        if self.article is not None:
            self._lay_out()
            self.refresh()

    @property
    def paragraph(self) -> Paragraph | None:
        """The current paragraph, if an article with paragraphs is shown."""
        if self.article is None or not self.article.paragraphs:
            return None
        return self.article.paragraphs[self.cursor]

    # Layout and painting -----------------------------------------------------

    @property
    def page(self) -> Page:
        """The open article's lines at the current width (laid out again when the width or theme changes)."""
        return self._lay_out()

    def _lay_out(self) -> Page:
        width = self.scrollable_content_region.width
        page = self._page
        if page is None or page.article is not self.article or page.width != max(width, MIN_WIDTH):
            page = self._page = Page(self.article, self.cursor, width, self.app.console, self.look,
                                     lines=self.scroll_offset.y + self.size.height)
            self._set_height(page.height)
            if not page.complete:
                self.call_after_refresh(self._finish_page, page)
        return page

    def _set_height(self, height: int) -> None:
        """Set the scrollable height without laying out the whole screen again (a virtual size change
        does that, and it was half the time to open an article). The scrollbar is always shown, so no
        other widget moves when the height changes."""
        size = Size(self.scrollable_content_region.width, height)
        if size != self.virtual_size:
            self.set_reactive(Reader.virtual_size, size)
            bar = self.vertical_scrollbar
            bar.window_virtual_size = height
            bar.window_size = self.scrollable_content_region.height
            bar.refresh()

    def _finish_page(self, page: Page) -> None:
        """Wrap the rest of the article once its first screen is shown; the height is exact from now on."""
        page.finish()
        if page is self._page:
            self._set_height(page.height)

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        page = self.page
        if (strip := page.strip(index)) is None:
            return Strip.blank(self.scrollable_content_region.width, self.rich_style)
        selection = self.text_selection
        if selection is not None and (span := selection.get_span(index)) is not None:
            return page.selected(index, *span, self.screen.get_component_rich_style("screen--selection"))
        return strip

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        return selection.extract("\n".join(self.page.words())), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    def on_resize(self) -> None:
        self.refresh()

    def show(self, article: Article, cursor: int = 0) -> None:
        """Show an article with the cursor on paragraph `cursor`; showing the one already shown again (after
        a change to it) keeps the scroll position."""
        same = self.article is not None and self.article.id == article.id
        scroll_y = self.scroll_y
        self.article = article
        self.cursor = min(cursor, max(len(article.paragraphs) - 1, 0))
        self._lay_out()  # and set the scrollable height, before scrolling
        self.scroll_to(y=scroll_y if same else 0, animate=False, immediate=True)
        self.refresh()

    def show_paragraph(self, article: Article, position: int) -> None:
        """Show a new version of the article shown, with paragraph `position` current and in view."""
        self.show(article, position)
        self._scroll_to_paragraph(self.cursor)

    # Cursor ----------------------------------------------------------------

    def _scroll_to_paragraph(self, position: int) -> None:
        top, height = self.page.paragraph_region(position)
        self._set_height(self.page.height)  # exact now: finding the paragraph wrapped the whole article
        tall = height >= self.scrollable_content_region.height
        self.scroll_to_region(Region(0, top, 1, height), animate=False, force=True, top=tall, immediate=True)

    def _set_cursor(self, position: int) -> None:
        if not self.article or not self.article.paragraphs:
            return
        position = max(0, min(position, len(self.article.paragraphs) - 1))
        page = self.page
        if position != self.cursor:
            self.cursor = position
            page.move_cursor(position)
        self._scroll_to_paragraph(position)
        self.refresh()

    def action_move(self, step: int) -> None:
        self._set_cursor(self.cursor + step)

    def action_move_to(self, position: int) -> None:
        self._set_cursor(position if position >= 0 else len(self.article.paragraphs) - 1 if self.article else 0)

    def action_scroll_page(self, direction: int) -> None:
        self.scroll_to(y=self.scroll_y + direction * max(self.scrollable_content_region.height - 2, 1),
                       animate=False)

    def on_click(self, event: events.Click) -> None:
        if self.article and (position := self.page.paragraph_at(self.scroll_offset.y + event.y)) is not None:
            self._set_cursor(position)
