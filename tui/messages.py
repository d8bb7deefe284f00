"""Messages that cross the app: results of background work."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.message import Message

from haicap.store import Commune, CommuneSummary, HistoryEntry, Item, Kind, Province, Session

__all__ = [
    "CommunesLoaded",
    "ImportFailed",
    "ItemChangeFailed",
    "ItemChanged",
    "ItemEditConflict",
    "LoadFailed",
    "ReportImported",
    "StoreChanged",
]


@dataclass
class CommunesLoaded(Message):
    """A province's communes are ready to show (posted by the loading worker)."""

    province: Province
    summaries: list[CommuneSummary]
    start_code: str | None
    """The commune to select first (the newest session's), when it is in this province."""
    damaged: tuple[str, ...] = ()
    """What the store holds that no haicap writes (a deadline in 9999, a null record), each with
    its fix: the store works around them, the dashboard says so once."""


@dataclass
class LoadFailed(Message):
    """The store could not be read; the text is for the user."""

    reason: str


@dataclass
class ReportImported(Message):
    """A reviewed report went through the store (posted by the review screen's worker)."""

    session: Session | None
    """The new session (for an addition, the stored session that grew), or None when the
    store already held the same content."""
    communes: tuple[Commune, ...]
    """The communes the report covers, in the report's order."""
    counts: dict[Kind, int]
    """How many items of each kind the report holds (for an addition: the new ones)."""
    added_to: str | None = None
    """For an addition to a stored session (another outlet's report of it): that session's label."""
    added: int = 0
    """How many items the store added."""


@dataclass
class ImportFailed(Message):
    """The store refused or failed to write a report; the text is for the user."""

    reason: str


@dataclass
class ItemChanged(Message):
    """An officer's change to an item went through the store (posted by the editing worker)."""

    item: Item
    """The item as the store now holds it (deleted ones included)."""
    notice: str
    """What happened, one line for the user."""
    deleted: bool = False
    """The change deleted the item (the dashboard keeps it for `u`)."""
    reveal: bool = False
    """Show the item even when another commune is selected (a restored item)."""


@dataclass
class ItemChangeFailed(Message):
    """The store refused or failed to change an item; nothing changed. The text is for the user."""

    reason: str


@dataclass
class ItemEditConflict(Message):
    """Someone else saved the item after the officer began changing it; nothing was written."""

    item: Item
    """The item as the store holds it now."""
    changes: list[HistoryEntry]
    """The other saves since, oldest first."""
    change: Callable[[int], Item]
    """The officer's change, to run again (over theirs) from the item's current revision."""
    notice: str
    """What the officer's change was, one line."""
    deleted: bool = False
    """The change deletes the item."""


@dataclass
class StoreChanged(Message):
    """Another process wrote the store; the store has re-read it (posted by the refresh worker)."""

    summaries: list[CommuneSummary]
    """The shown province's communes, counted again."""
    notice: str
    """Who changed what, for a small notification."""
