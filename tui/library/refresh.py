"""Refreshing the feeds from the app: a progress bar under the list while the feeds are fetched on a thread
(with its own connection to the library), the list updated as each feed's articles arrive."""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import work
from textual.app import RenderResult
from textual.color import Color
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.widgets import Static

from newsgloss.store import FeedResult, Library, StoreError, visible
from newsgloss.tui.shared.colours import background_of, readable


class FeedRefresh(Static):
    """Hidden until a refresh runs; then "refreshing feeds 3/10" and a bar, drawn in colours that read on
    the screen's background in any theme (heavy line done, thin line to go)."""

    DEFAULT_CSS = """
    FeedRefresh { height: 1; display: none; padding: 0 1; }
    FeedRefresh.-running { display: block; }
    """

    @dataclass
    class Started(Message):
        total: int

    @dataclass
    class FeedDone(Message):
        """One feed refreshed (the list reloads when it brought articles)."""

        result: FeedResult
        done: int
        total: int

    @dataclass
    class Finished(Message):
        results: list[FeedResult]
        problem: str = ""

        def summary(self) -> tuple[str, SeverityLevel, bool]:
            """(message, severity, whether articles came): one message for the whole refresh."""
            results = self.results
            if self.problem:
                return visible(f"Refresh stopped: {self.problem}"), "error", False
            if not results:
                return "No feeds yet. Subscribe with: newsgloss feeds add URL (or feeds import FILE.opml)", \
                    "information", False
            failed = [r for r in results if r.status == "failed"]
            new, updated = sum(r.imported for r in results), sum(r.updated for r in results)
            message = f"{len(results)} feed(s): {new} new article(s), {updated} updated"
            if failed:
                message += f"; {len(failed)} failed: " + "; ".join(visible(r.line, newlines=False) for r in failed[:3])
            return message, "warning" if failed else "information", bool(new or updated)

    def __init__(self, path: object, patience: float, **kwargs: object) -> None:
        super().__init__("", markup=False, **kwargs)  # type: ignore[arg-type]
        self.path = path
        self.patience = patience
        self.done = 0
        self.total: int | None = None

    def render(self) -> RenderResult:
        label = f"refreshing feeds {self.done}/{self.total} " if self.total else "refreshing feeds… "
        width = max(0, self.content_size.width - len(label))
        text = Text(label, style=self.rich_style)
        if self.total and width:
            background = background_of(self)
            variables = self.app.get_css_variables()
            done = readable(Color.parse(variables.get("primary", "blue")), background)
            rest = readable(Color.parse(variables.get("foreground", "white")).blend(background, 0.5), background)
            filled = round(width * self.done / self.total)
            text.append("━" * filled, style=Style(color=done.rich_color))
            text.append("─" * (width - filled), style=Style(color=rest.rich_color))
        return text

    @property
    def running(self) -> bool:
        return self.has_class("-running")

    def start(self) -> None:
        if self.running:
            return
        self.add_class("-running")
        self.done, self.total = 0, None
        self.refresh()
        self._refresh()

    @work(thread=True, exit_on_error=False, group="feeds")
    def _refresh(self) -> None:
        results: list[FeedResult] = []
        try:
            library = Library.open(self.path, patience=self.patience)  # type: ignore[arg-type]
        except StoreError as error:
            self.post_message(self.Finished(results, str(error)))
            return
        try:
            total = 0

            def started(count: int) -> None:
                nonlocal total
                total = count
                self.post_message(self.Started(count))

            for result in library.feeds.refresh(started=started):
                results.append(result)
                self.post_message(self.FeedDone(result, len(results), total))
            self.post_message(self.Finished(results))
        except StoreError as error:
            self.post_message(self.Finished(results, str(error)))
        finally:
            library.close()

    def on_feed_refresh_started(self, event: Started) -> None:
        self.total = event.total
        self.refresh()

    def on_feed_refresh_feed_done(self, event: FeedDone) -> None:
        self.done = event.done
        self.refresh()

    def on_feed_refresh_finished(self, event: Finished) -> None:
        self.remove_class("-running")
