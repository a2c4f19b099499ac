"""JSON Lines (one article per line) and JSON (one article or a list of them)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from newsgloss.store.clean import clean_text
from newsgloss.store.importers.base import BadLine, ImportProblem, Record, Source, as_text, parse_published, title_from
from newsgloss.store.models import Draft
from newsgloss.store.paragraphs import split_paragraphs


def draft_from_record(record: object, origin: str) -> Draft:
    """One article from a JSON object; wrong types are an import problem, not a crash."""
    if not isinstance(record, dict):
        raise ImportProblem("not a JSON object")
    body = record.get("body", record.get("text"))
    if not isinstance(body, str) or not body.strip():
        raise ImportProblem('no "body" or "text" string')
    paragraphs = split_paragraphs(clean_text(body), single_newlines="\n\n" not in body)
    if not paragraphs:
        raise ImportProblem("no text left once control characters are removed")
    title = clean_text(as_text(record.get("title")))
    return Draft(
        title=title or title_from(paragraphs[0]),
        paragraphs=tuple(paragraphs),
        source=clean_text(as_text(record.get("source"))),
        url=clean_text(as_text(record.get("url") or record.get("link"))),
        author=clean_text(as_text(record.get("author"))),
        published=parse_published(record.get("published") or record.get("date")),
        origin=origin,
    )


def read_lines(lines: Iterable[str | BadLine], origin: str = "", start: int = 1) -> Iterator[Record]:
    """A record for every non-blank line (numbered from `start`)."""
    for number, line in enumerate(lines, start=start):
        place = str(number)
        if isinstance(line, BadLine):
            yield Record(place, problem=line.reason)
            continue
        if not line.strip():
            continue
        try:
            yield Record(place, draft_from_record(json.loads(line), f"{origin}:{place}"))
        except json.JSONDecodeError as error:
            yield Record(place, problem=f"not valid JSON ({error.msg} at column {error.colno})")
        except ImportProblem as problem:
            yield Record(place, problem=str(problem))
        except (ValueError, RecursionError) as error:  # a 5,000-digit number, nesting deeper than Python goes
            yield Record(place, problem=f"not readable JSON ({type(error).__name__})")


def read_jsonl(source: Source) -> Iterator[Record]:
    """The reader for JSON Lines: one article per line, the file streamed."""
    return read_lines(source.lines(), source.name)


def read_json(source: Source) -> Iterator[Record]:
    """The reader for JSON: one article object, or a list of them."""
    try:
        data = json.loads(source.text())
    except json.JSONDecodeError as error:
        raise ImportProblem(f"not valid JSON ({error.msg} at line {error.lineno})") from None
    except (ValueError, RecursionError) as error:
        raise ImportProblem(f"not readable JSON ({type(error).__name__})") from None
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, start=1):
        place = str(number) if isinstance(data, list) else ""
        try:
            yield Record(place, draft_from_record(record, f"{source.name}:{place}" if place else source.name))
        except ImportProblem as problem:
            yield Record(place, problem=str(problem))
