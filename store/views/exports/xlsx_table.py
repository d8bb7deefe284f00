"""The tracking table as an Excel workbook (openpyxl): filters, frozen header, widths, wrap.

Sheet "Theo dõi" ("Tracking" in English) holds the table with its header in row 1, so Excel's filter and sort work
on it as is; sheet "Thông tin" ("Information") says what the table covers, on which day the days
overdue were counted, and which columns the agency fills. Dates are real dates (shown
DD/MM/YYYY, the Vietnamese order) and days are numbers, so officers can sort and filter them.

The columns the agency fills have their own header colour and a "✎" mark; their status
cells offer the statuses of the row's kind in a drop-down, their completion dates accept
dates only. Split by owner (`build_xlsx(parts=...)`), each agency's rows get a sheet of
their own, named after it.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from haicap.store.domain.dates import format_date
from haicap.store.domain.i18n import _, pgettext
from haicap.store.domain.models import Kind
from haicap.store.domain.tracking import DirectiveStatus, RequestStatus
from haicap.store.views.exports.content import ExportContent, document_language, join_list
from haicap.store.views.exports.tracking_table import EDIT_MARK, columns, rows

__all__ = ["build_xlsx", "info_sheet", "table_sheet"]


def table_sheet() -> str:
    """The name of the table's sheet in the language spoken now: "Theo dõi" ("Tracking")."""
    return pgettext("sheet", "Tracking")


def info_sheet() -> str:
    """The name of the sheet that says what the table covers: "Thông tin" ("Information")."""
    return pgettext("sheet", "Information")


FONT = "Times New Roman"
"""Has every Vietnamese glyph; present on Windows and macOS, metric-matched by Liberation Serif elsewhere."""

_DATE_FORMAT = "DD/MM/YYYY"
_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_EDIT_HEADER_FILL = PatternFill("solid", fgColor="FFD966")
"""The header of a column the agency fills: amber, unlike the blue of the others."""
_EDIT_FILL = PatternFill("solid", fgColor="FFF2CC")
"""Its cells: a light amber, so the rows show where to write."""
_LATE_FONT = Font(name=FONT, size=11, color="C00000", bold=True)


CELL_LIMIT = 32_767
"""The most characters Excel holds in a cell; a longer one makes Excel call the file damaged."""


def _fit(text: str) -> str:
    if len(text) <= CELL_LIMIT:
        return text
    # Room for the mark with the largest number it could hold, so the result always fits.
    keep = CELL_LIMIT - len(_cut_mark(len(text)))
    return text[:keep] + _cut_mark(len(text) - keep)


def _cut_mark(left_out: int) -> str:
    return _(" … [{count} characters cut; see the .docx]").format(count=f"{left_out:,}")


def _literal(cell, value) -> None:  # type: ignore[no-untyped-def]
    """Write `value`; a text is always a text, never a formula ("=…" from a report stays as typed)."""
    if isinstance(value, str):
        value = _fit(value)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"


def _table(sheet: Worksheet, content: ExportContent) -> None:
    cols = columns(content)
    for index, column in enumerate(cols, start=1):
        cell = sheet.cell(row=1, column=index)
        _literal(cell, column.header)
        cell.font = Font(name=FONT, size=11, bold=True)
        cell.fill = _EDIT_HEADER_FILL if column.editable else _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    body = Font(name=FONT, size=11)
    late_column = next(i for i, c in enumerate(cols) if c.key == "days_overdue")
    for number, (values, entry) in enumerate(zip(rows(content), content.tracked, strict=True), start=2):
        for index, (column, value) in enumerate(zip(cols, values, strict=True), start=1):
            cell = sheet.cell(row=number, column=index)
            _literal(cell, value if value != "" else None)
            cell.font = _LATE_FONT if index - 1 == late_column and entry.overdue else body
            cell.border = _BORDER
            cell.alignment = Alignment(vertical="top", wrap_text=column.wrap)
            if column.kind == "date":
                cell.number_format = _DATE_FORMAT
                cell.alignment = Alignment(vertical="top", horizontal="center")
            if column.editable:
                cell.fill = _EDIT_FILL
    _validations(sheet, content)
    last = get_column_letter(len(cols))
    sheet.auto_filter.ref = f"A1:{last}{max(1, len(content.tracked) + 1)}"
    sheet.freeze_panes = "A2"  # the header stays while scrolling
    sheet.row_dimensions[1].height = 32
    # Printing: landscape A4, fit to the page width, header repeated on every page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    setup = sheet.sheet_properties.pageSetUpPr
    assert setup is not None  # openpyxl makes it with every new sheet
    setup.fitToPage = True
    sheet.print_title_rows = "1:1"


