"""The keys that work where the focus is, on one line at the bottom of the screen."""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.widget import Widget

from newsgloss.tui.shared.colours import on_background


class KeyLine(Widget):
    """Like Textual's Footer, but one widget that redraws: the Footer mounts a widget per key and
    mounts them all again whenever the focus moves, which was a third of the time to open an article.
    A click on a key presses it."""

    DEFAULT_CSS = """
    KeyLine { dock: bottom; height: 1; background: $footer-background; }
    KeyLine > .key-line--key { color: $footer-key-foreground; text-style: bold; }
    KeyLine > .key-line--description { color: $footer-description-foreground; }
    """
    COMPONENT_CLASSES = {"key-line--key", "key-line--description"}

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._keys: list[tuple[int, int, str]] = []  # (first cell, end cell, key) of each shown key

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, lambda _screen: self.refresh())

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _shown(self) -> list[tuple[str, str, str]]:
        """(key, how it is written, description) for each action shown here, first key of each."""
        shown, actions = [], set()
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show and enabled and binding.action not in actions:
                actions.add(binding.action)
                shown.append((binding.key, self.app.get_key_display(binding), binding.description))
        return shown

    def render(self) -> Text:
        """As many keys as fit, in order; `?` (every key) and the palette always, at the right."""
        key_style = on_background(self, "key-line--key")
        description_style = on_background(self, "key-line--description")
        shown = self._shown()
        always = [item for item in shown if item[0] == "question_mark"]
        found = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if self.app.ENABLE_COMMAND_PALETTE and found:
            always.append((found.binding.key, self.app.get_key_display(found.binding), "palette"))
        right = sum(cell_len(f" {display} {description} ") for _, display, description in always)
        text, self._keys = Text(no_wrap=True, end=""), []
        for key, display, description in [item for item in shown if item not in always]:
            if text.cell_len + cell_len(f" {display} {description} ") > self.size.width - right:
                break
            self._append(text, key, display, description, key_style, description_style)
        text.append(" " * max(self.size.width - right - text.cell_len, 0))
        for key, display, description in always:
            self._append(text, key, display, description, key_style, description_style)
        return text

    def _append(self, text: Text, key: str, display: str, description: str, key_style: Style,
                description_style: Style) -> None:
        start = text.cell_len
        text.append(f" {display} ", key_style)
        text.append(f"{description} ", description_style)
        self._keys.append((start, text.cell_len, key))

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._keys:
            if start <= event.x < end:
                self.app.simulate_key(key)  # posts the key: it is handled as if typed
                return
