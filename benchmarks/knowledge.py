"""The knowledge base at scale: a library annotated without the model (the synthetic articles' names and
dates are known, so their spans are found by pattern, at about the density the model gives), then the
entity index, the page of the most named entity and the timeline on screen, queries of three filters and
a word, and the cost of keeping entity records against annotation itself.

    .venv/bin/python -m benchmarks.knowledge DB [--runs 3]
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import time
from datetime import date
from pathlib import Path

from benchmarks import synth
from benchmarks.measure import BIN, remove_library, summary
from benchmarks.terminal import start

QUERIES = ['entity:Geneva source:"Delta Wire" after:2020 ceasefire', "entity:Reuters -is:read mentions:2024 talks",
           'entity:"Amina Rahman" after:2016 before:2023 police', "source:Reuters entity:Homs mentions:2011 market",
           "tag:claim entity:Kyiv after:2015 minister", "entity:NATO -source:Reuters before:2024-06 forces"]


def _patterns() -> list[tuple[re.Pattern[str], str]]:
    people = "|".join(re.escape(f"{first} {last}") for first in synth.FIRST for last in synth.LAST)
    places = "|".join(re.escape(p) for p in synth.PLACES)
    orgs = "|".join(re.escape(o.removeprefix("the ")) for o in synth.ORGS)
    dates = "|".join(re.escape(d) for d in sorted(synth.DATES, key=len, reverse=True))
    return [(re.compile(rf"\b(?:{people})\b"), "PERSON"), (re.compile(rf"\b(?:{orgs})\b"), "ORG"),
            (re.compile(rf"\b(?:{places})\b"), "GPE"), (re.compile(rf"\b(?:{dates})\b"), "DATE")]


def annotate_by_pattern(db: Path, link: bool = True, limit: int | None = None) -> float:
    """Spans for every article not annotated yet, found by pattern; seconds taken (model-free)."""
    from newsgloss.store import Library, Span
    from newsgloss.store.annotation.timex import normalize

    patterns = _patterns()
    library = Library.open(db)
    rules = library.rules()
    started = time.perf_counter()
    done = 0
    while ids := library.unannotated(limit=500):
        for article_id in ids:
            published, paragraphs = library.annotation_input(article_id)
            day = date.fromisoformat(published[:10])
            spans = []
            for text in paragraphs:
                found = []
                for pattern, label in patterns:
                    for m in pattern.finditer(text):
                        if any(s.start < m.end() and m.start() < s.end for s in found):
                            continue
                        value = normalize(m.group(0).lower(), day, "past") if label == "DATE" else None
                        found.append(Span(m.start(), m.end(), label, m.group(0), value.value if value else "",
                                          value.type if value else ""))
                spans.append(sorted(found, key=lambda s: s.start))
            library.save_spans(article_id, spans, rules, link=link)
            done += 1
            if limit is not None and done >= limit:
                library.close()
                return time.perf_counter() - started
    library.close()
    return time.perf_counter() - started


def _screen(db: Path, keys: list[str], shown: str) -> float:
    """Seconds from the last key to `shown` on screen, in the real program."""
    session = start([BIN, "--db", str(db), "--no-seed"])
    session.wait_for("articles")
    for key in keys[:-1]:
        session.send(key)
    sent = session.send(keys[-1])
    session.wait_for(shown, timeout=120)
    elapsed = time.monotonic() - sent
    session.finish()
    return elapsed


def screens(db: Path, runs: int) -> dict[str, list[float]]:
    result: dict[str, list[float]] = {"index": [], "page": [], "timeline": []}
    for _ in range(runs):
        result["index"].append(_screen(db, ["E"], "entities, most articles first"))
        result["page"].append(_screen(db, ["E", "\r"], "Named in"))
        result["timeline"].append(_screen(db, ["T"], "dates mentioned"))
    return result


def queries(db: Path, rounds: int = 5) -> list[float]:
    """Seconds per query of the mix (three filters and a word), warm."""
    from newsgloss.store import Library

    library = Library.open(db)
    for query in QUERIES:
        library.search(query)
    times = []
    for _ in range(rounds):
        for query in QUERIES:
            started = time.perf_counter()
            library.search(query, limit=50)
            times.append(time.perf_counter() - started)
    library.close()
    return times


def linking_cost(library_jsonl: Path, work: Path, articles: int = 300) -> tuple[float, float]:
    """Annotation with the model, storing spans with and without entity records, same articles, one run."""
    from newsgloss.store import Library
    from newsgloss.store.annotation.annotator import annotate_articles, load_nlp

    load_nlp()
    timings = []
    for link in (False, True):
        db = work / f"linking-{link}.db"
        remove_library(db)
        library = Library.open(db)
        with library_jsonl.open(encoding="utf-8") as lines:
            import json

            drafts = [json.loads(next(lines)) for _ in range(articles)]
        from newsgloss.store import Draft

        library.add_articles(Draft(d["title"], tuple(d["body"].split("\n\n")), d["source"], published=d["published"])
                             for d in drafts)
        ids = library.unannotated(limit=articles)
        rules = library.rules()
        started = time.perf_counter()
        spans = annotate_articles([library.annotation_input(i) for i in ids], rules)
        for article_id, article_spans in zip(ids, spans, strict=True):
            library.save_spans(article_id, article_spans, rules, link=link)
        timings.append(time.perf_counter() - started)
        library.close()
    return timings[0], timings[1]


def report(source_db: Path, library_jsonl: Path, work: Path, runs: int) -> list[str]:
    """Rows for docs/benchmarks.md."""
    db = work / "knowledge.db"
    if not db.exists():
        for suffix in ("", "-wal", "-shm"):
            if Path(f"{source_db}{suffix}").exists():
                shutil.copy(f"{source_db}{suffix}", f"{db}{suffix}")
    annotated = annotate_by_pattern(db)
    timing = screens(db, runs)
    searched = queries(db)
    plain, linked = linking_cost(library_jsonl, work)
    count = db.stat().st_size
    rows = ["", "## The knowledge base at 100,000 annotated articles", "",
            "Spans found by pattern (the synthetic articles' names, places, organisations and dates: ~35 a "
            "article, about what the model gives), stored through the same `save_spans` that links entities. "
            f"Library file: {count / 2**20:,.0f} MB.", "",
            "| measure | median | min | max | target |", "| --- | --- | --- | --- | --- |"]

    def row(name: str, values: list[float], target: float | None) -> str:
        median, low, high = summary(values)
        verdict = "" if target is None else (" ✓" if median <= target else " ✗")
        goal = f"≤ {target * 1000:g} ms" if target else ""
        return f"| {name} | {median * 1000:.0f}{verdict} | {low * 1000:.0f} | {high * 1000:.0f} | {goal} |"

    rows += [
        row("entity index on screen, from the key (ms)", timing["index"], 0.150),
        row("page of the most named entity on screen, from Enter (ms)", timing["page"], 0.150),
        row("timeline on screen, from the key (ms)", timing["timeline"], 0.200),
        row("query of three filters and a word, median (ms)", searched, 0.030),
        f"| query of three filters and a word, 95th percentile (ms) | "
        f"{statistics.quantiles(searched, n=20)[18] * 1000:.0f} | | | ≤ 100 ms |",
        f"| annotation with the model, 300 articles, storing spans without entity records (s) | {plain:.2f} | | | |",
        f"| the same with entity records kept (s), same run | {linked:.2f} ({linked / plain - 1:+.1%}) | | | ≤ +10% |",
        f"| pattern annotation of the library, entity records included (s, once) | {annotated:.0f} | | | |",
    ]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db", type=Path, help="a library of the synthetic articles (benchmarks.run makes them)")
    parser.add_argument("jsonl", type=Path, help="the synthetic articles as JSONL")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path(__file__).parent / ".data")
    args = parser.parse_args()
    print("\n".join(report(args.db, args.jsonl, args.work, args.runs)))


if __name__ == "__main__":
    main()
