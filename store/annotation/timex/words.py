"""TIMEX3 values in words a reader reads: `2024-12-05TNI` is "Thu 5 Dec, night", `P13Y` is "13 years".

The words are made from the stored value and the article's own date (a day in the article's year
leaves the year out). Vague references and durations of unknown length have no words: the
highlighted text says all there is.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
DAY_PARTS = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "MI": "midday", "DT": "daytime"}
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter", "DE": "decade", "CE": "century",
         "WE": "weekend", "H": "hour", "TM": "minute", "S": "second", "ML": "millennium"}
PLURALS = {"century": "centuries", "millennium": "millennia"}


def _day(day: date, dct: date | None) -> str:
    """Thu 5 Dec 2024, or Thu 5 Dec in the article's own year."""
    words = f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"
    return words if dct is not None and day.year == dct.year else f"{words} {day.year}"


def _time(value: str, dct: date | None) -> str | None:
    day_part, _, clock = value.partition("T")
    try:
        day = date.fromisoformat(day_part)
    except ValueError:
        return None
    when = DAY_PARTS.get(clock) or (clock[:5] if re.fullmatch(r"\d\d:\d\d(?::\d\d)?", clock) else None)
    if clock == "24:00":
        when = "midnight"
    elif clock == "12:00":
        when = "noon"
    return f"{_day(day, dct)}, {when}" if when else _day(day, dct)


def _amount(number: str, unit: str) -> str:
    name = UNITS.get(unit, unit)
    if number in ("1", "1.0"):
        return f"1 {name}"
    return f"{number.removesuffix('.0')} {PLURALS.get(name, name + 's')}"


def duration_words(value: str) -> str | None:
    """P13Y -> 13 years, PT2H -> 2 hours, P1W -> 1 week; None for an unknown amount (PXY)."""
    m = re.fullmatch(r"P(T?)(\d+(?:\.\d+)?)(DE|CE|ML|WE|[YMWDQHS])", value)
    if not m:
        return None
    unit = "TM" if m.group(1) and m.group(3) == "M" else m.group(3)
    return _amount(m.group(2), unit)


def set_words(value: str) -> str | None:
    """P1W -> every week, XXXX-WXX-1 -> every Monday, XXXX-XX-XXTNI -> every night."""
    if m := re.fullmatch(r"XXXX-WXX-([1-7])(?:T(\w+))?", value):
        day = {"Mon": "Monday", "Tue": "Tuesday", "Wed": "Wednesday", "Thu": "Thursday", "Fri": "Friday",
               "Sat": "Saturday", "Sun": "Sunday"}[WEEKDAYS[int(m.group(1)) - 1]]
        return f"every {day}" + (f" {DAY_PARTS[m.group(2)]}" if m.group(2) in DAY_PARTS else "")
    if value == "XXXX-WXX-WE":
        return "every weekend"
    if value == "XXXX-WXX-WD":
        return "every weekday"
    if m := re.fullmatch(r"XXXX-XX-XXT(\w+)", value):
        return f"every {DAY_PARTS[m.group(1)]}" if m.group(1) in DAY_PARTS else None
    if words := duration_words(value):
        number, _, unit = words.partition(" ")
        return f"every {unit}" if number == "1" else f"every {words}"
    return None


def _calendar(value: str, dct: date | None) -> str | None:
    """Dates at every granularity from a day to a century."""
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value):
        try:
            return _day(date(int(m.group(1)), int(m.group(2)), int(m.group(3))), dct)
        except ValueError:
            return None
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        month = int(m.group(2))
        return f"{MONTHS[month - 1]} {m.group(1)}" if 1 <= month <= 12 else None
    if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value):
        try:
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return None
        if m.group(3):
            return f"weekend of {_day(monday + timedelta(days=5), None)[4:]}"
        return f"week of {_day(monday, None)[4:]}"
    if m := re.fullmatch(r"(\d{4})-([QH])([1-4X])", value):
        return f"{m.group(2)}{m.group(3)} {m.group(1)}" if m.group(3) != "X" else None
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return f"{SEASONS[m.group(2)]} {m.group(1)}"
    if re.fullmatch(r"\d{4}", value):
        return value
    if re.fullmatch(r"\d{3}", value):
        return f"the {value}0s"
    if re.fullmatch(r"\d\d", value):
        return f"the {value}00s"
    if m := re.fullmatch(r"BC(\d{4})", value):
        return f"{int(m.group(1))} BC"
    return None


def timex_words(value: str, kind: str = "", dct: date | None = None) -> str | None:
    """A TIMEX3 value (of TIMEX3 type `kind`) in words, or None when words would add nothing."""
    if not value or value.endswith("_REF"):
        return None
    if kind == "SET":
        return set_words(value)
    if value.startswith("P"):
        return duration_words(value)
    if "T" in value and re.match(r"\d{4}-\d\d-\d\dT", value):
        return _time(value, dct)
    return _calendar(value, dct)


_TOKEN = re.compile(r"\w+")


def adds_to(words: str, text: str) -> bool:
    """Whether `words` tell the reader more than `text` already does. "Thu 5 Dec 2024" adds nothing to
    "December 5, 2024" (a date given in full; its weekday aside, every word is there), but "Wed 27 Nov"
    adds the weekday, and so the year, to "Nov. 27"."""
    said = [token.casefold() for token in _TOKEN.findall(text)]
    year_said = any(re.fullmatch(r"\d{4}", word) for word in said)
    for token in _TOKEN.findall(words):
        token = token.casefold()
        if token in ("of", "the", "every") or (year_said and token.title()[:3] in WEEKDAYS):
            continue
        if not any(word == token or (token.isalpha() and word.startswith(token)) or
                   (token.isdigit() and word.lstrip("0") == token.lstrip("0")) for word in said):
            return True
    return False


def granularity(value: str) -> str:
    """How fine a TIMEX3 value is: time, day, week, month, quarter, season, year, decade or century."""
    checks = ((r"\d{4}-\d\d-\d\dT.*", "time"), (r"\d{4}-\d\d-\d\d", "day"), (r"\d{4}-W\d\d.*", "week"),
              (r"\d{4}-\d\d", "month"), (r"\d{4}-[QH][1-4X]", "quarter"), (r"\d{4}-(?:SP|SU|FA|WI)", "season"),
              (r"\d{4}", "year"), (r"\d{3}", "decade"), (r"\d\d", "century"))
    return next((name for pattern, name in checks if re.fullmatch(pattern, value)), "")
