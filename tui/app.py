"""The newsgloss app and the one factory that builds it for the CLI and the tests."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from store.store import Store
from tui.bindings import described_bindings
from tui.screens.main_screen import MainScreen


class NewsglossApp(App):
    """A terminal news reader with annotations."""

    CSS_PATH = "app.tcss"
    TITLE = "newsgloss"
    BINDINGS = [Binding("q", "quit", "Quit", id="app.quit")]

    def __init__(self, store: Store, export_dir: Path, seed_samples: bool = False, annotate_delay: float = 1.0) -> None:
        super().__init__()
        self.store = store
        self.export_dir = export_dir
        self.seed_samples = seed_samples
        self.annotate_delay = annotate_delay

    def get_default_screen(self) -> Screen:
        """The main screen is the first screen (not pushed over an empty one); a new library is seeded first."""
        if self.seed_samples:
            from store.pipeline import seed

            seed(self.store)
        return MainScreen(self.store, self.export_dir, self.annotate_delay)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, MainScreen):
            return
        for node, binding in described_bindings(screen.binding_nodes()[:-1]):
            yield SystemCommand(binding.description, f"key {self.get_key_display(binding)}",
                                partial(self.run_action, binding.action, node))

    def on_unmount(self) -> None:
        self.store.close()


def make_app(
    db_path: Path | str,
    export_dir: Path | str | None = None,
    seed: bool = False,
    annotate_delay: float = 1.0,
    store: Store | None = None,
) -> NewsglossApp:
    """Build the app on the database at `db_path` (or the `store` already open on it); `seed` fills
    it with the sample articles; background annotation starts `annotate_delay` s after the first screen."""
    db_path = Path(db_path)
    export = Path(export_dir) if export_dir else db_path.parent / "export"
    return NewsglossApp(store or Store(db_path), export, seed_samples=seed, annotate_delay=annotate_delay)
