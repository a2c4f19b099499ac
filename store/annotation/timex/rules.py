"""Normalisation rules, one small function per class of expression.

Each rule takes the canonical (lower-case, tidied) expression and a Context and
returns a Timex, or None when the expression is not of its class.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsgloss.store.annotation.timex.calendar import Context, Timex, duration, fmt, pick_year, shift
from newsgloss.store.annotation.timex.vocab import (
    DAY_PARTS,
    DECADE_WORDS,
    MONTH_RE,
    MONTHS,
    NUMBER_RE,
    ORDINALS,
    SEASON_MONTH,
    SEASONS,
    UNIT_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    number_value,
    spelled_year,
    unit_key,
)

PRESENT = {"now", "currently", "current", "at present", "presently", "nowadays", "these days", "today's",
           "at the moment", "the moment", "this time", "at this time", "the present", "right now", "for now",
           "present", "this point", "at this point", "already", "contemporary", "modern"}
PAST = {"recently", "lately", "in the past", "the past", "previously", "formerly", "earlier", "once", "at the time",
        "the time",
        "recent", "historically", "before", "the old days", "former", "then", "ago"}
FUTURE = {"in the future", "the future", "future", "the short term", "the near term", "the long term",
          "in the distant future", "the distant future", "soon", "in the coming days", "the coming days", "coming days",
          "shortly", "eventually", "someday", "later", "in the days ahead", "the days ahead",
          "the near future", "in the near future", "the months ahead", "the years ahead", "upcoming"}
SET_WORDS = {"annually": "P1Y", "yearly": "P1Y", "annual": "P1Y", "daily": "P1D", "nightly": "XXXX-XX-XXTNI",
             "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M", "hourly": "PT1H", "biweekly": "P2W",
             "semiannually": "P6M", "weekdays": "XXXX-WXX-WD", "weekends": "XXXX-WXX-WE"}


def vague(text: str, ctx: Context) -> Timex | None:
    """now / recently / in the coming days -> PRESENT_REF, PAST_REF, FUTURE_REF."""
    for words, value in ((PRESENT, "PRESENT_REF"), (PAST, "PAST_REF"), (FUTURE, "FUTURE_REF")):
        if text in words:
            return Timex("DATE", value)
    return None


def sets(text: str, ctx: Context) -> Timex | None:
    """every Friday -> XXXX-WXX-5, annually -> P1Y, twice a week -> P1W (SET)."""
    if text in SET_WORDS:
        return Timex("SET", SET_WORDS[text])
    if m := re.fullmatch(r"(?:every|each) (spring|summer|autumn|fall|winter)", text):
        return Timex("SET", f"XXXX-{SEASONS[m.group(1)]}")
    if m := re.fullmatch(rf"(?:every|each) ({WEEKDAY_RE})s?(?: (morning|afternoon|evening|night))?", text):
        value = f"XXXX-WXX-{WEEKDAYS[m.group(1)] + 1}"
        return Timex("SET", value + (f"T{DAY_PARTS[m.group(2)]}" if m.group(2) else ""))
    if m := re.fullmatch(rf"({WEEKDAY_RE})s?(?:(s)| (morning|afternoon|evening|night)s)", text):
        value = f"XXXX-WXX-{WEEKDAYS[m.group(1)] + 1}"  # "Mondays", "Tuesday nights"
        return Timex("SET", value + (f"T{DAY_PARTS[m.group(3)]}" if m.group(3) else ""))
    if m := re.fullmatch(rf"(?:every|each) ({MONTH_RE})", text):
        return Timex("SET", f"XXXX-{MONTHS[m.group(1)]:02d}")
    if m := re.fullmatch(r"(?:every|each) (morning|afternoon|evening|night)", text):
        return Timex("SET", f"XXXX-XX-XXT{DAY_PARTS[m.group(1)]}")
    m = re.fullmatch(rf"(?:every|each)(?: other)? (?:{NUMBER_RE} )?{UNIT_RE}", text) or re.fullmatch(
        rf"(?:(?:once|twice|\w+ times) (?:a|an|per|each)|per) {UNIT_RE}", text
    )
    if m:
        amount = number_value(m.groupdict().get("num") or "1") or 1
        return Timex("SET", duration(amount * (2 if " other " in text else 1), unit_key(m.group("unit"))))
    return None


def day_words(text: str, ctx: Context) -> Timex | None:
    """today, yesterday morning, tonight, last night, the day before yesterday."""
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1, "this": 0}
    m = re.fullmatch(
        r"(?:(?:early|late|earlier|later) )?(the day before yesterday|the day after tomorrow|today|tonight|"
        r"yesterday|tomorrow|last night|this)(?:'s)?(?: (morning|afternoon|evening|night|overnight))?",
        text,
    )
    if not m or (m.group(1) == "this" and not m.group(2)):
        return None
    word = m.group(1)
    offset = {"the day before yesterday": -2, "the day after tomorrow": 2}.get(word, offsets.get(word, 0))
    day = ctx.dct + timedelta(days=offset)
    part = m.group(2) or ("night" if word in ("tonight", "last night") else None)
    if part:
        return Timex("TIME", f"{day.isoformat()}T{DAY_PARTS[part]}")
    return Timex("DATE", day.isoformat())


def part_of_day(text: str, ctx: Context) -> Timex | None:
    """overnight, the morning, noon -> a time on the article's day (overnight: the night before)."""
    m = re.fullmatch(
        r"(?:the |this |in the |at )?(overnight|morning|afternoon|evening|night|midday|noon|midnight|dawn)", text)
    if not m:
        return None
    day = ctx.dct - timedelta(days=1) if m.group(1) == "overnight" else ctx.dct
    return Timex("TIME", f"{day.isoformat()}T{DAY_PARTS[m.group(1)]}")


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    digits = text.lstrip("'")
    if len(digits) == 2:
        return (1900 if int(digits) > 30 else 2000) + int(digits)
    return int(digits)


