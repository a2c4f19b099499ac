"""Walking the bindings of several widgets: one source for `?` help and the command palette."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from textual.binding import Binding
from textual.dom import DOMNode


def described_bindings(nodes: Iterable[DOMNode]) -> Iterator[tuple[DOMNode, Binding]]:
    """(node, binding) for every binding with a description, each action once per node."""
    seen: set[tuple[int, str]] = set()
    for node in nodes:
        for bindings in node._bindings.key_to_bindings.values():
            for binding in bindings:
                if binding.description and (id(node), binding.action) not in seen:
                    seen.add((id(node), binding.action))
                    yield node, binding
