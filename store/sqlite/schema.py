"""The schema, as ordered migrations; PRAGMA user_version counts them."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from newsgloss.store.sqlite.journal import JOURNALED

migrations = Migrations("newsgloss")

STARTER_TAGS = ("claim", "quote", "figure", "event", "follow-up", "source", "contradiction", "background", "important")


@migrations()
def m001_core(db: Database) -> None:
    db.table("articles").create(
        {
            "id": int, "fingerprint": str, "title": str, "source": str, "url": str, "author": str,
            "published": str, "imported_at": str, "origin": str, "body": str, "caption": str,
            "read_at": str, "starred": int, "annotated_at": str,
        },
        pk="id", not_null={"fingerprint", "title", "body"}, defaults={"starred": 0},
    )
    db.table("articles").create_index(["fingerprint"], unique=True)
    db.table("articles").create_index(["published"])
    db.table("paragraphs").create(
        {"article_id": int, "position": int, "text": str, "fingerprint": str},
        pk=("article_id", "position"), foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("spans").create(
        {
            "id": int, "article_id": int, "position": int, "start": int, "end": int, "label": str,
            "text": str, "value": str, "type": str, "origin": str,
        },
        pk="id", foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("spans").create_index(["article_id", "position"])
    db.table("tags").create({"id": int, "name": str, "key": int, "created_at": str}, pk="id")
    db.table("tags").create_index(["name"], unique=True)
    db.table("paragraph_tags").create(
        {"article_id": int, "position": int, "tag_id": int, "fingerprint": str, "created_at": str},
        pk=("article_id", "position", "tag_id"),
        foreign_keys=[("article_id", "articles", "id"), ("tag_id", "tags", "id")],
    )
    db.table("notes").create(
        {
            "id": int, "article_id": int, "position": int, "fingerprint": str, "body": str,
            "created_at": str, "updated_at": str,
        },
        pk="id", foreign_keys=[("article_id", "articles", "id")],
    )
    # One note per paragraph and one per article (position NULL, kept as -1 in the index).
    db.execute("CREATE UNIQUE INDEX idx_notes_place ON notes (article_id, coalesce(position, -1))")
    db.table("articles").enable_fts(["title", "body"], create_triggers=True, tokenize="porter")
    db.table("notes").enable_fts(["body"], create_triggers=True, tokenize="porter")
    db.table("tags").insert_all(
        {"name": name, "key": key, "created_at": "1970-01-01T00:00:00+00:00"}
        for key, name in enumerate(STARTER_TAGS, start=1)
    )


@migrations()
def m002_entity_rules(db: Database) -> None:
    """Corrections the reader made: relabel, remove or add an entity, applied everywhere."""
    db.table("entity_rules").create(
        {"id": int, "text": str, "action": str, "label": str, "created_at": str}, pk="id", not_null={"text", "action"},
    )
    db.execute("CREATE UNIQUE INDEX idx_entity_rules_text ON entity_rules (text COLLATE NOCASE)")


@migrations()
def m003_list_order_indexes(db: Database) -> None:
    """Indexes that match the list's three sort orders exactly, so a page never sorts the library."""
    db.execute("DROP INDEX IF EXISTS idx_articles_published")
    db.execute("CREATE INDEX idx_articles_newest ON articles (published DESC, id DESC)")
    db.execute("CREATE INDEX idx_articles_source ON articles (source COLLATE NOCASE, published DESC, id DESC)")
    db.execute("CREATE INDEX idx_articles_title ON articles (title COLLATE NOCASE, id)")
    db.execute("CREATE INDEX idx_paragraph_tags_tag ON paragraph_tags (tag_id)")


