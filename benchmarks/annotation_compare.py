"""Annotation throughput of this checkout against another one, side by side in one run.

    git worktree add /tmp/base COMMIT
    .venv/bin/python -m benchmarks.annotation_compare /tmp/base [--articles 300] [--runs 5]

Each run is a fresh process with one checkout first on the path, the model loaded before the clock
starts, annotating the same synthetic articles (benchmarks/synth.py) in one process; runs are
interleaved so both see the same load. Prints words per second (median, min-max) and the ratio.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

from benchmarks.synth import write_library

HERE = Path(__file__).resolve().parent.parent
_RUN = r"""
import json, sys, time
from newsgloss.store.annotation.annotator import annotate_articles, load_nlp
records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")][: int(sys.argv[2])]
inputs = [(r["published"], r["body"].split("\n\n")) for r in records]
words = sum(len(p.split()) for _, ps in inputs for p in ps)
load_nlp().pipe(["warm up"])
annotate_articles(inputs[:5])
started = time.perf_counter()
annotate_articles(inputs)
print(json.dumps({"words_per_second": words / (time.perf_counter() - started)}))
"""


def run(root: Path, library: Path, articles: int) -> float:
    out = subprocess.run([sys.executable, "-c", _RUN, str(library), str(articles)], check=True, capture_output=True,
                         text=True, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"})
    return float(json.loads(out.stdout.strip().splitlines()[-1])["words_per_second"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("other", type=Path, help="a checkout of the commit to compare with")
    parser.add_argument("--this", type=Path, default=HERE)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path(__file__).parent / ".data")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    library = write_library(args.articles, args.work / f"library-{args.articles}.jsonl")
    checkouts = {"before": args.other.resolve(), "after": args.this.resolve()}
    speeds: dict[str, list[float]] = {name: [] for name in checkouts}
    for _ in range(args.runs):
        for name, root in checkouts.items():
            speeds[name].append(run(root, library, args.articles))
            print(name, f"{speeds[name][-1]:,.0f} words/s", file=sys.stderr, flush=True)
    before, after = (statistics.median(speeds[n]) for n in ("before", "after"))
    print(f"| annotation, {args.articles} articles, 1 process | before | after | after/before |")
    print("| --- | --- | --- | --- |")
    cells = [f"{statistics.median(v):,.0f} ({min(v):,.0f}-{max(v):,.0f})" for v in speeds.values()]
    print(f"| words per second, median (min-max) of {args.runs} | {cells[0]} | {cells[1]} | {after / before:.2f} |")


if __name__ == "__main__":
    main()
