"""Date error classes found on real news (issue 14), each with sentences of our own, through the whole
annotator (spaCy finds, our rules normalise) and, where the class is the normaliser's, through it alone."""

from __future__ import annotations

from datetime import date

import pytest

from newsgloss.store import annotate_text
from newsgloss.store.annotation.timex import normalize
from newsgloss.store.annotation.timex.holidays import easter


def dates(text: str, dct: str) -> set[tuple[str, str, str]]:
    return {(s.text, s.type, s.value) for s in annotate_text(text, dct) if s.label in ("DATE", "TIME")}


def values(text: str, dct: str) -> dict[str, str]:
    return {s.text: s.value for s in annotate_text(text, dct) if s.label in ("DATE", "TIME")}


@pytest.mark.parametrize("expression, dct, expected", [
    ("last August", date(2024, 7, 15), "2023-08"),   # the one before the article, not the coming one
    ("next August", date(2024, 9, 15), "2025-08"),
    ("last February", date(2024, 3, 1), "2024-02"),
    ("next March", date(2024, 3, 20), "2025-03"),
    ("last July", date(2024, 7, 20), "2023-07"),     # the article's own month is not "last"
])
def test_near_months_obey_an_explicit_last_or_next(expression, dct, expected):
    assert normalize(expression, dct).value == expected


def test_a_24_hour_clock_keeps_its_time():
    found = values("The polls close at 15:00 GMT Saturday, officials said.", "2024-12-06")
    assert "2024-11-30T15:00" in found.values()


@pytest.mark.parametrize("sentence, expected", [
    ("Profits rose in the fiscal year, the bank said.", ("the fiscal year", "DATE", "2024")),
    ("The plant should open by the end of the year.", ("the end of the year", "DATE", "2024")),
    ("Talks resumed on the third day of the summit.", ("the third day", "DATE", "2024-12-06")),
])
def test_points_in_time_are_dates_not_durations(sentence, expected):
    assert expected in dates(sentence, "2024-12-06")


def test_both_years_of_a_range_are_dates():
    found = dates("The drought of 2009-2010 and the floods of 2015-16 hit farmers hard.", "2024-12-06")
    assert {("2009", "DATE", "2009"), ("2010", "DATE", "2010"), ("2015", "DATE", "2015"),
            ("16", "DATE", "2016")} <= found


def test_at_the_time_is_the_past_and_current_is_not_now():
    found = values("At the time, the current mayor was a schoolteacher.", "2024-12-06")
    assert found.get("At the time") == "PAST_REF"
    assert "current" not in found


@pytest.mark.parametrize("sentence, expected", [
    ("The market opens each winter near the harbour.", "XXXX-WI"),
    ("Volunteers meet every Monday night in the church hall.", "XXXX-WXX-1TNI"),
    ("The quiz is held on Tuesday nights.", "XXXX-WXX-2TNI"),
    ("The festival returns each July.", "XXXX-07"),
    ("The ferry sails each Thursday.", "XXXX-WXX-4"),
])
def test_sets(sentence, expected):
    assert expected in {s.value for s in annotate_text(sentence, "2024-12-06") if s.type == "SET"}


def test_weekday_with_part_of_day():
    assert values("Fighting resumed on Saturday night.", "2024-12-06")["Saturday night"] == "2024-11-30TNI"


@pytest.mark.parametrize("expression, dct, expected", [
    ("close to 3000 years ago", date(2009, 5, 1), ("DATE", "BC0991")),
    ("some 12,000 years ago", date(2009, 5, 1), None),  # a number the rules do not read: no value, no crash
    ("9000 years from now", date(2009, 5, 1), ("DATE", "FUTURE_REF")),
])
def test_far_past_and_future_never_crash(expression, dct, expected):
    found = normalize(expression, dct)
    assert (found.type, found.value) == expected if expected else found is None or found.value


def test_one_bad_expression_does_not_stop_a_text():
    found = values("Farming began close to 3000 years ago. The museum opened on March 3.", "2009-05-01")
    assert found["March 3"] == "2009-03-03"


@pytest.mark.parametrize("expression, dct, expected", [
    ("Thanksgiving", date(2024, 12, 6), "2024-11-28"),
    ("Christmas Eve", date(2024, 12, 6), "2023-12-24"),  # past tense: the last one
    ("last Christmas", date(2024, 12, 30), "2024-12-25"),
    ("Easter Monday 2025", date(2024, 12, 6), "2025-04-21"),
    ("Memorial Day", date(2024, 6, 10), "2024-05-27"),
    ("Labor Day", date(2024, 9, 10), "2024-09-02"),
    ("Election Day", date(2024, 11, 10), "2024-11-05"),
])
def test_named_days(expression, dct, expected):
    assert normalize(expression, dct).value == expected


def test_named_day_found_in_text():
    assert ("Thanksgiving Day", "DATE", "2024-11-28") in dates(
        "Shops were shut on Thanksgiving Day, the union said.", "2024-12-06")


def test_easter_dates():
    assert [easter(y).isoformat() for y in (2000, 2024, 2025)] == ["2000-04-23", "2024-03-31", "2025-04-20"]


def test_that_year_and_the_following_day_count_from_the_date_told_of():
    text = ("The company was founded in March 1987. That year it hired ten people. "
            "The founder fell ill on June 3, 1990, and died the following day.")
    found = values(text, "2024-12-06")
    assert found["That year"] == "1987"
    assert found["the following day"] == "1990-06-04"


@pytest.mark.parametrize("expression, expected", [
    ("2 1/2 years", "P2Y6M"),
    ("a minute and a half", "PT1M30S"),
    ("eight trading days", "P8D"),
    ("a week or so ago", "2024-W48"),
    ("the 2023 third quarter", "2023-Q3"),
    ("next year's first quarter", "2025-Q1"),
    ("the last half of 2023", "2023-H2"),
    ("the winter of nineteen ninety-four", "1994-WI"),
])
def test_amounts_and_periods(expression, expected):
    assert normalize(expression, date(2024, 12, 6)).value == expected


def test_a_clock_time_joins_the_date_after_a_comma():
    found = values("Bids are due by 5 p.m. EST, Nov. 6, the agency said.", "2024-10-30")
    assert "2024-11-06T17:00" in found.values()


def test_tense_is_linear_in_a_long_paragraph():
    """A paragraph with no sentence break and many dates (was quadratic: minutes for one megabyte)."""
    paragraph = "on Monday the council met and on Tuesday it voted " * 4000  # 200,000 characters
    spans = annotate_text(paragraph, "2024-12-06")
    assert sum(1 for s in spans if s.label == "DATE") >= 7000
