"""Date normalisation by class, against fixed article dates (Friday 2024-12-06 unless said)."""

from __future__ import annotations

from datetime import date

import pytest

from newsgloss.store.annotation.timex import normalize

FRIDAY = date(2024, 12, 6)


def value(expression: str, tense: str = "past", dct: date = FRIDAY) -> tuple[str, str] | None:
    found = normalize(expression, dct, tense)
    return (found.type, found.value) if found else None


@pytest.mark.parametrize("expression, tense, expected", [
    ("December 5, 2024", "past", ("DATE", "2024-12-05")),
    ("5 December 2024", "past", ("DATE", "2024-12-05")),
    ("Nov. 27", "past", ("DATE", "2024-11-27")),
    ("in March", "past", ("DATE", "2024-03")),
    ("in March", "future", ("DATE", "2025-03")),
    ("2023", "past", ("DATE", "2023")),
    ("Friday, Oct. 23", "past", ("DATE", "2024-10-23")),
    ("2024-12-05", "past", ("DATE", "2024-12-05")),
])
def test_absolute_and_partial_dates(expression, tense, expected):
    assert value(expression, tense) == expected


def test_year_boundary_month_day():
    assert value("Dec. 30", "past", date(2025, 1, 3)) == ("DATE", "2024-12-30")
    assert value("Jan. 2", "future", date(2024, 12, 30)) == ("DATE", "2025-01-02")


@pytest.mark.parametrize("expression, tense, expected", [
    ("November", "past", ("DATE", "2024-11")),   # next month, whatever the verb
    ("September", "future", ("DATE", "2024-09")),  # last month, whatever the verb
    ("in March", "past", ("DATE", "2024-03")),    # further away: the tense decides
    ("in March", "future", ("DATE", "2025-03")),
])
def test_a_month_next_to_the_articles_is_the_nearest(expression, tense, expected):
    assert value(expression, tense, dct=date(2024, 10, 30)) == expected


@pytest.mark.parametrize("expression, tense, expected", [
    ("Friday", "past", "2024-12-06"),
    ("on Tuesday", "past", "2024-12-03"),
    ("on Tuesday", "future", "2024-12-10"),
    ("last Friday", "past", "2024-11-29"),
    ("next Monday", "future", "2024-12-09"),
])
def test_weekdays_follow_the_tense(expression, tense, expected):
    assert value(expression, tense) == ("DATE", expected)


@pytest.mark.parametrize("expression, expected", [
    ("yesterday", ("DATE", "2024-12-05")),
    ("tomorrow", ("DATE", "2024-12-07")),
    ("last week", ("DATE", "2024-W48")),
    ("next month", ("DATE", "2025-01")),
    ("this year", ("DATE", "2024")),
    ("13 years ago", ("DATE", "2011")),
    ("two months ago", ("DATE", "2024-10")),
    ("earlier this month", ("DATE", "2024-12")),
    ("last year", ("DATE", "2023")),
])
def test_relative_days_weeks_months_years(expression, expected):
    assert value(expression) == expected


@pytest.mark.parametrize("expression, expected", [
    ("Friday morning", ("TIME", "2024-12-06TMO")),
    ("overnight", ("TIME", "2024-12-05TNI")),
    ("at 3 p.m.", ("TIME", "2024-12-06T15:00")),
    ("this morning", ("TIME", "2024-12-06TMO")),
    ("last night", ("TIME", "2024-12-05TNI")),
    ("10:30 a.m. on Thursday", ("TIME", "2024-12-05T10:30")),
])
def test_parts_of_days_and_times(expression, expected):
    assert value(expression) == expected


@pytest.mark.parametrize("expression, expected", [
    ("13 years", "P13Y"), ("two weeks", "P2W"), ("the past year", "P1Y"), ("the past two months", "P2M"),
    ("a few days", "PXD"), ("several years", "PXY"), ("three hours", "PT3H"), ("a decade", "P10Y"),
    ("52-year-old", "P52Y"),
])
def test_durations(expression, expected):
    assert value(expression) == ("DURATION", expected)


@pytest.mark.parametrize("expression, tense, expected", [
    ("now", "present", "PRESENT_REF"), ("currently", "present", "PRESENT_REF"), ("recently", "past", "PAST_REF"),
    ("in the past", "past", "PAST_REF"), ("in the coming days", "future", "FUTURE_REF"),
])
def test_vague_references(expression, tense, expected):
    assert value(expression, tense) == ("DATE", expected)


@pytest.mark.parametrize("expression, expected", [
    ("last summer", "2024-SU"), ("the third quarter", "2024-Q3"), ("the 1990s", "199"), ("the '90s", "199"),
    ("the 20th century", "19"), ("winter 2023", "2023-WI"), ("the first half of 1998", "1998-H1"),
])
def test_seasons_quarters_decades_centuries(expression, expected):
    assert value(expression) == ("DATE", expected)


def test_future_quarter_in_past_tense_is_last_years():
    assert value("the fourth quarter", "past", date(2024, 5, 2)) == ("DATE", "2023-Q4")


@pytest.mark.parametrize("expression, expected", [
    ("every Friday", "XXXX-WXX-5"), ("annually", "P1Y"), ("daily", "P1D"), ("twice a week", "P1W"),
    ("every two weeks", "P2W"),
])
def test_sets(expression, expected):
    assert value(expression) == ("SET", expected)


def test_nonsense_is_not_a_date():
    assert value("the committee") is None


@pytest.mark.parametrize("expression, expected", [
    ("nineteen ninety-six", ("DATE", "1996")), ("the nineties", ("DATE", "199")),
    ("January this year", ("DATE", "2024-01")), ("June last year", ("DATE", "2023-06")),
    ("a decade ago", ("DATE", "2014")), ("the last twenty four hours", ("DURATION", "PT24H")),
    ("the six months ended Oct. 1", ("DURATION", "P6M")), ("a year earlier", ("DATE", "2023")),
    ("5 p.m. EST Nov. 9", ("TIME", "2024-11-09T17:00")), ("the weekend", ("DATE", "2024-W48-WE")),
])
def test_spelled_years_anchored_months_and_long_spans(expression, expected):
    assert value(expression) == expected


def test_this_month_name_is_this_year():
    assert value("this September", "past", date(1998, 2, 5)) == ("DATE", "1998-09")


def test_month_day_close_to_the_article_beats_a_weak_tense():
    assert value("Dec. 15", "past", date(1989, 10, 26)) == ("DATE", "1989-12-15")
