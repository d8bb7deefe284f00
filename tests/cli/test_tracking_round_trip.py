"""The tracking table's round trip through `haicap export` and `haicap import`, on real files.

The seed session (cdb5ed9f, 25/11/2025) has 4 requests (-16 to -19) and 19 directives
(-20 to -38); three of them are given to Sở Xây dựng, one to Sở Tài chính. The table of Sở
Xây dựng is exported, filled with openpyxl the way LibreOffice saves it (dates as real
dates and as "dd/mm/yyyy" text), and imported back.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from haicap.store import Store
from haicap.tui.cli.main import main

SESSION = "cdb5ed9f"
REQUEST, DIRECTIVE, OTHER_DIRECTIVE, ELSEWHERE = (f"{SESSION}-{n}" for n in (16, 20, 21, 22))
BUILDING = "Sở Xây dựng"


@pytest.fixture
def store_folder(seeded_store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, as_user) -> Path:
    """The seeded store, three items owned by Sở Xây dựng, today 10/01/2026, an empty current folder."""
    monkeypatch.setenv("HAICAP_DB", str(seeded_store_path))
    monkeypatch.setenv("HAICAP_TODAY", "2026-01-10")
    with Store.open(seeded_store_path) as store:
        for item_id in (REQUEST, DIRECTIVE, OTHER_DIRECTIVE):
            store.update_tracking(item_id, owner=BUILDING, who="lan")
        store.update_tracking(ELSEWHERE, owner="Sở Tài chính", who="lan")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    as_user("hoa")
    return seeded_store_path


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _export_building(capsys, *extra: str) -> Path:
    code, out, err = _run(capsys, "export", "--owner", "so xay dung", *extra)
    assert code == 0, err
    written = Path(re.search(r"(theo-doi-\S+\.(xlsx|csv))", out).group(1))
    assert written.exists()
    return written


def _columns(sheet) -> dict[str, int]:
    header = [cell.value for cell in sheet[1]]
    return {str(value).removesuffix(" ✎"): index for index, value in enumerate(header, start=1)}


def _fill(path: Path, values: dict[str, dict[str, object]]) -> None:
    """Write `values` (item id → header → value) into the table, as a spreadsheet would."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    where = _columns(sheet)
    for number in range(2, sheet.max_row + 1):
        item_id = sheet.cell(number, where["Mã"]).value
        for header, value in values.get(item_id, {}).items():
            sheet.cell(number, where[header]).value = value
    book.save(path)


def _three_rows() -> dict[str, dict[str, object]]:
    return {
        REQUEST: {"Trạng thái (cơ quan điền)": "Đã trả lời", "Nội dung trả lời": "Sở đã bố trí vốn năm 2026."},
        DIRECTIVE: {"Ngày hoàn thành": dt.datetime(2026, 1, 5)},
        OTHER_DIRECTIVE: {"Trạng thái (cơ quan điền)": "Hoàn thành", "Ngày hoàn thành": "06/01/2026"},
    }


def _item(folder: Path, item_id: str):
    with Store.open(folder) as store:
        item = store.item(item_id)
        assert item is not None
        return item, store.history(item_id)


def test_the_table_of_one_agency_has_its_rows_and_the_columns_it_fills(store_folder: Path, capsys) -> None:
    path = _export_building(capsys)
    assert path.name == "theo-doi-2025-11-25-ngoc-trao-van-du-kim-tan-so-xay-dung.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book["Theo dõi"]
    where = _columns(sheet)
    ids = [sheet.cell(n, where["Mã"]).value for n in range(2, sheet.max_row + 1)]
    assert ids == [REQUEST, DIRECTIVE, OTHER_DIRECTIVE]
    assert where["Phiên bản"] == where["Mã"] + 1, "the revision stands next to the ID"
    assert [sheet.cell(n, where["Phiên bản"]).value for n in range(2, 5)] == [1, 1, 1]
    marked = [cell.value for cell in sheet[1] if str(cell.value).endswith("✎")]
    assert marked == ["Trạng thái (cơ quan điền) ✎", "Ngày hoàn thành ✎", "Nội dung trả lời ✎", "Ghi chú ✎"]
    status = sheet.cell(1, where["Trạng thái (cơ quan điền)"])
    assert status.fill.fgColor.rgb != sheet.cell(1, where["Mã"]).fill.fgColor.rgb, "the columns to fill have their colour"
    checks = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    letter = status.column_letter
    request_list = checks[f"{letter}2"].formula1
    assert request_list.count(",") == 4 and "Đã giải quyết dứt điểm" in request_list
    assert checks[f"{letter}3 {letter}4"].formula1 == '"Đang thực hiện,Hoàn thành"'
    assert any(v.type == "date" for v in checks.values())
    info = {row[0]: row[1] for row in book["Thông tin"].iter_rows(values_only=True)}
    assert info["Cơ quan chủ trì"] == BUILDING
    assert "Trạng thái (cơ quan điền); Ngày hoàn thành; Nội dung trả lời; Ghi chú" in info["Các cột cơ quan điền (✎)"]


