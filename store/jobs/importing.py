"""Import runs: inputs are read (pure), prepared (on worker processes for large JSONL), and stored a batch
at a time through the Library. One typed outcome per article or problem, in input order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from newsgloss import SAMPLES
from newsgloss.store.drafts import Prepared
from newsgloss.store.importers import ImportProblem, Source, expand, jsonl, reader_for
from newsgloss.store.jobs.parallel import Ready, prepare_jsonl, ready, worth_it
from newsgloss.store.models import ImportOutcome, StoreError

if TYPE_CHECKING:
    from newsgloss.store.library import Library

BATCH = 1000  # articles to a transaction


def ready_records(source: Source) -> Iterator[Ready]:
    """(place, prepared article or why it is skipped) for each article of one input; an input that cannot
    be read at all raises ImportProblem."""
    reader = reader_for(source)
    if reader is jsonl.read_jsonl and source.path is not None and worth_it(source.path):
        yield from prepare_jsonl(source.lines(), source.name)
        return
    for record in reader(source):
        yield ready(record)


def one_line(error: BaseException) -> str:
    """An error's message on one line, not too long."""
    text = " ".join(str(error).split())
    return text if len(text) <= 120 else text[:119] + "…"


def _stored(library: Library, source: Source, window: list[Ready]) -> Iterator[ImportOutcome]:
    """Store the articles of `window` in one transaction; an outcome for each entry, in order."""
    items = [item for _, item in window if isinstance(item, Prepared)]
    results = iter(library.store_prepared(items) if items else [])
    for place, item in window:
        if isinstance(item, Prepared):
            status, article_id = next(results)
            yield ImportOutcome(source.name, status, place, title=item.title, article_id=article_id)
        else:
            yield ImportOutcome(source.name, "skipped", place, reason=item)


def import_source(library: Library, source: Source, batch: int = BATCH) -> Iterator[ImportOutcome]:
    """Import one input. Nothing in it can stop the others: whatever goes wrong is a `skipped` outcome."""
    window: list[Ready] = []
    seen = 0
    try:
        for entry in ready_records(source):
            seen += 1
            window.append(entry)
            if len(window) >= batch:
                yield from _stored(library, source, window)
                window = []
    except ImportProblem as problem:
        yield from _stored(library, source, window)
        yield ImportOutcome(source.name, "skipped", reason=str(problem))
        return
    except (StoreError, KeyboardInterrupt):
        raise
    except Exception as error:
        yield from _stored(library, source, window)
        yield ImportOutcome(source.name, "skipped", reason=f"cannot read ({type(error).__name__}: {one_line(error)})")
        return
    yield from _stored(library, source, window)
    if not seen:
        yield ImportOutcome(source.name, "skipped", reason="no articles in it")


def import_paths(library: Library, paths: Iterable[Path | str], batch: int = BATCH) -> Iterator[ImportOutcome]:
    """Import files, folders and feed addresses, one input after another."""
    for source in expand(paths):
        yield from import_source(library, source, batch)


def seed(library: Library, folder: Path = SAMPLES) -> list[ImportOutcome]:
    """Import the sample articles (annotation is left to run in the background)."""
    if not folder.is_dir():
        return []
    return list(import_paths(library, [folder]))
