"""Show a link before opening it; only http and https links are opened (through the browser API, no shell)."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Label

from tui.shared.dialog import Dialog


def openable(url: str) -> str | None:
    """None when `url` may be opened, else the one-line reason it may not."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "this link is not a valid address"
    if parts.scheme.lower() not in ("http", "https"):
        return f"only http and https links are opened (this one is {parts.scheme or 'without a scheme'!s})"
    if not parts.netloc:
        return "this link has no host"
    return None


class OpenLink(Dialog[bool]):
    """Enter opens the link shown; Esc does not."""

    DEFAULT_CSS = """
    OpenLink > #frame { width: 80%; }
    OpenLink .url { color: $text-accent; text-style: bold; }
    """
    BINDINGS = [
        Binding("enter,y", "dismiss(True)", "Open", id="link.open"),
        Binding("escape,n", "dismiss(False)", "Cancel", id="link.cancel"),
    ]

    def __init__(self, url: str) -> None:
        super().__init__("Open this link in your browser?", "Enter opens · Esc cancels")
        self.url = url

    def body(self) -> Iterable[Widget]:
        yield Label(self.url, classes="url", markup=False)
