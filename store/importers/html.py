"""Web pages saved from a browser (trafilatura finds the article), and HTML fragments in feeds."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsgloss.store.clean import clean_line, clean_text
from newsgloss.store.importers.base import ImportProblem, Record, Source, parse_published
from newsgloss.store.models import Draft
from newsgloss.store.paragraphs import split_glued

BLOCKS = ("p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "td", "dd", "figcaption")


def read(source: Source) -> Iterator[Record]:
    """The reader for saved web pages."""
    yield Record("", parse_html(source.text(), source.name))


_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));")


def _no_control_references(text: str) -> str:
    """`&#27;` and the like written out as characters would be controls: they go, the page stays."""
    def replace(match: re.Match[str]) -> str:
        code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
        control = (code < 32 and code not in (9, 10, 13)) or 127 <= code <= 159 or code > 0x10FFFF
        return "" if control else match.group(0)

    return _CHARACTER_REFERENCE.sub(replace, text) if "&#" in text else text


def parse_html(text: str, origin: str = "") -> Draft:
    """The main text and metadata (title, author, date, site) of a saved web page."""
    import trafilatura

    text = _no_control_references(text)
    try:
        document = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                               include_tables=False)
    except Exception as error:
        raise ImportProblem(f"cannot read the HTML ({type(error).__name__})") from None
    if not isinstance(document, trafilatura.settings.Document) or not (document.text or "").strip():
        raise ImportProblem("no article text found in the HTML")
    title = clean_line(document.title or "")
    lines = [clean_text(line).strip() for line in (document.text or "").split("\n")]
    if lines and title and lines[0].casefold() == title.casefold():
        lines = lines[1:]
    paragraphs = [piece for line in lines if line for piece in split_glued(line)]
    return Draft(
        title=title, paragraphs=tuple(paragraphs), source=clean_line(document.sitename or ""),
        url=clean_line(document.url or ""), author=clean_line(document.author or ""),
        published=parse_published(document.date or ""), origin=origin,
    )


def _plain_paragraphs(text: str) -> list[str]:
    return [p for block in text.split("\n\n") for p in split_glued(" ".join(block.split()))]


def fragment_paragraphs(fragment: str) -> list[str]:
    """Paragraphs of an HTML fragment (a feed item's content); plain text is split on blank lines."""
    fragment = clean_text(_no_control_references(fragment))
    if "<" not in fragment:
        return _plain_paragraphs(fragment)
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:
        return _plain_paragraphs(re.sub(r"<[^>]*>|[<>]", " ", fragment))
    blocks = [element for element in root.iter(*BLOCKS) if not any(a.tag in BLOCKS for a in element.iterancestors())]
    texts = [element.text_content() for element in blocks] or [root.text_content()]
    return [p for text in texts for p in split_glued(" ".join(clean_text(text).split())) if p]
