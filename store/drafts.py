"""Drafts made ready to store: cleaned, cut to size and fingerprinted (pure: any process, any backend)."""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import NamedTuple

from newsgloss.store.clean import clean_line, combined_fingerprint, fingerprint
from newsgloss.store.models import Draft

MAX_PARAGRAPH = 20_000  # characters; longer runs of text are cut at a space
MAX_ARTICLE_CHARS = 2_000_000  # one article's text (a long book); more is refused, with a line saying so


class Prepared(NamedTuple):
    """A draft cleaned and fingerprinted, ready to store (plain values, cheap to send between processes)."""

    key: str  # the article's fingerprint
    title: str
    paragraphs: tuple[str, ...]
    prints: tuple[str, ...]
    source: str
    url: str
    author: str
    published: str
    caption: str
    origin: str

    @property
    def body(self) -> str:
        """The text as `articles.body` keeps it: the paragraphs, a blank line between."""
        return "\n\n".join(self.paragraphs)

    def paragraph_rows(self, article_id: int) -> list[tuple[int, int, int, int, str]]:
        """Rows for INSERT_PARAGRAPHS: each paragraph's place in the body (start, length), not its text again."""
        rows, start = [], 0
        for position, (text, print_) in enumerate(zip(self.paragraphs, self.prints, strict=True)):
            rows.append((article_id, position, start, len(text), print_))
            start += len(text) + 2  # the blank line between paragraphs
        return rows


def bounded(paragraph: str) -> list[str]:
    """A paragraph cut into pieces of at most MAX_PARAGRAPH characters, at spaces where there are any."""
    pieces = []
    while len(paragraph) > MAX_PARAGRAPH:
        cut = paragraph.rfind(" ", MAX_PARAGRAPH // 2, MAX_PARAGRAPH)
        cut = cut if cut > 0 else MAX_PARAGRAPH
        pieces.append(paragraph[:cut].strip())
        paragraph = paragraph[cut:]
    return [*pieces, paragraph.strip()] if paragraph.strip() else pieces


def storable_name(name: str) -> str:
    """A file name as text that can be stored: bytes that were not UTF-8 (kept by Python as lone surrogates)
    written as \\xNN escapes."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name


def prepare(draft: Draft) -> Prepared | None:
    """The stored form of a draft, or None when it holds no text."""
    paragraphs = tuple(piece for p in draft.paragraphs if p.strip() for piece in bounded(p))
    if not paragraphs:
        return None
    title = clean_line(draft.title) or paragraphs[0][:80]
    prints = tuple(fingerprint(p) for p in paragraphs)
    return Prepared(combined_fingerprint(title, list(prints)), title, paragraphs, prints,
                    clean_line(draft.source), clean_line(draft.url), clean_line(draft.author),
                    draft.published or "", clean_line(draft.caption), storable_name(draft.origin))


CLOSE_ENOUGH = 0.6


def place(old: list[tuple[int, str, str]], new: list[tuple[str, str]], wanted: set[int]) -> dict[int, int]:
    """Map old positions (those in `wanted`) to new ones, one to one: fingerprint, then closest text."""
    mapping: dict[int, int] = {}
    free: dict[str, list[int]] = {fp: [] for _, fp in new}
    for index, (_, fp) in enumerate(new):
        free[fp].append(index)
    for position, _, fp in old:
        if position in wanted and free.get(fp):
            mapping[position] = free[fp].pop(0)
    used = set(mapping.values())
    for position, text, _ in old:
        if position not in wanted or position in mapping:
            continue
        best, score = None, CLOSE_ENOUGH
        for index, (candidate, _) in enumerate(new):
            if index in used:
                continue
            matcher = SequenceMatcher(None, text, candidate, autojunk=False)
            if matcher.real_quick_ratio() >= score and matcher.quick_ratio() >= score and matcher.ratio() >= score:
                best, score = index, matcher.ratio()
        if best is not None:
            mapping[position] = best
            used.add(best)
    return mapping
