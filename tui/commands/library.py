"""`newsgloss export` and `newsgloss search`: what the library holds, out."""

from __future__ import annotations

from pathlib import Path

import click

from newsgloss.store import ImportProblem, printable
from newsgloss.tui.commands import db_option, json_line, library_of, main, say

QUERY_HELP = ("tag:, entity:, source:, after:, before:, mentions:, is:unread, is:read, has:note, has:tag, "
              "- before a filter to negate it, and words")


@main.command("export")
@db_option
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder for the Markdown files (default: the app's export folder, from the settings).")
@click.option("--query", "-q", default="", help=f"Only the articles matching this query ({QUERY_HELP}).")
@click.option("--tag", help="Only articles with a paragraph tagged TAG (the same as --query tag:TAG).")
@click.option("--template", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="A Jinja2 file laying out newsgloss's part of each note (needs jinja2 installed).")
@click.option("--json", "as_json", is_flag=True, help="A JSON list of {id, path} for the files written.")
@click.pass_context
def export_command(ctx: click.Context, db: Path | None, out: Path | None, query: str, tag: str | None,
                   template: Path | None, as_json: bool) -> None:
    """Export articles to Markdown, one file per article, ready for a notes vault (Obsidian and the like).

    A second export of an article replaces only what newsgloss wrote (between its two marker lines, and its own
    properties) and keeps what you added to the file; a changed title renames the file."""
    from newsgloss.tui.settings import export_dir, export_template, load

    settings, _ = load()
    folder = export_dir(settings, out)
    library = library_of(ctx, db)
    wanted = " ".join(part for part in (query, f'tag:"{tag}"' if tag else "") if part)
    try:
        ids = library.article_ids(query=wanted)
        paths = [library.export_article(i, folder, export_template(settings, template)) for i in ids]
    except OSError as error:
        raise click.ClickException(printable(f"cannot write to {folder}: {error.strerror or error}")) from None
    except ImportProblem as problem:
        raise click.ClickException(printable(str(problem))) from None
    if as_json:
        click.echo(json_line([{"id": i, "path": str(p)} for i, p in zip(ids, paths, strict=True)]))
    else:
        for path in paths:
            say(str(path))
    say(f"exported {len(paths)} article(s) to {folder}", err=True)


@main.command("search", help=f"Search titles, bodies and notes, ranked. QUERY may hold filters: {QUERY_HELP}.")
@click.argument("query")
@db_option
@click.option("--limit", default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="A JSON list of {article_id, title, published, source, snippet}.")
@click.pass_context
def search_command(ctx: click.Context, query: str, db: Path | None, limit: int, as_json: bool) -> None:
    hits = library_of(ctx, db).search(query, limit=limit)
    if as_json:
        click.echo(json_line([{"article_id": h.article_id, "title": h.title, "published": h.published,
                               "source": h.source, "snippet": h.snippet} for h in hits]))
        return
    for hit in hits:
        say(f"{hit.article_id}\t{hit.published}\t{hit.title}")
        say(f"\t{hit.snippet}")
