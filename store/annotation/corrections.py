"""The reader's entity corrections as rules over spans: rules beat the model, in new and stored articles."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsgloss.store.models import EntityRule, Span

TEMPORAL = ("DATE", "TIME")
SPAN_ACTIONS = ("relabel", "remove", "add")


def _occurrences(text: str, needle: str) -> Iterable[tuple[int, int]]:
    pattern = rf"(?<!\w){re.escape(needle)}(?!\w)"
    return ((m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE))


def apply_rules(texts: list[str], spans: list[list[Span]], rules: Iterable[EntityRule]) -> list[list[Span]]:
    """Spans with every rule applied, in the order the rules were made."""
    result = [list(p) for p in spans]
    for rule in rules:
        if rule.action not in SPAN_ACTIONS:  # alias, merge and hide act on entities, not on spans
            continue
        key = rule.text.casefold()
        for index, text in enumerate(texts):
            paragraph = result[index]
            if rule.action in ("relabel", "remove"):
                kept = [s for s in paragraph if s.label in TEMPORAL or s.text.casefold() != key]
                if rule.action == "relabel":
                    kept += [Span(s.start, s.end, rule.label, s.text, origin="user")
                             for s in paragraph if s.label not in TEMPORAL and s.text.casefold() == key]
                result[index] = kept
            else:
                for start, end in _occurrences(text, rule.text):
                    paragraph = [s for s in paragraph if s.label in TEMPORAL or not (s.start < end and start < s.end)]
                    paragraph.append(Span(start, end, rule.label, text[start:end], origin="user"))
                result[index] = paragraph
    return [by_position(p) for p in result]


def by_position(spans: Iterable[Span]) -> list[Span]:
    """Spans in reading order."""
    return sorted(spans, key=lambda s: (s.start, s.end))
