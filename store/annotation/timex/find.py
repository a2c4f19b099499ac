"""Finding temporal expressions spaCy misses, and the tense around an expression."""

from __future__ import annotations

import re

from store.annotation.timex.vocab import MONTH_RE, WEEKDAY_RE

_AFTER_PREPOSITION = "|".join(
    rf"(?<=\b{word} )" for word in ("in", "since", "by", "until", "from", "during", "through", "before", "after")
)
EXTRA = re.compile(
    rf"\b(?:now|currently|current|recently|lately|nowadays|these days|formerly"
    rf"|(?:in )?the (?:near |distant )?future|the (?:short|near|long) term|in the past"
    rf"|today|tonight|yesterday|tomorrow|(?:{MONTH_RE})\.? \d{{1,2}}(?:st|nd|rd|th)?(?:, \d{{4}})?"
    rf"|(?:{_AFTER_PREPOSITION})(?:1[89]|20)\d\d\b(?!-)"
    rf"|in the coming (?:days|weeks|months)"
    rf"|annually|yearly|every (?:day|week|month|year|morning|night|evening|(?:{WEEKDAY_RE}))"
    rf"|each (?:day|week|month|year)"
    rf"|(?:once|twice|three times) a (?:day|week|month|year)|daily|overnight"
    rf"|(?:on |last |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?)\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|won't|'ll|shall|going to|plans? to|planned to|planning to|scheduled|expected (?:to|in|on|by)|expects|"
    r"due to|set to|intends? to|is to|are to|supposed to|upcoming|tomorrow|as soon as|"
    r"next (?:week|month|year|\w+day))\b",
    re.IGNORECASE,
)
_CONDITIONAL = re.compile(r"\b(?:would|might|could|may)\b", re.IGNORECASE)
_PAST = re.compile(r"\b(?:was|were|had|did|said|told|ago|last|earlier|yesterday)\b", re.IGNORECASE)
_WEAK_PAST = re.compile(r"\b\w+ed\b", re.IGNORECASE)
_PRESENT = re.compile(r"\b(?:is|are|am|says|now|currently|today)\b", re.IGNORECASE)
_DEADLINE = re.compile(r"\b(?:by|until|till|through)\s+(?:early |late |mid-?)?$", re.IGNORECASE)
# Evidence weights: a participle ("will be named") is weak evidence of the past.
_MARKERS = ((_FUTURE, "future", 1.0), (_CONDITIONAL, "future", 1.3), (_PAST, "past", 1.0), (_WEAK_PAST, "past", 2.5),
            (_PRESENT, "present", 1.5))
_SENTENCE = re.compile(r"[.!?][\"'\u201d\u2019]?\s+(?=[A-Z\"'])|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding text[start:end], as offsets."""
    left = 0
    for found in _SENTENCE.finditer(text, 0, start):
        left = found.end()
    after = _SENTENCE.search(text, end)
    return left, (after.start() + 1 if after else len(text))


def tense(text: str, start: int, end: int) -> str:
    """past, present or future: the marker nearest to the expression in its sentence wins."""
    left, right = sentence_bounds(text, start, end)
    if _DEADLINE.search(text, max(left, start - 20), start) and not _PAST.search(text, left, right):
        return "future"
    best: tuple[float, str] | None = None
    for pattern, name, weight in _MARKERS:
        for m in pattern.finditer(text, left, right):
            if start <= m.start() < end:
                continue
            gap = start - m.end() if m.end() <= start else m.start() - end
            # Verbs before the expression govern it more often than those after.
            distance = (gap if m.end() <= start else gap * 1.5) * weight
            if best is None or distance < best[0]:
                best = (distance, name)
    return best[1] if best else "past"
