"""The main screen: a province's communes on the left, the four panes of the selected one on the right."""

from __future__ import annotations

import datetime as dt
import threading
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Footer, Input

from haicap.store import Commune, CommuneReport, CommuneSummary, Item, Kind, Province, Session, Store, StoreError
from haicap.store.domain.clock import today as clock_today
from haicap.store.domain.followup import follow_up
from haicap.store.domain.history import current_user
from haicap.store.domain.text import matches
from haicap.tui.dialogs.item_detail import ItemDetailDialog
from haicap.tui.dialogs.province_picker import ProvincePickerDialog
from haicap.tui.literal import literal
from haicap.tui.messages import CommunesLoaded, LoadFailed, StoreChanged
from haicap.tui.screens.item_actions import ItemActionsScreen
from haicap.tui.screens.report_export import ReportExportScreen
from haicap.tui.screens.report_import import ReportImportScreen
from haicap.tui.widgets.commune_filter import CommuneFilter
from haicap.tui.widgets.commune_list import CommuneList
from haicap.tui.widgets.dashboard_header import DashboardHeader
from haicap.tui.widgets.items_pane import ItemsPane

__all__ = ["STORE_POLL_SECONDS", "DashboardScreen"]

STORE_POLL_SECONDS = 1.0
"""How often the dashboard checks whether another process wrote the store."""


