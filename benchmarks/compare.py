"""This checkout against another one (an earlier commit), side by side in one run.

    git worktree add /tmp/base COMMIT
    .venv/bin/python -m benchmarks.compare /tmp/base [--this CHECKOUT] [--size 100000] [--runs 3]

Both run from the same interpreter and packages, each with its own code first on the path, on the
same library; runs are interleaved so both see the same load. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import compileall
import sys
from pathlib import Path

from benchmarks import measure
from benchmarks.synth import write_library

HERE = Path(__file__).resolve().parent.parent


def program(root: Path) -> tuple[str, ...]:
    """`newsgloss` from the code in `root` (its child processes too: the background annotator); a checkout
    from before the code moved under `newsgloss` has it at the top level."""
    cli = "newsgloss.tui.cli" if (root / "newsgloss" / "__init__.py").exists() else "tui.cli"
    return ("env", f"PYTHONPATH={root}", sys.executable, "-c",
            f"import sys; sys.argv[0] = 'newsgloss'; from {cli} import main; main()")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("other", type=Path, help="a checkout of the commit to compare with")
    parser.add_argument("--this", type=Path, default=HERE, help="the checkout compared (default: this one)")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path(__file__).parent / ".data")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    checkouts = {"before": args.other.resolve(), "after": args.this.resolve()}
    for root in checkouts.values():
        for package in ("tui", "store"):
            compileall.compile_dir(root / package, quiet=1)
    library = write_library(args.size, args.work / f"library-{args.size}.jsonl")
    results: dict[str, dict[str, list[float]]] = {name: {} for name in checkouts}
    for _ in range(args.runs):
        for name, root in checkouts.items():
            db = args.work / f"compare-{name}.db"
            seconds, _ = measure.ingest(library, db, program(root))
            results[name].setdefault("ingest (s)", []).append(seconds)
            print(name, "ingest", f"{seconds:.1f}", file=sys.stderr, flush=True)
    for name in checkouts:  # both open an annotated article, the same way
        measure.annotate_newest(args.work / f"compare-{name}.db")
    for _ in range(max(args.runs, 3)):
        for name, root in checkouts.items():
            screen = measure.first_screen(args.work / f"compare-{name}.db", args.size, program(root))
            results[name].setdefault("first screen (s)", []).append(screen["first"])
            results[name].setdefault("open an article (ms)", []).append(screen["open"] * 1000)
            results[name].setdefault("G to the last (ms)", []).append(screen["last"] * 1000)
    print(f"| {args.size:,} articles, median (min-max) of {args.runs}+ runs | before | after | after/before |")
    print("| --- | --- | --- | --- |")
    for row in results["after"]:
        before, after = (measure.summary(results[name][row]) for name in ("before", "after"))
        print(f"| {row} | {before[0]:.3f} ({before[1]:.3f}-{before[2]:.3f}) | {after[0]:.3f} "
              f"({after[1]:.3f}-{after[2]:.3f}) | {after[0] / before[0]:.2f} |")


if __name__ == "__main__":
    main()
