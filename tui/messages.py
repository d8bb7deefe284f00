"""Messages that cross the app: results of background work."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from store import CommuneSummary, Province

__all__ = ["CommunesLoaded", "LoadFailed"]


@dataclass
class CommunesLoaded(Message):
    """A province's communes are ready to show (posted by the loading worker)."""

    province: Province
    summaries: list[CommuneSummary]
    start_code: str | None
    """The commune to select first (the newest session's), when it is in this province."""
    seeded: int = 0
    """How many seed sessions this load added (only on a store's first run)."""


@dataclass
class LoadFailed(Message):
    """The store could not be read; the text is for the user."""

    reason: str
