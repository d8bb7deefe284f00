"""The main screen: a province's communes on the left, the four panes of the selected one on the right."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input

from haicap.store import Commune, Kind, Province, Store
from haicap.store.domain.clock import Calendar
from haicap.store.domain.i18n import _
from haicap.store.domain.models import TRACKED_KINDS
from haicap.tui.actions.export import ReportExport
from haicap.tui.actions.importing import ReportImporting
from haicap.tui.actions.item_actions import ItemActions
from haicap.tui.actions.loading import StoreReader
from haicap.tui.dialogs.province_picker import ProvincePickerDialog
from haicap.tui.dialogs.sessions_dialog import ALL_SESSIONS, SessionsDialog
from haicap.tui.messages import (
    CommunesLoaded,
    ItemChanged,
    ItemChangeFailed,
    ItemEditConflict,
    LoadFailed,
    ProvinceLoaded,
    StoreRefreshed,
)
from haicap.tui.screens.dashboard_display import DashboardDisplay
from haicap.tui.screens.dashboard_keys import DASHBOARD_BINDINGS, DASHBOARD_EXTRA_KEYS
from haicap.tui.screens.dashboard_loading import DashboardLoading
from haicap.tui.screens.dashboard_navigation import DashboardNavigation
from haicap.tui.screens.dashboard_state import DashboardState
from haicap.tui.widgets.commune_filter import CommuneFilter
from haicap.tui.widgets.commune_list import CommuneList
from haicap.tui.widgets.dashboard_header import DashboardHeader
from haicap.tui.widgets.items_pane import ItemsPane
from haicap.tui.widgets.key_bar import KeyBar
from haicap.tui.widgets.panes_view import PanesView

__all__ = ["STORE_POLL_SECONDS", "DashboardScreen"]

STORE_POLL_SECONDS = 1.0
"""How often the dashboard checks whether another process wrote the store."""

_ITEM_ACTIONS = frozenset({"set_status", "edit_item", "item_history", "change_kind", "delete_item", "add_item"})
"""The screen's actions that ItemsPane binds: they act on the focused pane's item."""


class DashboardScreen(Screen[None]):
    """Owns the dashboard's state (province, communes, selection, filters) and hands it down.

    Widgets report what the user did with messages; this screen decides what changes in
    its `DashboardState` and redraws through its `DashboardDisplay`, the one path to the
    widgets. It is made of parts it owns: `DashboardLoading` reads the province off the UI
    thread (`StoreReader`) and shows what was read, `DashboardNavigation` goes to a commune
    and an item. The helpers of `tui.actions` change items (`ItemActions`), import
    (`ReportImporting`) and export (`ReportExport`); their results come back as messages
    and dialog results, applied here. Store reads for a keypress are in-memory.
    """

    BINDINGS: ClassVar[list[BindingType]] = DASHBOARD_BINDINGS
    """The dashboard's keys; the help dialog lists them from here."""

    def __init__(self, store: Store, province: Province | None = None, *, calendar: Calendar | None = None) -> None:
        super().__init__()
        self.store = store
        """The store this dashboard reads."""
        self.calendar = calendar or Calendar()
        """Which day deadlines are measured against."""
        self.state = DashboardState(province=province)
        """What the dashboard shows; only this screen and its parts (showing, loader, navigation) change it."""
        self.reader = StoreReader(self, store)
        """Reads the province's communes off the UI thread."""
        self.showing = DashboardDisplay(self, store, self.state, self.calendar)
        """Shows the state on the widgets, selects, narrows and focuses."""
        self.loader = DashboardLoading(self, store, self.state, self.showing, self.reader)
        """Starts the reads and shows what they read."""
        self.navigation = DashboardNavigation(self, store, self.state, self.showing, self.loader)
        """Goes to a commune and an item (`go_to`)."""
        self.item_actions = ItemActions(self, store, self.calendar.today)
        """The keys on a pane's item: detail, status, edit, history, kind, delete, add, undo."""
        self.importing = ReportImporting(self, store, self.calendar, self.state, self.loader.reopen)
        """`i`: a report or a tracking table into the store, then shown."""
        self.exports = ReportExport(self, store)
        """`x`: the commune or its session to a file."""
        self._focused_pane_empty = False
        """Whether the focused pane had no item under its cursor (its item keys were off)."""

    @property
    def province(self) -> Province | None:
        """The province shown; None until the first load picks the default."""
        return self.state.province

    @property
    def selected(self) -> Commune | None:
        """The commune whose panes are shown."""
        return self.state.selected

    @property
    def only_reported(self) -> bool:
        """Whether the list shows only communes with reports (`r`)."""
        return self.state.only_reported

    # -- layout -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield DashboardHeader(id="header")
        with Horizontal(id="body"):
            with Vertical(id="sidebar"):
                yield CommuneFilter(id="filter")
                yield CommuneList(id="communes")
            yield PanesView(self.showing.commune_labels, id="main")
        # The footer has room for haicap's own keys on an 80-column terminal only without
        # the "^p palette" entry (ctrl+p still opens the palette); a wider one adds more.
        yield KeyBar(extra=DASHBOARD_EXTRA_KEYS)

    def on_mount(self) -> None:
        self.showing.show_state()
        self.query_one(CommuneList).loading = True
        self.reader.load(self.state.province)
        # Other officers write the same store: a stat a second notices it within 2 s.
        self.set_interval(STORE_POLL_SECONDS, self.loader.poll)

    # -- what the reader read ---------------------------------------------------------

    @on(StoreRefreshed)
    def _store_refreshed(self, message: StoreRefreshed) -> None:
        self.loader.refreshed(message)

    @on(CommunesLoaded)
    def _communes_loaded(self, message: CommunesLoaded) -> None:
        self.loader.communes_loaded(message)

    @on(ProvinceLoaded)
    def _province_loaded(self, message: ProvinceLoaded) -> None:
        self.loader.province_loaded(message)

    @on(LoadFailed)
    def _load_failed(self, message: LoadFailed) -> None:
        self.loader.failed(message)

    def show_language(self) -> None:
        """Show everything again in the language now spoken (the app switched it), keeping
        the commune, the filter and each pane's cursor."""
        self.showing.show_again(self.showing.item_on_screen())

    def go_to(self, commune: Commune, item_id: str | None = None) -> None:
        """Show `commune` (loading its province, clearing a filter that hides it) and, given
        `item_id`, focus the pane of that item's kind with the item highlighted.

        The app calls this after popping back to the dashboard.
        """
        self.navigation.go_to(commune, item_id)

    # -- messages from widgets --------------------------------------------------------

    @on(CommuneList.Highlighted)
    def _commune_highlighted(self, message: CommuneList.Highlighted) -> None:
        if message.commune != self.state.selected:
            self.showing.select(message.commune)

    @on(ItemsPane.Highlighted)
    def _item_highlighted(self, message: ItemsPane.Highlighted) -> None:
        if message.pane.has_focus and (message.item is None) != self._focused_pane_empty:
            # The item keys come and go with an item under the cursor (see check_action).
            self._focused_pane_empty = message.item is None
            self.refresh_bindings()

    @on(CommuneList.Chosen)
    def _commune_chosen(self, message: CommuneList.Chosen) -> None:
        panes = list(self.query(ItemsPane))
        self.showing.focus_now(next((pane for pane in panes if pane.items), panes[0]))

    @on(Input.Changed, "#filter")
    def _filter_changed(self, message: Input.Changed) -> None:
        # The list may keep the same commune (no Highlighted message): the header still
        # has to show the new filter, and the panes keep their cursors.
        self.showing.show_state(communes=True)

    @on(CommuneFilter.Done)
    def _filter_done(self) -> None:
        self.showing.focus_now(self.query_one(CommuneList))

    @on(ItemsPane.Chosen)
    def _item_chosen(self, message: ItemsPane.Chosen) -> None:
        self.item_actions.show_detail(message.item)

    # -- outcomes of the item actions -------------------------------------------------

    @on(ItemChanged)
    def _item_changed(self, message: ItemChanged) -> None:
        item, selected = message.item, self.state.selected
        if message.deleted:
            self.state.deleted.append(item.id)
        self.notify(message.notice, timeout=4)
        if message.reveal and (selected is None or selected.code not in item.commune_codes):
            commune = self.store.commune(item.commune_codes[0]) if item.commune_codes else None
            if commune is not None:
                self.go_to(commune, item.id)
            return
        self.showing.show_current(item)

    @on(ItemEditConflict)
    def _item_edit_conflict(self, message: ItemEditConflict) -> None:
        # The store has re-read the file: the panes show the other officer's change at once.
        self.showing.show_current(message.item)
        self.item_actions.resolve_conflict(message)

    @on(ItemChangeFailed)
    def _item_change_failed(self, message: ItemChangeFailed) -> None:
        self.item_actions.failed(message)

    # -- actions ----------------------------------------------------------------------

    def action_move_commune(self, step: int) -> None:
        """Select the next (`step`=1) or previous (-1) commune in the list, from anywhere."""
        self.query_one(CommuneList).move(step)

    def action_toggle_reported(self) -> None:
        """Show only communes with reports, or all communes again."""
        self.state.only_reported = not self.state.only_reported
        self.showing.show_state(communes=True)
        self.notify(_("Only communes with reports") if self.state.only_reported else _("All communes"), timeout=2)

    def action_filter(self) -> None:
        """Put the cursor in the filter box."""
        self.showing.focus_now(self.query_one(CommuneFilter))

    def action_focus_list(self) -> None:
        """Put the focus on the commune list."""
        self.showing.focus_now(self.query_one(CommuneList))

    def action_focus_pane(self, number: int) -> None:
        """Focus pane `number` (1 achievements, 2 difficulties, 3 requests, 4 directives);
        with one pane zoomed (`z`), that pane is the one shown."""
        panes = self.query_one(PanesView)
        pane = panes.panes[number - 1]
        panes.zoom_to(pane)
        self.showing.focus_now(pane)

    def action_zoom_pane(self) -> None:
        """Show only the focused pane (else the one focused last) across the panes' room; again: all four."""
        zoomed = self.query_one(PanesView).toggle_zoom()
        if zoomed is not None:
            self.showing.focus_now(zoomed)

    def action_pick_province(self) -> None:
        """Ask for another province and load its communes."""
        counts = self.store.session_counts_by_province()

        def switch(province: Province | None) -> None:
            if province is not None and province != self.state.province:
                self.state.selected = None
                self.showing.clear_filter()
                self.loader.reload(province)

        self.app.push_screen(ProvincePickerDialog(self.store.provinces(), counts, self.state.province), switch)

    def action_pick_session(self) -> None:
        """Narrow the panes to one of the commune's sessions; when narrowed, show all again."""
        state = self.state
        if state.session is not None:
            self.showing.narrow(None)
            return
        view = state.view
        if view is None or not view.sessions:
            self.notify(_("This commune has no session"), severity="warning", timeout=3)
            return
        items = [item for kind in Kind for item in view.of_kind(kind)]

        def chosen(session_id: str | None) -> None:
            if session_id is not None:
                self.showing.narrow(None if session_id == ALL_SESSIONS else self.store.session(session_id))

        self.app.push_screen(SessionsDialog(view.commune, view.sessions, items, state.session), chosen)

    def action_import_report(self) -> None:
        """Ask for a report file, review it, and show what was stored (a viewer is refused at once)."""
        self.importing.choose()

    def action_export(self) -> None:
        """Export the selected commune (or its session) to a Word, Excel, Markdown or CSV file."""
        commune, session = self.state.selected, self.state.current_session
        if commune is None or session is None:
            self.notify(_("This commune has no session to export"), severity="warning", timeout=4)
            return
        self.exports.choose(commune, session, len(self.state.sessions), self.calendar.today())

    # -- the keys on a pane's item (bound by ItemsPane, run here) ---------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer (in the footer, and to the keys) only the item keys that apply where the focus is:
        no `s` on achievements and difficulties, no item key on an empty pane."""
        if action in _ITEM_ACTIONS:
            focused = self.focused
            if not isinstance(focused, ItemsPane) or focused.current is None:
                return action == "add_item" and isinstance(focused, ItemsPane)
            return action != "set_status" or focused.kind in TRACKED_KINDS
        return True

    def action_set_status(self) -> None:
        """Choose the status of the request or directive under the cursor."""
        self.item_actions.set_status()

    def action_edit_item(self) -> None:
        """Edit the text (and follow-up fields) of the item under the cursor."""
        self.item_actions.edit()

    def action_item_history(self) -> None:
        """Show who changed the item under the cursor, when, and how."""
        self.item_actions.history()

    def action_change_kind(self) -> None:
        """Move the item under the cursor to another pane."""
        self.item_actions.change_kind()

    def action_delete_item(self) -> None:
        """Delete the item under the cursor; `u` brings it back."""
        self.item_actions.delete()

    def action_undo_delete(self) -> None:
        """Restore the last item deleted in this run."""
        if not self.state.deleted:
            self.notify(_("Nothing deleted to bring back"), severity="warning", timeout=3)
            return
        self.item_actions.restore(self.state.deleted.pop())

    def action_add_item(self) -> None:
        """Add an item of the focused pane's kind to the selected commune's session."""
        pane = self.focused if isinstance(self.focused, ItemsPane) else None
        commune = self.state.selected
        if pane is None or commune is None:
            return
        session = self.state.current_session
        if session is None:
            self.notify(
                _("{commune} has no session to add to").format(commune=commune.label),
                severity="warning",
                timeout=5,
            )
            return
        self.item_actions.add(pane.kind, commune, session)
