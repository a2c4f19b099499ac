"""What the knowledge base finds, as files: an entity's page as a Markdown note whose paragraphs link to
the articles' notes (wikilinks, so an Obsidian vault shows backlinks), the timeline as a Markdown table,
entities and mentions as CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from newsgloss.store.export import block_id, file_name_for, markdown_text, slug, yaml_string
from newsgloss.store.models import DateMention, EntitySummary, MentionHit


def entity_file_name(entity: EntitySummary) -> str:
    return f"{slug(entity.name) or 'entity'}-{entity.label.lower()}.md"


def _wikilink(hit: MentionHit) -> str:
    stem = file_name_for(hit.article_id, hit.published, hit.title).removesuffix(".md")
    label = markdown_text(f"{hit.title}, ¶{hit.position + 1}").replace("|", "/").replace("]", ")")
    return f"[[{stem}#^{block_id(hit.position)}|{label}]]"


def _cell(text: str) -> str:
    return markdown_text(" ".join(text.split())).replace("|", "\\|")


def entity_markdown(entity: EntitySummary, hits: Sequence[MentionHit],
                    together: Sequence[tuple[EntitySummary, int]], dates: Sequence[DateMention]) -> str:
    """One note per entity: what it is, every paragraph naming it (each linked to its article's note), the
    entities named with it (linked to theirs), and the dates mentioned beside it."""
    lines = ["---", f"name: {yaml_string(entity.name)}", f"label: {yaml_string(entity.label)}",
             "aliases: [" + ", ".join(yaml_string(a) for a in entity.aliases) + "]",
             f"articles: {entity.articles}", f"mentions: {entity.mentions}",
             f"first_seen: {yaml_string(entity.first_seen)}", f"last_seen: {yaml_string(entity.last_seen)}", "---",
             "", f"# {markdown_text(entity.name)}", "", "## Named in", ""]
    for hit in hits:
        lines += ["> " + markdown_text(" ".join(hit.text.split())), "", f"— {_wikilink(hit)}", ""]
    if together:
        lines += ["## Named with", ""]
        lines += [f"- [[{entity_file_name(other).removesuffix('.md')}|{markdown_text(other.name)}]] ({count})"
                  for other, count in together]
        lines.append("")
    if dates:
        lines += ["## Dates beside it", "", timeline_markdown(dates)]
    return "\n".join(lines).rstrip("\n") + "\n"


def timeline_markdown(rows: Sequence[DateMention]) -> str:
    """The timeline as a Markdown table, by the date mentioned (TIMEX3 values, as exports keep them)."""
    lines = ["| date mentioned | words | article | published | source |", "| --- | --- | --- | --- | --- |"]
    for row in rows:
        stem = file_name_for(row.article_id, row.published, row.title).removesuffix(".md")
        link = f"[[{stem}#^{block_id(row.position)}\\|{_cell(row.title)}]]"
        lines.append(f"| {_cell(row.value)} | {_cell(row.text)} | {link} | {row.published} | {_cell(row.source)} |")
    return "\n".join(lines) + "\n"


def entities_csv(entities: Sequence[EntitySummary]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", "label", "articles", "mentions", "first_seen", "last_seen", "aliases"])
    for e in entities:
        writer.writerow([e.name, e.label, e.articles, e.mentions, e.first_seen, e.last_seen, "; ".join(e.aliases)])
    return out.getvalue()


def mentions_csv(hits: Sequence[MentionHit]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["article_id", "title", "published", "source", "position", "start", "end", "name", "paragraph"])
    for hit in hits:
        for start, end in hit.marks:
            writer.writerow([hit.article_id, hit.title, hit.published, hit.source, hit.position, start, end,
                             hit.text[start:end], hit.text])
    return out.getvalue()
