"""What the reader adds to paragraphs: tags and notes."""

from __future__ import annotations

import sqlite3

from newsgloss.store.models import Highlight, StoreError, Tag, TagCount
from newsgloss.store.query import Query
from newsgloss.store.sqlite.connection import atomic, now
from newsgloss.store.sqlite.filters import where


def paragraph_fingerprint(conn: sqlite3.Connection, article_id: int, position: int | None) -> str | None:
    """The fingerprint of a paragraph (None for the article itself); a missing paragraph is a StoreError."""
    if position is None:
        return None
    row = conn.execute(
        "SELECT fingerprint FROM paragraphs WHERE article_id = ? AND position = ?", [article_id, position]
    ).fetchone()
    if row is None:
        raise StoreError(f"article {article_id} has no paragraph {position}")
    return str(row[0])


def merged_notes(theirs: str, ours: str) -> str:
    """Two texts of one note written at once (two windows): both kept, the one saved first on top."""
    if not theirs.strip():
        return ours
    if not ours.strip():
        return theirs
    return f"{theirs.rstrip()}\n\n--- also written in another window ({now()[:16].replace('T', ' ')} UTC) ---\n\n{ours}"


class Annotations:
    """The `tags`, `paragraph_tags` and `notes` tables."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def tags(self) -> list[Tag]:
        """All tags: the numbered ones first, in key order, then by name."""
        rows = self.conn.execute("SELECT id, name, key FROM tags ORDER BY key = 0, key, name COLLATE NOCASE")
        return [Tag(id=r[0], name=r[1], key=r[2] or 0) for r in rows]

    def create_tag(self, name: str) -> Tag:
        """Create (or find) the tag `name`; new tags take the next free number key."""
        found = self.conn.execute("SELECT id, name, key FROM tags WHERE name = ?", [name]).fetchone()
        if found:
            return Tag(found[0], found[1], found[2] or 0)
        with atomic(self.conn):
            used = {r[0] for r in self.conn.execute("SELECT key FROM tags WHERE key > 0")}
            key = next((k for k in range(1, 10) if k not in used), 0)
            tag_id = self.conn.execute(
                "INSERT INTO tags (name, key, created_at) VALUES (?, ?, ?)", [name, key, now()]).lastrowid
        return Tag(int(tag_id or 0), name, key)

    def tag_for_key(self, key: int) -> Tag | None:
        row = self.conn.execute("SELECT id, name, key FROM tags WHERE key = ?", [key]).fetchone()
        return Tag(row[0], row[1], row[2]) if row else None

    def toggle_tag(self, article_id: int, position: int, tag_id: int) -> bool:
        """Toggle a tag on a paragraph; True when the tag is now on."""
        where, key = "article_id = ? AND position = ? AND tag_id = ?", [article_id, position, tag_id]
        with atomic(self.conn):
            if self.conn.execute(f"SELECT 1 FROM paragraph_tags WHERE {where}", key).fetchone():
                self.conn.execute(f"DELETE FROM paragraph_tags WHERE {where}", key)
                return False
            self.conn.execute(
                "INSERT INTO paragraph_tags (article_id, position, tag_id, fingerprint, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                [article_id, position, tag_id, paragraph_fingerprint(self.conn, article_id, position), now()],
            )
        return True

    # Tags as a whole -------------------------------------------------------------

    def tag_counts(self) -> list[TagCount]:
        rows = self.conn.execute(
            "SELECT t.id, t.name, coalesce(t.key, 0), count(pt.tag_id), count(DISTINCT pt.article_id) FROM tags t "
            "LEFT JOIN paragraph_tags pt ON pt.tag_id = t.id GROUP BY t.id "
            "ORDER BY coalesce(t.key, 0) = 0, t.key, t.name COLLATE NOCASE")
        return [TagCount(id=r[0], name=r[1], key=r[2], paragraphs=r[3], articles=r[4]) for r in rows]

    def rename_tag(self, tag_id: int, name: str) -> None:
        with atomic(self.conn):
            taken = self.conn.execute("SELECT id FROM tags WHERE name = ? AND id != ?", [name, tag_id]).fetchone()
            if taken:
                raise StoreError(f"there is already a tag {name!r}: merge the two instead")
            if not self.conn.execute("UPDATE tags SET name = ? WHERE id = ?", [name, tag_id]).rowcount:
                raise StoreError(f"no tag with id {tag_id}")

    def merge_tags(self, source_id: int, target_id: int) -> int:
        """Every use of `source` becomes `target` (once per paragraph); `source` goes. Uses moved."""
        if source_id == target_id:
            raise StoreError("a tag cannot be merged into itself")
        with atomic(self.conn):
            moved = self.conn.execute(
                "INSERT OR IGNORE INTO paragraph_tags (article_id, position, tag_id, fingerprint, created_at) "
                "SELECT article_id, position, ?, fingerprint, created_at FROM paragraph_tags WHERE tag_id = ?",
                [target_id, source_id]).rowcount
            self.conn.execute("DELETE FROM paragraph_tags WHERE tag_id = ?", [source_id])
            self.conn.execute("DELETE FROM tags WHERE id = ?", [source_id])
        return moved

    def delete_tag(self, tag_id: int) -> int:
        """The tag and every use of it; how many uses went."""
        with atomic(self.conn):
            used = self.conn.execute("DELETE FROM paragraph_tags WHERE tag_id = ?", [tag_id]).rowcount
            self.conn.execute("DELETE FROM tags WHERE id = ?", [tag_id])
        return used

    def set_tag_key(self, tag_id: int, key: int) -> None:
        """Put a tag on number key `key` (0: none); a tag already there takes this one's old key."""
        if not 0 <= key <= 9:
            raise StoreError("a tag's key is 1 to 9 (or 0 for none)")
        with atomic(self.conn):
            row = self.conn.execute("SELECT coalesce(key, 0) FROM tags WHERE id = ?", [tag_id]).fetchone()
            if row is None:
                raise StoreError(f"no tag with id {tag_id}")
            if key:
                self.conn.execute("UPDATE tags SET key = ? WHERE key = ? AND id != ?", [row[0], key, tag_id])
            self.conn.execute("UPDATE tags SET key = ? WHERE id = ?", [key, tag_id])

    def tag_articles(self, ids: list[int], tag_id: int, on: bool = True) -> int:
        """Tag many articles as a whole (position -1), or take the tag off them; how many changed."""
        changed = 0
        with atomic(self.conn):
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                marks = ",".join("?" * len(chunk))
                if on:
                    changed += self.conn.execute(
                        "INSERT OR IGNORE INTO paragraph_tags (article_id, position, tag_id, fingerprint, created_at) "
                        f"SELECT id, -1, ?, NULL, ? FROM articles WHERE id IN ({marks})",
                        [tag_id, now(), *chunk]).rowcount
                else:
                    changed += self.conn.execute(
                        f"DELETE FROM paragraph_tags WHERE tag_id = ? AND position = -1 AND article_id IN ({marks})",
                        [tag_id, *chunk]).rowcount
        return changed

    def note(self, article_id: int, position: int | None = None) -> str:
        row = self.conn.execute(
            "SELECT body FROM notes WHERE article_id = ? AND coalesce(position, -1) = coalesce(?, -1)",
            [article_id, position]).fetchone()
        return str(row[0]) if row else ""

    def set_note(self, article_id: int, position: int | None, body: str, base: str | None = None) -> str:
        """Save the note on a paragraph (or the article, position None); empty deletes it. When `base` (the text
        the change was made from) is given and the stored note changed since, both texts are kept. Returns
        the note as stored."""
        place = "article_id = ? AND coalesce(position, -1) = coalesce(?, -1)"
        stamp = now()
        with atomic(self.conn):
            found = self.conn.execute(f"SELECT id, body FROM notes WHERE {place}", [article_id, position]).fetchone()
            stored = found[1] if found else ""
            if base is not None and stored not in (base, body):
                body = merged_notes(stored, body)
            if not body.strip():
                self.conn.execute(f"DELETE FROM notes WHERE {place}", [article_id, position])
            elif found and found[1] != body:
                self.conn.execute("UPDATE notes SET body = ?, updated_at = ? WHERE id = ?", [body, stamp, found[0]])
            elif not found:
                self.conn.execute(
                    "INSERT INTO notes (article_id, position, fingerprint, body, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [article_id, position, paragraph_fingerprint(self.conn, article_id, position), body, stamp, stamp],
                )
        return body

    def highlights(self, query: Query, limit: int = 200, offset: int = 0) -> list[Highlight]:
        """Every tagged or noted paragraph and every article note of the articles matching `query`, newest
        article first."""
        condition, params = where(self.conn, query)
        rows = self.conn.execute(
            f"""WITH places AS (SELECT article_id, position FROM paragraph_tags WHERE position >= 0
                                UNION SELECT article_id, position FROM notes)
                SELECT articles.id, articles.title, articles.published, articles.source, places.position,
                       coalesce(p.text, ''),
                       (SELECT group_concat(t.name, char(31)) FROM paragraph_tags pt JOIN tags t ON t.id = pt.tag_id
                        WHERE pt.article_id = articles.id AND pt.position = places.position),
                       (SELECT body FROM notes n WHERE n.article_id = articles.id
                        AND coalesce(n.position, -1) = coalesce(places.position, -1))
                FROM places JOIN articles ON articles.id = places.article_id
                LEFT JOIN paragraphs p ON p.article_id = articles.id AND p.position = places.position
                WHERE {condition}
                ORDER BY articles.published DESC, articles.id DESC, coalesce(places.position, -1) LIMIT ? OFFSET ?""",
            [*params, limit, offset]).fetchall()
        return [Highlight(r[0], r[1], r[2] or "", r[3] or "", r[4], r[5], tuple(r[6].split("\x1f")) if r[6] else (),
                          r[7] or "") for r in rows]
