"""The newsgloss app and the one factory that builds it for the CLI and the tests."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from store import Library
from tui.main_screen import MainScreen
from tui.shared.bindings import described_bindings
from tui.shared.editor import Editor, Severity
from tui.shared.highlight import HIGHLIGHT_CSS


class NewsglossApp(App[None]):
    """A terminal news reader with annotations."""

    CSS_PATH = "app.tcss"
    CSS = HIGHLIGHT_CSS
    TITLE = "newsgloss"
    BINDINGS = [Binding("q", "quit", "Quit", id="app.quit")]

    def __init__(self, library: Library, export_dir: Path, seed_samples: bool = False,
                 annotate_delay: float = 1.0) -> None:
        super().__init__()
        self.library = library
        self.editor = Editor(library, self._notify_plain, export_dir)
        self.seed_samples = seed_samples
        self.annotate_delay = annotate_delay

    def _notify_plain(self, message: str, severity: Severity) -> None:
        self.notify(message, severity=severity, markup=False, timeout=8 if severity == "error" else 4)

    def get_default_screen(self) -> Screen:
        """The main screen is the first screen (not pushed over an empty one); a new library is seeded first."""
        if self.seed_samples:
            self.library.seed_samples()
        return MainScreen(self.library, self.editor, self.annotate_delay)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, MainScreen):
            return
        for node, binding in described_bindings(screen.binding_nodes()[:-1]):
            yield SystemCommand(binding.description, f"key {self.get_key_display(binding)}",
                                partial(self.run_action, binding.action, node))

    def on_unmount(self) -> None:
        self.library.close()


def make_app(
    db_path: Path | str,
    export_dir: Path | str | None = None,
    seed: bool = False,
    annotate_delay: float = 1.0,
    library: Library | None = None,
) -> NewsglossApp:
    """Build the app on the library at `db_path` (or the `library` already open on it); `seed` fills it with
    the sample articles; background annotation starts `annotate_delay` s after the first screen."""
    db_path = Path(db_path)
    export = Path(export_dir) if export_dir else db_path.parent / "export"
    return NewsglossApp(library or Library.open(db_path), export, seed_samples=seed, annotate_delay=annotate_delay)
