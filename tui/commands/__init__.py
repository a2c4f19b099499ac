"""The `newsgloss` command line (click): the app's options here, the subcommands in the modules beside.

`tui/cli.py` opens the app without loading any of this when no subcommand is given."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click

from newsgloss.store import Library, StoreError, printable
from newsgloss.tui.cli import default_db, run_app


def say(line: str, err: bool = False) -> None:
    """Print one line of text that may hold what came from outside (file names, titles, snippets): anything a
    terminal would act on (escape sequences, controls, line breaks) is shown as an escape such as \\x1b."""
    click.echo(printable(line), err=err)


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")


def json_line(value: object) -> str:
    """One JSON document on one line, readable as UTF-8 and safe in a terminal: what JSON leaves as it is but a
    terminal would act on (C1 controls, bidi overrides, undecodable bytes) is written as a \\u escape."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", json.dumps(value, ensure_ascii=False))


def _open(db: Path | None) -> Library:
    try:
        return Library.open(db or default_db())
    except StoreError as error:
        raise click.ClickException(printable(str(error))) from None


db_option = click.option("--db", type=click.Path(path_type=Path, dir_okay=False), help="Database file to use.")


class Commands(click.Group):
    """Database trouble anywhere becomes one line on stderr, never a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except StoreError as error:
            raise click.ClickException(printable(str(error))) from None


EXIT_CODES = """\b
Exit codes: 0 done; 1 done, but some inputs were skipped or feeds failed (each said why on stderr);
2 a wrong command or option; 1 also for a library that cannot be opened (one line says why)."""


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        import newsgloss

        click.echo(f"newsgloss {newsgloss.__version__}")
        ctx.exit()


@click.group(cls=Commands, invoke_without_command=True, epilog=EXIT_CODES,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_version,
              help="Print the version and exit.")
@db_option
@click.option("--export-dir", type=click.Path(path_type=Path, file_okay=False), help="Where `e` writes Markdown.")
@click.option("--no-seed", is_flag=True, help="Do not fill a new database with the sample articles.")
@click.option("--read-only", is_flag=True, help="Open the library for reading only (nothing is changed).")
@click.pass_context
def main(ctx: click.Context, db: Path | None, export_dir: Path | None, no_seed: bool, read_only: bool) -> None:
    """newsgloss: read news with entities and dates highlighted, tag paragraphs, take notes.

    With no command, opens the app on the library (a new one starts with the sample articles). Subscribe to
    feeds with `newsgloss feeds add URL`, fetch them with `newsgloss refresh`; import files with
    `newsgloss import`. `newsgloss COMMAND -h` tells more.

    Shell completion: `eval "$(_NEWSGLOSS_COMPLETE=bash_source newsgloss)"` in ~/.bashrc
    (zsh_source, fish_source for the others)."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    if ctx.invoked_subcommand is not None:
        return
    run_app(db, export_dir, no_seed, read_only)


def library_of(ctx: click.Context, db: Path | None) -> Library:
    """The library a subcommand works on: its own --db, else the one given before it, else the default."""
    return _open(db or ctx.obj.get("db"))




# The subcommands register themselves on `main` (imported last: they import it).
from newsgloss.tui.commands import config, curation, feeds, importing, knowledge, library, tools  # noqa: E402, F401