def test_three_filled_rows_come_back_with_history_naming_the_file(store_folder: Path, capsys) -> None:
    path = _export_building(capsys)
    _fill(path, _three_rows())
    code, out, err = _run(capsys, "import", str(path))
    assert code == 0, err
    assert out.splitlines()[0].startswith(f"{path.name} (bảng theo dõi): 3 dòng, 3 mục thay đổi")
    assert f"  {REQUEST} · xã Ngọc Trạo, xã Vân Du, xã Kim Tân · tình trạng: Mới tiếp nhận → Đã trả lời" in out
    assert f"  {DIRECTIVE} · xã Ngọc Trạo, xã Vân Du, xã Kim Tân · ngày hoàn thành: — → 05/01/2026" in out
    request, history = _item(store_folder, REQUEST)
    assert request.tracking.status is not None and request.tracking.status.value == "answered"
    assert request.tracking.answer == "Sở đã bố trí vốn năm 2026."
    assert _item(store_folder, DIRECTIVE)[0].tracking.done == dt.date(2026, 1, 5)
    assert _item(store_folder, OTHER_DIRECTIVE)[0].tracking.done == dt.date(2026, 1, 6)
    imported = [e for e in history if e.source]
    assert {(e.field, e.who, e.source) for e in imported} == {("status", "hoa", path.name), ("answer", "hoa", path.name)}
    code, out, _err = _run(capsys, "item", REQUEST)
    assert f"· hoa · tình trạng: Mới tiếp nhận → Đã trả lời (từ {path.name})" in out


def test_the_same_file_twice_changes_nothing_the_second_time(store_folder: Path, capsys) -> None:
    path = _export_building(capsys)
    _fill(path, _three_rows())
    assert _run(capsys, "import", str(path))[0] == 0
    before = _item(store_folder, REQUEST)
    code, out, err = _run(capsys, "import", str(path))
    assert code == 0 and err == ""
    assert out.splitlines()[-1] == f"{path.name}: không có thay đổi"
    assert _item(store_folder, REQUEST) == before


def test_a_row_changed_in_the_store_since_the_export_is_refused_with_both_values(store_folder: Path, capsys) -> None:
    path = _export_building(capsys)
    with Store.open(store_folder) as store:
        store.set_status(REQUEST, "in_progress", who="lan")  # revision 1 → 2, after the export
    _fill(path, _three_rows())
    code, out, err = _run(capsys, "import", str(path))
    assert code == 1
    assert err.splitlines() == [
        f"haicap: {path.name}: dòng 2 ({REQUEST}): đã thay đổi trong kho sau khi xuất bảng (phiên bản 1, nay là 2): "
        "tình trạng: trong kho 'Đang giải quyết', trong tệp 'Đã trả lời'; "
        "trả lời: trong kho —, trong tệp 'Sở đã bố trí vốn năm 2026.'"
    ]
    assert "1 dòng bị từ chối, các dòng còn lại đã được áp dụng" in out.splitlines()[-1]
    assert _item(store_folder, REQUEST)[0].tracking.answer == ""
    assert _item(store_folder, DIRECTIVE)[0].tracking.done == dt.date(2026, 1, 5), "the other rows are applied"


