"""A report of a period as an Excel workbook: one sheet per table, then one that says what it covers.

Each sheet has its header in row 1, frozen and filtered, so Excel sorts and filters the
rows as they are; days are real dates (shown DD/MM/YYYY) and counts are numbers.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from haicap.store.domain.dates import format_date
from haicap.store.domain.i18n import _, pgettext
from haicap.store.views.exports.content import document_language
from haicap.store.views.exports.xlsx_table import FONT, info_sheet
from haicap.store.views.period_report.gather import PeriodReport
from haicap.store.views.period_report.sections import Table, scope_words, sections, title

__all__ = ["build_xlsx"]

_DATE_FORMAT = "DD/MM/YYYY"


def _write(cell, value) -> None:  # type: ignore[no-untyped-def]
    """A text stays a text, never a formula ("=…" in a report is shown as typed)."""
    cell.value = value if value != "" else None
    if isinstance(value, str) and value:
        cell.data_type = "s"


def _sheet(sheet: Worksheet, table: Table) -> None:
    header = Font(name=FONT, size=11, bold=True)
    body = Font(name=FONT, size=11)
    for index, column in enumerate(table.columns, start=1):
        cell = sheet.cell(row=1, column=index)
        _write(cell, column.header)
        cell.font = header
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for number, row in enumerate(table.rows, start=2):
        for index, (column, value) in enumerate(zip(table.columns, row, strict=True), start=1):
            cell = sheet.cell(row=number, column=index)
            _write(cell, value)
            cell.font = body
            if column.kind == "date":
                cell.number_format = _DATE_FORMAT
            cell.alignment = Alignment(vertical="top", wrap_text=column.kind == "text")
    sheet.freeze_panes = "A2"  # the header stays while scrolling
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{max(1, len(table.rows) + 1)}"
    sheet.row_dimensions[1].height = 45
    sheet.page_setup.orientation = "landscape"
    sheet.print_title_rows = "1:1"


def build_xlsx(report: PeriodReport) -> bytes:
    """The workbook of the report, as the bytes of an .xlsx file."""
    book = Workbook()
    first = book.active
    assert isinstance(first, Worksheet)  # a new workbook has one sheet, a worksheet
    book.remove(first)
    for section in sections(report):
        for table in section.tables:
            _sheet(book.create_sheet(table.sheet[:31]), table)
    info = book.create_sheet(info_sheet())
    facts = [
        (_("Subject"), title()),
        (pgettext("report", "Period"), report.period.words()),
        (pgettext("report", "Scope"), scope_words(report)),
        (_("State as of"), format_date(report.period.end)),
        (_("Made with"), _("haicap report, on {date}").format(date=format_date(report.made_on))),
    ]
    for number, (label, value) in enumerate(facts, start=1):
        _write(info.cell(row=number, column=1), label)
        _write(info.cell(row=number, column=2), value)
        info.cell(row=number, column=1).font = Font(name=FONT, size=11, bold=True)
        info.cell(row=number, column=2).alignment = Alignment(wrap_text=True, vertical="top")
    info.column_dimensions["A"].width = 22
    info.column_dimensions["B"].width = 100
    book.properties.title = f"{title()} — {report.period.words()}"[:255]
    book.properties.creator = "haicap"
    book.properties.language = document_language()
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
