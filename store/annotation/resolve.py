"""From highlighted names to entities: every name span of an article resolved to a canonical (name, label).

Within an article a short form joins the full name it stands for: "Assad" after "Bashar al-Assad",
"Golani" after "Abu Mohammed al-Golani", "HTS" after "Hayat Tahrir al-Sham". Across the library the same
name and label are one entity (see `key`). The reader's alias, merge and hide rules act on entities, in
the library (store/sqlite/entities.py), so that they apply at once to everything stored. Pure: spans in,
mentions out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsgloss.store.models import Span

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW",
                 "LANGUAGE")
KB_ACTIONS = ("alias", "merge", "hide")
_PARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "ar-", "an-", "bin ", "ibn ", "abu ", "van ", "von ",
              "de ", "da ", "di ", "le ", "la ", "du ")
_CONNECTORS = {"of", "for", "the", "and", "de", "du", "des", "la", "le", "al", "el", "y", "in", "on", "&"}
_POSSESSIVE = re.compile(r"['\u2019]s?$")


@dataclass(frozen=True)
class Mention:
    """One name span of an article resolved to its entity."""

    position: int  # the paragraph
    start: int
    end: int
    name: str  # the entity's canonical name
    label: str
    text: str = ""  # as the article writes it ("Assad", "HTS")


def canonical(text: str) -> str:
    """A name as an entity is called: spaces folded, no leading article, no possessive."""
    name = " ".join(text.split())
    name = re.sub(r"^(?:the|The|THE)\s+", "", name)
    return _POSSESSIVE.sub("", name).strip(" .,;:-") or name


def written(name: str) -> str:
    """How a name is looked up, whatever its case and spacing."""
    return " ".join(name.casefold().split())


def key(name: str, label: str) -> str:
    """What makes two names one entity: the name, case and accents aside, and the label."""
    return f"{' '.join(name.casefold().split())}\x1f{label}"


def _bare(word: str) -> str:
    """A name word without a particle: al-Assad -> assad."""
    lowered = word.casefold()
    for particle in _PARTICLES:
        if lowered.startswith(particle) and len(lowered) > len(particle) + 1:
            return lowered[len(particle):]
    return lowered


def _initials(name: str) -> str:
    letters = []
    for word in name.split():
        if word.casefold() in _CONNECTORS:
            continue
        for part in re.split(r"[-\u2010]", word):
            if part[:1].isupper():
                letters.append(part[0])
    return "".join(letters)


def _stands_for(short: str, full: str, label: str) -> bool:
    """Whether `short` is a short form of `full` (both of `label`) in one article."""
    if len(short) >= len(full) or not short.strip():
        return False
    words = full.split()
    if len(words) < 2:
        return False
    if short.isupper() and 2 <= len(short) <= 7 and _initials(full) == short:
        return True  # HTS: Hayat Tahrir al-Sham
    short_words = [_bare(w) for w in short.split()]
    full_words = [_bare(w) for w in words]
    if label == "PERSON":  # Assad: Bashar al-Assad; Golani: Abu Mohammed al-Golani
        return full_words[-len(short_words):] == short_words
    if label in ("ORG", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"):
        # Hayat Tahrir: Hayat Tahrir al-Sham; the Pentagon's longer names are left alone
        return len(short_words) >= 2 and full_words[:len(short_words)] == short_words
    return False


def resolve(spans: Sequence[Iterable[Span]]) -> list[Mention]:
    """The mentions of one article (its spans listed by paragraph), each resolved to its entity's name."""
    named = [(position, span, canonical(span.text)) for position, paragraph in enumerate(spans)
             for span in paragraph if span.label in ENTITY_LABELS]
    names: dict[str, set[str]] = {}
    for _, span, name in named:
        names.setdefault(span.label, set()).add(name)
    forms = {label: sorted(found, key=len, reverse=True) for label, found in names.items()}
    return [Mention(position, span.start, span.end,
                    next((form for form in forms[span.label] if _stands_for(name, form, span.label)), name), span.label,
                    name)
            for position, span, name in named]
