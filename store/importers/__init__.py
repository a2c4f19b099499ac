"""Importers: one reader per input format, found by the file's suffix. Pure: text in, drafts out, no SQL.

A new format is a module with a `read(source) -> Iterator[Record]` function (see base.py) and a line
in READERS below.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgloss.store.importers import feed, html, jsonl, markdown, text
from newsgloss.store.importers.base import ImportProblem, Reader, Record, Source

READERS: dict[str, Reader] = {
    **dict.fromkeys((".txt", ".text"), text.read),
    **dict.fromkeys((".md", ".markdown"), markdown.read),
    **dict.fromkeys((".jsonl", ".ndjson"), jsonl.read_jsonl),
    ".json": jsonl.read_json,
    **dict.fromkeys((".html", ".htm"), html.read),
    **dict.fromkeys((".xml", ".rss", ".atom"), feed.read),
}

__all__ = ["READERS", "ImportProblem", "Reader", "Record", "Source", "expand", "is_url", "reader_for"]


def is_url(path: Path | str) -> bool:
    return str(path).lower().startswith(("http://", "https://"))


def expand(paths: Iterable[Path | str]) -> Iterator[Source]:
    """The files named, the feed addresses named, standard input for "-" (JSON Lines), and the supported
    files inside folders (sorted, hidden ones skipped)."""
    for item in paths:
        if str(item) == "-":
            yield Source("-", stdin=True)
            continue
        if is_url(item):
            yield Source(str(item), url=str(item))
            continue
        path = Path(item)
        if path.is_dir():
            unreadable: list[OSError] = []
            for root, dirs, files in os.walk(path, onerror=unreadable.append):
                yield from _unreadable(unreadable)
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and Path(name).suffix.lower() in READERS:
                        yield Source(str(Path(root) / name), Path(root) / name)
            yield from _unreadable(unreadable)
        else:
            yield Source(str(item), path)


def _unreadable(errors: list[OSError]) -> Iterator[Source]:
    """Folders that could not be listed, as inputs that say so."""
    while errors:
        error = errors.pop(0)
        yield Source(str(error.filename), Path(error.filename), problem=f"cannot read the folder: {error.strerror}")


def reader_for(source: Source) -> Reader:
    """The reader of a source (an ImportProblem when none reads it)."""
    if source.problem:
        raise ImportProblem(source.problem)
    if source.stdin:
        return jsonl.read_jsonl
    if source.url:
        return feed.read
    assert source.path is not None
    reader = READERS.get(source.path.suffix.lower())
    if reader is None:
        raise ImportProblem(f"unsupported file type {source.path.suffix or '(none)'!r}")
    if not source.path.is_file():
        raise ImportProblem("not a regular file" if source.path.exists() else "cannot read: no such file")
    return reader
