"""Show a link before opening it: its host on a line of its own, the address shortened in the middle.
Only http and https links are opened (through the browser API, no shell)."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Label

from newsgloss.store import visible
from newsgloss.tui.shared.dialog import Dialog
from newsgloss.tui.shared.highlight import shortened


def openable(url: str) -> str | None:
    """None when `url` may be opened, else the one-line reason it may not."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "this link is not a valid address"
    if parts.scheme.lower() not in ("http", "https"):
        return f"only http and https links are opened (this one is {parts.scheme or 'without a scheme'!s})"
    if not parts.hostname:
        return "this link has no host"
    return None


def host_line(url: str) -> str:
    """Where the link really goes, said plainly (a user name before @ is called out: it is not the site)."""
    parts = urlsplit(url)
    host = parts.hostname or "?"
    try:
        readable = host.encode("ascii").decode("idna") if host.startswith("xn--") or ".xn--" in host else host
    except UnicodeError:
        readable = host
    line = f"Goes to: {readable}" + (f"  ({host})" if readable != host else "")
    if "@" in parts.netloc:
        line += "  — the text before @ is a user name, not the site"
    return visible(line, newlines=False)


class OpenLink(Dialog[bool]):
    """Enter opens the link shown; Esc does not."""

    DEFAULT_CSS = """
    OpenLink > #frame { width: 80%; }
    OpenLink .host { color: $text-warning; text-style: bold; }
    OpenLink .url { color: $text-muted; }
    """
    BINDINGS = [
        Binding("enter,y", "dismiss(True)", "Open", id="link.open"),
        Binding("escape,n", "dismiss(False)", "Cancel", id="link.cancel"),
    ]

    def __init__(self, url: str, width: int = 70) -> None:
        super().__init__("Open this link in your browser?", "Enter opens · Esc cancels")
        self.url = url
        self.width = width

    def body(self) -> Iterable[Widget]:
        yield Label(host_line(self.url), classes="host", markup=False)
        yield Label(shortened(visible(self.url, newlines=False), self.width), classes="url", markup=False)
