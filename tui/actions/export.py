"""The dashboard's export (`x`): the commune or session on screen as minutes or a tracking table.

The document is built by `store.views.exports`, the same code as `haicap export`, in a
thread (a session's .docx takes a moment); what came of it is said on the UI thread.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io

from textual.screen import Screen

from haicap.store import Commune, Session, Store, StoreError
from haicap.store.domain.i18n import _
from haicap.store.views.exports import gather, render, write_new
from haicap.tui.dialogs.export_dialog import BY_OWNER, ExportDialog, ExportRequest, ExportScope, suffix_of
from haicap.tui.serving.folders import served_mode

__all__ = ["ReportExport", "export_scopes"]


def export_scopes(commune: Commune, session: Session, session_count: int, session_communes: int) -> list[ExportScope]:
    """What `x` offers: the commune in the session shown, the whole session, the commune's sessions."""
    day = session.date.strftime("%d/%m/%Y")
    scopes = [ExportScope(_("{commune} — session of {day}").format(commune=commune.label, day=day), session, commune)]
    if session_communes > 1:
        whole = _("The whole session of {day} ({count} communes)").format(day=day, count=session_communes)
        scopes.append(ExportScope(whole, session, None))
    if session_count > 1:
        every = _("{commune} — all its {count} sessions").format(commune=commune.label, count=session_count)
        scopes.append(ExportScope(every, None, commune))
    return scopes


class ReportExport:
    """Asks what to export and how, writes the file off the UI thread, and says where.

    `host` is the screen the dialog opens over and the worker runs on.
    """

    def __init__(self, host: Screen[None], store: Store) -> None:
        self.host = host
        """The dashboard: it opens the dialog and runs the worker."""
        self.store = store
        """The store the document is read from."""

    def choose(self, commune: Commune, session: Session, session_count: int, today: dt.date) -> None:
        """Offer `commune` in `session` (the one shown), the whole session and all of the
        commune's `session_count` sessions, in a format; export what the officer chooses."""
        scopes = export_scopes(commune, session, session_count, len(session.commune_codes))

        def file_name(scope: ExportScope, fmt: str) -> str:
            commune = None if fmt == "yaml" and scope.session else scope.commune  # a session file holds it whole
            return gather(self.store, today, session=scope.session, commune=commune).file_name(f".{suffix_of(fmt)}")

        def chosen(request: ExportRequest | None) -> None:
            if request is not None:
                self.host.run_worker(self.write(request, today), group="export", exclusive=True, exit_on_error=False)

        self.host.app.push_screen(ExportDialog(scopes, file_name), chosen)

    async def write(self, request: ExportRequest, today: dt.date) -> None:
        """Build the document and write it (in a thread), then say what came of it."""
        served = served_mode(self.host.app) is not None
        try:
            data = await asyncio.to_thread(self._build, request, today)
            if not served:
                await asyncio.to_thread(write_new, request.path, data, force=request.force)
        except StoreError as error:
            self.host.notify(str(error), title=_("Not exported"), severity="error", timeout=15, markup=False)
            return
        what = request.scope.label
        if served:
            # For a browser the file is the browser's download: nothing is written on the
            # server, whose disk the page's user has no business writing to. The web driver
            # writes it to the browser's connection, from the UI thread.
            self.host.app.deliver_binary(io.BytesIO(data), save_filename=request.path.name)
            message = _("Sent to the browser: {what}\n→ {file}").format(what=what, file=request.path.name)
        else:
            message = _("Exported {what}\n→ {path}").format(what=what, path=request.path)
        self.host.notify(message, timeout=8, markup=False)

    def _build(self, request: ExportRequest, today: dt.date) -> bytes:
        if request.fmt == "yaml":
            from haicap.store.views.exports.session_file import build_session_file

            session = request.scope.session
            if session is None:
                raise StoreError(_("A session file holds one whole session: choose the session, not all of a commune's"))
            return build_session_file("yaml", self.store.session_copy(session), self.store.registry)
        scope = request.scope
        content = gather(self.store, today, session=scope.session, commune=scope.commune, carry_session=request.fmt == "docx")
        if request.fmt == BY_OWNER:
            from haicap.store.views.exports.by_owner import by_owner

            return render("xlsx", content, parts=by_owner(content))
        return render(request.fmt, content)
