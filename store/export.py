"""Markdown export, made to live in a notes vault (Obsidian and the like).

One file per article, named from its date, its title (any script) and its id; the id decides the file, so a
changed title renames it. The front matter holds flat properties a notes app can edit (`id`, `aliases`,
`tags`, `people`, `organisations`, `places`, `dates`...). newsgloss writes its part of the body between two
marker comments; a second export replaces only that part and the properties it owns, and keeps whatever the
reader added above, below, or as other properties.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import Counter
from pathlib import Path

from newsgloss.store.models import Article, ImportProblem

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!&])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])(?=\s|$)", re.MULTILINE)
_YAML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
BEGIN = "<!-- newsgloss:begin (written by newsgloss: the next export replaces what is between these lines) -->"
END = "<!-- newsgloss:end -->"
# Entity labels as the properties they are listed under.
GROUPS = {"PERSON": "people", "ORG": "organisations", "GPE": "places", "LOC": "places", "FAC": "places",
          "NORP": "groups", "EVENT": "events", "WORK_OF_ART": "works", "PRODUCT": "products", "LAW": "laws",
          "LANGUAGE": "languages"}
OWNED = ("id", "title", "aliases", "source", "url", "author", "published", "tags", *dict.fromkeys(GROUPS.values()),
         "dates")


def yaml_string(value: str) -> str:
    """A double-quoted YAML scalar that reads back as `value` whatever it holds."""
    quoted = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", quoted)


def markdown_text(text: str) -> str:
    """Article text as CommonMark that shows the same characters: markup is escaped."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def slug(text: str, limit: int = 60) -> str:
    """A file-name stem in any script: lower-case letters and digits joined by hyphens ("são-paulo",
    "москва", "東京"), nothing a file system or a wikilink treats specially."""
    words = re.sub(r"[\W_]+", "-", unicodedata.normalize("NFC", text).casefold()).strip("-")
    if len(words) <= limit:
        return words
    cut = words.rfind("-", 0, limit + 1)
    return words[: cut if cut > limit // 2 else limit].rstrip("-")


def tag_name(tag: str) -> str:
    """A tag as a notes app accepts it, the same in the properties and the text: letters of any script,
    digits, `-`, `_` and `/`, no spaces ("follow up" -> "follow-up"), never only digits."""
    name = re.sub(r"[^\w/-]+", "-", unicodedata.normalize("NFC", tag).strip()).strip("-/")
    name = re.sub(r"-{2,}", "-", name)
    if not name:
        return "tag"
    return f"tag-{name}" if name.replace("-", "").replace("_", "").replace("/", "").isdigit() else name


def _entities(article: Article) -> dict[str, list[str]]:
    """Entity names by property, the most mentioned first."""
    counts = Counter((span.text, span.label) for paragraph in article.paragraphs for span in paragraph.spans
                     if span.label in GROUPS)
    grouped: dict[str, list[str]] = {}
    for (text, label), _ in counts.most_common():
        names = grouped.setdefault(GROUPS[label], [])
        if text not in names:
            names.append(text)
    return grouped


def _dates(article: Article) -> list[str]:
    """The normalised dates the article mentions (TIMEX3 values), in order of first mention."""
    values = (span.value for paragraph in article.paragraphs for span in paragraph.spans
              if span.label in ("DATE", "TIME") and span.value and span.value[:1].isdigit())
    return list(dict.fromkeys(values))


def article_tags(article: Article) -> list[str]:
    tags = {tag for paragraph in article.paragraphs for tag in paragraph.tags} | set(article.tags)
    tags |= {tag for orphan in article.orphans for tag in orphan.tags}
    return sorted(dict.fromkeys(tag_name(tag) for tag in tags))


def _list(values: list[str]) -> str:
    return "[" + ", ".join(yaml_string(v) for v in values) + "]"


def front_matter(article: Article, kept: dict[str, object] | None = None) -> str:
    """The properties newsgloss owns, then those the reader added (`kept`); aliases the reader added stay."""
    kept = dict(kept or {})
    aliases = [article.title] if article.title else []
    earlier = kept.get("aliases")
    if isinstance(earlier, list):
        aliases += [str(a) for a in earlier if isinstance(a, (str, int, float)) and str(a) not in aliases]
    lines = ["---", f"id: {article.id}", f"title: {yaml_string(article.title)}", f"aliases: {_list(aliases)}"]
    for key in ("source", "url", "author", "published"):
        lines.append(f"{key}: {yaml_string(getattr(article, key))}")
    lines.append(f"tags: {_list(article_tags(article))}")
    entities = _entities(article)
    for group in dict.fromkeys(GROUPS.values()):
        if entities.get(group) or group in ("people", "organisations", "places"):
            lines.append(f"{group}: {_list(entities.get(group, []))}")
    lines.append(f"dates: {_list(_dates(article))}")
    extra = {k: v for k, v in kept.items() if k not in OWNED}
    if extra:
        import yaml

        lines.append(yaml.safe_dump(extra, allow_unicode=True, sort_keys=False, width=10_000).rstrip("\n"))
    lines.append("---")
    return "\n".join(lines)


def _quote(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in markdown_text(text).split("\n"))


def _tag_line(tags: tuple[str, ...] | list[str]) -> str:
    return "Tags: " + " ".join("#" + tag_name(tag) for tag in tags)


def article_block(article: Article) -> str:
    """What newsgloss writes of an article: title, article note, each tagged or noted paragraph quoted with a
    block id (`^p3`, for links to it), orphaned tags and notes last."""
    parts = [f"# {markdown_text(article.title)}", ""]
    if article.note.strip():
        parts += ["## Article note", "", article.note.strip(), ""]
    for paragraph in article.paragraphs:
        if not (paragraph.tags or paragraph.note.strip()):
            continue
        parts += [_quote(paragraph.text) + f" ^{block_id(paragraph.position)}", ""]
        if paragraph.tags:
            parts += [_tag_line(paragraph.tags), ""]
        if paragraph.note.strip():
            parts += [paragraph.note.strip(), ""]
    if article.orphans:
        parts += ["## Kept from an earlier version", "",
                  "These tags and notes belonged to paragraphs that are not in the current text.", ""]
        for orphan in article.orphans:
            parts += [_quote(orphan.old_text), ""]
            if orphan.tags:
                parts += [_tag_line(orphan.tags), ""]
            if orphan.note.strip():
                parts += [orphan.note.strip(), ""]
    return "\n".join(parts).rstrip("\n")


def templated_block(article: Article, template: Path) -> str:
    """The block from the reader's own Jinja2 template (`article`, `tags`, `entities`, `dates` given)."""
    try:
        import jinja2
    except ImportError:
        raise ImportProblem("export templates need Jinja2: pip install jinja2") from None
    try:
        source = template.read_text(encoding="utf-8")
        environment = jinja2.Environment(autoescape=False, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
        return environment.from_string(source).render(
            article=article, tags=article_tags(article), entities=_entities(article), dates=_dates(article),
            quote=_quote, markdown=markdown_text, block_id=block_id, tag_name=tag_name).rstrip("\n")
    except OSError as error:
        raise ImportProblem(f"cannot read the template {template}: {error.strerror or error}") from None
    except jinja2.TemplateError as error:
        raise ImportProblem(f"the template {template} does not work: {error}") from None


def article_markdown(article: Article, kept: dict[str, object] | None = None, before: str = "", after: str = "",
                     block: str | None = None) -> str:
    """The whole Markdown file for one article: properties, what the reader wrote before the block, the block,
    what the reader wrote after it."""
    body = block if block is not None else article_block(article)
    parts = [front_matter(article, kept), ""]
    if before.strip():
        parts += [before.strip("\n"), ""]
    parts += [BEGIN, body, END]
    if after.strip():
        parts += ["", after.strip("\n")]
    return "\n".join(parts) + "\n"


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


def _earlier(folder: Path, article_id: int) -> Path | None:
    """The file an earlier export wrote for this article (its name ends in -ID.md), if still there."""
    suffix = f"-{article_id}.md"
    for path in folder.glob(f"*{suffix}"):
        if path.name.endswith(suffix) and path.is_file() and not path.is_symlink():
            return path
    return None


def split_file(text: str) -> tuple[dict[str, object], str, str, bool]:
    """(properties, text before the block, text after it, whether the markers were found) of an exported
    file the reader may have edited. A file without markers (an older export) is all newsgloss's."""
    kept: dict[str, object] = {}
    body = text
    if text.startswith("---\n") and (end := text.find("\n---\n", 4)) != -1:
        import yaml

        try:
            loaded = yaml.safe_load(text[4:end])
        except yaml.YAMLError:
            loaded = None
        kept = loaded if isinstance(loaded, dict) else {}
        body = text[end + 5:]
    start, stop = body.find(BEGIN), body.find(END)
    if start == -1 or stop < start:
        return kept, "", "", False
    return kept, body[:start], body[stop + len(END):], True


def write_article(article: Article, folder: Path, template: Path | None = None) -> Path:
    """Write one article's Markdown into `folder`, keeping what the reader added to an earlier export of it
    (moved to the new name if the title changed); returns the file's path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name(article)
    earlier = _earlier(folder, article.id)
    kept: dict[str, object] = {}
    before = after = ""
    if earlier is not None:
        try:
            kept, before, after, _ = split_file(earlier.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            kept, before, after = {}, "", ""
    block = templated_block(article, template) if template is not None else None
    write_file(path, article_markdown(article, kept, before, after, block))
    if earlier is not None and earlier != path:
        earlier.unlink(missing_ok=True)  # the title changed: the file moved
    return path
