"""Temporal expressions: finding them and normalising them to TIMEX3 values."""

from store.annotation.timex.calendar import Context, Timex
from store.annotation.timex.normalize import normalize

__all__ = ["Context", "Timex", "normalize"]
