"""Text hygiene: article text is data, so escapes and control characters go at import."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# CSI, OSC, DCS/PM/APC/SOS strings and other two-byte escapes, 7- and 8-bit forms.
_ESCAPES = re.compile(
    r"""
      \x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?      # OSC ... BEL or ST
    | \x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?         # 8-bit OSC
    | \x1b[P^_X][^\x1b\x9c]*(?:\x1b\\|\x9c)?            # DCS, PM, APC, SOS
    | [\x90\x9e\x9f\x98][^\x1b\x9c]*(?:\x1b\\|\x9c)?    # 8-bit DCS, PM, APC, SOS
    | \x1b\[[0-?]*[ -/]*[@-~]?                          # CSI
    | \x9b[0-?]*[ -/]*[@-~]?                            # 8-bit CSI
    | \x1b[ -/]*[0-~]?                                  # other escapes
    """,
    re.VERBOSE,
)
_KEEP = {"\n", "\t"}
_LINE_BREAKS = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n\n", "\x85": "\n"})
_SPACES = re.compile(r"[ \t\u00a0]+")


def _is_unwanted(char: str) -> bool:
    if char in _KEEP:
        return False
    category = unicodedata.category(char)
    if category in ("Cc", "Cs", "Co"):
        return True
    # Bidi overrides and isolates can disguise text; noncharacters are never text.
    return char in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\ufffe\uffff"


def clean_text(text: str) -> str:
    """Return `text` NFC-normalised, with escape sequences and control characters removed.

    Newlines and tabs stay; CRLF, CR and Unicode line separators become newlines.
    """
    text = text.replace("\r\n", "\n").translate(_LINE_BREAKS)
    text = _ESCAPES.sub("", text)
    text = "".join(char for char in text if not _is_unwanted(char))
    return unicodedata.normalize("NFC", text)


def clean_line(text: str) -> str:
    """Clean `text` for a one-line field (title, source, author): whitespace folded."""
    return " ".join(clean_text(text).split())


def fold_spaces(text: str) -> str:
    """Collapse runs of spaces and tabs inside a paragraph and trim it."""
    return _SPACES.sub(" ", text).strip()


def fingerprint(*parts: str) -> str:
    """A short stable hash of normalised text: case and spacing do not count."""
    normal = "\x1f".join(" ".join(part.casefold().split()) for part in parts)
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:24]
