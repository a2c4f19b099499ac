"""`newsgloss import`: files, folders, feed addresses and standard input into the library."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import click
from click._termui_impl import ProgressBar

from newsgloss.store import ImportOutcome
from newsgloss.tui.commands import db_option, json_line, library_of, main, say

ANNOTATE_AT_IMPORT = 1000  # larger imports are annotated in the background by the app
STATUSES = ("imported", "updated", "unchanged", "skipped")


def _report(outcomes: Iterable[ImportOutcome], verbose: bool, as_json: bool) -> dict[str, int]:
    """One line per input (and per skipped record), or one JSON object per input; the counts of each status."""
    totals = dict.fromkeys(STATUSES, 0)
    current: str | None = None
    per_input: dict[str, int] = {}
    articles: list[dict[str, object]] = []

    def finish() -> None:
        if current is None:
            return
        if as_json:
            click.echo(json_line({"input": current, **per_input, "articles": articles}))
        elif any(a.get("place") for a in articles):  # inputs of many articles: one line of counts
            say(f"{current}: " + ", ".join(f"{n} {status}" for status, n in per_input.items() if n))

    for outcome in outcomes:
        if outcome.input != current:
            finish()
            current, per_input, articles = outcome.input, dict.fromkeys(STATUSES, 0), []
        totals[outcome.status] += 1
        per_input[outcome.status] += 1
        articles.append({"place": outcome.place, "status": outcome.status, "title": outcome.title,
                         "id": outcome.article_id, "reason": outcome.reason})
        if not as_json and (verbose or outcome.status == "skipped" or not outcome.place):
            say(outcome.line)
    finish()
    return totals


@main.command("import", epilog="Exit codes: 0 done; 1 some inputs or articles were skipped (each says why).")
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--annotate/--no-annotate", default=None,
              help=f"Annotate now (default: when at most {ANNOTATE_AT_IMPORT} articles are new).")
@click.option("--verbose", is_flag=True, help="A line for every article, not one per file.")
@click.option("--json", "as_json", is_flag=True,
              help="One JSON object per input on stdout: {input, imported, updated, unchanged, skipped, articles}.")
@click.pass_context
def import_command(ctx: click.Context, inputs: tuple[str, ...], db: Path | None, annotate: bool | None,
                   verbose: bool, as_json: bool) -> None:
    """Import articles from INPUTS: files, folders, feed addresses, or - for JSON Lines on standard input.

    \b
    Files: .txt and .md (one article each; Markdown front matter gives title, source, url, date),
    .html and .htm (a saved web page: the article inside it), .xml, .rss and .atom (a feed file: one
    article per item), .jsonl (one JSON article per line: body or text, title, source, url, author,
    published) and .json (one such object, or a list). Folders are read for those files.
    http(s) addresses are fetched as RSS or Atom feeds, once; to follow a feed, use `newsgloss feeds add`.

    An article already in the library is left unchanged; a new version of one (same source, same
    address or title, other text) replaces its text and keeps its tags and notes."""
    from newsgloss.store import input_names

    library = library_of(ctx, db)
    names = input_names(list(inputs))
    with click.progressbar(length=len(names), label="importing", file=sys.stderr,
                           hidden=len(names) < 20 or not sys.stderr.isatty()) as bar:
        totals = _report(library.import_paths(_ticking(names, bar)), verbose, as_json)
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
    click.echo(", ".join(f"{n} {status}" for status, n in totals.items() if n or status in ("imported", "skipped")),
               err=True)
    if totals["skipped"]:
        sys.exit(1)


def _ticking(names: list[str], bar: ProgressBar[int]) -> Iterator[str]:
    for name in names:
        yield name
        bar.update(1)