def _validations(sheet: Worksheet, content: ExportContent) -> None:
    """A drop-down of the statuses of each row's kind on its status cell, and dates only
    (from the earliest session to 2100) in the completion dates."""
    cols = columns(content)
    letter = {column.key: get_column_letter(index) for index, column in enumerate(cols, start=1)}
    if not content.tracked:
        return
    lists = {
        Kind.REQUEST: [status.label for status in RequestStatus],
        Kind.DIRECTIVE: [status.label for status in DirectiveStatus],
    }
    for kind, labels in lists.items():
        numbers = [n for n, entry in enumerate(content.tracked, start=2) if entry.kind is kind]
        if not numbers:
            continue
        # A list in the formula itself: the labels hold no comma, and no sheet of lists is needed.
        check = DataValidation(type="list", formula1='"' + ",".join(labels) + '"', allow_blank=True)
        check.error = _("Choose one of: {statuses}").format(statuses="; ".join(labels))
        check.errorTitle = pgettext("column", "Status (to fill in)")
        check.prompt = check.error
        check.showErrorMessage = check.showInputMessage = True
        sheet.add_data_validation(check)
        for number in numbers:
            check.add(f"{letter['set_status']}{number}")
    first = min(entry.session_date for entry in content.tracked)
    dates = DataValidation(
        type="date",
        operator="between",
        formula1=f"DATE({first.year},{first.month},{first.day})",
        formula2="DATE(2100,12,31)",
        allow_blank=True,
    )
    dates.error = _("A date from {first} to 31/12/2100, written DD/MM/YYYY").format(first=format_date(first))
    dates.errorTitle = _("Completed on")
    dates.showErrorMessage = True
    sheet.add_data_validation(dates)
    dates.add(f"{letter['done']}2:{letter['done']}{len(content.tracked) + 1}")


def _info(sheet: Worksheet, content: ExportContent) -> None:
    filled = [column.header.removesuffix(EDIT_MARK).strip() for column in columns(content) if column.editable]
    facts = [
        (_("Subject"), _("Tracking table of requests and directives — {scope}").format(scope=content.scope)),
        (_("Province"), content.province),
    ]
    if content.agency:
        facts.append((_("Owner agency"), content.agency))
    for block in content.blocks:
        session = block.session
        leader = f"{session.leader_name}, {session.leader_title}" if session.leader_title else session.leader_name
        facts += [
            (pgettext("export", "Working session"), f"{format_date(session.date)} — {session.title}"),
            (_("Chaired by"), leader),
            (_("Communes, wards"), join_list(session.communes)),
            (_("Session ID"), session.id),
        ]
    facts += [
        (_("Rows"), str(len(content.tracked))),
        (_("State as of"), format_date(content.today)),
        (_("Made with"), "haicap (haicap export)"),
        (_("Columns the agency fills ({mark})").format(mark=EDIT_MARK), "; ".join(filled)),
        (
            _("How to answer"),
            _(
                "Fill in the columns marked {mark} and send the file back; leave the ID and revision "
                "columns as they are: they say which item each row is (read back with haicap import)."
            ).format(mark=EDIT_MARK),
        ),
    ]
    for number, (label, value) in enumerate(facts, start=1):
        _literal(sheet.cell(row=number, column=1), label)
        _literal(sheet.cell(row=number, column=2), value)
        sheet.cell(row=number, column=1).font = Font(name=FONT, size=11, bold=True)
        sheet.cell(row=number, column=2).font = Font(name=FONT, size=11)
        sheet.cell(row=number, column=2).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 26
    sheet.column_dimensions["B"].width = 90


def build_xlsx(content: ExportContent, *, parts: list[ExportContent] | None = None) -> bytes:
    """The workbook of the tracking table, as the bytes of an .xlsx file; with `parts` (the
    table split by owner, `store.views.exports.by_owner`), one sheet per agency instead."""
    from haicap.store.views.exports.by_owner import sheet_names

    book = Workbook()
    table = book.active
    assert isinstance(table, Worksheet)  # a new workbook has one sheet, a worksheet
    if not parts:
        table.title = table_sheet()
        _table(table, content)
    else:
        book.remove(table)
        for part, name in zip(parts, sheet_names([p.agency for p in parts], taken=(info_sheet(),)), strict=True):
            _table(book.create_sheet(name), part)
    _info(book.create_sheet(info_sheet()), content)
    book.properties.title = _("Follow-up of requests and directives — {scope}").format(scope=content.scope)
    book.properties.creator = "haicap"
    book.properties.language = document_language()
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
