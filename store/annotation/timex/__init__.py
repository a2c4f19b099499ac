"""Temporal expressions: finding them and normalising them to TIMEX3 values."""

from newsgloss.store.annotation.timex.calendar import Context, Timex
from newsgloss.store.annotation.timex.normalize import normalize

__all__ = ["Context", "Timex", "normalize"]
