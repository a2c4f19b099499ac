"""Walking the bindings of several widgets: one source for `?` help and the command palette."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from textual.binding import Binding
from textual.dom import DOMNode


def described_bindings(nodes: Iterable[DOMNode]) -> Iterator[tuple[DOMNode, Binding]]:
    """(node, binding) for every binding of ours (it has an id) with a description, each action once.
    Bindings a widget inherits from Textual (scrolling sideways, say) are left out: they are not ours
    to promise."""
    seen: set[str] = set()
    for node in nodes:
        for bindings in node._bindings.key_to_bindings.values():
            for binding in bindings:
                if binding.id and binding.description and binding.action not in seen:
                    seen.add(binding.action)
                    yield node, binding


def long_description(binding: Binding) -> str:
    """What a binding does, in full (its tooltip), else its short description."""
    return binding.tooltip or binding.description
