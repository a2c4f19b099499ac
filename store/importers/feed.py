"""RSS and Atom feeds (feedparser): each item becomes an article, with its full content when given."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date

from newsgloss.store.clean import clean_line
from newsgloss.store.importers.base import ImportProblem, Record, Source
from newsgloss.store.importers.html import fragment_paragraphs
from newsgloss.store.models import Draft

MAX_FEED_BYTES = 50 * 1024 * 1024


def _published(entry) -> str:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            try:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
            except ValueError:
                continue
    return ""


def _body(entry) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents if isinstance(c, dict)), key=len, default="")
    summary = entry.get("summary", "") or ""
    return best if len(best) >= len(summary) else summary


def read(source: Source) -> Iterator[Record]:
    """The reader for RSS and Atom, from a file or from the address of a feed."""
    return parse_feed(source.data(MAX_FEED_BYTES), source.name)


def parse_feed(data: bytes | str, origin: str = "") -> Iterator[Record]:
    """A record for each item of a feed document."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception", "")).split("\n")[0]
        raise ImportProblem(f"not a readable RSS or Atom feed{': ' + reason if reason else ''}")
    source = clean_line(parsed.feed.get("title", "") or "")
    for number, entry in enumerate(parsed.entries, start=1):
        place = str(number)
        paragraphs = fragment_paragraphs(_body(entry))
        if not paragraphs:
            yield Record(place, problem="feed item has no text")
            continue
        yield Record(place, Draft(
            title=clean_line(entry.get("title", "") or "") or paragraphs[0][:80], paragraphs=tuple(paragraphs),
            source=source, url=clean_line(entry.get("link", "") or ""),
            author=clean_line(entry.get("author", "") or ""),
            published=_published(entry), origin=f"{origin}:{place}",
        ))


def fetch(url: str, limit: int = MAX_FEED_BYTES, timeout: float = 20.0) -> bytes:
    """Download a feed the user named (http or https only, size-limited)."""
    from urllib.error import URLError
    from urllib.request import Request, urlopen

    if not url.lower().startswith(("http://", "https://")):
        raise ImportProblem("only http and https feed addresses are fetched")
    request = Request(url, headers={"User-Agent": "newsgloss (feed reader)"})
    try:
        with urlopen(request, timeout=timeout) as response:
            data = response.read(limit + 1)
    except (URLError, OSError, ValueError) as error:
        raise ImportProblem(f"cannot fetch the feed: {getattr(error, 'reason', error)}") from None
    if len(data) > limit:
        raise ImportProblem(f"the feed is larger than {limit // 2**20} MB")
    return data
