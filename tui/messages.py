"""Messages that cross the app: results of background work, and what one screen tells the others."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from haicap.store import Commune, CommuneSummary, HistoryEntry, Item, Kind, Province, Session
from haicap.store.domain.i18n import _

if TYPE_CHECKING:
    # Loaded when a tracking table is read, not when the dashboard starts.
    from haicap.store.db.tracking_updates import TrackingPlan

__all__ = [
    "CommunesLoaded",
    "ImportFailed",
    "ItemChangeFailed",
    "ItemChanged",
    "ItemEditConflict",
    "LoadFailed",
    "ProvinceLoaded",
    "ReportImported",
    "ShowOnDashboard",
    "StoreChanged",
    "StoreRefreshed",
    "TrackingImported",
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
class ProvinceLoaded(Message):
    """A province's file is read (posted by the loading worker after `CommunesLoaded`,
    whose list was usable meanwhile): its communes' panes can be shown."""

    province: Province
    damaged: tuple[str, ...] = ()
    """As `CommunesLoaded.damaged`, found once the province's records are read."""


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

    @property
    def notice(self) -> str:
        """What the import stored, one line for the user in the language spoken (the counts
        written like the dashboard header's, which the officer has just read)."""
        if self.session is None:
            return _("Already in the store: nothing added")
        counts = ", ".join(f"{kind.title.lower()} {n}" for kind, n in self.counts.items() if n or not self.added_to)
        if self.added_to:
            return _("Added {added} items to session {session}: {counts}").format(
                added=self.added, session=self.added_to, counts=counts
            )
        return _("Imported: {counts}").format(counts=counts)


@dataclass
class TrackingImported(Message):
    """An agency's filled tracking table went through the store (posted by its review's worker)."""

    plan: TrackingPlan
    """What was applied (and refused)."""

    @property
    def notice(self) -> str:
        """What the import did, one line for the user in the language spoken."""
        return self.plan.summary()


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
class StoreRefreshed(Message):
    """Another process wrote the store; the store has re-read it (posted by the dashboard's
    refresh worker to the dashboard, which then tells the other screens with `StoreChanged`)."""

    summaries: list[CommuneSummary]
    """The shown province's communes, counted again."""
    notice: str
    """Who changed what, for a small notification."""


class StoreChanged(Message, bubble=False):
    """The store holds what another process wrote: a screen showing it reads it again.

    The dashboard, which watches the file, posts one to every other screen of the stack
    (the one way screens hear of it); it does not bubble, so each screen hears it once."""


@dataclass
class ShowOnDashboard(Message):
    """Go back to the dashboard and show a commune there, or an item under one of its
    communes (posted to the app, by the command palette)."""

    target: Commune | Item
