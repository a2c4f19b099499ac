"""The Store facade: verb methods over one SQLite file, returning frozen dataclasses."""

from __future__ import annotations

import json
from pathlib import Path

from store.annotation_verbs import AnnotationVerbs
from store.clean import clean_line
from store.db import StoreError, atomic, now, open_database
from store.import_verbs import ImportVerbs
from store.models import Article, ArticleSummary, Orphan, Paragraph, Span, Tag
from store.search import search_library

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


class Store(ImportVerbs, AnnotationVerbs):
    """One newsgloss library. Open one per thread: connections do not cross threads."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path).expanduser()
        self.conn = open_database(self.path)
        self._db = None

    @property
    def db(self):
        """The same connection as a sqlite_utils Database, for scripts (imported on first use)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn)
        return self._db

    def close(self) -> None:
        self.conn.close()

    # Articles -------------------------------------------------------------

    def orphans(self, article_id: int) -> list[Orphan]:
        """Tags and notes kept from paragraphs that are gone from the article's current version."""
        rows = self.conn.execute("SELECT old_text, tags, note FROM orphans WHERE article_id = ? ORDER BY id",
                                 [article_id])
        return [Orphan(text, tuple(json.loads(tags or "[]")), note or "") for text, tags, note in rows]

    def count_articles(self, tag: str | None = None) -> int:
        sql, params = self._filter(tag)
        return self.conn.execute(f"SELECT count(*) FROM articles {sql}", params).fetchone()[0]

    def _filter(self, tag: str | None) -> tuple[str, list]:
        if not tag:
            return "", []
        return (
            "WHERE id IN (SELECT article_id FROM paragraph_tags JOIN tags ON tags.id = tag_id WHERE tags.name = ?)",
            [tag],
        )

    def article_page(self, offset: int, limit: int, order: str = "newest", tag: str | None = None,
                     total: int | None = None) -> list[ArticleSummary]:
        """A page of the article list, in `order` (newest, source or title).

        Given the list's `total`, a page past the middle is read from the far end of the index:
        OFFSET steps over every row it skips, so the last page of 100,000 read them all.
        """
        where, params = self._filter(tag)
        backwards = total is not None and offset > total // 2
        if backwards:
            end = min(offset + limit, total)
            limit, offset = max(end - offset, 0), total - end
        rows = self.conn.execute(
            f"""SELECT id, title, source, published, read_at IS NULL, starred,
                (SELECT count(DISTINCT position) FROM paragraph_tags WHERE article_id = articles.id)
                FROM articles {where} ORDER BY {(REVERSED if backwards else ORDERS)[order]} LIMIT ? OFFSET ?""",
            [*params, limit, offset],
        ).fetchall()
        if backwards:
            rows.reverse()
        return [
            ArticleSummary(id=r[0], title=r[1], source=r[2] or "", published=r[3] or "", unread=bool(r[4]),
                           starred=bool(r[5]), tagged=r[6])
            for r in rows
        ]

    def article_ids(self, order: str = "newest", tag: str | None = None) -> list[int]:
        where, params = self._filter(tag)
        return [r[0] for r in self.conn.execute(f"SELECT id FROM articles {where} ORDER BY {ORDERS[order]}", params)]

    def article(self, article_id: int) -> Article:
        """The article with its paragraphs, spans, tags and notes."""
        row = self.conn.execute(
            "SELECT id, title, source, url, author, published, caption, imported_at, annotated_at, read_at, starred "
            "FROM articles WHERE id = ?",
            [article_id],
        ).fetchone()
        if row is None:
            raise StoreError(f"no article with id {article_id}")
        notes = self._notes(article_id)
        return Article(
            id=row[0], title=row[1], source=row[2] or "", url=row[3] or "", author=row[4] or "",
            published=row[5] or "", caption=row[6] or "", imported_at=row[7] or "", annotated=row[8] is not None,
            read_at=row[9], starred=bool(row[10]), paragraphs=self._paragraphs(article_id, notes),
            note=notes.get(None, ""), orphans=tuple(self.orphans(article_id)),
        )

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
                "SELECT position, text, fingerprint FROM paragraphs WHERE article_id = ? ORDER BY position", [article_id]
            )
        )

    def mark_read(self, article_id: int, read: bool = True) -> None:
        with atomic(self.conn):
            self.conn.execute("UPDATE articles SET read_at = ? WHERE id = ?", [now() if read else None, article_id])

    # Tags ------------------------------------------------------------------

    def tags(self) -> list[Tag]:
        """All tags: the numbered ones first, in key order, then by name."""
        rows = self.conn.execute("SELECT id, name, key FROM tags ORDER BY key = 0, key, name COLLATE NOCASE")
        return [Tag(id=r[0], name=r[1], key=r[2] or 0) for r in rows]

    def create_tag(self, name: str) -> Tag:
        """Create (or find) the tag `name`; new tags take the next free number key."""
        name = clean_line(name)
        if not name:
            raise StoreError("a tag needs a name")
        found = self.conn.execute("SELECT id, name, key FROM tags WHERE name = ?", [name]).fetchone()
        if found:
            return Tag(found[0], found[1], found[2] or 0)
        used = {r[0] for r in self.conn.execute("SELECT key FROM tags WHERE key > 0")}
        key = next((k for k in range(1, 10) if k not in used), 0)
        with atomic(self.conn):
            tag_id = self.conn.execute(
                "INSERT INTO tags (name, key, created_at) VALUES (?, ?, ?)", [name, key, now()]).lastrowid
        return Tag(int(tag_id), name, key)

    def tag_for_key(self, key: int) -> Tag | None:
        row = self.conn.execute("SELECT id, name, key FROM tags WHERE key = ?", [key]).fetchone()
        return Tag(row[0], row[1], row[2]) if row else None

    def toggle_tag(self, article_id: int, position: int, tag_id: int) -> bool:
        """Toggle a tag on a paragraph; True when the tag is now on."""
        where = "article_id = ? AND position = ? AND tag_id = ?"
        with atomic(self.conn):
            if self.conn.execute(f"SELECT 1 FROM paragraph_tags WHERE {where}", [article_id, position, tag_id]).fetchone():
                self.conn.execute(f"DELETE FROM paragraph_tags WHERE {where}", [article_id, position, tag_id])
                return False
            self.conn.execute(
                "INSERT INTO paragraph_tags (article_id, position, tag_id, fingerprint, created_at) VALUES (?, ?, ?, ?, ?)",
                [article_id, position, tag_id, self._paragraph_fingerprint(article_id, position), now()],
            )
        return True

    def _paragraph_fingerprint(self, article_id: int, position: int | None) -> str | None:
        if position is None:
            return None
        row = self.conn.execute(
            "SELECT fingerprint FROM paragraphs WHERE article_id = ? AND position = ?", [article_id, position]
        ).fetchone()
        if row is None:
            raise StoreError(f"article {article_id} has no paragraph {position}")
        return row[0]

    # Notes -----------------------------------------------------------------

    def note(self, article_id: int, position: int | None = None) -> str:
        return self._notes(article_id).get(position, "")

    def set_note(self, article_id: int, position: int | None, body: str) -> None:
        """Save the note on a paragraph (or the article, position None); empty deletes it."""
        place = "article_id = ? AND coalesce(position, -1) = coalesce(?, -1)"
        stamp = now()
        with atomic(self.conn):
            found = self.conn.execute(f"SELECT id, body FROM notes WHERE {place}", [article_id, position]).fetchone()
            if not body.strip():
                self.conn.execute(f"DELETE FROM notes WHERE {place}", [article_id, position])
            elif found and found[1] != body:
                self.conn.execute("UPDATE notes SET body = ?, updated_at = ? WHERE id = ?", [body, stamp, found[0]])
            elif not found:
                self.conn.execute(
                    "INSERT INTO notes (article_id, position, fingerprint, body, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [article_id, position, self._paragraph_fingerprint(article_id, position), body, stamp, stamp],
                )

    # Search ----------------------------------------------------------------

    def search(self, query: str, limit: int = 50):
        """Ranked full-text search over titles, bodies and notes; any text is a valid query."""
        return search_library(self.conn, query, limit)
