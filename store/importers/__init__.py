"""Importers: every supported file becomes drafts; every input gets one outcome line."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

from store.importers.common import MAX_BYTES, ImportProblem, decode
from store.importers.feed import MAX_FEED_BYTES, fetch, read_feed
from store.importers.html import read_html
from store.importers.jsonl import read_json, read_jsonl
from store.importers.markdown import read_markdown
from store.importers.parallel import prepare_jsonl, worth_it
from store.importers.text import read_text
from store.ingest import Prepared, prepare
from store.models import Draft, ImportOutcome

FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
           ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".html": "html", ".htm": "html",
           ".xml": "feed", ".rss": "feed", ".atom": "feed"}
READERS = {"text": read_text, "markdown": read_markdown, "html": read_html}


def is_url(path: Path | str) -> bool:
    return str(path).lower().startswith(("http://", "https://"))


def expand(paths: Iterable[Path | str]) -> Iterator[Path | str]:
    """Files named, feed addresses named, and the supported files inside folders (sorted, hidden skipped)."""
    for item in paths:
        if is_url(item):
            yield str(item)
            continue
        path = Path(item)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and Path(name).suffix.lower() in FORMATS:
                        yield Path(root) / name
        else:
            yield path


def read_path(path: Path | str) -> Iterator[tuple[str, Draft | ImportProblem]]:
    """Yield (name, draft or problem) for each article a file (or a feed address) holds."""
    name = str(path)
    if is_url(path):
        try:
            yield from read_feed(fetch(name), name)
        except ImportProblem as problem:
            yield name, problem
        return
    path = Path(path)
    kind = FORMATS.get(path.suffix.lower())
    try:
        if kind is None:
            raise ImportProblem(f"unsupported file type {path.suffix or '(none)'!r}")
        if not path.is_file():
            raise ImportProblem("not a regular file" if path.exists() else "cannot read: no such file")
        if kind == "jsonl":
            yield from read_jsonl(stream_lines(path), name)
            return
        if path.stat().st_size > (MAX_FEED_BYTES if kind == "feed" else MAX_BYTES):
            raise ImportProblem(f"larger than {(MAX_FEED_BYTES if kind == 'feed' else MAX_BYTES) // 2**20} MB")
        if kind == "feed":
            yield from read_feed(path.read_bytes(), name)
            return
        text = decode(path.read_bytes())
        if not text.strip():
            raise ImportProblem("empty file")
    except ImportProblem as problem:
        yield name, problem
        return
    except OSError as error:
        yield name, ImportProblem(f"cannot read: {error.strerror or error}")
        return
    if kind == "json":
        yield from read_json(text, name)
        return
    try:
        yield name, READERS[kind](text, name)
    except ImportProblem as problem:
        yield name, problem


def stream_lines(path: Path) -> Iterator[str]:
    """The lines of a JSONL file, decoded one at a time (never the whole file in memory)."""
    with path.open("rb") as handle:
        first = handle.read(2)
        handle.seek(0)
        if first in (b"\xff\xfe", b"\xfe\xff"):
            yield from decode(handle.read()).split("\n")
            return
        for raw in handle:
            try:
                yield raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                yield decode(raw)


def read_prepared(path: Path | str) -> Iterator[tuple[str, Prepared | None | ImportProblem]]:
    """(name, prepared article, None when it has no text, or problem) for each article of one input;
    large JSONL files are prepared on worker processes."""
    if not is_url(path) and FORMATS.get(Path(path).suffix.lower()) == "jsonl" and worth_it(Path(path)):
        yield from prepare_jsonl(stream_lines(Path(path)), str(path))
        return
    for name, item in read_path(path):
        yield name, item if isinstance(item, ImportProblem) else prepare(item)


def _prepared(path: Path | str, slots: deque[list]) -> Iterator[tuple[str, Prepared | None]]:
    """The articles of one input; problems go straight into `slots`, articles leave a slot to fill."""
    for name, item in read_prepared(path):
        if isinstance(item, ImportProblem):
            slots.append([ImportOutcome("skipped", name, str(item))])
        else:
            slots.append([None, name])
            yield name, item


def import_paths(store, paths: Iterable[Path | str]) -> Iterator[ImportOutcome]:
    """Import files and folders into `store`: one outcome per article or problem, in input order."""
    for path in expand(paths):
        # Slots in input order: a problem is ready at once, an article when its batch is stored.
        slots: deque[list] = deque()
        for outcome in store.add_prepared(_prepared(path, slots)):
            slot = next(slot for slot in slots if slot[0] is None)
            slot[0] = ImportOutcome(outcome.status, slot[1], outcome.detail or outcome.name, outcome.article_id)
            while slots and slots[0][0] is not None:
                yield slots.popleft()[0]
        while slots:
            yield slots.popleft()[0]
