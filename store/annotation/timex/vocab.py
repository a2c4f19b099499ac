"""Words the date rules need: months, weekdays, numbers, units, parts of day."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2, "thursday": 3,
    "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "single": 1,
    "couple": 2, "a couple of": 2, "a dozen": 12, "dozen": 12, "half a": 0.5, "half an": 0.5,
}
VAGUE_NUMBERS = {"few", "a few", "several", "some", "many", "numerous", "various", "the", "multiple", "recent"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "last": 4}
# Unit name -> (TIMEX3 duration letter, is a time-of-day unit).
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "week": ("W", False), "weekend": ("WE", False), "fortnight": ("W", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
    "yr": ("Y", False), "min": ("M", True), "hr": ("H", True), "sec": ("S", True), "mo": ("M", False),
    "millennium": ("ML", False),
}
UNIT_WORDS = "|".join(sorted(UNITS, key=len, reverse=True))
UNIT_RE = rf"(?P<unit>(?:{UNIT_WORDS})s?|centuries|millennia)"
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
DAY_PARTS = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI", "tonight": "NI",
    "midday": "12:00", "noon": "12:00", "midnight": "24:00", "dawn": "MO", "daybreak": "MO", "dusk": "EV",
}
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
NUMBER_RE = r"(?P<num>(?:\d+(?:\.\d+)?|" + "|".join(
    sorted((re.escape(k) for k in [*NUMBERS, *VAGUE_NUMBERS]), key=len, reverse=True)
) + r")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)"
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}


def spelled_year(text: str) -> int | None:
    """`nineteen ninety-six` -> 1996, `two thousand` -> 2000, `two thousand and four` -> 2004."""
    words = text.replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        tail = number_value(" ".join(rest)) if rest else 0
        return 2000 + int(tail) if tail is not None and tail < 100 else None
    if len(words) >= 2 and words[0] in ("nineteen", "eighteen", "twenty"):
        tail = number_value(" ".join(words[1:]))
        if tail is not None and 10 <= tail < 100:
            return int(NUMBERS[words[0]] * 100 + tail)
    return None


def number_value(text: str) -> float | None:
    """The number a word or digits stand for; None for vague amounts (`several`)."""
    text = text.strip().lower().replace(",", "")
    if text in VAGUE_NUMBERS:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    parts = re.split(r"[- ]", text)
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS and text not in NUMBERS:
        return float(NUMBERS[parts[0]] + NUMBERS[parts[1]])
    return float(NUMBERS[text]) if text in NUMBERS else None


def unit_key(word: str) -> str:
    """`years` -> `year`, `centuries` -> `century`."""
    word = word.lower()
    if word == "centuries":
        return "century"
    if word == "millennia":
        return "millennium"
    return word[:-1] if word.endswith("s") and word[:-1] in UNITS else word
