"""What every importer shares: decoding bytes, dates, titles."""

from __future__ import annotations

import re
from datetime import date, datetime

from store.clean import clean_text

MAX_BYTES = 10 * 1024 * 1024  # one article file; JSONL files are streamed and have no limit


class ImportProblem(Exception):
    """An input that cannot be imported; the message is the one-line reason."""


def decode(data: bytes) -> str:
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else detected."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return clean_text(data.decode("utf-16"))
    try:
        return clean_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise ImportProblem("binary file, not text")
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
