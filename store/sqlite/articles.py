"""Articles and their paragraphs: the list's pages, one whole article, read state, annotation work."""

from __future__ import annotations

import json
import sqlite3

from newsgloss.store.models import Article, ArticleSummary, Orphan, Paragraph, Span, StoreError
from newsgloss.store.query import Query
from newsgloss.store.sqlite.connection import atomic, now
from newsgloss.store.sqlite.filters import where

# Each order matches an index (migration 3): NULL dates sort last when descending.
ORDERS = {
    "newest": "published DESC, id DESC",
    "source": "source COLLATE NOCASE, published DESC, id DESC",
    "title": "title COLLATE NOCASE, id",
}
# The same orders backwards, read from the other end of the same indexes.
REVERSED = {
    name: ", ".join(term[:-5] if term.endswith(" DESC") else f"{term} DESC" for term in clause.split(", "))
    for name, clause in ORDERS.items()
}


def _filter(conn: sqlite3.Connection, query: Query | None) -> tuple[str, list[object]]:
    if query is None or query.empty:
        return "WHERE articles.shelf = 0", []  # the list: not the archive, not the trash
    sql, params = where(conn, query)
    return f"WHERE {sql}", params


def _summary(r: tuple) -> ArticleSummary:
    return ArticleSummary(id=r[0], title=r[1], source=r[2] or "", published=r[3] or "", unread=bool(r[4]),
                          starred=bool(r[5]), tagged=r[6])


