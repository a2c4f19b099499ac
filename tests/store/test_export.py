"""Markdown export: valid YAML front matter and CommonMark whatever the text holds; safe file names."""

from __future__ import annotations

import subprocess
from dataclasses import replace

import pytest
import yaml

from newsgloss.store import Draft, ImportProblem
from newsgloss.store.export import article_markdown, slug, tag_name, write_article
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
    assert meta["tags"] == ["claim", "follow-up-later"]  # written as the body writes them
    assert meta["id"] == article_id and meta["aliases"] == [meta["title"]]
    assert "Hezbollah" in meta["organisations"] and "Homs" in meta["places"]
    assert "2024-12-06TMO" in meta["dates"] and "2024-11-27" in meta["dates"]
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
    assert meta["tags"] == [tag_name(t) for t in article.paragraphs[0].tags]
    assert all(" " not in tag for tag in meta["tags"])


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
    assert all(c.isalnum() or c == "-" for c in path.stem) and path.stem.endswith(f"-{outcome.article_id}")
    assert len(path.name.encode("utf-8")) < 255


def test_slug_keeps_any_script():
    assert slug("São Paulo: flooding!") == "são-paulo-flooding"
    assert slug("Переговоры в Женеве") == "переговоры-в-женеве"
    assert slug("東京 [#^|] 2024") == "東京-2024"


def test_export_command_with_tag_filter(store, db_path, tmp_path):
    outcomes = list(store.import_paths([HOMS.parent]))
    store.toggle_tag(outcomes[0].article_id, 0, store.tag_for_key(2).id)
    out = tmp_path / "md"
    result = subprocess.run([newsgloss_bin(), "export", "--db", str(db_path), "--out", str(out), "--tag", "quote"],
                            capture_output=True, text=True, check=True)
    files = sorted(out.iterdir())
    assert len(files) == 1 and result.stdout.strip() == str(files[0])
    assert store.export_all(tmp_path / "all") and len(list((tmp_path / "all").iterdir())) == len(outcomes)


def _tagged(store, title: str, tag: str) -> int:
    outcome = store.add_article(Draft(title=title, paragraphs=("Talks resumed in Geneva on Tuesday.", "More."),
                                      published="2024-12-03"))
    store.toggle_tag(outcome.article_id, 0, store.create_tag(tag).id)
    return outcome.article_id


def test_a_tag_in_any_script_is_kept_the_same_in_properties_and_text(store, tmp_path):
    article_id = _tagged(store, "Переговоры в Женеве", "Ближний Восток")
    path = store.export_article(article_id, tmp_path)
    text = path.read_text(encoding="utf-8")
    assert path.name == f"2024-12-03-переговоры-в-женеве-{article_id}.md"
    assert _front(text)["tags"] == ["Ближний-Восток"]
    assert "Tags: #Ближний-Восток" in text
    assert tag_name("2024") == "tag-2024" and tag_name("a/b c") == "a/b-c"


def test_a_second_export_keeps_what_the_reader_added(store, tmp_path):
    article_id = _tagged(store, "Talks in Geneva", "claim")
    path = store.export_article(article_id, tmp_path)
    text = path.read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    path.write_text(front + "\nrating: 5\naliases: [Geneva talks]\n---\n\nMy line above.\n" + body
                    + "\nMy line below, with [[a link]].\n", encoding="utf-8")
    store.set_note(article_id, 0, "A note written after the first export.")
    again = store.export_article(article_id, tmp_path)
    text = again.read_text(encoding="utf-8")
    assert again == path
    assert "My line above." in text and "My line below, with [[a link]]." in text
    assert "A note written after the first export." in text
    meta = _front(text)
    assert meta["rating"] == 5 and meta["aliases"] == ["Talks in Geneva", "Geneva talks"]
    assert text.count("<!-- newsgloss:begin") == 1 and text.count("# Talks in Geneva") == 1


def test_a_changed_title_moves_the_file_with_the_readers_lines(store, tmp_path):
    """The id decides the file: a new version of the article with another title renames it."""
    article_id = _tagged(store, "Talks in Geneva", "claim")
    vault = tmp_path / "vault"
    first = store.export_article(article_id, vault)
    first.write_text(first.read_text(encoding="utf-8") + "\nMine.\n", encoding="utf-8")
    article = store.article(article_id)
    moved = write_article(replace(article, title="Geneva talks end"), vault)
    assert not first.exists() and moved.name == f"2024-12-03-geneva-talks-end-{article_id}.md"
    assert "Mine." in moved.read_text(encoding="utf-8")
    assert [p.name for p in vault.iterdir()] == [moved.name]


def test_a_jinja2_template_lays_out_newsglosss_part(store, tmp_path):
    article_id = _tagged(store, "Talks in Geneva", "claim")
    template = tmp_path / "note.md.j2"
    template.write_text("## {{ article.title }}\n{% for p in article.paragraphs if p.tags %}"
                        "{{ quote(p.text) }} ^{{ block_id(p.position) }}\n{% endfor %}tags: {{ tags | join(', ') }}\n",
                        encoding="utf-8")
    path = store.export_article(article_id, tmp_path / "vault", template)
    text = path.read_text(encoding="utf-8")
    assert "## Talks in Geneva\n> Talks resumed in Geneva on Tuesday. ^p1\ntags: claim" in text
    assert _front(text)["id"] == article_id  # the properties stay newsgloss's own
    template.write_text("{{ article.missing_field }}", encoding="utf-8")
    with pytest.raises(ImportProblem, match="does not work"):
        store.export_article(article_id, tmp_path / "vault", template)
