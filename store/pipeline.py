"""Work that spans the store and the annotator: annotating pending articles, seeding samples."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from store.importers import import_paths
from store.models import ImportOutcome
from store.store import Store

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"


def annotate_article(store: Store, article_id: int) -> None:
    """Run the annotator on one article and store its spans."""
    from store.annotate import annotate_paragraphs

    dct, texts = store.annotation_input(article_id)
    store.save_spans(article_id, annotate_paragraphs(texts, dct, store.rules()))


def annotate_pending(
    store: Store,
    progress: Callable[[int, int, int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    batch: int = 50,
    processes: int = 1,
) -> int:
    """Annotate every article whose spans are not stored; returns how many were done.

    Articles go through the model `batch` at a time (on `processes` processes); each
    article is saved in its own transaction, so stopping part-way loses nothing.
    """
    from store.annotate import annotate_articles

    total, done = store.count_unannotated(), 0
    rules = store.rules()
    while not cancelled():
        ids = store.unannotated(limit=batch)
        if not ids:
            break
        inputs = [store.annotation_input(article_id) for article_id in ids]
        for article_id, spans in zip(ids, annotate_articles(inputs, rules, processes)):
            if cancelled():
                return done
            store.save_spans(article_id, spans)
            done += 1
            if progress:
                progress(done, total, article_id)
    return done


def seed(store: Store, folder: Path = SAMPLES) -> list[ImportOutcome]:
    """Import the sample articles (annotation is left to run in the background)."""
    if not folder.is_dir():
        return []
    return list(import_paths(store, [folder]))
