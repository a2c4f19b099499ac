"""List date errors against a gold TIMEX3 file, to find classes of error (prints, writes nothing).

Usage: python benchmarks/timex_errors.py GOLD.jsonl SYSTEM_TIMEX.jsonl [wrong|spurious|missed]
"""

from __future__ import annotations

import json
import sys
from collections import Counter


def load(path):
    return {d["id"]: d for d in map(json.loads, open(path, encoding="utf-8"))}


def main(gold_path, system_path, show="wrong"):
    gold, system = load(gold_path), load(system_path)
    counts = Counter()
    for doc_id, doc in gold.items():
        predicted = system.get(doc_id, {}).get("spans", [])
        used = set()
        for g in doc["spans"]:
            match = next((i for i, p in enumerate(predicted) if i not in used and p["start"] < g["end"]
                          and g["start"] < p["end"]), None)
            gtext = doc["text"][g["start"]:g["end"]]
            if match is None:
                counts["missed"] += 1
                if show == "missed":
                    print(f"MISSED {doc['dct']} {gtext!r} {g['label']} {g['value']}")
                continue
            used.add(match)
            p = predicted[match]
            if p.get("value") != g["value"]:
                counts["wrong"] += 1
                if show == "wrong":
                    ptext = doc["text"][p["start"]:p["end"]]
                    print(f"WRONG {doc['dct']} gold {gtext!r} {g['label']} {g['value']} | ours {ptext!r} "
                          f"{p['label']} {p.get('value')}")
        for i, p in enumerate(predicted):
            if i not in used:
                counts["spurious"] += 1
                if show == "spurious":
                    print(f"SPURIOUS {doc['dct']} {doc['text'][p['start']:p['end']]!r} {p['label']} {p.get('value')}")
    print(dict(counts), file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:])
