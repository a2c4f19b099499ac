"""Cleaner entities than the model gives: trimmed, one label per name, places settled, acronyms linked."""

from __future__ import annotations

import re
from collections import Counter

from newsgloss.store.annotation.gazetteer import is_place
from newsgloss.store.models import Span

TEMPORAL = {"DATE", "TIME"}
SPECIFICITY = ["PERSON", "GPE", "LOC", "FAC", "ORG", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"]
NAMES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
_TRIM_END = re.compile(r"(?:['\u2019]s?|[.,;:!?\"'\u201d\u2019)\]-])+$")
_TRIM_START = re.compile(r"^(?:(?:[Tt]he|THE|a|an|these|those|this|that) |[\"'\u201c\u2018(\[-])+")
# The final dot of an abbreviation is part of the name: "U.S.", "D.C.", "Acme Corp.", "Martin Luther King Jr."
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Corp|Inc|Ltd|Co|Jr|Sr|Bros|St|Mt|Dept|Gen|Ft|Pty|Plc|Cie)\.)$")
# A name never ends in a joining word ("the Centre for", "the Institute of"), and a person or place
# never starts or ends with a number or date ("BEIRUT 1996-12-06", "Ajax 3").
_TRAILING_JOINER = re.compile(r"(?:\s+(?:of|for|and|the|at|in|on|de|du|des|von|van)\b)+$")
_NUMBER_EDGE_END = re.compile(r"(?:\s+[\d][\d.,:/-]*)+$")
_NUMBER_EDGE_START = re.compile(r"^(?:[\d][\d.,:/-]*\s+)+")
# A person's name without the title or the job before it ("President Bush", "magician David Gish"), as
# news NER marks it; a title alone is no name.
_TITLES = ("mr|mrs|ms|miss|mlle|mme|dr|prof|professor|sir|dame|lord|lady|king|queen|prince|princess|duke|duchess|"
           "emperor|empress|tsar|czar|tsarevna|pope|saint|st|president|vice president|prime minister|minister|"
           "chancellor|senator|sen|rep|representative|governor|gov|mayor|judge|colonel|col|captain|capt|"
           "lieutenant|lt|sergeant|sgt|admiral|commander|sheikh|imam|rabbi|reverend|rev|bishop|archbishop|"
           "cardinal|chairman|chairwoman|ceo")
_PERSON_LEAD = re.compile(rf"^(?:(?i:{_TITLES})\.?\s+|[a-z][\w-]*\s+)+(?=[A-Z])")
_TITLE_ONLY = re.compile(rf"(?:(?:{_TITLES})\.?\s*)+", re.IGNORECASE)
_SCORE_END = re.compile(r"(?:\s+\d+\s*[-:]\s*\d+(?:[-:]\d+)?)+$")
_NO_NUMBERS = {"PERSON", "GPE", "LOC", "NORP"}
_PLACE_WORDS = r"(?:towns?|city|cities|villages?|provinces?|governorates?|regions?|districts?|ports?|suburbs?|capital)"
_NAME = r"[A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*)*"
_PLACE_BEFORE = re.compile(rf"\b{_PLACE_WORDS} of (?:the )?(?:{_NAME}(?:,| and| or) )*$", re.IGNORECASE)
_PLACE_AFTER = re.compile(rf"^ {_PLACE_WORDS}\b", re.IGNORECASE)
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z]?[A-Z]{1,6})\s*\)")
_CONNECTORS = {"of", "for", "the", "and", "de", "du", "des", "la", "le", "al", "el", "y", "in", "on", "&"}


