"""Annotation runs: articles whose spans are not stored go through the model a batch at a time.

The corrections are read again for every batch, and an article is stored only when they have not
changed since its batch began (otherwise it waits for the next batch): a correction made while a
run goes on applies to every article that run stores afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from newsgloss.store.jobs.workers import annotate_on, annotation_pool
from newsgloss.store.models import AnnotationEvent, AnnotationProgress

if TYPE_CHECKING:
    from newsgloss.store.library import Library

ATTEMPTS = 5  # an article annotated again when the corrections changed while the model ran


def annotate_article(library: Library, article_id: int) -> None:
    """Run the annotator on one article and store its spans."""
    from newsgloss.store.annotation.annotator import annotate_paragraphs

    for _ in range(ATTEMPTS):
        rules = library.rules()
        dct, texts = library.annotation_input(article_id)
        if library.save_spans(article_id, annotate_paragraphs(texts, dct, rules), rules):
            return


def annotate_pending(
    library: Library,
    progress: Callable[[AnnotationEvent], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    batch: int = 50,
    processes: int = 1,
) -> int:
    """Annotate every article whose spans are not stored; returns how many were stored.

    Articles go through the model `batch` at a time (on `processes` processes); each article is
    stored in its own transaction, so stopping part-way loses nothing.
    """
    while not cancelled() and library.link_pending():  # a library from before entities: linked first (quick)
        pass
    total, done = library.count_unannotated(), 0
    with annotation_pool(processes) as pool:
        while not cancelled():
            ids = library.unannotated(limit=batch)
            if not ids:
                break
            rules = library.rules()
            inputs = [library.annotation_input(article_id) for article_id in ids]
            for article_id, spans in zip(ids, annotate_on(pool, inputs, rules, processes), strict=True):
                if cancelled():
                    return done
                if library.save_spans(article_id, spans, rules):
                    done += 1
                    total = max(total, done)
                    if progress:
                        progress(AnnotationProgress(done, total, article_id))
    return done
