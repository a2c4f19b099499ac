"""Search ranks every match with bm25 (titles weighted above bodies), not only the newest few, and says so
when a library is so large that it ranks only the newest ones."""

from __future__ import annotations

import random
import sqlite3

import pytest

from newsgloss.store import Draft, Library
from newsgloss.store.query import parse
from newsgloss.store.sqlite.search import match_expression, search_library

WORDS = ("harbour", "grain", "ministry", "border", "talks", "river", "convoy", "ceasefire", "tariff", "drought")


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Library:
    """2,400 articles, every one with "report" in it; the best matches for each word are spread over the whole
    library, the oldest included (a ranking of only the newest 2,000, as search once did, would miss them)."""
    rng = random.Random(11)
    opened = Library.open(tmp_path_factory.mktemp("ranking") / "library.db")
    drafts = []
    for n in range(2400):
        chosen = rng.sample(WORDS, 3)
        filler = " ".join(rng.choice(("the", "a", "report", "said", "officials", "on", "week")) for _ in range(
            rng.randint(20, 200)))
        body = " ".join(f"{word} " * rng.randint(1, 6) for word in chosen) + filler + " report" * rng.randint(0, 3)
        title = f"{chosen[0].title()} report {n}" if n % 7 == 0 else f"Report {n}"
        drafts.append(Draft(title=title, paragraphs=(body, f"Second paragraph {n} on the {chosen[1]}."),
                            published=f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}", url=f"https://example.org/{n}"))
    list(opened.add_articles(drafts))
    yield opened
    opened.close()


def full_bm25(path, match: str, limit: int) -> list[int]:
    """The top of a plain FTS5 bm25 ranking over every match, the order search must agree with."""
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 4.0, 1.0), rowid "
            "DESC LIMIT ?", [match, limit])]
    finally:
        conn.close()


@pytest.mark.parametrize("word", [*WORDS, "report", "ministry talks", '"grain convoy"'])
def test_the_top_ten_agree_with_bm25_over_every_match(library, word):
    hits = library.search(word, limit=10)
    assert hits.ranked_among is None
    conn = sqlite3.connect(library.path)
    match = match_expression(conn, word)  # the same words, ranked by FTS5 alone over all their matches
    conn.close()
    assert [hit.article_id for hit in hits] == full_bm25(library.path, match, 10)


def test_the_best_matches_come_from_the_whole_library_not_only_its_newest(library):
    """Each word matches hundreds of articles; its best ten include older ones than its newest ten."""
    conn = sqlite3.connect(library.path)
    for word in WORDS:
        newest = [row[0] for row in conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 10", [f'"{word}"'])]
        best = [hit.article_id for hit in library.search(word, limit=10)]
        assert min(best) < min(newest), word
    conn.close()


def test_a_library_too_large_to_rank_whole_says_so(library):
    conn = sqlite3.connect(library.path)
    try:
        matches = conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '\"grain\"'").fetchone()[0]
        capped = search_library(conn, parse("grain"), limit=10, full=50)
        assert matches > 50 and capped.ranked_among == 50
        newest = [row[0] for row in conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH '\"grain\"' ORDER BY rowid DESC LIMIT 50")]
        assert {hit.article_id for hit in capped} <= set(newest)
        whole = search_library(conn, parse("grain"), limit=10, full=matches)
        assert whole.ranked_among is None
    finally:
        conn.close()


@pytest.mark.parametrize("broad_from", [10**9, 1], ids=["narrow: the filter's articles first", "broad: best first"])
@pytest.mark.parametrize("query, condition", [
    ("after:2024-06 grain", "published >= '2024-06'"),
    ("-is:read report", "read_at IS NULL"),
    ("is:starred ministry", "starred"),
])
def test_a_filter_keeps_the_order_of_the_full_ranking(library, broad_from, query, condition):
    """Whichever way a filter is applied, the results are the full bm25 ranking's, less what it leaves out."""
    library.curation.star(list(range(1, 2400, 9)))
    conn = sqlite3.connect(library.path)
    try:
        match = match_expression(conn, query.split()[-1])
        kept = {row[0] for row in conn.execute(f"SELECT id FROM articles WHERE {condition}")}
        expected = [rowid for rowid in full_bm25(library.path, match, 2400) if rowid in kept][:10]
        found = search_library(conn, parse(query), limit=10, broad_from=broad_from)
        assert [hit.article_id for hit in found] == expected and len(expected) == 10
    finally:
        conn.close()
