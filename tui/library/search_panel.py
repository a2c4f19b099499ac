"""Search as you type: an input over ranked results with the hit highlighted in each snippet. The search runs
on a thread of its own once typing pauses, and only the results that fit are drawn (more as the cursor nears
the end), so a keystroke never waits for a query or for a hundred results to be laid out."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from newsgloss.store import Library, SearchHit, SearchResults, StoreError, visible
from newsgloss.tui.shared.colours import on_background

PAUSE = 0.12  # seconds without a keystroke before a search runs (Enter runs it at once)
RESULTS = 100  # ranked results kept
DRAWN = 20  # results drawn at a time


class SearchPanel(Vertical):
    """Shown by `/`; Enter opens the highlighted result, Esc closes."""

    DEFAULT_CSS = """
    SearchPanel { display: none; height: 1fr; }
    SearchPanel.-open { display: block; }
    SearchPanel OptionList { height: 1fr; }
    SearchPanel Input { border-subtitle-color: $foreground; }
    SearchPanel > .search-panel--hit { background: $warning 40%; color: $foreground; text-style: bold; }
    SearchPanel > .search-panel--meta { color: $text-muted; }
    """
    COMPONENT_CLASSES = {"search-panel--hit", "search-panel--meta"}
    BINDINGS = [
        Binding("escape", "close", "Close search", id="search.close"),
        Binding("down", "move(1)", "Next result", show=False, id="search.down"),
        Binding("up", "move(-1)", "Previous result", show=False, id="search.up"),
    ]

    @dataclass
    class ResultChosen(Message):
        article_id: int

    class Closed(Message):
        """The user closed the search."""

    def __init__(self, library: Library, **kwargs) -> None:
        super().__init__(**kwargs)
        self.library = library
        self.hits: list[SearchHit] = []
        self.typed = ""  # the input's text
        self.shown = ""  # the text whose results are shown
        self._timer: Timer | None = None
        self._searching = threading.Lock()  # one search at a time on the thread's connection
        self._reading: Library | None = None  # that connection: read-only, opened by the first search

    def compose(self) -> ComposeResult:
        yield Input(placeholder="search titles, text and notes", id="search-input")
        yield OptionList(id="search-results")

    def open(self) -> None:
        self.add_class("-open")
        self.screen.set_focus(self.query_one(Input))  # now: the keys already typed come next

    def action_close(self) -> None:
        self.remove_class("-open")
        self.post_message(self.Closed())

    def _prompt(self, hit: SearchHit) -> Text:
        text = Text(visible(hit.title, newlines=False), style="bold", end="")
        meta = visible(f"\n{hit.source} {hit.published}".rstrip())
        text.append(meta, style=on_background(self, "search-panel--meta"))
        snippet = Text(visible(hit.snippet, newlines=False), end="")
        style = on_background(self, "search-panel--hit")
        for start, end in hit.marks:
            snippet.stylize(style, start, end)
        text.append("\n")
        text.append_text(snippet)
        return text

    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        self.typed = event.value
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(PAUSE, lambda: self._search(self.typed))

    @work(thread=True, exit_on_error=False, group="search")
    def _search(self, text: str) -> None:
        with self._searching:
            if text != self.typed:  # typing went on while another search ran: only the latest counts
                return
            try:
                if self._reading is None:
                    self._reading = Library.open(self.library.path, read_only=True)
                hits = self._reading.search(text, limit=RESULTS)
            except StoreError as error:
                self.app.call_from_thread(self._failed, text, str(error))
                return
        self.app.call_from_thread(self._show, text, hits)

    def _failed(self, text: str, message: str) -> None:
        if text == self.typed:
            self._show(text, SearchResults())
            self.query_one(Input).border_subtitle = visible(message, newlines=False)

    def _show(self, text: str, hits: SearchResults) -> None:
        if text != self.typed:
            return
        self.shown, self.hits = text, hits
        results = self.query_one(OptionList)
        results.clear_options()
        self._draw_more()
        if self.hits:
            results.highlighted = 0
        self.query_one(Input).border_subtitle = self._count(text, hits)

    @staticmethod
    def _count(text: str, hits: SearchResults) -> str:
        if not text.strip():
            return ""
        words = text.split()
        if not hits and words and len(words[-1]) < 4 and ":" not in words[-1]:
            return "whole words under 4 letters"
        found = f"{len(hits)}+ found" if len(hits) == RESULTS else f"{len(hits)} found"
        if hits.ranked_among:
            return f"{found} · ranked: newest {hits.ranked_among:,}"
        return found

    def _draw_more(self) -> None:
        results = self.query_one(OptionList)
        first = results.option_count
        results.add_options(Option(self._prompt(hit), id=str(hit.article_id))
                            for hit in self.hits[first:first + DRAWN])

    @on(OptionList.OptionHighlighted, "#search-results")
    def _near_the_end(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index >= event.option_list.option_count - 3:
            self._draw_more()

    def on_unmount(self) -> None:
        if self._reading is not None:
            with self._searching:
                self._reading.close()

    def action_move(self, step: int) -> None:
        results = self.query_one(OptionList)
        if results.option_count:
            results.highlighted = ((results.highlighted or 0) + step) % results.option_count

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        if self.shown != self.typed:  # Enter before the pause: search now, on this thread
            if self._timer is not None:
                self._timer.stop()
            try:
                self._show(self.typed, self.library.search(self.typed, limit=RESULTS))
            except StoreError as error:
                self._failed(self.typed, str(error))
        results = self.query_one(OptionList)
        if results.highlighted is not None:
            self.post_message(self.ResultChosen(self.hits[results.highlighted].article_id))

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.post_message(self.ResultChosen(int(event.option.id or 0)))
