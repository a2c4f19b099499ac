"""Annotation on more than one core: a pool of worker processes that die with the process that made them.

spaCy's own `n_process` left its workers behind for ever when the importing command was killed (kill -9):
they waited on a queue nobody would fill. These workers ask the kernel to end them when their parent ends
(PR_SET_PDEATHSIG on Linux) and check, between articles, that it is still there.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.pool
import os
import signal
from collections.abc import Iterator, Sequence

from newsgloss.store.models import EntityRule, Span

Article = tuple[str | None, Sequence[str]]  # the article's date, its paragraphs
_PARENT = 0


def _die_with_parent(parent: int) -> None:
    """Run in each worker as it starts."""
    global _PARENT
    _PARENT = parent
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent went before the request took hold
        os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle


def _annotate(job: tuple[list[Article], list[EntityRule]]) -> list[list[list[Span]]]:
    if os.getppid() != _PARENT:
        os._exit(1)
    from newsgloss.store.annotation.annotator import annotate_articles

    articles, rules = job
    return annotate_articles(articles, rules)


@contextlib.contextmanager
def annotation_pool(processes: int) -> Iterator[multiprocessing.pool.Pool | None]:
    """A pool of `processes` workers (None for one process: the work is done here)."""
    if processes <= 1:
        yield None
        return
    from newsgloss.store.annotation.annotator import load_nlp

    load_nlp()  # loaded once here; the forked workers share it
    context = multiprocessing.get_context("fork")  # the importing command has no threads
    pool = context.Pool(processes, initializer=_die_with_parent, initargs=(os.getpid(),))
    try:
        yield pool
    finally:
        pool.terminate()
        pool.join()


def annotate_on(pool: multiprocessing.pool.Pool | None, articles: Sequence[Article],
                rules: Sequence[EntityRule], processes: int) -> list[list[list[Span]]]:
    """The spans of each article, the articles shared out among the pool's workers in order."""
    from newsgloss.store.annotation.annotator import annotate_articles

    if pool is None or len(articles) < 2 * processes:
        return annotate_articles(articles, rules)
    size = -(-len(articles) // processes)
    jobs = [(list(articles[start:start + size]), list(rules)) for start in range(0, len(articles), size)]
    return [spans for part in pool.map(_annotate, jobs) for spans in part]
