"""The measurements: each returns seconds (and peak memory in KiB where it says)."""

from __future__ import annotations

import json
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.terminal import start

BIN = str(Path(sys.executable).parent / "newsgloss")
QUERIES = ["ceasefire", "Homs", "election vote", "hello-world", "c++", '"unbalanced', "AND", "*", "minister talks",
           "Geneva Reuters", "aid agency", "securi"]


def vm_hwm(pid: int) -> int:
    """Peak resident KiB of a live process's own address space (reset by exec, unlike ru_maxrss,
    which on Linux carries a forked parent's size into the child)."""
    try:
        return int(Path(f"/proc/{pid}/status").read_text().split("VmHWM:")[1].split()[0])
    except (OSError, IndexError):
        return 0


def run_child(argv: list[str]) -> tuple[float, int]:
    """Run a command to the end: (seconds, peak resident KiB of that process, polled every 20 ms)."""
    started = time.monotonic()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while child.poll() is None:
        peak = max(peak, vm_hwm(child.pid))
        time.sleep(0.02)  # a sampling interval, not a wait for a result
    if child.returncode != 0:
        raise RuntimeError(f"{argv[:3]} failed with status {child.returncode}")
    return time.monotonic() - started, peak


def remove_library(db: Path) -> None:
    """Delete a library file with its WAL and shared-memory files (nothing left to reopen)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


def ingest(library: Path, db: Path, program: tuple[str, ...] = (BIN,)) -> tuple[float, int]:
    """Import a JSONL library into a new database, annotation left for later."""
    remove_library(db)
    return run_child([*program, "import", "--no-annotate", "--db", str(db), str(library)])


def index_alone(db: Path) -> float:
    """Seconds to rebuild the full-text index of a stored library in one transaction: the part of an
    ingest that is FTS5 tokenising and writing the index (the rebuild leaves the same index)."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA cache_size = -65536")
    started = time.monotonic()
    with conn:
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
    conn.close()
    return time.monotonic() - started


def annotate_newest(db: Path, count: int = 30) -> None:
    """Annotate the articles on the first screen, so opening one reads stored spans."""
    from newsgloss.store import Library
    from newsgloss.store.annotation.annotator import annotate_articles

    library = Library.open(db)
    ids = [row.id for row in library.article_page(0, count)]
    todo = [i for i in ids if i in set(library.unannotated(limit=10**9))] if library.count_unannotated() else []
    rules = library.rules()
    annotated = annotate_articles([library.annotation_input(i) for i in todo], rules)
    for article_id, spans in zip(todo, annotated, strict=True):
        library.save_spans(article_id, spans, rules)
    library.close()


def _newest_url(db: Path) -> str:
    """The link of the article at the top of the list: shown only in the reader's header, so its
    appearing marks the article as open."""
    conn = sqlite3.connect(db)
    url = conn.execute("SELECT url FROM articles ORDER BY published DESC, id DESC LIMIT 1").fetchone()[0]
    conn.close()
    return url


def first_screen(db: Path, count: int, program: tuple[str, ...] = (BIN,)) -> dict:
    """The real program in a pty: first screen painted; G to the last article; Enter to read one."""
    conn = sqlite3.connect(db)
    oldest = conn.execute("SELECT min(published) FROM articles").fetchone()[0]
    conn.close()
    newest_url = _newest_url(db)
    session = start([*program, "--db", str(db), "--no-seed"])
    first = session.wait_for(f"{count:,} articles")
    memory = vm_hwm(session.pid)
    sent = session.send("G")
    session.wait_for(oldest[2:])  # the list writes dates short when it is narrow
    last = time.monotonic() - sent
    session.send("g")
    session.wait_for(f"{count:,} articles")
    sent = session.send("\r")
    session.wait_for(newest_url)
    opened = time.monotonic() - sent
    session.finish()
    return {"first": first, "memory": memory, "last": last, "open": opened}


def plain_first_screen(db: Path, count: int) -> tuple[float, float]:
    """The floor: a plain Textual app whose list reads rows only as shown (benchmarks/plain_textual.py).
    Seconds to its first screen, and from Enter to the newest article shown."""
    newest_url = _newest_url(db)
    session = start([sys.executable, str(Path(__file__).parent / "plain_textual.py"), str(db)])
    first = session.wait_for(f"{count:,} articles")
    sent = session.send("\r")
    session.wait_for(newest_url)
    opened = time.monotonic() - sent
    session.finish()
    return first, opened


def search(db: Path) -> list[float]:
    """Seconds per query (in-process, the store's search, a warm connection)."""
    from newsgloss.store import Library

    library = Library.open(db)
    library.search("warm up")
    times = []
    for query in QUERIES:
        started = time.perf_counter()
        library.search(query, limit=50)
        times.append(time.perf_counter() - started)
    library.close()
    return times


def annotate_on_open(words: int = 1000, runs: int = 5) -> list[float]:
    """Annotating a not-yet-annotated article of `words` words with the model already loaded."""
    from benchmarks.synth import Writer
    from newsgloss.store.annotation.annotator import annotate_paragraphs

    writer = Writer(11)
    article = writer.article(0, words)
    paragraphs = article["body"].split("\n\n")
    annotate_paragraphs(["Warm the model up on Monday."], "2024-12-06")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        annotate_paragraphs(paragraphs, article["published"])
        times.append(time.perf_counter() - started)
    return times


def annotation_speed(library: Path, articles: int = 200) -> dict:
    """Words per second: raw spaCy (NER only) against the annotator, one and two processes each, same text."""
    from newsgloss.store.annotation.annotator import annotate_articles, load_nlp
    from newsgloss.store.jobs.workers import annotate_on, annotation_pool

    def two_processes() -> None:
        with annotation_pool(2) as pool:
            annotate_on(pool, inputs, [], 2)

    records = [json.loads(line) for _, line in zip(range(articles), library.open(encoding="utf-8"), strict=False)]
    inputs = [(r["published"], r["body"].split("\n\n")) for r in records]
    texts = [p for _, paragraphs in inputs for p in paragraphs]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp()
    list(nlp.pipe(texts[:20]))
    result = {}
    for name, run in (("raw spaCy NER", lambda: list(nlp.pipe(texts, batch_size=64))),
                      ("raw spaCy NER, 2 processes", lambda: list(nlp.pipe(texts, batch_size=64, n_process=2))),
                      ("newsgloss, 1 process", lambda: annotate_articles(inputs)),
                      ("newsgloss, 2 processes", two_processes)):
        started = time.perf_counter()
        run()
        result[name] = words / (time.perf_counter() - started)
    return result


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank) of `values`; 0 when there are none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def summary(values: list[float]) -> tuple[float, float, float]:
    return statistics.median(values), min(values), max(values)
