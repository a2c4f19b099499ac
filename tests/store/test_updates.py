"""A new version of an article keeps every tag and note: moved, matched by closest text, or orphaned."""

from __future__ import annotations

import json

from newsgloss.store.export import article_markdown

V1 = ["Rebels entered the city of Homs on Friday.",
      "The army said it had withdrawn to defensive lines north of the city overnight.",
      "Aid agencies warned of shortages of bread and fuel.",
      "Talks in Geneva are due to resume next week."]
V2 = ["Talks in Geneva are due to resume next week.",
      "Rebels entered the city of Homs on Friday.",
      "The army said it had withdrawn to new defensive lines north of the city overnight, officials said.",
      "Residents described long queues at bakeries."]


def _write(path, paragraphs):
    record = {"title": "Rebels enter Homs", "source": "Wire", "url": "https://example.org/homs",
              "published": "2024-12-06", "body": "\n\n".join(paragraphs)}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")


def test_update_keeps_tags_and_notes_on_their_paragraphs(tmp_path, store):
    path = tmp_path / "homs.jsonl"
    _write(path, V1)
    [first] = store.import_paths([path])
    article_id = first.article_id
    claim, figure = store.tag_for_key(1), store.tag_for_key(3)
    store.toggle_tag(article_id, 0, claim.id)          # unchanged paragraph, moves to position 1
    store.set_note(article_id, 1, "Check the army statement")  # edited paragraph, closest text
    store.toggle_tag(article_id, 2, figure.id)         # removed paragraph: an orphan
    store.set_note(article_id, 2, "Bread prices?")
    store.set_note(article_id, None, "Whole-article note stays")

    _write(path, V2)
    [second] = store.import_paths([path])
    assert (second.status, second.article_id) == ("updated", article_id)
    assert store.count_articles() == 1
    article = store.article(article_id)
    assert [p.text for p in article.paragraphs] == V2
    assert article.paragraphs[1].tags == ("claim",)
    assert article.paragraphs[2].note == "Check the army statement"
    assert article.note == "Whole-article note stays"
    assert [(o.old_text, o.tags, o.note) for o in article.orphans] == [(V1[2], ("figure",), "Bread prices?")]
    assert not article.annotated  # spans are made again for the new text

    text = article_markdown(article)
    assert "## Kept from an earlier version" in text
    assert "> Aid agencies warned of shortages of bread and fuel." in text
    assert "Tags: #figure" in text and "Bread prices?" in text
    [again] = store.import_paths([path])
    assert again.status == "unchanged"


async def test_orphans_are_listed_in_the_reader(tmp_path, db_path, store):
    from newsgloss.tui.app import make_app
    from tests.tui.test_app import SIZE, open_first, screen_text

    path = tmp_path / "homs.jsonl"
    _write(path, V1)
    [first] = store.import_paths([path])
    store.set_note(first.article_id, 2, "Bread prices?")
    _write(path, V2)
    list(store.import_paths([path]))
    app = make_app(db_path, export_dir=tmp_path, annotate_delay=0)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(app, pilot)
        text = screen_text(app)
        assert "Kept from an earlier version (1):" in text
        assert "✎ Bread prices?" in text
