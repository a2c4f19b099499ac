"""The `newsgloss` entry point. Opening the app is the common case and must be quick, so its three
options are read here; anything else (a subcommand, --help, a mistake) goes to the click commands
in tui/commands/, which cost 40 ms to import."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NamedTuple

# A keypress never waits longer than this for another program that writes; the change is kept and retried.
PATIENCE = 2.0
APP_OPTIONS = {"--db": "db", "--export-dir": "export_dir"}


def default_db() -> Path:
    from platformdirs import user_data_path

    return Path(os.environ.get("NEWSGLOSS_DB") or user_data_path("newsgloss") / "newsgloss.db")



class AppOptions(NamedTuple):
    db: Path | None = None
    export_dir: Path | None = None
    no_seed: bool = False
    read_only: bool = False


def app_arguments(args: list[str]) -> AppOptions | None:
    """The options of a plain `newsgloss [--db FILE] [--export-dir DIR] [--no-seed] [--read-only]`, else None."""
    paths: dict[str, Path] = {}
    no_seed = read_only = False
    rest = iter(args)
    for arg in rest:
        name, equals, value = arg.partition("=")
        if name in APP_OPTIONS:
            given = value if equals else next(rest, None)
            if not given:
                return None
            paths[APP_OPTIONS[name]] = Path(given)
        elif arg == "--no-seed":
            no_seed = True
        elif arg == "--read-only":
            read_only = True
        else:
            return None
    return AppOptions(paths.get("db"), paths.get("export_dir"), no_seed, read_only)


def run_app(db: Path | None, export_dir: Path | None, no_seed: bool, read_only: bool = False) -> None:
    """Open the app on `db` (the default library when None); a new library is filled with the samples."""
    from newsgloss.store import Library, StoreError, printable

    path = db or default_db()
    fresh = not path.exists()
    try:
        # A damaged, foreign or newer file stops here, with its one-line reason.
        library = Library.open(path, read_only, patience=PATIENCE)
    except StoreError as error:
        print(printable(f"Error: {error}"), file=sys.stderr)
        sys.exit(1)
    from newsgloss.tui.app import make_app

    app = make_app(db_path=path, export_dir=export_dir, seed=fresh and not no_seed,
                   library=library)
    app.run()
    if app.return_code:
        sys.exit(app.return_code)


def main() -> None:
    # Shell completion (click reads _NEWSGLOSS_COMPLETE) answers from the commands, never opens the app.
    completing = "_NEWSGLOSS_COMPLETE" in os.environ
    options = None if completing else app_arguments(sys.argv[1:])
    if options is not None:
        run_app(*options)
        return
    from newsgloss.tui.commands import main as commands

    commands(prog_name="newsgloss")
