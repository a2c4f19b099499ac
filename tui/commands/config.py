"""`newsgloss config`: the settings file."""

from __future__ import annotations

import click

from newsgloss.store import printable
from newsgloss.tui.commands import main, say


@main.group("config")
def config_group() -> None:
    """The settings file (TOML): theme, list width, dates, legend, export folder, tag names, keys."""


@config_group.command("path")
def config_path() -> None:
    """Print where the settings file is (it need not exist yet)."""
    from newsgloss.tui.settings import settings_path

    say(str(settings_path()))


@config_group.command("show")
def config_show() -> None:
    """Print the settings in use, as TOML (the defaults where the file says nothing)."""
    from newsgloss.tui.settings import dumps, load

    settings, problem = load()
    if problem:
        say(problem, err=True)
    click.echo(printable(dumps(settings), newlines=True), nl=False)


