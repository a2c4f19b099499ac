"""Rules for expressions relative to the article's date: weekdays, last week, 13 years ago, durations, clock times."""

from __future__ import annotations

import re
from datetime import timedelta

from newsgloss.store.annotation.timex.calendar import Context, Timex, duration, fmt, shift
from newsgloss.store.annotation.timex.vocab import (
    DAY_PARTS,
    NUMBER_RE,
    UNIT_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    number_value,
    unit_key,
)

_PART = r"(?: (?P<part>morning|afternoon|evening|night|overnight))?"


def weekday(text: str, ctx: Context) -> Timex | None:
    """Friday -> the article's own Friday; on Tuesday -> the nearest Tuesday the tense points to."""
    m = re.fullmatch(
        rf"(?:(?P<rel>last|next|this|coming|past|this past|this coming) )?(?:(?:early|late) )?(?P<day>{WEEKDAY_RE})"
        rf"(?:'s)?{_PART}",
        text,
    ) or re.fullmatch(rf"(?P<part>morning|afternoon|evening|night)(?: of| on)? (?P<day>{WEEKDAY_RE})(?P<rel>)", text)
    if not m:
        return None
    delta = WEEKDAYS[m.group("day")] - ctx.dct.weekday()
    rel = m.group("rel") or ""
    direction = {"last": "past", "past": "past", "this past": "past", "next": "future", "coming": "future",
                 "this coming": "future"}.get(rel, ctx.tense)
    if direction == "past" and (delta > 0 or (delta == 0 and rel == "last")):
        delta -= 7
    elif direction == "future" and (delta < 0 or (delta == 0 and rel == "next")):
        delta += 7
    elif direction == "present" and abs(delta) > 3:
        delta += -7 if delta > 0 else 7
    day = ctx.dct + timedelta(days=delta)
    if m.group("part"):
        return Timex("TIME", f"{day.isoformat()}T{DAY_PARTS[m.group('part')]}")
    return Timex("DATE", day.isoformat())


_RELATIVE = re.compile(
    r"(?P<mod>(?:earlier|later|early|late|mid|the end of|the start of|the beginning of|the rest of|the middle of|"
    r"the remainder of|the first half of|the second half of)(?: in)? )?"
    r"(?P<the>the )?(?P<rel>last|past|previous|this|current|next|coming|following|upcoming|same|this past|"
    r"this coming|prior) (?P<unit>day|week|weekend|fortnight|month|quarter|year|decade|century)"
)


def relative_unit(text: str, ctx: Context) -> Timex | None:
    """last week -> 2024-W48, next month -> 2025-01, this year -> 2024; the past year -> P1Y."""
    if text in ("the weekend", "weekend", "this weekend"):
        back = ctx.tense == "past" and ctx.dct.weekday() < 5 and text != "this weekend"
        return Timex("DATE", fmt(ctx.dct - timedelta(days=7 if back else 0), "weekend"))
    m = _RELATIVE.fullmatch(text)
    if not m:
        return None
    rel, unit = m.group("rel"), m.group("unit")
    stretch = rel in ("past", "this past") or (m.group("the") and rel in ("last", "previous", "next", "coming",
                                                                             "following"))
    if stretch and not m.group("mod"):
        return Timex("DURATION", duration(1, unit))
    offset = {"last": -1, "past": -1, "previous": -1, "prior": -1, "this past": -1, "next": 1, "coming": 1,
              "following": 1, "upcoming": 1, "this coming": 1}.get(rel, 0)
    if unit == "day":
        return Timex("DATE", (ctx.dct + timedelta(days=offset)).isoformat())
    return Timex("DATE", fmt(shift(ctx.dct, unit, offset), unit))


_AMOUNT = re.compile(
    rf"(?P<lead>(?:the |a |an )?(?:(?:past|last|previous|next|coming|first|final|following|latest|recent|"
    rf"remaining|past few|last few|next few|few|better part of the) )*)"
    rf"(?:(?:more than|less than|about|around|nearly|almost|roughly|some|at least|at most|over|under|"
    rf"up to|only|just|approximately|another|an additional|another|all|full|entire) )*"
    rf"(?:{NUMBER_RE}(?: 1/2)? )?(?:(?:and a half|full|long|straight|consecutive|calendar|fiscal|trading|business|"
    rf"working|school) )*{UNIT_RE}"
    rf"(?: and a half)?(?P<tail> ago| earlier| later| before| after| from now| since| old| later on| hence| on| long)?"
)