def trimmed(text: str, start: int, end: int, label: str = "") -> tuple[int, int]:
    """Offsets of the name alone: no possessive, quotes, brackets, leading article or edge spaces; the
    dot of an abbreviation kept; cut at a line break (the model reads a paragraph, not lines)."""
    piece = text[start:end]
    if "\n" in piece.strip():  # keep the longest line of it
        lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", piece)]
        a, b = max(lines, key=lambda ab: len(piece[ab[0]:ab[1]].strip()))
        start, end, piece = start + a, start + b, piece[a:b]
    for bracket, closing in (("(", ")"), ("[", "]")):  # "Governor (s" : cut at a bracket left open
        if bracket in piece and closing not in piece[piece.index(bracket):]:
            end, piece = start + piece.index(bracket), piece[: piece.index(bracket)]
    for _ in range(3):  # trimming one edge can expose another
        before = (start, end)
        start, piece = start + len(piece) - len(piece.lstrip()), piece.lstrip()
        end, piece = end - (len(piece) - len(piece.rstrip())), piece.rstrip()
        head = _TRIM_START.match(piece)
        if head:
            start, piece = start + head.end(), piece[head.end():]
        abbreviation = _ABBREVIATION_END.search(piece)
        tail = _TRIM_END.search(piece)
        if tail and abbreviation and abbreviation.end() == len(piece):
            tail = _TRIM_END.search(piece[:-1]) if piece.endswith("..") else None
        if tail:
            end, piece = end - len(tail.group(0)), piece[: len(piece) - len(tail.group(0))]
        if joiner := _TRAILING_JOINER.search(piece):
            end, piece = end - len(joiner.group(0)), piece[: joiner.start()]
        if score := _SCORE_END.search(piece):  # "Feyenoord 3-1", "Ajax 2:0", "Beirut 1996-12-06"
            end, piece = end - len(score.group(0)), piece[: score.start()]
        if label == "PERSON" and (title := _PERSON_LEAD.match(piece)):
            start, piece = start + title.end(), piece[title.end():]
        if label in _NO_NUMBERS:
            if number := _NUMBER_EDGE_END.search(piece):
                end, piece = end - len(number.group(0)), piece[: number.start()]
            if number := _NUMBER_EDGE_START.match(piece):
                start, piece = start + number.end(), piece[number.end():]
        if (start, end) == before:
            break
    if end <= start or (label in NAMES and not any(c.isupper() for c in piece)) \
            or (label == "PERSON" and _TITLE_ONLY.fullmatch(piece)):
        return -1, -1  # no capital letter, no name ("mosques", "the state"); a title alone ("Governor")
    return start, end


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


_NAME_WORD = re.compile(r"[A-Z][\w.'\u2019-]*")  # "King of Athens" is not a name whose words are names


def _person_parts(spans: list[list[Span]]) -> set[str]:
    """First and last words of the article's multi-word person names: "Holt" after "Brock Holt" is him,
    whatever the model or a gazetteer says of the word alone."""
    parts: set[str] = set()
    for paragraph in spans:
        for span in paragraph:
            words = span.text.split()
            if span.label == "PERSON" and len(words) > 1 and all(_NAME_WORD.fullmatch(w) for w in words) \
                    and not any(_TITLE_ONLY.fullmatch(w) for w in words):  # "Virginia Governor" is no one's name
                parts.update((words[0].casefold(), words[-1].casefold()))
    return parts


# The head word of a name says what it is, whatever the model guessed: "George Washington Bridge",
# "Shah Mosque" and "Lake Geneva" are places, never people or organisations.
_BUILT = {"bridge", "tunnel", "tube", "road", "street", "avenue", "boulevard", "highway", "turnpike", "motorway",
          "expressway", "freeway", "square", "plaza", "cemetery", "palace", "castle", "cathedral", "mosque", "temple",
          "synagogue", "basilica", "chapel", "abbey", "monastery", "airport", "station", "tower", "stadium", "arena",
          "trail", "pier", "wharf", "dam", "fort", "bazaar"}
_NATURAL = {"lake", "river", "mountain", "mountains", "island", "islands", "isles", "bay", "beach", "valley",
            "desert", "canyon", "reserve", "falls", "harbour", "harbor", "peninsula", "sea", "ocean", "gulf",
            "strait", "canal", "coast", "forest", "hills", "glacier", "archipelago", "lagoon", "reef"}
_NATURAL_FIRST = {"lake", "mount", "mt.", "cape", "isle", "gulf", "river"}


def _place_by_head(name: str) -> str | None:
    words = name.split()
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    last, first = words[-1].casefold(), words[0].casefold()
    if last in _BUILT:
        return "FAC"
    if last in _NATURAL or (first in _NATURAL_FIRST and words[1][:1].isupper()):
        return "LOC"
    return None


