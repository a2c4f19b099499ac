"""`Library`: every verb the app, the CLI and scripts use, over one backend. No SQL here."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, ParamSpec, Protocol, TypeVar

from newsgloss.store.annotation.resolve import KB_ACTIONS, resolve
from newsgloss.store.clean import clean_line
from newsgloss.store.drafts import Prepared, prepare
from newsgloss.store.models import (
    Article,
    ArticleSummary,
    Draft,
    EntityRule,
    ImportOutcome,
    ImportStatus,
    SearchResults,
    Span,
    StoreError,
    Tag,
)
from newsgloss.store.query import parse

if TYPE_CHECKING:
    from newsgloss.store.backend import Backend
    from newsgloss.store.curation import Curation
    from newsgloss.store.feeds import Subscriptions
    from newsgloss.store.knowledge import Knowledge
    from newsgloss.store.models import AnnotationEvent

P = ParamSpec("P")
R = TypeVar("R")
ACTIONS = ("relabel", "remove", "add")


class HasBackend(Protocol):
    @property
    def backend(self) -> Backend: ...


H = TypeVar("H", bound=HasBackend)


def guarded(method: Callable[Concatenate[H, P], R]) -> Callable[Concatenate[H, P], R]:
    """The backend's own errors (busy, damaged, read-only, full) leave as StoreErrors."""

    @wraps(method)
    def wrapper(self: H, *args: P.args, **kwargs: P.kwargs) -> R:
        with self.backend.errors():
            return method(self, *args, **kwargs)

    return wrapper