_YEAR = r"(?P<year>\d{4}|'\d{2})"
_MONTH_DAY = re.compile(
    rf"(?:(?:{WEEKDAY_RE}),? )?(?:(?P<m1>{MONTH_RE})\.? (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?|"
    rf"(?:the )?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<m2>{MONTH_RE})\.?)(?:,? {_YEAR})?"
)


def calendar_date(text: str, ctx: Context) -> Timex | None:
    """December 5, 2024 / 5 December / Nov. 27 / 2024-12-05 / 12/05/2024."""
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:t.*)?", text):
        day = _day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return Timex("DATE", day.isoformat()) if day else None
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", text):
        day = _day(_year(m.group(3)) or 0, int(m.group(1)), int(m.group(2)))
        return Timex("DATE", day.isoformat()) if day else None
    m = _MONTH_DAY.fullmatch(text)
    if not m:
        return None
    month = MONTHS[m.group("m1") or m.group("m2")]
    number = int(m.group("d1") or m.group("d2"))
    year = _year(m.group("year")) or pick_year(ctx, month, number if number <= 31 else None)
    day = _day(year, month, number)
    return Timex("DATE", day.isoformat()) if day else None


def month_year(text: str, ctx: Context) -> Timex | None:
    """March, last March, March 2024, mid-December -> a month; the year from the tense if not given."""
    m = re.fullmatch(
        rf"(?:(?P<rel>last|this|next|coming|past) )?(?P<month>{MONTH_RE})\.?(?:,? (?:of )?(?:{_YEAR}|"
        rf"(?P<yrel>this|last|next) year|(?P<words>(?:nineteen|two thousand)[a-z -]*)))?", text
    )
    if not m:
        return None
    month = MONTHS[m.group("month")]
    year = _year(m.group("year"))
    if m.group("yrel"):
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m.group("yrel")]
    elif m.group("words"):
        year = spelled_year(m.group("words"))
        if year is None:
            return None
    if year is None and m.group("rel") == "this":
        year = ctx.dct.year
    if year is None:
        rel = m.group("rel")
        if rel in ("last", "past"):  # the latest such month before the article's: "last August" in July is 2023's
            year = ctx.dct.year if month < ctx.dct.month else ctx.dct.year - 1
        elif rel in ("next", "coming"):  # the first after it
            year = ctx.dct.year if month > ctx.dct.month else ctx.dct.year + 1
        else:
            year = pick_year(ctx, month)
    return Timex("DATE", f"{year:04d}-{month:02d}")


