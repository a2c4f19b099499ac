"""WCAG contrast of what a Pilot app shows: every visible character against the background it is drawn on."""

from __future__ import annotations

from dataclasses import dataclass

from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.style import Style

SKIPPED = set("▁▂▃▄▅▆▇█▔▏▎▍▌▋▊▉╭╮╰╯│─┃━┏┓┗┛═║")  # bars and frames, as ../shared/tools/contrast.py does


def _luminance(rgb: tuple[int, int, int]) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def _plain_ratio(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _256(rgb: tuple[int, int, int]) -> tuple[int, int, int]:
    triplet = RichColor.from_rgb(*rgb).downgrade(ColorSystem.EIGHT_BIT).get_truecolor()
    return triplet.red, triplet.green, triplet.blue


def ratio(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """The contrast a person sees in a true-colour terminal or in a 256-colour one (tmux), whichever is less."""
    return min(_plain_ratio(a, b), _plain_ratio(_256(a), _256(b)))


def _rgb(colour: RichColor | None) -> tuple[int, int, int] | None:
    if colour is None or colour.is_default:
        return None
    triplet = colour.get_truecolor()
    return triplet.red, triplet.green, triplet.blue


@dataclass
class Report:
    cells: int
    below_body: int  # below 4.5:1
    worst: float
    worst_at: str

    @property
    def share_below_body(self) -> float:
        return self.below_body / self.cells if self.cells else 0.0


def measure(app, region: tuple[int, int, int, int] | None = None) -> Report:
    """Every non-space character of the screen (or of `region`, x, y, width, height)."""
    cells = below = 0
    worst, worst_at = 99.0, ""
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        x = 0
        line = strip.text
        for segment in strip:
            style: Style = segment.style or Style()
            fg, bg = _rgb(style.color), _rgb(style.bgcolor)
            if style.reverse:
                fg, bg = bg, fg
            for char in segment.text:
                inside = region is None or (region[0] <= x < region[0] + region[2]
                                            and region[1] <= y < region[1] + region[3])
                x += 1
                if not inside or char.isspace() or char in SKIPPED or fg is None or bg is None:
                    continue
                cells += 1
                value = ratio(fg, bg)
                below += value < 4.5
                if value < worst:
                    worst, worst_at = value, f"{char!r} in {line.strip()[:60]!r}"
    return Report(cells, below, worst, worst_at)
