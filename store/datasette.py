"""A metadata document for Datasette (`datasette LIBRARY.db --metadata metadata.json`): what each table
holds, the full-text tables wired to their tables, label columns for foreign keys, sensible sorts and facets."""

from __future__ import annotations

from pathlib import Path

TABLES: dict[str, dict[str, object]] = {
    "articles": {"description": "One row per article: its text, where it came from, and when it was read.",
                 "sort_desc": "published", "facets": ["source"], "label_column": "title",
                 "fts_table": "articles_fts", "fts_pk": "id",
                 "columns": {"published": "The article's own date (YYYY-MM-DD): every date it mentions is read "
                                          "against it", "origin": "The file or feed (and line or item) it was "
                                          "imported from", "read_at": "When it was opened in the reader",
                             "annotated_at": "When its entities and dates were found"}},
    "paragraphs": {"description": "Each article's paragraphs, the unit of tags and notes (position from 0): a view "
                                  "reading each paragraph's text from articles.body, where it is kept once."},
    "paragraph_places": {"description": "Where each paragraph lies in its article's body (start, length).",
                         "sort": "article_id"},
    "spans": {"description": "Entities and dates found in each paragraph: offsets into the paragraph, the label "
                             "(PERSON, ORG, GPE, DATE...), and for a date its TIMEX3 type and value.",
              "facets": ["label", "type"], "sort": "article_id"},
    "notes": {"description": "Notes in Markdown: on a paragraph (position) or on the whole article (no position).",
              "sort_desc": "updated_at", "fts_table": "notes_fts", "fts_pk": "id"},
    "tags": {"description": "Tag names; key is the digit that toggles it in the reader.", "label_column": "name"},
    "paragraph_tags": {"description": "Which tag is on which paragraph.", "facets": ["tag_id"],
                       "sort_desc": "created_at"},
    "entities": {"description": "Every entity across the library, with its counts and the first and last date it "
                                "was seen; canonical_id points at the entity an alias or merge folded it into.",
                 "sort_desc": "articles", "facets": ["label"], "label_column": "name"},
    "mentions": {"description": "Each name span of an annotated article, linked to its entity.",
                 "sort_desc": "published"},
    "entity_names": {"description": "Every way an entity is written, for filters."},
    "entity_rules": {"description": "The reader's corrections and entity rules (relabel, remove, add, alias, "
                                    "merge, hide), applied to every article.", "facets": ["action"]},
    "feeds": {"description": "Feed subscriptions and how their last refresh went.", "facets": ["status"],
              "label_column": "title"},
    "orphans": {"description": "Tags and notes kept from paragraphs a new version of an article dropped."},
    "article_versions": {"description": "Every text a new version of an article replaced.",
                         "sort_desc": "replaced_at"},
}
HIDDEN = ["articles_fts", "notes_fts", "_sqlite_migrations"]


def metadata(database: Path) -> dict[str, object]:
    """The metadata document for the library file `database` (Datasette names a database by its file stem)."""
    tables: dict[str, object] = dict(TABLES)
    for hidden in HIDDEN:
        tables[hidden] = {"hidden": True}
    return {
        "title": "newsgloss library",
        "description": "Articles read with newsgloss: their text, the entities and dates found in them, and the "
                       "reader's tags and notes.",
        "databases": {database.stem: {"tables": tables}},
    }
