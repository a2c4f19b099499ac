"""The library as a knowledge base, on articles of our own: one person under two names, a place named in
two articles, dates across several articles; counts that stay true as articles are corrected, updated and
replaced; alias, merge and hide; the filter language."""

from __future__ import annotations

import pytest

from newsgloss.store import Draft, Library, QueryError
from newsgloss.store.query import parse

KYIV = Draft("Talks resume in Geneva", (
    "Volodymyr Zelensky met envoys in Geneva on Monday, a week after the strike on Kyiv.",
    "Zelensky said the talks would resume in March. Reuters reported the meeting.",
), source="Wire", published="2024-03-04")
ODESA = Draft("Grain ships leave Odesa", (
    "Ships left Odesa on Tuesday as insurers returned to the Black Sea, officials in Kyiv said.",
    "The World Food Programme (WFP) said on Wednesday that WFP convoys would follow in April.",
), source="Harbour Ledger", published="2024-03-12")
LATER = Draft("Envoys meet again", (
    "Zelensky told reporters in Geneva on Friday that the next round would open on 2 May 2024.",
), source="Wire", published="2024-04-19")


@pytest.fixture
def library(store):
    outcomes = store.add_articles([KYIV, ODESA, LATER])
    for outcome in outcomes:
        store.annotate_article(outcome.article_id)
    store.ids = [o.article_id for o in outcomes]
    return store


def _by_name(library, name):
    found = {e.name: e for e in library.knowledge.entities(limit=500)}
    return found.get(name)


def test_one_person_under_two_names_in_one_article_is_one_entity(library):
    zelensky = _by_name(library, "Volodymyr Zelensky")
    assert (zelensky.label, zelensky.articles, zelensky.mentions) == ("PERSON", 1, 2)
    hits = library.knowledge.paragraphs(zelensky.id)
    assert sorted(hit.text[a:b] for hit in hits for a, b in hit.marks) == ["Volodymyr Zelensky", "Zelensky"]
    # In an article that never gives the full name, "Zelensky" is an entity of its own (an alias joins them).
    assert _by_name(library, "Zelensky").articles == 1


def test_an_acronym_joins_its_long_form(library):
    wfp = _by_name(library, "World Food Programme")
    assert wfp.mentions == 3 and _by_name(library, "WFP") is None  # the long form, "(WFP)", and WFP again


def test_a_place_named_in_two_articles_is_one_entity_with_true_counts(library):
    geneva = _by_name(library, "Geneva")
    assert (geneva.label, geneva.articles, geneva.mentions, geneva.first_seen, geneva.last_seen) == (
        "GPE", 2, 2, "2024-03-04", "2024-04-19")


def test_counts_stay_true_when_an_article_is_updated(library):
    [outcome] = library.add_articles([Draft("Envoys meet again", (
        "Zelensky told reporters on Friday that the next round would open on 2 May 2024.",), source="Wire",
        published="2024-04-19")])  # the new version no longer names Geneva
    assert outcome.status == "updated"
    library.annotate_article(outcome.article_id)
    geneva = _by_name(library, "Geneva")
    assert (geneva.articles, geneva.mentions, geneva.last_seen) == (1, 1, "2024-03-04")


def test_counts_stay_true_when_a_correction_removes_a_name(library):
    library.add_rule("Geneva", "remove")
    assert _by_name(library, "Geneva") is None  # no mention left: out of the index
    library.add_rule("Black Sea", "relabel", "LOC")
    assert _by_name(library, "Black Sea").label == "LOC"


def test_alias_merge_and_hide_apply_to_everything_stored(library):
    library.add_rule("Zelensky", "alias", target="Volodymyr Zelensky")
    zelensky = _by_name(library, "Volodymyr Zelensky")
    assert (zelensky.articles, zelensky.mentions, zelensky.aliases) == (2, 3, ("Zelensky",))
    assert _by_name(library, "Zelensky") is None
    assert [e.name for e in library.knowledge.find("Zelensky")] == ["Volodymyr Zelensky"]
    assert sorted(h.title for h in library.search('entity:"Volodymyr Zelensky"')) == [
        "Envoys meet again", "Talks resume in Geneva"]
    library.add_rule("Black Sea", "merge", "LOC", target="Geneva", target_label="GPE")
    geneva = _by_name(library, "Geneva")
    assert _by_name(library, "Black Sea") is None and (geneva.articles, geneva.aliases) == (3, ("Black Sea",))
    [rule] = [r for r in library.rules() if r.action == "merge"]
    library.delete_rule(rule.id)
    assert _by_name(library, "Black Sea").articles == 1 and _by_name(library, "Geneva").articles == 2
    assert _by_name(library, "Volodymyr Zelensky").articles == 2  # the alias stays
    library.add_rule("Reuters", "hide")
    assert _by_name(library, "Reuters") is None
    assert library.search("entity:Reuters") == []


