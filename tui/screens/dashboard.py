"""The main screen: a province's communes on the left, the four panes of the selected one on the right."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input

from store import Commune, CommuneReport, CommuneSummary, Kind, Province, Store, StoreError
from store.importer import ImportPlan
from store.text import matches

from ..dialogs.import_dialog import ImportDialog
from ..dialogs.item_detail import ItemDetailDialog
from ..dialogs.province_picker import ProvincePickerDialog
from ..messages import CommunesLoaded, ImportFailed, LoadFailed, ReportImported
from ..widgets.commune_filter import CommuneFilter
from ..widgets.commune_list import CommuneList
from ..widgets.dashboard_header import DashboardHeader
from ..widgets.items_pane import ItemsPane

__all__ = ["DashboardScreen"]


class DashboardScreen(Screen[None]):
    """Owns the dashboard's state (province, communes, selection, filters) and hands it down.

    Widgets report what the user did with messages; this screen decides what changes
    and tells each widget what to show. Store reads for a keypress are in-memory; the
    first load (which may seed a new store) runs in a worker.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n,right_square_bracket", "move_commune(1)", "Next", key_display="n", tooltip="Next commune (also ])"),
        Binding("p,left_square_bracket", "move_commune(-1)", "Prev", key_display="p", tooltip="Previous commune (also [)"),
        Binding("r", "toggle_reported", "Reported", tooltip="Show only communes with reports, or all"),
        # Priority: the App resolves it before forwarding the keys typed after it, so a
        # burst like "/kim tan" (fast typing, a slow SSH link) lands whole in the filter.
        Binding(
            "slash", "filter", "Filter", key_display="/", priority=True,
            tooltip="Filter communes by name, diacritics optional",
        ),
        Binding("1", "focus_pane(1)", "Kết quả", show=False, tooltip="Focus the achievements pane"),
        Binding("2", "focus_pane(2)", "Khó khăn", show=False, tooltip="Focus the difficulties pane"),
        Binding("3", "focus_pane(3)", "Kiến nghị", show=False, tooltip="Focus the requests pane"),
        Binding("4", "focus_pane(4)", "Chỉ đạo", show=False, tooltip="Focus the directives pane"),
        Binding("0", "focus_list", "Communes", show=False, tooltip="Focus the commune list"),
        Binding("T", "pick_province", "Province", key_display="T", tooltip="Choose another province"),
        Binding("i", "import_report", "Import", tooltip="Import a report file (.yaml .json .docx .txt .md)"),
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
        self.query_one(DashboardHeader).show(self.province, None, 0)
        self.query_one(CommuneList).loading = True
        self.load_province(self.province)

    # -- loading ----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load_province(self, province: Province | None, start_code: str | None = None) -> None:
        """Seed the store on first run and read a province's communes, off the UI thread.

        The list starts on `start_code` when given, else on the newest session's first commune.
        """
        try:
            seeded = self.store.ensure_seeded()
            chosen = province or self.store.default_province()
            latest = self.store.latest_session()
            start = start_code
            if start is None and latest is not None and latest.province == chosen:
                start = latest.commune_codes[0]
            self.post_message(CommunesLoaded(chosen, self.store.commune_summaries(chosen), start, seeded))
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
        communes.focus()
        if message.seeded:
            self.notify(f"Đã nạp {message.seeded} phiên làm việc mẫu / loaded {message.seeded} seed session(s)")

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

    # -- importing --------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def import_plan(self, plan: ImportPlan) -> None:
        """Write a confirmed report to the store, off the UI thread, and post the outcome."""
        try:
            [session] = self.store.add_reports([plan.report])
        except StoreError as error:
            self.post_message(ImportFailed(str(error)))
            return
        communes = self.store.communes_of_session(session) if session else plan.report.communes
        self.post_message(ReportImported(session, tuple(communes), plan.counts()))

    @on(ReportImported)
    def _report_imported(self, message: ReportImported) -> None:
        if message.session is None:
            self.notify("Đã có trong kho, không thêm gì / Already in the store: nothing added", timeout=5)
            return
        # Written like the preview's "items:" line, which the user has just read.
        counts = ", ".join(f"{kind.title_en.lower()} {n}" for kind, n in message.counts.items())
        self.notify(f"Đã nhập / Imported: {counts}", timeout=5)
        start = message.communes[0] if message.communes else None
        if start is not None and not matches(self.query_one(CommuneFilter).value, start.label):
            self._clear_filter()  # a filter hiding the new commune would hide what was imported
        # Forget the selection: when the new session is about the commune already shown,
        # the reloaded list keeps the same highlight and would otherwise not redraw the panes.
        self._selected = None
        self._reload(message.session.province, start)

    @on(ImportFailed)
    def _import_failed(self, message: ImportFailed) -> None:
        self.notify(message.reason, title="Nothing imported", severity="error", timeout=30)

    # -- state changes ----------------------------------------------------------------

    def _visible_summaries(self) -> list[CommuneSummary]:
        query = self.query_one(CommuneFilter).value
        return [
            s
            for s in self._summaries
            if (s.has_reports or not self.only_reported) and matches(query, s.commune.label)
        ]

    def _refresh_list(self, keep: Commune | None = None) -> None:
        visible = self._visible_summaries()
        self.query_one(CommuneList).show(visible, keep=keep or self._selected)
        if not visible:
            self._show_commune(None)

    def _show_commune(self, commune: Commune | None) -> None:
        """Fill the panes with `commune`'s items (resetting their cursors) and update the header."""
        self._selected = commune
        self._report = self.store.report(commune) if commune else None
        for pane in self.query(ItemsPane):
            pane.show(self._report.of_kind(pane.kind) if self._report else ())
        self._update_header()

    def _update_header(self) -> None:
        """Redraw the header alone: filter and `r` change it without touching the panes."""
        self.query_one(DashboardHeader).show(
            self.province,
            self._selected,
            len(self._report.sessions) if self._report else 0,
            only_reported=self.only_reported,
            filter_text=self.query_one(CommuneFilter).value,
        )

    @property
    def selected(self) -> Commune | None:
        """The commune whose panes are shown."""
        return self._selected

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
        communes = [self.store.commune(code) for code in message.item.commune_codes]
        self.app.push_screen(ItemDetailDialog(message.item, [c for c in communes if c]))

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

    def action_import_report(self) -> None:
        """Ask for a report file, preview it, and import it when the user confirms."""

        def import_confirmed(plan: ImportPlan | None) -> None:
            if plan is not None:
                self.import_plan(plan)

        self.app.push_screen(ImportDialog(self.store.registry), import_confirmed)
