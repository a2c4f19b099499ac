"""Entity labels as a person reads them: one colour (a kind) per label, and words instead of codes.
Codes (PERSON, GPE, ...) stay in exports and JSON."""

from __future__ import annotations

# Label -> the kind that gives its colour; one colour per label everywhere.
KIND_OF = {
    "PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "facility", "NORP": "group",
    "EVENT": "event", "DATE": "date", "TIME": "date", "WORK_OF_ART": "other", "LAW": "other",
    "PRODUCT": "other", "LANGUAGE": "other", "MONEY": "number", "PERCENT": "number", "QUANTITY": "number",
    "CARDINAL": "number", "ORDINAL": "number",
}
KINDS = ("person", "org", "place", "facility", "group", "event", "date", "number", "other")
KIND_WORDS = {"person": "person", "org": "organisation", "place": "place", "facility": "facility",
              "group": "group", "event": "event", "date": "date", "number": "number", "other": "other"}
LABEL_WORDS = {
    "PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "facility",
    "NORP": "group or nationality", "EVENT": "event", "DATE": "date", "TIME": "time", "WORK_OF_ART": "work",
    "LAW": "law", "PRODUCT": "product", "LANGUAGE": "language", "MONEY": "money", "PERCENT": "percentage",
    "QUANTITY": "quantity", "CARDINAL": "number", "ORDINAL": "ordinal",
}
# What the label picker offers, in words, with what each takes in.
PICKABLE = (
    ("PERSON", "person"), ("ORG", "organisation"), ("GPE", "place: country, city, state"),
    ("LOC", "place: other (mountains, rivers, regions)"), ("NORP", "group: nationality, religion, party"),
    ("FAC", "facility: building, airport, road"), ("EVENT", "named event"), ("PRODUCT", "product"),
    ("WORK_OF_ART", "title of a work"), ("LAW", "law"), ("LANGUAGE", "language"),
)


def kind_of(label: str) -> str:
    return KIND_OF.get(label, "other")


def label_words(label: str) -> str:
    return LABEL_WORDS.get(label, label.lower().replace("_", " "))
