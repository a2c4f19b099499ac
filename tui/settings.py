"""The settings file: what the user chooses lasts (TOML in the user's config folder).

    theme = "textual-dark"          # any built-in theme; one chosen in the app is saved here
    list_width = 42                 # percent of the width the list takes beside the reader
    dates = "words"                 # after each date: "words", "timex" (TIMEX3 values) or "off"
    legend = true                   # the line naming the colours above an article
    export_dir = "~/Documents/newsgloss"

    [tags]                          # the tags on the number keys
    1 = "claim"

    [keys]                          # key bindings by binding id (see `?`)
    "reader.note" = "n"

A file that cannot be read gives one line saying why, and the defaults.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

DATES = ("words", "timex", "off")


def settings_path() -> Path:
    """Where the settings file lives (NEWSGLOSS_CONFIG overrides)."""
    if override := os.environ.get("NEWSGLOSS_CONFIG"):
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path("newsgloss") / "settings.toml"


def default_export_dir() -> Path:
    """Where Markdown goes unless the command line or the settings say otherwise (NEWSGLOSS_EXPORT_DIR overrides)."""
    if override := os.environ.get("NEWSGLOSS_EXPORT_DIR"):
        return Path(override)
    from platformdirs import user_documents_path

    return user_documents_path() / "newsgloss"


def export_template(settings: Settings, given: Path | str | None = None) -> Path | None:
    """The export template: the one given, else the settings', else none (newsgloss's own layout)."""
    chosen = given or settings.export_template
    return Path(chosen).expanduser() if chosen else None


def export_dir(settings: Settings, given: Path | str | None = None) -> Path:
    """The export folder: the one given, else the settings', else the default."""
    if given:
        return Path(given).expanduser()
    return Path(settings.export_dir).expanduser() if settings.export_dir else default_export_dir()


@dataclass(frozen=True)
class Settings:
    theme: str = "textual-dark"
    list_width: int = 42
    dates: str = "words"
    legend: bool = True
    export_dir: str = ""
    export_template: str = ""  # a Jinja2 file laying out the exported notes (newsgloss's own layout when empty)
    trash_days: int = 30  # an article stays this many days in the trash (restorable), then goes for good
    tags: dict[int, str] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)


def _checked(data: dict[str, object]) -> Settings:
    """Settings from parsed TOML; a value of the wrong kind is a ValueError naming it."""
    known = {f.name: f for f in fields(Settings)}
    values: dict[str, object] = {}
    for name, value in data.items():
        if name not in known:
            raise ValueError(f"unknown setting {name!r}")
        default = getattr(Settings(), name)
        if isinstance(default, dict):
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise ValueError(f"[{name}] must map names to text")
            value = {int(k): v for k, v in value.items() if str(k).isdigit() and 1 <= int(k) <= 9} \
                if name == "tags" else dict(value)
        elif type(value) is not type(default):
            raise ValueError(f"{name} must be {type(default).__name__}, not {type(value).__name__}")
        values[name] = value
    settings = replace(Settings(), **values)  # type: ignore[arg-type]
    if settings.dates not in DATES:
        raise ValueError(f"dates must be one of {', '.join(DATES)}")
    if not 20 <= settings.list_width <= 80:
        raise ValueError("list_width must be between 20 and 80 (percent)")
    return settings


def load(path: Path | str | None = None) -> tuple[Settings, str]:
    """The settings and, when the file could not be used, the one-line reason (the defaults apply)."""
    path = Path(path) if path else settings_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(), ""
    except (OSError, UnicodeDecodeError) as error:
        return Settings(), f"settings not read ({path}): {getattr(error, 'strerror', None) or error}"
    except tomllib.TOMLDecodeError as error:
        return Settings(), f"settings not read ({path}): {error}"
    try:
        return _checked(data), ""
    except ValueError as error:
        return Settings(), f"settings not used ({path}): {error}"


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text) + '"'


def dumps(settings: Settings) -> str:
    """The settings as TOML (every value, so the file shows what can be set)."""
    lines = ["# newsgloss settings: see `newsgloss config --help`"]
    tables = []
    for f in fields(Settings):
        value = getattr(settings, f.name)
        if isinstance(value, dict):
            tables += ["", f"[{f.name}]", *(f"{_toml_value(str(k))} = {_toml_value(v)}" for k, v in value.items())]
        else:
            lines.append(f"{f.name} = {_toml_value(value)}")
    return "\n".join(lines + tables) + "\n"


def save(settings: Settings, path: Path | str | None = None) -> str:
    """Write the settings (atomically); the one-line reason when they could not be written."""
    path = Path(path) if path else settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        partial.write_text(dumps(settings), encoding="utf-8")
        partial.replace(path)
    except OSError as error:
        return f"settings not saved ({path}): {error.strerror or error}"
    return ""


class Preferences:
    """The settings in use, saved to their file whenever the user changes one from the app."""

    def __init__(self, settings: Settings, path: Path | str | None = None) -> None:
        self.settings = settings
        self.path = path

    def change(self, **values: object) -> str:
        """Change settings and save them; the one-line reason when they could not be saved."""
        updated = replace(self.settings, **values)  # type: ignore[arg-type]
        if updated == self.settings:
            return ""
        self.settings = updated
        return save(updated, self.path)
