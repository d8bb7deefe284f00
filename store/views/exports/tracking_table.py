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
from functools import cache
from dataclasses import dataclass

from haicap.store.domain.dates import format_date
from haicap.store.domain.i18n import LANGUAGES, _, pgettext, spoken_in
from haicap.store.domain.text import fold
from haicap.store.views.exports.content import Entry, ExportContent

__all__ = ["EDITABLE", "EDIT_MARK", "Column", "column_key", "columns", "rows"]

EDIT_MARK = "✎"
"""Ends the header of every column the agency fills."""

EDITABLE = ("set_status", "done", "answer", "note")
"""The keys of the columns the agency fills, in order."""


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


# (key, context, English): the headers, each made in the language spoken (`columns`) or in
# every language (`column_key`). The days-overdue header also names a day: see `columns`.
_HEADERS: tuple[tuple[str, str | None, str], ...] = (
    ("number", None, "No."),
    ("communes", None, "Commune, ward"),
    ("kind", "column", "Kind"),
    ("text", "column", "Text"),
    ("owner", None, "Responsible agency / carried out by"),
    ("co_agencies", None, "Co-operating agencies"),
    ("deadline", "column", "Deadline"),
    ("status", "column", "State"),
    ("days_overdue", None, "Days overdue"),
    ("session_date", None, "Session date"),
    ("id", None, "ID"),
    ("revision", "column", "Revision"),
    ("set_status", "column", "Status (to fill in)"),
    ("done", None, "Completed on"),
    ("answer", "column", "Answer"),
    ("note", "column", "Note"),
)


def _header(key: str) -> str:
    # The messages are written out for the catalogue's extractor, which reads literals only.
    text = {
        "number": _("No."),
        "communes": _("Commune, ward"),
        "kind": pgettext("column", "Kind"),
        "text": pgettext("column", "Text"),
        "owner": _("Responsible agency / carried out by"),
        "co_agencies": _("Co-operating agencies"),
        "deadline": pgettext("column", "Deadline"),
        "status": pgettext("column", "State"),
        "days_overdue": _("Days overdue"),
        "session_date": _("Session date"),
        "id": _("ID"),
        "revision": pgettext("column", "Revision"),
        "set_status": pgettext("column", "Status (to fill in)"),
        "done": _("Completed on"),
        "answer": pgettext("column", "Answer"),
        "note": pgettext("column", "Note"),
    }[key]
    return f"{text} {EDIT_MARK}" if key in EDITABLE else text


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
    for key, _context, _english in _HEADERS:
        header = _header(key)
        if key == "days_overdue":
            header = _("Days overdue (as of {date})").format(date=on)
        width, wrap, kind = _WIDTHS[key]
        made.append(Column(header, width, wrap=wrap, kind=kind, key=key))
    return tuple(made)


def _folded(header: str) -> str:
    """A header as `column_key` compares it: without the edit mark (or the "?" it becomes in
    a code page without it) or a "*" someone added, diacritics and case ignored."""
    text = header.replace(EDIT_MARK, "").replace("*", "")
    # Saved in a code page without "✎" (Excel's "CSV" on Windows), the mark is a "?".
    return fold(text).removesuffix("?").strip()


@cache
def _known() -> dict[str, str]:
    known: dict[str, str] = {}
    for code in LANGUAGES:
        for key, context, english in _HEADERS:
            known.setdefault(_folded(spoken_in(code, english, context)), key)
    return known


def column_key(header: object) -> str | None:
    """The key of the column whose header is `header`, in Vietnamese or English ("Mã" and
    "ID" are "id"; "Số ngày quá hạn (đến 10/01/2026)" is "days_overdue"), or None."""
    if not isinstance(header, str) or not header.strip():
        return None
    folded = _folded(header)
    known = _known()
    if folded in known:
        return known[folded]
    # "Days overdue (as of 10/01/2026)": the day it was counted on follows in brackets.
    head = folded.split(" (", 1)[0].strip()
    found = known.get(head)
    return found if found == "days_overdue" else None


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
