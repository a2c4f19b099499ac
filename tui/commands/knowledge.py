"""`newsgloss entities`, `mentions`, `timeline` and the entity rules: the library as a knowledge base."""

from __future__ import annotations

from pathlib import Path

import click

from newsgloss.store import Library, entities_csv, mentions_csv, timeline_markdown
from newsgloss.tui.commands import db_option, json_line, library_of, main, say

LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE")


def _entity(library: Library, name: str) -> int:
    """The entity a name stands for (the most named, when several do); a name nothing stands for ends here."""
    found = library.knowledge.find(name)
    if not found:
        raise click.ClickException(f"no entity is called {name!r} (newsgloss entities lists them)")
    return found[0].id


@main.command("entities")
@db_option
@click.option("--label", type=click.Choice(LABELS, case_sensitive=False), help="Only entities of this label.")
@click.option("--name", "contains", default="", help="Only entities whose name contains this.")
@click.option("--order", type=click.Choice(["count", "name"]), default="count", show_default=True)
@click.option("--limit", default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="A JSON list of {name, label, articles, mentions, aliases}.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV: name, label, articles, mentions, first and last seen.")
@click.pass_context
def entities_command(ctx: click.Context, db: Path | None, label: str | None, contains: str, order: str, limit: int,
                     as_json: bool, as_csv: bool) -> None:
    """Every entity with its number of articles and mentions, most named first."""
    found = library_of(ctx, db).knowledge.entities(label.upper() if label else None, order, contains, limit)
    if as_csv:
        click.echo(entities_csv(found), nl=False)
        return
    if as_json:
        click.echo(json_line([{"name": e.name, "label": e.label, "articles": e.articles, "mentions": e.mentions,
                               "aliases": list(e.aliases)} for e in found]))
        return
    for e in found:
        aliases = f"  (also {', '.join(e.aliases)})" if e.aliases else ""
        say(f"{e.articles:>6} {e.mentions:>7}  {e.label:<8} {e.name}{aliases}")


@main.command("mentions")
@click.argument("name")
@db_option
@click.option("--limit", default=100, show_default=True, help="Paragraphs, newest article first.")
@click.option("--json", "as_json", is_flag=True,
              help="A JSON list of {article_id, title, published, position, text, start, end}, one per mention.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV, one row per mention.")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False),
              help="Write the entity's page as a Markdown note into this folder (Obsidian links included).")
@click.pass_context
def mentions_command(ctx: click.Context, name: str, db: Path | None, limit: int, as_json: bool, as_csv: bool,
                     out: Path | None) -> None:
    """Every paragraph that names NAME (an entity's name, an alias, or as articles write it), newest first."""
    library = library_of(ctx, db)
    entity_id = _entity(library, name)
    if out is not None:
        say(str(library.knowledge.export_entity(entity_id, out)))
        return
    hits = library.knowledge.paragraphs(entity_id, limit)
    if as_csv:
        click.echo(mentions_csv(hits), nl=False)
        return
    if as_json:
        click.echo(json_line([{"article_id": h.article_id, "title": h.title, "published": h.published,
                               "position": h.position, "text": h.text, "start": start, "end": end}
                              for h in hits for start, end in h.marks]))
        return
    for h in hits:
        say(f"{h.published}  {h.title}  ¶{h.position + 1}")
        say(f"    {h.text}")


@main.command("timeline")
@db_option
@click.option("--entity", default="", help="Only dates in paragraphs that name this entity.")
@click.option("--query", "-q", default="", help="Only articles matching this query (see `newsgloss search --help`).")
@click.option("--limit", default=500, show_default=True)
@click.option("--json", "as_json", is_flag=True,
              help="A JSON list of {value, text, article_id, title, published, source, position}, by value.")
@click.option("--markdown", is_flag=True, help="A Markdown table, its rows linked to the articles' notes.")
@click.pass_context
def timeline_command(ctx: click.Context, db: Path | None, entity: str, query: str, limit: int, as_json: bool,
                     markdown: bool) -> None:
    """The dates mentioned across the library, ordered by the date mentioned (not the date published)."""
    library = library_of(ctx, db)
    rows = library.knowledge.timeline(query, _entity(library, entity) if entity else None, limit)
    if markdown:
        click.echo(timeline_markdown(rows), nl=False)
        return
    if as_json:
        click.echo(json_line([{"value": r.value, "text": r.text, "article_id": r.article_id, "title": r.title,
                               "published": r.published, "source": r.source, "position": r.position}
                              for r in rows]))
        return
    for r in rows:
        say(f"{r.value:<16} {r.text:<24} {r.published}  {r.source}  {r.title}")


@main.command("alias")
@click.argument("name")
@click.argument("entity")
@db_option
@click.pass_context
def alias_command(ctx: click.Context, name: str, entity: str, db: Path | None) -> None:
    """NAME is another name of ENTITY (from now on, and for everything stored)."""
    _, changed = library_of(ctx, db).add_rule(name, "alias", target=entity)
    say(f"{name} is {entity} from now on ({changed} entit{'y' if changed == 1 else 'ies'} folded in)")


@main.command("merge")
@click.argument("name")
@click.argument("label", type=click.Choice(LABELS, case_sensitive=False))
@click.argument("entity")
@click.argument("entity_label", type=click.Choice(LABELS, case_sensitive=False))
@db_option
@click.pass_context
def merge_command(ctx: click.Context, name: str, label: str, entity: str, entity_label: str, db: Path | None) -> None:
    """The entity NAME of LABEL is the entity ENTITY of ENTITY_LABEL."""
    library_of(ctx, db).add_rule(name, "merge", label.upper(), target=entity, target_label=entity_label.upper())
    say(f"{name} ({label.upper()}) is part of {entity} ({entity_label.upper()}) from now on")


@main.command("hide")
@click.argument("name")
@db_option
@click.pass_context
def hide_command(ctx: click.Context, name: str, db: Path | None) -> None:
    """NAME is never an entity: it leaves the index, the pages and the filters (its highlight stays)."""
    _, changed = library_of(ctx, db).add_rule(name, "hide")
    say(f"{name} is hidden from now on ({changed} entit{'y' if changed == 1 else 'ies'})")
