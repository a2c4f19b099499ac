"""Markdown with YAML front matter (title, source, url, published, author)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import yaml

from newsgloss.store.clean import fold_spaces
from newsgloss.store.importers.base import ImportProblem, Record, Source, as_text, parse_published, title_from
from newsgloss.store.models import Draft
from newsgloss.store.paragraphs import split_glued

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


@lru_cache(maxsize=1)
def _parser():
    """A CommonMark parser with tables and strikethrough (markdown-it-py, which Rich uses too)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def front_matter(text: str) -> tuple[dict, str]:
    """Split YAML front matter from the body; a broken block is an import problem."""
    match = _FRONT.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        raise ImportProblem(f"front matter is not valid YAML{where}") from None
    except (ValueError, TypeError, RecursionError) as error:  # a date like 2024-02-30, nesting too deep
        raise ImportProblem(f"front matter has a value YAML cannot read ({type(error).__name__}: "
                            f"{' '.join(str(error).split())[:80]})") from None
    if not isinstance(meta, dict):
        raise ImportProblem("front matter is not a mapping of fields")
    return meta, text[match.end():]


def plain_inline(text: str) -> str:
    """Markdown inline syntax reduced to the words it shows (links keep their text, images go)."""
    tokens = _parser().parseInline(text)
    return _words(tokens[0].children or []) if tokens else text


def _words(children: list) -> str:
    """The text inline tokens show: escapes undone, links as their text, images and raw HTML left out."""
    out: list[str] = []
    for token in children:
        if token.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif token.type in ("text", "code_inline"):
            out.append(token.content)
        # an image, and raw HTML such as <b>, show no words of their own
    return fold_spaces("".join(out))


def _blocks(body: str) -> Iterator[tuple[str, str]]:
    """(kind, text) for each block of the body: heading level ("h1"...), "p" for a paragraph, a list item,
    a table row or a code block."""
    tokens = _parser().parse(body)
    heading = ""
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            heading = token.tag
        elif token.type == "inline":
            kind = heading if heading else "p"
            heading = ""
            if tokens[index - 1].type in ("th_open", "td_open"):
                continue  # table cells are joined by row below
            text = _words(token.children or [])
            if text:
                yield kind, text
        elif token.type == "tr_open":
            cells = []
            for inner in tokens[index + 1:]:
                if inner.type == "tr_close":
                    break
                if inner.type == "inline":
                    cells.append(_words(inner.children or []))
            if any(cells):
                yield "p", " | ".join(cells)
        elif token.type in ("fence", "code_block") and token.content.strip():
            yield "p", fold_spaces(" ".join(token.content.split()))


def read(source: Source) -> Iterator[Record]:
    """The reader for .md files."""
    yield Record("", parse_markdown(source.text(), source.name))


def parse_markdown(text: str, origin: str = "") -> Draft:
    """Read a Markdown article: a leading `# Heading` is the title when the front matter has none; each
    paragraph, list item, quoted paragraph and table row is a paragraph of the article."""
    meta, body = front_matter(text)
    title = plain_inline(as_text(meta.get("title")))
    paragraphs: list[str] = []
    for kind, block in _blocks(body):
        if kind == "h1" and not paragraphs and (not title or block.casefold() == title.casefold()):
            title = title or block
            continue
        paragraphs.extend(split_glued(block))
    return Draft(
        title=title or (title_from(paragraphs[0]) if paragraphs else ""),
        paragraphs=tuple(paragraphs),
        source=as_text(meta.get("source")),
        url=as_text(meta.get("url")),
        author=as_text(meta.get("author")),
        published=parse_published(meta.get("published") or meta.get("date")),
        caption=as_text(meta.get("caption")),
        origin=origin,
    )
