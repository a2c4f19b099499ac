"""Frozen domain objects: what the rest of the program sees instead of rows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Draft:
    """An article as an importer read it, before it is stored."""

    title: str
    paragraphs: tuple[str, ...]
    source: str = ""
    url: str = ""
    author: str = ""
    published: str = ""
    caption: str = ""
    origin: str = ""

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class Span:
    """A highlighted entity or date: character offsets into its paragraph."""

    start: int
    end: int
    label: str
    text: str
    value: str = ""
    type: str = ""
    origin: str = "model"


@dataclass(frozen=True)
class Tag:
    """A paragraph tag; `key` is its number key (1-9) or 0 when it has none."""

    id: int
    name: str
    key: int = 0


@dataclass(frozen=True)
class Paragraph:
    """One paragraph with what is stored on it."""

    position: int
    text: str
    fingerprint: str
    spans: tuple[Span, ...] = ()
    tags: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Orphan:
    """Tags and a note whose paragraph is gone from an updated article, with that paragraph's old text."""

    old_text: str
    tags: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class ArticleSummary:
    """One row of the article list."""

    id: int
    title: str
    source: str
    published: str
    unread: bool
    tagged: int
    starred: bool = False


@dataclass(frozen=True)
class Article:
    """A whole article as the reader shows it."""

    id: int
    title: str
    source: str
    url: str
    author: str
    published: str
    caption: str
    imported_at: str
    annotated: bool
    paragraphs: tuple[Paragraph, ...] = ()
    note: str = ""
    read_at: str | None = None
    starred: bool = False
    orphans: tuple[Orphan, ...] = ()
    shelf: int = 0  # 0 in the list, 1 archived, 2 in the trash
    tags: tuple[str, ...] = ()  # tags on the article as a whole (given to many at once from the list)


@dataclass(frozen=True)
class SearchHit:
    """A search result: the article and a snippet with the hit marked by offsets."""

    article_id: int
    title: str
    source: str
    published: str
    snippet: str
    marks: tuple[tuple[int, int], ...] = field(default_factory=tuple)


class SearchResults(list[SearchHit]):
    """Search hits, best first. `ranked_among` is None when bm25 ranked every match; otherwise the query matched
    more articles than that, and only its matches among the newest `ranked_among` articles were ranked."""

    def __init__(self, hits: Iterable[SearchHit] = (), ranked_among: int | None = None) -> None:
        super().__init__(hits)
        self.ranked_among = ranked_among


ImportStatus = Literal["imported", "updated", "unchanged", "skipped"]


@dataclass(frozen=True)
class ImportOutcome:
    """What happened to one article of one input (or to an input that held none)."""

    input: str  # the file or address as given
    status: ImportStatus
    place: str = ""  # where in the input, for inputs of many articles: "3" (a line, an item)
    title: str = ""  # the article's title, when there is an article
    reason: str = ""  # why it was skipped
    article_id: int | None = None

    @property
    def where(self) -> str:
        return f"{self.input}:{self.place}" if self.place else self.input

    @property
    def line(self) -> str:
        """One line for a person: `imported: file.jsonl:3: Title`, `skipped: file.md: why`."""
        detail = self.reason if self.status == "skipped" else self.title
        return f"{self.status}: {self.where}: {detail}" if detail else f"{self.status}: {self.where}"


@dataclass(frozen=True)
class JournalStep:
    """One undoable step: what the reader did, when, from which window, and whether it is undone now."""

    id: int
    at: str
    window: str
    summary: str
    undone: bool = False
    changes: int = 0


@dataclass(frozen=True)
class TagCount:
    """A tag with its key (1-9, 0 for none) and how much it is used."""

    id: int
    name: str
    key: int
    paragraphs: int
    articles: int


@dataclass(frozen=True)
class Feed:
    """A feed subscription and how its last refresh went."""

    id: int
    url: str
    title: str = ""
    added_at: str = ""
    etag: str = ""  # the server's validators, sent back so that it can answer "not modified"
    last_modified: str = ""
    checked_at: str = ""
    status: str = ""  # of the last refresh: new, unchanged, failed
    detail: str = ""  # why it failed, or what it brought
    articles: int = 0  # articles it has brought in all


@dataclass(frozen=True)
class FeedResult:
    """One feed's refresh: `new` (it had articles not in the library), `unchanged` or `failed`."""

    url: str
    status: str
    imported: int = 0
    updated: int = 0
    detail: str = ""
    title: str = ""

    @property
    def line(self) -> str:
        """One line for a person: `new: https://...: 3 new, 1 updated`, `failed: https://...: timed out`."""
        if self.status == "failed":
            return f"failed: {self.url}: {self.detail}"
        counts = ", ".join(f"{n} {what}" for n, what in ((self.imported, "new"), (self.updated, "updated")) if n)
        return f"{self.status}: {self.url}" + (f": {counts}" if counts else "")


@dataclass(frozen=True)
class AnnotationProgress:
    """An annotation run stored the spans of one more article."""

    done: int
    total: int
    article_id: int


@dataclass(frozen=True)
class AnnotationStopped:
    """An annotation run could not go on; `reason` is one line."""

    reason: str


AnnotationEvent = AnnotationProgress | AnnotationStopped


@dataclass(frozen=True)
class EntityRule:
    """A correction: `relabel` or `add` the text as `label` everywhere, or `remove` it; or a rule for the
    knowledge base: `alias` (the name `text` is the entity `target`), `merge` (the entity `text` of `label`
    is the entity `target` of `target_label`), `hide` (the name `text` is never an entity)."""

    id: int
    text: str
    action: str
    label: str = ""
    target: str = ""
    target_label: str = ""


@dataclass(frozen=True)
class EntitySummary:
    """One row of the entity index."""

    id: int
    name: str
    label: str
    articles: int
    mentions: int
    first_seen: str = ""
    last_seen: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class MentionHit:
    """A paragraph that names an entity, with the article it is in and where the names are."""

    article_id: int
    title: str
    published: str
    source: str
    position: int
    text: str
    marks: tuple[tuple[int, int], ...]  # the entity's names in the paragraph, as offsets


@dataclass(frozen=True)
class DateMention:
    """A date mentioned in a paragraph (the timeline's row)."""

    value: str
    type: str
    text: str
    article_id: int
    title: str
    published: str
    source: str
    position: int
    paragraph: str
    start: int
    end: int


class ImportProblem(Exception):
    """An input that cannot be imported; the message is the one-line reason."""


class StoreError(Exception):
    """A problem with the library the user should read in one line."""


class StoreBusy(StoreError):
    """A write that could not happen now (another program holds the lock, the disk is full): try it again."""


class StoreReadOnly(StoreError):
    """The library file cannot be written (permissions, a read-only disk): reading still works."""


@dataclass(frozen=True)
class Highlight:
    """A tagged or noted paragraph (or an article note, position None), for the list across the library."""

    article_id: int
    title: str
    published: str
    source: str
    position: int | None
    text: str  # the paragraph ("" for an article note)
    tags: tuple[str, ...]
    note: str
