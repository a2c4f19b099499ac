"""Annotating the articles whose spans are not stored yet, in a process of its own.

    python -m store.backlog DB_PATH

The app starts this so that hours of model work never compete with the screen for the interpreter.
It prints `done total article_id` after each article (each saved in its own transaction, so
stopping at any point loses nothing), `error MESSAGE` if it cannot go on, and stops by itself when
the program that started it is gone.
"""

from __future__ import annotations

import os
import sqlite3
import sys

from store.db import StoreError
from store.pipeline import annotate_pending
from store.store import Store


def main(argv: list[str]) -> int:
    parent = os.getppid()
    os.nice(10)  # background work: the screen the person is looking at comes first
    try:
        store = Store(argv[1])
        try:
            annotate_pending(store, progress=lambda done, total, article_id: print(done, total, article_id, flush=True),
                             cancelled=lambda: os.getppid() != parent)
        finally:
            store.close()
    except (StoreError, sqlite3.Error, OSError) as error:
        print("error", " ".join(str(error).split()), flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
