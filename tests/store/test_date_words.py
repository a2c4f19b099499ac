"""Dates in words: made from the stored TIMEX3 value and the article's own date, never repeating the text."""

from __future__ import annotations

import pytest

from newsgloss.store import Span, date_in_words

FRIDAY = "2024-12-06"  # the sample article's date


def _words(text: str, value: str, kind: str = "DATE", published: str = FRIDAY) -> str | None:
    return date_in_words(Span(0, len(text), "DATE", text, value, kind), published)


@pytest.mark.parametrize(("text", "value", "kind", "expected"), [
    ("Nov. 27", "2024-11-27", "DATE", "Wed 27 Nov"),
    ("13 years ago", "2011", "DATE", "2011"),
    ("last week", "2024-W48", "DATE", "week of 25 Nov 2024"),
    ("this month", "2024-12", "DATE", "Dec 2024"),
    ("overnight", "2024-12-05TNI", "TIME", "Thu 5 Dec, night"),
    ("Friday morning", "2024-12-06TMO", "TIME", "Fri 6 Dec, morning"),
    ("15:00 GMT Saturday", "2024-12-07T15:00", "TIME", "Sat 7 Dec, 15:00"),
    ("13 years", "P13Y", "DURATION", None),  # says it already
    ("more than a decade", "P10Y", "DURATION", "10 years"),
    ("two hours", "PT2H", "DURATION", "2 hours"),
    ("weekly", "P1W", "SET", None),
    ("every other day", "P2D", "SET", "every 2 days"),
    ("every Monday night", "XXXX-WXX-1TNI", "SET", None),
    ("Mondays", "XXXX-WXX-1", "SET", None),
    ("on Mondays", "XXXX-WXX-1", "SET", None),
    ("the third quarter", "2024-Q3", "DATE", "Q3 2024"),
    ("last summer", "2024-SU", "DATE", "summer 2024"),
    ("the 1990s", "199", "DATE", None),
    ("the last century", "19", "DATE", "the 1900s"),
    ("a day in 2023", "2023-03-04", "DATE", "Sat 4 Mar 2023"),
    ("December 5, 2024", "2024-12-05", "DATE", None),
    ("5 Dec", "2024-12-05", "DATE", "Thu 5 Dec"),
    ("now", "PRESENT_REF", "DATE", None),
    ("recently", "PAST_REF", "DATE", None),
    ("years", "PXY", "DURATION", None),
    ("long ago", "BC0991", "DATE", "991 BC"),
])
def test_a_date_in_words(text, value, kind, expected):
    assert _words(text, value, kind) == expected


def test_a_day_outside_the_articles_year_keeps_its_year():
    assert _words("Dec. 30", "2025-12-30", published="2024-12-06") == "Tue 30 Dec 2025"
    assert _words("Dec. 30", "2025-12-30", published="") == "Tue 30 Dec 2025"