class Library:
    """One newsgloss library. Open one per thread: a connection does not cross threads."""

    def __init__(self, backend: Backend, window: str = "") -> None:
        self.backend = backend
        self.window = window or f"pid {os.getpid()}"  # which program made a change, in the undo history

    def step(self, summary: str, merge_key: str | None = None) -> AbstractContextManager[int]:
        """One undoable step around the changes made inside it (one transaction)."""
        return self.backend.journal.step(summary, self.window, merge_key)

    def _short_title(self, article_id: int) -> str:
        title = self.backend.articles.title(article_id)
        return title if len(title) <= 40 else title[:39] + "…"

    @property
    def curation(self) -> Curation:
        """Stars, archive, trash, read state of many, tag management, undo and redo."""
        from newsgloss.store.curation import Curation

        return Curation(self)

    @classmethod
    def open(cls, path: Path | str, read_only: bool = False, patience: float = 10.0) -> Library:
        """The library in the SQLite file at `path` (made when missing); a damaged, newer or foreign
        file is refused with a StoreError and left untouched. `read_only` (or a file this user cannot
        write) opens it for reading only. A write waits up to `patience` seconds while another program
        writes (then it is a StoreBusy)."""
        from newsgloss.store.sqlite import SqliteBackend

        return cls(SqliteBackend(path, read_only, patience))

    @property
    def path(self) -> Path:
        return self.backend.path

    @property
    def knowledge(self) -> Knowledge:
        """Entities across articles, the dates mentioned, highlights and notes."""
        from newsgloss.store.knowledge import Knowledge

        return Knowledge(self.backend)

    @property
    def feeds(self) -> Subscriptions:
        """Feed subscriptions: add, remove, OPML in and out, refresh."""
        from newsgloss.store.feeds import Subscriptions

        return Subscriptions(self)

    @property
    def read_only(self) -> bool:
        """Whether this library can only be read here (its file or folder cannot be written)."""
        return self.backend.read_only

    def close(self) -> None:
        self.backend.close()

    # Reading -------------------------------------------------------------------

    @guarded
    def count_articles(self, query: str = "") -> int:
        """How many articles match `query` (the filter language of store/query.py; all when empty)."""
        return self.backend.articles.count(parse(query))

    @guarded
    def article_page(self, offset: int, limit: int, order: str = "newest", query: str = "",
                     total: int | None = None) -> list[ArticleSummary]:
        """A page of the article list in `order` (newest, source or title), of the articles matching `query`;
        `total` (the list's length) lets a page near the end be read from the far end."""
        return self.backend.articles.page(offset, limit, order, parse(query), total)

    @guarded
    def article_ids(self, order: str = "newest", query: str = "") -> list[int]:
        return self.backend.articles.ids(order, parse(query))

    @guarded
    def article(self, article_id: int) -> Article:
        """The article with its paragraphs, spans, tags, notes and orphans."""
        return self.backend.articles.get(article_id)

    @guarded
    def tags(self) -> list[Tag]:
        """All tags: the numbered ones first, in key order, then by name."""
        return self.backend.annotations.tags()

    @guarded
    def tag_for_key(self, key: int) -> Tag | None:
        return self.backend.annotations.tag_for_key(key)

    @guarded
    def note(self, article_id: int, position: int | None = None) -> str:
        return self.backend.annotations.note(article_id, position)

    @guarded
    def rules(self) -> list[EntityRule]:
        """The reader's entity corrections, oldest first."""
        return self.backend.rules.all()

    @guarded
    def search(self, query: str, limit: int = 50) -> SearchResults:
        """Articles matching the query's filters and words, the words ranked (bm25) over titles, bodies and
        notes. Any words are valid; a filter that cannot mean anything is a QueryError saying why."""
        return self.backend.search(parse(query), limit)

    # Writing -------------------------------------------------------------------

    @guarded
    def mark_read(self, article_id: int, read: bool = True) -> None:
        self.backend.articles.mark_read(article_id, read)

    @guarded
    def create_tag(self, name: str) -> Tag:
        """Create (or find) the tag `name`; new tags take the next free number key."""
        name = clean_line(name)
        if not name:
            raise StoreError("a tag needs a name")
        return self.backend.annotations.create_tag(name)

    @guarded
    def toggle_tag(self, article_id: int, position: int, tag_id: int) -> bool:
        """Toggle a tag on a paragraph; True when the tag is now on (one undo step)."""
        tag = next((t.name for t in self.backend.annotations.tags() if t.id == tag_id), "a tag")
        with self.step(f"{tag} on ¶{position + 1} of “{self._short_title(article_id)}”"):
            return self.backend.annotations.toggle_tag(article_id, position, tag_id)

    @guarded
    def set_note(self, article_id: int, position: int | None, body: str, base: str | None = None) -> str:
        """Save the note on a paragraph (or on the article, position None); an empty note is deleted.

        `base` is the text this change was made from. When the stored note changed since (another window
        saved it), neither text is lost: both are kept, and the returned text (the note as stored) shows it.
        """
        where = "" if position is None else f"¶{position + 1} of "
        with self.step(f"note on {where}“{self._short_title(article_id)}”", merge_key=f"note {article_id} {position}"):
            return self.backend.annotations.set_note(article_id, position, body, base)

    @guarded
    def add_rule(self, text: str, action: str, label: str = "", target: str = "",
                 target_label: str = "") -> tuple[EntityRule, int]:
        """Store a rule (replacing one of its kind for the same text) and apply it to everything stored:
        a correction of the spans (relabel, remove, add a label) or a rule on entities (alias `text` to
        `target`, merge the entity `text`/`label` into `target`/`target_label`, hide `text`).
        Returns the rule and how many articles (corrections) or entities (entity rules) it changed."""
        text, target = clean_line(text), clean_line(target)
        if action in KB_ACTIONS:
            if not text or (action != "hide" and not target) or (action == "merge" and not label):
                raise StoreError(f"{action} needs a name{'' if action == 'hide' else ' and the name it stands for'}")
            with self.step(f"{action} {text}" + (f" as {target}" if target else "")):
                rule = self.backend.rules.add(text, action, label, target, target_label)
                return rule, self.backend.entities.apply_rule(rule)
        if not text or action not in ACTIONS or (action != "remove" and not label):
            raise StoreError("a correction needs the entity's text, an action and (unless removing) a label")
        with self.step(f"{action} {text}" + (f" as {label}" if label else "")):
            rule = self.backend.rules.add(text, action, label)
            changed = self._correct(rule)
            rules = self.backend.rules.all()
            for article_id in changed:
                self.backend.entities.link(article_id, resolve(self.backend.spans.of_article(article_id)), rules)
        return rule, len(changed)

    def _correct(self, rule: EntityRule) -> set[int]:
        """A new correction applied to the stored spans; the articles it changed."""
        from newsgloss.store.annotation.corrections import apply_rules, by_position

        changed: dict[int, list[tuple[int, list[Span]]]] = {}
        for article_id, position, paragraph, current in self.backend.spans.paragraphs_containing(rule.text):
            [updated] = apply_rules([paragraph], [current], [rule])
            if updated != by_position(current):
                changed.setdefault(article_id, []).append((position, updated))
        for article_id, paragraphs in changed.items():
            self.backend.spans.save(article_id, paragraphs, whole=False)
        return set(changed)

    @guarded
    def delete_rule(self, rule_id: int) -> int:
        """Forget a rule. The articles a correction touched are annotated again (returns how many); the
        entities an entity rule placed are placed again by the rules that remain."""
        with self.step(f"forget rule {rule_id}"):
            rule = self.backend.rules.delete(rule_id)
            if rule is None:
                return 0
            if rule.action in KB_ACTIONS:
                self.backend.entities.replay(self.backend.rules.all())
                return 0
            return self.backend.rules.reannotate_containing(rule.text)

    # Annotation ----------------------------------------------------------------

    @guarded
    def count_unannotated(self) -> int:
        return self.backend.articles.count_unannotated()

    @guarded
    def unannotated(self, limit: int = 100) -> list[int]:
        """Articles whose spans are not stored yet, oldest import first."""
        return self.backend.articles.unannotated(limit)

    @guarded
    def annotation_input(self, article_id: int) -> tuple[str, list[str]]:
        """The article's date and paragraph texts, as the annotator takes them."""
        return self.backend.articles.annotation_input(article_id)

    @guarded
    def save_spans(self, article_id: int, spans: Sequence[Iterable[Span]], rules: Sequence[EntityRule],
                   link: bool = True) -> bool:
        """Store an article's spans (a list per paragraph), made with `rules`. When the corrections changed
        since (a rule added or deleted meanwhile), nothing is stored and False says to annotate it again."""
        spans = [list(paragraph) for paragraph in spans]
        mentions = resolve(spans)
        with self.backend.transaction():
            if not self.backend.rules.current(rules):
                return False
            self.backend.spans.save(article_id, enumerate(spans))
            if link:  # (not linking is for the benchmark that measures what linking costs)
                self.backend.entities.link(article_id, mentions, rules)
        return True

    @guarded
    def needs_linking(self) -> bool:
        """Whether annotated articles wait for their mentions to be linked (a library from before entities)."""
        return bool(self.backend.entities.unlinked(1))

    @guarded
    def link_pending(self, limit: int = 500) -> int:
        """Link the mentions of annotated articles that have none yet (a library from before entities), a
        batch at a time; returns how many were linked (0 when none are left)."""
        ids = self.backend.entities.unlinked(limit)
        rules = self.backend.rules.all()
        with self.backend.transaction():
            for article_id in ids:
                self.backend.entities.link(article_id, resolve(self.backend.spans.of_article(article_id)), rules)
        return len(ids)

    def annotate_article(self, article_id: int) -> None:
        """Run the annotator on one article now and store its spans."""
        from newsgloss.store.jobs.annotating import annotate_article

        annotate_article(self, article_id)

    def annotate_pending(self, progress: Callable[[AnnotationEvent], None] | None = None,
                         cancelled: Callable[[], bool] = lambda: False, batch: int = 50, processes: int = 1) -> int:
        """Annotate every article whose spans are not stored; returns how many were done."""
        from newsgloss.store.jobs.annotating import annotate_pending

        return annotate_pending(self, progress, cancelled, batch, processes)

    # Importing and exporting ---------------------------------------------------------

    @guarded
    def store_prepared(self, batch: list[Prepared]) -> list[tuple[ImportStatus, int]]:
        """Store prepared articles in one transaction: (status, article id) for each, in order."""
        return self.backend.ingest.add_batch(batch)

    def add_articles(self, drafts: Iterable[Draft]) -> list[ImportOutcome]:
        """Store articles read by a script; an article already stored is left unchanged."""
        outcomes: list[ImportOutcome] = []
        ready: list[tuple[int, Prepared]] = []
        for draft in drafts:
            if (item := prepare(draft)) is None:
                outcomes.append(ImportOutcome(draft.origin, "skipped", title=draft.title, reason="no text"))
            else:
                ready.append((len(outcomes), item))
                outcomes.append(ImportOutcome(draft.origin, "imported", title=item.title))
        stored = self.store_prepared([item for _, item in ready])
        for (index, item), (status, article_id) in zip(ready, stored, strict=True):
            outcomes[index] = ImportOutcome(outcomes[index].input, status, title=item.title, article_id=article_id)
        return outcomes

    def add_article(self, draft: Draft) -> ImportOutcome:
        return self.add_articles([draft])[0]

    def import_paths(self, paths: Iterable[Path | str]) -> Iterator[ImportOutcome]:
        """Import files, folders and feed addresses: one outcome per article or problem, in input order."""
        from newsgloss.store.jobs.importing import import_paths

        return import_paths(self, paths)

    def seed_samples(self) -> list[ImportOutcome]:
        """Import the sample articles that ship with newsgloss (annotation is left for later)."""
        from newsgloss.store.jobs.importing import seed

        return seed(self)

    def export_article(self, article_id: int, folder: Path, template: Path | None = None) -> Path:
        """Write one article's Markdown into `folder` (a second export keeps what the reader added to the
        file; `template`, a Jinja2 file, lays out newsgloss's part); returns the file's path."""
        from newsgloss.store.export import write_article

        return write_article(self.article(article_id), folder, template)

    def export_all(self, folder: Path, query: str = "", template: Path | None = None) -> list[Path]:
        """Export every article matching `query` (every article when it is empty)."""
        return [self.export_article(article_id, folder, template) for article_id in self.article_ids(query=query)]
