"""The figures of scale at one library size, each beside its floor or peer from the same run:

- ingest: newsgloss's import, a bare script inserting the same rows into the same schema in one transaction
  (the floor), and newsboat reloading the same articles (with --newsboat);
- the file against the text it holds, table by table;
- the cost of a thousand more articles into this library against the same thousand into an empty one;
- the first screen, G and opening an article, beside a plain Textual lazy list (interleaved);
- the app's memory over a session of a hundred opens and fifty searches.

    .venv/bin/python -m benchmarks.scale --size 100000 [--runs 3] [--newsboat] [--reuse]

--reuse keeps a library built by an earlier run (a 1,000,000-article import takes a quarter of an hour).
"""

from __future__ import annotations

import argparse
import json
import os
import select
import sqlite3
import statistics
import sys
import time
from pathlib import Path

from benchmarks import measure, newsboat
from benchmarks.measure import BIN, p95, remove_library, run_child, vm_hwm
from benchmarks.run import compile_bytecode
from benchmarks.synth import write_library
from benchmarks.terminal import start

HERE = Path(__file__).parent


def floor_insert(library: Path, db: Path) -> None:
    """The floor: the same rows into the same schema (made by newsgloss on an empty file), a thousand to a
    transaction as newsgloss commits, each thousand's text indexed in one statement as newsgloss indexes it;
    nothing else (no cleaning, paragraphs, versions or duplicate checks). Row by row through the schema's
    trigger it took over 10 minutes: FTS5 is slow to take one row at a time."""
    from newsgloss.store import Library
    from newsgloss.store.sqlite.connection import CACHE_KIB

    Library.open(db).close()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")  # the cache newsgloss gives its own connection
    trigger = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_ai'").fetchone()[0]
    conn.execute("DROP TRIGGER articles_ai")
    batch: list[list[object]] = []

    def flush() -> None:
        conn.execute("BEGIN")
        first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM articles").fetchone()[0]
        conn.executemany("INSERT INTO articles (fingerprint, title, source, url, published, imported_at, origin, "
                         "body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", batch)
        conn.execute("INSERT INTO articles_fts (rowid, title, body) SELECT id, title, body FROM articles "
                      "WHERE id >= ?", [first])
        conn.execute("COMMIT")
        batch.clear()

    for number, line in enumerate(library.open(encoding="utf-8")):
        item = json.loads(line)
        batch.append([f"f{number}", item["title"], item["source"], item["url"], item["published"],
                      "2026-12-02T00:00:00+00:00", "bench", item["body"]])
        if len(batch) == 1000:
            flush()
    if batch:
        flush()
    conn.execute(trigger)
    conn.close()


def ingest_rows(library: Path, work: Path, size: int, runs: int, with_newsboat: bool) -> list[tuple]:
    ours, floor, boat = [], [], []
    for _ in range(runs):  # interleaved, so each sees the same load
        db = work / f"scale-ingest-{size}.db"
        remove_library(db)
        ours.append(run_child([BIN, "import", "--no-annotate", "--db", str(db), str(library)]))
        remove_library(db)
        floor.append(run_child([sys.executable, "-m", "benchmarks.scale", "--floor", str(library), str(db)]))
        remove_library(db)
        if with_newsboat and newsboat.available():
            boat.append(newsboat.measure(library, size))
    rows = [(f"ingest {size:,}: newsgloss (s)", [t for t, _ in ours]),
            (f"ingest {size:,}: bare insert into the same schema, same commits (s)", [t for t, _ in floor]),
            (f"ingest {size:,}: newsgloss peak memory (MB)", [m / 1024 for _, m in ours])]
    if boat:
        rows += [(f"ingest {size:,}: newsboat reload (s)", [b["ingest"] for b in boat]),
                 (f"ingest {size:,}: newsboat peak memory (MB)", [b["ingest_memory"] / 1024 for b in boat]),
                 (f"newsboat: usable (item list open), {size:,} (s)", [b["usable"] for b in boat]),
                 (f"newsboat: memory, item list open, {size:,} (MB)", [b["memory"] / 1024 for b in boat])]
    return rows