def year_only(text: str, ctx: Context) -> Timex | None:
    """2023, the year 2023, fiscal 1998, '98 -> the year; the year, year-end -> the article's."""
    if text in ("the year", "the full year", "the whole year", "the calendar year", "the fiscal year",
                "the financial year", "this fiscal year", "the current year", "the current fiscal year"):
        return Timex("DATE", f"{ctx.dct.year:04d}")
    if text in ("year end", "the year end", "year's end", "the end of the year"):  # TIMEX3: the year, mod END
        return Timex("DATE", f"{pick_year(ctx, 12, 31):04d}")
    m = re.fullmatch(r"(?:the )?(?:(?:fiscal|calendar|financial|model|school) )?(?:year )?(\d{4}|'\d{2})"
                     r"(?: (?:fiscal )?year)?", text)
    if not m:
        words = re.fullmatch(r"(?:the )?(?:year )?((?:nineteen|eighteen|two thousand)[a-z -]*)", text)
        year = spelled_year(words.group(1)) if words else None
        return Timex("DATE", f"{year:04d}") if year else None
    year = _year(m.group(1))
    return Timex("DATE", f"{year:04d}") if year and 1000 <= year <= 2999 else None


def decade_century(text: str, ctx: Context) -> Timex | None:
    """the 1990s -> 199, the '90s -> 199, the 20th century -> 19, this century -> 20."""
    if m := re.fullmatch(r"(?:the )?(?:(?:early|late|mid) )?(\d{3})0'?s", text):
        return Timex("DATE", m.group(1))
    decades = "|".join(DECADE_WORDS)
    if m := re.fullmatch(rf"(?:the )?(?:(?:early|late|mid) )?(?:(nineteen|eighteen) )?({decades})", text):
        century = "18" if m.group(1) == "eighteen" else "19"
        return Timex("DATE", century + str(DECADE_WORDS[m.group(2)]))
    if m := re.fullmatch(r"(?:the )?(?:(?:early|late|mid) )?'(\d)0s", text):
        return Timex("DATE", ("19" if int(m.group(1)) >= 3 else "20") + m.group(1))
    ordinal = r"(\d{1,2})(?:st|nd|rd|th)|" + "|".join(
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
         "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
         "nineteenth", "twentieth", "twenty first"]
    )
    if m := re.fullmatch(rf"(?:the )?(?:(?:early|late|mid) )?({ordinal}) century", text):
        words = ordinal.split("|")[1:]
        number = int(m.group(2)) if m.group(2) else words.index(m.group(1)) + 1
        return Timex("DATE", f"{number - 1:02d}")
    if m := re.fullmatch(r"(this|last|next|the last|the next|the past) (century|decade)", text):
        if m.group(1).startswith("the "):
            return Timex("DURATION", "P100Y" if m.group(2) == "century" else "P10Y")
        offset = {"this": 0, "last": -1, "next": 1}[m.group(1)]
        return Timex("DATE", fmt(shift(ctx.dct, m.group(2), offset), m.group(2)))
    return None


