"""The main screen: the article list (or search) beside the reader, annotation running behind."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker, WorkerState, get_current_worker

from store.store import Store
from tui.bindings import described_bindings
from tui.widgets.article_list import ArticleList
from tui.widgets.key_line import KeyLine
from tui.widgets.reader import Reader
from tui.widgets.search_panel import SearchPanel


class MainScreen(Screen):
    """List and reader side by side; Tab moves between them."""

    BINDINGS = [
        # Not a priority binding: a key is resolved when it has made its way up from the focused
        # widget, in the order typed, so "j Enter" opens the article j moved to. Opening moves the
        # focus at once (open_article), so the keys typed after it ("Enter j j 1") reach the reader.
        Binding("enter", "open_selected", "Open", id="main.open"),
        Binding("slash", "search", "Search", id="main.search"),
        Binding("l", "focus_list", "List", id="main.list"),
        Binding("question_mark", "help", "Keys", id="main.help"),
        Binding("left_square_bracket", "resize_list(-5)", "Narrower list", show=False, id="main.narrower"),
        Binding("right_square_bracket", "resize_list(5)", "Wider list", show=False, id="main.wider"),
    ]
    LIST_SHARE = (20, 80)  # the least and the most of the width the list takes, in percent

    @dataclass
    class AnnotationProgress(Message):
        """The background annotator finished one more article."""

        done: int
        total: int
        article_id: int

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, MainScreen.AnnotationProgress) and message.article_id == self.article_id

    def __init__(self, store: Store, export_dir: Path, annotate_delay: float = 1.0) -> None:
        super().__init__()
        self.store = store
        self.export_dir = export_dir
        self.annotate_delay = annotate_delay
        self._before_search: object = None
        self._backlog = None  # the annotating process (store/backlog.py) while one runs
        self._list_share: int | None = None  # percent of the width, once [ or ] moved the split

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield ArticleList(self.store, id="articles")
            yield Reader(self.store, self.export_dir, id="reader")
        yield Static("", id="status", markup=False)
        yield KeyLine()

    def on_mount(self) -> None:
        self.query_one(ArticleList).focus()
        # The model loads in the background; starting it a moment after the first paint keeps
        # it off the way to the first screen.
        if self.annotate_delay:
            self.set_timer(self.annotate_delay, self._start_backlog)
        else:
            self._start_backlog()

    def _start_backlog(self) -> None:
        if pending := self.store.count_unannotated():
            self.query_one("#status", Static).update(f"annotating {pending:,} article(s) in the background…")
            self.annotate_backlog()
            self.load_model()

    @work(thread=True, exit_on_error=False, group="model")
    def load_model(self) -> None:
        """Load the model here too, once, so opening an article not annotated yet is quick (~0.1 s)."""
        import gc

        from store.annotate import load_nlp

        load_nlp()
        # The model is millions of long-lived objects. Every full collection would walk them again
        # (70 ms added to opening an article); frozen, the collector leaves them alone.
        gc.freeze()

    @work(thread=True, exit_on_error=False, group="annotate", exclusive=True)
    def annotate_backlog(self) -> int:
        """Annotate stored articles that have no spans yet, in another process (store/backlog.py):
        a thread here would hold the interpreter for hours and slow every key press."""
        import os
        import subprocess
        import sys

        worker = get_current_worker()
        # A run started before a correction holds the old rules: stop it now, not at its next line,
        # or it would mark articles annotated without the new rule.
        self._stop_backlog()
        one_thread = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
        process = self._backlog = subprocess.Popen([sys.executable, "-m", "store.backlog", str(self.store.path)],
                                   env={**os.environ, **one_thread},
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                                   text=True)
        done, problem = 0, ""
        try:
            for line in process.stdout:
                if worker.is_cancelled:
                    break
                if line.startswith("error "):
                    problem = line[6:].strip()
                    continue
                done, total, article_id = map(int, line.split())
                self.post_message(self.AnnotationProgress(done, total, article_id))
        finally:
            if process.poll() is None:
                process.terminate()
            process.wait()
        if problem:
            raise RuntimeError(problem)
        return done

    def _stop_backlog(self) -> None:
        process, self._backlog = self._backlog, None
        if process is not None and process.poll() is None:
            process.terminate()

    def on_unmount(self) -> None:
        self._stop_backlog()

    @on(AnnotationProgress)
    def _progress(self, event: AnnotationProgress) -> None:
        status = self.query_one("#status", Static)
        status.update(f"annotating {event.done:,}/{event.total:,}…" if event.done < event.total else
                      f"annotated {event.total:,} article(s)")
        reader = self.query_one(Reader)
        if reader.article and reader.article.id == event.article_id and not reader.article.annotated:
            reader.show(event.article_id, reader.cursor)

    @on(Worker.StateChanged)
    def _worker_state(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "annotate" and event.state == WorkerState.ERROR:
            self.notify(f"Annotation stopped: {event.worker.error}", severity="error", markup=False)
        if event.worker.group == "annotate" and event.state == WorkerState.SUCCESS:
            self.set_timer(4, lambda: self.query_one("#status", Static).update(""))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_selected":
            return isinstance(self.focused, ArticleList)
        return True

    def action_open_selected(self) -> None:
        row = self.query_one(ArticleList).current
        if row is not None:
            self.open_article(row.id)

    def open_article(self, article_id: int) -> None:
        reader = self.query_one(Reader)
        reader.show(article_id)
        self.set_focus(reader)  # now, not after the keys already typed (Widget.focus waits its turn)
        self.call_after_refresh(self._mark_read, article_id)  # a write: after the article is painted

    def _mark_read(self, article_id: int) -> None:
        self.store.mark_read(article_id)
        self.query_one(ArticleList).mark_read(article_id)

    @on(ArticleList.ArticleSelected)
    @on(SearchPanel.ResultChosen)
    def _open(self, event: ArticleList.ArticleSelected | SearchPanel.ResultChosen) -> None:
        self.open_article(event.article_id)

    @on(Reader.AnnotationsChanged)
    def _changed(self) -> None:
        self.query_one(ArticleList).reload()

    @on(Reader.RulesChanged)
    def _rules_changed(self) -> None:
        self.annotate_backlog()

    @on(SearchPanel.Closed)
    def _search_closed(self) -> None:
        self.query_one(ArticleList).display = True
        back = self._before_search if isinstance(self._before_search, Reader) else self.query_one(ArticleList)
        back.focus()

    def _search_panel(self) -> SearchPanel:
        """The search panel, mounted the first time it is wanted (it is not on the first screen)."""
        panels = self.query(SearchPanel)
        if panels:
            return panels.first()
        panel = SearchPanel(self.store, id="search")
        self.query_one("#left").mount(panel)
        return panel

    def action_search(self) -> None:
        self._before_search = self.focused
        self.query_one(ArticleList).display = False
        panel = self._search_panel()
        panel.call_after_refresh(panel.open)

    def action_focus_list(self) -> None:
        if not any(panel.has_class("-open") for panel in self.query(SearchPanel)):
            self.query_one(ArticleList).focus()

    def action_resize_list(self, step: int) -> None:
        """Move the split between the list and the reader (titles are cut to the list's width)."""
        left = self.query_one("#left")
        if self._list_share is None:  # as the style sheet set it (kept here: keys typed at once come before a layout)
            self._list_share = round(100 * left.outer_size.width / max(self.size.width, 1))
        self._list_share = max(self.LIST_SHARE[0], min(self.LIST_SHARE[1], self._list_share + step))
        left.styles.width = f"{self._list_share}%"

    def binding_nodes(self) -> list:
        """The widgets whose bindings the help and the command palette list."""
        return [self.query_one(ArticleList), self.query_one(Reader), self._search_panel(), self, self.app]

    def binding_rows(self) -> list[tuple[str, str, str]]:
        """(key, description, where) for every binding of the list, reader, search, screen and app."""
        where = {ArticleList: "list", Reader: "reader", SearchPanel: "search"}
        return [
            (self.app.get_key_display(binding), binding.description, where.get(type(node), "everywhere"))
            for node, binding in described_bindings(self.binding_nodes())
        ]

    def action_help(self) -> None:
        from tui.dialogs.help_screen import HelpScreen

        self.app.push_screen(HelpScreen(self.binding_rows()))
