"""The reader: an article's paragraphs with a cursor, tags and notes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.style import Style
from textual import events, work
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from store.models import Article
from store.store import Store
from tui.widgets.corrections import Corrections
from tui.widgets.page import MIN_WIDTH, Page
from tui.widgets.tags_notes import TagsAndNotes

STYLE_NAMES = ("person", "org", "place", "facility", "group", "event", "date", "date-value", "number", "other",
               "tag", "note", "meta", "title", "current", "bar-current", "bar-tagged")


class Reader(TagsAndNotes, Corrections, ScrollView, can_focus=True):
    """Shows one article; paragraphs are the cursor unit. Painted a line at a time from a Page."""

    DEFAULT_CSS = """
    Reader { overflow-y: scroll; }
    Reader > .reader--person { color: $text-warning; text-style: bold; }
    Reader > .reader--org { color: $text-primary; text-style: bold; }
    Reader > .reader--place { color: $text-success; text-style: bold; }
    Reader > .reader--facility { color: $text-success; text-style: italic; }
    Reader > .reader--group { color: $text-secondary; }
    Reader > .reader--event { color: $text-accent; text-style: italic; }
    Reader > .reader--date { color: $text-error; text-style: bold underline; }
    Reader > .reader--date-value { color: $text-muted; text-style: dim; }
    Reader > .reader--number { color: $text-muted; text-style: bold; }
    Reader > .reader--other { color: $text-accent; }
    Reader > .reader--tag { color: $text-success; text-style: bold; }
    Reader > .reader--note { color: $text-secondary; text-style: italic; }
    Reader > .reader--meta { color: $text-muted; }
    Reader > .reader--title { text-style: bold; }
    Reader > .reader--current { background: $boost; }
    Reader > .reader--bar-current { color: $accent; }
    Reader > .reader--bar-tagged { color: $success 60%; }
    """
    COMPONENT_CLASSES = {f"reader--{name}" for name in STYLE_NAMES}
    BINDINGS = [
        Binding("j,down", "move(1)", "Next ¶", id="reader.next"),
        Binding("k,up", "move(-1)", "Prev ¶", id="reader.previous"),
        Binding("g,home", "move_to(0)", "First ¶", show=False, id="reader.first"),
        Binding("G,end", "move_to(-1)", "Last ¶", show=False, id="reader.last"),
        Binding("pagedown,space", "scroll_page(1)", "Page down", show=False, id="reader.page_down"),
        Binding("pageup,b", "scroll_page(-1)", "Page up", show=False, id="reader.page_up"),
        *TagsAndNotes.BINDINGS,
        *Corrections.BINDINGS,
    ]

    @dataclass
    class AnnotationsChanged(Message):
        """A tag or note of the open article changed (and is already saved)."""

        article_id: int

    def __init__(self, store: Store, export_dir: Path, **kwargs) -> None:
        super().__init__(**kwargs)
        self.store = store
        self.export_dir = export_dir
        self.article: Article | None = None
        self.cursor = 0
        self._page: Page | None = None
        self._styles: dict[str, Style] = {}

    def style_of(self, name: str) -> Style:
        if (style := self._styles.get(name)) is None:
            style = self._styles[name] = self.get_component_rich_style(f"reader--{name}", partial=True)
        return style

    def notify_style_update(self) -> None:
        """A style changed (focus, theme): lay the article out again if its colours did."""
        super().notify_style_update()
        self._styles.clear()
        if self._page is not None and self._page.palette != self._palette():
            self._page = None

    def _palette(self) -> tuple[Style, ...]:
        return (self.rich_style, *(self.style_of(name) for name in STYLE_NAMES))

    # Layout and painting -----------------------------------------------------

    @property
    def page(self) -> Page:
        """The open article's lines at the current width (laid out again when the width or theme changes)."""
        return self._lay_out()

    def _lay_out(self) -> Page:
        width = self.scrollable_content_region.width
        page = self._page
        if page is None or page.article is not self.article or page.width != max(width, MIN_WIDTH):
            page = self._page = Page(self.article, self.cursor, width, self.app.console, self.style_of,
                                     self._palette(), lines=self.scroll_offset.y + self.size.height)
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

    def show(self, article_id: int, cursor: int = 0) -> None:
        """Open an article (annotating it first, in the background, if its spans are not stored).

        Showing the article already open again keeps the scroll position.
        """
        same = self.article is not None and self.article.id == article_id
        scroll_y = self.scroll_y
        self.article = self.store.article(article_id)
        self.cursor = min(cursor, max(len(self.article.paragraphs) - 1, 0))
        self._lay_out()  # and set the scrollable height, before scrolling
        self.scroll_to(y=scroll_y if same else 0, animate=False, immediate=True)
        self.refresh()
        if not self.article.annotated:
            self.annotate_now(article_id)

    @work(thread=True, exit_on_error=False, group="annotate-one")
    def annotate_now(self, article_id: int) -> None:
        from store.pipeline import annotate_article

        store = Store(self.store.path)
        try:
            annotate_article(store, article_id)
        finally:
            store.close()
        self.app.call_from_thread(self._annotated, article_id)

    def _annotated(self, article_id: int) -> None:
        if self.article and self.article.id == article_id:
            self.show(article_id, self.cursor)

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

    # Tags and notes --------------------------------------------------------

    def _refresh_paragraph(self, position: int) -> None:
        assert self.article is not None
        self.article = self.store.article(self.article.id)
        self._lay_out()
        self._scroll_to_paragraph(position)
        self.refresh()
        self.post_message(self.AnnotationsChanged(self.article.id))
