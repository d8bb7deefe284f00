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
from haicap.store.views.exports.content import Entry, ExportContent

__all__ = ["Column", "columns", "rows"]


@dataclass(frozen=True)
class Column:
    """A column of the table: its header, its width in characters, whether it wraps."""

    header: str
    width: float
    wrap: bool = False
    kind: str = "text"
    """"text", "date" or "number": how a spreadsheet shows the value."""


def columns(content: ExportContent) -> tuple[Column, ...]:
    """The columns, in order; the days-overdue header names the day they are counted on."""
    on = format_date(content.today)
    return (
        Column("STT", 5, kind="number"),
        Column("Xã, phường", 18, wrap=True),
        Column("Loại", 11),
        Column("Nội dung", 60, wrap=True),
        Column("Cơ quan chủ trì / thực hiện", 26, wrap=True),
        Column("Cơ quan phối hợp", 22, wrap=True),
        Column("Thời hạn", 12, kind="date"),
        Column("Ngày hoàn thành", 12, kind="date"),
        Column("Tình trạng", 24, wrap=True),
        Column(f"Số ngày quá hạn (đến {on})", 13, wrap=True, kind="number"),
        Column("Ngày làm việc", 12, kind="date"),
        Column("Mã", 13),
    )


Value = str | int | dt.date | None


def row(number: int, entry: Entry) -> tuple[Value, ...]:
    """The cells of one entry, matching `columns`."""
    return (
        number,
        ", ".join(entry.communes),
        entry.kind.title_vi,
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
