"""What the dashboard shows, in one object: the province, its communes, the selection, the narrowing.

`DashboardScreen` and the parts it is made of (`DashboardDisplay`, `DashboardLoading`,
`DashboardNavigation`, in `tui.screens.dashboard_*`) are its only writers: they change the
state, then redraw through the display, the one render path. The helpers it owns
(`tui.actions`) read the state to know what the officer is looking at, and report back
with dialogs' results, messages and the callbacks the dashboard gives them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from haicap.store import Commune, CommuneSummary, CommuneView, Item, Kind, Province, Session
from haicap.store.domain.text import matches

__all__ = ["DashboardState"]


@dataclass
class DashboardState:
    """The dashboard's state, read by the widgets' `show` calls and the dashboard's helpers."""

    province: Province | None = None
    """The province shown; None until the first load picks the default."""
    summaries: list[CommuneSummary] = field(default_factory=list)
    """The province's communes, with their counts, as last read."""
    only_reported: bool = False
    """Whether the list shows only communes with reports (`r`)."""
    selected: Commune | None = None
    """The commune whose panes are shown."""
    view: CommuneView | None = None
    """The selected commune's sessions and items, as the store held them when last read."""
    session: Session | None = None
    """The session the panes are narrowed to (`t`), or None for all."""
    pending_item: str | None = None
    """The item to focus once a reload started by `go_to` has listed its province."""
    deleted: list[str] = field(default_factory=list)
    """Ids of the items deleted in this run, the last one last (`u` restores it)."""

    def visible(self, query: str) -> list[CommuneSummary]:
        """The communes the list shows for the filter `query` (and `r`)."""
        return [s for s in self.summaries if (s.has_reports or not self.only_reported) and matches(query, s.commune.label)]

    def reported_hides_matches(self, query: str) -> bool:
        """Whether `r` hides every commune the filter `query` matches (turning it off would list them)."""
        return self.only_reported and not self.visible(query) and any(matches(query, s.commune.label) for s in self.summaries)

    def has_reports(self, commune: Commune) -> bool:
        """Whether `commune` is listed with reports in the province as last read."""
        return any(s.commune == commune and s.has_reports for s in self.summaries)

    def items_of(self, kind: Kind) -> tuple[Item, ...]:
        """The selected commune's items of `kind`, of the narrowed session only when one is."""
        items = self.view.of_kind(kind) if self.view else ()
        if self.session is not None:
            narrowed = self.session.id
            items = tuple(item for item in items if item.session.id == narrowed)
        return tuple(items)

    @property
    def sessions(self) -> tuple[Session, ...]:
        """The selected commune's sessions, newest first (none when no commune is selected)."""
        return tuple(self.view.sessions) if self.view else ()

    @property
    def current_session(self) -> Session | None:
        """The session an addition or an export is about: the narrowed one, else the newest."""
        sessions = self.sessions
        return self.session or (sessions[0] if sessions else None)