class Articles:
    """The `articles` and `paragraphs` tables."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def count(self, query: Query | None = None) -> int:
        sql, params = _filter(self.conn, query)
        return int(self.conn.execute(f"SELECT count(*) FROM articles {sql}", params).fetchone()[0])

    def page(self, offset: int, limit: int, order: str = "newest", query: Query | None = None,
             total: int | None = None) -> list[ArticleSummary]:
        """A page of the article list. Given the list's `total`, a page past the middle is read from the
        far end of the index: OFFSET steps over every row it skips, so the last page of 100,000 read them all."""
        condition, params = _filter(self.conn, query)
        backwards = total is not None and offset > total // 2
        if backwards and total is not None:
            end = min(offset + limit, total)
            limit, offset = max(end - offset, 0), total - end
        rows = self.conn.execute(
            f"""SELECT id, title, source, published, read_at IS NULL, starred,
                (SELECT count(DISTINCT position) FROM paragraph_tags WHERE article_id = articles.id)
                FROM articles {condition} ORDER BY {(REVERSED if backwards else ORDERS)[order]} LIMIT ? OFFSET ?""",
            [*params, limit, offset],
        ).fetchall()
        if backwards:
            rows.reverse()
        return [_summary(r) for r in rows]

    def ids(self, order: str = "newest", query: Query | None = None) -> list[int]:
        condition, params = _filter(self.conn, query)
        return [r[0] for r in self.conn.execute(f"SELECT id FROM articles {condition} ORDER BY {ORDERS[order]}",
                                                params)]

    def get(self, article_id: int) -> Article:
        """The article with its paragraphs, spans, tags and notes."""
        row = self.conn.execute(
            "SELECT id, title, source, url, author, published, caption, imported_at, annotated_at, read_at, starred, "
            "shelf FROM articles WHERE id = ?",
            [article_id],
        ).fetchone()
        if row is None:
            raise StoreError(f"no article with id {article_id}")
        notes = self._notes(article_id)
        return Article(
            id=row[0], title=row[1], source=row[2] or "", url=row[3] or "", author=row[4] or "",
            published=row[5] or "", caption=row[6] or "", imported_at=row[7] or "", annotated=row[8] is not None,
            read_at=row[9], starred=bool(row[10]), shelf=row[11] or 0, paragraphs=self._paragraphs(article_id, notes),
            note=notes.get(None, ""), orphans=self._orphans(article_id), tags=self._article_tags(article_id),
        )

    def title(self, article_id: int) -> str:
        row = self.conn.execute("SELECT title FROM articles WHERE id = ?", [article_id]).fetchone()
        return row[0] if row else f"article {article_id}"

    def _article_tags(self, article_id: int) -> tuple[str, ...]:
        """Tags on the article as a whole (position -1: tagged from the list, many at once)."""
        return tuple(r[0] for r in self.conn.execute(
            "SELECT name FROM paragraph_tags JOIN tags ON tags.id = tag_id WHERE article_id = ? AND position = -1 "
            "ORDER BY tags.key = 0, tags.key, tags.name", [article_id]))

    def _orphans(self, article_id: int) -> tuple[Orphan, ...]:
        rows = self.conn.execute("SELECT old_text, tags, note FROM orphans WHERE article_id = ? ORDER BY id",
                                 [article_id])
        return tuple(Orphan(text, tuple(json.loads(tags or "[]")), note or "") for text, tags, note in rows)

    def _notes(self, article_id: int) -> dict[int | None, str]:
        rows = self.conn.execute("SELECT position, body FROM notes WHERE article_id = ?", [article_id])
        return {position: body for position, body in rows}

    def _paragraphs(self, article_id: int, notes: dict[int | None, str]) -> tuple[Paragraph, ...]:
        spans: dict[int, list[Span]] = {}
        for r in self.conn.execute(
            'SELECT position, start, "end", label, text, value, type, origin FROM spans '
            "WHERE article_id = ? ORDER BY position, start",
            [article_id],
        ):
            spans.setdefault(r[0], []).append(Span(r[1], r[2], r[3], r[4], r[5] or "", r[6] or "", r[7] or "model"))
        tags: dict[int, list[str]] = {}
        for position, name in self.conn.execute(
            "SELECT position, name FROM paragraph_tags JOIN tags ON tags.id = tag_id WHERE article_id = ? "
            "ORDER BY tags.key = 0, tags.key, tags.name",
            [article_id],
        ):
            tags.setdefault(position, []).append(name)
        return tuple(
            Paragraph(pos, text, fp, tuple(spans.get(pos, ())), tuple(tags.get(pos, ())), notes.get(pos, ""))
            for pos, text, fp in self.conn.execute(
                "SELECT position, text, fingerprint FROM paragraphs WHERE article_id = ? ORDER BY position",
                [article_id],
            )
        )

    def mark_read(self, article_id: int, read: bool = True) -> None:
        with atomic(self.conn):
            self.conn.execute("UPDATE articles SET read_at = ? WHERE id = ?", [now() if read else None, article_id])

    def set_read(self, ids: list[int], read: bool) -> int:
        """Mark many read or unread (those already so are left alone); how many changed."""
        state = "IS NULL" if read else "IS NOT NULL"
        return self._update(ids, f"read_at = ? WHERE id IN ({{}}) AND read_at {state}", [now() if read else None])

    def set_starred(self, ids: list[int], starred: bool) -> int:
        return self._update(ids, "starred = ? WHERE id IN ({}) AND coalesce(starred, 0) != ?", [int(starred)],
                            [int(starred)])

    def set_shelf(self, ids: list[int], shelf: int) -> int:
        """Move articles to the list (0), the archive (1) or the trash (2); how many moved."""
        return self._update(ids, "shelf = ?, shelved_at = ? WHERE id IN ({}) AND shelf != ?",
                            [shelf, now() if shelf else None], [shelf])

    def _update(self, ids: list[int], clause: str, before: list[object],
                after: tuple[object, ...] | list[object] = ()) -> int:
        """`UPDATE articles SET clause` for `ids`, 500 at a time, in one transaction; rows changed."""
        changed = 0
        with atomic(self.conn):
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                statement = "UPDATE articles SET " + clause.format(",".join("?" * len(chunk)))
                changed += self.conn.execute(statement, [*before, *chunk, *after]).rowcount
        return changed

    def shelf_counts(self) -> dict[int, int]:
        return dict(self.conn.execute("SELECT shelf, count(*) FROM articles GROUP BY shelf").fetchall())

    def trashed_before(self, stamp: str) -> list[int]:
        return [r[0] for r in self.conn.execute("SELECT id FROM articles WHERE shelf = 2 AND shelved_at <= ?", [stamp])]

    def purge(self, ids: list[int]) -> int:
        """Delete articles for good, with everything that hangs on them (the trash emptied)."""
        with atomic(self.conn):
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                marks = ",".join("?" * len(chunk))
                for table in ("mentions", "spans", "paragraph_tags", "notes", "orphans", "article_versions",
                              "paragraph_places"):
                    self.conn.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", chunk)
                self.conn.execute(f"DELETE FROM articles WHERE id IN ({marks})", chunk)
        return len(ids)

    # Annotation work ---------------------------------------------------------

    def unannotated(self, limit: int = 100) -> list[int]:
        """Articles whose spans are not stored yet, oldest import first."""
        rows = self.conn.execute("SELECT id FROM articles WHERE annotated_at IS NULL ORDER BY id LIMIT ?", [limit])
        return [r[0] for r in rows]

    def count_unannotated(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles WHERE annotated_at IS NULL").fetchone()[0])

    def annotation_input(self, article_id: int) -> tuple[str, list[str]]:
        """The article's date and paragraph texts, as the annotator wants them."""
        row = self.conn.execute("SELECT published, imported_at FROM articles WHERE id = ?", [article_id]).fetchone()
        texts = [r[0] for r in self.conn.execute(
            "SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position", [article_id])]
        return (row[0] or row[1][:10]) if row else "", texts