def amount_of_time(text: str, ctx: Context) -> Timex | None:
    """13 years -> P13Y; 13 years ago -> 2011; the past two weeks -> P2W; a few months -> PXM."""
    m = _AMOUNT.fullmatch(text)
    if not m:
        return None
    unit = unit_key(m.group("unit"))
    if unit not in ("second", "minute", "hour", "day", "week", "weekend", "fortnight", "month", "quarter", "year",
                    "decade", "century", "millennium", "yr", "hr", "min", "sec", "mo"):
        return None
    unit = {"yr": "year", "hr": "hour", "min": "minute", "sec": "second", "mo": "month"}.get(unit, unit)
    word = m.group("num")
    amount = number_value(word) if word else (1 if not m.group("unit").endswith("s") else None)
    if word is None and m.group("unit").endswith("s") and not m.group("lead").strip():
        amount = None
    if ("and a half" in text or " 1/2 " in text) and amount is not None:
        amount += 0.5
    tail = (m.group("tail") or "").strip()
    if tail in ("ago", "from now", "hence") and amount is not None and amount == int(amount):
        sign = -1 if tail == "ago" else 1
        if unit in ("second", "minute", "hour"):
            return Timex("TIME", "PAST_REF" if sign < 0 else "FUTURE_REF")
        if unit == "day":
            return Timex("DATE", (ctx.dct + timedelta(days=sign * int(amount))).isoformat())
        # "a decade ago" is a year ten years back, not the decade it falls in.
        granularity = "year" if unit in ("decade", "century", "millennium") else unit
        if (far := _far_year(ctx, unit, sign * int(amount))) is not None:
            return far
        return Timex("DATE", fmt(shift(ctx.dct, unit, sign * int(amount)), granularity))
    if tail in ("earlier", "before", "later", "after") and amount is not None and amount == int(amount) \
            and unit not in ("second", "minute", "hour", "day"):
        sign = -1 if tail in ("earlier", "before") else 1
        if (far := _far_year(ctx, unit, sign * int(amount))) is not None:
            return far
        return Timex("DATE", fmt(shift(ctx.dct, unit, sign * int(amount)), unit))
    if tail == "ago":
        return Timex("DATE", "PAST_REF")
    return Timex("DURATION", duration(amount, unit))


_CLOCK = re.compile(
    r"(?:at |around |about |by |until |before |after )?(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*"
    r"(?P<ampm>a\.?m\.?|p\.?m\.?|o'clock|h)?(?: (?:local time|gmt|utc|[ecmp][sd]t))?"
)


def clock_time(text: str, ctx: Context) -> Timex | None:
    """3 p.m. -> 2024-12-06T15:00; noon; 10:30 on Friday (the date part is settled by the caller)."""
    m = _CLOCK.fullmatch(text)
    if not m or not (m.group("ampm") or m.group("minute")):
        return None
    hour, minute = int(m.group("hour")), int(m.group("minute") or 0)
    ampm = (m.group("ampm") or "").replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    return Timex("TIME", f"{ctx.dct.isoformat()}T{hour:02d}:{minute:02d}")


YEARS = {"year": 1, "decade": 10, "century": 100, "millennium": 1000, "month": 1 / 12, "quarter": 0.25,
         "week": 7 / 365.25}


def _far_year(ctx: Context, unit: str, amount: int) -> Timex | None:
    """A year outside what a calendar date holds ("close to 3000 years ago" in 2009): as TIMEX3 writes it
    (BC0991 is the year -991), or None when the date is within years 1 to 9999."""
    year = ctx.dct.year + amount * YEARS.get(unit, 0)
    if 1 <= year <= 9999:
        return None
    if year > 9999:
        return Timex("DATE", "FUTURE_REF")
    return Timex("DATE", f"BC{int(abs(year)):04d}")
