"""Large JSON Lines files are read and prepared on the other cores while this one writes to SQLite."""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from newsgloss.store.drafts import MAX_ARTICLE_CHARS, Prepared, prepare
from newsgloss.store.importers.base import BadLine, Record
from newsgloss.store.importers.jsonl import read_lines

Ready = tuple[str, Prepared | str]  # where in the input, and the article ready to store or why it is skipped

PARALLEL_BYTES = 8 * 1024 * 1024  # smaller files are done in this process: starting workers costs more
CHUNK_LINES = 250
IN_FLIGHT = 8  # chunks handed out at once per worker: enough to keep them busy, little memory


def worth_it(path: Path) -> bool:
    """Whether a JSONL file is large enough, and the machine has cores enough, for worker processes."""
    try:
        return (os.cpu_count() or 1) > 1 and path.stat().st_size >= PARALLEL_BYTES
    except OSError:
        return False


def ready(record: Record) -> Ready:
    """A record prepared for storing, or the reason it cannot be stored."""
    if record.draft is None:
        return record.place, record.problem
    if (size := sum(len(p) for p in record.draft.paragraphs)) > MAX_ARTICLE_CHARS:
        return record.place, f"{size:,} characters of text: more than one article may hold ({MAX_ARTICLE_CHARS:,})"
    return record.place, prepare(record.draft) or "no text"


def prepare_lines(job: tuple[str, int, list[str | BadLine]]) -> list[Ready]:
    """Run in a worker: lines of a JSONL file to records ready to store."""
    origin, first, lines = job
    return [ready(record) for record in read_lines(lines, origin, start=first)]


def _jobs(lines: Iterable[str | BadLine], origin: str) -> Iterator[tuple[str, int, list[str | BadLine]]]:
    iterator, first = iter(lines), 1
    while chunk := list(islice(iterator, CHUNK_LINES)):
        yield origin, first, chunk
        first += len(chunk)


def prepare_jsonl(lines: Iterable[str | BadLine], origin: str) -> Iterator[Ready]:
    """`prepare_lines` over a whole file on worker processes, results in file order, a bounded number of
    chunks in flight (Pool.imap would read the whole file ahead into its queue)."""
    workers = max(1, (os.cpu_count() or 2) - 1)
    # fork: the workers need nothing but this module's functions, and the import command has no threads.
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pending: deque[multiprocessing.pool.AsyncResult[list[Ready]]] = deque()
        for job in _jobs(lines, origin):
            pending.append(pool.apply_async(prepare_lines, (job,)))
            if len(pending) >= IN_FLIGHT * workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
