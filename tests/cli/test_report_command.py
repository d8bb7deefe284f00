"""`haicap report` end to end through `haicap.tui.cli.main.main`, on the SYNTHETIC store of
`tests/period_stores.py`: default names, formats, stdout, --force, and one-line refusals."""

from __future__ import annotations

import os
from pathlib import Path

import docx
import openpyxl
import period_stores
import pytest

from haicap.tui.cli.main import main

Q1 = ("--from", "01/01/2026", "--to", "2026-03-31")


@pytest.fixture(scope="module")
def synthetic_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return period_stores.build(tmp_path_factory.mktemp("report-cli") / "store")


@pytest.fixture
def store_folder(synthetic_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The synthetic store as HAICAP_DB, today fixed, and an empty current folder for the files."""
    monkeypatch.setenv("HAICAP_DB", str(synthetic_folder))
    monkeypatch.setenv("HAICAP_TODAY", "2026-04-02")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return synthetic_folder


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as stop:  # argparse's own refusals (a missing option)
        code = int(stop.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_mtime_ns, p.stat().st_size) for p in folder.iterdir() if p.is_file()}


def test_default_is_a_word_report_named_after_the_quarter_and_province(store_folder: Path, capsys) -> None:
    code, out, err = _run(capsys, "report", *Q1, "--province", "thanh hoa")
    assert code == 0, err
    target = Path("bao-cao-2026-q1-thanh-hoa.docx")
    assert out == (
        f"đã ghi {target} (docx: Tỉnh Thanh Hóa, quý I/2026 (từ ngày 01/01/2026 đến ngày 31/03/2026); 9 chỉ đạo, 7 kiến nghị)\n"
    )
    document = docx.Document(str(target))
    assert "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT KIẾN NGHỊ VÀ THỰC HIỆN CHỈ ĐẠO" in [p.text for p in document.paragraphs]


def test_xlsx_from_the_suffix_has_one_sheet_per_table_with_dates_as_dates(store_folder: Path, capsys) -> None:
    code, _out, err = _run(capsys, "report", *Q1, "--commune", "van du", "-o", "q1.xlsx")
    assert code == 0, err
    book = openpyxl.load_workbook("q1.xlsx")
    assert book.sheetnames == [
        "Tổng hợp chỉ đạo",
        "Tổng hợp kiến nghị",
        "Chỉ đạo theo xã",
        "Kiến nghị theo xã",
        "Chỉ đạo theo cơ quan",
        "Kiến nghị theo cơ quan",
        "Quá hạn",
        "CĐ hoàn thành",
        "KN đã xử lý",
        "Mới quá hạn",
        "Kiến nghị – chỉ đạo",
        "Thông tin",
    ]
    late = book["Quá hạn"]
    assert late.freeze_panes == "A2"
    header = [c.value for c in late[1]]
    first = dict(zip(header, [c.value for c in late[2]], strict=True))
    assert first["Số ngày quá hạn"] == 91 and first["Thời hạn"].date().isoformat() == "2025-12-30"
    assert late.cell(row=2, column=header.index("Thời hạn") + 1).number_format == "DD/MM/YYYY"


def test_dash_prints_markdown_and_writes_nothing(store_folder: Path, capsys) -> None:
    code, out, err = _run(capsys, "report", *Q1, "--owner", "so xay dung", "-o", "-")
    assert code == 0, err
    assert out.startswith("# BÁO CÁO TÌNH HÌNH GIẢI QUYẾT KIẾN NGHỊ VÀ THỰC HIỆN CHỈ ĐẠO\n")
    assert "cả nước; cơ quan chủ trì: so xay dung" in out
    assert "| Tổng cộng | 2 | 0 | 0 | 1 | 1 | 0 | 0 |" in out  # its two directives
    assert os.listdir(".") == []


def test_english_headings_and_name(store_folder: Path, capsys) -> None:
    code, _out, err = _run(capsys, "--lang", "en", "report", *Q1, "--province", "thanh hoa", "-f", "md")
    assert code == 0, err
    text = Path("report-2026-q1-thanh-hoa.md").read_text(encoding="utf-8")
    assert text.startswith(
        "# REPORT ON THE FOLLOW-UP OF REQUESTS AND DIRECTIVES\n\n**Quarter I/2026 (from 01/01/2026 to 31/03/2026)**"
    )
    assert "## I. GENERAL TOTALS" in text and "| All | 9 | 2 | 1 | 2 | 2 | 1 | 1 |" in text


def test_an_existing_file_needs_force(store_folder: Path, capsys) -> None:
    Path("r.md").write_text("mine", encoding="utf-8")
    code, out, err = _run(capsys, "report", *Q1, "-o", "r.md")
    assert (code, out) == (1, "") and err.count("\n") == 1 and "--force" in err
    assert Path("r.md").read_text(encoding="utf-8") == "mine"
    code, _out, err = _run(capsys, "report", *Q1, "-o", "r.md", "--force")
    assert code == 0, err
    assert Path("r.md").read_text(encoding="utf-8").startswith("# BÁO CÁO")


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (("--from", "31/02/2026", "--to", "31/03/2026"), "haicap: --from: '31/02/2026' không phải là ngày có thật"),
        (("--from", "quý 1", "--to", "31/03/2026"), "haicap: --from: 'quý 1' không phải là ngày"),
        (("--from", "1999-12-31", "--to", "2026-03-31"), "haicap: --from: 1999-12-31 nằm ngoài các năm 2000–2100"),
        (("--from", "2026-01-01", "--to", "2101-01-01"), "haicap: --to: 2101-01-01 nằm ngoài các năm 2000–2100"),
        (("--from", "2026-04-01", "--to", "2026-03-31"), "haicap: --from 01/04/2026 sau --to 31/03/2026"),
        (("--from", "2026-01-01"), "haicap report: còn thiếu các tham số bắt buộc: --to"),
        ((*Q1, "--format", "pdf"), "haicap: --format: 'pdf'"),
        ((*Q1, "-o", "bao-cao.pdf"), "haicap: -o: 'bao-cao.pdf'"),
        ((*Q1, "-o", "-", "--format", "docx"), "haicap: -o -: "),
        ((*Q1, "--province", "atlantis"), "haicap: --province: "),
        ((*Q1, "--commune", "không có xã này"), "haicap: --commune: "),
        ((*Q1, "--owner", "  "), "haicap: --owner: "),
    ],
)
def test_bad_dates_and_options_get_one_line_and_exit_2(store_folder: Path, capsys, argv: tuple[str, ...], said: str) -> None:
    before = _snapshot(store_folder)
    code, out, err = _run(capsys, "report", *argv)
    assert code == 2
    assert out == "" and err.count("\n") == 1 and err.startswith(said), err
    assert "Traceback" not in err
    assert os.listdir(".") == [] and _snapshot(store_folder) == before
