"""Every change the app makes to the library goes through one Editor: the single home of writes (and of undo).

Screens and panes decide what the user meant; the Editor makes the change and, when the library cannot
take it, says why in one line and returns None, so no caller needs its own error handling.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal, TypeVar

from store import EntityRule, Library, StoreError, Tag

T = TypeVar("T")
Severity = Literal["information", "warning", "error"]
Notify = Callable[[str, Severity], None]


class Editor:
    """Writes to one library on behalf of the app's screens."""

    def __init__(self, library: Library, notify: Notify, export_dir: Path) -> None:
        self.library = library
        self.notify = notify
        self.export_dir = export_dir

    def _write(self, write: Callable[[], T]) -> T | None:
        try:
            return write()
        except StoreError as error:
            self.notify(f"Not saved: {error}", "error")
            return None

    def mark_read(self, article_id: int, read: bool = True) -> bool:
        return self._write(lambda: self.library.mark_read(article_id, read) or True) is not None

    def toggle_tag(self, article_id: int, position: int, tag_id: int) -> bool | None:
        """Toggle a tag on a paragraph: True when it is now on, None when nothing changed."""
        return self._write(lambda: self.library.toggle_tag(article_id, position, tag_id))

    def create_tag(self, name: str) -> Tag | None:
        return self._write(lambda: self.library.create_tag(name))

    def set_note(self, article_id: int, position: int | None, body: str) -> bool:
        """Save a note (an empty one is deleted); False when it could not be saved (try again later)."""
        return self._write(lambda: self.library.set_note(article_id, position, body) or True) is not None

    def add_rule(self, text: str, action: str, label: str = "") -> tuple[EntityRule, int] | None:
        """Store a correction and apply it everywhere: the rule and how many articles changed."""
        return self._write(lambda: self.library.add_rule(text, action, label))

    def delete_rule(self, rule_id: int) -> int | None:
        """Forget a correction: how many articles will be annotated again."""
        return self._write(lambda: self.library.delete_rule(rule_id))

    def export_article(self, article_id: int) -> Path | None:
        """Write the article's Markdown into the export folder: the file written."""
        try:
            return self.library.export_article(article_id, self.export_dir)
        except OSError as error:
            self.notify(f"Export failed: {error.strerror or error}", "error")
        except StoreError as error:
            self.notify(f"Export failed: {error}", "error")
        return None
