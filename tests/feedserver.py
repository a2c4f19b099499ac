"""A real HTTP server on 127.0.0.1 for feed tests: RSS and Atom documents that can change between requests,
ETag and Last-Modified answered with 304, redirects, a broken feed, a server that never answers, a 404."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def rss(title: str, items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 document: items are (title, link, description)."""
    body = "".join(f"<item><title>{t}</title><link>{link}</link><pubDate>Tue, 03 Dec 2024 10:00:00 GMT</pubDate>"
                   f"<description>{d}</description></item>" for t, link, d in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{body}</channel></rss>'.encode()


def atom(title: str, items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(f"<entry><title>{t}</title><link href='{link}'/><id>{link}</id>"
                      f"<updated>2024-12-03T10:00:00Z</updated><content type='text'>{d}</content></entry>"
                      for t, link, d in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{title}</title><updated>2024-12-03T10:00:00Z</updated>{entries}</feed>").encode()


@dataclass
class Site:
    """What the server serves, by path; `version` of a document changes its ETag."""

    documents: dict[str, bytes] = field(default_factory=dict)
    versions: dict[str, int] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    hang: set[str] = field(default_factory=set)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    released: threading.Event = field(default_factory=threading.Event)

    def put(self, path: str, data: bytes) -> None:
        self.documents[path] = data
        self.versions[path] = self.versions.get(path, 0) + 1


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            site.requests.append((self.path, dict(self.headers)))
            if self.path in site.hang:
                site.released.wait(30)  # never answers while the test runs
                return
            if self.path in site.redirects:
                self.send_response(301)
                self.send_header("Location", site.redirects[self.path])
                self.end_headers()
                return
            if self.path not in site.documents:
                self.send_error(404, "Not Found")
                return
            etag = f'"v{site.versions[self.path]}"'
            modified = formatdate(1733220000 + site.versions[self.path] * 3600, usegmt=True)
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            data = site.documents[self.path]
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified)
            self.end_headers()
            self.wfile.write(data)

    return Handler


@contextmanager
def serving(site: Site) -> Iterator[str]:
    """Serve `site` on a free port of 127.0.0.1; yields the base address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        site.released.set()
        server.shutdown()
        server.server_close()
