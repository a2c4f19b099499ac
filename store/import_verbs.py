"""The Store's verbs for importing: new articles in batches, repeats left alone, new versions replaced."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from store.db import atomic, now
from store.ingest import INSERT_PARAGRAPHS, Prepared, insert_new, prepare
from store.models import Draft, ImportOutcome
from store.updates import carry_over


def _names(item: Prepared) -> set[object]:
    """What makes two articles versions of one: the same URL, or the same title and source."""
    return {name for name in (item.url, (item.title, item.source) if item.source else "") if name}


class ImportVerbs:
    """Mixed into Store (which provides `conn`)."""

    conn: object

    def add_article(self, draft: Draft) -> ImportOutcome:
        """Store a new article; an article with the same text is left unchanged."""
        return next(self.add_articles([draft]))

    def add_articles(self, drafts: Iterable[Draft], chunk: int = 1000) -> Iterator[ImportOutcome]:
        """Store many articles, `chunk` to a transaction; each is whole or absent, never half stored."""
        return self.add_prepared(((d.origin or d.title, prepare(d)) for d in drafts), chunk)

    def add_prepared(self, items: Iterable[tuple[str, Prepared | None]], chunk: int = 1000) -> Iterator[ImportOutcome]:
        """Store (name, prepared article) pairs, `chunk` to a transaction; None is an article with no text."""
        batch: list[tuple[str, Prepared | None]] = []
        for item in items:
            batch.append(item)
            if len(batch) >= chunk:
                yield from self._add_batch(batch)
                batch = []
        if batch:
            yield from self._add_batch(batch)

    def _add_batch(self, batch: list[tuple[str, Prepared | None]]) -> list[ImportOutcome]:
        keys = [item.key for _, item in batch if item]
        found = dict(self.conn.execute(
            f"SELECT fingerprint, id FROM articles WHERE fingerprint IN ({','.join('?' * len(keys))})", keys
        ).fetchall()) if keys else {}
        outcomes: list[ImportOutcome] = []
        waiting: dict[str, tuple[int, Prepared]] = {}  # new articles by key, with their place in `outcomes`
        names: set[object] = set()  # the URLs and (title, source) pairs of the waiting articles
        stamp = now()

        def store_waiting() -> None:
            ids = insert_new(self.conn, [item for _, item in waiting.values()], stamp)
            for (place, item), article_id in zip(waiting.values(), ids):
                outcomes[place] = ImportOutcome("imported", item.title, article_id=article_id)
                found[item.key] = article_id
            waiting.clear()
            names.clear()

        with atomic(self.conn):
            for name, item in batch:
                if item is None:
                    outcomes.append(ImportOutcome("skipped", name, "no text"))
                    continue
                if item.key in waiting or (item.key not in found and _names(item) & names):
                    store_waiting()  # a repeat or a new version of an article not stored yet
                if item.key in found:
                    outcomes.append(ImportOutcome("unchanged", item.title, article_id=found[item.key]))
                elif (previous := self._previous_version(item)) is not None:
                    self._replace(previous, item, stamp)
                    found[item.key] = previous
                    outcomes.append(ImportOutcome("updated", item.title, article_id=previous))
                else:
                    waiting[item.key] = (len(outcomes), item)
                    names.update(_names(item))
                    outcomes.append(ImportOutcome("skipped", name, "not stored"))  # replaced when stored
            store_waiting()
        return outcomes

    def _previous_version(self, item: Prepared) -> int | None:
        """The stored article this one is a new version of: the same URL, or the same title and source."""
        row = None
        if item.url:
            row = self.conn.execute("SELECT id FROM articles WHERE url = ? ORDER BY id LIMIT 1", [item.url]).fetchone()
        if row is None and item.source:
            row = self.conn.execute("SELECT id FROM articles WHERE title = ? AND source = ? ORDER BY id LIMIT 1",
                                    [item.title, item.source]).fetchone()
        return row[0] if row else None

    def _replace(self, article_id: int, item: Prepared, stamp: str) -> None:
        """New text for a stored article; tags and notes follow their paragraphs (store/updates.py)."""
        carry_over(self.conn, article_id, list(zip(item.paragraphs, item.prints)))
        self.conn.execute("DELETE FROM paragraphs WHERE article_id = ?", [article_id])
        self.conn.execute("DELETE FROM spans WHERE article_id = ?", [article_id])
        self.conn.executemany(INSERT_PARAGRAPHS, item.paragraph_rows(article_id))
        self.conn.execute(
            "UPDATE articles SET fingerprint = ?, title = ?, body = ?, published = coalesce(?, published), "
            "author = coalesce(nullif(?, ''), author), caption = coalesce(nullif(?, ''), caption), "
            "imported_at = ?, annotated_at = NULL WHERE id = ?",
            [item.key, item.title, item.body, item.published or None, item.author,
             item.caption, stamp, article_id],
        )
