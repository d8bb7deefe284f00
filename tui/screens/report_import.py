"""The dashboard's import of a report file: the dialog and review over it, then the outcome.

A base class of `DashboardScreen`, kept apart so each file holds one concern; the
dashboard provides the state it uses (store, selection, filter, reload). The review
screen writes the report; this class shows what came of it.
"""

from __future__ import annotations

from textual.screen import Screen

from haicap.store import Commune, Province, Store
from haicap.store.domain.text import matches
from haicap.tui.dialogs.import_dialog import ImportDialog
from haicap.tui.messages import ReportImported
from haicap.tui.widgets.commune_filter import CommuneFilter

__all__ = ["ReportImportScreen"]


class ReportImportScreen(Screen[None]):
    """`i` on the dashboard: choose a file, review it, and show its session once stored."""

    store: Store
    _selected: Commune | None

    # Provided by DashboardScreen.
    def _clear_filter(self) -> None:
        raise NotImplementedError

    def _reload(self, province: Province, start: Commune | None = None) -> None:
        raise NotImplementedError

    def action_import_report(self) -> None:
        """Ask for a report file, review it, and show what was stored."""

        def imported(outcome: ReportImported | None) -> None:
            if outcome is not None:
                self.show_imported(outcome)

        self.app.push_screen(ImportDialog(self.store), imported)

    def show_imported(self, outcome: ReportImported) -> None:
        """Say what the import stored and show its commune with the new items."""
        if outcome.session is None:
            self.notify("Đã có trong kho, không thêm gì / Already in the store: nothing added", timeout=5)
            return
        # Written like the header's counts, which the officer has just read.
        counts = ", ".join(f"{kind.title_en.lower()} {n}" for kind, n in outcome.counts.items() if n or not outcome.added_to)
        if outcome.added_to:
            self.notify(
                f"Đã thêm {outcome.added} mục vào phiên {outcome.added_to} / "
                f"added {outcome.added} items to session {outcome.added_to}: {counts}",
                timeout=8,
            )
        else:
            self.notify(f"Đã nhập / Imported: {counts}", timeout=5)
        start = outcome.communes[0] if outcome.communes else None
        if start is not None and not matches(self.query_one(CommuneFilter).value, start.label):
            self._clear_filter()  # a filter hiding the new commune would hide what was imported
        # Forget the selection: when the new session is about the commune already shown,
        # the reloaded list keeps the same highlight and would otherwise not redraw the panes.
        self._selected = None
        self._reload(outcome.session.province, start)
