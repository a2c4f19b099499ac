"""What the curation keys do on the main screen: star, archive, trash, read state and whole-article tags for the
articles chosen (those selected in the list, else the one open in the reader or under the list's cursor), undo
and redo. Every change goes through the Editor and is one undo step."""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding
from textual.screen import Screen

from newsgloss.store import Library, visible
from newsgloss.tui.library.article_list import ArticleList
from newsgloss.tui.reader.pane import ReaderPane
from newsgloss.tui.reader.reader import Reader
from newsgloss.tui.shared.editor import Editor

CURATION_BINDINGS = [
    Binding("z", "curate('undo')", "Undo", show=False,
            tooltip="Undo the last change (any number of times, after a restart too)", id="main.undo"),
    Binding("Z", "curate('redo')", "Redo", show=False, tooltip="Redo the change undone last", id="main.redo"),
    Binding("s", "curate('star')", "Star", show=False, tooltip="Star or unstar the article (or those selected)",
            id="main.star"),
    Binding("a", "curate('archive')", "Archive", show=False,
            tooltip="Archive the article (or those selected), or put it back in the list", id="main.archive"),
    Binding("d,delete", "curate('trash')", "Delete", show=False,
            tooltip="Move the article (or those selected) to the trash", id="main.trash"),
    Binding("U", "curate('toggle_read')", "Read/unread", show=False,
            tooltip="Mark the article (or those selected) unread or read", id="main.read"),
    Binding("number_sign", "tags", "Tags", show=False, tooltip="Manage tags: rename, merge, delete, keys",
            id="main.tags"),
    *(Binding(str(n), f"curate('tag', {n})", f"Tag articles {n}", show=False,
              tooltip=f"In the list: the tag on {n} on the whole article (or on every one selected)",
              id=f"main.tag{n}") for n in range(1, 10)),
]


class Curator:
    def __init__(self, screen: Screen, library: Library, editor: Editor, changed: Callable[[], None]) -> None:
        self.screen = screen
        self.library = library
        self.editor = editor
        self.changed = changed  # the list and the reader show the library again

    @property
    def articles(self) -> ArticleList:
        return self.screen.query_one(ArticleList)

    def act(self, what: str, key: int = 0) -> None:
        if what == "tag":
            self.tag(key)
        elif what in ("undo", "redo"):
            self.undo(redo=what == "redo")
        elif what in ("star", "archive", "trash", "toggle_read"):
            getattr(self, what)()

    def chosen(self) -> list[int]:
        if self.articles.selected:
            return sorted(self.articles.selected)
        pane = self.screen.query_one(ReaderPane)
        if isinstance(self.screen.focused, Reader) and pane.article is not None:
            return [pane.article.id]
        row = self.articles.current
        return [row.id] if row is not None else []

    def _done(self, changed: int | None, what: str, ids: list[int]) -> None:
        if changed is None:
            return  # the Editor said why
        many = f"{len(ids):,} articles" if len(ids) > 1 else "the article"
        self.screen.notify(f"{what} {many} — z undoes it", markup=False, timeout=4)
        if len(ids) > 1:
            self.articles.action_clear_selection()
        self.changed()

    def _article(self, ids: list[int]) -> tuple[bool, bool, int]:
        """(starred, read, shelf) of the first chosen article: the keys toggle from its state."""
        article = self.library.article(ids[0])
        return article.starred, article.read_at is not None, article.shelf

    def star(self) -> None:
        if (ids := self.chosen()) and self.editor.can_write():
            starred = not self._article(ids)[0]
            self._done(self.editor.star(ids, starred), "Starred" if starred else "Unstarred", ids)

    def toggle_read(self) -> None:
        if (ids := self.chosen()) and self.editor.can_write():
            read = not self._article(ids)[1]
            self._done(self.editor.set_read(ids, read), "Marked read" if read else "Marked unread", ids)

    def archive(self) -> None:
        if (ids := self.chosen()) and self.editor.can_write():
            shelf = self._article(ids)[2]
            if shelf:  # in the archive or the trash: back to the list
                self._done(self.editor.restore(ids), "Put back in the list", ids)
            else:
                self._done(self.editor.archive(ids, True), "Archived", ids)

    def trash(self) -> None:
        if not (ids := self.chosen()) or not self.editor.can_write():
            return
        tagged, notes = self.library.curation.kept_work(ids)
        if not tagged and not notes:
            self._done(self.editor.trash(ids), "Moved to the trash", ids)
            return
        from newsgloss.tui.shared.ask import Confirm

        many = f"these {len(ids):,} articles" if len(ids) > 1 else "this article"
        detail = (f"{many.capitalize()} hold{'' if len(ids) > 1 else 's'} {tagged} tagged paragraph(s) and "
                  f"{notes} note(s). They go to the trash with {'them' if len(ids) > 1 else 'it'}: "
                  "restorable until the trash is emptied, and z undoes it now.")

        def answered(yes: bool | None) -> None:
            if yes:
                self._done(self.editor.trash(ids), "Moved to the trash", ids)

        self.screen.app.push_screen(Confirm(f"Move {many} to the trash?", detail), answered)

    def tag(self, key: int) -> None:
        """A number key in the list: that tag on the chosen articles as a whole (off when the first has it)."""
        if not (ids := self.chosen()) or not self.editor.can_write():
            return
        tag = self.library.tag_for_key(key)
        if tag is None:
            self.screen.notify(f"No tag on {key} yet (# manages tags)", markup=False, timeout=4)
            return
        on = tag.name not in self.library.article(ids[0]).tags
        self._done(self.editor.tag_articles(ids, tag, on), f"Tagged {tag.name}:" if on else f"Untagged {tag.name}:",
                   ids)

    def undo(self, redo: bool = False) -> None:
        if not self.editor.can_write():
            return
        said = self.editor.undo(redo)
        if said is not None:
            self.screen.notify(visible(said, newlines=False), markup=False, timeout=5)
            self.changed()
