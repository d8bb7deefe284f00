"""The tracking table of requests and directives: its columns and rows, shared by .xlsx and .csv.

One row per request or directive (an item of several communes is one row, its communes
listed in one cell), so the rows are exactly the store's items and a count of rows is a
count of requests and directives. Values keep their types (dates, whole days) so the
spreadsheet can sort and filter them; each writer formats them its own way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from haicap.store.domain.dates import format_date
from haicap.store.domain.i18n import _, pgettext
from haicap.store.views.exports.content import Entry, ExportContent

__all__ = ["Column", "columns", "rows"]


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


def columns(content: ExportContent) -> tuple[Column, ...]:
    """The columns, in order; the days-overdue header names the day they are counted on."""
    on = format_date(content.today)
    return (
        Column(_("No."), 5, kind="number", key="number"),
        Column(_("Commune, ward"), 18, wrap=True, key="communes"),
        Column(pgettext("column", "Kind"), 11, key="kind"),
        Column(pgettext("column", "Text"), 60, wrap=True, key="text"),
        Column(_("Responsible agency / carried out by"), 26, wrap=True, key="owner"),
        Column(_("Co-operating agencies"), 22, wrap=True, key="co_agencies"),
        Column(pgettext("column", "Deadline"), 12, kind="date", key="deadline"),
        Column(_("Completed on"), 12, kind="date", key="done"),
        Column(pgettext("column", "State"), 24, wrap=True, key="status"),
        Column(_("Days overdue (as of {date})").format(date=on), 13, wrap=True, kind="number", key="days_overdue"),
        Column(_("Session date"), 12, kind="date", key="session_date"),
        Column(_("ID"), 13, key="id"),
    )


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
        entry.done,
        entry.status,
        entry.late_days,
        entry.session_date,
        entry.id,
    )


def rows(content: ExportContent) -> list[tuple[Value, ...]]:
    """Every request and directive of the export, numbered from 1."""
    return [row(number, entry) for number, entry in enumerate(content.tracked, start=1)]
