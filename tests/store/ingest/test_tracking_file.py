"""Reading a filled tracking table back: header found in either language, CSV encodings and separators."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import openpyxl
import pytest

from haicap.store import ReportError
from haicap.store.ingest.tracking_file import is_tracking_table, read_tracking_file

HEADER = [
    "STT",
    "Nội dung",
    "Mã",
    "Phiên bản",
    "Trạng thái (cơ quan điền) ✎",
    "Ngày hoàn thành ✎",
    "Nội dung trả lời ✎",
    "Ghi chú ✎",
]


def cp1258(text: str) -> bytes:
    """`text` as Windows writes Vietnamese in code page 1258: a letter with a tone mark is the
    letter (with its own circumflex, breve or horn when the code page has it) and a combining mark."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            # "ộ": "ô" of the code page, then the dot below; "ã": "a", then the tilde.
            for mark in [*marks, ""]:
                head = unicodedata.normalize("NFC", base + mark)
                rest = "".join(m for m in marks if m != mark)
                try:
                    out += head.encode("cp1258") + rest.encode("cp1258")
                    break
                except UnicodeEncodeError:
                    continue
            else:
                out += b"?"  # what Excel writes for a character the code page lacks (the mark ✎)
    return out


def test_a_csv_excel_wrote_in_the_windows_code_page_with_semicolons(tmp_path: Path) -> None:
    text = ";".join(HEADER) + "\r\n" + "1;Kiến nghị;cdb5ed9f-16;1;Đã trả lời;05/01/2026;Đã bố trí vốn;\r\n"
    path = tmp_path / "tra-loi.csv"
    path.write_bytes(cp1258(text))
    assert path.read_bytes() != text.encode("utf-8")
    table = read_tracking_file(path)
    [row] = table.rows
    assert (row.line, row.item_id, row.revision) == (2, "cdb5ed9f-16", "1")
    assert row.cells == {"set_status": "Đã trả lời", "done": "05/01/2026", "answer": "Đã bố trí vốn", "note": ""}
    assert table.columns >= {"id", "revision", "set_status", "done", "answer", "note"}


def test_a_title_above_the_header_and_rows_without_an_id(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["BẢNG THEO DÕI GỬI SỞ XÂY DỰNG"])
    sheet.append(HEADER)
    sheet.append([1, "…", "cdb5ed9f-20", 1, "Hoàn thành", dt.datetime(2026, 1, 5), None, None])
    sheet.append([None, None, None, None, None, None, None, None])  # an empty row is skipped
    sheet.append([None, None, None, None, "Hoàn thành", None, None, None])  # filled, but no id
    book.save(tmp_path / "t.xlsx")
    table = read_tracking_file(tmp_path / "t.xlsx")
    [row] = table.rows
    assert row.line == 3 and row.cells["done"] == dt.datetime(2026, 1, 5)
    assert table.blank_ids == (5,)


def test_which_files_are_tables() -> None:
    assert is_tracking_table(Path("a.XLSX")) and is_tracking_table(Path("a.csv"))
    assert not is_tracking_table(Path("a.docx")) and not is_tracking_table(Path("a.yaml"))


def test_utf16_text_is_no_table(tmp_path: Path) -> None:
    path = tmp_path / "u.csv"
    path.write_bytes("\t".join(HEADER).encode("utf-16"))
    with pytest.raises(ReportError, match=r"u\.csv: không phải là bảng theo dõi của haicap"):
        read_tracking_file(path)
