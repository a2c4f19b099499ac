"""What every reader shares: the input it reads, the records it yields, decoding, dates, titles.

A reader is one function, `read(source: Source) -> Iterator[Record]`, registered by file suffix in
store/importers/__init__.py. It raises ImportProblem when the whole input cannot be read, and yields a
Record with a `problem` for one bad record among good ones."""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO, NamedTuple

from newsgloss.store.clean import clean_text
from newsgloss.store.models import Draft, ImportProblem

MAX_BYTES = 10 * 1024 * 1024  # one article file; JSONL files are streamed and have no limit


class Record(NamedTuple):
    """One article of an input as a reader found it, or why that article could not be read."""

    place: str  # where in the input ("3": a line or an item), "" for an input that holds one article
    draft: Draft | None = None
    problem: str = ""


class BadLine(NamedTuple):
    """A line of a many-article file that cannot be read, and why."""

    reason: str


@dataclass(frozen=True)
class Source:
    """One input: a file or a feed address, read only when a reader asks."""

    name: str  # as the user gave it
    path: Path | None = None
    url: str = ""
    problem: str = ""  # why it cannot be read at all (a folder that cannot be listed), found before reading
    content: bytes | None = None  # the input itself, already in hand (a feed a refresh fetched)
    stdin: bool = False  # standard input ("-"): JSON Lines

    def data(self, limit: int = MAX_BYTES) -> bytes:
        """The whole input as bytes (an ImportProblem when larger than `limit`)."""
        if self.content is not None:
            return self.content
        if self.stdin:
            return sys.stdin.buffer.read()
        if self.url:
            from newsgloss.store.importers.feed import fetch

            return fetch(self.url, limit)
        assert self.path is not None
        try:
            if self.path.stat().st_size > limit:
                raise ImportProblem(f"larger than {limit // 2**20} MB")
            return self.path.read_bytes()
        except OSError as error:
            raise ImportProblem(f"cannot read: {error.strerror or error}") from None

    def text(self) -> str:
        """The whole input decoded and cleaned (an ImportProblem when empty)."""
        text = decode(self.data())
        if not text.strip():
            raise ImportProblem("empty file")
        return text

    def lines(self) -> Iterator[str | BadLine]:
        """The input's lines, decoded one at a time (never the whole file in memory)."""
        if self.stdin:
            handle: BinaryIO = sys.stdin.buffer
            closing: AbstractContextManager[object] = nullcontext()  # standard input stays open
        else:
            assert self.path is not None
            try:
                handle = closing = self.path.open("rb")
            except OSError as error:
                raise ImportProblem(f"cannot read: {error.strerror or error}") from None
        with closing:
            first = handle.peek(2)[:2] if isinstance(handle, io.BufferedReader) else b""
            if first in (b"\xff\xfe", b"\xfe\xff"):
                yield from decode(handle.read()).split("\n")
                return
            while raw := handle.readline(MAX_BYTES + 1):
                if len(raw) > MAX_BYTES:
                    while raw and not raw.endswith(b"\n"):  # skip the rest of it, never holding it whole
                        raw = handle.readline(MAX_BYTES)
                    yield BadLine(f"a line longer than {MAX_BYTES // 2**20} MB (one article at most)")
                    continue
                try:
                    yield raw.decode("utf-8-sig")
                except UnicodeDecodeError:
                    try:
                        yield decode(raw)
                    except ImportProblem as problem:
                        yield BadLine(str(problem))


Reader = Callable[[Source], Iterator[Record]]


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text that starts without a byte-order mark: NULs in every other byte (ASCII letters' other half)."""
    sample = data[:4096]
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    encoding = "utf-16-le" if odd > len(sample) // 4 and even < odd // 10 else \
        "utf-16-be" if even > len(sample) // 4 and odd < even // 10 else None
    if encoding is None:
        return None
    try:
        text = data[: len(data) // 2 * 2].decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if sum(c.isprintable() or c.isspace() for c in text[:2000]) > 0.95 * min(len(text), 2000) else None


def decode(data: bytes) -> str:
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else detected."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return clean_text(data.decode("utf-16"))
    try:
        return clean_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        if (text := _utf16_without_bom(data)) is None:
            raise ImportProblem("binary file, not text")
        return clean_text(text)
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None:
        raise ImportProblem("not text in any encoding newsgloss can detect")
    return clean_text(data.decode(best.encoding, errors="replace"))


def parse_published(value: object) -> str:
    """An ISO date (YYYY-MM-DD) from whatever a source gives, or '' when it is not a date."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return ""
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", text):
        try:
            return date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            return ""
    from dateutil import parser

    try:
        return parser.parse(text, fuzzy=False).date().isoformat()
    except (ValueError, OverflowError, TypeError):
        return ""


def title_from(paragraph: str, limit: int = 100) -> str:
    """A title made from a paragraph's first sentence, cut at a comma or word if long."""
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", paragraph.strip(), maxsplit=1)[0].rstrip(".")
    if len(sentence) <= limit:
        return sentence
    comma = sentence.rfind(",", 0, limit)
    if comma > limit // 2:
        return sentence[:comma]
    return sentence[:limit].rsplit(" ", 1)[0] + "…"


def as_text(value: object) -> str:
    """A field that must be text: numbers become text, anything else is empty."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""