def quarter_half(text: str, ctx: Context) -> Timex | None:
    """the third quarter -> 2024-Q3, the first half of 1998 -> 1998-H1, the quarter -> 2024-QX."""
    m = re.fullmatch(
        rf"(?:the )?(?:(?P<rel>last|latest|this|current|next|past|previous|same|year ago|year earlier) )?"
        rf"(?:(?P<yrel>this|last|next) year's )?(?:(?P<year0>\d{{4}}) )?(?:fiscal )?"
        rf"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|q[1-4]|last) )?(?:fiscal |calendar )?"
        rf"(?P<unit>quarter|half|q[1-4])(?: (?:of )?(?:fiscal )?{_YEAR})?",
        text,
    )
    if not m:
        return None
    if m.group("unit") == "half" and not m.group("ord"):
        if m.group("rel") != "last":
            return None
        return Timex("DATE", f"{_year(m.group('year')) or ctx.dct.year:04d}-H2")  # "the last half of 1989"
    unit = m.group("unit")
    letter = "H" if unit == "half" else "Q"
    word = m.group("ord") or (unit if unit not in ("quarter", "half") else "")
    index = int(word[1]) if re.fullmatch("q[1-4]", word) else ORDINALS.get(word)
    if word == "last" and letter == "H":
        index = 2
    if m.group("yrel"):  # "next year's first quarter"
        if index is None:
            return None
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m.group("yrel")]
        return Timex("DATE", f"{year:04d}-{letter}{index}")
    written = m.group("year") or m.group("year0")
    year = _year(written) or ctx.dct.year
    current = (ctx.dct.month - 1) // 3 + 1 if letter == "Q" else (1 if ctx.dct.month <= 6 else 2)
    rel = m.group("rel") or ""
    if index is None:
        if rel in ("last", "latest", "past", "previous"):
            prev = shift(ctx.dct, "quarter", -1)
            return Timex("DATE", fmt(prev, "quarter")) if letter == "Q" else None
        if rel in ("this", "current", "next"):
            return Timex("DATE", fmt(shift(ctx.dct, "quarter", int(rel == "next")), "quarter"))
        if letter == "Q" and ctx.tense == "past" and not m.group("year"):
            return Timex("DATE", fmt(shift(ctx.dct, "quarter", -1), "quarter"))
        return Timex("DATE", f"{year:04d}-{letter}X")
    if rel.startswith("year") or (not written and ctx.tense == "past" and index > current):
        year -= 1
    return Timex("DATE", f"{year:04d}-{letter}{index}")


def season(text: str, ctx: Context) -> Timex | None:
    """last summer -> 2024-SU, winter 2023 -> 2023-WI."""
    m = re.fullmatch(
        rf"(?:(?P<rel>last|this|next|past|coming|the coming|the past|the last|the) )?(?:(?:early|late|mid) )?"
        rf"(?P<season>spring|summer|autumn|fall|winter)(?:time)?(?: (?:of )?(?:{_YEAR}|(?P<words>nineteen [a-z -]+)))?",
        text,
    )
    if not m:
        return None
    code = SEASONS[m.group("season")]
    if m.group("words") and (spelled := spelled_year(m.group("words"))):
        return Timex("DATE", f"{spelled:04d}-{code}")
    if m.group("year"):
        return Timex("DATE", f"{_year(m.group('year')):04d}-{code}")
    month = 12 if code == "WI" else SEASON_MONTH[code]
    rel = re.sub(r"^the ?", "", m.group("rel") or "")
    tense = {"last": "past", "past": "past", "next": "future", "coming": "future"}.get(rel, ctx.tense)
    year = pick_year(Context(ctx.dct, tense), month)
    current = abs(ctx.dct.month - month) <= 1 or (code == "WI" and ctx.dct.month <= 2)
    if rel in ("last", "past") and current:
        year -= 1
    if rel in ("next", "coming") and current:
        year += 1
    if rel == "this":
        year = ctx.dct.year
    if code == "WI" and ctx.dct.month <= 2 and rel in ("", "this"):
        year = ctx.dct.year - 1
    return Timex("DATE", f"{year:04d}-{code}")