def _team(name: str) -> bool:
    """"Pittsburgh Pirates", "Boston Red Sox": a place and a plural name is a team, not the place."""
    words = name.split()
    return (len(words) > 1 and is_place(words[0]) and words[-1][:1].isupper() and words[-1].endswith(("s", "x"))
            and words[-1].casefold() not in _NATURAL and not is_place(name) and not is_place(" ".join(words[:-1]) + "s")
            and not is_place(words[-1]))


def consolidate(texts: list[str], spans: list[list[Span]]) -> list[list[Span]]:
    """One label per name within an article (majority vote, ties to the more specific label); a word
    of a person's full name is that person; a known or clearly located place the model called a person
    becomes GPE. (Organisations named after places stay organisations unless the text places them.)"""
    votes: dict[str, Counter] = {}
    capitals: set[str] = set()
    surface: dict[str, str] = {}
    for paragraph in spans:
        for span in paragraph:
            if span.label in NAMES:
                votes.setdefault(span.text.casefold(), Counter())[span.label] += 1
                surface.setdefault(span.text.casefold(), span.text)
                if span.text.isupper():
                    capitals.add(span.text.casefold())
    rank = {label: index for index, label in enumerate(SPECIFICITY)}
    chosen = {name: max(c.items(), key=lambda item: (item[1], -rank.get(item[0], 99)))[0] for name, c in votes.items()}
    located = _locative(texts, spans)
    people = _person_parts(spans)
    acronyms = {m.group(1).casefold() for text in texts for m in _ACRONYM.finditer(text)}
    for name, label in chosen.items():
        if label not in ("GPE", "LOC", "FAC") and (place := _place_by_head(surface[name])) is not None:
            chosen[name] = place
        elif label == "GPE" and _team(surface[name]):
            chosen[name] = "ORG"
        elif " " not in name and name in people and label in ("GPE", "ORG", "LOC", "FAC", "PERSON"):
            chosen[name] = "PERSON"
        elif label in ("ORG", "NORP", "PERSON") and name in located:
            chosen[name] = "GPE"
        elif name in acronyms or name in capitals:
            continue  # an acronym is not settled by a place that happens to share its letters
        elif label == "PERSON" and is_place(name):
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


_PROPAGATED = {"PERSON"}
_SENTENCE_START = re.compile(r"(?:^|[.!?:]['\"\u201d\u2019]?\s+|\n\s*|[\"\u201c]\s*)$")


def propagate(texts: list[str], spans: list[list[Span]]) -> list[list[Span]]:
    """Every other mention of a name the article already knows, which the model let pass: "Holt" after
    "Brock Holt". A one-word name the article also writes as an ordinary word is not taken at the start of
    a sentence, where any word is capitalised."""
    known: dict[str, str] = {}
    for paragraph in spans:
        for span in paragraph:
            if span.label in _PROPAGATED and len(span.text) >= 3 and span.text[:1].isupper():
                known.setdefault(span.text, span.label)
                words = span.text.split()
                if span.label == "PERSON" and len(words) > 1 and len(words[-1]) >= 3 and words[-1][:1].isupper():
                    known.setdefault(words[-1], "PERSON")
    if not known:
        return spans
    names = sorted(known, key=len, reverse=True)
    common = {m.group(0) for text in texts for m in re.finditer(r"\b[a-z]+\b", text)}
    pattern = re.compile(r"(?<![\w'\u2019-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    result = []
    for text, paragraph in zip(texts, spans, strict=True):
        taken = [(s.start, s.end) for s in paragraph]
        extra = []
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if " " not in m.group(0) and m.group(0).lower() in common and _SENTENCE_START.search(text, 0, m.start()):
                continue  # "Will" opening a sentence, in an article where "will" is a word
            extra.append(Span(m.start(), m.end(), known[m.group(0)], m.group(0)))
            taken.append((m.start(), m.end()))
        result.append(sorted([*paragraph, *extra], key=lambda s: (s.start, s.end)) if extra else paragraph)
    return result
