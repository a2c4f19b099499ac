"""The newsgloss data layer, as the app, the CLI and scripts use it. No UI here.

    from newsgloss.store import Library
    library = Library.open("news.db")
    for outcome in library.import_paths(["articles/"]):
        print(outcome.line)

Importing this package is cheap: the model, the importers and the jobs load when first used.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from newsgloss.store.clean import printable, visible
from newsgloss.store.library import ACTIONS, Library
from newsgloss.store.models import (
    AnnotationEvent,
    AnnotationProgress,
    AnnotationStopped,
    Article,
    ArticleSummary,
    DateMention,
    Draft,
    EntityRule,
    EntitySummary,
    Feed,
    FeedResult,
    Highlight,
    ImportOutcome,
    ImportProblem,
    JournalStep,
    MentionHit,
    Orphan,
    Paragraph,
    SearchHit,
    SearchResults,
    Span,
    StoreBusy,
    StoreError,
    StoreReadOnly,
    Tag,
    TagCount,
)
from newsgloss.store.query import QueryError

if TYPE_CHECKING:
    from newsgloss.store.jobs.backlog import BackgroundAnnotation

__all__ = [
    "ACTIONS",
    "AnnotationEvent",
    "AnnotationProgress",
    "AnnotationStopped",
    "Article",
    "ArticleSummary",
    "DateMention",
    "Draft",
    "EntityRule",
    "EntitySummary",
    "Feed",
    "FeedResult",
    "Highlight",
    "ImportOutcome",
    "ImportProblem",
    "JournalStep",
    "Library",
    "MentionHit",
    "Orphan",
    "Paragraph",
    "QueryError",
    "SearchHit",
    "SearchResults",
    "Span",
    "StoreBusy",
    "StoreError",
    "StoreReadOnly",
    "Tag",
    "TagCount",
    "annotate_text",
    "article_date",
    "datasette_metadata",
    "date_in_words",
    "describe_date",
    "entities_csv",
    "input_names",
    "load_model",
    "mentions_csv",
    "printable",
    "start_background_annotation",
    "timeline_markdown",
    "visible",
]


def annotate_text(text: str, dct: str | date | None) -> list[Span]:
    """Entities and dates over a whole text, offsets into `text`, dates normalised against `dct`
    (the `newsgloss annotate` contract)."""
    from newsgloss.store.annotation.annotator import annotate_text as annotate

    return annotate(text, dct)


def article_date(text: str) -> str:
    """The date a plain-text article in the sample's shape gives on its first line ('' when none)."""
    from newsgloss.store.importers.text import parse_text

    return parse_text(text).published


def load_model() -> None:
    """Load the entity model now (it loads on first use otherwise)."""
    from newsgloss.store.annotation.annotator import load_nlp

    load_nlp()


def start_background_annotation(path: Path) -> BackgroundAnnotation:
    """Annotate the pending articles of the library at `path` in a process of its own."""
    from newsgloss.store.jobs.backlog import BackgroundAnnotation

    return BackgroundAnnotation(path)


def datasette_metadata(database: Path) -> dict[str, object]:
    """A metadata document for Datasette describing the library file `database`."""
    from newsgloss.store.datasette import metadata

    return metadata(database)


def input_names(paths: Sequence[Path | str]) -> list[str]:
    """The inputs an import of `paths` reads, in order: files named, feed addresses, supported files in folders."""
    from newsgloss.store.importers import expand

    return [source.name for source in expand(paths)]


def date_in_words(span: Span, published: str) -> str | None:
    """What a date span means, in words a person reads ("Thu 5 Dec, night"), from its TIMEX3 value and the
    article's date; None when the words would add nothing to the span's own text (or there are none)."""
    from newsgloss.store.annotation.timex.words import adds_to, timex_words

    try:
        dct = date.fromisoformat(published[:10]) if published else None
    except ValueError:
        dct = None
    words = timex_words(span.value, span.type, dct)
    return words if words and adds_to(words, span.text) else None


def describe_date(value: str, kind: str = "DATE") -> tuple[str, str]:
    """A stored TIMEX3 value in words, year included ("Thu 5 Dec 2024, night"), and how fine it is ("time",
    "day", "month", ...); the value itself when it has no words."""
    from newsgloss.store.annotation.timex.words import granularity, timex_words

    return timex_words(value, kind, None) or value, granularity(value)


def entities_csv(entities: list[EntitySummary]) -> str:
    """Entities as CSV: name, label, articles, mentions, first and last seen, aliases."""
    from newsgloss.store.export_kb import entities_csv as write

    return write(entities)


def mentions_csv(hits: list[MentionHit]) -> str:
    """The paragraphs naming an entity as CSV, one row per mention."""
    from newsgloss.store.export_kb import mentions_csv as write

    return write(hits)


def timeline_markdown(rows: list[DateMention]) -> str:
    """Timeline rows as a Markdown table, each linked to its article's note."""
    from newsgloss.store.export_kb import timeline_markdown as write

    return write(rows)
