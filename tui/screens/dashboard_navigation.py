"""Going to a commune and an item on the dashboard, from anywhere: a view, a search, a change elsewhere.

`DashboardNavigation` belongs to one `DashboardScreen`: it loads the commune's province
when another one is shown, takes away what would hide the commune or the item (the
filter, `r`, a narrowing to another session) and focuses the item's pane.
"""

from __future__ import annotations

from textual.screen import Screen

from haicap.store import Commune, Store
from haicap.tui.screens.dashboard_display import DashboardDisplay
from haicap.tui.screens.dashboard_loading import DashboardLoading
from haicap.tui.screens.dashboard_state import DashboardState
from haicap.tui.widgets.commune_list import CommuneList

__all__ = ["DashboardNavigation"]


class DashboardNavigation:
    """Shows a commune, and an item of it, on the dashboard (`screen`)."""

    def __init__(
        self, screen: Screen[None], store: Store, state: DashboardState, display: DashboardDisplay, loading: DashboardLoading
    ) -> None:
        self.screen = screen
        """The dashboard: its commune list is focused when no item is asked for."""
        self.store = store
        """The store the item is looked up in (in memory)."""
        self.state = state
        """What the dashboard shows; what would hide the commune or the item is taken out of it."""
        self.display = display
        """Shows the commune and focuses the item."""
        self.loading = loading
        """Reads another province when the commune is in one."""

    def go_to(self, commune: Commune, item_id: str | None = None) -> None:
        """Show `commune` (loading its province, clearing a filter that hides it) and, given
        `item_id`, focus the pane of that item's kind with the item highlighted."""
        state, display = self.state, self.display
        if state.province is None or commune.province != state.province:
            state.selected = None
            state.session = None
            display.clear_filter()
            state.pending_item = item_id
            self.loading.reload(commune.province, commune)
            return
        narrowing_hides_item = False
        if item_id is not None and state.session is not None:
            item = self.store.item(item_id)
            if item is not None and item.session.id != state.session.id:
                state.session = None  # the narrowing would hide the item
                narrowing_hides_item = True
        if not display.matches_filter(commune):
            display.clear_filter()
        if state.only_reported and not state.has_reports(commune):
            state.only_reported = False
        display.show_state(communes=True, keep=commune, panes=narrowing_hides_item)
        if commune != state.selected:
            display.select(commune)
        if item_id is None or not display.focus_item(item_id):
            display.focus_now(self.screen.query_one(CommuneList))
