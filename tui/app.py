"""The newsgloss app and the one factory that builds it for the CLI and the tests."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from newsgloss.store import Library, StoreError, visible
from newsgloss.tui.cli import PATIENCE
from newsgloss.tui.main_screen import MainScreen
from newsgloss.tui.settings import Preferences, export_template, load
from newsgloss.tui.settings import export_dir as export_folder
from newsgloss.tui.shared.editor import Editor, Severity
from newsgloss.tui.shared.highlight import HIGHLIGHT_CSS
from newsgloss.tui.shared.terminal_input import read_keys_leniently

read_keys_leniently()
# Moving a cursor is for keys, not for the command palette; nor are the nine whole-article tag keys (the
# tag screen, #, reaches every tag).
MOVES = (".down", ".up", ".page_down", ".page_up", ".first", ".last", ".next", ".previous",
         *(f"main.tag{n}" for n in range(1, 10)))


class NewsglossApp(App[None]):
    """A terminal news reader with annotations."""

    CSS_PATH = "app.tcss"
    CSS = HIGHLIGHT_CSS
    TITLE = "newsgloss"
    BINDINGS = [Binding("q", "quit", "Quit", id="app.quit")]

    def __init__(self, library: Library, export_dir: Path, preferences: Preferences, seed_samples: bool = False,
                 annotate_delay: float = 1.0, settings_problem: str = "") -> None:
        super().__init__()
        self.library = library
        self.preferences = preferences
        self.editor = Editor(library, self._notify_plain, export_dir, later=self.set_timer,
                             changed=self._kept_changes_saved)
        self.editor.export_template = export_template(preferences.settings)
        self.seed_samples = seed_samples
        self.annotate_delay = annotate_delay
        self.settings_problem = settings_problem
        settings = preferences.settings
        if settings.theme in self.available_themes:
            self.theme = settings.theme
        if settings.keys:
            self.set_keymap(settings.keys)

    def on_mount(self) -> None:
        loop = asyncio.get_running_loop()
        for ending in (signal.SIGTERM, signal.SIGHUP):  # closing the terminal, `kill`: leave as if quitting
            loop.add_signal_handler(ending, self.exit)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.library.read_only:
            self.notify("This library is read-only here: you can read, search and export, but not change it.",
                        severity="warning", timeout=10)
        if self.settings_problem:
            self.notify(self.settings_problem, severity="warning", markup=False, timeout=10)

    def _theme_changed(self, theme: Theme) -> None:
        if problem := self.preferences.change(theme=theme.name):
            self.notify(problem, severity="warning", markup=False)

    def _handle_exception(self, error: Exception) -> None:
        """A library that cannot be read or written (damaged, busy, full, gone) is a notice, not a crash: what
        was typed is kept, and the reader can go on with what still works. Anything else ends the app."""
        if isinstance(error, StoreError):
            self._notify_plain(f"Library problem: {error}", "error")
            return
        super()._handle_exception(error)

    def _kept_changes_saved(self) -> None:
        if isinstance(self.screen, MainScreen):
            self.screen.refresh_library()

    def _notify_plain(self, message: str, severity: Severity) -> None:
        self.notify(visible(message), severity=severity, markup=False, timeout=8 if severity == "error" else 4)

    def get_default_screen(self) -> Screen:
        """The main screen is the first screen (not pushed over an empty one); a new library is seeded first."""
        if self.seed_samples:
            self.library.seed_samples()
        elif not self.library.read_only:
            try:  # what has been in the trash longer than the settings keep it goes for good
                self.library.curation.empty_trash(self.preferences.settings.trash_days)
            except StoreError as error:
                self.call_later(self._notify_plain, f"The trash was not emptied: {error}", "warning")
        return MainScreen(self.library, self.editor, self.preferences, self.annotate_delay)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Each of our actions once, named by what it does, then the theme and a screenshot."""
        if isinstance(screen, MainScreen):
            for node, binding, description in screen.commands():
                if binding.action != "quit" and not (binding.id or "").endswith(MOVES):
                    yield SystemCommand(description, f"key {self.get_key_display(binding)}",
                                        partial(self.run_action, binding.action, node))
        yield SystemCommand("Change theme", "Pick a colour theme (kept in the settings)", self.action_change_theme)
        yield SystemCommand("Save screenshot", "Save an SVG picture of the screen",
                            lambda: self.set_timer(0.1, self.deliver_screenshot))
        yield SystemCommand("Quit", "Quit newsgloss (every change is already saved)", self.action_quit)

    def on_unmount(self) -> None:
        self.library.close()


def make_app(
    db_path: Path | str,
    export_dir: Path | str | None = None,
    seed: bool = False,
    annotate_delay: float = 1.0,
    library: Library | None = None,
    settings_file: Path | str | None = None,
) -> NewsglossApp:
    """Build the app on the library at `db_path` (or the `library` already open on it), with the settings
    in `settings_file` (the user's by default); `seed` fills a new library with the sample articles;
    background annotation starts `annotate_delay` s after the first screen."""
    db_path = Path(db_path)
    settings, problem = load(settings_file)
    return NewsglossApp(library or Library.open(db_path, patience=PATIENCE), export_folder(settings, export_dir),
                        Preferences(settings, settings_file),
                        seed_samples=seed, annotate_delay=annotate_delay, settings_problem=problem)
