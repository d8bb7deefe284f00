"""Report a period of the province on the overview: which days, in which format, to which file.

The dialog only chooses: it dismisses with a `PeriodReportRequest` (or None), and the
overview writes the report in a worker (see `haicap.tui.actions.period_report`). The
period starts as the current quarter; dates are typed DD/MM/YYYY or YYYY-MM-DD.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, RadioButton, RadioSet, Static

from haicap.store import StoreError
from haicap.store.domain.bounds import check_day
from haicap.store.domain.dates import format_date, parse_date
from haicap.store.domain.i18n import N_, _
from haicap.store.views.period_report import Period
from haicap.tui.dialogs.file_target import target_of
from haicap.tui.literal import literal
from haicap.tui.serving.folders import ServedMode, served_mode
from haicap.tui.widgets.path_input import PathInput

__all__ = ["REPORT_FORMAT_LABELS", "PeriodReportRequest", "ReportDialog"]

REPORT_FORMAT_LABELS = {
    "docx": N_("Word (.docx)"),
    "xlsx": N_("Excel (.xlsx)"),
    "md": N_("Markdown (.md)"),
}
"""The formats offered, as `store.views.period_report.render` names them."""


@dataclass(frozen=True)
class PeriodReportRequest:
    """What the officer chose: the period, the format and the file (overwrite only if confirmed)."""

    period: Period
    fmt: str
    path: Path
    """The file to write; in a served app, only its name counts (the browser saves it)."""
    force: bool = False


class ReportDialog(ModalScreen[PeriodReportRequest | None]):
    """Choose the period and format; the file name follows them until the officer edits it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), tooltip=N_("Close without writing a report")),
        Binding("ctrl+s", "confirm", N_("Write"), tooltip=N_("Write the report (also enter in the file field)")),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Close without writing a report. |
    | ctrl+s | Write the report; when the file exists, ctrl+s again overwrites it. |
    | tab | Next field; in the formats, arrows move and enter or space chooses. |
    """

    DEFAULT_CSS = """
    ReportDialog {
        align: center middle;
        & > Vertical {
            width: 90%;
            max-width: 90;
            height: auto;
            max-height: 95%;
            border: thick $accent;
            background: $surface;
            padding: 0 1;
        }
        & Horizontal {
            height: auto;
        }
        & .report-day {
            width: 1fr;
            height: auto;
        }
        & RadioSet {
            height: auto;
            width: 1fr;
            border: none;
            padding: 0;
            layout: horizontal;
        }
        & RadioSet:focus {
            background: $boost;
        }
        & .report-label {
            color: $text-muted;
        }
        & #report-error {
            color: $text-error;
        }
        & #report-hints {
            color: $text-muted;
        }
    }
    """

    def __init__(self, where: str, period: Period, file_name: Callable[[Period, str], str], folder: Path | None = None) -> None:
        super().__init__()
        self.where = where
        """What the report covers: "Tỉnh Thanh Hóa"."""
        self.first_period = period
        """The period offered at first (the current quarter)."""
        self.file_name = file_name
        """The default file name of a period in a format."""
        self.folder = folder or Path.cwd()
        """Where the default file goes: the folder haicap was started in."""
        self._suggested = ""
        self._confirm_overwrite: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical() as frame:
            frame.border_title = _("Report a period")
            yield Static(literal(self.where, "bold"))
            with Horizontal():
                with Vertical(classes="report-day"):
                    yield Static(literal(_("From (DD/MM/YYYY)")), classes="report-label")
                    yield Input(format_date(self.first_period.start), id="report-from")
                with Vertical(classes="report-day"):
                    yield Static(literal(_("To, states as of this day")), classes="report-label")
                    yield Input(format_date(self.first_period.end), id="report-to")
            yield Static(literal(_("Format")), classes="report-label")
            with RadioSet(id="report-format"):
                for number, label in enumerate(REPORT_FORMAT_LABELS.values()):
                    yield RadioButton(literal(_(label)), value=number == 0)
            label = _("File, downloaded by the browser") if self.served else _("File")
            yield Static(literal(label), classes="report-label")
            yield PathInput(id="report-path", served=ServedMode() if self.served else None, placeholder=_("file name"))
            yield Static("", id="report-error")
            yield Static(self._hints(), id="report-hints")

    def on_mount(self) -> None:
        self._suggest()
        self.set_focus(self.query_one("#report-from", Input))

    @staticmethod
    def _hints() -> Content:
        pairs = (("ctrl+s", _("write")), ("tab", _("next field")), ("esc", _("cancel")))
        return Content(" · ").join(Content.assemble(literal(k, "bold $accent"), literal(" "), literal(w)) for k, w in pairs)

    # -- state ------------------------------------------------------------------------

    @property
    def served(self) -> bool:
        """Whether the dashboard runs for a browser: the file is then sent there, never written."""
        return served_mode(self.app) is not None

    @property
    def fmt(self) -> str:
        """The format chosen now."""
        index = self.query_one("#report-format", RadioSet).pressed_index
        return list(REPORT_FORMAT_LABELS)[max(index, 0)]

    def period(self) -> Period:
        """The period typed; StoreError (one line, for the error line) when it is not one."""
        days = []
        for field, name in (("#report-from", _("From")), ("#report-to", _("To"))):
            typed = self.query_one(field, Input).value
            try:
                day = parse_date(typed)
            except ValueError as error:
                raise StoreError(f"{name}: {error}") from None
            days.append(check_day(day, name))
        if days[0] > days[1]:
            raise StoreError(_("From {start} is after To {end}").format(start=format_date(days[0]), end=format_date(days[1])))
        return Period(days[0], days[1])

    def _suggest(self) -> None:
        """Fill in the default file name, unless the officer typed their own."""
        field = self.query_one("#report-path", PathInput)
        if field.value and field.value != self._suggested:
            return
        try:
            period = self.period()
        except StoreError:
            return  # half-typed: the name follows once the dates are whole
        name = self.file_name(period, self.fmt)
        self._suggested = name if self.served else str(self.folder / name)
        field.value = self._suggested
        field.cursor_position = len(field.value)

    def _error(self, text: str) -> None:
        self.query_one("#report-error", Static).update(literal(text))

    # -- what the user does -----------------------------------------------------------

    @on(RadioSet.Changed)
    @on(Input.Changed, ".report-day Input")
    def _choice_changed(self) -> None:
        self._confirm_overwrite = None
        self._error("")
        self._suggest()

    @on(Input.Changed, "#report-path")
    def _path_changed(self) -> None:
        self._confirm_overwrite = None
        self._error("")

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_confirm()

    def action_confirm(self) -> None:
        """Write the report to the file given; an existing file is overwritten only on a second ctrl+s."""
        try:
            period = self.period()
        except StoreError as error:
            self._error(str(error))
            return
        typed = self.query_one("#report-path", PathInput).value
        target = target_of(
            typed, folder=self.folder, served=self.served, named_format=self._named_format, confirmed=self._confirm_overwrite
        )
        if target.path is None:
            self._confirm_overwrite = target.asks
            self._error(target.error)
            return
        self.dismiss(PeriodReportRequest(period, target.fmt, target.path, force=target.force))

    def _named_format(self, path: Path) -> tuple[Path, str]:
        """The file and format a typed name means: its suffix's format; none, the chosen one's."""
        named = path.suffix.lower().lstrip(".")
        if named in REPORT_FORMAT_LABELS:
            return path, named
        if not path.suffix:
            return path.with_name(f"{path.name}.{self.fmt}"), self.fmt
        return path, self.fmt

    def action_cancel(self) -> None:
        """Close without writing a report."""
        self.dismiss(None)
