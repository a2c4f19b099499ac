"""Acting on many at 100,000 articles: select the articles a query matches, take 1,000 of them, and star,
archive, tag and mark them read, each one step of the undo journal; then undo each. Times the whole action,
the query included, as a person pressing `*` then a key would wait for it.

    .venv/bin/python -m benchmarks.curation DB [--runs 5]

Works on a copy of DB (the library is left as it was)."""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from functools import partial
from pathlib import Path

QUERY = "after:2015"


def measure(db: Path, runs: int) -> dict[str, list[float]]:
    from newsgloss.store import Library

    library = Library.open(db)
    curation = library.curation
    tag = library.tag_for_key(5) or library.create_tag("follow-up")
    result: dict[str, list[float]] = {}

    def timed(name: str, action) -> None:
        started = time.perf_counter()
        action()
        result.setdefault(name, []).append(time.perf_counter() - started)

    for _ in range(runs):
        started = time.perf_counter()
        chosen = curation.ids(QUERY)[:1000]
        result.setdefault("select 1,000 from a query", []).append(time.perf_counter() - started)
        assert len(chosen) == 1000, len(chosen)
        actions = (("star 1,000", partial(curation.star, chosen)),
                   ("tag 1,000", partial(curation.tag_articles, chosen, tag)),
                   ("mark 1,000 read", partial(curation.set_read, chosen)),
                   ("archive 1,000", partial(curation.archive, chosen)))
        for name, action in actions:
            timed(name, action)
            steps = curation.history(1)
            assert steps[0].changes == 1000, steps[0]  # one undo step, a row for each article
        for name in ("archive", "mark read", "tag", "star"):
            timed(f"undo: {name} 1,000", curation.undo)
    library.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.db.parent) as folder:
        copy = Path(folder) / "curation.db"
        shutil.copy(args.db, copy)
        for suffix in ("-wal", "-shm"):
            if Path(f"{args.db}{suffix}").exists():
                shutil.copy(f"{args.db}{suffix}", f"{copy}{suffix}")
        result = measure(copy, args.runs)
    print(f"| action on 100,000 articles, median (min-max) of {args.runs} | ms | target |")
    print("| --- | --- | --- |")
    for name, values in result.items():
        median = statistics.median(values) * 1000
        verdict = (" ✓" if median <= 1000 else " ✗") if not name.startswith("select") else ""
        print(f"| {name} | {median:.0f}{verdict} ({min(values) * 1000:.0f}-{max(values) * 1000:.0f}) | "
              f"{'≤ 1,000 ms, one undo step' if verdict else ''} |")


if __name__ == "__main__":
    main()
