"""The same articles in newsboat, the reference terminal reader: ingest and first screen."""

from __future__ import annotations

import html
import json
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.measure import run_child, vm_hwm
from benchmarks.terminal import start


def available() -> bool:
    return shutil.which("newsboat") is not None


def write_feed(library: Path, feed: Path) -> None:
    """An RSS 2.0 file holding every article of the JSONL library."""
    with feed.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>bench</title>\n')
        for line in library.open(encoding="utf-8"):
            item = json.loads(line)
            out.write(f"<item><title>{html.escape(item['title'])}</title><link>{html.escape(item['url'])}</link>"
                      f"<guid>{html.escape(item['url'])}</guid><pubDate>{item['published']}</pubDate>"
                      f"<description>{html.escape(item['body'])}</description></item>\n")
        out.write("</channel></rss>\n")


def _config(folder: Path, feed: Path) -> list[str]:
    (folder / "urls").write_text(f"file://{feed}\n", encoding="utf-8")
    (folder / "config").write_text("max-items 0\nshow-read-feeds yes\n", encoding="utf-8")
    return ["newsboat", "-u", str(folder / "urls"), "-c", str(folder / "cache.db"), "-C", str(folder / "config")]


def measure(library: Path, count: int) -> dict:
    """Ingest (reload) time and memory, then first screen and the feed's item list opened."""
    folder = Path(tempfile.mkdtemp(prefix="newsboat-"))
    feed = folder / "feed.xml"
    write_feed(library, feed)
    argv = _config(folder, feed)
    ingest, ingest_memory = run_child([*argv, "-x", "reload"])
    session = start(argv)
    first = session.wait_for("Your feeds")
    sent = session.send("\r")
    session.wait_for("s:Save")  # the item list of the feed, with all `count` items
    usable = first + (time.monotonic() - sent)
    memory = vm_hwm(session.pid)
    session.finish()
    shutil.rmtree(folder, ignore_errors=True)
    return {"ingest": ingest, "ingest_memory": ingest_memory, "first": first, "usable": usable, "memory": memory}
