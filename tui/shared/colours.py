"""Theme colours resolved the way a person sees them: alpha and `auto` blended over the real background,
then made readable (WCAG contrast) where a theme's colour is too faint on that background."""

from __future__ import annotations

from functools import lru_cache

from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.style import Style
from textual.color import Color
from textual.css.styles import RenderStyles
from textual.widget import Widget

BODY = 4.5  # WCAG AA for body text
WHITE = Color(255, 255, 255)
BLACK = Color(0, 0, 0)


def luminance(colour: Color) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = colour.rgb
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def _ratio(a: Color, b: Color) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@lru_cache(maxsize=4096)
def in_256_colours(colour: Color) -> Color:
    """The colour a terminal without true colour shows instead (the nearest of xterm's 256, as Rich picks)."""
    triplet = RichColor.from_rgb(*colour.rgb).downgrade(ColorSystem.EIGHT_BIT).get_truecolor()
    return Color(triplet.red, triplet.green, triplet.blue)


def contrast(a: Color, b: Color) -> float:
    """The WCAG contrast ratio of two opaque colours (1 to 21), the lower of what a true-colour terminal and
    a 256-colour one (tmux, by default) show: a theme's near greys can fall together in 256 colours."""
    return min(_ratio(a, b), _ratio(in_256_colours(a), in_256_colours(b)))


def readable(foreground: Color, background: Color, minimum: float = BODY) -> Color:
    """`foreground` as it is when it reads well on `background`, else moved towards black or white
    (whichever the background contrasts with more) just far enough to reach `minimum`."""
    if contrast(foreground, background) >= minimum:
        return foreground
    target = WHITE if contrast(WHITE, background) >= contrast(BLACK, background) else BLACK
    low, high = 0.0, 1.0
    for _ in range(12):  # the least blend that is readable
        middle = (low + high) / 2
        if contrast(foreground.blend(target, middle), background) >= minimum:
            high = middle
        else:
            low = middle
    return foreground.blend(target, high)


def readable_style(style: Style, minimum: float = BODY) -> Style:
    """A Rich style with both colours set, its text made readable on its background."""
    if style.color is None or style.bgcolor is None:
        return style
    foreground, background = Color.from_rich_color(style.color), Color.from_rich_color(style.bgcolor)
    fixed = readable(foreground, background, minimum)
    return style if fixed == foreground else style + Style(color=fixed.rich_color)


def background_of(widget: Widget) -> Color:
    """The opaque colour behind a widget's text (its background over its ancestors')."""
    return widget.background_colors[1]


def resolve(styles: RenderStyles, background: Color, minimum: float = BODY) -> Style:
    """A component's colour and text style on `background`: its own background (alpha blended) when it
    has one, its colour blended over that, `auto` picking the contrasting text, and readable."""
    behind = background + styles.background if styles.has_rule("background") else background
    if styles.has_rule("auto_color") and styles.auto_color:
        colour: Color | None = behind.get_contrast_text(styles.color.a)
    else:
        colour = behind + styles.color if styles.has_rule("color") else None
    style = Style(color=readable(colour, behind, minimum).rich_color if colour else None,
                  bgcolor=behind.rich_color if styles.has_rule("background") else None)
    return style + styles.text_style


def on_background(widget: Widget, name: str, background: Color | None = None, minimum: float = BODY) -> Style:
    """The component class `name` of `widget` resolved on `background` (the widget's own by default)."""
    return resolve(widget.get_component_styles(name), background or background_of(widget), minimum)
