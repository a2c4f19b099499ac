"""A multi-line note editor that saves as you type: there is no save step."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual import on
from textual.binding import Binding
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import TextArea

from tui.shared.dialog import Dialog

SAVE_DELAY = 0.3  # seconds after the last key


class NoteEditor(Dialog[str]):
    """Edits one note; every change is written within SAVE_DELAY seconds and again on close."""

    DEFAULT_CSS = """
    NoteEditor > #frame { width: 80%; height: 60%; }
    NoteEditor TextArea { height: 1fr; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close (saved)", id="note.close"),
        Binding("ctrl+s", "close", "Close (saved)", show=False, id="note.save_close"),
    ]

    def __init__(self, heading: str, body: str, save: Callable[[str], bool]) -> None:
        super().__init__(heading, "Markdown. Saved as you type. Esc closes; an empty note is deleted.")
        self.initial = body
        self.save = save
        self._timer: Timer | None = None
        self._saved = body

    def body(self) -> Iterable[Widget]:
        yield TextArea(self.initial, id="note-text", soft_wrap=True, show_line_numbers=False)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @on(TextArea.Changed)
    def _changed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_DELAY, self._flush)

    def _flush(self) -> None:
        body = self.query_one(TextArea).text
        if body != self._saved and self.save(body):
            self._saved = body  # a failed save is tried again at the next key and on close

    def action_close(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._flush()
        self.dismiss(self._saved)
