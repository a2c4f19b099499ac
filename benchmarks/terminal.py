"""Run the real `newsgloss` in a pseudo-terminal and time what a person would see."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import termios
import time
from dataclasses import dataclass

_ESCAPES = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][A-Z0-9]|\x1b[=>]")


@dataclass
class Session:
    """A child process on a pty, with everything it printed so far (escape codes removed)."""

    pid: int
    fd: int
    started: float
    seen: bytes = b""

    def wait_for(self, text: str, timeout: float = 60.0) -> float:
        """Seconds since start when `text` first showed on screen."""
        needle = text.encode("utf-8")
        deadline = time.monotonic() + timeout
        while needle not in _ESCAPES.sub(b"", self.seen):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"{text!r} did not appear")
            ready, _, _ = select.select([self.fd], [], [], remaining)
            if ready:
                try:
                    self.seen += os.read(self.fd, 1 << 16)
                except OSError:
                    raise TimeoutError("the program ended") from None
        return time.monotonic() - self.started

    def send(self, keys: str) -> float:
        """Send keys; returns the time they were sent (to measure a response from)."""
        self.seen = b""
        os.write(self.fd, keys.encode("utf-8"))
        return time.monotonic()

    def finish(self) -> int:
        """Quit with `q`; returns the peak resident memory in KiB."""
        os.write(self.fd, b"q")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                ready, _, _ = select.select([self.fd], [], [], 0.5)
                if ready:
                    os.read(self.fd, 1 << 16)
            except OSError:
                pass
            pid, _status, usage = os.wait4(self.pid, os.WNOHANG)
            if pid:
                os.close(self.fd)
                return usage.ru_maxrss
        os.kill(self.pid, 9)
        _, _, usage = os.wait4(self.pid, 0)
        os.close(self.fd)
        return usage.ru_maxrss


def start(argv: list[str], columns: int = 120, rows: int = 40, env: dict | None = None) -> Session:
    """Start `argv` on a new pty of the given size."""
    pid, fd = pty.fork()
    if pid == 0:
        environment = {**os.environ, "TERM": "xterm-256color", **(env or {})}
        environment.pop("COLUMNS", None)
        environment.pop("LINES", None)
        os.execvpe(argv[0], argv, environment)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    return Session(pid, fd, time.monotonic())
