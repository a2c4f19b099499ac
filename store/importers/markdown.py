"""Markdown with YAML front matter (title, source, url, published, author)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from store.importers.base import ImportProblem, Record, Source, as_text, parse_published, title_from
from store.models import Draft
from store.paragraphs import split_glued

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),
    (re.compile(r"`([^`]+)`"), r"\1"),
]
_BLOCK_PREFIX = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?=\S))")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_HEADING = re.compile(r"^\s{0,3}#\s+(.+?)\s*#*\s*$")


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
    """Markdown inline syntax reduced to the words it shows."""
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text


def read(source: Source) -> Iterator[Record]:
    """The reader for .md files."""
    yield Record("", parse_markdown(source.text(), source.name))


def parse_markdown(text: str, origin: str = "") -> Draft:
    """Read a Markdown article; a leading `# Heading` is the title when the front matter has none."""
    meta, body = front_matter(text)
    title = as_text(meta.get("title"))
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", body):
        if not block.strip() or _RULE.match(block):
            continue
        heading = _HEADING.match(block)
        if heading and not paragraphs and (not title or heading.group(1).casefold() == title.casefold()):
            title = title or heading.group(1)
            continue
        lines = [_BLOCK_PREFIX.sub("", line) for line in block.split("\n")]
        paragraphs.extend(split_glued(plain_inline(" ".join(lines))))
    return Draft(
        title=plain_inline(title) or (title_from(paragraphs[0]) if paragraphs else ""),
        paragraphs=tuple(paragraphs),
        source=as_text(meta.get("source")),
        url=as_text(meta.get("url")),
        author=as_text(meta.get("author")),
        published=parse_published(meta.get("published") or meta.get("date")),
        caption=as_text(meta.get("caption")),
        origin=origin,
    )
