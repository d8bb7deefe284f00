"""`haicap export` end to end through `haicap.tui.cli.main.main`: files, names, stdout and one-line refusals.

The seed session (cdb5ed9f, 25/11/2025) is with xã Ngọc Trạo, Vân Du and Kim Tân; today
is fixed at 10/01/2026, so its untouched requests are 6 days overdue.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import docx
import openpyxl
import pytest

from haicap.store import Kind, Store
from haicap.tui.cli.main import main

SESSION = "cdb5ed9f"


@pytest.fixture
def store_folder(seeded_store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seeded store as HAICAP_DB, today fixed, and an empty current folder for the files."""
    monkeypatch.setenv("HAICAP_DB", str(seeded_store_path))
    monkeypatch.setenv("HAICAP_TODAY", "2026-01-10")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return seeded_store_path


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _requests_and_directives(folder: Path) -> list[str]:
    with Store.open(folder) as store:
        return [i.id for i in store.items(kinds=(Kind.REQUEST, Kind.DIRECTIVE))]


def test_default_is_the_newest_sessions_minutes_in_the_current_folder(store_folder: Path, capsys) -> None:
    code, out, err = _run(capsys, "export")
    assert code == 0, err
    target = Path("bien-ban-2025-11-25-ngoc-trao-van-du-kim-tan.docx")
    assert out.startswith(f"đã ghi {target} (docx: xã Ngọc Trạo, xã Vân Du và xã Kim Tân (Thanh Hóa), 1 phiên làm việc, 23 ")
    text = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "BIÊN BẢN LÀM VIỆC" in text and "Làm việc với: xã Ngọc Trạo, xã Vân Du và xã Kim Tân." in text


def test_xlsx_of_one_commune_in_a_session_by_prefix(store_folder: Path, capsys) -> None:
    code, _out, err = _run(capsys, "export", "--format", "xlsx", "--session", SESSION[:6], "--commune", "ngoc trao")
    assert code == 0, err
    book = openpyxl.load_workbook("theo-doi-2025-11-25-ngoc-trao.xlsx")
    _, *rows = list(book["Theo dõi"].iter_rows(values_only=True))
    assert [row[10] for row in rows] == _requests_and_directives(store_folder)
    assert {row[8] for row in rows if row[2] == "Kiến nghị"} == {6}


def test_commune_with_province_and_the_format_from_the_file_suffix(store_folder: Path, capsys) -> None:
    code, _out, err = _run(capsys, "export", "--commune", "xã Vân Du", "--province", "thanh hoa", "-o", "van-du.md")
    assert code == 0, err
    text = Path("van-du.md").read_text(encoding="utf-8")
    assert text.startswith("# BIÊN BẢN LÀM VIỆC\n\n**xã Vân Du (Thanh Hóa)**\n")
    assert "## I. Kết quả đạt được" in text and "## II. Khó khăn, vướng mắc" in text


def test_md_and_csv_go_to_stdout_with_dash(store_folder: Path, capsys) -> None:
    code, out, err = _run(capsys, "export", "-o", "-")
    assert code == 0, err
    assert out.startswith("# BIÊN BẢN LÀM VIỆC") and "Trịnh Tuấn Sinh" in out
    code, out, err = _run(capsys, "export", "--format", "csv", "-o", "-")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][0] == "STT" and len(rows) == 24  # no byte-order mark on a pipe
    assert os.listdir(".") == []


def test_a_csv_file_starts_with_a_bom(store_folder: Path, capsys) -> None:
    assert main(["export", "--format", "CSV"]) == 0
    data = Path("theo-doi-2025-11-25-ngoc-trao-van-du-kim-tan.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfSTT,") and "Mới tiếp nhận – quá hạn".encode() in data


def test_an_existing_file_is_refused_in_one_line_then_overwritten_with_force(store_folder: Path, capsys) -> None:
    Path("out.docx").write_bytes(b"keep me")
    code, out, err = _run(capsys, "export", "-o", "out.docx")
    assert code == 1 and out == ""
    assert err == "haicap: out.docx: đã có; hãy đặt tên khác bằng -o hoặc thêm --force để ghi đè\n"
    assert Path("out.docx").read_bytes() == b"keep me"
    code, out, err = _run(capsys, "export", "-o", "out.docx", "--force")
    assert code == 0, err
    assert docx.Document("out.docx").paragraphs


@pytest.mark.parametrize(
    ("argv", "code", "reason"),
    [
        (["--session", "zzzz"], 1, "haicap: không có phiên làm việc nào mã 'zzzz'"),
        (["--commune", "xã Không Có"], 2, "haicap: --commune: không tỉnh nào có xã/phường tên 'xã Không Có'"),
        (["--commune", "Hưng Nguyên", "--province", "Nghệ An"], 1, "chưa có phiên làm việc nào để xuất"),
        (["--session", SESSION, "--commune", "Hưng Nguyên"], 2, "không có xã/phường 'Hưng Nguyên' ở Thanh Hóa"),
        (["--format", "pdf"], 2, "--format: 'pdf' không phải là định dạng"),
        (["--format", "docx", "-o", "-"], 2, "là tệp nhị phân"),
        (["-o", "no-such-folder/x.docx"], 1, "không tồn tại"),
        (["--province", "Atlantis"], 2, "không có tỉnh nào tên 'Atlantis'"),
    ],
)
def test_each_refusal_is_one_line_and_writes_nothing(store_folder: Path, capsys, argv, code, reason) -> None:
    got, _out, err = _run(capsys, "export", *argv)
    assert got == code
    assert len(err.strip().splitlines()) == 1 and reason in err
    assert os.listdir(".") == [] or argv[-1] == "-"


def test_an_ambiguous_commune_needs_a_province(store_folder: Path, capsys) -> None:
    code, _, err = _run(capsys, "export", "--commune", "xã Bình Minh")  # in several provinces, no sessions
    assert code == 2 and "chưa rõ là xã nào" in err and "thêm --province" in err


def test_a_repeated_name_means_the_commune_that_has_sessions(store_folder: Path, capsys) -> None:
    # xã Vân Du is in Thanh Hóa and in Nghệ An; only Thanh Hóa's has a session.
    code, out, err = _run(capsys, "export", "--commune", "van du", "-o", "-")
    assert code == 0, err
    assert "Vân Du" in out and "Thanh Hóa" in out


def test_a_path_under_a_file_is_refused(store_folder: Path, capsys) -> None:
    Path("a-file").write_text("x")
    code, _, err = _run(capsys, "export", "-o", "a-file/x.docx")
    assert code == 1 and err.startswith("haicap: a-file/x.docx: ")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_folder_is_refused(store_folder: Path, capsys) -> None:
    locked = Path("locked")
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code, _, err = _run(capsys, "export", "-o", "locked/x.docx")
    finally:
        locked.chmod(0o700)
    assert code == 1 and err.strip() == "haicap: locked/x.docx: không ghi được (Permission denied)"


def test_an_unwritable_folder_is_refused_even_for_root(store_folder: Path, capsys, monkeypatch) -> None:
    """Root ignores folder permissions, so the refusal the OS gives is simulated."""
    real_open = open

    def refusing_open(path, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if "x" in mode:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refusing_open)
    code, _, err = _run(capsys, "export", "-o", "x.xlsx")
    assert code == 1 and err.strip() == "haicap: x.xlsx: không ghi được (Permission denied)"
    code, _, err = _run(capsys, "export", "-o", "x.xlsx", "--force")
    assert code == 1 and err.strip() == "haicap: x.xlsx: không ghi được (Permission denied)"
    assert os.listdir(".") == []
