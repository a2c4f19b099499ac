"""The command line's habits, through the installed program: --version, -h, `import -`, --json, completion
that never opens the app, full help texts, counted updates, feed addresses kept whole, Datasette metadata."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess

from newsgloss.store import Library
from tests.conftest import newsgloss_bin
from tests.feedserver import Site, rss, serving


def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None, timeout: float = 120):
    return subprocess.run([newsgloss_bin(), *args], input=stdin, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def test_version_and_short_help():
    import newsgloss

    assert run("--version").stdout.strip() == f"newsgloss {newsgloss.__version__}"
    assert newsgloss.__version__ != "0+unknown"
    helped = run("-h")
    assert helped.returncode == 0 and "Exit codes" in helped.stdout and "feeds" in helped.stdout
    assert "Usage: newsgloss import" in run("import", "-h").stdout


def test_import_help_names_every_kind_of_input():
    text = run("import", "--help").stdout
    for kind in (".html", ".xml", ".rss", ".atom", ".jsonl", ".md", "http(s)", "standard input", "Exit codes"):
        assert kind in text


def test_import_from_standard_input_with_json_out(db_path):
    lines = "\n".join([json.dumps({"title": "From a pipe", "body": "Talks resumed in Geneva on Tuesday."}),
                       "not json", json.dumps({"title": "Second", "body": "Floods hit Lagos."})])
    result = run("import", "-", "--db", str(db_path), "--json", "--no-annotate", stdin=lines)
    assert result.returncode == 1  # a line was skipped, and said why
    [report] = [json.loads(line) for line in result.stdout.splitlines()]
    assert report["input"] == "-" and report["imported"] == 2 and report["skipped"] == 1
    assert report["articles"][1]["reason"].startswith("not valid JSON")
    assert "2 imported, 1 skipped" in result.stderr


def test_the_summary_counts_updates_and_unchanged(db_path, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"title": "T", "source": "S", "url": "https://x.test/1", "body": "One."}) + "\n",
                    encoding="utf-8")
    run("import", str(path), "--db", str(db_path), "--no-annotate")
    assert "0 imported, 1 unchanged" in run("import", str(path), "--db", str(db_path), "--no-annotate").stderr
    path.write_text(json.dumps({"title": "T", "source": "S", "url": "https://x.test/1", "body": "One, fixed."}) + "\n",
                    encoding="utf-8")
    assert "0 imported, 1 updated" in run("import", str(path), "--db", str(db_path), "--no-annotate").stderr


def test_a_feed_address_is_fetched_whole(db_path):
    site = Site()
    site.put("/news/feed.xml", rss("Wire", [("Floods in Lagos", "http://example.test/1", "Floods hit Lagos.")]))
    with serving(site) as base:
        result = run("import", f"{base}/news/feed.xml", "--db", str(db_path), "--no-annotate")
    assert result.returncode == 0, result.stderr
    assert "1 imported" in result.stderr and site.requests[0][0] == "/news/feed.xml"


def test_search_and_export_speak_json(db_path, tmp_path):
    library = Library.open(db_path)
    library.seed_samples()
    article_id = library.article_ids()[0]
    library.toggle_tag(article_id, 0, library.tag_for_key(1).id)
    library.close()
    hits = json.loads(run("search", "Homs", "--db", str(db_path), "--json").stdout)
    assert hits and {"article_id", "title", "snippet"} <= set(hits[0])
    written = json.loads(run("export", "--db", str(db_path), "--out", str(tmp_path / "vault"), "--tag", "claim",
                             "--json").stdout)
    assert [w["id"] for w in written] == [article_id] and (tmp_path / "vault" / os.path.basename(written[0]["path"])
                                                           ).is_file()


def test_export_and_the_app_share_one_default_folder(db_path, tmp_path):
    library = Library.open(db_path)
    library.seed_samples()
    count = library.count_articles()
    library.close()
    folder = tmp_path / "configured"
    settings = tmp_path / "settings.toml"
    settings.write_text(f'export_dir = "{folder}"\n', encoding="utf-8")
    result = run("export", "--db", str(db_path), env={"NEWSGLOSS_CONFIG": str(settings)})
    assert result.returncode == 0 and f"to {folder}" in result.stderr and len(list(folder.iterdir())) == count


def test_completion_answers_without_opening_the_app():
    result = run(env={"_NEWSGLOSS_COMPLETE": "bash_complete", "COMP_WORDS": "newsgloss fe", "COMP_CWORD": "1"},
                 timeout=20)
    assert result.returncode == 0 and "feeds" in result.stdout and "\x1b[" not in result.stdout
    script = run(env={"_NEWSGLOSS_COMPLETE": "bash_source"}, timeout=20)
    assert "_newsgloss_completion" in script.stdout


def test_datasette_metadata_names_what_the_library_holds(db_path):
    Library.open(db_path).close()
    document = json.loads(run("datasette-metadata", "--db", str(db_path)).stdout)
    tables = document["databases"][db_path.stem]["tables"]
    with sqlite3.connect(db_path) as conn:
        real = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        for name, table in tables.items():
            assert name in real, name
            columns = {row[1] for row in conn.execute(f"PRAGMA table_info({name})")}
            for key in ("sort", "sort_desc", "label_column"):
                assert table.get(key, "id") in columns | {"id"}, (name, key)
            assert set(table.get("facets", [])) <= columns and set(table.get("columns", {})) <= columns
            if "fts_table" in table:
                assert table["fts_table"] in real
