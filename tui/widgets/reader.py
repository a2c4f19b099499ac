"""The reader: an article's paragraphs with a cursor, tags and notes."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from store.db import StoreError
from store.models import Article, Paragraph
from store.store import Store
from tui.widgets.corrections import Corrections
from tui.widgets.highlight import article_head, article_note, legend_text
from tui.widgets.paragraph_view import ParagraphView

STYLE_NAMES = ("person", "org", "place", "facility", "group", "event", "date", "date-value", "number", "other",
               "tag", "note", "meta", "title")


class Reader(Corrections, VerticalScroll, can_focus=True):
    """Shows one article; paragraphs are the cursor unit."""

    DEFAULT_CSS = """
    Reader { padding: 0 1; }
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
    Reader .reader-head { padding: 1 1 0 1; }
    Reader .reader-legend { padding: 0 1 1 1; color: $text-muted; }
    Reader .reader-article-note { padding: 0 1 1 1; }
    """
    COMPONENT_CLASSES = {f"reader--{name}" for name in STYLE_NAMES}
    BINDINGS = [
        Binding("j,down", "move(1)", "Next ¶", id="reader.next"),
        Binding("k,up", "move(-1)", "Prev ¶", id="reader.previous"),
        Binding("g,home", "move_to(0)", "First ¶", show=False, id="reader.first"),
        Binding("G,end", "move_to(-1)", "Last ¶", show=False, id="reader.last"),
        *(Binding(str(n), f"toggle_tag({n})", f"Toggle tag {n}", show=False, id=f"reader.tag{n}")
          for n in range(1, 10)),
        Binding("t", "pick_tag", "Tag…", id="reader.pick_tag"),
        Binding("n", "note", "Note ¶", id="reader.note"),
        Binding("N", "article_note", "Article note", id="reader.article_note"),
        Binding("e", "export", "Export", id="reader.export"),
        Binding("u", "open_link", "Open link", id="reader.open_link"),
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
        self._views: list[ParagraphView] = []  # the open article's paragraphs
        self._pool: list[ParagraphView] = []  # every mounted paragraph view, shown or hidden

    def style_of(self, name: str):
        return self.get_component_rich_style(f"reader--{name}", partial=True)

    def compose(self):
        # The whole frame from the start, so opening an article only updates it: replacing widgets
        # (remove, then mount) is asynchronous, and an article opened meanwhile was painted into the
        # widget on its way out. The legend shows once an article is open.
        yield Static(Text("Select an article and press Enter.", end=""), classes="reader-head")
        yield Static(classes="reader-legend")
        yield Static(classes="reader-article-note")

    def on_mount(self) -> None:
        self.query_one(".reader-legend").display = False
        self.query_one(".reader-article-note").display = False

    @property
    def views(self) -> list[ParagraphView]:
        return self._views

    def show(self, article_id: int, cursor: int = 0) -> None:
        """Open an article (annotating it first, in the background, if its spans are not stored).

        Showing the article already open again keeps the scroll position.
        """
        same = self.article is not None and self.article.id == article_id
        scroll_y = self.scroll_y
        self.article = self.store.article(article_id)
        self.cursor = min(cursor, max(len(self.article.paragraphs) - 1, 0))
        self._render_article()
        if same:
            self.call_after_refresh(self.scroll_to, y=scroll_y, animate=False)
        if not self.article.annotated:
            self.annotate_now(article_id)

    def warm_up(self, count: int = 24) -> None:
        """Mount hidden paragraph views ahead of time (after the first screen), so opening is quick."""
        blank = Paragraph(-1, "", "")
        pool = [ParagraphView(blank, self.style_of) for _ in range(max(0, count - len(self._pool)))]
        for view in pool:
            view.display = False
        self.mount_all(pool)
        self._pool += pool

    def _render_article(self) -> None:
        """Show self.article in pooled widgets: mounting is the slow part, updating is not."""
        article = self.article
        assert article is not None
        extra = [ParagraphView(Paragraph(-1, "", ""), self.style_of)
                 for _ in range(len(article.paragraphs) - len(self._pool))]
        if extra:
            self.mount_all(extra)
            self._pool += extra
        with self.app.batch_update():
            self.query_one(".reader-head", Static).update(article_head(article, self.style_of))
            legend = self.query_one(".reader-legend", Static)
            if not legend.display:
                legend.update(legend_text(self.style_of))
                legend.display = True
            note = self.query_one(".reader-article-note", Static)
            note.display = bool(article.note.strip() or article.orphans)
            note.update(article_note(article, self.style_of) if note.display else "")
            for view, paragraph in zip(self._pool, article.paragraphs):
                view.set_class(paragraph.position == self.cursor, "-current")
                view.update_paragraph(paragraph)
                view.display = True
            for view in self._pool[len(article.paragraphs):]:
                view.display = False
            self._views = self._pool[: len(article.paragraphs)]
        self.scroll_home(animate=False)

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

    def _set_cursor(self, position: int) -> None:
        views = self.views
        if not views:
            return
        position = max(0, min(position, len(views) - 1))
        old = views[self.cursor] if self.cursor < len(views) else None
        self.cursor = position
        if old is not None:
            old.remove_class("-current")
            old.refresh_content()
        views[position].add_class("-current")
        views[position].refresh_content()
        self.call_after_refresh(self.scroll_to_widget, views[position], animate=False, top=False)

    def action_move(self, step: int) -> None:
        self._set_cursor(self.cursor + step)

    def action_move_to(self, position: int) -> None:
        self._set_cursor(position if position >= 0 else len(self.views) - 1)

    # Tags and notes --------------------------------------------------------

    def _refresh_paragraph(self, position: int) -> None:
        assert self.article is not None
        self.article = self.store.article(self.article.id)
        view = self.views[position]
        view.update_paragraph(self.article.paragraphs[position])
        self.call_after_refresh(self.scroll_to_widget, view, animate=False, top=False)
        self.post_message(self.AnnotationsChanged(self.article.id))

    def saving(self, write, *args):
        """Run a store write; if the database is busy or damaged, say so in one line (and keep going)."""
        try:
            return True, write(*args)
        except (StoreError, sqlite3.Error) as error:
            reason = "the database is busy (another program is writing); try again" if "locked" in str(error) \
                else str(error)
            self.notify(f"Not saved: {reason}", severity="error", markup=False, timeout=8)
            return False, None

    def _toggle(self, tag_id: int, name: str) -> None:
        assert self.article is not None
        saved, on = self.saving(self.store.toggle_tag, self.article.id, self.cursor, tag_id)
        if not saved:
            return
        self._refresh_paragraph(self.cursor)
        self.notify(f"{'Tagged' if on else 'Untagged'} ¶{self.cursor + 1}: {name}", timeout=2, markup=False)

    def action_toggle_tag(self, key: int) -> None:
        if not self.article or not self.article.paragraphs:
            return
        tag = self.store.tag_for_key(key)
        if tag is None:
            self.notify(f"No tag on key {key}; press t to create one.", severity="warning", markup=False)
            return
        self._toggle(tag.id, tag.name)

    def action_pick_tag(self) -> None:
        if not self.article or not self.article.paragraphs:
            return
        from tui.dialogs.tag_picker import TagPicker

        on = set(self.article.paragraphs[self.cursor].tags)
        self.app.push_screen(TagPicker(self.store.tags(), on), self._picked)

    def _picked(self, name: str | None) -> None:
        if not name:
            return
        saved, tag = self.saving(self.store.create_tag, name)
        if saved:
            self._toggle(tag.id, tag.name)

    def _open_note(self, position: int | None, heading: str) -> None:
        assert self.article is not None
        article_id = self.article.id

        def save(body: str) -> bool:
            return self.saving(self.store.set_note, article_id, position, body)[0]

        def closed(_: object) -> None:
            if not (self.article and self.article.id == article_id):
                return
            if position is None:
                self.show(article_id, self.cursor)
                self.call_after_refresh(self.scroll_home, animate=False)  # where the article note is
            else:
                self._refresh_paragraph(position)
            self.post_message(self.AnnotationsChanged(article_id))

        from tui.dialogs.note_editor import NoteEditor

        self.app.push_screen(NoteEditor(heading, self.store.note(article_id, position), save), closed)

    def action_note(self) -> None:
        if self.article and self.article.paragraphs:
            self._open_note(self.cursor, f"Note on ¶{self.cursor + 1} of “{self.article.title}”")

    def action_article_note(self) -> None:
        if self.article:
            self._open_note(None, f"Note on “{self.article.title}”")

    def action_open_link(self) -> None:
        from tui.dialogs.open_link import OpenLink, openable

        if not self.article or not self.article.url:
            self.notify("This article has no link.", severity="warning")
            return
        url = self.article.url
        if (reason := openable(url)) is not None:
            self.notify(f"Not opening: {reason}", severity="warning", markup=False)
            return
        self.app.push_screen(OpenLink(url), lambda yes: yes and self.app.open_url(url))

    def action_export(self) -> None:
        if not self.article:
            self.notify("Open an article first.", severity="warning")
            return
        from store.export import export_article

        try:
            path = export_article(self.store, self.article.id, self.export_dir)
        except OSError as error:
            self.notify(f"Export failed: {error.strerror or error}", severity="error", markup=False)
            return
        self.notify(f"Exported to {path}", markup=False, timeout=6)
