"""The dashboard's import (`i`): a report or a tracking table read, reviewed and stored, then shown.

`ReportImporting` opens `ImportDialog` (which opens the review screen) and, when the import
is stored, says what it stored and asks the dashboard to read the province again on the
commune it is about (a tracking table: on the commune shown, with the agency's answers).
"""

from __future__ import annotations

from typing import Protocol

from textual.screen import Screen

from haicap.store import Commune, Province, Store
from haicap.store.domain.clock import Calendar
from haicap.store.domain.i18n import _
from haicap.tui.dialogs.import_dialog import READ_ONLY_IMPORT, ImportDialog
from haicap.tui.messages import ReportImported, TrackingImported
from haicap.tui.screens.dashboard_state import DashboardState

__all__ = ["Reopen", "ReportImporting"]


class Reopen(Protocol):
    """How the dashboard shows an import: it reads `province` again as a new one and selects
    `start`; with `reveal`, a filter that would hide `start` is cleared first."""

    def __call__(self, province: Province, start: Commune | None, *, reveal: bool = False) -> None: ...


class ReportImporting:
    """Asks for a file to import and shows what the import stored.

    `host` is the screen the dialog opens over and the notices are said on; `state` is read
    to know the province and commune shown; `reopen` is how the dashboard shows the import.
    """

    def __init__(self, host: Screen[None], store: Store, calendar: Calendar, state: DashboardState, reopen: Reopen) -> None:
        self.host = host
        """The dashboard: it opens the dialog and says the notices."""
        self.store = store
        """The store the import is written to."""
        self.calendar = calendar
        """Which day the review measures deadlines against."""
        self.state = state
        """What the dashboard shows (read only)."""
        self.reopen = reopen
        """Reads a province again on a commune, to show what was imported."""

    def choose(self) -> None:
        """Ask for a report file, review it, and show what was stored (a viewer is refused at once)."""
        if self.store.read_only:
            # Like the other change keys in a viewer: nothing read, nothing to review first.
            self.host.notify(_(READ_ONLY_IMPORT), title=_("Nothing changed"), severity="error", timeout=8)
            return
        self.host.app.push_screen(ImportDialog(self.store, calendar=self.calendar), self.show_imported)

    def show_imported(self, outcome: ReportImported | TrackingImported | None) -> None:
        """Say what the import stored and show its commune with the new items (a tracking
        table: the panes again, with the agency's answers)."""
        if outcome is None:
            return
        if isinstance(outcome, TrackingImported):
            refused = bool(outcome.plan.refused)
            self.host.notify(outcome.notice, severity="warning" if refused else "information", timeout=10 if refused else 5)
            if self.state.province is not None:
                self.reopen(self.state.province, self.state.selected)  # redrawn, as after a report (below)
            return
        self.host.notify(outcome.notice, timeout=8 if outcome.session is not None and outcome.added_to else 5)
        if outcome.session is None:
            return
        start = outcome.communes[0] if outcome.communes else None
        self.reopen(outcome.session.province, start, reveal=True)
