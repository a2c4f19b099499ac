"""Annotating the articles whose spans are not stored yet, in a process of its own.

The app starts one so that hours of model work never compete with the screen for the interpreter.
Its progress comes back as typed events (AnnotationProgress, AnnotationStopped), pickled one after
another on the process's output. Each article is stored in its own transaction, so stopping the
process at any point loses nothing; it stops by itself when the program that started it is gone.

    python -m newsgloss.store.jobs.backlog LIBRARY
"""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from newsgloss.store.models import AnnotationEvent, AnnotationProgress, AnnotationStopped, StoreError

LONG_BACKLOG = 200  # articles: fewer are done before a second process would have loaded the model
ONE_THREAD = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}


class BackgroundAnnotation:
    """One run of the annotator over a library's pending articles, in another process."""

    def __init__(self, path: Path) -> None:
        # Not multiprocessing: under Textual, sys.stderr is not a real file, and spawning fails.
        self._process = subprocess.Popen(
            [sys.executable, "-m", "newsgloss.store.jobs.backlog", str(path)], env={**os.environ, **ONE_THREAD},
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )

    def events(self) -> Iterator[AnnotationEvent]:
        """Each event as it arrives, until the run ends (or is stopped)."""
        assert self._process.stdout is not None
        while True:
            try:
                event = pickle.load(self._process.stdout)
            except (EOFError, OSError, pickle.UnpicklingError, ValueError):
                return
            if isinstance(event, AnnotationProgress | AnnotationStopped):
                yield event

    @property
    def running(self) -> bool:
        return self._process.poll() is None

    def stop(self) -> None:
        """End the run now (what it stored stays stored)."""
        if self._process.poll() is None:
            self._process.terminate()
        self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()


def _send(out: BinaryIO, event: AnnotationEvent) -> None:
    pickle.dump(event, out)
    out.flush()


def main(argv: list[str]) -> int:
    """The background process: annotate everything pending, sending an event after each article."""
    from newsgloss.store.library import Library

    parent = os.getppid()
    os.nice(10)  # background work: the screen the person is looking at comes first
    out = os.fdopen(os.dup(1), "wb")  # events only: anything printed by a library goes where stderr goes
    os.dup2(2, 1)
    try:
        library = Library.open(argv[1])
        try:
            # A long backlog uses two cores: this process and its workers run at a lower priority (nice 10),
            # so the app's keys still come first (docs/benchmarks.md: key-to-paint while annotating).
            processes = min(2, os.cpu_count() or 1) if library.count_unannotated() >= LONG_BACKLOG else 1
            library.annotate_pending(progress=lambda event: _send(out, event),
                                     cancelled=lambda: os.getppid() != parent, processes=processes)
        finally:
            library.close()
    except (StoreError, OSError) as error:
        with contextlib.suppress(OSError):  # the app stopped listening: nothing to tell
            _send(out, AnnotationStopped(" ".join(str(error).split())))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
