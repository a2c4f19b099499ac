"""Entity corrections: stored as rules, applied at once to stored articles and to future imports."""

from __future__ import annotations

from tests.conftest import HOMS, SAMPLES


def _labels(store, article_id, text):
    return {s.label for p in store.article(article_id).paragraphs for s in p.spans if s.text == text}


def test_relabel_applies_to_stored_and_future_articles(store):
    [homs] = store.import_paths([HOMS])
    store.annotate_article(homs.article_id)
    assert _labels(store, homs.article_id, "Reuters") == {"ORG"}
    _, changed = store.add_rule("Reuters", "relabel", "PRODUCT")
    assert changed == 1
    assert _labels(store, homs.article_id, "Reuters") == {"PRODUCT"}
    list(store.import_paths([SAMPLES]))
    store.annotate_pending()
    store.annotate_article(homs.article_id)  # re-annotation keeps the correction
    assert _labels(store, homs.article_id, "Reuters") == {"PRODUCT"}


def test_remove_and_add(store):
    [homs] = store.import_paths([HOMS])
    store.annotate_article(homs.article_id)
    store.add_rule("Hezbollah", "remove")
    assert _labels(store, homs.article_id, "Hezbollah") == set()
    store.add_rule("war monitoring group", "add", "ORG")
    assert _labels(store, homs.article_id, "war monitoring group") == {"ORG"}
    assert [s.origin for p in store.article(homs.article_id).paragraphs for s in p.spans
            if s.text == "war monitoring group"] == ["user"]


def test_deleting_a_rule_reannotates_what_it_touched(store):
    [homs] = store.import_paths([HOMS])
    store.annotate_article(homs.article_id)
    rule, _ = store.add_rule("Hezbollah", "remove")
    assert store.delete_rule(rule.id) == 1
    assert store.rules() == []
    assert store.annotate_pending() == 1
    assert _labels(store, homs.article_id, "Hezbollah") == {"ORG"}


def test_a_new_rule_for_the_same_text_replaces_the_old(store):
    store.add_rule("Homs", "relabel", "LOC")
    store.add_rule("homs", "relabel", "GPE")
    assert [(r.text, r.label) for r in store.rules()] == [("homs", "GPE")]
