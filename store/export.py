"""Markdown export: YAML front matter, the article note, then each tagged or noted paragraph."""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import Counter
from pathlib import Path

from store.models import Article

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!&])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])(?=\s|$)", re.MULTILINE)
_YAML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def yaml_string(value: str) -> str:
    """A double-quoted YAML scalar that reads back as `value` whatever it holds."""
    quoted = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", quoted)


def markdown_text(text: str) -> str:
    """Article text as CommonMark that shows the same characters: markup is escaped."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def slug(text: str, limit: int = 60) -> str:
    """A safe file-name stem: ASCII letters, digits and hyphens only."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(words) <= limit:
        return words
    cut = words.rfind("-", 0, limit + 1)
    return words[: cut if cut > limit // 2 else limit].rstrip("-")


def _entities(article: Article) -> list[tuple[str, str]]:
    counts = Counter(
        (span.text, span.label)
        for paragraph in article.paragraphs
        for span in paragraph.spans
        if span.label not in ("DATE", "TIME", "CARDINAL", "ORDINAL")
    )
    return [key for key, _ in counts.most_common()]


def front_matter(article: Article) -> str:
    tags = sorted({tag for paragraph in article.paragraphs for tag in paragraph.tags}
                  | {tag for orphan in article.orphans for tag in orphan.tags})
    lines = ["---"]
    for key in ("title", "source", "url", "author", "published"):
        lines.append(f"{key}: {yaml_string(getattr(article, key))}")
    lines.append("tags: [" + ", ".join(yaml_string(tag) for tag in tags) + "]")
    entities = _entities(article)
    lines.append("entities:" + ("" if entities else " []"))
    lines.extend(f"  - {{text: {yaml_string(text)}, label: {yaml_string(label)}}}" for text, label in entities)
    lines.append("---")
    return "\n".join(lines)


def _quote(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in markdown_text(text).split("\n"))


def article_markdown(article: Article) -> str:
    """The whole Markdown file for one article (orphaned tags and notes last)."""
    parts = [front_matter(article), "", f"# {markdown_text(article.title)}", ""]
    if article.note.strip():
        parts += ["## Article note", "", article.note.strip(), ""]
    for paragraph in article.paragraphs:
        if not (paragraph.tags or paragraph.note.strip()):
            continue
        parts += [_quote(paragraph.text) + f" ^{block_id(paragraph.position)}", ""]
        if paragraph.tags:
            parts += ["Tags: " + " ".join("#" + (slug(tag) or "tag") for tag in paragraph.tags), ""]
        if paragraph.note.strip():
            parts += [paragraph.note.strip(), ""]
    if article.orphans:
        parts += ["## Kept from an earlier version", "",
                  "These tags and notes belonged to paragraphs that are not in the current text.", ""]
        for orphan in article.orphans:
            parts += [_quote(orphan.old_text), ""]
            if orphan.tags:
                parts += ["Tags: " + " ".join("#" + (slug(tag) or "tag") for tag in orphan.tags), ""]
            if orphan.note.strip():
                parts += [orphan.note.strip(), ""]
    return "\n".join(parts).rstrip("\n") + "\n"


def file_name(article: Article) -> str:
    return file_name_for(article.id, article.published, article.title)


def file_name_for(article_id: int, published: str, title: str) -> str:
    """An article's Markdown file name: its date, its title as a slug, its id (which keeps it unique)."""
    stem = "-".join(part for part in (published, slug(title)) if part) or "article"
    return f"{stem}-{article_id}.md"


def block_id(position: int) -> str:
    """The id a quoted paragraph carries, so that notes elsewhere can link to it (Obsidian: [[file#^p3]])."""
    return f"p{position + 1}"


def write_file(path: Path, text: str) -> None:
    """Write `path` whole or not at all, never through a link: a new file beside it (created, so a planted
    link is not followed), then renamed over it (which replaces a link itself, not what it points to)."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def write_article(article: Article, folder: Path) -> Path:
    """Write one article's Markdown into `folder`; returns the file's path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name(article)
    write_file(path, article_markdown(article))
    return path
