"""`newsgloss annotate` (the annotation contract, for scripts and the evaluation) and
`newsgloss datasette-metadata`."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

from newsgloss.tui.commands import db_option, json_line, main, say


def _annotation(doc_id: str, dct: str | None, text: str) -> dict:
    from newsgloss.store import annotate_text

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
        try:
            click.echo(json_line(_annotation(doc_id, doc_dct, text)))
        except Exception as error:
            click.echo(json_line({"id": doc_id, "dct": doc_dct, "text": text, "spans": []}))
            problems.append(f"{doc_id}: not annotated ({type(error).__name__}: {' '.join(str(error).split())})")
    for problem in problems:
        say(f"skipped {problem}", err=True)
    if problems:
        sys.exit(1)


def _text_date(text: str) -> str:
    from newsgloss.store import article_date

    return article_date(text) or date.today().isoformat()


@main.command("datasette-metadata")
@db_option
@click.pass_context
def datasette_metadata_command(ctx: click.Context, db: Path | None) -> None:
    """Print a metadata document for Datasette: `datasette LIBRARY.db --metadata metadata.json`.

    \b
    newsgloss datasette-metadata > metadata.json
    datasette ~/.local/share/newsgloss/newsgloss.db --metadata metadata.json"""
    from newsgloss.store import datasette_metadata
    from newsgloss.tui.cli import default_db

    document = datasette_metadata(Path(db or ctx.obj.get("db") or default_db()))
    click.echo(json.dumps(document, indent=2, ensure_ascii=False))
