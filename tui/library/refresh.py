"""Refreshing the feeds from the app: a progress bar under the list while the feeds are fetched on a thread
(with its own connection to the library), the list updated as each feed's articles arrive."""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import ProgressBar, Static

from newsgloss.store import FeedResult, Library, StoreError


class FeedRefresh(Horizontal):
    """Hidden until a refresh runs; then "refreshing feeds 3/10" and a bar."""

    DEFAULT_CSS = """
    FeedRefresh { height: 1; display: none; padding: 0 1; }
    FeedRefresh.-running { display: block; }
    FeedRefresh > #refresh-label { width: auto; margin-right: 1; }
    FeedRefresh > ProgressBar { width: 1fr; }
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

    def __init__(self, path: object, patience: float, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.path = path
        self.patience = patience

    def compose(self) -> ComposeResult:
        yield Static("refreshing feeds", id="refresh-label", markup=False)
        yield ProgressBar(show_eta=False, id="refresh-bar")

    @property
    def running(self) -> bool:
        return self.has_class("-running")

    def start(self) -> None:
        if self.running:
            return
        self.add_class("-running")
        self.query_one(ProgressBar).update(total=None, progress=0)
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
        self.query_one(ProgressBar).update(total=max(event.total, 1), progress=0)
        self.query_one("#refresh-label", Static).update(f"refreshing {event.total} feed(s)")

    def on_feed_refresh_feed_done(self, event: FeedDone) -> None:
        self.query_one(ProgressBar).update(progress=event.done)
        self.query_one("#refresh-label", Static).update(f"refreshing feeds {event.done}/{event.total}")

    def on_feed_refresh_finished(self, event: Finished) -> None:
        self.remove_class("-running")
