"""The tracking table of requests and directives: its columns and rows, shared by .xlsx and .csv.

One row per request or directive (an item of several communes is one row, its communes
listed in one cell), so the rows are exactly the store's items and a count of rows is a
count of requests and directives. Values keep their types (dates, whole days) so the
spreadsheet can sort and filter them; each writer formats them its own way.

The table goes to the owner agencies and comes back filled in: the last columns (status,
completion date, answer, note) are theirs to fill, marked "✎" in their header, and the ID
and revision columns say which item a row is and what the store held when it was exported.
`column_key` recognises a header in Vietnamese or English, so `haicap import` reads a
filled table back whatever language it was exported in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from haicap.store.domain.dates import format_date
from haicap.store.domain.i18n import _
from haicap.store.domain.tracking_columns import EDIT_MARK, EDITABLE, HEADERS, column_key, header
from haicap.store.views.exports.content import Entry, ExportContent

__all__ = ["EDITABLE", "EDIT_MARK", "Column", "column_key", "columns", "rows"]


@dataclass(frozen=True)
class Column:
    """A column of the table: its header (in the language spoken when it was made), its
    width in characters, whether it wraps."""

    header: str
    width: float
    wrap: bool = False
    kind: str = "text"
    """"text", "date" or "number": how a spreadsheet shows the value."""
    key: str = ""
    """What the column holds, whatever the language: "days_overdue", "status"..."""

    @property
    def editable(self) -> bool:
        """Whether the agency fills this column."""
        return self.key in EDITABLE


_WIDTHS: dict[str, tuple[float, bool, str]] = {
    "number": (5, False, "number"),
    "communes": (18, True, "text"),
    "kind": (11, False, "text"),
    "text": (60, True, "text"),
    "owner": (26, True, "text"),
    "co_agencies": (22, True, "text"),
    "deadline": (12, False, "date"),
    "status": (24, True, "text"),
    "days_overdue": (13, True, "number"),
    "session_date": (12, False, "date"),
    "id": (13, False, "text"),
    "revision": (9, False, "number"),
    "set_status": (24, True, "text"),
    "done": (14, False, "date"),
    "answer": (40, True, "text"),
    "note": (30, True, "text"),
}


def columns(content: ExportContent) -> tuple[Column, ...]:
    """The columns, in order; the days-overdue header names the day they are counted on."""
    on = format_date(content.today)
    made = []
    for key, _context, _english in HEADERS:
        text = header(key)
        if key == "days_overdue":
            text = _("Days overdue (as of {date})").format(date=on)
        width, wrap, kind = _WIDTHS[key]
        made.append(Column(text, width, wrap=wrap, kind=kind, key=key))
    return tuple(made)


Value = str | int | dt.date | None


def row(number: int, entry: Entry) -> tuple[Value, ...]:
    """The cells of one entry, matching `columns`."""
    return (
        number,
        ", ".join(entry.communes),
        entry.kind.singular,
        entry.text,
        entry.owner,
        "; ".join(entry.co_agencies),
        entry.deadline,
        entry.status,
        entry.late_days,
        entry.session_date,
        entry.id,
        entry.revision,
        entry.set_status,
        entry.done,
        entry.answer,
        entry.note,
    )


def rows(content: ExportContent) -> list[tuple[Value, ...]]:
    """Every request and directive of the export, numbered from 1."""
    return [row(number, entry) for number, entry in enumerate(content.tracked, start=1)]
