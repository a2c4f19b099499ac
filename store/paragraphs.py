"""Splitting article bodies into paragraphs, the unit of tagging and notes."""

from __future__ import annotations

import re

from newsgloss.store.clean import fold_spaces

# A sentence end glued to the next sentence: "Homs.After years", "ago.Assad".
# The left side must end a lower-case word or a number; the right side must
# start a real word (three letters or more, or "A"/"I" followed by a space),
# so "News.Az", "U.S.Army" and "J.Smith" stay whole.
_GLUED = re.compile(r"(?<=[a-z0-9%)])[.!?][\"'\u201d\u2019]?(?=[A-Z](?:[a-z]{2,}|\s))")
_GLUED_HINT = re.compile(r"[.!?][\"'\u201d\u2019]?[A-Z]")  # cheap test before the exact pattern
_ABBREVIATIONS = re.compile(r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Sen|Rep|Gov|No|vs|etc|approx)\.$")
_BLANK_LINE = re.compile(r"\n\s*\n")


def split_glued(text: str, keep: tuple[str, ...] = ()) -> list[str]:
    """Split one paragraph where sentences were run together without a space.

    Strings in `keep` (such as the outlet's own name) are never split.
    """
    if not _GLUED_HINT.search(text):
        return [fold_spaces(text)] if text.strip() else []
    protected = [(m.start(), m.end()) for word in keep if word for m in re.finditer(re.escape(word), text)]
    pieces, start = [], 0
    for match in _GLUED.finditer(text):
        cut = match.end()
        if any(a < cut < b for a, b in protected) or _ABBREVIATIONS.search(text[start : match.start() + 1]):
            continue
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return [fold_spaces(piece) for piece in pieces if piece.strip()]


def split_paragraphs(body: str, *, single_newlines: bool = True, keep: tuple[str, ...] = ()) -> list[str]:
    """Split a body into paragraphs on blank lines (and single newlines if asked)."""
    blocks = _BLANK_LINE.split(body) if not single_newlines else body.split("\n")
    if not single_newlines:
        blocks = [block.replace("\n", " ") for block in blocks]
    if not _GLUED_HINT.search(body):  # nothing run together anywhere: no block needs a closer look
        return [folded for block in blocks if (folded := fold_spaces(block))]
    return [piece for block in blocks for piece in split_glued(block, keep)]