def test_unknown_ids_wrong_statuses_and_impossible_dates_are_each_refused_on_one_line(store_folder: Path, capsys) -> None:
    path = _export_building(capsys)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    where = _columns(sheet)
    sheet.cell(2, where["Trạng thái (cơ quan điền)"]).value = "Hoàn thành"  # a request's row
    sheet.cell(3, where["Ngày hoàn thành"]).value = "hôm qua"
    sheet.cell(4, where["Ngày hoàn thành"]).value = "20/11/2025"  # before the session of 25/11/2025
    for number, (item_id, cells) in enumerate(
        [
            (f"{SESSION}-99", {"Trạng thái (cơ quan điền)": "Hoàn thành"}),
            (f"{SESSION}-23", {"Trạng thái (cơ quan điền)": "Đã trả lời"}),
            (f"{SESSION}-24", {"Ngày hoàn thành": dt.datetime(1999, 12, 31)}),
            (f"{SESSION}-25", {"Ngày hoàn thành": "31/02/2026"}),
        ],
        start=5,
    ):
        sheet.cell(number, where["Mã"]).value = item_id
        for header, value in cells.items():
            sheet.cell(number, where[header]).value = value
    book.save(path)
    before = [_item(store_folder, f"{SESSION}-{n}") for n in (16, 20, 21, 23, 24, 25)]
    code, _out, err = _run(capsys, "import", str(path))
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 7 and all(line.startswith(f"haicap: {path.name}: dòng ") for line in lines)
    assert lines[0].startswith(f"haicap: {path.name}: dòng 2 ({REQUEST}): 'Hoàn thành' không phải là tình trạng của kiến nghị")
    assert (
        lines[1]
        == f"haicap: {path.name}: dòng 3 ({DIRECTIVE}): ngày hoàn thành: 'hôm qua' không phải là ngày (viết YYYY-MM-DD hoặc DD/MM/YYYY)"
    )
    assert (
        lines[2]
        == f"haicap: {path.name}: dòng 4 ({OTHER_DIRECTIVE}): ngày hoàn thành: 20/11/2025 trước phiên làm việc ngày 25/11/2025"
    )
    assert lines[3] == f"haicap: {path.name}: dòng 5 ({SESSION}-99): không có mục nào mang mã này trong kho"
    assert lines[4].startswith(f"haicap: {path.name}: dòng 6 ({SESSION}-23): 'Đã trả lời' không phải là tình trạng của chỉ đạo")
    assert lines[5] == f"haicap: {path.name}: dòng 7 ({SESSION}-24): ngày hoàn thành: 1999-12-31 nằm ngoài các năm 2000–2100"
    assert lines[6] == f"haicap: {path.name}: dòng 8 ({SESSION}-25): ngày hoàn thành: '31/02/2026' không phải là ngày có thật"
    assert [_item(store_folder, f"{SESSION}-{n}") for n in (16, 20, 21, 23, 24, 25)] == before


def test_a_csv_comes_back_the_same_with_or_without_bom_comma_or_semicolon(store_folder: Path, capsys) -> None:
    path = _export_building(capsys, "--format", "csv")
    assert path.suffix == ".csv" and path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"))))
    where = {value.removesuffix(" ✎"): index for index, value in enumerate(rows[0])}
    by_id = {row[where["Mã"]]: row for row in rows[1:]}
    by_id[REQUEST][where["Trạng thái (cơ quan điền)"]] = "da tra loi"  # diacritics left out
    by_id[REQUEST][where["Nội dung trả lời"]] = "Đã trả lời bằng văn bản số 12"
    by_id[DIRECTIVE][where["Ngày hoàn thành"]] = "05/01/2026"
    by_id[OTHER_DIRECTIVE][where["Ngày hoàn thành"]] = "2026-01-06"
    semicolons = io.StringIO()
    csv.writer(semicolons, delimiter=";", lineterminator="\r\n").writerows(rows)
    filled = Path("tra-loi.csv")
    filled.write_bytes(semicolons.getvalue().encode("utf-8"))  # Excel's "CSV UTF-8" minus the mark, ';' as in vi-VN
    code, out, err = _run(capsys, "import", str(filled))
    assert code == 0, err
    assert "tra-loi.csv: đã cập nhật 3 mục (4 thay đổi)" in out
    request, history = _item(store_folder, REQUEST)
    assert request.tracking.answer == "Đã trả lời bằng văn bản số 12"
    assert _item(store_folder, OTHER_DIRECTIVE)[0].tracking.done == dt.date(2026, 1, 6)
    assert {e.source for e in history if e.source} == {"tra-loi.csv"}
    commas = io.StringIO()
    csv.writer(commas, lineterminator="\r\n").writerows(rows)
    again = Path("lan-hai.csv")
    again.write_bytes(b"\xef\xbb\xbf" + commas.getvalue().encode("utf-8"))
    code, out, _err = _run(capsys, "import", str(again))
    assert code == 0 and out.splitlines()[-1] == "lan-hai.csv: không có thay đổi"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("rong.xlsx", b"", "tệp trống"),
        ("hong.xlsx", b"PK\x03\x04 not really a zip", "không mở được như một sổ tính Excel (.xlsx)"),
        ("van-ban.xlsx", b"just text", "không mở được như một sổ tính Excel (.xlsx)"),
        ("rong.csv", b"\xef\xbb\xbf", "không phải là bảng theo dõi của haicap"),
        ("khac.csv", b"a,b,c\r\n1,2,3\r\n", "không phải là bảng theo dõi của haicap"),
    ],
)
def test_damaged_empty_and_other_files_get_one_line(store_folder: Path, capsys, name: str, data: bytes, reason: str) -> None:
    Path(name).write_bytes(data)
    code, out, err = _run(capsys, "import", name)
    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith(f"haicap: {name}: ") and reason in err


