"""Importers read the sample's shape, Markdown front matter and JSONL, and keep text as data."""

from __future__ import annotations

import json

from newsgloss.store.importers.text import parse_text
from tests.conftest import HOMS, SAMPLES


def test_sample_is_the_given_file_byte_for_byte():
    given = SAMPLES.parent.parent / "shared" / "samples" / "homs-2024-12-06.txt"
    if given.exists():
        assert HOMS.read_bytes() == given.read_bytes()
    assert HOMS.read_bytes().startswith(b" date 2024-12-06 Displaced Syrians")


def test_plain_text_sample_shape():
    draft = parse_text(HOMS.read_text(encoding="utf-8"), "homs")
    assert draft.published == "2024-12-06"
    assert draft.source == "News.Az"
    assert draft.caption.startswith("Displaced Syrians drive through Khan Shaykhun")
    assert draft.caption.endswith("Photo: AFP")
    assert draft.title == "Thousands of people fled the central Syrian city of Homs overnight into Friday morning"
    starts = [p.split(" ")[0] for p in draft.paragraphs]
    assert starts == ["Thousands", "The", "After", "Assad", "Hezbollah", "A", "Hezbollah", "Meanwhile,"]
    assert "News.Az reports" in draft.paragraphs[1]
    assert all("Photo: AFP" not in p for p in draft.paragraphs)
    assert draft.paragraphs[-1].endswith("bringing them within miles (km) of Homs.")


def test_import_is_idempotent(store):
    first = [o.status for o in store.import_paths([HOMS])]
    second = [o.status for o in store.import_paths([HOMS])]
    assert first == ["imported"]
    assert second == ["unchanged"]
    assert store.count_articles() == 1


def test_folder_import_reads_every_format(store):
    outcomes = list(store.import_paths([SAMPLES]))
    assert {o.status for o in outcomes} == {"imported"}
    assert store.count_articles() == len(outcomes) >= 6
    titles = {row.title: row for row in store.article_page(0, 50)}
    grain = titles["Grain ships leave Odesa as insurers return to the Black Sea"]
    article = store.article(grain.id)
    assert (article.source, article.published, article.author) == ("Harbour Ledger", "2024-11-28", "Oksana Hrytsenko")
    assert article.paragraphs[0].text.startswith("Three bulk carriers")
    assert "Tomás Muñoz" in {store.article(r.id).author for r in titles.values()}


def test_markdown_front_matter_and_inline_markup(tmp_path, store):
    path = tmp_path / "a.md"
    path.write_text('---\ntitle: "A [bold]title[/bold]"\npublished: 2024-01-02\nsource: Wire\n---\n\n'
                    "Some **strong** and [a link](http://x.example) here.\n\nSecond one.\n", encoding="utf-8")
    [outcome] = store.import_paths([path])
    article = store.article(outcome.article_id)
    assert article.title == "A [bold]title[/bold]"
    assert article.published == "2024-01-02"
    assert [p.text for p in article.paragraphs] == ["Some strong and a link here.", "Second one."]


def test_jsonl_reports_bad_lines_and_imports_the_rest(tmp_path, store):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"title": "Good one", "body": "First paragraph.\n\nSecond paragraph.", "published": "2024-03-04"}),
        "{not json",
        json.dumps({"title": "No body"}),
        json.dumps({"title": 5, "text": "Text field works too.", "source": ["wrong", "type"]}),
        json.dumps([1, 2]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outcomes = list(store.import_paths([path]))
    assert [o.status for o in outcomes] == ["imported", "skipped", "skipped", "imported", "skipped"]
    assert outcomes[1].line.startswith(f"skipped: {path}:2: not valid JSON")
    assert outcomes[2].reason == 'no "body" or "text" string'
    assert store.article(outcomes[3].article_id).source == ""
    paragraphs = store.article(outcomes[0].article_id).paragraphs
    assert [p.text for p in paragraphs] == ["First paragraph.", "Second paragraph."]


def test_escapes_and_control_characters_are_removed(tmp_path, store):
    path = tmp_path / "hostile.txt"
    path.write_bytes(
        "date 2024-05-01\nBad \x1b[31mred\x1b[0m title\n"
        "Body with \x1b]8;;http://evil.example\x07link\x1b]8;;\x07 and NUL\x00 and bell\x07 and \x9b2Jcsi.\nOutlet\n"
        .encode()
    )
    [outcome] = store.import_paths([path])
    article = store.article(outcome.article_id)
    assert article.title == "Bad red title"
    assert article.paragraphs[0].text == "Body with link and NUL and bell and csi."


def test_latin1_file_is_decoded(tmp_path, store):
    path = tmp_path / "latin.txt"
    path.write_bytes("date 2024-02-02\nCaf\xe9 owners in M\xfcnster protest against new rules today and say so.\nWire\n"
                     .encode("latin-1"))
    [outcome] = store.import_paths([path])
    assert outcome.status == "imported"
    assert "Münster" in store.article(outcome.article_id).paragraphs[0].text


def test_unsupported_empty_and_missing_files_are_skipped_with_a_reason(tmp_path, store):
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    outcomes = list(store.import_paths([tmp_path / "empty.txt", tmp_path / "image.png", tmp_path / "gone.txt"]))
    assert [(o.status, o.reason.split(":")[0]) for o in outcomes] == [
        ("skipped", "empty file"), ("skipped", "unsupported file type '.png'"), ("skipped", "cannot read")]


def _markdown(tmp_path, store, text: str):
    path = tmp_path / "m.md"
    path.write_text(text, encoding="utf-8")
    [outcome] = store.import_paths([path])
    return store.article(outcome.article_id)


def test_markdown_everyday_syntax_reads_as_a_person_sees_it(tmp_path, store):
    article = _markdown(tmp_path, store, (
        "# Floods in the city\n\n"
        "Rain hit [São Paulo](https://en.wikipedia.org/wiki/S%C3%A3o_Paulo_(city)) on *Monday*, "
        "officials \\*said\\*. See [the report][r] and ![a map](map.png) <b>now</b>.\n\n"
        "- Schools closed in the south.\n- Buses stopped at noon.\n\n"
        "1. First, the river rose.\n2. Then the roads flooded.\n\n"
        "> The mayor called it the worst in decades.\n\n"
        "[r]: https://example.test/report\n"))
    texts = [p.text for p in article.paragraphs]
    assert article.title == "Floods in the city"
    assert texts[0] == "Rain hit São Paulo on Monday, officials *said*. See the report and now."
    assert texts[1:] == ["Schools closed in the south.", "Buses stopped at noon.", "First, the river rose.",
                         "Then the roads flooded.", "The mayor called it the worst in decades."]


def test_mojibake_is_repaired_at_import(tmp_path, store):
    path = tmp_path / "m.txt"
    path.write_text("Rains in SÃ£o Paulo\n\nThe mayor said it wasnâ€™t over.\n", encoding="utf-8")
    [outcome] = store.import_paths([path])
    article = store.article(outcome.article_id)
    assert article.title == "Rains in São Paulo" and article.paragraphs[-1].text == "The mayor said it wasn’t over."
