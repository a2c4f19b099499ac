"""The main screen: the article list (or search) beside the reader, annotation running behind."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static, TextArea
from textual.worker import Worker, WorkerState, get_current_worker

from newsgloss.store import (
    AnnotationProgress,
    AnnotationStopped,
    Library,
    StoreError,
    start_background_annotation,
    visible,
)
from newsgloss.tui.cli import PATIENCE
from newsgloss.tui.library.article_list import ArticleList
from newsgloss.tui.library.curator import CURATION_BINDINGS, Curator
from newsgloss.tui.library.refresh import FeedRefresh
from newsgloss.tui.library.search_panel import SearchPanel
from newsgloss.tui.reader.pane import ReaderPane
from newsgloss.tui.reader.reader import Reader
from newsgloss.tui.settings import Preferences
from newsgloss.tui.shared.bindings import described_bindings, long_description
from newsgloss.tui.shared.editor import Editor
from newsgloss.tui.shared.key_line import KeyLine

if TYPE_CHECKING:
    from newsgloss.store import BackgroundAnnotation


class MainScreen(Screen):
    """List and reader side by side; Tab moves between them."""

    BINDINGS = [
        # Not a priority binding: a key is resolved when it has made its way up from the focused
        # widget, in the order typed, so "j Enter" opens the article j moved to. Opening moves the
        # focus at once (open_article), so the keys typed after it ("Enter j j 1") reach the reader.
        Binding("enter", "open_selected", "Open", tooltip="Open the article", id="main.open"),
        # A priority binding, handled as the key arrives: the keys typed right after it go to the search box
        # (not to the widget that had the focus when they arrived). Off while typing into a text box.
        Binding("slash", "search", "Search", tooltip="Search titles, text and notes", priority=True,
                id="main.search"),
        Binding("l", "focus_list", "List", tooltip="Go to the list", id="main.list"),
        Binding("question_mark", "help", "Keys", tooltip="Show every key", id="main.help"),
        Binding("E", "entities", "Entities", tooltip="Every entity in the library, with its counts",
                id="main.entities"),
        Binding("T", "timeline", "Timeline", tooltip="The dates mentioned across the library", id="main.timeline"),
        Binding("H", "highlights", "Highlights", tooltip="Every tagged paragraph and note", id="main.highlights"),
        *CURATION_BINDINGS,
        Binding("r", "refresh_feeds", "Refresh feeds", show=False, tooltip="Fetch what is new in every subscribed feed",
                id="main.refresh"),
        Binding("escape", "back", "Back", show=False, tooltip="Back to the list (from the reader)", id="main.back"),
        Binding("left_square_bracket", "resize_list(-5)", "Narrower list", show=False, id="main.narrower"),
        Binding("right_square_bracket", "resize_list(5)", "Wider list", show=False, id="main.wider"),
    ]
    LIST_SHARE = (20, 80)  # the least and the most of the width the list takes, in percent
    NARROW = 100  # below this many columns, one pane at a time: the list, or the article

    @dataclass
    class Annotated(Message):
        """The background annotator stored one more article."""

        progress: AnnotationProgress

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, MainScreen.Annotated)

    def __init__(self, library: Library, editor: Editor, preferences: Preferences, annotate_delay: float = 1.0) -> None:
        super().__init__()
        self.library = library
        self.editor = editor
        self.preferences = preferences
        self.annotate_delay = annotate_delay
        self._before_search: DOMNode | None = None
        self._backlog: BackgroundAnnotation | None = None  # the annotating process while one runs
        self._list_share = preferences.settings.list_width  # percent of the width beside the reader

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield ArticleList(self.library, id="articles")
                yield FeedRefresh(self.library.path, PATIENCE, id="feed-refresh")
            yield ReaderPane(self.library, self.editor, self.preferences, id="reader-pane")
        yield Static("", id="status", markup=False)
        yield KeyLine()

    def on_mount(self) -> None:
        self._lay_out()
        self.query_one(ArticleList).focus()
        # The model loads in the background; starting it a moment after the first paint keeps
        # it off the way to the first screen.
        if self.annotate_delay:
            self.set_timer(self.annotate_delay, self._start_backlog)
        else:
            self._start_backlog()

    def _start_backlog(self) -> None:
        try:
            pending = self.library.count_unannotated()
            linking = not pending and self.library.needs_linking()
        except StoreError as error:  # a damaged library: what can be read is still shown
            self.notify(visible(f"Annotation cannot start: {error}"), severity="error", markup=False)
            return
        if linking:
            self.query_one("#status", Static).update("linking entities across the library…")
            self.annotate_backlog()
        elif pending:
            self.query_one("#status", Static).update(f"annotating {pending:,} article(s) in the background…")
            self.annotate_backlog()
            self.load_model()

    @work(thread=True, exit_on_error=False, group="model")
    def load_model(self) -> None:
        """Load the model here too, once, so opening an article not annotated yet is quick (~0.1 s)."""
        import gc

        from newsgloss.store import load_model

        load_model()
        # The model is millions of long-lived objects. Every full collection would walk them again
        # (70 ms added to opening an article); frozen, the collector leaves them alone.
        gc.freeze()

    @work(thread=True, exit_on_error=False, group="annotate")
    def annotate_backlog(self) -> int:
        """Annotate stored articles that have no spans yet, in another process: a thread here would hold
        the interpreter for hours and slow every key press. Returns how many it stored."""
        worker = get_current_worker()
        if self._backlog is not None and self._backlog.running:
            return 0  # the run going on reads the corrections again for every batch
        run = self._backlog = start_background_annotation(self.library.path)
        done = 0
        try:
            for event in run.events():
                if worker.is_cancelled:
                    break
                if isinstance(event, AnnotationStopped):
                    raise RuntimeError(event.reason)
                done = event.done
                self.post_message(self.Annotated(event))
        finally:
            run.stop()
        return done

    def _stop_backlog(self) -> None:
        run, self._backlog = self._backlog, None
        if run is not None:
            run.stop()

    def on_unmount(self) -> None:
        self._stop_backlog()

    @on(Annotated)
    def _progress(self, event: Annotated) -> None:
        progress = event.progress
        status = self.query_one("#status", Static)
        status.update(f"annotating {progress.done:,}/{progress.total:,}…" if progress.done < progress.total else
                      f"annotated {progress.total:,} article(s)")
        pane = self.query_one(ReaderPane)
        if (article := pane.article) and article.id == progress.article_id and not article.annotated:
            pane.show(article.id, pane.reader.cursor)

    @on(Worker.StateChanged)
    def _worker_state(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "annotate" and event.state == WorkerState.ERROR:
            self.notify(f"Annotation stopped: {event.worker.error}", severity="error", markup=False)
        if event.worker.group == "annotate" and event.state == WorkerState.SUCCESS:
            if event.worker.result and self._pending():
                self.annotate_backlog()  # corrections deleted near the end of the run left articles to do again
            else:
                self.set_timer(4, lambda: self.query_one("#status", Static).update(""))

    def _pending(self) -> int:
        try:
            return self.library.count_unannotated()
        except StoreError:
            return 0

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_selected":
            return isinstance(self.focused, ArticleList)
        if action == "search":  # "/" typed into the search box or a note is text
            return not isinstance(self.focused, Input | TextArea)
        return True

    @property
    def curator(self) -> Curator:
        return Curator(self, self.library, self.editor, self.refresh_library)

    def action_curate(self, what: str, key: int = 0) -> None:
        """z, Z, s, a, d, U and the number keys in the list: see tui/library/curator.py."""
        self.curator.act(what, key)

    def action_tags(self) -> None:
        from newsgloss.tui.library.tag_screen import TagScreen

        self.app.push_screen(TagScreen(self.library, self.editor), lambda _: self.refresh_library())

    def action_refresh_feeds(self) -> None:
        if self.editor.can_write():
            self.query_one(FeedRefresh).start()

    @on(FeedRefresh.FeedDone)
    def _feed_done(self, event: FeedRefresh.FeedDone) -> None:
        if event.result.imported or event.result.updated:
            self.query_one(ArticleList).reload(keep=self.query_one(ArticleList).cursor)

    @on(FeedRefresh.Finished)
    def _feeds_refreshed(self, event: FeedRefresh.Finished) -> None:
        message, severity, anything_new = event.summary()
        self.notify(message, severity=severity, markup=False, timeout=8)
        if anything_new:
            self._start_backlog()

    def action_open_selected(self) -> None:
        row = self.query_one(ArticleList).current
        if row is not None:
            self.open_article(row.id)

    def on_resize(self) -> None:
        self._lay_out()

    def _lay_out(self) -> None:
        """The list's share of the width beside the reader, or all of it below NARROW columns."""
        narrow = self.size.width < self.NARROW
        self.set_class(narrow, "-narrow")
        self.query_one("#left").styles.width = "100%" if narrow else f"{self._list_share}%"

    def open_article(self, article_id: int, position: int | None = None) -> None:
        """Show an article in the reader (at paragraph `position`, in view, when given) and focus it."""
        self.add_class("-reading")  # below NARROW columns the reader takes the whole width
        self.query_one(ReaderPane).show(article_id, position or 0, scroll=position is not None)
        self.set_focus(self.query_one(Reader))  # now, not after the keys already typed (focus() waits its turn)
        self.call_after_refresh(self._mark_read, article_id)  # a write: after the article is painted

    def _mark_read(self, article_id: int) -> None:
        if self.editor.mark_read(article_id):
            self.query_one(ArticleList).mark_read(article_id)

    @on(ArticleList.ArticleSelected)
    @on(SearchPanel.ResultChosen)
    def _open(self, event: ArticleList.ArticleSelected | SearchPanel.ResultChosen) -> None:
        self.open_article(event.article_id)

    @on(ReaderPane.AnnotationsChanged)
    def _changed(self, event: ReaderPane.AnnotationsChanged) -> None:
        self.query_one(ArticleList).refresh_article(event.article_id)

    def refresh_library(self) -> None:
        """Show the library again after changes made outside the keys' own flow (kept changes saved later)."""
        self.query_one(ArticleList).reload(keep=self.query_one(ArticleList).cursor)
        pane = self.query_one(ReaderPane)
        if pane.article is not None:
            pane.show(pane.article.id, pane.reader.cursor)

    @on(ArticleList.ExportWanted)
    def _export_view(self, event: ArticleList.ExportWanted) -> None:
        paths = self.editor.export_query(event.query)
        if paths is not None:
            where = paths[0].parent if paths else self.editor.export_dir
            self.notify(visible(f"Exported {len(paths):,} article(s) to {where}"), markup=False, timeout=6)

    @on(ReaderPane.EntityWanted)
    def _entity_wanted(self, event: ReaderPane.EntityWanted) -> None:
        self.entity_page(event.entity_id)

    @on(ReaderPane.RulesChanged)
    def _rules_changed(self) -> None:
        self.annotate_backlog()

    @on(SearchPanel.Closed)
    def _search_closed(self) -> None:
        self.query_one(ArticleList).display = True
        if isinstance(self._before_search, Reader):
            self.add_class("-reading")
            self.set_focus(self._before_search)
        else:
            self.set_focus(self.query_one(ArticleList))

    def _search_panel(self) -> SearchPanel:
        """The search panel, mounted the first time it is wanted (it is not on the first screen)."""
        panels = self.query(SearchPanel)
        if panels:
            return panels.first()
        panel = SearchPanel(self.library, id="search")
        self.query_one("#left").mount(panel)
        return panel

    async def action_search(self) -> None:
        """Open the search; the keys typed after `/` go to it, however fast (its mount is waited for)."""
        self._before_search = self.focused
        panels = self.query(SearchPanel)
        if panels:
            panel = panels.first()
        else:
            panel = SearchPanel(self.library, id="search")
            await self.query_one("#left").mount(panel)
        self.remove_class("-reading")  # below 100 columns the search takes the list's place
        self.query_one(ArticleList).display = False
        panel.open()

    def action_focus_list(self) -> None:
        """To the list, or to the search when one is open (it stands in the list's place)."""
        self.remove_class("-reading")
        searching = [panel for panel in self.query(SearchPanel) if panel.has_class("-open")]
        self.set_focus(searching[0].query_one(Input) if searching else self.query_one(ArticleList))

    def action_back(self) -> None:
        """Esc in the reader: back to the list (below NARROW columns the list comes back)."""
        if self.has_class("-reading"):
            self.action_focus_list()

    def action_resize_list(self, step: int) -> None:
        """Move the split between the list and the reader (titles are cut to the list's width)."""
        # Kept here, not read back from the layout: keys typed at once come before a layout.
        self._list_share = max(self.LIST_SHARE[0], min(self.LIST_SHARE[1], self._list_share + step))
        self._lay_out()
        if problem := self.preferences.change(list_width=self._list_share):
            self.notify(problem, severity="warning", markup=False)

    def open_paragraph(self, article_id: int, position: int | None) -> None:
        """From a knowledge screen: back here, the article open at that paragraph."""
        while self.app.screen is not self and len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        self.open_article(article_id, position)

    def action_entities(self) -> None:
        from newsgloss.tui.knowledge.entity_index import EntityIndex

        self.app.push_screen(EntityIndex(self.library, self.editor, self.open_paragraph))

    def action_timeline(self) -> None:
        from newsgloss.tui.knowledge.timeline import Timeline

        self.app.push_screen(Timeline(self.library, self.editor, self.open_paragraph))

    def action_highlights(self) -> None:
        from newsgloss.tui.knowledge.highlights import Highlights

        self.app.push_screen(Highlights(self.library, self.open_paragraph))

    def entity_page(self, entity_id: int) -> None:
        from newsgloss.tui.knowledge.entity_page import EntityPage

        self.app.push_screen(EntityPage(self.library, self.editor, self.open_paragraph, entity_id))

    def binding_nodes(self) -> list[DOMNode]:
        """The widgets whose bindings the help and the command palette list."""
        return [self.query_one(ArticleList), self.query_one(Reader), self.query_one(ReaderPane), self._search_panel(),
                self, self.app]

    def describe(self, binding: Binding) -> str:
        """What a binding does, in words: a tag key names its tag."""
        if binding.action.startswith("toggle_tag("):
            key = int(binding.action[len("toggle_tag("):-1])
            named = self.preferences.settings.tags.get(key)
            tag = named or (found.name if (found := self.library.tag_for_key(key)) else None)
            return f"Tag paragraph: {tag}" if tag else f"Tag paragraph (no tag on {key} yet)"
        return long_description(binding)

    def commands(self) -> list[tuple[DOMNode, Binding, str]]:
        """Every action of the list, reader, search and screen once, with what it does in words."""
        return [(node, binding, self.describe(binding)) for node, binding in described_bindings(self.binding_nodes())]

    def binding_rows(self) -> list[tuple[str, str, str]]:
        """(key, what it does, where it works) for every action of the list, reader, search, screen and app."""
        where = {ArticleList: "list", Reader: "reader", ReaderPane: "reader", SearchPanel: "search"}
        return [(self.app.get_key_display(binding), description, where.get(type(node), "everywhere"))
                for node, binding, description in self.commands()]

    def action_help(self) -> None:
        from newsgloss.tui.shared.help_screen import HelpScreen

        self.app.push_screen(HelpScreen(self.binding_rows()))
