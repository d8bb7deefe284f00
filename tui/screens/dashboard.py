"""The main screen: a province's communes on the left, the four panes of the selected one on the right."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from haicap.store import Commune, Item, Kind, Province, Session, Store
from haicap.store.domain.clock import Calendar
from haicap.store.domain.followup import follow_up
from haicap.store.domain.i18n import _
from haicap.store.domain.models import TRACKED_KINDS
from haicap.store.domain.text import matches
from haicap.tui.actions.export import ReportExport
from haicap.tui.actions.item_actions import ItemActions
from haicap.tui.actions.loading import StoreReader
from haicap.tui.dialogs.import_dialog import READ_ONLY_IMPORT, ImportDialog
from haicap.tui.dialogs.item_detail import ItemDetailDialog
from haicap.tui.dialogs.province_picker import ProvincePickerDialog
from haicap.tui.dialogs.sessions_dialog import ALL_SESSIONS, SessionsDialog
from haicap.tui.link_choices import detail_links
from haicap.tui.messages import (
    CommunesLoaded,
    ItemChanged,
    ItemChangeFailed,
    ItemEditConflict,
    LoadFailed,
    ProvinceLoaded,
    ReportImported,
    StoreChanged,
    StoreRefreshed,
    TrackingImported,
)
from haicap.tui.screens.dashboard_keys import DASHBOARD_BINDINGS, DASHBOARD_EXTRA_KEYS
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
    its `DashboardState` and redraws through `_show_state`, its one path to the widgets. The
    helpers it owns read the store off the UI thread (`StoreReader`), change items
    (`ItemActions`) and export (`ReportExport`); their results come back as messages and
    dialog results, applied here. Store reads for a keypress are in-memory.
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
        """What the dashboard shows; only this screen changes it."""
        self.reader = StoreReader(self, store)
        """Reads the province's communes off the UI thread."""
        self.item_actions = ItemActions(self, store, self.calendar.today)
        """The keys on a pane's item: status, edit, history, kind, delete, add, undo."""
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
            yield PanesView(self._commune_labels, id="main")
        # The footer has room for haicap's own keys on an 80-column terminal only without
        # the "^p palette" entry (ctrl+p still opens the palette); a wider one adds more.
        yield KeyBar(extra=DASHBOARD_EXTRA_KEYS)

    def on_mount(self) -> None:
        self._show_state()
        self.query_one(CommuneList).loading = True
        self.reader.load(self.state.province)
        # Other officers write the same store: a stat a second notices it within 2 s.
        self.set_interval(STORE_POLL_SECONDS, self._poll_store)

    # -- other officers' changes ------------------------------------------------------

    def _poll_store(self) -> None:
        if self.state.province is not None and self.store.changed_on_disk():
            self.reader.refresh(self.state.province)

    @on(StoreRefreshed)
    def _store_refreshed(self, message: StoreRefreshed) -> None:
        state = self.state
        state.summaries = message.summaries
        shown = None
        if state.selected is not None:
            state.view = self.store.commune_view(state.selected)
            # Any item on screen makes every pane keep its cursor (see _fill_panes).
            shown = next((pane.current for pane in self.query(ItemsPane) if pane.current), None)
        self.query_one(CommuneFilter).show_language()
        self._show_state(communes=True, panes=state.selected is not None, changed=shown)
        self.notify(message.notice, timeout=4)
        # Views open over the dashboard (overview, late items, an import's review) show the
        # same store: each gets its own message (a message is handled by one node only).
        for screen in self.app.screen_stack:
            if screen is not self:
                screen.post_message(StoreChanged())

    def show_language(self) -> None:
        """Show everything again in the language now spoken (the app switched it), keeping
        the commune, the filter and each pane's cursor."""
        shown = next((pane.current for pane in self.query(ItemsPane) if pane.current), None)
        self.query_one(CommuneFilter).show_language()
        self._show_state(communes=True, panes=self.state.selected is not None, changed=shown)

    # -- loading ----------------------------------------------------------------------

    @on(CommunesLoaded)
    def _communes_loaded(self, message: CommunesLoaded) -> None:
        state = self.state
        state.province = message.province
        state.summaries = message.summaries
        start = self.store.commune(message.start_code) if message.start_code else None
        if start is None:
            start = next((s.commune for s in state.summaries if s.has_reports), None)
        if state.only_reported and (start is None or not state.has_reports(start)):
            # `r` set on another province would list nothing here (or hide the commune asked for).
            state.only_reported = False
            label = message.province.full_name if start is None else start.label
            self.notify(_("{place} has no reports yet: all communes shown").format(place=label), timeout=4)
        communes = self.query_one(CommuneList)
        communes.loading = False
        self._show_state(communes=True, keep=start)
        pending, state.pending_item = state.pending_item, None
        if start is not None and start != state.selected and start in communes.communes:
            self._select(start)  # now, not on the list's message, so the item can be focused
        if self.store.is_loaded(message.province):
            if pending is None or not self._focus_item(pending):
                communes.focus()
        else:
            state.pending_item = pending  # focused once the province's file is read
            communes.focus()

    @on(ProvinceLoaded)
    def _province_loaded(self, message: ProvinceLoaded) -> None:
        state = self.state
        if message.province == state.province:
            self.query_one(PanesView).loading = False
            if state.selected is not None and state.view is None:  # its panes waited for the file
                state.view = self.store.commune_view(state.selected)
                self._show_state(panes=True)
            pending, state.pending_item = state.pending_item, None
            if pending is not None:
                self._focus_item(pending)
        if message.damaged:
            count = len(message.damaged)
            if count > 1:
                damage = _("The store holds {count} damaged values: {first} (haicap items lists them all)")
            else:
                damage = _("The store holds a damaged value: {first}")
            damage = damage.format(count=count, first=message.damaged[0])
            self.notify(damage, severity="warning", timeout=15)

    @on(LoadFailed)
    def _load_failed(self, message: LoadFailed) -> None:
        self.query_one(CommuneList).loading = False
        self.notify(message.reason, title=_("Cannot read the store"), severity="error", timeout=30)

    def _clear_filter(self) -> None:
        """Empty the filter box before a reload, which lists the communes itself."""
        communes_filter = self.query_one(CommuneFilter)
        # Without its Changed message: arriving after the reload, it would list the
        # communes again and lose the commune the reload selected.
        with communes_filter.prevent(Input.Changed):
            communes_filter.value = ""

    def _reload(self, province: Province, start: Commune | None = None) -> None:
        """Read `province`'s communes again and select `start` (the first commune if None)."""
        self.query_one(CommuneList).loading = True
        self.reader.load(province, start.code if start else None)

    # -- state changes ----------------------------------------------------------------

    def _select(self, commune: Commune | None) -> None:
        """Show `commune`'s items (every pane's cursor back to the top)."""
        state = self.state
        state.selected = commune
        # A province whose file is still being read (StoreReader) shows its panes loading;
        # ProvinceLoaded fills them. Never read it here: this runs on the UI thread.
        ready = commune is not None and self.store.is_loaded(commune.province)
        self.query_one(PanesView).loading = commune is not None and not ready
        state.view = self.store.commune_view(commune) if commune is not None and ready else None
        if state.session is not None and (commune is None or commune.code not in state.session.commune_codes):
            state.session = None  # a session of another commune would leave the panes empty
        self._show_state(panes=True)

    def _narrow(self, session: Session | None) -> None:
        """Narrow the panes to `session`, or show all sessions again (None)."""
        if session == self.state.session:
            return
        self.state.session = session
        self._show_state(panes=True)
        if session is None:
            self.notify(_("All sessions"), timeout=2)

    # -- the one path from the state to the widgets -----------------------------------

    def _show_state(
        self, *, communes: bool = False, keep: Commune | None = None, panes: bool = False, changed: Item | None = None
    ) -> None:
        """Show the state: the header always (filter and `r` change it without touching
        the panes); the commune list when `communes`, highlighting `keep` (else the
        selection); the panes when `panes` or after `changed` (see `_fill_panes`)."""
        state = self.state
        query = self.query_one(CommuneFilter).value
        if communes:
            visible = state.visible(query)
            self.query_one(CommuneList).show(visible, keep=keep or state.selected)
            if not visible:
                self._select(None)
        if panes or changed is not None:
            self._fill_panes(changed)
        self.query_one(DashboardHeader).show(
            state.province,
            state.selected,
            len(state.sessions),
            only_reported=state.only_reported,
            reported_hides_matches=state.selected is None and state.reported_hides_matches(query),
            filter_text=query,
            read_only=self.store.read_only,
            session=state.session,
        )

    def _fill_panes(self, changed: Item | None = None) -> None:
        """Show the selected commune's items (of the narrowed session only, when one is);
        after an edit (`changed`) each pane keeps its cursor (see `PanesView.fill`)."""
        self.query_one(PanesView).fill(
            self.state.items_of, today=self.calendar.today(), rules=self.store.deadline_rules, changed=changed
        )

    def _commune_labels(self, item: Item) -> list[str]:
        """The names of `item`'s communes, for the preview."""
        return [commune.label for commune in self.store.communes_of_item(item)]

    def go_to(self, commune: Commune, item_id: str | None = None) -> None:
        """Show `commune` (loading its province, clearing a filter that hides it) and, given
        `item_id`, focus the pane of that item's kind with the item highlighted.

        The app calls this after popping back to the dashboard.
        """
        state = self.state
        if state.province is None or commune.province != state.province:
            state.selected = None
            state.session = None
            self._clear_filter()
            state.pending_item = item_id
            self._reload(commune.province, commune)
            return
        narrowing_hides_item = False
        if item_id is not None and state.session is not None:
            item = self.store.item(item_id)
            if item is not None and item.session.id != state.session.id:
                state.session = None  # the narrowing would hide the item
                narrowing_hides_item = True
        if not matches(self.query_one(CommuneFilter).value, commune.label):
            self._clear_filter()
        if state.only_reported and not state.has_reports(commune):
            state.only_reported = False
        self._show_state(communes=True, keep=commune, panes=narrowing_hides_item)
        if commune != state.selected:
            self._select(commune)
        if item_id is None or not self._focus_item(item_id):
            self._focus_now(self.query_one(CommuneList))

    def _focus_item(self, item_id: str) -> bool:
        """Focus the pane holding `item_id` with the item highlighted; False when it is not shown."""
        item = self.store.item(item_id)
        if item is None:
            return False
        pane = self.query_one(f"#pane-{item.kind.value}", ItemsPane)
        if not pane.select_item(item_id):
            return False
        self._focus_now(pane)
        return True

    # -- messages from widgets --------------------------------------------------------

    @on(CommuneList.Highlighted)
    def _commune_highlighted(self, message: CommuneList.Highlighted) -> None:
        if message.commune != self.state.selected:
            self._select(message.commune)

    @on(ItemsPane.Highlighted)
    def _item_highlighted(self, message: ItemsPane.Highlighted) -> None:
        if message.pane.has_focus and (message.item is None) != self._focused_pane_empty:
            # The item keys come and go with an item under the cursor (see check_action).
            self._focused_pane_empty = message.item is None
            self.refresh_bindings()

    @on(CommuneList.Chosen)
    def _commune_chosen(self, message: CommuneList.Chosen) -> None:
        panes = list(self.query(ItemsPane))
        self._focus_now(next((pane for pane in panes if pane.items), panes[0]))

    @on(Input.Changed, "#filter")
    def _filter_changed(self, message: Input.Changed) -> None:
        # The list may keep the same commune (no Highlighted message): the header still
        # has to show the new filter, and the panes keep their cursors.
        self._show_state(communes=True)

    @on(CommuneFilter.Done)
    def _filter_done(self) -> None:
        self._focus_now(self.query_one(CommuneList))

    @on(ItemsPane.Chosen)
    def _item_chosen(self, message: ItemsPane.Chosen) -> None:
        item = message.item
        state = follow_up(item, self.calendar.today(), self.store.deadline_rules)
        links = detail_links(self.store, item, self.calendar.today())
        self.app.push_screen(ItemDetailDialog(item, list(self.store.communes_of_item(item)), state, links))

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
        self._show_current(item)

    @on(ItemEditConflict)
    def _item_edit_conflict(self, message: ItemEditConflict) -> None:
        # The store has re-read the file: the panes show the other officer's change at once.
        self._show_current(message.item)
        self.item_actions.resolve_conflict(message)

    @on(ItemChangeFailed)
    def _item_change_failed(self, message: ItemChangeFailed) -> None:
        self.item_actions.failed(message)

    def _show_current(self, item: Item) -> None:
        """Show the selected commune's panes as the store now holds them, cursor on `item`."""
        if self.state.selected is None:
            return
        self.state.view = self.store.commune_view(self.state.selected)
        focused_pane = isinstance(self.focused, ItemsPane)
        self._show_state(changed=item)
        if focused_pane and not item.deleted:
            self._focus_item(item.id)  # follows an item moved to another pane

    # -- actions ----------------------------------------------------------------------

    def _focus_now(self, widget: Widget) -> None:
        # Widget.focus() waits for the next idle moment, so keys already queued behind
        # "/" (a fast typist, or a burst over a slow SSH link) would reach the old widget.
        self.set_focus(widget)

    def action_move_commune(self, step: int) -> None:
        """Select the next (`step`=1) or previous (-1) commune in the list, from anywhere."""
        self.query_one(CommuneList).move(step)

    def action_toggle_reported(self) -> None:
        """Show only communes with reports, or all communes again."""
        self.state.only_reported = not self.state.only_reported
        self._show_state(communes=True)
        self.notify(_("Only communes with reports") if self.state.only_reported else _("All communes"), timeout=2)

    def action_filter(self) -> None:
        """Put the cursor in the filter box."""
        self._focus_now(self.query_one(CommuneFilter))

    def action_focus_list(self) -> None:
        """Put the focus on the commune list."""
        self._focus_now(self.query_one(CommuneList))

    def action_focus_pane(self, number: int) -> None:
        """Focus pane `number` (1 achievements, 2 difficulties, 3 requests, 4 directives);
        with one pane zoomed (`z`), that pane is the one shown."""
        panes = self.query_one(PanesView)
        pane = panes.panes[number - 1]
        panes.zoom_to(pane)
        self._focus_now(pane)

    def action_zoom_pane(self) -> None:
        """Show only the focused pane (else the one focused last) across the panes' room; again: all four."""
        zoomed = self.query_one(PanesView).toggle_zoom()
        if zoomed is not None:
            self._focus_now(zoomed)

    def action_pick_province(self) -> None:
        """Ask for another province and load its communes."""
        counts = self.store.session_counts_by_province()

        def switch(province: Province | None) -> None:
            if province is not None and province != self.state.province:
                self.state.selected = None
                self._clear_filter()
                self._reload(province)

        self.app.push_screen(ProvincePickerDialog(self.store.provinces(), counts, self.state.province), switch)

    def action_pick_session(self) -> None:
        """Narrow the panes to one of the commune's sessions; when narrowed, show all again."""
        state = self.state
        if state.session is not None:
            self._narrow(None)
            return
        view = state.view
        if view is None or not view.sessions:
            self.notify(_("This commune has no session"), severity="warning", timeout=3)
            return
        items = [item for kind in Kind for item in view.of_kind(kind)]

        def chosen(session_id: str | None) -> None:
            if session_id is not None:
                self._narrow(None if session_id == ALL_SESSIONS else self.store.session(session_id))

        self.app.push_screen(SessionsDialog(view.commune, view.sessions, items, state.session), chosen)

    def action_import_report(self) -> None:
        """Ask for a report file, review it, and show what was stored (a viewer is refused at once)."""
        if self.store.read_only:
            # Like the other change keys in a viewer: nothing read, nothing to review first.
            self.notify(_(READ_ONLY_IMPORT), title=_("Nothing changed"), severity="error", timeout=8)
            return
        self.app.push_screen(ImportDialog(self.store, calendar=self.calendar), self._show_imported)

    def _show_imported(self, outcome: ReportImported | TrackingImported | None) -> None:
        """Say what the import stored and show its commune with the new items (a tracking
        table: the panes again, with the agency's answers)."""
        if outcome is None:
            return
        if isinstance(outcome, TrackingImported):
            refused = bool(outcome.plan.refused)
            self.notify(outcome.notice, severity="warning" if refused else "information", timeout=10 if refused else 5)
            if self.state.province is not None:
                shown, self.state.selected = self.state.selected, None  # redrawn, as after a report (below)
                self._reload(self.state.province, shown)
            return
        self.notify(outcome.notice, timeout=8 if outcome.session is not None and outcome.added_to else 5)
        if outcome.session is None:
            return
        start = outcome.communes[0] if outcome.communes else None
        if start is not None and not matches(self.query_one(CommuneFilter).value, start.label):
            self._clear_filter()  # a filter hiding the new commune would hide what was imported
        # Forget the selection: when the new session is about the commune already shown,
        # the reloaded list keeps the same highlight and would otherwise not redraw the panes.
        self.state.selected = None
        self._reload(outcome.session.province, start)

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
