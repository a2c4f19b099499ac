"""Markdown export: valid YAML front matter and CommonMark whatever the text holds; safe file names."""

from __future__ import annotations

import subprocess

import pytest
import yaml

from store import Draft
from store.export import article_markdown, slug
from tests.conftest import HOMS, newsgloss_bin

HOSTILE = ["[bold]x[/bold]", "[/foo]", "[@click=app.quit]q[/]", "---", "# not a heading", "key: value",
           '"quoted" \\ back', "<script>alert(1)</script>", "*star* _under_ `code`", "\u2028line\u2029sep",
           "- list", "1. one", "> quote", "Ünïcödé Ωmega 東京", "&amp; &copy;", ""]


def _front(text: str) -> dict:
    assert text.startswith("---\n")
    block = text.split("\n---\n", 1)[0][4:]
    return yaml.safe_load(block)


def test_homs_export_has_front_matter_note_and_tagged_paragraphs(store, tmp_path):
    [outcome] = store.import_paths([HOMS])
    article_id = outcome.article_id
    store.annotate_article(article_id)
    store.toggle_tag(article_id, 2, store.tag_for_key(1).id)
    store.toggle_tag(article_id, 2, store.create_tag("follow up later").id)
    store.set_note(article_id, 2, "Compare with the **2011** timeline.")
    store.set_note(article_id, None, "Key report on Homs.")
    path = store.export_article(article_id, tmp_path)
    text = path.read_text(encoding="utf-8")
    meta = _front(text)
    assert meta["title"] == "Thousands of people fled the central Syrian city of Homs overnight into Friday morning"
    assert meta["source"] == "News.Az" and meta["published"] == "2024-12-06"
    assert meta["tags"] == ["claim", "follow up later"]
    assert {"text": "Hezbollah", "label": "ORG"} in meta["entities"]
    body = text.split("\n---\n", 1)[1]
    assert body.index("## Article note") < body.index("> After years locked")
    assert "Tags: #claim #follow-up-later" in body
    assert "Compare with the **2011** timeline." in body
    assert "> Thousands of people" not in body  # untagged, unnoted paragraphs are left out
    assert path.name == f"2024-12-06-thousands-of-people-fled-the-central-syrian-city-of-homs-{article_id}.md"


@pytest.mark.parametrize("hostile", HOSTILE)
def test_front_matter_reads_back_whatever_the_text(store, hostile):
    draft = Draft(title=f"T {hostile}", paragraphs=(f"Body {hostile} end.",), source=hostile, url=hostile,
                  author=hostile, published="2024-01-01")
    outcome = store.add_article(draft)
    store.toggle_tag(outcome.article_id, 0, store.create_tag(f"tag {hostile}").id)
    article = store.article(outcome.article_id)
    meta = _front(article_markdown(article))
    assert meta["title"] == article.title
    assert meta["source"] == article.source
    assert meta["author"] == article.author
    assert meta["tags"] == [t for t in article.paragraphs[0].tags]


def test_markup_in_text_is_escaped_in_the_quote(store):
    outcome = store.add_article(Draft(title="x", paragraphs=("# not heading [link](http://a) <b>bold</b>",)))
    store.set_note(outcome.article_id, 0, "mine")
    text = article_markdown(store.article(outcome.article_id))
    assert "> \\# not heading \\[link\\](http://a) \\<b\\>bold\\</b\\>" in text


@pytest.mark.parametrize("title", ["../../etc/passwd", "/abs/path", "..", "CON", "a" * 400, "東京", "\\\\server\\x"])
def test_file_names_stay_inside_the_folder(store, tmp_path, title):
    outcome = store.add_article(Draft(title=title, paragraphs=("text",)))
    path = store.export_article(outcome.article_id, tmp_path / "out")
    assert path.parent == tmp_path / "out"
    assert set(path.stem) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert len(path.name) < 100


def test_slug():
    assert slug("São Paulo: flooding!") == "sao-paulo-flooding"


def test_export_command_with_tag_filter(store, db_path, tmp_path):
    outcomes = list(store.import_paths([HOMS.parent]))
    store.toggle_tag(outcomes[0].article_id, 0, store.tag_for_key(2).id)
    out = tmp_path / "md"
    result = subprocess.run([newsgloss_bin(), "export", "--db", str(db_path), "--out", str(out), "--tag", "quote"],
                            capture_output=True, text=True, check=True)
    files = sorted(out.iterdir())
    assert len(files) == 1 and result.stdout.strip() == str(files[0])
    assert store.export_all(tmp_path / "all") and len(list((tmp_path / "all").iterdir())) == len(outcomes)
