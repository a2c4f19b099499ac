"""Feed subscriptions: the list of feeds, OPML in and out, and refreshing them all.

A refresh asks each server only for what changed since last time (ETag and Last-Modified sent back), a few
feeds at a time, each within its own deadline; what a feed brings is imported as any feed file would be,
so an article already stored is unchanged and a new version of it keeps its tags and notes.
"""

from __future__ import annotations

import gzip
import time
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import TYPE_CHECKING
from xml.etree import ElementTree
from xml.sax.saxutils import quoteattr

from newsgloss.store.importers import ImportProblem, Source, is_url
from newsgloss.store.importers.feed import MAX_FEED_BYTES
from newsgloss.store.models import Feed, FeedResult, StoreError

if TYPE_CHECKING:
    from newsgloss.store.library import Library

WORKERS = 4  # feeds fetched at a time
DEADLINE = 30.0  # seconds one feed may take, connecting and reading included
USER_AGENT = "newsgloss (feed reader; +https://pypi.org/project/newsgloss/)"


@dataclass(frozen=True)
class Fetched:
    """What a server answered: a new document (200), or "not modified" (304, no data)."""

    status: int
    data: bytes = b""
    etag: str | None = None
    last_modified: str | None = None


def fetch(url: str, etag: str = "", last_modified: str = "", deadline: float = DEADLINE,
          limit: int = MAX_FEED_BYTES) -> Fetched:
    """One conditional GET of a feed (http or https only, redirects followed, gzip accepted), within
    `deadline` seconds in all; an ImportProblem says in one line why it failed."""
    from urllib.error import HTTPError, URLError
    from urllib.request import Request, urlopen

    if not is_url(url):
        raise ImportProblem("only http and https feed addresses are fetched")
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate",
               "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    started = time.monotonic()
    try:
        with urlopen(Request(url, headers=headers), timeout=max(1.0, min(deadline, 15.0))) as response:
            chunks, size = [], 0
            while chunk := response.read1(65536):
                size += len(chunk)
                if size > limit:
                    raise ImportProblem(f"the feed is larger than {limit // 2**20} MB")
                if time.monotonic() - started > deadline:
                    raise ImportProblem(f"took longer than {deadline:g} s")
                chunks.append(chunk)
            data = _decoded(b"".join(chunks), response.headers.get("Content-Encoding", ""))
            return Fetched(200, data, response.headers.get("ETag"), response.headers.get("Last-Modified"))
    except HTTPError as error:
        if error.code == 304:
            return Fetched(304)
        raise ImportProblem(f"the server answered {error.code} {error.reason}") from None
    except TimeoutError:
        raise ImportProblem(f"no answer within {deadline:g} s") from None
    except (URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, TimeoutError):
            raise ImportProblem(f"no answer within {deadline:g} s") from None
        raise ImportProblem(f"cannot fetch the feed: {reason}") from None


def _decoded(data: bytes, encoding: str) -> bytes:
    try:
        if encoding.lower() == "gzip":
            return gzip.decompress(data)
        if encoding.lower() == "deflate":
            return zlib.decompress(data)
    except (OSError, zlib.error, EOFError):
        raise ImportProblem("the server sent a compressed feed that cannot be unpacked") from None
    return data


def parse_opml(data: bytes) -> list[tuple[str, str]]:
    """(address, title) of every feed an OPML file lists, in order, nested outlines included."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise ImportProblem(f"not a readable OPML file ({error})") from None
    if root.tag.lower() != "opml":
        raise ImportProblem("not an OPML file (its root is not <opml>)")
    found = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url:
            found.append((url, (outline.get("title") or outline.get("text") or "").strip()))
    return found


def opml(feeds: list[Feed]) -> str:
    """The subscriptions as an OPML 2.0 document other feed readers import."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">',
             "  <head><title>newsgloss subscriptions</title></head>", "  <body>"]
    for feed in feeds:
        title = quoteattr(feed.title or feed.url)
        lines.append(f'    <outline type="rss" text={title} title={title} xmlUrl={quoteattr(feed.url)}/>')
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


class Subscriptions:
    """The feeds of one library (`library.feeds`)."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.backend = library.backend

    def all(self) -> list[Feed]:
        with self.backend.errors():
            return self.backend.feeds.all()

    def add(self, url: str, title: str = "") -> tuple[Feed, bool]:
        """Subscribe to `url` (http or https); the feed and whether it is new."""
        url = url.strip()
        if not is_url(url):
            raise ImportProblem(f"not a feed address (http or https): {url}")
        with self.backend.errors():
            return self.backend.feeds.add(url, title.strip())

    def remove(self, url: str) -> bool:
        """Unsubscribe (the articles it brought stay in the library)."""
        with self.backend.errors():
            return self.backend.feeds.remove(url.strip())

    def import_opml(self, data: bytes) -> list[tuple[Feed, bool]]:
        """Subscribe to every feed of an OPML document: (feed, whether it is new) for each."""
        return [self.add(url, title) for url, title in parse_opml(data) if is_url(url)]

    def export_opml(self) -> str:
        return opml(self.all())

    def refresh(self, workers: int = WORKERS, deadline: float = DEADLINE, only: list[str] | None = None,
                started: Callable[[int], None] | None = None) -> Iterator[FeedResult]:
        """Fetch every feed (or those in `only`), `workers` at a time, and import what is new: one result per
        feed, in the order they finish. Fetching runs on threads; storing stays on this one."""
        feeds = [f for f in self.all() if only is None or f.url in only]
        if started is not None:
            started(len(feeds))
        if not feeds:
            return
        with ThreadPoolExecutor(max_workers=max(1, min(workers, len(feeds)))) as pool:
            pending: dict[Future[Fetched], Feed] = {
                pool.submit(fetch, f.url, f.etag, f.last_modified, deadline): f for f in feeds}
            for future in as_completed(pending):
                yield self._store(pending[future], future)

    def _store(self, feed: Feed, future: Future[Fetched]) -> FeedResult:
        try:
            fetched = future.result()
            if fetched.status == 304:
                result = FeedResult(feed.url, "unchanged", detail="not modified")
            else:
                result = self._import(feed, fetched.data)
            with self.backend.errors():
                self.backend.feeds.checked(feed.url, result.status, result.detail, fetched.etag,
                                           fetched.last_modified, result.title, result.imported)
            return result
        except ImportProblem as problem:
            failed = FeedResult(feed.url, "failed", detail=str(problem))
        except StoreError:
            raise
        except Exception as error:  # one feed's trouble never stops the others
            failed = FeedResult(feed.url, "failed", detail=f"{type(error).__name__}: {' '.join(str(error).split())}")
        with self.backend.errors():
            self.backend.feeds.checked(feed.url, "failed", failed.detail)
        return failed

    def _import(self, feed: Feed, data: bytes) -> FeedResult:
        from newsgloss.store.jobs.importing import import_source

        imported = updated = 0
        title = ""
        for outcome in import_source(self.library, Source(feed.url, url=feed.url, content=data)):
            if outcome.status == "skipped" and not outcome.place:
                raise ImportProblem(outcome.reason)
            imported += outcome.status == "imported"
            updated += outcome.status == "updated"
        if not feed.title:
            title = _feed_title(data)
        status = "new" if imported or updated else "unchanged"
        return FeedResult(feed.url, status, imported, updated, title=title)


def _feed_title(data: bytes) -> str:
    import feedparser

    from newsgloss.store.clean import clean_line

    return clean_line(feedparser.parse(data).feed.get("title", "") or "")
