"""The dashboard's export (`x`): the commune or session on screen as minutes or a tracking table.

A base class of `DashboardScreen`, kept apart so each file holds one concern; the
dashboard provides the state it uses (store, selection, narrowed session, today). The
document is built by `store.views.exports`, the same code as `haicap export`.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from textual import on, work
from textual.message import Message
from textual.screen import Screen

from haicap.store import Commune, CommuneReport, Session, Store, StoreError
from haicap.store.views.exports import gather, render, write_new
from haicap.tui.dialogs.export_dialog import ExportDialog, ExportRequest, ExportScope
from haicap.tui.serving.folders import served_mode

__all__ = ["ReportExportScreen", "export_scopes"]


def export_scopes(commune: Commune, session: Session, session_count: int, session_communes: int) -> list[ExportScope]:
    """What `x` offers: the commune in the session shown, the whole session, the commune's sessions."""
    day = session.date.strftime("%d/%m/%Y")
    scopes = [ExportScope(f"{commune.label} — phiên {day}", session, commune)]
    if session_communes > 1:
        scopes.append(ExportScope(f"Cả phiên {day} ({session_communes} xã) / the whole session", session, None))
    if session_count > 1:
        scopes.append(ExportScope(f"{commune.label} — cả {session_count} phiên / all its sessions", None, commune))
    return scopes


class ReportExportScreen(Screen[None]):
    """`x` on the dashboard: choose what and how, write the file off the UI thread, say where."""

    store: Store
    _selected: Commune | None
    _report: CommuneReport | None
    _session: Session | None

    @dataclass
    class Exported(Message):
        """The file was written."""

        path: str
        what: str

    @dataclass
    class ExportBuilt(Message):
        """The document of a served app's export, to send to the browser."""

        name: str
        data: bytes
        what: str

    @dataclass
    class ExportFailed(Message):
        """Nothing was written; the reason is one line for the user."""

        reason: str

    # Provided by DashboardScreen.
    def _today(self) -> dt.date:
        raise NotImplementedError

    def action_export(self) -> None:
        """Export the selected commune (or its session) to a Word, Excel, Markdown or CSV file."""
        commune, report = self._selected, self._report
        if commune is None or report is None or not report.sessions:
            self.notify("Xã này chưa có phiên nào để xuất / this commune has no session to export", severity="warning", timeout=4)
            return
        session = self._session or report.sessions[0]
        scopes = export_scopes(commune, session, len(report.sessions), len(session.commune_codes))
        today = self._today()

        def file_name(scope: ExportScope, fmt: str) -> str:
            return gather(self.store, today, session=scope.session, commune=scope.commune).file_name(f".{fmt}")

        def chosen(request: ExportRequest | None) -> None:
            if request is not None:
                self.write_export(request, today)

        self.app.push_screen(ExportDialog(scopes, file_name), chosen)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def write_export(self, request: ExportRequest, today: dt.date) -> None:
        """Build the document and write it, off the UI thread (a session's .docx takes a moment)."""
        served = served_mode(self.app) is not None
        try:
            content = gather(self.store, today, session=request.scope.session, commune=request.scope.commune)
            data = render(request.fmt, content)
            if served:
                # For a browser the file is the browser's download: nothing is written on
                # the server, whose disk the page's user has no business writing to.
                self.post_message(self.ExportBuilt(request.path.name, data, request.scope.label))
                return
            write_new(request.path, data, force=request.force)
        except StoreError as error:
            self.post_message(self.ExportFailed(str(error)))
            return
        self.post_message(self.Exported(str(request.path), request.scope.label))

    @on(ExportBuilt)
    def _deliver(self, message: ExportBuilt) -> None:
        # On the UI thread: the web driver writes the file to the browser's connection.
        self.app.deliver_binary(io.BytesIO(message.data), save_filename=message.name)
        self.notify(f"Đã gửi về trình duyệt / sent to the browser: {message.what}\n→ {message.name}", timeout=8, markup=False)

    @on(Exported)
    def _exported(self, message: Exported) -> None:
        self.notify(f"Đã xuất / exported {message.what}\n→ {message.path}", timeout=8, markup=False)

    @on(ExportFailed)
    def _export_failed(self, message: ExportFailed) -> None:
        self.notify(message.reason, title="Không xuất được / Not exported", severity="error", timeout=15, markup=False)
