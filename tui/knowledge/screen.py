"""The frame the knowledge screens share: a heading, a box that narrows what is listed (the filter language
or a name), the rows, a line saying how many, and the key line. Esc goes back; Enter opens the row."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from newsgloss.store import Library, StoreError, visible
from newsgloss.tui.knowledge.rows import Rows
from newsgloss.tui.shared.key_line import KeyLine

T = TypeVar("T")
Opener = Callable[[int, int | None], None]
TYPING_PAUSE = 0.15  # seconds: a list is filled again once typing pauses this long


class KnowledgeScreen(Screen[None], Generic[T]):
    """Subclasses give `load` (the rows for what is typed) and `chosen` (what Enter on a row does)."""

    DEFAULT_CSS = """
    KnowledgeScreen #heading { height: auto; padding: 0 1; text-style: bold; }
    KnowledgeScreen #query { margin: 0 1; }
    KnowledgeScreen #summary { height: 1; padding: 0 1; color: $foreground; }
    KnowledgeScreen #rows { height: 1fr; border: round $primary 50%; }
    KnowledgeScreen #rows:focus { border: round $accent; }
    """
    BINDINGS = [
        Binding("escape", "back", "Back", tooltip="Back to where you were", id="knowledge.back"),
        Binding("down", "to_rows", "Rows", show=False, tooltip="From the box to the rows", id="knowledge.rows"),
    ]

    def __init__(self, library: Library, opener: Opener, heading: str, placeholder: str, query: str = "") -> None:
        """`opener(article_id, position)` shows a paragraph in the reader (and leaves these screens)."""
        super().__init__()
        self.library = library
        self.opener = opener
        self.heading = heading
        self.placeholder = placeholder
        self.initial = query
        self.items: list[T] = []
        self._pending: Timer | None = None
        self._exhausted = False  # every row is listed

    def compose(self) -> ComposeResult:
        yield Static(Text(visible(self.heading, newlines=False)), id="heading")
        yield from self.above()
        yield Input(self.initial, placeholder=self.placeholder, id="query")
        yield Static("", id="summary", markup=False)
        yield Rows(id="rows")
        yield KeyLine()

    def above(self) -> Iterable[Static]:
        """Widgets between the heading and the box (the timeline's bars)."""
        return ()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.refill()

    @property
    def rows(self) -> Rows:
        return self.query_one(Rows)

    @property
    def typed(self) -> str:
        return self.query_one(Input).value

    @on(Input.Changed, "#query")
    def _typed(self) -> None:
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(TYPING_PAUSE, self.refill)

    def refill(self) -> None:
        """List the rows for what is typed (a filter that cannot mean anything says why, on the line); what
        takes longer (counts over the whole library, the timeline's bars) follows from a worker."""
        self._pending = None
        typed = self.typed
        try:
            items, summary = self.load(typed)
        except StoreError as error:
            self.query_one("#summary", Static).update(visible(str(error), newlines=False))
            return
        self.items = items
        self._exhausted = False
        rows = self.rows
        rows.clear_options()
        rows.add_options(Option(self.row(item), id=str(index)) for index, item in enumerate(items))
        if items:
            rows.highlighted = 0
        self.query_one("#summary", Static).update(summary)
        self._more(typed)

    @work(thread=True, exclusive=True, exit_on_error=False, group="knowledge-more")
    def _more(self, typed: str) -> None:
        library = Library.open(self.library.path, read_only=True)  # a connection of this thread's own
        try:
            found = self.more(library, typed)
        except StoreError:
            return
        finally:
            library.close()
        if found is not None and not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_more, typed, found)

    def load(self, typed: str) -> tuple[list[T], str]:
        """The rows for `typed` (the first page: it must be quick), and a line saying how many."""
        raise NotImplementedError

    def page(self, typed: str, offset: int) -> list[T]:
        """The rows after the first `offset` (listed as the cursor nears the end); none by default."""
        return []

    @on(OptionList.OptionHighlighted, "#rows")
    def _near_the_end(self, event: OptionList.OptionHighlighted) -> None:
        if self._exhausted or event.option_index < len(self.items) - 10:
            return
        try:
            more = self.page(self.typed, len(self.items))
        except StoreError:
            more = []
        if not more:
            self._exhausted = True
            return
        first = len(self.items)
        self.items += more
        self.rows.add_options(Option(self.row(item), id=str(first + index)) for index, item in enumerate(more))

    def more(self, library: Library, typed: str) -> object | None:
        """Run on a worker thread with a connection of its own: what the screen shows once it is ready."""
        return None

    def show_more(self, typed: str, found: object) -> None:
        """Show what `more` found (on the screen's thread), if `typed` is still what is typed."""

    def row(self, item: T) -> Text:
        raise NotImplementedError

    def chosen(self, item: T) -> None:
        raise NotImplementedError

    @on(OptionList.OptionSelected, "#rows")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.chosen(self.items[int(event.option.id or 0)])

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        if self._pending is not None:  # Enter before the pause: list what was typed first
            self._pending.stop()
            self.refill()
        if self.items:
            self.chosen(self.items[self.rows.highlighted or 0])

    def action_to_rows(self) -> None:
        if isinstance(self.focused, Input):
            self.set_focus(self.rows)

    def action_back(self) -> None:
        self.dismiss(None)

    def open_paragraph(self, article_id: int, position: int | None) -> None:
        """Back to the main screen, the article open at that paragraph."""
        self.opener(article_id, position)
