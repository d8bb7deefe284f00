"""A report of a period as a Word document, in the layout of haicap's minutes.

The national header (`store.views.exports.docx_minutes`), the title "BÁO CÁO …" with the
period, the scope, then numbered sections (I., II., …) as Word headings, each with real
tables (a header row repeated on every page), and the line saying when it was made.
"""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.styles.style import ParagraphStyle
from docx.table import _Cell

from haicap.store.domain.dates import format_date
from haicap.store.domain.i18n import _
from haicap.store.domain.text import shorten
from haicap.store.views.exports.content import document_language
from haicap.store.views.exports.docx_minutes import add_letterhead, add_line, apply_page, apply_styles
from haicap.store.views.period_report.gather import PeriodReport
from haicap.store.views.period_report.sections import Cell, Table, scope_words, sections, title

__all__ = ["build_docx"]

_TABLE_SIZE = Pt(10)


def _cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


def _repeat_header(row) -> None:  # type: ignore[no-untyped-def]
    """Mark a table's first row as its header, repeated at the top of every page it runs onto."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


_TEXT_STYLE, _COUNT_STYLE = "haicap table text", "haicap table count"
"""The paragraph styles of table cells: 10 pt, no space after; counts aligned right. A style
per kind of cell rather than formatting on each cell: a report has thousands of cells."""


def _table_styles(document: DocxDocument) -> dict[str, ParagraphStyle]:
    """Add the cell styles to the document; they come back by name, so no cell looks one up."""
    made = {}
    for name, align in ((_TEXT_STYLE, None), (_COUNT_STYLE, WD_ALIGN_PARAGRAPH.RIGHT)):
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.font.size = _TABLE_SIZE
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.line_spacing = 1.0
        if align is not None:
            style.paragraph_format.alignment = align
        made[name] = style
    return made


def _write_cell(cell, text: str, style: ParagraphStyle, *, bold: bool = False) -> None:  # type: ignore[no-untyped-def]
    paragraph = cell.paragraphs[0]
    # The style's id written straight into the paragraph: python-docx's `paragraph.style =`
    # looks up the document's default style on every call, seconds over thousands of cells.
    paragraph._p.style = style.style_id
    if bold:
        paragraph.add_run(text).bold = True
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif text:
        paragraph.add_run(text)


def _table(document: DocxDocument, table: Table, styles: dict[str, ParagraphStyle]) -> None:
    caption = document.add_paragraph()
    caption.add_run(table.caption).bold = True
    caption.paragraph_format.keep_with_next = True
    if not table.rows:
        document.add_paragraph(_("Nothing in this period.")).runs[0].italic = True
        return
    grid = document.add_table(rows=len(table.rows) + 1, cols=len(table.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    # All rows made at once, and each row's cells taken from its own XML: python-docx's
    # add_row() and row.cells walk the whole table each time, which made a province's
    # report of 2,000 rows take seconds per table.
    rows = [[_Cell(tc, grid) for tc in row._tr.tc_lst] for row in grid.rows]
    for cell, column in zip(rows[0], table.columns, strict=True):
        _write_cell(cell, column.header, styles[_TEXT_STYLE], bold=True)
    _repeat_header(grid.rows[0])
    for cells, row in zip(rows[1:], table.rows, strict=True):
        for cell, column, value in zip(cells, table.columns, row, strict=True):
            _write_cell(cell, _cell_text(value), styles[_COUNT_STYLE if column.kind == "count" else _TEXT_STYLE])
    document.add_paragraph()


def build_docx(report: PeriodReport) -> bytes:
    """The report as the bytes of a .docx file."""
    document = Document()
    apply_styles(document)
    apply_page(document)
    styles = _table_styles(document)
    province = report.province
    add_letterhead(document, province.full_name if province else "", province.name if province else "", report.made_on)
    center = WD_ALIGN_PARAGRAPH.CENTER
    add_line(document, "")
    add_line(document, title(), bold=True, size=Pt(14), align=center)
    period = report.period.words()
    add_line(document, period[:1].upper() + period[1:], bold=True, align=center).paragraph_format.space_after = Pt(12)
    scope = document.add_paragraph(scope_words(report))
    scope.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for section in sections(report):
        document.add_heading(section.heading, level=1)
        for table in section.tables:
            _table(document, table, styles)
    note = document.add_paragraph()
    note.paragraph_format.space_before = Pt(12)
    note.add_run(_("Made with haicap on {date}.").format(date=format_date(report.made_on))).italic = True
    properties = document.core_properties
    properties.title = shorten(f"{title()} — {period}", 255, at_word=True)
    properties.author = properties.last_modified_by = "haicap"
    properties.language = document_language()
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    properties.created = properties.modified = now
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