def sizes(db: Path) -> list[str]:
    """The file against the text it holds (titles and bodies, UTF-8), and where the bytes go."""
    conn = sqlite3.connect(db)
    text = conn.execute("SELECT sum(length(CAST(title AS BLOB)) + length(CAST(body AS BLOB))) FROM articles"
                        ).fetchone()[0]
    parts = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
    conn.close()
    file = db.stat().st_size
    named = {"articles": "articles (text and metadata)", "articles_fts_data": "full-text index",
             "paragraph_places": "paragraph places"}
    lines = [f"| the file | {file / 2**20:,.0f} | {file / text:.2f} |",
             f"| the text it holds | {text / 2**20:,.0f} | 1.00 |"]
    other = 0
    for name, size in parts:
        if name in named:
            lines.append(f"| {named[name]} | {size / 2**20:,.0f} | {size / text:.2f} |")
        else:
            other += size
    lines.append(f"| indexes and the rest | {other / 2**20:,.0f} | {other / text:.2f} |")
    return lines


def thousand_more(db: Path, work: Path) -> tuple[float, float]:
    """Seconds to import the same 1,000 new articles into this library and into an empty one."""
    extra = write_library(1000, work / "scale-extra-1000.jsonl", seed=99)
    empty = work / "scale-empty.db"
    remove_library(empty)
    into_empty, _ = run_child([BIN, "import", "--no-annotate", "--db", str(empty), str(extra)])
    conn = sqlite3.connect(db)
    before = conn.execute("SELECT max(id) FROM articles").fetchone()[0]
    conn.close()
    into_full, _ = run_child([BIN, "import", "--no-annotate", "--db", str(db), str(extra)])
    conn = sqlite3.connect(db)  # the library as it was: the thousand (new to it: another seed) removed again
    with conn:
        for table in ("paragraph_places", "spans", "article_versions"):
            conn.execute(f"DELETE FROM {table} WHERE article_id > ?", [before])
        conn.execute("DELETE FROM articles WHERE id > ?", [before])
    conn.close()
    remove_library(empty)
    return into_full, into_empty


def _drain(session, quiet: float = 0.3) -> None:
    end = time.monotonic() + quiet
    while time.monotonic() < end:
        ready, _, _ = select.select([session.fd], [], [], 0.05)
        if ready:
            os.read(session.fd, 1 << 16)
            end = time.monotonic() + quiet


def memory_over_time(db: Path, count: int, opens: int = 100, searches: int = 50) -> list[tuple[str, float]]:
    """Resident MB of the app after its first screen, then every 25 opens and every 10 searches."""
    conn = sqlite3.connect(db)
    words = [row[0].split()[0].strip(":") for row in conn.execute(
        "SELECT title FROM articles ORDER BY random() LIMIT ?", [searches])]
    conn.close()
    session = start([BIN, "--db", str(db), "--no-seed"])
    session.wait_for(f"{count:,} articles")
    samples = [("first screen", _rss(session.pid))]
    for number in range(1, opens + 1):
        os.write(session.fd, b"\r")  # open the article under the cursor
        _drain(session)
        os.write(session.fd, b"\x1b" + b"j" * 37)  # back to the list, and on to an article further down
        _drain(session)
        if number % 25 == 0:
            samples.append((f"after {number} opens", _rss(session.pid)))
    for number, word in enumerate(words, start=1):
        os.write(session.fd, b"/" + word.encode()[:8])
        _drain(session)
        os.write(session.fd, b"\x1b")
        _drain(session)
        if number % 10 == 0:
            samples.append((f"after {opens} opens and {number} searches", _rss(session.pid)))
    samples.append(("peak", vm_hwm(session.pid) / 1024))
    session.finish()
    return samples


def _key_to_paint(session, keys: int = 40) -> list[float]:
    """Seconds from each `j` to the first bytes of its repaint (the list moving down)."""
    times = []
    for _ in range(keys):
        _drain(session, 0.15)
        sent = time.monotonic()
        os.write(session.fd, b"j")
        ready, _, _ = select.select([session.fd], [], [], 5.0)
        if ready:
            times.append(time.monotonic() - sent)
            os.read(session.fd, 1 << 16)
    return times


