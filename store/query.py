"""One filter language for search, the article list, the command line and export.

    tag:NAME  entity:NAME  source:NAME     a tag on a paragraph, an entity named (or an alias), the outlet
    after:DATE  before:DATE                published on or after the start of DATE / before it
    mentions:DATE                          a date mentioned in the text: 2024, 2024-12 or 2024-12-12
    is:unread  is:read  is:starred         read state, stars
    is:archived  is:trash                  the archive, the trash (neither is in the list otherwise)
    has:note  has:tag
    -FILTER                                not that
    anything else                          words, ranked by the full-text index

Values with spaces go in quotes: entity:"Bashar al-Assad". A word with a colon that is not a filter
(`title:x`, `c++`) is only words. A filter that cannot mean anything is a QueryError naming it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from newsgloss.store.models import StoreError

FIELDS = ("tag", "entity", "source", "after", "before", "mentions", "is", "has")
STATES = ("unread", "read", "starred", "archived", "trash")
SHELVES = {"archived": 1, "trash": 2}  # an article's shelf: 0 is the list
HAS = ("note", "tag")
_TOKEN = re.compile(r'(-?)([A-Za-z]+):(?:"([^"]*)"?|(\S*))|"([^"]*)"?|(\S+)')
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


class QueryError(StoreError):
    """A filter that cannot mean anything; the message says which and why, in one line."""


@dataclass(frozen=True)
class Filter:
    field: str
    value: str
    negated: bool = False

    def __str__(self) -> str:
        value = f'"{self.value}"' if " " in self.value else self.value
        return f"{'-' if self.negated else ''}{self.field}:{value}"


@dataclass(frozen=True)
class Query:
    """A parsed query: its filters and its free words (for the full-text index)."""

    filters: tuple[Filter, ...] = ()
    words: str = ""

    @property
    def empty(self) -> bool:
        return not self.filters and not self.words.strip()


def _checked_date(field: str, value: str) -> str:
    if not _DATE.fullmatch(value):
        raise QueryError(f"{field}:{value} — a date is YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise QueryError(f"{field}:{value} — there is no such date") from None
    return value


def _filter(field: str, value: str, negated: bool) -> Filter:
    if not value.strip():
        example = "2024-12" if field in ("after", "before", "mentions") else "NAME"
        raise QueryError(f"{field}: needs a value, e.g. {field}:{example}")
    if field in ("after", "before", "mentions"):
        value = _checked_date(field, value)
    elif field == "is" and value.lower() not in STATES:
        raise QueryError(f"is:{value} — is: takes {' or '.join(STATES)}")
    elif field == "has" and value.lower() not in HAS:
        raise QueryError(f"has:{value} — has: takes {' or '.join(HAS)}")
    return Filter(field, value.lower() if field in ("is", "has") else value, negated)


def parse(text: str) -> Query:
    """The filters and words of `text`; a filter that cannot mean anything raises QueryError."""
    filters: list[Filter] = []
    words: list[str] = []
    for m in _TOKEN.finditer(text):
        negated, field, quoted, bare, phrase, _ = m.groups()
        if field is not None and field.lower() in FIELDS:
            filters.append(_filter(field.lower(), quoted if quoted is not None else bare, bool(negated)))
        elif phrase is not None:
            words.append(phrase)
        else:
            words.append(m.group(0))
    return Query(tuple(filters), " ".join(words))


def period_end(value: str) -> str:
    """The first value past every value of a period, for a range over sorted ISO text: 2024 -> 2024~."""
    return value + "~"  # "~" sorts after digits, "-", "T", "W", "Q", "H" and season codes
