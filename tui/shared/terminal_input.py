"""Keys from the terminal are read leniently: a byte that is not UTF-8 becomes U+FFFD, never a crash.

Textual's Linux driver decodes standard input strictly, and one stray byte (a terminal set to Latin-1,
a paste of binary) ended the app in its input thread, quietly, with exit status 0. The driver looks its
decoder up by name in its own module, so the lenient one is put there, once, before the app starts.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from functools import partial


def lenient_decoder(encoding: str) -> Callable[[], codecs.IncrementalDecoder]:
    """A factory like codecs.getincrementaldecoder's whose decoders replace what they cannot read."""
    return partial(codecs.getincrementaldecoder(encoding), errors="replace")


def read_keys_leniently() -> None:
    try:
        from textual.drivers import linux_driver
    except ImportError:  # not on a POSIX terminal: another driver, another decoder
        return
    linux_driver.getincrementaldecoder = lenient_decoder  # type: ignore[assignment]
