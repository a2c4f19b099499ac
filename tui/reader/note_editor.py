"""A multi-line note editor that saves as you type: there is no save step."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual import on
from textual.binding import Binding
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import TextArea

from newsgloss.tui.shared.dialog import Dialog

SAVE_DELAY = 0.3  # seconds after a key at most, however fast the typing: a save is never put off
RETRY_DELAY = 2.0  # seconds before a save that failed (a busy or full disk) is tried again


class NoteEditor(Dialog[str]):
    """Edits one note. A change is written at most SAVE_DELAY seconds after the key that made it (the first
    key starts the clock; keys after it ride along), failed saves are retried, and whatever is typed is
    written again when the editor goes, however it goes (Esc, quitting, a signal)."""

    DEFAULT_CSS = """
    NoteEditor > #frame { width: 80%; height: 60%; }
    NoteEditor TextArea { height: 1fr; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close (saved)", id="note.close"),
        Binding("ctrl+s", "close", "Close (saved)", show=False, id="note.save_close"),
    ]

    def __init__(self, heading: str, body: str, save: Callable[[str, str], str | None]) -> None:
        """`save(text, base)` stores the note made from `base`, returning it as stored (or None)."""
        super().__init__(heading, "Markdown. Saved as you type. Esc closes; an empty note is deleted.")
        self.initial = body
        self.save = save
        self._timer: Timer | None = None
        self._saved = body  # the note as last stored: what the next save is made from
        self._text = body  # what the editor holds now

    def body(self) -> Iterable[Widget]:
        yield TextArea(self.initial, id="note-text", soft_wrap=True, show_line_numbers=False)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        self._text = event.text_area.text
        if self._timer is None:  # a save already on its way takes this change too
            self._timer = self.set_timer(SAVE_DELAY, self._flush)

    def _flush(self) -> None:
        self._timer = None
        if self._text == self._saved:
            return
        stored = self.save(self._text, self._saved)
        if stored is None:
            self._timer = self.set_timer(RETRY_DELAY, self._flush)  # kept, and tried again
            return
        self._saved = stored
        if stored != self._text:  # another window had changed the note: both texts are kept
            self._text = stored
            area = self.query_one(TextArea)
            area.text = stored
            area.move_cursor(area.document.end)
            self.notify("This note was changed in another window meanwhile: both texts are kept.",
                        severity="warning", timeout=8)

    def on_unmount(self) -> None:
        """Going without Esc (quitting, a signal, the terminal closed): what is typed is saved first."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._text != self._saved and (stored := self.save(self._text, self._saved)) is not None:
            self._saved = stored

    def action_close(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._flush()
        if self._timer is not None:  # the save failed: it is tried again while the editor stays open
            self.notify("The note is not saved yet (the library is busy); it is tried again.", severity="warning")
            return
        self.dismiss(self._saved)