def keys_while_annotating(work: Path) -> dict[str, list[float]]:
    """j's key-to-paint in a 1,000-article library being annotated in the background (two processes), beside
    the same library opened read-only (nothing running beside the app), interleaved."""
    library = write_library(1000, work / "library-1000.jsonl")
    result: dict[str, list[float]] = {"annotating": [], "idle": []}
    for _ in range(2):
        db = work / "scale-keys.db"
        remove_library(db)
        run_child([BIN, "import", "--no-annotate", "--db", str(db), str(library)])
        for name, extra in (("idle", ["--read-only"]), ("annotating", [])):
            session = start([BIN, "--db", str(db), "--no-seed", *extra])
            session.wait_for("1,000 articles")
            if name == "annotating":
                session.wait_for("annotating", timeout=30)
                session.wait_for("/1,000", timeout=60)  # the run is under way, its workers loaded
            result[name] += _key_to_paint(session)
            session.finish()
    remove_library(work / "scale-keys.db")
    return result


def _rss(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(status.split("VmRSS:")[1].split()[0]) / 1024


def report(size: int, runs: int, work: Path, with_newsboat: bool, reuse: bool) -> str:
    library = write_library(size, work / f"library-{size}.jsonl")
    db = work / f"library-{size}.db"
    out = [f"### {size:,} articles", "",
           "| measure | median | min | max |", "| --- | --- | --- | --- |"]
    if not (reuse and db.exists()):
        rows = ingest_rows(library, work, size, runs, with_newsboat)
        remove_library(db)
        run_child([BIN, "import", "--no-annotate", "--db", str(db), str(library)])
        measure.annotate_newest(db)
    else:
        rows = []
    into_full, into_empty = thousand_more(db, work)
    rows.append((f"1,000 more articles into the {size:,} library (s)", [into_full]))
    rows.append(("the same 1,000 into an empty library (s)", [into_empty]))
    screens, plain = [], []
    for _ in range(max(runs, 3)):
        screens.append(measure.first_screen(db, size))
        plain.append(measure.plain_first_screen(db, size))
    rows += [(f"first screen {size:,} (s)", [s["first"] for s in screens]),
             (f"plain Textual lazy list, same run: first screen {size:,} (s)", [p for p, _ in plain]),
             (f"first screen {size:,}: memory (MB)", [s["memory"] / 1024 for s in screens]),
             (f"G to the last of {size:,} (s)", [s["last"] for s in screens]),
             (f"open the newest article, {size:,} (s)", [s["open"] for s in screens]),
             (f"plain Textual, same run: open into a Static, {size:,} (s)", [o for _, o in plain])]
    for name, values in rows:
        out.append(f"| {name} | {statistics.median(values):.3f} | {min(values):.3f} | {max(values):.3f} |")
    ratio = statistics.median(s["first"] for s in screens) / statistics.median(p for p, _ in plain)
    out += ["", f"First screen / plain Textual's, same run: {ratio:.2f}. The last 1,000 / the first 1,000: "
            f"{into_full / into_empty:.2f}.", "", "| part of the file | MB | × the text |", "| --- | --- | --- |",
            *sizes(db), "", "| the app's memory, one session | resident MB |", "| --- | --- |"]
    out += [f"| {name} | {mb:.0f} |" for name, mb in memory_over_time(db, size)]
    if size <= 100_000:
        keys = keys_while_annotating(work)
        out += ["", "| j, key to paint (ms) | median | p95 |", "| --- | --- | --- |"]
        for name, values in keys.items():
            out.append(f"| {name} | {statistics.median(values) * 1000:.0f} | {p95(values) * 1000:.0f} |")
    return "\n".join(out) + "\n"


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--floor":
        floor_insert(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=HERE / ".data")
    parser.add_argument("--newsboat", action="store_true")
    parser.add_argument("--reuse", action="store_true")
    args = parser.parse_args()
    compile_bytecode()
    print(report(args.size, args.runs, args.work, args.newsboat, args.reuse))


if __name__ == "__main__":
    main()
