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
_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029\x85]")
_SPACES = re.compile(r"[\t\u00a0][ \t\u00a0]*| {2,}")
# Control characters (but newline and tab), surrogates, private use, bidi overrides and
# isolates (they can disguise text), BOMs and noncharacters.
_UNWANTED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\U000f0000-\U0010ffff"
    "\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]"
)

# Any character that one of the substitutions above would touch: most text has none.
_SUSPECT = re.compile(_UNWANTED.pattern[:-1] + "\r\u2028\u2029\x85\x9b\x9d\x90\x98\x9c\x9e]")


def _suspect(text: str) -> bool:
    """Whether `text` has anything to remove. Every character _SUSPECT finds is non-printable, so text
    that is printable once newlines and tabs are set aside (most text) needs no search."""
    if text.replace("\n", "").replace("\t", "").isprintable():
        return False
    return _SUSPECT.search(text) is not None


def _folded(text: str) -> str:
    """`text` case-folded, with whitespace runs as single spaces and none at either end."""
    folded = text.casefold()
    # Printable text has no whitespace but the plain space, so without double or outer spaces it is done.
    if folded.isprintable() and "  " not in folded and folded[:1] != " " and folded[-1:] != " ":
        return folded
    return " ".join(folded.split())


def clean_text(text: str) -> str:
    """Return `text` NFC-normalised, with escape sequences and control characters removed.

    Newlines and tabs stay; CRLF, CR and Unicode line separators become newlines.
    """
    if _suspect(text):
        text = _LINE_BREAKS.sub(lambda m: "\n\n" if m.group(0) == "\u2029" else "\n", text)
        text = _UNWANTED.sub("", _ESCAPES.sub("", text))
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def clean_line(text: str) -> str:
    """Clean `text` for a one-line field (title, source, author): whitespace folded."""
    return " ".join(clean_text(text).split())


def fold_spaces(text: str) -> str:
    """Collapse runs of spaces and tabs inside a paragraph and trim it."""
    if "  " in text or "\t" in text or "\u00a0" in text:
        text = _SPACES.sub(" ", text)
    return text.strip()


def fingerprint(*parts: str) -> str:
    """A short stable hash of normalised text: case and spacing do not count."""
    normal = _folded(parts[0]) if len(parts) == 1 else "\x1f".join(_folded(part) for part in parts)
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:24]


def combined_fingerprint(title: str, paragraph_fingerprints: list[str]) -> str:
    """An article's fingerprint from its title and its paragraphs' fingerprints."""
    return fingerprint(title, *paragraph_fingerprints)
