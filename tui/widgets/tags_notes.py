"""Tags, notes, export and the article's link, from the reader's keys: every change saved at once."""

from __future__ import annotations

import sqlite3

from textual.binding import Binding

from store.db import StoreError


class TagsAndNotes:
    """Mixed into the Reader (which provides store, article, cursor, show and _refresh_paragraph)."""

    BINDINGS = [
        *(Binding(str(n), f"toggle_tag({n})", f"Toggle tag {n}", show=False, id=f"reader.tag{n}")
          for n in range(1, 10)),
        Binding("t", "pick_tag", "Tag…", id="reader.pick_tag"),
        Binding("n", "note", "Note ¶", id="reader.note"),
        Binding("N", "article_note", "Article note", id="reader.article_note"),
        Binding("e", "export", "Export", id="reader.export"),
        Binding("u", "open_link", "Open link", id="reader.open_link"),
    ]

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
                self.post_message(self.AnnotationsChanged(article_id))
            else:
                self._refresh_paragraph(position)  # which says the annotations changed

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
