"""Cleaner entities than the model gives: trimmed, one label per name, places settled, acronyms linked."""

from __future__ import annotations

import re
from collections import Counter

from store.annotation.gazetteer import is_place
from store.models import Span

TEMPORAL = {"DATE", "TIME"}
SPECIFICITY = ["PERSON", "GPE", "LOC", "FAC", "ORG", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"]
NAMES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
_TRIM_END = re.compile(r"(?:['\u2019]s?|[.,;:!?\"'\u201d\u2019)\]-])+$")
_TRIM_START = re.compile(r"^(?:the |[\"'\u201c\u2018(\[-])+", re.IGNORECASE)
_PLACE_WORDS = r"(?:towns?|city|cities|villages?|provinces?|governorates?|regions?|districts?|ports?|suburbs?|capital)"
_NAME = r"[A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*)*"
_PLACE_BEFORE = re.compile(rf"\b{_PLACE_WORDS} of (?:the )?(?:{_NAME}(?:,| and| or) )*$", re.IGNORECASE)
_PLACE_AFTER = re.compile(rf"^ {_PLACE_WORDS}\b", re.IGNORECASE)
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]?[A-Z]{1,6})\)")
_CONNECTORS = {"of", "for", "the", "and", "de", "du", "des", "la", "le", "al", "el", "y", "in", "on", "&"}


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without a possessive, quotes, brackets or a leading `the`."""
    piece = text[start:end]
    head = _TRIM_START.match(piece)
    tail = _TRIM_END.search(piece)
    new_start = start + (head.end() if head else 0)
    new_end = end - (len(tail.group(0)) if tail else 0)
    return (new_start, new_end) if new_end > new_start else (start, end)


def _relabel(span: Span, label: str) -> Span:
    return Span(span.start, span.end, label, span.text, span.value, span.type, span.origin)


def _locative(texts: list[str], spans: list[list[Span]]) -> set[str]:
    """Names that some sentence of the article places as a town, city, governorate..."""
    found = set()
    for text, paragraph in zip(texts, spans, strict=True):
        for span in paragraph:
            after = span.label != "NORP" and _PLACE_AFTER.match(text[span.end:span.end + 20])
            if span.label in NAMES and (after or _PLACE_BEFORE.search(text, 0, span.start)):
                found.add(span.text.casefold())
    return found


def consolidate(texts: list[str], spans: list[list[Span]]) -> list[list[Span]]:
    """One label per name within an article (majority vote, ties to the more specific label);
    a known or clearly located place the model called PERSON, ORG or NORP becomes GPE."""
    votes: dict[str, Counter] = {}
    for paragraph in spans:
        for span in paragraph:
            if span.label in NAMES:
                votes.setdefault(span.text.casefold(), Counter())[span.label] += 1
    rank = {label: index for index, label in enumerate(SPECIFICITY)}
    chosen = {name: max(c.items(), key=lambda item: (item[1], -rank.get(item[0], 99)))[0] for name, c in votes.items()}
    located = _locative(texts, spans)
    acronyms = {m.group(1).casefold() for text in texts for m in _ACRONYM.finditer(text)}
    for name, label in chosen.items():
        if label in ("ORG", "NORP", "PERSON") and name in located:
            chosen[name] = "GPE"
        elif name in acronyms or name.upper() == name:
            continue  # an acronym is not settled by a place that happens to share its letters
        elif (label == "ORG" or (label == "PERSON" and " " in name)) and is_place(name):
            chosen[name] = "GPE"
    return [[_relabel(s, chosen[s.text.casefold()]) if s.label in NAMES else s for s in p] for p in spans]


def _initials(word: str) -> str:
    parts = [p for p in re.split(r"[-\u2010]", word) if p]
    letters = [p[0] for p in parts if p[0].isupper()]
    return "".join(letters) or word[0].upper()


def _long_form(text: str, open_paren: int, acronym: str) -> int | None:
    """Where the long form of `acronym` starts, reading words back from the bracket."""
    words = list(re.finditer(r"[\w'\u2019&-]+", text[max(0, open_paren - 160):open_paren]))
    base = max(0, open_paren - 160)
    wanted = acronym.upper()
    for word in reversed(words):
        if not wanted:
            break
        token = word.group(0)
        if token.casefold() in _CONNECTORS:
            continue
        initials = _initials(token)
        if not wanted.endswith(initials):
            return None
        wanted = wanted[: -len(initials)]
        start = base + word.start()
    return start if not wanted else None


def link_acronyms(texts: list[str], spans: list[list[Span]]) -> list[list[Span]]:
    """`Hayat Tahrir al-Sham (HTS)`: the long form becomes one entity, and every `HTS` gets its label."""
    acronyms: dict[str, str] = {}
    result = [list(p) for p in spans]
    for index, text in enumerate(texts):
        for m in _ACRONYM.finditer(text):
            start = _long_form(text, m.start() - 1 if text[m.start() - 1:m.start()] == " " else m.start(), m.group(1))
            if start is None:
                continue
            end = m.start() - (1 if text[m.start() - 1:m.start()] == " " else 0)
            inside = [s for s in result[index] if s.start < end and start < s.end and s.label in NAMES]
            label = Counter(s.label for s in inside).most_common(1)[0][0] if inside else "ORG"
            label = "ORG" if label in ("PERSON", "GPE") and len(m.group(1)) >= 2 else label
            result[index] = [s for s in result[index] if not (s.start < end and start < s.end)]
            result[index].append(Span(start, end, label, text[start:end]))
            acronyms[m.group(1)] = label
    for acronym, label in acronyms.items():
        for index, text in enumerate(texts):
            for m in re.finditer(rf"\b{re.escape(acronym)}\b", text):
                if not any(s.start < m.end() and m.start() < s.end for s in result[index]):
                    result[index].append(Span(m.start(), m.end(), label, acronym))
    return [sorted(p, key=lambda s: (s.start, s.end)) for p in result]
