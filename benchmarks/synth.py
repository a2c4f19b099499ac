"""A deterministic synthetic news library: Zipf-distributed words, names, places and dates in the text.

Words come from two vocabularies, as in real news: a few hundred common words, and a long tail of 60,000
made-up words (Zipf-weighted: a few in most articles, most in a handful), about two words in five. The tail
makes the full-text index, rare-word searches and the file size behave as with real text.

python benchmarks/synth.py N OUT.jsonl [--seed 7] [--words 600]
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

COMMON = [
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "that",
    "is",
    "was",
    "he",
    "for",
    "it",
    "with",
    "as",
    "his",
    "on",
    "be",
    "at",
    "by",
    "i",
    "this",
    "had",
    "not",
    "are",
    "but",
    "from",
    "or",
    "have",
    "an",
    "they",
    "which",
    "one",
    "you",
    "were",
    "her",
    "all",
    "she",
    "there",
    "would",
    "their",
    "we",
    "him",
    "been",
    "has",
    "when",
    "who",
    "will",
    "more",
    "no",
    "if",
    "out",
    "so",
    "said",
    "what",
    "up",
    "its",
    "about",
    "into",
    "than",
    "them",
    "can",
    "only",
    "other",
    "new",
    "some",
    "could",
    "time",
    "these",
    "two",
    "may",
    "then",
    "do",
    "first",
    "any",
    "my",
    "now",
    "such",
    "like",
    "our",
    "over",
    "man",
    "me",
    "even",
    "most",
    "made",
    "after",
    "also",
    "did",
    "many",
    "before",
    "must",
    "through",
    "back",
    "years",
    "where",
    "much",
    "your",
    "way",
    "well",
    "down",
    "should",
    "because",
    "each",
    "just",
    "those",
    "people",
    "how",
    "too",
    "little",
    "state",
    "good",
    "very",
    "make",
    "world",
    "still",
    "own",
    "see",
    "men",
    "work",
    "long",
    "get",
    "here",
    "between",
    "both",
    "life",
    "being",
    "under",
    "never",
    "day",
    "same",
    "another",
    "know",
    "while",
    "last",
    "might",
    "us",
    "great",
    "old",
    "year",
    "off",
    "come",
    "since",
    "against",
    "go",
    "came",
    "right",
    "used",
    "take",
    "three",
    "government",
    "officials",
    "forces",
    "city",
    "troops",
    "talks",
    "report",
    "ministry",
    "president",
    "minister",
    "police",
    "army",
    "election",
    "vote",
    "market",
    "prices",
    "rebels",
    "attack",
    "ceasefire",
    "border",
    "aid",
    "statement",
    "agency",
    "spokesman",
    "crisis",
    "economy",
    "court",
    "protest",
    "fighting",
    "security",
    "council",
    "deal",
    "plan",
    "military",
]
FIRST = [
    "Amina",
    "Olena",
    "Tomás",
    "Jürgen",
    "Farhana",
    "Yuriy",
    "Aïssata",
    "Mohammed",
    "Sofia",
    "Chen",
    "Priya",
    "Kwame",
    "Ingrid",
    "Diego",
    "Layla",
    "Hiroshi",
]
LAST = [
    "Hrytsenko",
    "Muñoz",
    "Weiß",
    "Rahman",
    "Vaskov",
    "Touré",
    "Haddad",
    "Novak",
    "Okafor",
    "Lindqvist",
    "Tanaka",
    "Khan",
    "Moreau",
    "Silva",
    "Petrov",
]
PLACES = [
    "Homs",
    "Kyiv",
    "Odesa",
    "Gao",
    "Bamako",
    "Dhaka",
    "Santiago",
    "Berlin",
    "Frankfurt",
    "Geneva",
    "Nairobi",
    "Lagos",
    "Lima",
    "Hanoi",
    "Tbilisi",
]
ORGS = [
    "the United Nations",
    "the World Food Programme",
    "Reuters",
    "the European Union",
    "Codelco",
    "Hezbollah",
    "the Bundestag",
    "the IMF",
    "the Red Cross",
    "NATO",
    "the Election Commission",
    "Lloyd's",
]
SOURCES = [
    "Harbour Ledger",
    "Delta Wire",
    "Sahel Monitor",
    "Andes Mining Report",
    "Spree Courier",
    "News.Az",
    "Folha do Vale",
    "Baltic Post",
    "Mekong Daily",
    "Rift Valley Times",
]
DATES = [
    "on Tuesday",
    "last week",
    "on Nov. 27",
    "13 years ago",
    "earlier this month",
    "next month",
    "on Friday",
    "in March",
    "this year",
    "yesterday",
    "two weeks ago",
    "in the coming days",
    "since 2011",
    "overnight",
]


RECIPE = "2"  # bumped when the text changes: a library written by another recipe is written again
TAIL = 60_000
TAIL_SHARE = 0.4
_SYLLABLES = ["ka", "to", "ri", "mel", "an", "dor", "vi", "su", "len", "pa", "gro", "tin", "es", "bu", "hal",
              "ne", "quo", "ram", "si", "ve", "lo", "ter", "mi", "dun", "ca", "fre", "go", "nis", "ul", "za"]


def tail_vocabulary() -> list[str]:
    """TAIL distinct made-up words of two to four syllables (the same every time)."""
    rng = random.Random(60_000)
    words: dict[str, None] = {}
    while len(words) < TAIL:
        words["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))] = None
    return list(words)


class Writer:
    """Sentences from a seeded generator: same seed, same library."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.weights = [1 / (rank + 1) for rank in range(len(COMMON))]
        tail = [1 / (rank + 1) for rank in range(TAIL)]
        common_mass, tail_mass = sum(self.weights), sum(tail)
        self.vocabulary = COMMON + tail_vocabulary()
        self.cumulative = list(accumulate(
            [w * (1 - TAIL_SHARE) / common_mass for w in self.weights] + [w * TAIL_SHARE / tail_mass for w in tail]))

    def words(self, count: int) -> list[str]:
        return self.rng.choices(self.vocabulary, cum_weights=self.cumulative, k=count)

    def sentence(self) -> str:
        words = self.words(self.rng.randint(8, 20))
        pick = self.rng.random()
        if pick < 0.35:
            words.insert(self.rng.randint(0, len(words)), f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}")
        if pick < 0.7:
            words.insert(self.rng.randint(0, len(words)), self.rng.choice(PLACES))
        if self.rng.random() < 0.4:
            words.insert(self.rng.randint(0, len(words)), self.rng.choice(ORGS))
        if self.rng.random() < 0.3:
            words.append(self.rng.choice(DATES))
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def article(self, index: int, length: int) -> dict:
        paragraphs, count = [], 0
        while count < length:
            paragraph = " ".join(self.sentence() for _ in range(self.rng.randint(2, 4)))
            paragraphs.append(paragraph)
            count += len(paragraph.split())
        day = date(2024, 12, 31) - timedelta(days=self.rng.randint(0, 3650))
        place = self.rng.choice(PLACES)
        title = f"{place}: {' '.join(self.words(self.rng.randint(4, 9)))} ({index})"
        source = self.rng.choice(SOURCES)
        return {
            "title": title,
            "body": "\n\n".join(paragraphs),
            "published": day.isoformat(),
            "source": source,
            "url": f"https://example.org/{source.lower().replace(' ', '-')}/{index}",
        }


def write_library(count: int, path: Path, seed: int = 7, length: int = 600) -> Path:
    """Write `count` articles to `path` (JSONL); an existing file of the same recipe is kept."""
    recipe = path.with_suffix(".recipe")
    if path.exists() and recipe.exists() and recipe.read_text() == RECIPE:
        return path
    writer = Writer(seed)
    partial = path.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as out:
        for index in range(count):
            out.write(json.dumps(writer.article(index, length), ensure_ascii=False) + "\n")
    partial.replace(path)
    recipe.write_text(RECIPE)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--words", type=int, default=600)
    args = parser.parse_args()
    write_library(args.count, args.out, args.seed, args.words)


if __name__ == "__main__":
    main()
