"""What the dashboard does with what `StoreReader` read: a province listed, its file read, a failure, another process's write.

`DashboardLoading` belongs to one `DashboardScreen`: it starts the reads (a province, or
the store again when another officer wrote it) and, when the reader's messages reach the
screen, puts what they carry in the `DashboardState` and shows it through the screen's
`DashboardDisplay`.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.screen import Screen

from haicap.store import Commune, Province, Store
from haicap.store.domain.i18n import _
from haicap.tui.actions.loading import StoreReader
from haicap.tui.messages import CommunesLoaded, LoadFailed, ProvinceLoaded, StoreChanged, StoreRefreshed
from haicap.tui.screens.dashboard_display import DashboardDisplay
from haicap.tui.screens.dashboard_state import DashboardState
from haicap.tui.widgets.commune_list import CommuneList
from haicap.tui.widgets.panes_view import PanesView

__all__ = ["DashboardLoading", "damage_notice"]


def damage_notice(damaged: Sequence[str]) -> str:
    """The warning about the damaged values a store holds (`damaged` is not empty)."""
    count = len(damaged)
    if count > 1:
        damage = _("The store holds {count} damaged values: {first} (haicap items lists them all)")
    else:
        damage = _("The store holds a damaged value: {first}")
    return damage.format(count=count, first=damaged[0])


class DashboardLoading:
    """Reads the province shown, and shows what was read (the dashboard's `screen`)."""

    def __init__(
        self, screen: Screen[None], store: Store, state: DashboardState, display: DashboardDisplay, reader: StoreReader
    ) -> None:
        self.screen = screen
        """The dashboard: its commune list and panes show the loading, its notices say what went wrong."""
        self.store = store
        """The store read."""
        self.state = state
        """What the dashboard shows; the reads' results are put in it."""
        self.display = display
        """Shows the state once it holds what was read."""
        self.reader = reader
        """Reads off the UI thread and posts what it read to the dashboard."""

    def reload(self, province: Province, start: Commune | None = None) -> None:
        """Read `province`'s communes again and select `start` (the first commune if None)."""
        self.screen.query_one(CommuneList).loading = True
        self.reader.load(province, start.code if start else None)

    def reopen(self, province: Province, start: Commune | None, *, reveal: bool = False) -> None:
        """Read `province` again as a new one and select `start` in it; with `reveal`, clear
        a filter that would hide `start`."""
        if reveal and start is not None and not self.display.matches_filter(start):
            self.display.clear_filter()  # a filter hiding the commune would hide what is new in it
        # Forget the selection: when `start` is the commune already shown, the reloaded list
        # keeps the same highlight and would otherwise not redraw the panes.
        self.state.selected = None
        self.reload(province, start)

    def poll(self) -> None:
        """Read the store again if another process wrote it (a stat, on a timer)."""
        if self.state.province is not None and self.store.changed_on_disk():
            self.reader.refresh(self.state.province)

    def refreshed(self, message: StoreRefreshed) -> None:
        """Show the store as re-read, and tell the views open over the dashboard."""
        state = self.state
        state.summaries = message.summaries
        shown = None
        if state.selected is not None:
            state.view = self.store.commune_view(state.selected)
            shown = self.display.item_on_screen()
        self.display.show_again(shown)
        self.screen.notify(message.notice, timeout=4)
        # Views open over the dashboard (overview, late items, an import's review) show the
        # same store: each gets its own message (a message is handled by one node only).
        for screen in self.screen.app.screen_stack:
            if screen is not self.screen:
                screen.post_message(StoreChanged())

    def communes_loaded(self, message: CommunesLoaded) -> None:
        """List the province's communes and select the one to start on."""
        state, display = self.state, self.display
        state.province = message.province
        state.summaries = message.summaries
        start = self.store.commune(message.start_code) if message.start_code else None
        if start is None:
            start = next((s.commune for s in state.summaries if s.has_reports), None)
        if state.only_reported and (start is None or not state.has_reports(start)):
            # `r` set on another province would list nothing here (or hide the commune asked for).
            state.only_reported = False
            label = message.province.full_name if start is None else start.label
            self.screen.notify(_("{place} has no reports yet: all communes shown").format(place=label), timeout=4)
        communes = self.screen.query_one(CommuneList)
        communes.loading = False
        display.show_state(communes=True, keep=start)
        pending, state.pending_item = state.pending_item, None
        if start is not None and start != state.selected and start in communes.communes:
            display.select(start)  # now, not on the list's message, so the item can be focused
        if self.store.is_loaded(message.province):
            if pending is None or not display.focus_item(pending):
                communes.focus()
        else:
            state.pending_item = pending  # focused once the province's file is read
            communes.focus()

    def province_loaded(self, message: ProvinceLoaded) -> None:
        """Fill the panes that waited for the province's file; warn of damaged values."""
        state = self.state
        if message.province == state.province:
            self.screen.query_one(PanesView).loading = False
            if state.selected is not None and state.view is None:  # its panes waited for the file
                state.view = self.store.commune_view(state.selected)
                self.display.show_state(panes=True)
            pending, state.pending_item = state.pending_item, None
            if pending is not None:
                self.display.focus_item(pending)
        if message.damaged:
            self.screen.notify(damage_notice(message.damaged), severity="warning", timeout=15)

    def failed(self, message: LoadFailed) -> None:
        """Say that the store could not be read."""
        self.screen.query_one(CommuneList).loading = False
        self.screen.notify(message.reason, title=_("Cannot read the store"), severity="error", timeout=30)
