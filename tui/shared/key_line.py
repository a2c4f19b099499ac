"""The keys that work where the focus is, on one line at the bottom of the screen."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widget import Widget


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
        key_style = self.get_component_rich_style("key-line--key", partial=True)
        description_style = self.get_component_rich_style("key-line--description", partial=True)
        text, self._keys = Text(no_wrap=True, overflow="ellipsis", end=""), []
        for key, display, description in self._shown():
            start = text.cell_len
            text.append(f" {display} ", key_style)
            text.append(f"{description} ", description_style)
            self._keys.append((start, text.cell_len, key))
        palette = Text("", end="")
        found = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if self.app.ENABLE_COMMAND_PALETTE and found:
            palette.append(f"{self.app.get_key_display(found.binding)} palette ", key_style)
        gap = self.size.width - text.cell_len - palette.cell_len
        if gap > 0:
            text.append(" " * gap)
            text.append_text(palette)
        return text

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._keys:
            if start <= event.x < end:
                self.app.simulate_key(key)  # posts the key: it is handled as if typed
                return
