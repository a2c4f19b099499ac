"""Search as you type: an input over ranked results with the hit highlighted in each snippet."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from newsgloss.store import Library, SearchHit, visible
from newsgloss.tui.shared.colours import on_background


class SearchPanel(Vertical):
    """Shown by `/`; Enter opens the highlighted result, Esc closes."""

    DEFAULT_CSS = """
    SearchPanel { display: none; height: 1fr; }
    SearchPanel.-open { display: block; }
    SearchPanel OptionList { height: 1fr; }
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
    def _search(self, event: Input.Changed) -> None:
        self.hits = self.library.search(event.value, limit=100)
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(Option(self._prompt(hit), id=str(hit.article_id)) for hit in self.hits)
        if self.hits:
            results.highlighted = 0
        self.query_one(Input).border_subtitle = f"{len(self.hits)} found" if event.value.strip() else ""

    def action_move(self, step: int) -> None:
        results = self.query_one(OptionList)
        if results.option_count:
            results.highlighted = ((results.highlighted or 0) + step) % results.option_count

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        results = self.query_one(OptionList)
        if results.highlighted is not None:
            self.post_message(self.ResultChosen(self.hits[results.highlighted].article_id))

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.post_message(self.ResultChosen(int(event.option.id or 0)))
