"""Tidying the library, every step undoable: stars, the archive, the trash, read state, tags on many articles at
once, tag management, and undo and redo (`library.curation`). Each action is one transaction and one step of
the undo journal, however many articles it touches."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from newsgloss.store.annotation.resolve import KB_ACTIONS
from newsgloss.store.clean import clean_line
from newsgloss.store.models import JournalStep, StoreError, Tag, TagCount
from newsgloss.store.query import parse

if TYPE_CHECKING:
    from newsgloss.store.library import Library

SHELF_NAMES = {0: "the list", 1: "the archive", 2: "the trash"}


def _many(library: Library, ids: list[int]) -> str:
    if len(ids) == 1:
        return f"“{library._short_title(ids[0])}”"
    return f"{len(ids):,} articles"


class Curation:
    def __init__(self, library: Library) -> None:
        self.library = library
        self.backend = library.backend

    def ids(self, query: str) -> list[int]:
        """The articles a query matches (what "select all" selects)."""
        with self.backend.errors():
            return self.backend.articles.ids(query=parse(query))

    # Article states ---------------------------------------------------------------

    def star(self, ids: list[int], starred: bool = True) -> int:
        with self.backend.errors(), self.library.step(f"{'star' if starred else 'unstar'} {_many(self.library, ids)}"):
            return self.backend.articles.set_starred(ids, starred)

    def set_read(self, ids: list[int], read: bool = True) -> int:
        """Mark articles read or unread on purpose (opening an article marks it read outside the journal)."""
        summary = f"mark {_many(self.library, ids)} {'read' if read else 'unread'}"
        with self.backend.errors(), self.library.step(summary):
            return self.backend.articles.set_read(ids, read)

    def archive(self, ids: list[int], archived: bool = True) -> int:
        """Out of the list into the archive (is:archived shows them), or back."""
        return self._shelve(ids, 1 if archived else 0)

    def trash(self, ids: list[int]) -> int:
        """Into the trash: out of every view until restored, emptied after the days the settings say."""
        return self._shelve(ids, 2)

    def restore(self, ids: list[int]) -> int:
        """Back to the list from the archive or the trash."""
        return self._shelve(ids, 0)

    def _shelve(self, ids: list[int], shelf: int) -> int:
        with self.backend.errors(), self.library.step(f"move {_many(self.library, ids)} to {SHELF_NAMES[shelf]}"):
            return self.backend.articles.set_shelf(ids, shelf)

    def kept_work(self, ids: list[int]) -> tuple[int, int]:
        """(tagged paragraphs, notes) on these articles: what a delete would put in the trash with them."""
        tagged = notes = 0
        with self.backend.errors():
            for article_id in ids:
                article = self.backend.articles.get(article_id)
                tagged += sum(bool(p.tags) for p in article.paragraphs) + bool(article.tags)
                notes += sum(bool(p.note.strip()) for p in article.paragraphs) + bool(article.note.strip())
        return tagged, notes

    def counts(self) -> dict[str, int]:
        with self.backend.errors():
            found = self.backend.articles.shelf_counts()
        return {"list": found.get(0, 0), "archive": found.get(1, 0), "trash": found.get(2, 0)}

    def empty_trash(self, older_than_days: float = 0.0) -> int:
        """Delete for good what has been in the trash longer than `older_than_days` (this cannot be undone)."""
        cutoff = (datetime.now(UTC) - timedelta(days=older_than_days)).isoformat(timespec="seconds")
        with self.backend.errors():
            ids = self.backend.articles.trashed_before(cutoff)
            return self.backend.articles.purge(ids) if ids else 0

    # Tags ---------------------------------------------------------------------------

    def tags(self) -> list[TagCount]:
        with self.backend.errors():
            return self.backend.annotations.tag_counts()

    def tag(self, name: str) -> TagCount:
        found = [t for t in self.tags() if t.name.casefold() == name.strip().casefold()]
        if not found:
            raise StoreError(f"no tag {name!r}")
        return found[0]

    def tag_articles(self, ids: list[int], tag: Tag | TagCount, on: bool = True) -> int:
        """Tag many articles as a whole (or take the tag off them), one step."""
        summary = f"{'tag' if on else 'untag'} {_many(self.library, ids)} {tag.name}"
        with self.backend.errors(), self.library.step(summary):
            return self.backend.annotations.tag_articles(ids, tag.id, on)

    def rename_tag(self, tag: TagCount, name: str) -> None:
        name = clean_line(name)
        if not name:
            raise StoreError("a tag needs a name")
        with self.backend.errors(), self.library.step(f"rename tag {tag.name} to {name}"):
            self.backend.annotations.rename_tag(tag.id, name)

    def merge_tags(self, source: TagCount, target: TagCount) -> int:
        with self.backend.errors(), self.library.step(f"merge tag {source.name} into {target.name}"):
            return self.backend.annotations.merge_tags(source.id, target.id)

    def delete_tag(self, tag: TagCount) -> int:
        with self.backend.errors(), self.library.step(f"delete tag {tag.name}"):
            return self.backend.annotations.delete_tag(tag.id)

    def set_tag_key(self, tag: TagCount, key: int) -> None:
        with self.backend.errors(), self.library.step(f"put tag {tag.name} on key {key}"):
            self.backend.annotations.set_tag_key(tag.id, key)

    # Undo ---------------------------------------------------------------------------

    def history(self, limit: int = 20) -> list[JournalStep]:
        with self.backend.errors():
            return self.backend.journal.history(limit)

    def undo(self) -> JournalStep | None:
        """Undo the latest step (any number of times, across restarts); None when there is nothing to undo."""
        return self._replay(undo=True)

    def redo(self) -> JournalStep | None:
        return self._replay(undo=False)

    def _replay(self, undo: bool) -> JournalStep | None:
        with self.backend.errors(), self.backend.transaction():
            done = self.backend.journal.undo() if undo else self.backend.journal.redo()
            if done is None:
                return None
            step, rules = done
            if any(rule.get("action") in KB_ACTIONS for rule in rules):
                self.backend.entities.replay(self.backend.rules.all())
            for text in {str(rule.get("text", "")) for rule in rules if rule.get("action") not in KB_ACTIONS}:
                self.backend.rules.reannotate_containing(text)  # annotated again by the rules now in force
            return step
