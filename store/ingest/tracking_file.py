"""An agency's filled tracking table read back: haicap's own table (.xlsx or .csv), row by row.

`read_tracking_file(path)` finds the table's header row (in Vietnamese or English, with the
ID column: `store.views.exports.tracking_table.column_key`) on every sheet of an .xlsx,
or at the top of a .csv (UTF-8 with or without a byte-order mark, or the Windows code page
Excel writes for Vietnamese; commas, semicolons or tabs, as Excel writes them in each
locale), and returns every row that names an item, its cells as they were (dates as
dates when the spreadsheet holds them so, text otherwise). Nothing is checked against a
store here: `store.db.tracking_updates` does that. A file that is no such table, empty or
damaged is one `ReportError` ("FILE: reason").

`is_tracking_table(path)` says whether a file is to be read here rather than by the report
reader (`haicap import` and the dashboard's `i` send it here).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from haicap.store.domain.errors import ReportError
from haicap.store.domain.file_names import shown_name
from haicap.store.domain.i18n import N_, _
from haicap.store.domain.tracking_columns import column_key
from haicap.store.ingest.documents.limits import check_zip_sizes

__all__ = ["TRACKING_SUFFIXES", "TrackingFile", "TrackingRow", "is_tracking_table", "read_tracking_file"]

TRACKING_SUFFIXES = (".xlsx", ".csv")
"""The files a filled tracking table comes back as."""

_MAX_BYTES = 50 * 1024 * 1024
"""A table of a whole province is a few hundred kilobytes; a larger file is no such table."""

_HEADER_ROWS = 10
"""How far down a sheet the header row is looked for (someone may add a title above it)."""

_NOT_XLSX = N_("cannot be opened as an Excel workbook (.xlsx): damaged, or another kind of file")

Cell = str | int | float | dt.date | dt.datetime | None


@dataclass(frozen=True)
class TrackingRow:
    """One row of the table that names an item."""

    line: int
    """Its row number as the spreadsheet shows it (the header is row 1 when nothing is above it)."""
    item_id: str
    revision: Cell
    """What the revision column holds (the item's revision when exported), or None."""
    cells: dict[str, Cell]
    """The cells of the columns the agency fills that the table has, by key ("set_status", "done", ...)."""
    sheet: str = ""
    """The sheet it is on (an .xlsx split by owner has several), "" for a .csv."""

    def where(self, several_sheets: bool) -> str:
        """ "row 7 (cdb5ed9f-16)", or "Sở Xây dựng, row 7 (…)" when the file has several tables."""
        place = _("row {number} ({id})").format(number=self.line, id=self.item_id)
        return f"{self.sheet}, {place}" if several_sheets and self.sheet else place


@dataclass(frozen=True)
class TrackingFile:
    """A tracking table read back: its rows, and the columns it has."""

    path: Path
    rows: tuple[TrackingRow, ...]
    columns: frozenset[str]
    """The keys of the columns the header names."""
    sheets: tuple[str, ...] = ()
    """The sheets that hold a table (one name per sheet; empty for a .csv)."""
    blank_ids: tuple[int, ...] = field(default=())
    """Rows with something in them but no id (reported: they cannot be matched)."""

    @property
    def name(self) -> str:
        """The file's name as history and messages show it."""
        return shown_name(self.path.name)

    @property
    def several_sheets(self) -> bool:
        """Whether rows must say which sheet they are on."""
        return len(self.sheets) > 1


def _header_keys(values: list[Any]) -> dict[int, str] | None:
    """The column index → key of a header row, or None when the row is no header of the table."""
    keys: dict[int, str] = {}
    for index, value in enumerate(values):
        key = column_key(value)
        if key is not None and key not in keys.values():
            keys[index] = key
    found = set(keys.values())
    # The ID and at least one more of haicap's columns: a sheet of someone else's with an
    # "ID" column is not taken for the table.
    return keys if "id" in found and len(found) >= 3 else None


def _rows_of(values: list[list[Any]], sheet: str, first_line: int = 1) -> tuple[list[TrackingRow], set[str], list[int]] | None:
    for offset, header in enumerate(values[:_HEADER_ROWS]):
        keys = _header_keys(header)
        if keys is None:
            continue
        wanted = {"set_status", "done", "answer", "note"}
        rows, blank = [], []
        for number, cells in enumerate(values[offset + 1 :], start=first_line + offset + 1):
            by_key = {key: (cells[index] if index < len(cells) else None) for index, key in keys.items()}
            item_id = _text(by_key.get("id"))
            if not item_id:
                if any(_text(by_key.get(key)) for key in wanted):
                    blank.append(number)
                continue
            rows.append(
                TrackingRow(
                    line=number,
                    item_id=item_id,
                    revision=by_key.get("revision"),
                    cells={key: value for key, value in by_key.items() if key in wanted},
                    sheet=sheet,
                )
            )
        return rows, set(keys.values()), blank
    return None


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFC", str(value)).strip()


def is_tracking_table(path: Path) -> bool:
    """Whether `path` is to be read as a tracking table: an .xlsx or .csv (the report reader
    reads neither; what is wrong with one that is no table, `read_tracking_file` says)."""
    return path.suffix.lower() in TRACKING_SUFFIXES


def read_tracking_file(path: Path) -> TrackingFile:
    """The rows of the tracking table in `path` (.xlsx or .csv); ReportError when it is none."""
    suffix = path.suffix.lower()
    if suffix not in TRACKING_SUFFIXES:
        raise ReportError(shown_name(path), _("not a tracking table (.xlsx or .csv)"))
    try:
        size = path.stat().st_size
        if size > _MAX_BYTES:
            raise ReportError(shown_name(path), _("too large for a tracking table ({size} MB)").format(size=size // 2**20))
        data = path.read_bytes()
    except OSError as error:
        raise ReportError(shown_name(path), _("cannot read ({why})").format(why=error.strerror or error)) from None
    if not data.strip():
        raise ReportError(shown_name(path), _("the file is empty"))
    if suffix == ".csv":
        return _from_csv(path, data)
    if not data.startswith(b"PK") or not zipfile.is_zipfile(io.BytesIO(data)):
        raise ReportError(shown_name(path), _(_NOT_XLSX))
    # Every part decompressed once without being kept: a zip bomb is refused before openpyxl opens it.
    check_zip_sizes(data, shown_name(path))
    return _from_xlsx(path, data)


def _no_table(path: Path) -> ReportError:
    return ReportError(
        shown_name(path),
        _("not a haicap tracking table: no header row with the ID column (export one with haicap export --format xlsx)"),
    )


def _from_xlsx(path: Path, data: bytes) -> TrackingFile:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise ReportError(shown_name(path), _(_NOT_XLSX)) from None
    rows: list[TrackingRow] = []
    columns: set[str] = set()
    sheets: list[str] = []
    blank: list[int] = []
    try:
        for sheet in book.worksheets:
            values = [list(row) for row in sheet.iter_rows(values_only=True)]
            found = _rows_of(values, sheet.title)
            if found is None:
                continue
            sheet_rows, keys, sheet_blank = found
            rows += sheet_rows
            columns |= keys
            blank += sheet_blank
            sheets.append(sheet.title)
    except Exception:  # noqa: BLE001 - a sheet's XML may be damaged past its first bytes
        raise ReportError(shown_name(path), _(_NOT_XLSX)) from None
    finally:
        book.close()
    if not sheets:
        raise _no_table(path)
    return TrackingFile(path=path, rows=tuple(rows), columns=frozenset(columns), sheets=tuple(sheets), blank_ids=tuple(blank))


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Excel's "CSV (comma delimited)" on a Vietnamese Windows: code page 1258, whose
        # tone marks are combining characters (NFC joins them to their letters).
        return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


def _from_csv(path: Path, data: bytes) -> TrackingFile:
    if b"\x00" in data[:4096]:
        raise _no_table(path)  # UTF-16 ("Unicode text") or a binary file
    text = _decode(data)
    first = text.split("\n", 1)[0]
    # Excel writes the list separator of the locale: ";" where the decimal mark is a comma
    # (Vietnamese, most of Europe), "," elsewhere; a tab for "Unicode text".
    delimiter = max((";", ",", "\t"), key=first.count)
    values = [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    found = _rows_of([[_unguard(cell) for cell in row] for row in values], "")
    if found is None:
        raise _no_table(path)
    rows, keys, blank = found
    return TrackingFile(path=path, rows=tuple(rows), columns=frozenset(keys), blank_ids=tuple(blank))


_GUARDED = ("'=", "'+", "'-", "'@")


def _unguard(cell: str) -> str:
    """A cell as written before the export guarded it: "'=1+1" was "=1+1" (see `plain._csv_cell`)."""
    return cell[1:] if cell.startswith(_GUARDED) else cell