class DashboardScreen(ItemActionsScreen, ReportImportScreen, ReportExportScreen):
    """Owns the dashboard's state (province, communes, selection, filters) and hands it down.

    Widgets report what the user did with messages; this screen decides what changes
    and tells each widget what to show. Store reads for a keypress are in-memory; the
    first load (which may seed a new store) runs in a worker.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n,right_square_bracket",
            "move_commune(1)",
            "Next",
            key_display="n",
            tooltip="Next commune (also ]; p or [ goes back)",
        ),
        # Not in the footer: "n Next" suggests it, and 80 columns are needed for a pane's "s Status".
        Binding(
            "p,left_square_bracket", "move_commune(-1)", "Prev", key_display="p", show=False, tooltip="Previous commune (also [)"
        ),
        Binding("r", "toggle_reported", "Reported", tooltip="Show only communes with reports, or all"),
        # Priority: the App resolves it before forwarding the keys typed after it, so a
        # burst like "/kim tan" (fast typing, a slow SSH link) lands whole in the filter.
        Binding(
            "slash",
            "filter",
            "Filter",
            key_display="/",
            priority=True,
            tooltip="Filter communes by name, diacritics optional",
        ),
        Binding("1", "focus_pane(1)", "Kết quả", show=False, tooltip="Focus the achievements pane"),
        Binding("2", "focus_pane(2)", "Khó khăn", show=False, tooltip="Focus the difficulties pane"),
        Binding("3", "focus_pane(3)", "Kiến nghị", show=False, tooltip="Focus the requests pane"),
        Binding("4", "focus_pane(4)", "Chỉ đạo", show=False, tooltip="Focus the directives pane"),
        Binding("0", "focus_list", "Communes", show=False, tooltip="Focus the commune list"),
        Binding("T", "pick_province", "Province", key_display="T", tooltip="Choose another province"),
        Binding("i", "import_report", "Import", tooltip="Import a report: .docx .pdf .doc .txt .md .yaml .json"),
        Binding("x", "export", "Export", show=False, tooltip="Export to Word, Excel, Markdown or CSV"),
        Binding("t", "pick_session", "Sessions", show=False, tooltip="Narrow the panes to one session; t again shows all"),
        Binding("u", "undo_delete", "Undo", show=False, tooltip="Bring back the last item deleted in this run"),
    ]
    """The dashboard's keys; the help dialog lists them from here."""

    def __init__(self, store: Store, province: Province | None = None) -> None:
        super().__init__()
        self.store = store
        """The store this dashboard reads."""
        self.province: Province | None = province
        """The province shown; None until the first load picks the default."""
        self.only_reported = False
        """Whether the list shows only communes with reports (`r`)."""
        self._summaries: list[CommuneSummary] = []
        self._selected: Commune | None = None
        self._report: CommuneReport | None = None
        self._pending_item: str | None = None
        """The item to focus once a reload started by `go_to` has listed its province."""
        self._damage_checked = False
        """Whether the store was looked over for damaged values (once: it reads every record)."""
        self._session: Session | None = None
        """The session the panes are narrowed to (`t`), or None for all."""
        self._deleted: list[str] = []
        """Ids of the items deleted in this run, the last one last (`u` restores it)."""
        self._write_lock = threading.Lock()
        """Keeps two editing workers from writing the store at the same time."""

    # -- layout -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield DashboardHeader(id="header")
        with Horizontal(id="body"):
            with Vertical(id="sidebar"):
                yield CommuneFilter(id="filter")
                yield CommuneList(id="communes")
            with Grid(id="panes"):
                for number, kind in enumerate(Kind, start=1):
                    yield ItemsPane(kind, number, id=f"pane-{kind.value}")
        # The footer has room for haicap's own keys on an 80-column terminal only without
        # the "^p palette" entry; ctrl+p still opens the palette.
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        try:
            clock_today()
        except StoreError as error:
            self.notify(f"{error}; using the real date", title="Today", severity="error", timeout=30)
        self.query_one(DashboardHeader).show(self.province, None, 0, read_only=self.store.read_only)
        self.query_one(CommuneList).loading = True
        self.load_province(self.province)
        # Other officers write the same store: a stat a second notices it within 2 s.
        self.set_interval(STORE_POLL_SECONDS, self._poll_store)

    # -- other officers' changes ------------------------------------------------------

    def _poll_store(self) -> None:
        if self.province is not None and self.store.changed_on_disk():
            self.reload_changed_store(self.province)

    @work(thread=True, exclusive=True, group="refresh", exit_on_error=False)
    def reload_changed_store(self, province: Province) -> None:
        """Re-read the store another process wrote, off the UI thread, and post what changed."""
        try:
            self.store.refresh()
            change = self.store.last_change()
        except StoreError as error:
            self.post_message(LoadFailed(str(error)))
            return
        notice = "Kho vừa được cập nhật / the store was updated"
        if change is not None and change.who != current_user():
            notice += f" — {change.who}: {change.field} {change.old or '—'} → {change.new or '—'}"
        self.post_message(StoreChanged(self.store.commune_summaries(province), notice))

    @on(StoreChanged)
    def _store_changed(self, message: StoreChanged) -> None:
        self._summaries = message.summaries
        self._refresh_list(keep=self._selected)
        if self._selected is not None:
            self._report = self.store.report(self._selected)
            # Any item on screen makes every pane keep its cursor (see _fill_panes).
            shown = next((pane.current for pane in self.query(ItemsPane) if pane.current), None)
            self._fill_panes(changed=shown)
        self._update_header()
        self.notify(message.notice, timeout=4)
        # Views open over the dashboard (overview, late items) show the same store.
        for screen in self.app.screen_stack:
            if screen is not self and callable(getattr(screen, "store_changed", None)):
                screen.store_changed()

    # -- loading ----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load_province(self, province: Province | None, start_code: str | None = None) -> None:
        """Read a province's communes, off the UI thread. (Seeds are never loaded here: the
        command line seeds the default store on first use; see `tui.cli.main`.)

        The list starts on `start_code` when given, else on the newest session's first commune.
        """
        try:
            chosen = province or self.store.default_province()
            latest = self.store.latest_session()
            start = start_code
            if start is None and latest is not None and latest.province == chosen:
                start = latest.commune_codes[0]
            damaged = () if self._damage_checked else tuple(self.store.damaged_values())
            self._damage_checked = True
            self.post_message(CommunesLoaded(chosen, self.store.commune_summaries(chosen), start, damaged))
        except StoreError as error:
            self.post_message(LoadFailed(str(error)))

    @on(CommunesLoaded)
    def _communes_loaded(self, message: CommunesLoaded) -> None:
        self.province = message.province
        self._summaries = message.summaries
        start = self.store.commune(message.start_code) if message.start_code else None
        if start is None:
            start = next((s.commune for s in self._summaries if s.has_reports), None)
        communes = self.query_one(CommuneList)
        communes.loading = False
        self._refresh_list(keep=start)
        pending, self._pending_item = self._pending_item, None
        if start is not None and start != self._selected and start in communes.communes:
            self._show_commune(start)  # now, not on the list's message, so the item can be focused
        if pending is None or not self._focus_item(pending):
            communes.focus()
        if message.damaged:
            count, more = len(message.damaged), " (haicap items lists them all)" if len(message.damaged) > 1 else ""
            damage = f"Kho có {count} giá trị hỏng / the store holds {count} damaged value(s): {message.damaged[0]}"
            self.notify(damage + more, severity="warning", timeout=15)

    @on(LoadFailed)
    def _load_failed(self, message: LoadFailed) -> None:
        self.query_one(CommuneList).loading = False
        self.notify(message.reason, title="Cannot read the store", severity="error", timeout=30)

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
        self.load_province(province, start.code if start else None)

    # -- state changes ----------------------------------------------------------------

    def _visible_summaries(self) -> list[CommuneSummary]:
        query = self.query_one(CommuneFilter).value
        return [s for s in self._summaries if (s.has_reports or not self.only_reported) and matches(query, s.commune.label)]

    def _refresh_list(self, keep: Commune | None = None) -> None:
        visible = self._visible_summaries()
        self.query_one(CommuneList).show(visible, keep=keep or self._selected)
        if not visible:
            self._show_commune(None)

    def _show_commune(self, commune: Commune | None) -> None:
        """Fill the panes with `commune`'s items (resetting their cursors) and update the header."""
        self._selected = commune
        self._report = self.store.report(commune) if commune else None
        if self._session is not None and (commune is None or commune.code not in self._session.commune_codes):
            self._session = None  # a session of another commune would leave the panes empty
        self._fill_panes()
        self._update_header()

    def _today(self) -> dt.date:
        """Today for deadlines (HAICAP_TODAY when set), read at each redraw."""
        try:
            return clock_today()
        except StoreError:
            return dt.date.today()  # reported once, when the screen was mounted

    def _fill_panes(self, changed: Item | None = None) -> None:
        """Show the selected commune's items (of the narrowed session only, when one is).

        Without `changed` every cursor goes to the top; with it (after an edit) each pane
        keeps its cursor on the item it was on, or where it was if that item left, and
        the changed item's pane highlights it.
        """
        today, rules = self._today(), self.store.deadline_rules
        for pane in self.query(ItemsPane):
            items = self._report.of_kind(pane.kind) if self._report else ()
            if self._session is not None:
                items = tuple(item for item in items if item.session.id == self._session.id)
            keep = None
            if changed is not None:
                current = pane.current
                keep = changed.id if changed.kind is pane.kind and not changed.deleted else (current.id if current else None)
            pane.show(items, today=today, rules=rules, keep=keep)

    def _update_header(self) -> None:
        """Redraw the header alone: filter and `r` change it without touching the panes."""
        header = self.query_one(DashboardHeader)
        header.show(
            self.province,
            self._selected,
            len(self._report.sessions) if self._report else 0,
            only_reported=self.only_reported,
            filter_text=self.query_one(CommuneFilter).value,
            read_only=self.store.read_only,
        )
        if self._session is not None:
            shown = header.content if isinstance(header.content, Content) else Content(str(header.content))
            header.update(
                Content.assemble(shown, literal(" │ ", ""), literal(f"◆ phiên {self._session.date:%d/%m/%Y}", "bold $accent"))
            )

    @property
    def selected(self) -> Commune | None:
        """The commune whose panes are shown."""
        return self._selected

    def go_to(self, commune: Commune, item_id: str | None = None) -> None:
        """Show `commune` (loading its province, clearing a filter that hides it) and, given
        `item_id`, focus the pane of that item's kind with the item highlighted.

        Other screens call this after popping back to the dashboard.
        """
        if self.province is None or commune.province != self.province:
            self._selected = None
            self._session = None
            self._clear_filter()
            self._pending_item = item_id
            self._reload(commune.province, commune)
            return
        if item_id is not None and self._session is not None:
            item = self.store.item(item_id)
            if item is not None and item.session.id != self._session.id:
                self._session = None  # the narrowing would hide the item
                self._fill_panes()
        if not matches(self.query_one(CommuneFilter).value, commune.label):
            self._clear_filter()
        if self.only_reported and not any(s.commune == commune and s.has_reports for s in self._summaries):
            self.only_reported = False
        self._refresh_list(keep=commune)
        if commune != self._selected:
            self._show_commune(commune)
        self._update_header()
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
        if message.commune != self._selected:
            self._show_commune(message.commune)

    @on(CommuneList.Chosen)
    def _commune_chosen(self, message: CommuneList.Chosen) -> None:
        panes = list(self.query(ItemsPane))
        self._focus_now(next((pane for pane in panes if pane.items), panes[0]))

    @on(Input.Changed, "#filter")
    def _filter_changed(self, message: Input.Changed) -> None:
        self._refresh_list()
        # The list may keep the same commune (no Highlighted message): the header still
        # has to show the new filter, and the panes keep their cursors.
        self._update_header()

    @on(CommuneFilter.Done)
    def _filter_done(self) -> None:
        self._focus_now(self.query_one(CommuneList))

    @on(ItemsPane.Chosen)
    def _item_chosen(self, message: ItemsPane.Chosen) -> None:
        item = message.item
        communes = [self.store.commune(code) for code in item.commune_codes]
        state = follow_up(item, self._today(), self.store.deadline_rules)
        self.app.push_screen(ItemDetailDialog(item, [c for c in communes if c], state))

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
        self.only_reported = not self.only_reported
        self._refresh_list()
        self._update_header()
        state = "chỉ xã có báo cáo / only communes with reports" if self.only_reported else "tất cả xã / all communes"
        self.notify(state, timeout=2)

    def action_filter(self) -> None:
        """Put the cursor in the filter box."""
        self._focus_now(self.query_one(CommuneFilter))

    def action_focus_list(self) -> None:
        """Put the focus on the commune list."""
        self._focus_now(self.query_one(CommuneList))

    def action_focus_pane(self, number: int) -> None:
        """Focus pane `number` (1 achievements, 2 difficulties, 3 requests, 4 directives)."""
        self._focus_now(self.query(ItemsPane)[number - 1])

    def action_pick_province(self) -> None:
        """Ask for another province and load its communes."""
        counts = self.store.session_counts_by_province()

        def switch(province: Province | None) -> None:
            if province is not None and province != self.province:
                self._selected = None
                self._clear_filter()
                self._reload(province)

        self.app.push_screen(ProvincePickerDialog(self.store.provinces(), counts, self.province), switch)
