"""newsgloss: a terminal news reader with annotations.

The code lives in two packages, `newsgloss.store` (the library: storage, import, annotation, export; no
user interface) and `newsgloss.tui` (the Textual app and the command line). In the repository they are the
top-level folders `store/` and `tui/`, linked here; an installed copy has them inside this package.
"""

from __future__ import annotations

from pathlib import Path

SAMPLES = Path(__file__).parent / "samples"
"""The sample articles a new library is filled with (package data)."""


def __getattr__(name: str) -> str:
    """`__version__`, read from the installed metadata only when asked (importlib.metadata costs ~60 ms at
    start-up, which the app does not spend)."""
    if name != "__version__":
        raise AttributeError(f"module 'newsgloss' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsgloss")
    except PackageNotFoundError:  # a checkout that was never installed
        return "0+unknown"
