"""`newsgloss history | undo | redo`, `newsgloss tags ...`, `newsgloss mark` and `newsgloss empty-trash`."""

from __future__ import annotations

from pathlib import Path

import click

from newsgloss.store import StoreError, TagCount, printable
from newsgloss.tui.commands import db_option, json_line, library_of, main, say


@main.command("history")
@db_option
@click.option("--limit", default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="A JSON list of {id, at, window, summary, undone, changes}.")
@click.pass_context
def history_command(ctx: click.Context, db: Path | None, limit: int, as_json: bool) -> None:
    """The latest changes, newest first, each one step of `undo` (a step undone is marked so)."""
    steps = library_of(ctx, db).curation.history(limit)
    if as_json:
        click.echo(json_line([s.__dict__ for s in steps]))
        return
    for step in steps:
        say(f"{step.id}\t{step.at[:19].replace('T', ' ')}\t{'(undone) ' if step.undone else ''}{step.summary}"
            f"\t{step.window}")


@main.command("undo")
@click.argument("steps", default=1, type=click.IntRange(min=1))
@db_option
@click.pass_context
def undo_command(ctx: click.Context, steps: int, db: Path | None) -> None:
    """Undo the latest STEPS changes (1 by default), made here or in the app, before or after a restart."""
    _replay(ctx, db, steps, undo=True)


@main.command("redo")
@click.argument("steps", default=1, type=click.IntRange(min=1))
@db_option
@click.pass_context
def redo_command(ctx: click.Context, steps: int, db: Path | None) -> None:
    """Redo STEPS changes undone last (until a new change is made)."""
    _replay(ctx, db, steps, undo=False)


def _replay(ctx: click.Context, db: Path | None, steps: int, undo: bool) -> None:
    curation = library_of(ctx, db).curation
    for _ in range(steps):
        step = curation.undo() if undo else curation.redo()
        if step is None:
            say(f"nothing more to {'undo' if undo else 'redo'}", err=True)
            return
        say(f"{'undid' if undo else 'redid'}: {step.summary}")


@main.group("tags", invoke_without_command=True)
@db_option
@click.pass_context
def tags_group(ctx: click.Context, db: Path | None) -> None:
    """Tags with their keys and counts (the default); rename, merge, delete, or move one to another key."""
    if db is not None:
        ctx.obj["db"] = db
    if ctx.invoked_subcommand is None:
        for tag in library_of(ctx, None).curation.tags():
            say(f"{tag.key or '-'}\t{tag.name}\t{tag.paragraphs} paragraph(s) in {tag.articles} article(s)")


def _tag(ctx: click.Context, name: str, db: Path | None = None) -> TagCount:
    if db is not None:
        ctx.obj["db"] = db
    try:
        return library_of(ctx, None).curation.tag(name)
    except StoreError as error:
        raise click.ClickException(printable(str(error))) from None


@tags_group.command("rename")
@click.argument("name")
@click.argument("new_name")
@db_option
@click.pass_context
def tags_rename(ctx: click.Context, name: str, new_name: str, db: Path | None) -> None:
    """Rename the tag NAME to NEW_NAME (everywhere it is used)."""
    tag = _tag(ctx, name, db)  # first: it sets the library --db names
    library_of(ctx, None).curation.rename_tag(tag, new_name)
    say(f"renamed {name} to {new_name}")


@tags_group.command("merge")
@click.argument("name")
@click.argument("into")
@db_option
@click.pass_context
def tags_merge(ctx: click.Context, name: str, into: str, db: Path | None) -> None:
    """Every use of the tag NAME becomes INTO; NAME goes."""
    source, target = _tag(ctx, name, db), _tag(ctx, into)
    moved = library_of(ctx, None).curation.merge_tags(source, target)
    say(f"merged {name} into {into} ({moved} use(s) moved)")


@tags_group.command("delete")
@click.argument("name")
@click.option("--yes", is_flag=True, help="Delete a tag that is in use without asking.")
@db_option
@click.pass_context
def tags_delete(ctx: click.Context, name: str, yes: bool, db: Path | None) -> None:
    """Delete the tag NAME and its uses (undo brings them back)."""
    tag = _tag(ctx, name, db)
    if tag.paragraphs and not yes:
        click.confirm(f"{name} is on {tag.paragraphs} paragraph(s) in {tag.articles} article(s). Delete it?",
                      abort=True, err=True)
    used = library_of(ctx, None).curation.delete_tag(tag)
    say(f"deleted {name} ({used} use(s))")


@tags_group.command("key")
@click.argument("name")
@click.argument("key", type=click.IntRange(0, 9))
@db_option
@click.pass_context
def tags_key(ctx: click.Context, name: str, key: int, db: Path | None) -> None:
    """Put the tag NAME on number KEY (0: none); the tag there takes NAME's old key."""
    tag = _tag(ctx, name, db)
    library_of(ctx, None).curation.set_tag_key(tag, key)
    say(f"{name} is on key {key}" if key else f"{name} is on no key")


ACTIONS = {"star": ("star", True), "unstar": ("star", False), "archive": ("archive", True),
           "unarchive": ("archive", False), "trash": ("trash", None), "restore": ("restore", None),
           "read": ("set_read", True), "unread": ("set_read", False)}


@main.command("mark")
@click.argument("action", type=click.Choice([*ACTIONS, "tag", "untag"]))
@click.option("--query", "-q", default="", help="The articles: those this query matches (is:archived, tag:...).")
@click.option("--id", "ids", multiple=True, type=int, help="An article id (repeatable).")
@click.option("--tag", "tag_name", default="", help="The tag, for tag and untag.")
@db_option
@click.pass_context
def mark_command(ctx: click.Context, action: str, query: str, ids: tuple[int, ...], tag_name: str,
                 db: Path | None) -> None:
    """Star, archive, trash, restore, mark read or unread, tag or untag many articles at once: one undo step."""
    curation = library_of(ctx, db).curation
    chosen = list(ids) or curation.ids(query)
    if not chosen:
        say("no articles match", err=True)
        return
    if action in ("tag", "untag"):
        if not tag_name:
            raise click.UsageError("tag and untag need --tag NAME")
        changed = curation.tag_articles(chosen, _tag(ctx, tag_name), on=action == "tag")
    else:
        method, flag = ACTIONS[action]
        changed = getattr(curation, method)(chosen) if flag is None else getattr(curation, method)(chosen, flag)
    say(f"{action}: {changed} of {len(chosen)} article(s) changed (newsgloss undo takes it back)")


@main.command("empty-trash")
@click.option("--older-than", default=0.0, show_default=True, help="Days in the trash (0: everything in it).")
@db_option
@click.pass_context
def empty_trash_command(ctx: click.Context, older_than: float, db: Path | None) -> None:
    """Delete for good the articles in the trash (this one cannot be undone)."""
    say(f"deleted {library_of(ctx, db).curation.empty_trash(older_than)} article(s) for good")
