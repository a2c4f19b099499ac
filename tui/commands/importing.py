"""`newsgloss import`: files, folders and feed addresses into the library."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import click
from click._termui_impl import ProgressBar

from store import ImportOutcome
from tui.commands import db_option, library_of, main, say

ANNOTATE_AT_IMPORT = 1000  # larger imports are annotated in the background by the app


def _report(outcomes: Iterable[ImportOutcome], verbose: bool) -> tuple[int, int]:
    """Print one line per file (and per skipped record); returns (imported, skipped)."""
    imported = skipped = 0
    per_file: dict[str, dict[str, int]] = {}  # inputs of many articles: how many of each outcome
    for outcome in outcomes:
        imported += outcome.status == "imported"
        skipped += outcome.status == "skipped"
        if outcome.place:
            counts = per_file.setdefault(outcome.input, {})
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
        if verbose or outcome.status == "skipped" or not outcome.place:
            say(outcome.line)
    for source, counts in per_file.items():
        say(f"{source}: " + ", ".join(f"{n} {status}" for status, n in counts.items()))
    return imported, skipped


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option("--annotate/--no-annotate", default=None,
              help=f"Annotate now (default: when at most {ANNOTATE_AT_IMPORT} articles are new).")
@click.option("--verbose", is_flag=True, help="A line for every article, not one per file.")
@click.pass_context
def import_command(ctx: click.Context, paths: tuple[Path, ...], db: Path | None, annotate: bool | None,
                   verbose: bool) -> None:
    """Import articles from files and folders (.txt, .md, .jsonl, .json)."""
    from store import input_names

    library = library_of(ctx, db)
    files = input_names(paths)
    with click.progressbar(length=len(files), label="importing", file=sys.stderr,
                           hidden=len(files) < 20 or not sys.stderr.isatty()) as bar:
        imported, skipped = _report(library.import_paths(_ticking(files, bar)), verbose)
    pending = library.count_unannotated()
    if pending and (annotate or (annotate is None and pending <= ANNOTATE_AT_IMPORT)):
        with click.progressbar(length=pending, label="annotating", file=sys.stderr,
                               hidden=not sys.stderr.isatty()) as annotating:
            library.annotate_pending(progress=lambda _: annotating.update(1), batch=200,
                                     processes=min(2, os.cpu_count() or 1))
    elif pending:
        click.echo(f"{pending} article(s) will be annotated in the background when newsgloss opens "
                   "(or now, with --annotate)", err=True)
    library.close()
    click.echo(f"{imported} imported, {skipped} skipped", err=True)
    if skipped:
        sys.exit(1)


def _ticking(files: list[str], bar: ProgressBar[int]) -> Iterator[str]:
    for path in files:
        yield path
        bar.update(1)


