"""Curating the library: stars, archive, trash, read state, tags on many, tag management, and the undo journal
(every change one step, undone in reverse across restarts, a note back to its exact text), on a real SQLite file."""

from __future__ import annotations

import sqlite3

import pytest

from newsgloss.store import Library, StoreError
from tests.conftest import HOMS


def _state(db_path) -> dict[str, list[tuple]]:
    """What the reader's changes touch, as rows."""
    with sqlite3.connect(db_path) as conn:
        return {
            "paragraph_tags": conn.execute("SELECT article_id, position, tag_id FROM paragraph_tags ORDER BY 1, 2, 3"
                                           ).fetchall(),
            "notes": conn.execute("SELECT article_id, position, body FROM notes ORDER BY 1, 2").fetchall(),
            "articles": conn.execute("SELECT id, read_at, coalesce(starred, 0), shelf FROM articles ORDER BY id"
                                     ).fetchall(),
            "tags": conn.execute("SELECT id, name, key FROM tags ORDER BY id").fetchall(),
        }


@pytest.fixture
def seeded(store):
    store.seed_samples()
    return store


def test_star_archive_trash_and_the_list(seeded):
    ids = seeded.article_ids()
    total = len(ids)
    curation = seeded.curation
    assert curation.star(ids[:2]) == 2 and seeded.count_articles("is:starred") == 2
    assert curation.archive(ids[2:4]) == 2
    assert curation.trash(ids[4:5]) == 1
    assert seeded.count_articles() == total - 3  # the list shows neither the archive nor the trash
    assert seeded.count_articles("is:archived") == 2 and seeded.count_articles("is:trash") == 1
    assert curation.counts() == {"list": total - 3, "archive": 2, "trash": 1}
    assert seeded.article(ids[2]).shelf == 1 and seeded.article(ids[0]).starred
    hidden = seeded.article(ids[4]).title.split()[0]
    assert all(hit.article_id != ids[4] for hit in seeded.search(hidden))  # the trash is out of search too
    assert curation.restore(ids[2:5]) == 3 and seeded.count_articles() == total


def test_mark_many_read_and_unread(seeded):
    ids = seeded.article_ids()
    assert seeded.curation.set_read(ids) == len(ids) and seeded.count_articles("is:unread") == 0
    assert seeded.curation.set_read(ids[:3], read=False) == 3 and seeded.count_articles("is:unread") == 3
    assert seeded.curation.set_read(ids[:3], read=False) == 0  # already so: nothing changes


def test_every_change_undone_in_reverse_order_after_a_restart(db_path):
    library = Library.open(db_path)
    [outcome] = library.import_paths([HOMS])
    article_id = outcome.article_id
    before = _state(db_path)
    library.toggle_tag(article_id, 2, library.tag_for_key(1).id)
    library.set_note(article_id, 2, "First thought.")
    library.set_note(article_id, 2, "First thought, then a second.")  # one step with the first save
    library.curation.star([article_id])
    library.curation.archive([article_id])
    library.curation.trash([article_id])
    after = _state(db_path)
    library.close()

    library = Library.open(db_path)  # a restart
    summaries = [library.curation.undo().summary for _ in range(5)]
    assert library.curation.undo() is None  # nothing more
    assert [s.split()[0] for s in summaries] == ["move", "move", "star", "note", "claim"]
    assert _state(db_path) == before
    for _ in range(5):
        library.curation.redo()
    assert _state(db_path) == after
    assert library.article(article_id).paragraphs[2].note == "First thought, then a second."
    library.close()


def test_undoing_a_note_restores_its_exact_text(store):
    [outcome] = store.import_paths([HOMS])
    text = "Line one with *markup*,\n\n  spaces kept  \tand a tab.\n"
    store.set_note(outcome.article_id, 1, text)
    store.curation.history()  # reading the history changes nothing
    store.backend.conn.execute("UPDATE journal_steps SET at = '2000-01-01T00:00:00+00:00'")  # long ago: its own step
    store.set_note(outcome.article_id, 1, "rewritten")
    store.curation.undo()
    assert store.note(outcome.article_id, 1) == text


def test_a_new_change_after_undo_drops_what_could_be_redone(seeded):
    [first, second] = seeded.article_ids()[:2]
    seeded.curation.star([first])
    seeded.curation.undo()
    seeded.curation.star([second])
    assert seeded.curation.redo() is None
    assert [s.undone for s in seeded.curation.history()] == [False]


def test_a_bulk_action_is_one_step(seeded):
    ids = seeded.article_ids()
    quote = seeded.curation.tag("quote")
    assert seeded.curation.tag_articles(ids, quote) == len(ids)
    assert seeded.count_articles("tag:quote") == len(ids) and seeded.article(ids[0]).tags == ("quote",)
    [step] = seeded.curation.history(1)
    assert step.changes == len(ids)
    seeded.curation.undo()
    assert seeded.count_articles("tag:quote") == 0


def test_tag_rename_merge_delete_and_keys(seeded):
    article_id = seeded.article_ids()[0]
    claim, quote = seeded.curation.tag("claim"), seeded.curation.tag("quote")
    seeded.toggle_tag(article_id, 0, claim.id)
    seeded.toggle_tag(article_id, 1, quote.id)
    seeded.toggle_tag(article_id, 1, claim.id)
    seeded.curation.rename_tag(claim, "assertion")
    assert seeded.article(article_id).paragraphs[0].tags == ("assertion",)
    with pytest.raises(StoreError, match="already a tag"):
        seeded.curation.rename_tag(seeded.curation.tag("assertion"), "quote")
    moved = seeded.curation.merge_tags(seeded.curation.tag("quote"), seeded.curation.tag("assertion"))
    assert moved == 0 and seeded.article(article_id).paragraphs[1].tags == ("assertion",)  # once per paragraph
    assert "quote" not in {t.name for t in seeded.curation.tags()}
    seeded.curation.set_tag_key(seeded.curation.tag("figure"), 1)  # "assertion" was on 1: it takes figure's 3
    keys = {t.name: t.key for t in seeded.curation.tags()}
    assert keys["figure"] == 1 and keys["assertion"] == 3
    assert seeded.curation.delete_tag(seeded.curation.tag("assertion")) == 2
    assert seeded.article(article_id).paragraphs[0].tags == ()
    for _ in range(4):
        seeded.curation.undo()
    assert seeded.article(article_id).paragraphs[1].tags == ("claim", "quote")
    assert {t.name: t.key for t in seeded.curation.tags()}["claim"] == 1


def test_undoing_a_correction_annotates_again_without_it(store):
    [outcome] = store.import_paths([HOMS])
    store.annotate_article(outcome.article_id)
    store.add_rule("Homs", "relabel", "ORG")
    assert any(s.text == "Homs" and s.label == "ORG" for p in store.article(outcome.article_id).paragraphs
               for s in p.spans)
    assert store.rules()
    store.curation.undo()
    assert store.rules() == [] and store.count_unannotated() == 1  # annotated again by the rules in force


def test_emptying_the_trash_is_for_good_and_undo_survives_it(seeded):
    ids = seeded.article_ids()
    seeded.set_note(ids[0], 0, "kept until the trash is emptied")
    seeded.curation.trash(ids[:1])
    assert seeded.curation.empty_trash(older_than_days=30) == 0  # put there just now
    assert seeded.curation.empty_trash() == 1
    assert seeded.curation.counts()["trash"] == 0
    assert seeded.curation.undo() is not None  # the trash move: its article is gone, nothing breaks
    with pytest.raises(StoreError):
        seeded.article(ids[0])
