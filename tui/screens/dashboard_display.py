"""The dashboard's one path from its state to its widgets, and where its focus goes.

`DashboardDisplay` belongs to one `DashboardScreen`: it shows the `DashboardState` in the
header, the commune list and the panes, selects a commune or narrows the panes to a
session (a state change and its redraw, always together), and focuses a widget or an
item's pane. The screen and its other parts change what is shown only through it.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from haicap.store import Commune, Item, Session, Store
from haicap.store.domain.clock import Calendar
from haicap.store.domain.i18n import _
from haicap.store.domain.text import matches
from haicap.tui.screens.dashboard_state import DashboardState
from haicap.tui.widgets.commune_filter import CommuneFilter
from haicap.tui.widgets.commune_list import CommuneList
from haicap.tui.widgets.dashboard_header import DashboardHeader
from haicap.tui.widgets.items_pane import ItemsPane
from haicap.tui.widgets.panes_view import PanesView

__all__ = ["DashboardDisplay"]


class DashboardDisplay:
    """Shows the dashboard's state on its widgets (`screen`'s) and moves its focus."""

    def __init__(self, screen: Screen[None], store: Store, state: DashboardState, calendar: Calendar) -> None:
        self.screen = screen
        """The dashboard whose widgets are shown and focused."""
        self.store = store
        """The store the selected commune's items are read from (in memory)."""
        self.state = state
        """What is shown; `select` and `narrow` change it before showing it."""
        self.calendar = calendar
        """Which day the panes' deadlines are measured against."""

    # -- state changes ----------------------------------------------------------------

    def select(self, commune: Commune | None) -> None:
        """Show `commune`'s items (every pane's cursor back to the top)."""
        state = self.state
        state.selected = commune
        # A province whose file is still being read (StoreReader) shows its panes loading;
        # ProvinceLoaded fills them. Never read it here: this runs on the UI thread.
        ready = commune is not None and self.store.is_loaded(commune.province)
        self.screen.query_one(PanesView).loading = commune is not None and not ready
        state.view = self.store.commune_view(commune) if commune is not None and ready else None
        if state.session is not None and (commune is None or commune.code not in state.session.commune_codes):
            state.session = None  # a session of another commune would leave the panes empty
        self.show_state(panes=True)

    def narrow(self, session: Session | None) -> None:
        """Narrow the panes to `session`, or show all sessions again (None)."""
        if session == self.state.session:
            return
        self.state.session = session
        self.show_state(panes=True)
        if session is None:
            self.screen.notify(_("All sessions"), timeout=2)

    # -- the one path from the state to the widgets -----------------------------------

    def show_state(
        self, *, communes: bool = False, keep: Commune | None = None, panes: bool = False, changed: Item | None = None
    ) -> None:
        """Show the state: the header always (filter and `r` change it without touching
        the panes); the commune list when `communes`, highlighting `keep` (else the
        selection); the panes when `panes` or after `changed` (see `fill_panes`)."""
        state, screen = self.state, self.screen
        query = screen.query_one(CommuneFilter).value
        if communes:
            visible = state.visible(query)
            screen.query_one(CommuneList).show(visible, keep=keep or state.selected)
            if not visible:
                self.select(None)
        if panes or changed is not None:
            self.fill_panes(changed)
        screen.query_one(DashboardHeader).show(
            state.province,
            state.selected,
            len(state.sessions),
            only_reported=state.only_reported,
            reported_hides_matches=state.selected is None and state.reported_hides_matches(query),
            filter_text=query,
            read_only=self.store.read_only,
            session=state.session,
        )

    def fill_panes(self, changed: Item | None = None) -> None:
        """Show the selected commune's items (of the narrowed session only, when one is);
        after an edit (`changed`) each pane keeps its cursor (see `PanesView.fill`)."""
        self.screen.query_one(PanesView).fill(
            self.state.items_of, today=self.calendar.today(), rules=self.store.deadline_rules, changed=changed
        )

    def item_on_screen(self) -> Item | None:
        """The item under the cursor of the first pane that has one, or None."""
        return next((pane.current for pane in self.screen.query(ItemsPane) if pane.current), None)

    def show_again(self, shown: Item | None) -> None:
        """Show the list and the panes again (the store was re-read, or the language changed),
        keeping the commune and the filter; given `shown`, an item on screen, every pane
        keeps its cursor (see fill_panes)."""
        self.screen.query_one(CommuneFilter).show_language()
        self.show_state(communes=True, panes=self.state.selected is not None, changed=shown)

    def show_current(self, item: Item) -> None:
        """Show the selected commune's panes as the store now holds them, cursor on `item`."""
        if self.state.selected is None:
            return
        self.state.view = self.store.commune_view(self.state.selected)
        focused_pane = isinstance(self.screen.focused, ItemsPane)
        self.show_state(changed=item)
        if focused_pane and not item.deleted:
            self.focus_item(item.id)  # follows an item moved to another pane

    def commune_labels(self, item: Item) -> list[str]:
        """The names of `item`'s communes, for the preview."""
        return [commune.label for commune in self.store.communes_of_item(item)]

    def matches_filter(self, commune: Commune) -> bool:
        """Whether the filter box lets `commune` be listed."""
        return matches(self.screen.query_one(CommuneFilter).value, commune.label)

    def clear_filter(self) -> None:
        """Empty the filter box before a reload, which lists the communes itself."""
        communes_filter = self.screen.query_one(CommuneFilter)
        # Without its Changed message: arriving after the reload, it would list the
        # communes again and lose the commune the reload selected.
        with communes_filter.prevent(Input.Changed):
            communes_filter.value = ""

    # -- focus ------------------------------------------------------------------------

    def focus_now(self, widget: Widget) -> None:
        """Focus `widget` at once."""
        # Widget.focus() waits for the next idle moment, so keys already queued behind
        # "/" (a fast typist, or a burst over a slow SSH link) would reach the old widget.
        self.screen.set_focus(widget)

    def focus_item(self, item_id: str) -> bool:
        """Focus the pane holding `item_id` with the item highlighted; False when it is not shown."""
        item = self.store.item(item_id)
        if item is None:
            return False
        pane = self.screen.query_one(f"#pane-{item.kind.value}", ItemsPane)
        if not pane.select_item(item_id):
            return False
        self.focus_now(pane)
        return True
