"""The command-line contract of the knowledge base, through the real program: entities, mentions,
timeline and search as JSON, export of what a query finds, and the entity rules."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.conftest import newsgloss_bin

ARTICLES = [
    {"title": "Talks resume in Geneva", "source": "Wire", "published": "2024-03-04",
     "body": "Volodymyr Zelensky met envoys in Geneva on Monday.\n\nZelensky said the talks would resume in "
             "March. Reuters reported the meeting."},
    {"title": "Envoys meet again", "source": "Wire", "published": "2024-04-19",
     "body": "Zelensky told reporters in Geneva on Friday that the next round would open on 2 May 2024."},
    {"title": "Grain ships leave Odesa", "source": "Harbour Ledger", "published": "2024-03-12",
     "body": "Ships left Odesa on Tuesday as insurers returned to the Black Sea, officials in Kyiv said."},
]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([newsgloss_bin(), *args], capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    source = folder / "articles.jsonl"
    source.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    path = folder / "lib.db"
    result = _run("import", "--annotate", "--db", str(path), str(source))
    assert result.returncode == 0, result.stderr
    return path


def _json(*args: str):
    result = _run(*args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_entities_as_json(db):
    found = _json("entities", "--db", str(db), "--json")
    geneva = next(e for e in found if e["name"] == "Geneva")
    assert geneva == {"name": "Geneva", "label": "GPE", "articles": 2, "mentions": 2, "aliases": []}
    people = _json("entities", "--db", str(db), "--json", "--label", "person")
    assert sorted((e["name"], e["articles"]) for e in people) == [("Volodymyr Zelensky", 1), ("Zelensky", 1)]
    assert len(_json("entities", "--db", str(db), "--json", "--limit", "1")) == 1


def test_mentions_as_json(db):
    found = _json("mentions", "Volodymyr Zelensky", "--db", str(db), "--json")
    assert [(m["title"], m["position"], m["text"][m["start"]:m["end"]]) for m in found] == [
        ("Talks resume in Geneva", 0, "Volodymyr Zelensky"), ("Talks resume in Geneva", 1, "Zelensky")]
    assert set(found[0]) == {"article_id", "title", "published", "position", "text", "start", "end"}
    missing = _run("mentions", "Nobody At All", "--db", str(db))
    assert missing.returncode == 1 and missing.stderr.startswith("Error: no entity is called")


def test_timeline_as_json_is_ordered_by_the_date_mentioned(db):
    rows = _json("timeline", "--db", str(db), "--json")
    assert [r["value"] for r in rows] == sorted(r["value"] for r in rows)
    assert set(rows[0]) == {"value", "text", "article_id", "title", "published", "source", "position"}
    beside = _json("timeline", "--db", str(db), "--json", "--entity", "Geneva")
    assert {r["title"] for r in beside} == {"Talks resume in Geneva", "Envoys meet again"}
    narrowed = _json("timeline", "--db", str(db), "--json", "--query", "source:Wire mentions:2024-05")
    assert [(r["value"], r["text"]) for r in narrowed] == [("2024-04-19", "Friday"), ("2024-05-02", "2 May 2024")]


def test_search_with_filters_as_json(db):
    hits = _json("search", "entity:Geneva -source:Harbour talks", "--db", str(db), "--json")
    assert [h["title"] for h in hits] == ["Talks resume in Geneva"]
    assert set(hits[0]) == {"article_id", "title", "published", "source", "snippet"}
    broken = _run("search", "after:2024-02-30", "--db", str(db))
    assert broken.returncode == 1 and broken.stderr.strip() == "Error: after:2024-02-30 — there is no such date"


def test_export_of_what_a_query_finds(db, tmp_path):
    result = _run("export", "--db", str(db), "--out", str(tmp_path / "out"), "--query", "entity:Geneva")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 2 and "exported 2 article(s)" in result.stderr


def test_alias_then_the_index_folds_the_names(tmp_path, db):
    copy = tmp_path / "copy.db"
    copy.write_bytes(db.read_bytes())
    result = _run("alias", "Zelensky", "Volodymyr Zelensky", "--db", str(copy))
    assert result.returncode == 0, result.stderr
    [person] = [e for e in _json("entities", "--db", str(copy), "--json") if e["label"] == "PERSON"]
    assert person == {"name": "Volodymyr Zelensky", "label": "PERSON", "articles": 2, "mentions": 3,
                      "aliases": ["Zelensky"]}
    assert _run("hide", "Reuters", "--db", str(copy)).returncode == 0
    assert "Reuters" not in {e["name"] for e in _json("entities", "--db", str(copy), "--json")}