def test_a_workbook_that_is_no_tracking_table_gets_one_line(store_folder: Path, capsys) -> None:
    book = openpyxl.Workbook()
    book.active.append(["ID", "Tên", "Tuổi"])  # an "ID" column, but none of haicap's others
    book.active.append([1, "Lan", 30])
    book.save("nhan-su.xlsx")
    code, _out, err = _run(capsys, "import", "nhan-su.xlsx")
    assert code == 1 and err.startswith("haicap: nhan-su.xlsx: không phải là bảng theo dõi của haicap")
    assert len(err.splitlines()) == 1


def test_a_table_and_a_report_in_one_call_are_refused_before_anything_is_written(store_folder: Path, capsys) -> None:
    path = _export_building(capsys)
    _fill(path, _three_rows())
    Path("bao-cao.txt").write_text("Sáng 25/11, đồng chí A làm việc với xã Ngọc Trạo.", "utf-8")
    code, _out, err = _run(capsys, "import", str(path), "bao-cao.txt")
    assert code == 2 and "hãy nhập trong hai lần gọi" in err
    assert _item(store_folder, REQUEST)[0].tracking.answer == ""


def test_by_owner_gives_each_agency_a_sheet_and_the_unassigned_one(store_folder: Path, capsys) -> None:
    code, _out, err = _run(capsys, "export", "--by-owner", "-o", "tat-ca.xlsx")
    assert code == 0, err
    book = openpyxl.load_workbook("tat-ca.xlsx")
    assert book.sheetnames == [BUILDING, "Sở Tài chính", "Chưa giao", "Thông tin"]
    assert book["Chưa giao"].max_row == 1 + 23 - 4
    # Filled on one agency's sheet, the whole workbook comes back.
    sheet = book[BUILDING]
    where = _columns(sheet)
    sheet.cell(2, where["Nội dung trả lời"]).value = "Đã bố trí vốn."
    book.save("tat-ca.xlsx")
    code, _out, err = _run(capsys, "import", "tat-ca.xlsx")
    assert code == 0, err
    assert _item(store_folder, REQUEST)[0].tracking.answer == "Đã bố trí vốn."


def test_by_owner_files_writes_one_file_per_agency_in_the_folder(store_folder: Path, capsys) -> None:
    Path("gui").mkdir()
    code, out, err = _run(capsys, "export", "--by-owner", "files", "--format", "csv", "-o", "gui")
    assert code == 0, err
    names = sorted(p.name for p in Path("gui").iterdir())
    base = "theo-doi-2025-11-25-ngoc-trao-van-du-kim-tan"
    assert names == [f"{base}-chua-giao.csv", f"{base}-so-tai-chinh.csv", f"{base}-so-xay-dung.csv"]
    assert len(out.splitlines()) == 3
    code, _out, err = _run(capsys, "export", "--by-owner", "files", "--format", "csv", "-o", "gui")
    assert code == 1 and "đã có" in err, "an agency's file is not overwritten without --force"


def test_an_english_table_is_read_back_too(store_folder: Path, capsys) -> None:
    code, out, err = _run(capsys, "--lang", "en", "export", "--owner", "SỞ XÂY DỰNG")
    assert code == 0, err
    path = Path(re.search(r"(tracking-\S+\.xlsx)", out).group(1))
    book = openpyxl.load_workbook(path)
    sheet = book["Tracking"]
    where = _columns(sheet)
    row = next(n for n in range(2, sheet.max_row + 1) if sheet.cell(n, where["ID"]).value == REQUEST)
    sheet.cell(row, where["Status (to fill in)"]).value = "Resolved"
    book.save(path)
    code, out, err = _run(capsys, "--lang", "en", "import", str(path), "--dry-run")
    assert code == 0, err
    assert f"  {REQUEST} · xã Ngọc Trạo, xã Vân Du, xã Kim Tân · status: Received → Resolved" in out
    assert out.splitlines()[-1] == "dry run: nothing written"
    assert _item(store_folder, REQUEST)[0].tracking.status is None


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_table_saved_again_by_libreoffice_comes_back(store_folder: Path, capsys, tmp_path: Path) -> None:
    path = _export_building(capsys)
    _fill(path, _three_rows())
    out_dir = tmp_path / "lo"
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out_dir),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    code, _out, err = _run(capsys, "import", str(out_dir / path.name))
    assert code == 0, err
    assert _item(store_folder, DIRECTIVE)[0].tracking.done == dt.date(2026, 1, 5)
