"""Plain text in the sample's shape: a `date` line with a caption, paragraphs, the outlet last."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsgloss.store.clean import clean_line
from newsgloss.store.importers.base import Record, Source, parse_published, title_from
from newsgloss.store.models import Draft
from newsgloss.store.paragraphs import split_paragraphs

_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*(.*)$", re.IGNORECASE)
_CAPTION = re.compile(r"\bPhoto:\s*\S[^.]{0,60}\.?\s*$")
_SENTENCE_END = re.compile(r"[.!?:;\"'\u201d\u2019)]$")


def _source_line(lines: list[str]) -> str:
    """The last line is the outlet when it is short and not a sentence."""
    if len(lines) < 2:
        return ""
    last = lines[-1].strip()
    if len(last) <= 40 and len(last.split()) <= 4 and not _SENTENCE_END.search(last):
        return last
    return ""


def _title_line(lines: list[str]) -> str:
    """A first line that reads as a headline (short, no full stop) and is followed by text."""
    first = lines[0].strip()
    if len(lines) > 1 and len(first) <= 140 and not first.endswith((".", ",", ";", ":")) and len(first.split()) >= 2:
        return first
    return ""


def read(source: Source) -> Iterator[Record]:
    """The reader for .txt files."""
    yield Record("", parse_text(source.text(), source.name))


def parse_text(text: str, origin: str = "") -> Draft:
    """Read a plain-text article; see DESIGN.md for the shape of the sample."""
    lines = [line for line in text.split("\n") if line.strip()]
    published = caption = title = ""
    if lines and (match := _DATE_LINE.match(lines[0])):
        published, rest = parse_published(match.group(1)), match.group(2).strip()
        lines = lines[1:]
        if rest and _CAPTION.search(rest):
            caption = rest
        elif rest:
            lines.insert(0, rest)
    source = _source_line(lines)
    if source:
        lines = lines[:-1]
    if lines and (title := _title_line(lines)):
        lines = lines[1:]
    paragraphs = split_paragraphs("\n".join(lines), keep=(source,) if source else ())
    if not title and paragraphs:
        title = title_from(paragraphs[0])
    return Draft(
        title=clean_line(title), paragraphs=tuple(paragraphs), source=source, published=published,
        caption=caption, origin=origin,
    )