@migrations()
def m004_orphans(db: Database) -> None:
    """Tags and notes whose paragraph vanished from an updated article: kept, never dropped."""
    db.table("orphans").create(
        {"id": int, "article_id": int, "old_position": int, "old_text": str, "tags": str, "note": str,
         "created_at": str},
        pk="id", foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("orphans").create_index(["article_id"])


@migrations()
def m005_version_lookup_indexes(db: Database) -> None:
    """An import looks for an earlier version of each article by URL, then by title and source:
    without these indexes that look-up reads the whole library once per new article."""
    db.execute("CREATE INDEX idx_articles_url ON articles (url)")
    db.execute("CREATE INDEX idx_articles_title_source ON articles (title, source)")


@migrations()
def m006_index_only_text_changes(db: Database) -> None:
    """The full-text index is rewritten only when the title or body changes, not when an article is
    marked read or annotated (which re-indexed its whole text)."""
    db.execute("DROP TRIGGER IF EXISTS articles_au")
    db.execute(
        'CREATE TRIGGER "articles_au" AFTER UPDATE OF "title", "body" ON "articles" BEGIN\n'
        '  INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "body") '
        "VALUES('delete', old.rowid, old.\"title\", old.\"body\");\n"
        '  INSERT INTO "articles_fts" (rowid, "title", "body") VALUES (new.rowid, new."title", new."body");\n'
        "END"
    )


@migrations()
def m007_unannotated_index(db: Database) -> None:
    """Articles waiting for the annotator, found without reading the library: counting them was a full
    scan (0.75 s at 100,000 articles, on the app's thread), and each batch re-read every annotated row."""
    db.execute("CREATE INDEX idx_articles_unannotated ON articles (id) WHERE annotated_at IS NULL")


@migrations()
def m008_replaced_versions(db: Database) -> None:
    """Every text a new version of an article replaced stays recoverable."""
    db.table("article_versions").create(
        {"id": int, "article_id": int, "title": str, "body": str, "source": str, "url": str, "fingerprint": str,
         "replaced_at": str},
        pk="id", foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("article_versions").create_index(["article_id"])


@migrations()
def m009_knowledge_base(db: Database) -> None:
    """Entities as records: each name span of an annotated article (a mention) points at its entity, and each
    entity keeps its counts (articles, mentions) and the first and last date it was seen, kept true by
    triggers as mentions come and go. An entity an alias or merge rule folds into another points at it
    (canonical_id); the one it points at carries the counts of both. Hidden entities stay out of the index."""
    db.execute("""CREATE TABLE entities (
        id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, label TEXT NOT NULL,
        canonical_id INTEGER NOT NULL DEFAULT 0, hidden INTEGER NOT NULL DEFAULT 0,
        articles INTEGER NOT NULL DEFAULT 0, mentions INTEGER NOT NULL DEFAULT 0, first_seen TEXT, last_seen TEXT)""")
    db.execute("CREATE INDEX idx_entities_canonical ON entities (canonical_id)")
    shown = "WHERE canonical_id = id AND NOT hidden"  # the index lists these
    db.execute(f"CREATE INDEX idx_entities_articles ON entities (articles DESC) {shown}")
    db.execute(f"CREATE INDEX idx_entities_name ON entities (name COLLATE NOCASE) {shown}")
    db.execute("""CREATE TABLE mentions (
        span_id INTEGER PRIMARY KEY REFERENCES spans (id) ON DELETE CASCADE,
        entity_id INTEGER NOT NULL REFERENCES entities (id), article_id INTEGER NOT NULL,
        position INTEGER NOT NULL, published TEXT)""")
    db.execute("CREATE INDEX idx_mentions_entity_article ON mentions (entity_id, article_id)")
    db.execute("CREATE INDEX idx_mentions_entity_published ON mentions (entity_id, published)")
    db.execute("CREATE INDEX idx_mentions_article ON mentions (article_id)")
    # Every way an entity is written in the articles ("Assad", "HTS"), so that filters find it by any of them.
    db.execute("CREATE TABLE entity_names (name_key TEXT NOT NULL, entity_id INTEGER NOT NULL, "
               "PRIMARY KEY (name_key, entity_id)) WITHOUT ROWID")
    # The entity a mention counts for, and whether another mention of that entity is in the same article.
    canonical = "(SELECT canonical_id FROM entities WHERE id = {row}.entity_id)"
    others = ("EXISTS (SELECT 1 FROM entities e JOIN mentions m ON m.entity_id = e.id AND m.article_id = "
              "{row}.article_id WHERE e.canonical_id = entities.id AND m.span_id != {row}.span_id)")
    db.execute(f"""CREATE TRIGGER mentions_ai AFTER INSERT ON mentions BEGIN
        UPDATE entities SET mentions = mentions + 1, articles = articles + NOT {others.format(row="NEW")},
            first_seen = CASE WHEN NEW.published IS NULL THEN first_seen
                              WHEN first_seen IS NULL OR NEW.published < first_seen THEN NEW.published
                              ELSE first_seen END,
            last_seen = CASE WHEN NEW.published IS NULL THEN last_seen
                             WHEN last_seen IS NULL OR NEW.published > last_seen THEN NEW.published
                             ELSE last_seen END
        WHERE id = {canonical.format(row="NEW")};
    END""")
    seen = ("(SELECT {fn}(m.published) FROM entities e JOIN mentions m ON m.entity_id = e.id "
            "WHERE e.canonical_id = entities.id)")
    db.execute(f"""CREATE TRIGGER mentions_ad AFTER DELETE ON mentions BEGIN
        UPDATE entities SET mentions = mentions - 1, articles = articles - NOT {others.format(row="OLD")}
        WHERE id = {canonical.format(row="OLD")};
        UPDATE entities SET first_seen = {seen.format(fn="min")}, last_seen = {seen.format(fn="max")}
        WHERE id = {canonical.format(row="OLD")} AND (first_seen = OLD.published OR last_seen = OLD.published);
    END""")
    db.execute("ALTER TABLE entity_rules ADD COLUMN target TEXT")
    db.execute("ALTER TABLE entity_rules ADD COLUMN target_label TEXT")
    db.execute("DROP INDEX idx_entity_rules_text")  # a correction and an alias may name the same text
    db.execute("CREATE INDEX idx_entity_rules_text ON entity_rules (text COLLATE NOCASE)")
    # Annotated articles whose mentions are not linked yet (all of them, in a library from before this).
    db.execute("ALTER TABLE articles ADD COLUMN linked_at TEXT")
    db.execute("CREATE INDEX idx_articles_unlinked ON articles (id) WHERE linked_at IS NULL")
    db.execute("CREATE INDEX idx_spans_dates ON spans (value) WHERE label IN ('DATE', 'TIME') AND value IS NOT NULL")


@migrations()
def m010_feeds(db: Database) -> None:
    """Feed subscriptions: each address once, with what the server said last time (ETag, Last-Modified) so a
    refresh asks only for what changed, and how the last refresh went."""
    db.execute("""CREATE TABLE feeds (
        id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, title TEXT NOT NULL DEFAULT '', added_at TEXT NOT NULL,
        etag TEXT, last_modified TEXT, checked_at TEXT, status TEXT, detail TEXT,
        articles INTEGER NOT NULL DEFAULT 0)""")


# What the undo journal records, by table: the key of a row, and the columns kept before and after a change.


def _json_of(row: str, columns: tuple[str, ...]) -> str:
    return "json_object(" + ", ".join(f"'{c}', {row}.\"{c}\"" for c in columns) + ")"


@migrations()
def m011_curation(db: Database) -> None:
    """Stars, archive and trash (an article's shelf: 0 the list, 1 archived, 2 trash, since shelved_at), the list's
    order indexes led by the shelf, and the undo journal: every change the reader makes, grouped in steps, its
    rows before and after, written by triggers while a step is open (journal_state.step), so that no path of
    writes can forget it."""
    db.execute("ALTER TABLE articles ADD COLUMN shelf INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE articles ADD COLUMN shelved_at TEXT")
    for name in ("newest", "source", "title"):
        db.execute(f"DROP INDEX IF EXISTS idx_articles_{name}")
    db.execute("CREATE INDEX idx_articles_newest ON articles (shelf, published DESC, id DESC)")
    db.execute("CREATE INDEX idx_articles_source ON articles (shelf, source COLLATE NOCASE, published DESC, id DESC)")
    db.execute("CREATE INDEX idx_articles_title ON articles (shelf, title COLLATE NOCASE, id)")
    db.execute("CREATE INDEX idx_articles_starred ON articles (id) WHERE starred")
    db.execute("""CREATE TABLE journal_steps (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL, window TEXT NOT NULL, summary TEXT NOT NULL,
        merge_key TEXT, undone INTEGER NOT NULL DEFAULT 0)""")
    db.execute("""CREATE TABLE journal_changes (
        id INTEGER PRIMARY KEY, step_id INTEGER NOT NULL, tbl TEXT NOT NULL, op TEXT NOT NULL,
        key TEXT NOT NULL, before TEXT, after TEXT)""")
    db.execute("CREATE INDEX idx_journal_changes_step ON journal_changes (step_id)")
    db.execute("CREATE TABLE journal_state (only INTEGER PRIMARY KEY CHECK (only = 1), step INTEGER)")
    db.execute("INSERT INTO journal_state (only, step) VALUES (1, NULL)")
    step = "(SELECT step FROM journal_state)"
    for table, (keys, columns) in JOURNALED.items():
        record = ("INSERT INTO journal_changes (step_id, tbl, op, key, before, after) VALUES "
                  f"({step}, '{table}', '{{op}}', {{key}}, {{before}}, {{after}});")
        events = [("UPDATE", "update")] if table == "articles" else [("INSERT", "insert"), ("UPDATE", "update"),
                                                                       ("DELETE", "delete")]
        for event, op in events:
            row = "OLD" if op == "delete" else "NEW"
            of = f" OF {', '.join(columns)}" if table == "articles" else ""
            body = record.format(op=op, key=_json_of(row, keys),
                                 before=_json_of("OLD", columns) if op != "insert" else "NULL",
                                 after=_json_of("NEW", columns) if op != "delete" else "NULL")
            db.execute(f"CREATE TRIGGER journal_{table}_{op} AFTER {event}{of} ON {table} "
                       f"WHEN {step} IS NOT NULL BEGIN {body} END")


@migrations()
def m012_text_once(db: Database) -> None:
    """A paragraph's text is kept once: in `articles.body` (the paragraphs with a blank line between), and a
    paragraph is its place there. `paragraphs` stays readable as a view with the same columns, for Datasette
    and sqlite3. An article whose body does not hold its paragraphs that way (none should) gets its body
    rebuilt from them first, so no text is lost."""
    db.execute("""CREATE TABLE paragraph_places (
        article_id INTEGER NOT NULL, position INTEGER NOT NULL, start INTEGER NOT NULL, length INTEGER NOT NULL,
        fingerprint TEXT, PRIMARY KEY (article_id, position)) WITHOUT ROWID""")
    db.execute("""INSERT INTO paragraph_places (article_id, position, start, length, fingerprint)
        SELECT article_id, position,
               coalesce(sum(length(text) + 2) OVER (PARTITION BY article_id ORDER BY position
                                                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0),
               length(text), fingerprint
        FROM paragraphs""")
    mismatched = "SELECT pp.article_id FROM paragraph_places pp JOIN paragraphs p USING (article_id, position) " \
                 "JOIN articles a ON a.id = pp.article_id WHERE substr(a.body, pp.start + 1, pp.length) != p.text"
    db.execute(f"""UPDATE articles SET body = (SELECT group_concat(text, char(10, 10)) FROM
                       (SELECT text FROM paragraphs p WHERE p.article_id = articles.id ORDER BY position))
                   WHERE id IN ({mismatched})""")
    db.execute("DROP TABLE paragraphs")
    db.execute("""CREATE VIEW paragraphs AS
        SELECT pp.article_id AS article_id, pp.position AS position,
               substr(a.body, pp.start + 1, pp.length) AS text, pp.fingerprint AS fingerprint
        FROM paragraph_places pp JOIN articles a ON a.id = pp.article_id""")


@migrations()
def m013_text_last(db: Database) -> None:
    """The body becomes the last column of `articles`. SQLite reads a row's columns in order, and a body spills
    onto overflow pages: a column after it (read state, star, shelf, caption) cost a walk through the whole text,
    so filtering 100,000 articles by their star took 0.4 s instead of 8 ms. The table is rebuilt with the same
    rows, ids, indexes and triggers (foreign keys are off while it runs: see _migrate)."""
    conn = db.conn
    kept = [row[0] for row in conn.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'articles' AND type IN ('index', 'trigger') "
        "AND sql IS NOT NULL ORDER BY type = 'trigger', name")]
    columns = ("id, fingerprint, title, source, url, author, published, imported_at, origin, read_at, starred, "
               "annotated_at, linked_at, shelf, shelved_at, caption, body")
    conn.execute("""CREATE TABLE articles_rebuilt (
        id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL, title TEXT NOT NULL, source TEXT, url TEXT, author TEXT,
        published TEXT, imported_at TEXT, origin TEXT, read_at TEXT, starred INTEGER DEFAULT 0, annotated_at TEXT,
        linked_at TEXT, shelf INTEGER NOT NULL DEFAULT 0, shelved_at TEXT, caption TEXT, body TEXT NOT NULL)""")
    conn.execute(f"INSERT INTO articles_rebuilt ({columns}) SELECT {columns} FROM articles ORDER BY id")
    conn.execute("DROP TABLE articles")
    # The legacy rename leaves the views and triggers that name `articles` as they are: they name the new table.
    conn.execute("PRAGMA legacy_alter_table = ON")
    conn.execute("ALTER TABLE articles_rebuilt RENAME TO articles")
    conn.execute("PRAGMA legacy_alter_table = OFF")
    for sql in kept:
        if "idx_articles_starred" in sql:  # starred in the list (shelf 0) is then one index range
            sql = "CREATE INDEX idx_articles_starred ON articles (shelf, id) WHERE starred"
        conn.execute(sql)
