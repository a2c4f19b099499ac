"""The knowledge base: entities, their mentions, and the reader's alias, merge and hide rules on them."""

from __future__ import annotations

import heapq
import sqlite3
from collections.abc import Sequence

from newsgloss.store.annotation.resolve import Mention, key, written
from newsgloss.store.models import EntityRule, EntitySummary, MentionHit
from newsgloss.store.sqlite.connection import now
from newsgloss.store.sqlite.filters import entity_ids as named

SHOWN = "canonical_id = id AND NOT hidden AND articles > 0"
_MEMBERS = "SELECT id FROM entities WHERE canonical_id = ?"


def _prefix(name: str) -> tuple[str, str]:
    """The range of entity keys for a name, whatever its label."""
    folded = " ".join(name.casefold().split())
    return f"{folded}\x1f", f"{folded}\x20"


class Entities:
    """The `entities` and `mentions` tables. Writes happen inside the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # Linking an article's mentions -------------------------------------------------

    def link(self, article_id: int, mentions: Sequence[Mention], rules: Sequence[EntityRule]) -> None:
        """Make `mentions` the article's mentions (the counts follow, by trigger)."""
        self.conn.execute("DELETE FROM mentions WHERE article_id = ?", [article_id])
        row = self.conn.execute("SELECT published FROM articles WHERE id = ?", [article_id]).fetchone()
        published = row[0] if row else None
        spans = {
            (p, s, e): span_id
            for span_id, p, s, e in self.conn.execute(
                'SELECT id, position, start, "end" FROM spans WHERE article_id = ?', [article_id]
            )
        }
        ids = self._ensure({key(m.name, m.label): (m.name, m.label) for m in mentions}, rules)
        self.conn.executemany(
            "INSERT OR REPLACE INTO mentions (span_id, entity_id, article_id, position, published) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                (spans[m.position, m.start, m.end], ids[key(m.name, m.label)], article_id, m.position, published)
                for m in mentions
                if (m.position, m.start, m.end) in spans
            ],
        )
        self.conn.executemany("INSERT OR IGNORE INTO entity_names (name_key, entity_id) VALUES (?, ?)",
                              {(written(m.text), ids[key(m.name, m.label)]) for m in mentions if m.text})
        self.conn.execute("UPDATE articles SET linked_at = ? WHERE id = ?", [now(), article_id])

    def _ensure(self, wanted: dict[str, tuple[str, str]], rules: Sequence[EntityRule]) -> dict[str, int]:
        """The ids of the entities with these keys, made (and placed by the rules) when new."""
        if not wanted:
            return {}
        found = dict(
            self.conn.execute(
                f"SELECT key, id FROM entities WHERE key IN ({','.join('?' * len(wanted))})", list(wanted)
            ).fetchall()
        )
        for entity_key, (name, label) in wanted.items():
            if entity_key not in found:
                found[entity_key] = self._new(entity_key, name, label, rules)
        return found

    def _new(self, entity_key: str, name: str, label: str, rules: Sequence[EntityRule]) -> int:
        cursor = self.conn.execute(
            "INSERT INTO entities (key, name, label) VALUES (?, ?, ?)", [entity_key, name, label]
        )
        entity_id = int(cursor.lastrowid or 0)
        self.conn.execute("UPDATE entities SET canonical_id = id WHERE id = ?", [entity_id])
        for rule in rules:  # a rule made before this name was ever seen
            if self._applies(rule, name, label):
                self._apply(rule, [entity_id])
        return entity_id

    # The reader's rules on entities --------------------------------------------------

    @staticmethod
    def _applies(rule: EntityRule, name: str, label: str) -> bool:
        if rule.action in ("alias", "hide"):
            return rule.text.casefold() == name.casefold()
        return rule.action == "merge" and key(rule.text, rule.label) == key(name, label)

    def _sources(self, rule: EntityRule) -> list[int]:
        if rule.action == "merge":
            row = self.conn.execute("SELECT id FROM entities WHERE key = ?", [key(rule.text, rule.label)]).fetchone()
            return [row[0]] if row else []
        low, high = _prefix(rule.text)
        return [r[0] for r in self.conn.execute("SELECT id FROM entities WHERE key >= ? AND key < ?", [low, high])]

    def _target(self, rule: EntityRule, label: str) -> int:
        """The entity an alias or merge rule points at: the one of that name (and label, for a merge), else
        the one the name stands for; made when there is none yet."""
        wanted = rule.target_label or label
        found = self.conn.execute("SELECT canonical_id FROM entities WHERE key = ?", [key(rule.target, wanted)])
        row = found.fetchone()
        if row is None and not rule.target_label:
            candidates = named(self.conn, rule.target)
            if candidates:
                row = self.conn.execute(
                    f"SELECT id FROM entities WHERE id IN ({','.join('?' * len(candidates))}) ORDER BY articles DESC "
                    "LIMIT 1", candidates).fetchone()
        return int(row[0]) if row else self._new(key(rule.target, wanted), rule.target, wanted, ())

    def _apply(self, rule: EntityRule, sources: list[int]) -> set[int]:
        """Apply one rule to these entities; returns the entities whose counts must be made again."""
        if rule.action == "hide":
            self.conn.executemany("UPDATE entities SET hidden = 1 WHERE id = ?", [(i,) for i in sources])
            return set()
        changed: set[int] = set()
        for source in sources:
            label = self.conn.execute("SELECT label FROM entities WHERE id = ?", [source]).fetchone()[0]
            target = self._target(rule, label)
            if target == source:
                continue
            old = self.conn.execute("SELECT canonical_id FROM entities WHERE id = ?", [source]).fetchone()[0]
            self.conn.execute(
                "UPDATE entities SET canonical_id = ? WHERE canonical_id = ? OR id = ?", [target, source, source]
            )
            changed |= {old, source, target}
        return changed

    def apply_rule(self, rule: EntityRule) -> int:
        """A new alias, merge or hide rule applied to the entities stored; returns how many it moved or hid."""
        sources = self._sources(rule)
        self.recount(self._apply(rule, sources))
        return len(sources)

    def replay(self, rules: Sequence[EntityRule]) -> None:
        """Every entity placed again by `rules` alone (after a rule was deleted)."""
        moved = {r[0] for r in self.conn.execute("SELECT id FROM entities WHERE canonical_id != id")}
        moved |= {
            r[0] for r in self.conn.execute("SELECT DISTINCT canonical_id FROM entities WHERE canonical_id != id")
        }
        self.conn.execute("UPDATE entities SET canonical_id = id, hidden = 0 WHERE canonical_id != id OR hidden")
        changed = set(moved)
        for rule in rules:
            if rule.action in ("alias", "merge", "hide"):
                changed |= self._apply(rule, self._sources(rule))
        self.recount(changed)

    def recount(self, entity_ids: set[int]) -> None:
        """Counts made again from the mentions (entities folded into another count nothing of their own)."""
        member = "FROM entities e JOIN mentions m ON m.entity_id = e.id WHERE e.canonical_id = entities.id"
        self.conn.executemany(
            f"""UPDATE entities SET
                mentions = CASE WHEN canonical_id = id THEN (SELECT count(*) {member}) ELSE 0 END,
                articles = CASE WHEN canonical_id = id THEN (SELECT count(DISTINCT m.article_id) {member}) ELSE 0 END,
                first_seen = (SELECT min(m.published) {member}), last_seen = (SELECT max(m.published) {member})
                WHERE id = ?""",
            [(i,) for i in entity_ids],
        )

    # Reading -----------------------------------------------------------------------

    def index(
        self, label: str | None = None, order: str = "count", contains: str = "", limit: int = 200, offset: int = 0
    ) -> list[EntitySummary]:
        """Shown entities (not folded into another, not hidden), by number of articles or by name."""
        where, params = [SHOWN], []
        if label:
            where.append("label = ?")
            params.append(label)
        if contains:
            where.append("instr(lower(name), lower(?)) > 0")
            params.append(contains)
        ordering = "name COLLATE NOCASE, id" if order == "name" else "articles DESC, mentions DESC, name COLLATE NOCASE"
        rows = self.conn.execute(
            f"SELECT id, name, label, articles, mentions, first_seen, last_seen FROM entities "
            f"WHERE {' AND '.join(where)} ORDER BY {ordering} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        return [EntitySummary(r[0], r[1], r[2], r[3], r[4], r[5] or "", r[6] or "", self.aliases(r[0])) for r in rows]

    def count(self, label: str | None = None, contains: str = "") -> int:
        where, params = [SHOWN], []
        if label:
            where.append("label = ?")
            params.append(label)
        if contains:
            where.append("instr(lower(name), lower(?)) > 0")
            params.append(contains)
        return int(
            self.conn.execute(f"SELECT count(*) FROM entities WHERE {' AND '.join(where)}", params).fetchone()[0]
        )

    def aliases(self, entity_id: int) -> tuple[str, ...]:
        """The other names an entity goes by (entities folded into it)."""
        return tuple(
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT name FROM entities WHERE canonical_id = ? AND id != ? ORDER BY name",
                [entity_id, entity_id],
            )
        )

    def find(self, name: str) -> list[EntitySummary]:
        """The shown entities a name stands for (its own or an alias), most mentioned first."""
        ids = set(named(self.conn, name))
        if not ids:
            return []
        rows = self.conn.execute(
            f"SELECT id, name, label, articles, mentions, first_seen, last_seen FROM entities WHERE id IN "
            f"({','.join('?' * len(ids))}) AND NOT hidden ORDER BY articles DESC",
            list(ids),
        ).fetchall()
        return [EntitySummary(r[0], r[1], r[2], r[3], r[4], r[5] or "", r[6] or "", self.aliases(r[0])) for r in rows]

    def get(self, entity_id: int) -> EntitySummary | None:
        row = self.conn.execute(
            "SELECT id, name, label, articles, mentions, first_seen, last_seen FROM entities WHERE id = ?", [entity_id]
        ).fetchone()
        return (
            EntitySummary(row[0], row[1], row[2], row[3], row[4], row[5] or "", row[6] or "", self.aliases(row[0]))
            if row
            else None
        )

    def paragraphs(self, entity_id: int, limit: int = 100, offset: int = 0) -> list[MentionHit]:
        """The paragraphs that name an entity, newest article first, its names marked."""
        places = self._places(entity_id, limit, offset)
        hits = []
        for article_id, position in places:
            title, published, source, text = self.conn.execute(
                "SELECT a.title, a.published, a.source, p.text FROM articles a "
                "JOIN paragraphs p ON p.article_id = a.id WHERE a.id = ? AND p.position = ?",
                [article_id, position],
            ).fetchone()
            marks = tuple(
                self.conn.execute(
                    f"""SELECT s.start, s."end" FROM mentions m JOIN spans s ON s.id = m.span_id WHERE m.article_id = ?
                    AND m.position = ? AND m.entity_id IN ({_MEMBERS}) ORDER BY s.start""",
                    [article_id, position, entity_id],
                ).fetchall()
            )
            hits.append(MentionHit(article_id, title, published or "", source or "", position, text, marks))
        return hits

    def _places(self, entity_id: int, limit: int, offset: int) -> list[tuple[int, int]]:
        """(article, paragraph) of the entity's mentions, newest first, each once: read in index order and
        stopped once the page is full. (SELECT DISTINCT ... ORDER BY sorted every mention of the entity first:
        a second for a place named in 80,000 articles.) An entity with aliases merges its members' streams."""
        members = [r[0] for r in self.conn.execute(_MEMBERS, [entity_id])]
        streams = [self.conn.execute(
            "SELECT published, article_id, position FROM mentions WHERE entity_id = ? "
            "ORDER BY published DESC, article_id DESC, position", [member]) for member in members]
        ordered = heapq.merge(*streams, key=lambda r: (r[0] or "", r[1], -r[2]), reverse=True)
        found: list[tuple[int, int]] = []
        seen: set[tuple[int, int]] = set()
        for _, article_id, position in ordered:
            if (article_id, position) in seen:
                continue
            seen.add((article_id, position))
            if len(seen) > offset:
                found.append((article_id, position))
                if len(found) >= limit:
                    break
        return found

    def together(self, entity_id: int, limit: int = 12, window: int = 2000) -> list[tuple[EntitySummary, int]]:
        """The entities named most often in the same paragraphs, counted over its newest `window` paragraphs."""
        rows = self.conn.execute(
            f"""WITH places AS (SELECT DISTINCT article_id, position, published FROM mentions
                                WHERE entity_id IN ({_MEMBERS}) ORDER BY published DESC LIMIT ?)
                SELECT e.canonical_id, count(DISTINCT places.article_id || ':' || places.position) AS together
                FROM places JOIN mentions m ON m.article_id = places.article_id AND m.position = places.position
                JOIN entities e ON e.id = m.entity_id
                WHERE e.canonical_id != ? GROUP BY e.canonical_id ORDER BY together DESC LIMIT ?""",
            [entity_id, window, entity_id, limit * 2],
        ).fetchall()
        found: list[tuple[EntitySummary, int]] = []
        for other, count in rows:
            summary = self.get(other)
            if summary is not None and summary.articles and len(found) < limit:
                found.append((summary, count))
        return found

    def unlinked(self, limit: int = 500) -> list[int]:
        """Annotated articles whose mentions are not linked yet (a library from before entities)."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM articles WHERE linked_at IS NULL AND annotated_at IS NOT NULL ORDER BY id LIMIT ?",
                [limit],
            )
        ]
