"""Temporal expressions: finding them and normalising them to TIMEX3 values."""

from store.timex.calendar import Context, Timex
from store.timex.normalize import normalize

__all__ = ["Context", "Timex", "normalize"]
