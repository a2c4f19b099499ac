"""Finding temporal expressions spaCy misses, and the tense around an expression."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from newsgloss.store.annotation.timex.holidays import FIND as HOLIDAY_RE
from newsgloss.store.annotation.timex.vocab import MONTH_RE, WEEKDAY_RE

_FULL_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"

_AFTER_PREPOSITION = "|".join(
    rf"(?<=\b{word} )" for word in ("in", "since", "by", "until", "from", "during", "through", "before", "after")
)
EXTRA = re.compile(
    rf"\b(?:\d{{4}}-\d\d-\d\d|now|currently|recently|lately|nowadays|these days|formerly|at the time"
    rf"|the (?:near |distant )?future|the (?:short|near|long) term|in the past"
    rf"|today|tonight|yesterday|tomorrow|(?:{MONTH_RE})\.? \d{{1,2}}(?:st|nd|rd|th)?(?:, \d{{4}})?"
    rf"|(?:{_AFTER_PREPOSITION})(?:1[89]|20)\d\d\b(?!-)"
    rf"|in the coming (?:days|weeks|months)"
    rf"|annually|yearly|every (?:morning|night|evening)"
    rf"|(?:each|every) (?:day|week|month|year|spring|summer|autumn|fall|winter|{_FULL_MONTHS}"
    rf"|(?:{WEEKDAY_RE})s?(?: (?:morning|afternoon|evening|night))?)"
    rf"|(?:(?:later|earlier) )?(?:that|that same|the same|the following|the previous|the preceding) (?:day|month|year)"
    rf"|the (?:day|year) (?:before|after)\b(?! (?:the|a|an|his|her|their|its|\w+day)\b)"
    rf"|{HOLIDAY_RE}(?! Island)"
    rf"|(?:once|twice|three times) a (?:day|week|month|year)|daily|overnight"
    rf"|(?:last |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?)\b",
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


class Tenses:
    """The tense around each date of one text, in time linear in the text: sentence breaks and tense
    markers are found once, and each date looks up its neighbours by bisection (a one-megabyte paragraph
    with no full stop took minutes when every date scanned its whole sentence again)."""

    def __init__(self, text: str) -> None:
        self.text = text
        breaks = list(_SENTENCE.finditer(text))
        self._break_starts = [m.start() for m in breaks]
        self._break_ends = [m.end() for m in breaks]
        self._markers = []
        for pattern, name, weight in _MARKERS:
            found = list(pattern.finditer(text))
            self._markers.append((name, weight, [m.start() for m in found], [m.end() for m in found]))

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentence holding text[start:end], as offsets."""
        before = bisect_right(self._break_ends, start)
        left = self._break_ends[before - 1] if before else 0
        after = bisect_left(self._break_starts, end)
        right = self._break_starts[after] + 1 if after < len(self._break_starts) else len(self.text)
        return left, right

    def _past_in(self, left: int, right: int) -> bool:
        _, _, starts, _ = self._markers[2]  # _PAST
        index = bisect_left(starts, left)
        return index < len(starts) and starts[index] < right

    def at(self, start: int, end: int) -> str:
        """past, present or future: the marker nearest to the expression in its sentence wins."""
        left, right = self.sentence(start, end)
        if _DEADLINE.search(self.text, max(left, start - 20), start) and not self._past_in(left, right):
            return "future"
        best: tuple[float, str] | None = None
        for name, weight, starts, ends in self._markers:
            before = bisect_right(ends, start) - 1  # the last marker ending before the expression
            if before >= 0 and starts[before] >= left:
                distance = (start - ends[before]) * weight
                if best is None or distance < best[0]:
                    best = (distance, name)
            after = bisect_left(starts, end)  # the first marker starting after it
            if after < len(starts) and ends[after] <= right:
                # Verbs before the expression govern it more often than those after.
                distance = (starts[after] - end) * 1.5 * weight
                if best is None or distance < best[0]:
                    best = (distance, name)
        return best[1] if best else "past"


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding text[start:end], as offsets."""
    return Tenses(text).sentence(start, end)


def tense(text: str, start: int, end: int) -> str:
    """past, present or future around text[start:end] (for many dates in one text, use Tenses)."""
    return Tenses(text).at(start, end)
