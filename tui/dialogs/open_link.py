"""Show a link before opening it; only http and https links are opened (through the browser API, no shell)."""

from __future__ import annotations

from urllib.parse import urlsplit

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label


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


class OpenLink(ModalScreen[bool]):
    """Enter opens the link shown; Esc does not."""

    DEFAULT_CSS = """
    OpenLink { align: center middle; }
    OpenLink > Vertical { width: 80%; height: auto; border: thick $accent; background: $surface; padding: 0 1; }
    OpenLink .url { color: $text-accent; text-style: bold; }
    OpenLink .hint { color: $text-muted; }
    """
    BINDINGS = [
        Binding("enter,y", "dismiss(True)", "Open", id="link.open"),
        Binding("escape,n", "dismiss(False)", "Cancel", id="link.cancel"),
    ]

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Open this link in your browser?", markup=False)
            yield Label(self.url, classes="url", markup=False)
            yield Label("Enter opens · Esc cancels", classes="hint", markup=False)
