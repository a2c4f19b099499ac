"""The annotator with the real spaCy model, and the `newsgloss annotate` contract."""

from __future__ import annotations

import json
import subprocess

from newsgloss.store.annotation.annotator import annotate_paragraphs, annotate_text
from newsgloss.store.importers.text import parse_text
from tests.conftest import HOMS, newsgloss_bin


def _homs_spans():
    draft = parse_text(HOMS.read_text(encoding="utf-8"))
    return draft, annotate_paragraphs(list(draft.paragraphs), draft.published)


def test_sample_dates_are_normalised_against_the_article_date():
    _, spans = _homs_spans()
    dates = {(s.text, s.value, s.type) for paragraph in spans for s in paragraph if s.label in ("DATE", "TIME")}
    assert ("Nov. 27", "2024-11-27", "DATE") in dates
    assert ("Friday morning", "2024-12-06TMO", "TIME") in dates
    assert ("13 years ago", "2011", "DATE") in dates
    assert ("recently", "PAST_REF", "DATE") in dates


def test_entities_are_trimmed_and_one_label_per_name():
    _, spans = _homs_spans()
    entities = [(s.text, s.label) for paragraph in spans for s in paragraph if s.label not in ("DATE", "TIME")]
    names = {text for text, _ in entities}
    assert "Abu Mohammed Al-Golani" in names and "Abu Mohammed Al-Golani's" not in names
    assert "Bashar al-Assad" in names
    labels_for_homs = {label for text, label in entities if text == "Homs"}
    assert len(labels_for_homs) == 1


def test_offsets_point_into_the_paragraph():
    draft, spans = _homs_spans()
    for text, paragraph in zip(draft.paragraphs, spans, strict=True):
        for span in paragraph:
            assert text[span.start:span.end] == span.text


def test_annotate_text_offsets_cover_blank_line_blocks():
    text = "Intro line on Monday.\n\n\nThe vote was held on Nov. 3 in Ohio.\n"
    spans = annotate_text(text, "2024-11-06")
    assert {(text[s.start:s.end], s.value) for s in spans if s.label == "DATE"} >= {("Monday", "2024-11-04"),
                                                                                     ("Nov. 3", "2024-11-03")}


def test_annotate_command_contract_jsonl(tmp_path):
    source = tmp_path / "docs.jsonl"
    docs = [{"id": "a", "dct": "2024-12-06", "text": "Rebels entered Homs on Friday, officials said."},
            {"id": "b", "dct": "2025-01-03", "text": "The talks ended on Dec. 30 in Geneva."}]
    source.write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    result = subprocess.run([newsgloss_bin(), "annotate", str(source), "--format", "jsonl"],
                            capture_output=True, text=True, check=True)
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(d["id"], d["dct"], d["text"]) for d in out] == [(d["id"], d["dct"], d["text"]) for d in docs]
    friday = next(s for s in out[0]["spans"] if s["text"] == "Friday")
    at = docs[0]["text"].index("Friday")
    assert friday == {"start": at, "end": at + 6, "label": "DATE", "text": "Friday", "value": "2024-12-06",
                      "type": "DATE"}
    dec30 = next(s for s in out[1]["spans"] if s["text"] == "Dec. 30")
    assert dec30["value"] == "2024-12-30"
    assert any(s["label"] == "GPE" and s["text"] == "Geneva" for s in out[1]["spans"])


def test_annotate_command_plain_text_uses_date_line(tmp_path):
    result = subprocess.run([newsgloss_bin(), "annotate", str(HOMS)], capture_output=True, text=True, check=True)
    doc = json.loads(result.stdout)
    assert doc["dct"] == "2024-12-06"
    assert all(doc["text"][s["start"]:s["end"]] == s["text"] for s in doc["spans"])


def test_annotate_command_rejects_a_bad_date(tmp_path):
    result = subprocess.run([newsgloss_bin(), "annotate", str(HOMS), "--date", "06/12/2024"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "is not a date in the form YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr


def test_year_ago_refers_to_the_quarter_under_discussion():
    text = ("Acme earned $5 million in the third quarter, up from $3 million a year earlier. "
            "Sales rose 4% from the year-ago quarter.")
    values = {s.text: s.value for s in annotate_text(text, "1989-11-02") if s.label in ("DATE", "TIME")}
    assert values["the third quarter"] == "1989-Q3"
    assert values["a year earlier"] == "1988-Q3"
    assert values["the year-ago quarter"] == "1988-Q3"


def test_future_tense_places_a_month_ahead():
    spans = annotate_text("The commander will be named for a mission in December.", "1998-03-04")
    assert [(s.text, s.value) for s in spans if s.label == "DATE"] == [("December", "1998-12")]


def test_ages_are_not_dates():
    spans = annotate_text("John Smith, 52, and his 6-year-old son met on Monday.", "2024-12-06")
    assert [s.text for s in spans if s.label in ("DATE", "TIME")] == ["Monday"]


def test_sample_places_settled_and_acronym_linked():
    draft, spans = _homs_spans()
    labels = {(s.text, s.label) for paragraph in spans for s in paragraph}
    caption = annotate_text(draft.caption, draft.published)
    labels |= {(s.text, s.label) for s in caption}
    for place in ("Khan Shaykhun", "Hama", "Talbisa", "Rastan", "Homs"):
        assert (place, "GPE") in labels, place
    assert ("Hayat Tahrir al-Sham", "ORG") in labels
    assert ("HTS", "ORG") in labels
    assert ("Syrian", "NORP") in labels


def test_acronym_defined_once_labels_later_mentions():
    texts = ["The International Atomic Energy Agency (IAEA) sent inspectors.", "IAEA staff left on Monday."]
    spans = annotate_paragraphs(texts, "2024-12-06")
    assert ("International Atomic Energy Agency", "ORG") in {(s.text, s.label) for s in spans[0]}
    assert ("IAEA", "ORG") in {(s.text, s.label) for s in spans[1]}


def _dates(sentence: str, dct: str = "2024-12-06") -> set[tuple[str, str]]:
    [spans] = annotate_paragraphs([sentence], dct)
    return {(s.text, s.value) for s in spans if s.label in ("DATE", "TIME")}


def test_a_possessive_date_keeps_its_value_without_the_s():
    assert ("last month", "2024-11") in _dates("Sales beat last month's figures, the company said.")
    assert ("next week", "2024-W50") in _dates("Ministers prepared for next week's summit in Riga.")


def test_a_period_ended_on_a_date_is_two_expressions():
    dates = _dates("The brewery's profit fell in the half-year ending June 28, its chairman said.", "2024-11-05")
    assert ("June 28", "2024-06-28") in dates
    assert any(text.endswith("half-year") for text, _ in dates)
    dates = _dates("The ferry ran a summer timetable from July 4 to Sept. 9.", "2024-11-05")
    assert {("July 4", "2024-07-04"), ("Sept. 9", "2024-09-09")} <= dates
    # A range of amounts stays one duration: only a date after "to" starts a second expression.
    assert _dates("The repairs will take two to three weeks.") == {("two to three weeks", "P3W")}


def test_frequency_adjectives_before_a_noun_are_not_dates():
    assert _dates("The board raised its quarterly dividend and held the annual meeting.") == set()
    assert ("quarterly", "P3M") in _dates("The company pays dividends quarterly.")


def test_a_part_of_day_of_a_calendar_date():
    assert ("the night of Nov. 30", "2024-11-30TNI") in _dates("The storm reached the coast on the night of Nov. 30.")
