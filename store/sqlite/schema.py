"""The schema, as ordered migrations; PRAGMA user_version counts them."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

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