def test_a_name_seen_after_its_alias_rule_follows_it(store):
    store.add_rule("Geneva", "alias", target="Genève")
    [outcome] = store.add_articles([KYIV])
    store.annotate_article(outcome.article_id)
    [geneve] = store.knowledge.find("Geneva")
    assert (geneve.name, geneve.articles, geneve.aliases) == ("Genève", 1, ("Geneva",))


def test_the_timeline_is_ordered_by_the_date_mentioned(library):
    rows = library.knowledge.timeline()
    values = [row.value for row in rows]
    assert values == sorted(values) and "2024-05-02" in values
    assert all(row.source == "Wire" for row in library.knowledge.timeline("source:Wire"))
    later = library.knowledge.timeline("mentions:2024-05")  # the dates of the articles that mention May
    assert [(row.value, row.text) for row in later] == [("2024-04-19", "Friday"), ("2024-05-02", "2 May 2024")]
    assert library.knowledge.timeline_bars("month", "mentions:2024-05") == [("2024-04", 1), ("2024-05", 1)]


@pytest.mark.parametrize(("query", "titles"), [
    ("entity:Geneva", ["Envoys meet again", "Talks resume in Geneva"]),
    ('entity:"Volodymyr Zelensky" source:Wire', ["Talks resume in Geneva"]),
    ("entity:Zelensky -entity:Kyiv", ["Envoys meet again"]),
    ("entity:WFP", ["Grain ships leave Odesa"]),
    ("after:2024-03-10 before:2024-04", ["Grain ships leave Odesa"]),
    ("mentions:2024-05", ["Envoys meet again"]),
    ("source:wire ships", []),
    ("is:unread convoys", ["Grain ships leave Odesa"]),
    ("has:note", []),
])
def test_the_filter_language(library, query, titles):
    assert sorted(hit.title for hit in library.search(query)) == sorted(titles)
    assert library.count_articles(query) == len(titles)


@pytest.mark.parametrize(("query", "reason"), [
    ("after:2024-13", "no such date"), ("before:yesterday", "a date is YYYY"), ("is:maybe", "is: takes"),
    ("has:", "needs a value"), ("mentions:24", "a date is YYYY"),
])
def test_a_malformed_filter_is_one_line(library, query, reason):
    with pytest.raises(QueryError, match=reason):
        library.search(query)


def test_words_that_look_like_filters_are_words():
    assert parse("title:x c++ NEAR(").filters == ()
    query = parse('-tag:claim entity:"Bashar al-Assad" talks')
    assert [(f.field, f.value, f.negated) for f in query.filters] == [("tag", "claim", True),
                                                                      ("entity", "Bashar al-Assad", False)]
    assert query.words == "talks"


def test_highlights_across_the_library(library):
    kyiv, odesa, _ = library.ids
    library.toggle_tag(kyiv, 1, library.tags()[0].id)
    library.set_note(odesa, None, "check the insurers")
    found = library.knowledge.highlights()
    assert [(h.article_id, h.position, h.tags, h.note) for h in found] == [
        (odesa, None, (), "check the insurers"), (kyiv, 1, ("claim",), "")]
    assert [h.article_id for h in library.knowledge.highlights("has:note")] == [odesa]


def test_a_library_from_before_entities_is_linked_in_batches(db_path):
    import sqlite3

    library = Library.open(db_path)
    [outcome] = library.add_articles([KYIV])
    library.annotate_article(outcome.article_id)
    conn = sqlite3.connect(db_path)  # as a library annotated before this version looks
    conn.execute("DELETE FROM mentions")
    conn.execute("UPDATE articles SET linked_at = NULL")
    conn.execute("UPDATE entities SET articles = 0, mentions = 0")
    conn.commit()
    assert library.knowledge.entities() == []
    assert library.link_pending() == 1 and library.link_pending() == 0
    assert _by_name(library, "Volodymyr Zelensky").articles == 1
    library.close()
