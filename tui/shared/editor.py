"""Every change the app makes to the library goes through one Editor: the single home of writes (and of undo).

Screens and panes decide what the user meant; the Editor makes the change and, when the library cannot
take it, says why in one line and returns None, so no caller needs its own error handling.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal, TypeVar

from newsgloss.store import EntityRule, ImportProblem, Library, StoreBusy, StoreError, Tag, TagCount

T = TypeVar("T")
Severity = Literal["information", "warning", "error"]
Notify = Callable[[str, Severity], None]


RETRY_DELAY = 3.0  # seconds between tries of a change the library could not take (busy, disk full)


class Editor:
    """Writes to one library on behalf of the app's screens. A change the library cannot take now (another
    program holds the lock, the disk is full) is kept and tried again until it goes in."""

    def __init__(self, library: Library, notify: Notify, export_dir: Path,
                 later: Callable[[float, Callable[[], None]], object] | None = None,
                 changed: Callable[[], None] | None = None) -> None:
        """`later(seconds, callback)` runs a retry; `changed()` is told when a kept change went in."""
        self.library = library
        self.notify = notify
        self.export_dir = export_dir
        self.export_template: Path | None = None  # the reader's own layout of exported notes (Jinja2)
        self.later = later
        self.changed = changed
        self._waiting: list[Callable[[], object]] = []

    def can_write(self) -> bool:
        """Whether changes can be made; when not (a read-only library), says so."""
        if self.library.read_only:
            self.notify("This library is read-only here: nothing can be changed.", "warning")
            return False
        return True

    def _write(self, write: Callable[[], T], keep: bool = True) -> T | None:
        """Make one change; on failure say why in one line, and keep a change that can wait (`keep`)."""
        try:
            return write()
        except StoreBusy as error:
            if keep and self.later is not None:
                self._waiting.append(write)
                if len(self._waiting) == 1:
                    self.later(RETRY_DELAY, self._retry)
                self.notify(f"Not saved yet: {error}. It is kept and tried again.", "warning")
            else:
                self.notify(f"Not saved: {error}", "error")
        except StoreError as error:
            self.notify(f"Not saved: {error}", "error")
        return None

    @property
    def waiting(self) -> int:
        """How many kept changes wait to go in."""
        return len(self._waiting)

    def _retry(self) -> None:
        while self._waiting:
            try:
                self._waiting[0]()
            except StoreBusy:
                if self.later is not None:
                    self.later(RETRY_DELAY, self._retry)
                return
            except StoreError as error:
                self.notify(f"A kept change could not be saved: {error}", "error")
            self._waiting.pop(0)
        self.notify("Kept changes saved.", "information")
        if self.changed is not None:
            self.changed()

    def mark_read(self, article_id: int, read: bool = True) -> bool:
        if self.library.read_only:
            return False  # reading a read-only library leaves no trace, and needs no word about it
        return self._write(lambda: self.library.mark_read(article_id, read) or True) is not None

    def toggle_tag(self, article_id: int, position: int, tag_id: int) -> bool | None:
        """Toggle a tag on a paragraph: True when it is now on, None when nothing changed."""
        return self._write(lambda: self.library.toggle_tag(article_id, position, tag_id))

    def create_tag(self, name: str) -> Tag | None:
        return self._write(lambda: self.library.create_tag(name))

    def set_note(self, article_id: int, position: int | None, body: str, base: str | None = None) -> str | None:
        """Save a note made from `base` (an empty one is deleted): the note as stored (both texts, when
        another window changed it meanwhile), or None when it could not be saved (try again later)."""
        return self._write(lambda: self.library.set_note(article_id, position, body, base), keep=False)

    def add_rule(self, text: str, action: str, label: str = "", target: str = "",
                 target_label: str = "") -> tuple[EntityRule, int] | None:
        """Store a correction or an entity rule and apply it everywhere: the rule and how much it changed."""
        return self._write(lambda: self.library.add_rule(text, action, label, target, target_label))

    def delete_rule(self, rule_id: int) -> int | None:
        """Forget a correction: how many articles will be annotated again."""
        return self._write(lambda: self.library.delete_rule(rule_id))

    # Curation: every action one undo step ----------------------------------------

    def star(self, ids: list[int], starred: bool) -> int | None:
        return self._write(lambda: self.library.curation.star(ids, starred))

    def archive(self, ids: list[int], archived: bool) -> int | None:
        return self._write(lambda: self.library.curation.archive(ids, archived))

    def trash(self, ids: list[int]) -> int | None:
        return self._write(lambda: self.library.curation.trash(ids))

    def restore(self, ids: list[int]) -> int | None:
        return self._write(lambda: self.library.curation.restore(ids))

    def set_read(self, ids: list[int], read: bool) -> int | None:
        return self._write(lambda: self.library.curation.set_read(ids, read))

    def tag_articles(self, ids: list[int], tag: Tag, on: bool) -> int | None:
        return self._write(lambda: self.library.curation.tag_articles(ids, tag, on))

    def rename_tag(self, tag: TagCount, name: str) -> bool:
        def rename() -> bool:
            self.library.curation.rename_tag(tag, name)
            return True

        return bool(self._write(rename, keep=False))

    def merge_tags(self, source: TagCount, target: TagCount) -> int | None:
        return self._write(lambda: self.library.curation.merge_tags(source, target), keep=False)

    def delete_tag(self, tag: TagCount) -> int | None:
        return self._write(lambda: self.library.curation.delete_tag(tag), keep=False)

    def set_tag_key(self, tag: TagCount, key: int) -> bool:
        def move() -> bool:
            self.library.curation.set_tag_key(tag, key)
            return True

        return bool(self._write(move, keep=False))

    def undo(self, redo: bool = False) -> str | None:
        """Undo (or redo) one step: what it was, in words; None when it could not be done now (said why)."""
        def replay() -> str:
            step = self.library.curation.redo() if redo else self.library.curation.undo()
            if step is None:
                return f"Nothing to {'redo' if redo else 'undo'}"
            return f"{'Redone' if redo else 'Undone'}: {step.summary}"

        return self._write(replay, keep=False)

    def export_article(self, article_id: int) -> Path | None:
        """Write the article's Markdown into the export folder: the file written."""
        return self._export(lambda: self.library.export_article(article_id, self.export_dir, self.export_template))

    def export_query(self, query: str) -> list[Path] | None:
        """Write every article matching `query` into the export folder: the files written."""
        return self._export(lambda: self.library.export_all(self.export_dir, query, self.export_template))

    def export_entity(self, entity_id: int) -> Path | None:
        """Write an entity's page as a Markdown note into the export folder."""
        return self._export(lambda: self.library.knowledge.export_entity(entity_id, self.export_dir))

    def export_timeline(self, query: str, entity_id: int | None) -> Path | None:
        """Write the timeline as a Markdown table into the export folder."""
        return self._export(lambda: self.library.knowledge.export_timeline(self.export_dir, query, entity_id))

    def _export(self, write: Callable[[], T]) -> T | None:
        try:
            return write()
        except OSError as error:
            self.notify(f"Export failed: {error.strerror or error}", "error")
        except (StoreError, ImportProblem) as error:
            self.notify(f"Export failed: {error}", "error")
        return None
