"""A real terminal for end-to-end tests: a tmux session driven like a person at a keyboard."""

from __future__ import annotations

import subprocess
import time
import uuid

from tests.conftest import newsgloss_bin


class Terminal:
    """A tmux session on its own server socket, driven like a person at a keyboard."""

    def __init__(self, command: str) -> None:
        self.socket = f"ng-test-{uuid.uuid4().hex[:8]}"
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "ng", "-x", "120", "-y", "40", command)
        self.tmux("resize-window", "-t", "ng", "-x", "120", "-y", "40")

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "ng")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "ng", *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "ng", "-l", text)

    def wait_for(self, text: str, timeout: float = 60.0) -> str:
        """Poll the screen until `text` shows (a wait on a condition, not a fixed sleep)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; screen was:\n{self.screen()}")

    def wait_closed(self, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if "ng" not in self.tmux("list-sessions", "-F", "#{session_name}").split():
                return
            time.sleep(0.1)
        raise AssertionError("the app did not quit")

    def close(self) -> None:
        self.tmux("kill-server")

    @classmethod
    def newsgloss(cls, *args: str) -> Terminal:
        """The real program, in a 120×40 terminal of its own."""
        return cls(f"env -u COLUMNS -u LINES TERM=xterm-256color {newsgloss_bin()} {' '.join(args)}")

    def open_first_article(self) -> None:
        """Wait for the list, press Enter, wait for the reader."""
        self.wait_for("News.Az")
        self.keys("Enter")
        self.wait_for("Colours:")
