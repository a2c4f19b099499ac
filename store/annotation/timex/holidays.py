"""Named days ("Thanksgiving", "Christmas Eve", "Easter Monday"): their date in a given year, and the
year meant when none is written (the latest before the article for the past tense, the next after it for
the future, the nearest otherwise; "last"/"next" say it outright)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from newsgloss.store.annotation.timex.calendar import Context, Timex


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def _nth_weekday(month: int, weekday: int, n: int) -> Callable[[int], date]:
    """The n-th given weekday of a month (n = -1: the last)."""

    def on(year: int) -> date:
        if n > 0:
            first = date(year, month, 1)
            return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        following = date(year + (month == 12), month % 12 + 1, 1)
        last = following - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)

    return on


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _from_easter(days: int) -> Callable[[int], date]:
    return lambda year: easter(year) + timedelta(days=days)


def _election_day(year: int) -> date:
    """The Tuesday after the first Monday of November (United States)."""
    return _nth_weekday(11, 0, 1)(year) + timedelta(days=1)


HOLIDAYS: dict[str, Callable[[int], date]] = {
    "new year's day": _fixed(1, 1), "new year's eve": _fixed(12, 31), "new year's": _fixed(1, 1),
    "christmas": _fixed(12, 25), "christmas day": _fixed(12, 25), "christmas eve": _fixed(12, 24),
    "boxing day": _fixed(12, 26), "valentine's day": _fixed(2, 14), "st patrick's day": _fixed(3, 17),
    "st. patrick's day": _fixed(3, 17), "april fools' day": _fixed(4, 1), "april fool's day": _fixed(4, 1),
    "may day": _fixed(5, 1), "juneteenth": _fixed(6, 19), "canada day": _fixed(7, 1),
    "fourth of july": _fixed(7, 4), "the fourth of july": _fixed(7, 4), "bastille day": _fixed(7, 14),
    "halloween": _fixed(10, 31), "guy fawkes night": _fixed(11, 5), "bonfire night": _fixed(11, 5),
    "veterans day": _fixed(11, 11), "veterans' day": _fixed(11, 11), "armistice day": _fixed(11, 11),
    "remembrance day": _fixed(11, 11), "australia day": _fixed(1, 26), "anzac day": _fixed(4, 25),
    "thanksgiving": _nth_weekday(11, 3, 4), "thanksgiving day": _nth_weekday(11, 3, 4),
    "labor day": _nth_weekday(9, 0, 1), "memorial day": _nth_weekday(5, 0, -1),
    "martin luther king day": _nth_weekday(1, 0, 3), "martin luther king jr. day": _nth_weekday(1, 0, 3),
    "presidents' day": _nth_weekday(2, 0, 3), "presidents day": _nth_weekday(2, 0, 3),
    "columbus day": _nth_weekday(10, 0, 2), "mother's day": _nth_weekday(5, 6, 2),
    "father's day": _nth_weekday(6, 6, 3), "election day": _election_day,
    "easter": easter, "easter sunday": easter, "easter day": easter, "easter monday": _from_easter(1),
    "good friday": _from_easter(-2), "holy saturday": _from_easter(-1), "palm sunday": _from_easter(-7),
    "maundy thursday": _from_easter(-3), "ash wednesday": _from_easter(-46), "ascension day": _from_easter(39),
    "pentecost": _from_easter(49), "whit monday": _from_easter(50),
}
_NAMES = "|".join(sorted((re.escape(name) for name in HOLIDAYS), key=len, reverse=True))
_HOLIDAY = re.compile(rf"(?:(?P<rel>last|next|this|this year's|last year's|next year's) )?(?P<name>{_NAMES})"
                      rf"(?:,? (?P<year>\d{{4}}))?")
# For finding them in text when the model does not (names that are not also ordinary words).
FIND = (r"(?:(?:last|next|this) )?(?:New Year's (?:Day|Eve)|Christmas(?: Day| Eve)?|Boxing Day|Valentine's Day"
        r"|St\.? Patrick's Day|Thanksgiving(?: Day)?|Labou?r Day|Memorial Day|Veterans'? Day|Armistice Day"
        r"|Remembrance Day|Election Day|Easter(?: Sunday| Monday)?|Good Friday|Palm Sunday|Ash Wednesday"
        r"|Halloween|Bastille Day|Juneteenth|Martin Luther King(?: Jr\.?)? Day|Presidents'? Day|Columbus Day"
        r"|Mother's Day|Father's Day|Anzac Day|Australia Day|Canada Day|Fourth of July)")


def holiday(text: str, ctx: Context) -> Timex | None:
    """Thanksgiving -> 2024-11-28; last Christmas -> 2023-12-25; Easter 2025 -> 2025-04-20."""
    m = _HOLIDAY.fullmatch(text.replace("labour day", "labor day"))
    if not m:
        return None
    on = HOLIDAYS[m.group("name")]
    if m.group("year"):
        return Timex("DATE", on(int(m.group("year"))).isoformat())
    rel, dct = m.group("rel") or "", ctx.dct
    if rel in ("this", "this year's"):
        return Timex("DATE", on(dct.year).isoformat())
    if rel.endswith("year's"):
        return Timex("DATE", on(dct.year + (1 if rel.startswith("next") else -1)).isoformat())
    days = [on(year) for year in (dct.year - 1, dct.year, dct.year + 1)]
    direction = {"last": "past", "next": "future"}.get(rel, ctx.tense)
    if direction == "past":
        chosen = max(day for day in days if day < dct or (not rel and day == dct))
    elif direction == "future":
        chosen = min(day for day in days if day > dct or (not rel and day == dct))
    else:
        chosen = min(days, key=lambda day: abs((day - dct).days))
    return Timex("DATE", chosen.isoformat())
