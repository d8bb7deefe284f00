"""The dashboard's import of a report file: the dialog, the write in a worker, the outcome.

A base class of `DashboardScreen`, kept apart so each file holds one concern; the
dashboard provides the state it uses (store, selection, filter, reload).
"""

from __future__ import annotations

from textual import on, work
from textual.screen import Screen

from store import Commune, Province, Store, StoreError
from store.importer import ImportPlan
from store.text import matches

from ..dialogs.import_dialog import ImportDialog
from ..messages import ImportFailed, ReportImported
from ..widgets.commune_filter import CommuneFilter

__all__ = ["ReportImportScreen"]


class ReportImportScreen(Screen[None]):
    """`i` on the dashboard: preview a file, import it on confirmation, show its session."""

    store: Store
    _selected: Commune | None

    # Provided by DashboardScreen.
    def _clear_filter(self) -> None:
        raise NotImplementedError

    def _reload(self, province: Province, start: Commune | None = None) -> None:
        raise NotImplementedError

    def action_import_report(self) -> None:
        """Ask for a report file, preview it, and import it when the user confirms."""

        def import_confirmed(plan: ImportPlan | None) -> None:
            if plan is not None:
                self.import_plan(plan)

        self.app.push_screen(ImportDialog(self.store.registry), import_confirmed)

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
