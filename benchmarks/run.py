"""One command for every speed and memory figure; writes docs/benchmarks.md.

    .venv/bin/python -m benchmarks.run [--sizes 1000,10000,100000] [--runs 3] [--out docs/benchmarks.md]

Libraries are built deterministically (benchmarks/synth.py, seeded) in --work (default
benchmarks/.data, not committed). newsboat is measured on the same articles when it is installed.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import measure, newsboat
from benchmarks.synth import write_library

TARGETS = {"first": 0.25, "first_memory": 100, "open": 0.030, "ingest": 15.0, "ingest_memory": 300,
           "search": 0.020, "annotate_on_open": 0.150}


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), "?")
    memory = int(Path("/proc/meminfo").read_text().split()[1]) // 1024 // 1024
    return f"{cpu}, {os.cpu_count()} cores, {memory} GiB, Python {platform.python_version()}, {platform.system()}"


def _row(name: str, values: list[float], unit: str, target: float | None, scale: float = 1.0) -> str:
    median, low, high = measure.summary(values)
    fmt = (lambda v: f"{v * scale:.0f}") if scale != 1.0 else (lambda v: f"{v:.3f}")
    verdict = "" if target is None else (" ✓" if median <= target else " ✗")
    goal = "" if target is None else f"≤ {target * scale:g} {unit}"
    return f"| {name} | {fmt(median)}{verdict} | {fmt(low)} | {fmt(high)} | {goal} |"


def bench_size(count: int, runs: int, work: Path) -> list[str]:
    library = write_library(count, work / f"library-{count}.jsonl")
    db = work / f"library-{count}.db"
    ingests = [measure.ingest(library, db) for _ in range(runs)]
    index = measure.index_alone(db)
    measure.annotate_newest(db)
    screens, plain = [], []
    for _ in range(max(runs, 3)):  # interleaved, so both see the same load on a shared machine
        screens.append(measure.first_screen(db, count))
        plain.append(measure.plain_first_screen(db, count))
    searches = measure.search(db)
    rows = [
        _row(f"ingest {count:,} (s)", [t for t, _ in ingests], "s", TARGETS["ingest"] if count == 100_000 else None),
        _row(f"ingest {count:,}: of which the full-text index alone (rebuilt once, s)", [index], "s", None),
        _row(f"ingest {count:,}: peak memory (MB)", [m / 1024 for _, m in ingests], "MB", TARGETS["ingest_memory"]),
        _row(f"first screen {count:,} (s)", [s["first"] for s in screens], "s", TARGETS["first"]),
        _row(f"plain Textual lazy list, same run: first screen {count:,} (s)", [p for p, _ in plain], "s", None),
        _row(f"first screen {count:,}: memory (MB)", [s["memory"] / 1024 for s in screens], "MB",
             TARGETS["first_memory"]),
        _row(f"G to the last of {count:,} (ms)", [s["last"] for s in screens], "ms", None, 1000),
        _row(f"open an article, {count:,} (ms)", [s["open"] for s in screens], "ms", TARGETS["open"], 1000),
        _row(f"plain Textual, same run: open into a Static, {count:,} (ms)", [o for _, o in plain], "ms", None, 1000),
        _row(f"search, {count:,} (ms per query)", searches, "ms", TARGETS["search"], 1000),
    ]
    if newsboat.available():
        result = [newsboat.measure(library, count) for _ in range(runs)]
        rows += [
            _row(f"newsboat: ingest {count:,} (s)", [r["ingest"] for r in result], "s", None),
            _row(f"newsboat: ingest {count:,}: peak memory (MB)", [r["ingest_memory"] / 1024 for r in result], "MB",
                 None),
            _row(f"newsboat: first screen {count:,} (s)", [r["first"] for r in result], "s", None),
            _row(f"newsboat: usable (item list open) {count:,} (s)", [r["usable"] for r in result], "s", None),
            _row(f"newsboat: memory, item list open, {count:,} (MB)", [r["memory"] / 1024 for r in result], "MB",
                 None),
        ]
    return rows


def compile_bytecode() -> None:
    """Compile newsgloss's own modules, as installing a package does. An editable install does not,
    and with PYTHONDONTWRITEBYTECODE set (as on this machine) Python would compile them again at every
    start: ~25 ms of each first screen."""
    root = Path(__file__).parent.parent
    for package in ("tui", "store"):
        compileall.compile_dir(root / package, quiet=1)


def report(sizes: list[int], runs: int, work: Path) -> str:
    compile_bytecode()
    lines = [
        "# Benchmarks",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}.",
        f"Command: `.venv/bin/python -m benchmarks.run --sizes {','.join(map(str, sizes))} --runs {runs}`. "
        "Synthetic libraries of ~600-word articles (seeded; names, places and dates in the text). "
        "Screens are timed through the real `newsgloss` program in a pseudo-terminal (120×40) until the "
        "text appears; memory is the process's peak resident set (at the first screen, for screens). "
        "newsgloss's modules are compiled to bytecode first, as an installed package's are. "
        "The machine is shared: read medians, and compare rows measured in the same run.",
        "",
        "| measure | median | min | max | target |",
        "| --- | --- | --- | --- | --- |",
    ]
    for count in sizes:
        lines += bench_size(count, runs, work)
    lines.append(_row("annotate on open, 1,000 words, model loaded (ms)", measure.annotate_on_open(), "ms",
                      TARGETS["annotate_on_open"], 1000))
    speed = measure.annotation_speed(write_library(sizes[0], work / f"library-{sizes[0]}.jsonl"))
    raw = speed["raw spaCy NER"]
    lines += ["", "## Annotation speed (same text, words per second)", "", "| pipeline | words/s | vs raw spaCy |",
              "| --- | --- | --- |"]
    lines += [f"| {name} | {wps:,.0f} | {wps / raw:.0%} |" for name, wps in speed.items()]
    if not newsboat.available():
        lines += ["", "newsboat is not installed here (`apt-get install newsboat`), so its columns are missing."]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path(__file__).parent / ".data")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent.parent / "docs" / "benchmarks.md")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    text = report([int(s) for s in args.sizes.split(",")], args.runs, args.work)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
