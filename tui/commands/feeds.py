"""`newsgloss feeds ...` (subscriptions, OPML) and `newsgloss refresh` (fetch what is new)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsgloss.store import FeedResult, ImportProblem, printable
from newsgloss.tui.commands import db_option, json_line, library_of, main, say


@main.group("feeds", invoke_without_command=True)
@db_option
@click.pass_context
def feeds_group(ctx: click.Context, db: Path | None) -> None:
    """Feed subscriptions: list them (the default), add, remove, import and export OPML.

    `newsgloss refresh` fetches them all; in the app, `r` does."""
    if db is not None:
        ctx.obj["db"] = db
    if ctx.invoked_subcommand is None:
        ctx.invoke(list_command)


@feeds_group.command("list")
@db_option
@click.option("--json", "as_json", is_flag=True,
              help="A JSON list of {url, title, added_at, checked_at, status, detail, articles}.")
@click.pass_context
def list_command(ctx: click.Context, db: Path | None = None, as_json: bool = False) -> None:
    """Every subscription, with how its last refresh went."""
    feeds = library_of(ctx, db).feeds.all()
    if as_json:
        click.echo(json_line([{"url": f.url, "title": f.title, "added_at": f.added_at, "checked_at": f.checked_at,
                               "status": f.status, "detail": f.detail, "articles": f.articles} for f in feeds]))
        return
    if not feeds:
        say("no feeds yet: newsgloss feeds add URL (or feeds import FILE.opml)", err=True)
    for feed in feeds:
        last = f"{feed.status} {feed.checked_at[:16]}" if feed.checked_at else "never refreshed"
        say(f"{feed.url}\t{feed.title or '-'}\t{feed.articles} article(s)\t{last}"
            + (f": {feed.detail}" if feed.status == "failed" else ""))


@feeds_group.command("add")
@click.argument("url")
@click.option("--title", default="", help="A name for it (the feed's own title otherwise, at the first refresh).")
@db_option
@click.pass_context
def add_command(ctx: click.Context, url: str, title: str, db: Path | None) -> None:
    """Subscribe to the RSS or Atom feed at URL (fetched by `newsgloss refresh`)."""
    try:
        feed, new = library_of(ctx, db).feeds.add(url, title)
    except ImportProblem as problem:
        raise click.ClickException(printable(str(problem))) from None
    say(f"{'subscribed to' if new else 'already subscribed to'} {feed.url}")


@feeds_group.command("remove")
@click.argument("url")
@db_option
@click.pass_context
def remove_command(ctx: click.Context, url: str, db: Path | None) -> None:
    """Unsubscribe from URL (the articles it brought stay)."""
    if not library_of(ctx, db).feeds.remove(url):
        raise click.ClickException(printable(f"not subscribed to {url}"))
    say(f"unsubscribed from {url}")


@feeds_group.command("import")
@click.argument("file", type=click.File("rb"))
@db_option
@click.pass_context
def import_opml_command(ctx: click.Context, file, db: Path | None) -> None:
    """Subscribe to every feed of an OPML FILE (what other feed readers export); - reads standard input."""
    try:
        found = library_of(ctx, db).feeds.import_opml(file.read())
    except ImportProblem as problem:
        raise click.ClickException(printable(f"{file.name}: {problem}")) from None
    new = sum(is_new for _, is_new in found)
    for feed, is_new in found:
        say(f"{'added' if is_new else 'already there'}: {feed.url}")
    say(f"{new} feed(s) added, {len(found) - new} already there", err=True)


@feeds_group.command("export")
@click.argument("file", type=click.File("w", encoding="utf-8"), default="-")
@db_option
@click.pass_context
def export_opml_command(ctx: click.Context, file, db: Path | None) -> None:
    """Write the subscriptions as OPML to FILE (standard output by default)."""
    file.write(library_of(ctx, db).feeds.export_opml())


@main.command("refresh", epilog="Exit codes: 0 every feed answered; 1 some failed (each line says why).")
@db_option
@click.option("--workers", default=4, show_default=True, help="Feeds fetched at a time.")
@click.option("--deadline", default=30.0, show_default=True, help="Seconds one feed may take.")
@click.option("--json", "as_json", is_flag=True,
              help="One JSON object per feed: {url, status, imported, updated, detail}.")
@click.pass_context
def refresh_command(ctx: click.Context, db: Path | None, workers: int, deadline: float, as_json: bool) -> None:
    """Fetch every subscribed feed and import what is new: one line per feed (new, unchanged, failed and why).

    Each server is asked only for what changed since the last refresh; an article already stored is left
    as it is, and a new version of one keeps its tags and notes."""
    library = library_of(ctx, db)
    results: list[FeedResult] = []
    for result in library.feeds.refresh(workers=workers, deadline=deadline):
        results.append(result)
        if as_json:
            click.echo(json_line({"url": result.url, "status": result.status, "imported": result.imported,
                                  "updated": result.updated, "detail": result.detail}))
        else:
            say(result.line)
    if not results:
        say("no feeds to refresh: newsgloss feeds add URL", err=True)
        return
    failed = sum(r.status == "failed" for r in results)
    say(f"{len(results)} feed(s): {sum(r.imported for r in results)} new article(s), "
        f"{sum(r.updated for r in results)} updated, {failed} failed", err=True)
    pending = library.count_unannotated()
    if pending:
        say(f"{pending} article(s) will be annotated when newsgloss opens", err=True)
    library.close()
    if failed:
        sys.exit(1)
