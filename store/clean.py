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


# UTF-8 read as Latin-1 or Windows-1252 ("SÃ£o Paulo", "donâ€™t"): a lead byte's character followed by a
# continuation byte's. Text without such a pair (nearly all) is not looked at further.
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
                       "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


def clean_text(text: str) -> str:
    """Return `text` NFC-normalised, with escape sequences and control characters removed and text that was
    decoded with the wrong encoding repaired ("SÃ£o Paulo" is "São Paulo").

    Newlines and tabs stay; CRLF, CR and Unicode line separators become newlines.
    """
    if _suspect(text):
        text = _LINE_BREAKS.sub(lambda m: "\n\n" if m.group(0) == "\u2029" else "\n", text)
        text = _UNWANTED.sub("", _ESCAPES.sub("", text))
    if not text.isascii() and _MOJIBAKE.search(text):
        from ftfy import fix_encoding

        text = fix_encoding(text)
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


# What a terminal acts on instead of showing: C0 and C1 controls (escape sequences start with them), DEL,
# bidi overrides and isolates (they reorder what is shown), and lone surrogates (undecodable file names).
_TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                              "\ud800-\udfff\u2028\u2029]")


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 in a file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, newlines: bool = False) -> str:
    """`text` safe to print to a terminal or draw on screen: every character a terminal would act on
    (escape sequences, controls, bidi overrides) is shown as an escape such as \\x1b instead. Newlines
    are kept when `newlines` (multi-line notes), else shown as \\x0a like the rest."""
    if text.isprintable():  # no control or format characters at all (most text)
        return text
    if newlines:
        return "\n".join(_TERMINAL_UNSAFE.sub(_shown, line) for line in text.split("\n"))
    return _TERMINAL_UNSAFE.sub(_shown, text)


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟: the control character, drawn
    return "\u2421" if code == 0x7F else "\ufffd"


def visible(text: str, newlines: bool = True) -> str:
    """`text` safe to draw, one character for one (offsets into it stay right): controls become their
    pictures (ESC is ␛), other characters a terminal would act on become �. Newlines stay when `newlines`."""
    if text.isprintable():
        return text
    if newlines:
        return "\n".join(_TERMINAL_UNSAFE.sub(_picture, line) for line in text.split("\n"))
    return _TERMINAL_UNSAFE.sub(_picture, text)
