"""Search as people use it, on a stored library: rare words, common words, two-word phrases, filters with a
word, and words typed letter by letter (every prefix a person passes through). Each query is timed through the
store (what the app's search thread runs), beside its floor in the same run (FTS5's own bm25 ranking of the
same MATCH expression, nothing else), and its top 10 is compared with that full ranking.

    .venv/bin/python -m benchmarks.search_mix benchmarks/.data/library-100000.db [--runs 3] [--seed 5]
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import statistics
import time
from pathlib import Path

from benchmarks.measure import p95

WORDS_PER_KIND = 12


def _words(conn: sqlite3.Connection, rng: random.Random, samples: int = 60) -> list[str]:
    """Words of at least four letters from articles spread over the library."""
    top = conn.execute("SELECT max(id) FROM articles").fetchone()[0]
    found: set[str] = set()
    for _ in range(samples):
        row = conn.execute("SELECT body FROM articles WHERE id >= ? ORDER BY id LIMIT 1",
                           [rng.randint(1, top)]).fetchone()
        if row:
            found.update(word.lower() for word in re.findall(r"[A-Za-z]{4,}", row[0][:3000]))
    return sorted(found)


def _matches(conn: sqlite3.Connection, match: str) -> int:
    return conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", [match]).fetchone()[0]


def mix(db: Path, seed: int = 5) -> dict[str, list[str]]:
    """The queries, by kind, drawn from the library's own text (seeded)."""
    rng = random.Random(seed)
    conn = sqlite3.connect(db)
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    counted = [(word, _matches(conn, f'"{word}"')) for word in rng.sample(_words(conn, rng), 160)]
    rare = [w for w, n in counted if 0 < n <= max(total // 1000, 20)]
    common = [w for w, n in counted if n >= total // 10]
    middling = [w for w, n in counted if max(total // 1000, 20) < n < total // 10]
    phrases = []
    for _ in range(WORDS_PER_KIND):
        row = conn.execute("SELECT body FROM articles WHERE id >= ? ORDER BY id LIMIT 1",
                           [rng.randint(1, total)]).fetchone()
        pairs = re.findall(r"\b([A-Za-z]{4,}) ([A-Za-z]{4,})\b", row[0][:2000]) if row else []
        if pairs:
            phrases.append('"{} {}"'.format(*rng.choice(pairs)))
    conn.close()
    typed_words = rng.sample(common, min(2, len(common))) + rng.sample(middling, min(2, len(middling)))
    return {
        "rare word": rng.sample(rare, min(WORDS_PER_KIND, len(rare))),
        "common word": rng.sample(common, min(WORDS_PER_KIND, len(common))),
        "two words": [f"{a} {b}" for a, b in zip(rng.sample(middling, min(WORDS_PER_KIND, len(middling))),
                                                  rng.sample(common, min(WORDS_PER_KIND, len(common))),
                                                  strict=False)],
        "phrase": phrases,
        "filter and word": [f"is:unread {w}" for w in rng.sample(middling, min(4, len(middling)))]
                           + [f"-is:read {w}" for w in rng.sample(common, min(4, len(common)))]
                           + [f"after:2024-06 {w}" for w in rng.sample(middling, min(4, len(middling)))],
        "typed letter by letter": [word[:end] for word in typed_words for end in range(1, len(word) + 1)],
    }


def _floor(conn: sqlite3.Connection, match: str) -> list[int]:
    return [row[0] for row in conn.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 4.0, 1.0), rowid DESC "
        "LIMIT 50",
        [match])]


def measure(db: Path, runs: int, seed: int) -> tuple[dict[str, dict[str, float]], list[str]]:
    from newsgloss.store import Library
    from newsgloss.store.query import parse
    from newsgloss.store.sqlite.search import match_expression

    queries = mix(db, seed)
    library = Library.open(db, read_only=True)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows: dict[str, dict[str, float]] = {}
    disagree = []
    everything: list[float] = []
    for kind, texts in queries.items():
        ours, floors, agreed, capped = [], [], 0, 0
        for text in texts:
            words = parse(text).words
            match = match_expression(conn, words)
            timings, floor_timings = [], []
            hits = []
            for _ in range(runs):  # interleaved: both see the same load
                started = time.perf_counter()
                hits = library.search(text, limit=50)
                timings.append(time.perf_counter() - started)
                if match and not parse(text).filters:
                    started = time.perf_counter()
                    best = _floor(conn, match)
                    floor_timings.append(time.perf_counter() - started)
            ours.append(statistics.median(timings))
            if floor_timings:
                floors.append(statistics.median(floor_timings))
                capped += hits.ranked_among is not None
                top = [hit.article_id for hit in hits[:10]]
                if top == best[:10]:
                    agreed += 1
                elif hits.ranked_among is None:
                    disagree.append(text)
        everything += ours
        rows[kind] = {
            "queries": len(texts), "median": statistics.median(ours) if ours else 0.0,
            "p95": p95(ours), "floor": statistics.median(floors) if floors else float("nan"),
            "agreed": agreed, "compared": len(floors), "capped": capped,
        }
    rows["all"] = {"queries": len(everything), "median": statistics.median(everything), "p95": p95(everything),
                   "floor": float("nan"), "agreed": sum(r["agreed"] for r in rows.values()),
                   "compared": sum(r["compared"] for r in rows.values()),
                   "capped": sum(r["capped"] for r in rows.values())}
    library.close()
    conn.close()
    return rows, disagree


def table(db: Path, rows: dict[str, dict[str, float]]) -> str:
    articles = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
    lines = [f"| {articles:,} articles: query kind | queries | median (ms) | p95 (ms) | FTS5 bm25 alone, same run: "
             "median (ms) | top 10 = full bm25 | ranked among the newest 100,000 only |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for kind, row in rows.items():
        floor = "" if row["floor"] != row["floor"] else f"{row['floor'] * 1000:.0f}"
        lines.append(f"| {kind} | {row['queries']:.0f} | {row['median'] * 1000:.0f} | {row['p95'] * 1000:.0f} | "
                     f"{floor} | {row['agreed']:.0f} of {row['compared']:.0f} | {row['capped']:.0f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    rows, disagree = measure(args.db, args.runs, args.seed)
    print(table(args.db, rows))
    if disagree:
        print("\nranked fully but not as FTS5 ranks them:", ", ".join(disagree))


if __name__ == "__main__":
    main()
