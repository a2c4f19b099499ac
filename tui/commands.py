"""The `newsgloss` subcommands (import, export, search, annotate) and the app's options, with click.

`tui/cli.py` opens the app without loading any of this when no subcommand is given."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import click
from click._termui_impl import ProgressBar

from store import ImportOutcome, Library, StoreError, printable
from tui.cli import default_db, run_app


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


@click.group(cls=Commands, invoke_without_command=True)
@db_option
@click.option("--export-dir", type=click.Path(path_type=Path, file_okay=False), help="Where `e` writes Markdown.")
@click.option("--no-seed", is_flag=True, help="Do not fill a new database with the sample articles.")
@click.option("--read-only", is_flag=True, help="Open the library for reading only (nothing is changed).")
@click.pass_context
def main(ctx: click.Context, db: Path | None, export_dir: Path | None, no_seed: bool, read_only: bool) -> None:
    """newsgloss: read news with entities and dates highlighted, tag paragraphs, take notes."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    if ctx.invoked_subcommand is not None:
        return
    run_app(db, export_dir, no_seed, read_only)


def _db(ctx: click.Context, db: Path | None) -> Path | None:
    return db or ctx.obj.get("db")


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

    library = _open(_db(ctx, db))
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


@main.command("export")
@db_option
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=Path("newsgloss-export"),
              show_default=True, help="Folder for the Markdown files.")
@click.option("--tag", help="Only articles with a paragraph tagged TAG.")
@click.pass_context
def export_command(ctx: click.Context, db: Path | None, out: Path, tag: str | None) -> None:
    """Export articles to Markdown, one file per article."""
    library = _open(_db(ctx, db))
    try:
        paths = library.export_all(out, tag=tag)
    except OSError as error:
        raise click.ClickException(printable(f"cannot write to {out}: {error.strerror or error}")) from None
    for path in paths:
        say(str(path))
    say(f"exported {len(paths)} article(s) to {out}", err=True)


@main.command("search")
@click.argument("query")
@db_option
@click.option("--limit", default=20, show_default=True)
@click.pass_context
def search_command(ctx: click.Context, query: str, db: Path | None, limit: int) -> None:
    """Search titles, bodies and notes (ranked)."""
    library = _open(_db(ctx, db))
    for hit in library.search(query, limit=limit):
        say(f"{hit.article_id}\t{hit.published}\t{hit.title}")
        say(f"\t{hit.snippet}")


def _annotation(doc_id: str, dct: str | None, text: str) -> dict:
    from store import annotate_text

    spans: list[dict[str, object]] = []
    for span in annotate_text(text, dct):
        item = {"start": span.start, "end": span.end, "label": span.label, "text": span.text,
                "value": span.value or None}
        if span.type:
            item["type"] = span.type
        spans.append(item)
    return {"id": doc_id, "dct": dct, "text": text, "spans": spans}


def _jsonl_documents(handle) -> tuple[list[tuple[str, str | None, str]], list[str]]:
    docs, problems = [], []
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise ValueError('needs an object with a "text" string')
            dct = record.get("dct") if isinstance(record.get("dct"), str) else None
            docs.append((str(record.get("id", number)), dct, record["text"]))
        except ValueError as error:
            problems.append(f"line {number}: {error}")
    return docs, problems


@main.group("config")
def config_group() -> None:
    """The settings file (TOML): theme, list width, dates, legend, export folder, tag names, keys."""


@config_group.command("path")
def config_path() -> None:
    """Print where the settings file is (it need not exist yet)."""
    from tui.settings import settings_path

    say(str(settings_path()))


@config_group.command("show")
def config_show() -> None:
    """Print the settings in use, as TOML (the defaults where the file says nothing)."""
    from tui.settings import dumps, load

    settings, problem = load()
    if problem:
        say(problem, err=True)
    click.echo(printable(dumps(settings), newlines=True), nl=False)


@main.command("annotate")
@click.argument("file", type=click.File("r", encoding="utf-8", errors="replace"))
@click.option("--date", "dct", help="The article's date (YYYY-MM-DD); dates are normalised against it.")
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text", show_default=True)
def annotate_command(file, dct: str | None, fmt: str) -> None:
    """Print entities and normalised dates as JSON: the annotation contract."""
    if dct is not None:
        try:
            date.fromisoformat(dct)
        except ValueError:
            raise click.BadParameter(f"{dct!r} is not a date in the form YYYY-MM-DD", param_hint="--date") from None
    if fmt == "jsonl":
        docs, problems = _jsonl_documents(file)
        docs = [(doc_id, dct or doc_dct, text) for doc_id, doc_dct, text in docs]
    else:
        text = file.read()
        docs, problems = [(getattr(file, "name", "-"), dct or _text_date(text), text)], []
    for doc_id, doc_dct, text in docs:
        click.echo(json_line(_annotation(doc_id, doc_dct, text)))
    for problem in problems:
        say(f"skipped {problem}", err=True)
    if problems:
        sys.exit(1)


def _text_date(text: str) -> str:
    from store import article_date

    return article_date(text) or date.today().isoformat()
