"""Calendar arithmetic at a granularity, and TIMEX3 value formatting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Timex:
    """A normalised temporal expression: TIMEX3 type and value."""

    type: str
    value: str


@dataclass(frozen=True)
class Context:
    """What a date is normalised against: the article's date and the tense around it."""

    dct: date
    tense: str = "past"  # past, present or future


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def shift(day: date, unit: str, amount: int) -> date:
    """`day` moved by `amount` units (day, week, weekend, month, quarter, year, decade, century)."""
    if unit in ("day",):
        return day + timedelta(days=amount)
    if unit in ("week", "weekend", "fortnight"):
        return day + timedelta(weeks=amount * (2 if unit == "fortnight" else 1))
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit)
    if months is None:
        return day
    return add_months(day, amount * months)


def fmt(day: date, unit: str) -> str:
    """`day` written at the granularity of `unit`."""
    if unit == "day":
        return day.isoformat()
    if unit in ("week", "fortnight", "weekend"):
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "decade":
        return f"{day.year // 10:03d}"
    if unit == "century":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def pick_year(ctx: Context, month: int, day: int | None = None) -> int:
    """The year of a month (and day) given without one.

    For a day, the nearest such date wins when it is clearly nearer than the
    next one (by more than about two months); a month alone within two months of the
    article's is the nearest one ("November" in late October is the coming one, even
    in "said sales fell short of plans for November"). Otherwise the tense decides:
    past, the latest not after the article; future, the first not before it.
    """
    dct = ctx.dct
    candidates = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            candidates.append(date(year, month, day or 1))
        except ValueError:
            continue
    if not candidates:
        return dct.year
    anchor = dct if day else date(dct.year, dct.month, 1)
    by_distance = sorted(candidates, key=lambda c: abs((c - anchor).days))
    if day and len(by_distance) > 1 and abs((by_distance[1] - anchor).days) - abs((by_distance[0] - anchor).days) > 62:
        return by_distance[0].year
    if day is None and abs((by_distance[0] - anchor).days) <= 62:
        return by_distance[0].year
    if ctx.tense == "future":
        later = [c for c in candidates if c >= anchor]
        return (later[0] if later else candidates[-1]).year
    if ctx.tense == "past":
        earlier = [c for c in candidates if c <= anchor]
        return (earlier[-1] if earlier else candidates[0]).year
    return by_distance[0].year


def number_text(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


# A fraction of a unit is written in the next smaller one: 2 1/2 years is P2Y6M, 1.5 minutes PT1M30S.
_SMALLER = {"year": ("month", 12), "month": ("day", 30), "day": ("hour", 24), "hour": ("minute", 60),
            "minute": ("second", 60)}


def duration(amount: float | None, unit: str) -> str:
    """A TIMEX3 duration: P3Y, PT2H, PXM for a vague amount, P2Y6M for two and a half years."""
    if amount is not None and amount != int(amount) and unit in _SMALLER:
        smaller, per = _SMALLER[unit]
        whole, part = int(amount), round((amount - int(amount)) * per)
        small = duration(part, smaller)
        if not whole:
            return small
        big = duration(whole, unit)
        return big + (small[2:] if big.startswith("PT") else small[1:])
    letters = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "W",
               "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y", "decade": "Y", "century": "Y",
               "millennium": "Y"}
    scale = {"decade": 10, "century": 100, "millennium": 1000, "fortnight": 2}.get(unit, 1)
    if amount is None:
        text = "X"
        if unit == "decade":
            return "PXDE"
    else:
        text = number_text(amount * scale)
    time = "T" if unit in ("second", "minute", "hour") else ""
    return f"P{time}{text}{letters.get(unit, 'D')}"
