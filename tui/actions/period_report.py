"""The overview's report of a period (`x`): the province's requests and directives, counted as of the period's end.

The report is built by `store.views.period_report`, the same code as `haicap report`, in a
thread (a province of thousands of items takes a moment); what came of it is said on the
UI thread.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
from typing import Any

from textual.screen import Screen

from haicap.store import Province, Store, StoreError
from haicap.store.domain.i18n import _
from haicap.store.views.exports import write_new
from haicap.store.views.period_report import Filters, Period, file_name, gather, quarter_of, render
from haicap.tui.dialogs.report_dialog import PeriodReportRequest, ReportDialog
from haicap.tui.serving.folders import served_mode

__all__ = ["PeriodReportWriter"]


class PeriodReportWriter:
    """Asks for the period and format, writes the report off the UI thread, and says where.

    `host` is the screen the dialog opens over and the worker runs on.
    """

    def __init__(self, host: Screen[Any], store: Store) -> None:
        self.host = host
        """The overview: it opens the dialog and runs the worker."""
        self.store = store
        """The store the report is read from."""

    def choose(self, province: Province, today: dt.date) -> None:
        """Offer the current quarter of `province`; write what the officer chooses."""
        filters = Filters(province=province)

        def name(period: Period, fmt: str) -> str:
            return file_name(period, filters, fmt)

        def chosen(request: PeriodReportRequest | None) -> None:
            if request is not None:
                self.host.run_worker(
                    self.write(request, filters, today), group="period-report", exclusive=True, exit_on_error=False
                )

        self.host.app.push_screen(ReportDialog(province.full_name, quarter_of(today), name), chosen)

    async def write(self, request: PeriodReportRequest, filters: Filters, today: dt.date) -> None:
        """Build the report and write it (in a thread), then say what came of it."""
        served = served_mode(self.host.app) is not None
        try:
            data = await asyncio.to_thread(self._build, request, filters, today)
            if not served:
                await asyncio.to_thread(write_new, request.path, data, force=request.force)
        except StoreError as error:
            self.host.notify(str(error), title=_("No report written"), severity="error", timeout=15, markup=False)
            return
        what = f"{filters.words()}, {request.period.words()}"
        if served:
            self.host.app.deliver_binary(io.BytesIO(data), save_filename=request.path.name)
            message = _("Sent to the browser: {what}\n→ {file}").format(what=what, file=request.path.name)
        else:
            message = _("Report written: {what}\n→ {path}").format(what=what, path=request.path)
        self.host.notify(message, timeout=8, markup=False)

    def _build(self, request: PeriodReportRequest, filters: Filters, today: dt.date) -> bytes:
        return render(request.fmt, gather(self.store, request.period, filters, today))
