"""Normalise one temporal expression against the article's date: the rules in order."""

from __future__ import annotations

import re
from datetime import date

from newsgloss.store.annotation.timex import holidays, relative, rules
from newsgloss.store.annotation.timex.calendar import Context, Timex
from newsgloss.store.annotation.timex.vocab import MONTH_RE, MONTHS

RULES = (
    rules.vague, rules.sets, holidays.holiday, rules.day_words, rules.part_of_day, rules.calendar_date,
    rules.month_year, rules.year_only, rules.decade_century, rules.quarter_half, rules.season, relative.weekday,
    relative.relative_unit, relative.amount_of_time, relative.clock_time,
)
_LEADING = re.compile(
    r"^(?:(?:in|on|at|by|from|since|until|till|through|throughout|during|for|of|over|within|between|after|before|"
    r"around|about|approximately|nearly|almost|roughly|some|as of|as early as|as late as|no later than|"
    r"sometime|some time|circa|ca|c|early|late|mid|the end of|the start of|the beginning of|the middle of|"
    r"the rest of|end of|start of|beginning of|middle of|earlier|later|so far|so far this|until|up to)\s+)+"
)
_TRAILING = re.compile(r"\s+(?:alone|so far|or so|or more|and beyond|period|time|onwards?|ahead|to date)$")


def canonical(expression: str) -> str:
    """Lower-case, curly quotes straightened, hyphens and stray punctuation removed."""
    text = expression.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-")
    if not re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?.*", text):
        text = re.sub(r"(?<=[a-z0-9])-(?=[a-z0-9])", " ", text)
    text = re.sub(r"[\"(),;!?]+|:(?!\d)", " ", text)
    text = re.sub(r"\b(?:[ecmp][sd]t|gmt|utc|local time)\b", " ", text)
    return " ".join(text.split()).strip(" .,'")


_DATE_THEN_TIME = re.compile(
    r"(.+?)(?:,? (?:on|at|of|in the))? (\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?|morning|afternoon|evening|night|"
    r"overnight)(?: local time| gmt| utc| [ecmp][sd]t)?"
)
_TIME_THEN_DATE = re.compile(
    r"(\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)|[012]?\d:[0-5]\d|noon|midnight"
    r"|(?:the )?(?:early |late )?(?:morning|afternoon|evening|night))"
    r"(?: (?:on|of|this|last))? (.+)"
)


def _with_date(text: str, ctx: Context) -> Timex | None:
    """A clock time or part of day joined to a date: Friday morning, 3 p.m. Friday, Dec. 5 at 10:00."""
    for pattern, date_group in ((_DATE_THEN_TIME, 1), (_TIME_THEN_DATE, 2)):
        m = pattern.fullmatch(text)
        if not m:
            continue
        day = normalize(m.group(date_group), ctx.dct, ctx.tense)
        if day is None or day.type != "DATE" or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day.value):
            continue
        when = normalize(m.group(3 - date_group), date.fromisoformat(day.value), ctx.tense)
        if when is not None and when.type == "TIME":
            return when
    return None


def _fallback(text: str, ctx: Context) -> Timex | None:
    """Last resort: a year or a month named somewhere in the expression."""
    if m := re.search(r"\b(1[0-9]{3}|20[0-9]{2})\b", text):
        month = re.search(rf"\b({MONTH_RE})\b", text)
        if month:
            return Timex("DATE", f"{m.group(1)}-{MONTHS[month.group(1)]:02d}")
        return Timex("DATE", m.group(1))
    return None


def _rules(candidate: str, ctx: Context) -> Timex | None:
    for rule in RULES:
        try:
            found = rule(candidate, ctx)
        except (ValueError, OverflowError):  # a date no calendar holds: no value, never a crash
            continue
        if found is not None:
            return found
    if " " in candidate:
        try:
            return _with_date(candidate, ctx)
        except (ValueError, OverflowError):
            return None
    return None


def _parts(text: str) -> list[str]:
    """Shorter readings of an over-long span: leading words dropped, then trailing words."""
    words = text.split()
    if len(words) > 8:
        return []
    heads = [" ".join(words[i:]) for i in range(1, len(words))]
    tails = [" ".join(words[:j]) for j in range(len(words) - 1, 0, -1)]
    return heads + tails


def normalize(expression: str, dct: date, tense: str = "past") -> Timex | None:
    """The TIMEX3 type and value of `expression` in an article dated `dct`, or None."""
    ctx = Context(dct, tense)
    text = canonical(expression)
    stripped = _TRAILING.sub("", _LEADING.sub("", text)).replace(" or so ", " ")  # "a week or so ago"
    for candidate in dict.fromkeys([text, stripped]):
        if candidate and (found := _rules(candidate, ctx)) is not None:
            return found
    for connector in (" ended ", " ending ", " to ", " through ", " until ", " and ", " or ", " of "):
        if connector in stripped:
            left, right = stripped.split(connector, 1)
            for candidate in (left, right):
                if candidate and (found := _rules(candidate, ctx)) is not None:
                    return found
    for candidate in _parts(stripped):
        if re.fullmatch(r"(?:the|a|an|of|to|and|or|in|on|at|by|for|its|their|his|her)", candidate):
            continue
        if (found := _rules(candidate, ctx)) is not None:
            return found
    return _fallback(text, ctx)
