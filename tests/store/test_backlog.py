"""Annotation runs: the background process reports typed events, every article is done, a correction made
while a run goes on reaches every article the run stores afterwards."""

from __future__ import annotations

import sqlite3
import threading

from newsgloss.store import AnnotationProgress, AnnotationStopped, Draft, Library, start_background_annotation
from tests.conftest import SAMPLES


def test_background_run_annotates_every_article_and_reports_each(db_path):
    library = Library.open(db_path)
    count = sum(1 for o in library.import_paths([SAMPLES]) if o.status == "imported")
    library.close()
    run = start_background_annotation(db_path)
    events = list(run.events())
    run.stop()
    assert events == [AnnotationProgress(n, count, event.article_id) for n, event in enumerate(events, start=1)]
    assert len(events) == count
    library = Library.open(db_path)
    assert library.count_unannotated() == 0
    library.close()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(DISTINCT article_id) FROM spans").fetchone()[0] == count


def test_background_run_on_a_damaged_file_says_so_in_one_event(tmp_path):
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"not a database at all" * 100)
    run = start_background_annotation(damaged)
    events = list(run.events())
    run.stop()
    assert len(events) == 1 and isinstance(events[0], AnnotationStopped)
    assert "not a SQLite database" in events[0].reason and "\n" not in events[0].reason


def _label_of(library: Library, article_id: int, text: str) -> set[str]:
    return {s.label for p in library.article(article_id).paragraphs for s in p.spans if s.text == text}


def test_a_correction_made_during_a_run_reaches_the_articles_it_stores_later(db_path):
    """The run reads the corrections again: an article annotated before the correction is stored only
    if the corrections are the same when it is stored (otherwise it is annotated again)."""
    library = Library.open(db_path)
    drafts = [Draft(f"Report {n}", (f"Officials at Reuters said the convoy {n} reached Homs on Friday.",))
              for n in range(6)]
    ids = [o.article_id for o in library.add_articles(drafts)]
    corrected = threading.Event()

    def correct_once(event: object) -> None:
        if not corrected.is_set():  # after the first article: another window adds a correction
            other = Library.open(db_path)
            other.add_rule("Reuters", "relabel", "PRODUCT")
            other.close()
            corrected.set()

    done = library.annotate_pending(progress=correct_once, batch=3)
    assert done == 6 and corrected.is_set()
    first = ids[0]
    assert [_label_of(library, article_id, "Reuters") for article_id in ids if article_id != first] == \
        [{"PRODUCT"}] * 5
    assert _label_of(library, first, "Reuters") == {"PRODUCT"}  # the rule was applied to it when made
    library.close()
