"""What reading a file tells the officer is in the language spoken: Vietnamese by default,
English after `set_language("en")` — the refusals of real files, and the plan that
`haicap import --dry-run` prints and the review shows (reasons, cues, history).

The reader's own matching words (Vietnamese cues, headings) are not messages and stay as
they are in both languages.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from haicap.store import Store
from haicap.store.domain.errors import ReportError
from haicap.store.domain.i18n import set_language
from haicap.store.domain.registry import load_registry
from haicap.store.ingest.documents import read_document
from haicap.store.ingest.importer import Overrides, plan_import
from haicap.store.ingest.reader.cue_labels import cue_label
from haicap.store.ingest.reader.left_out import CAPTION, REASONS, reason_label, reason_text
from haicap.store.ingest.reports import read_report_file

REGISTRY = load_registry()
TODAY = dt.date(2026, 11, 25)

ARTICLE = """\
Sáng 3/12, đồng chí Lê Văn Minh, Phó Chủ tịch UBND tỉnh đã làm việc với xã Hoằng Hóa về tình hình phát triển kinh tế - xã hội năm 2025.

Đồng chí Lê Văn Minh phát biểu tại buổi làm việc. Ảnh: Thu Hà

Theo báo cáo, năm 2025 xã Hoằng Hóa đã hoàn thành 18/20 chỉ tiêu, thu ngân sách đạt 120% dự toán.
Lãnh đạo xã kiến nghị tỉnh quan tâm hỗ trợ kinh phí nâng cấp tuyến đê biển.

Phát biểu kết luận, đồng chí Lê Văn Minh yêu cầu xã tập trung đẩy nhanh tiến độ giải phóng mặt bằng các dự án trọng điểm.
"""


def _reason(read, *args) -> str:
    with pytest.raises(ReportError) as caught:
        read(*args)
    assert str(caught.value) == f"{caught.value.source}: {caught.value.reason}"
    assert "\n" not in str(caught.value)
    return caught.value.reason


def _both(read, *args) -> tuple[str, str]:
    """The reason of the same failure, by default and then in English."""
    vietnamese = _reason(read, *args)
    set_language("en")
    return vietnamese, _reason(read, *args)


def _article(tmp_path: Path, name: str = "bao.txt", text: str = ARTICLE) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_empty_file_is_refused_in_vietnamese_by_default_and_in_english_on_request(tmp_path: Path) -> None:
    path = tmp_path / "rong.txt"
    path.write_bytes(b"")
    assert _both(read_document, path) == ("tệp rỗng", "file is empty")


def test_a_binary_file_is_refused_in_the_language_spoken(tmp_path: Path) -> None:
    path = tmp_path / "anh.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert _both(read_document, path) == (
        "tệp nhị phân, không phải văn bản (một ảnh PNG)",
        "binary file, not text (a PNG image)",
    )
    nuls = tmp_path / "nul.txt"
    nuls.write_bytes(b"abc\x00def")
    set_language("vi")
    assert _both(read_document, nuls) == ("tệp nhị phân, không phải văn bản", "binary file, not text")


def test_a_word_file_with_no_text_is_refused_in_the_language_spoken(tmp_path: Path) -> None:
    path = tmp_path / "trang.docx"
    document = docx.Document()
    document.add_paragraph("   ")
    document.save(str(path))
    assert _both(read_document, path) == ("tệp Word không có chữ", "Word file has no text")


def test_an_unknown_commune_is_refused_in_the_language_spoken(tmp_path: Path) -> None:
    path = _article(tmp_path)
    overrides = Overrides(communes=("xã Atlantis",))
    vietnamese, english = _both(lambda: plan_import(path, REGISTRY, overrides=overrides, today=TODAY))
    assert vietnamese == "xã/phường 'xã Atlantis' không có trong danh mục của Tỉnh Thanh Hóa"
    assert english == "commune 'xã Atlantis' is not in the registry of Tỉnh Thanh Hóa"


def test_a_yaml_key_given_twice_is_refused_in_the_language_spoken(tmp_path: Path) -> None:
    path = tmp_path / "lap.yaml"
    path.write_text("format: haicap-session/1\nitems: []\nitems: []\n", encoding="utf-8")
    assert _both(read_report_file, path, REGISTRY) == ("khóa 'items' bị lặp (dòng 3)", "duplicate key 'items' (line 3)")


def test_a_text_with_no_date_is_refused_with_its_advice_in_the_language_spoken(tmp_path: Path) -> None:
    path = _article(tmp_path, text=ARTICLE.replace("Sáng 3/12, ", ""))
    assert _both(lambda: plan_import(path, REGISTRY, today=TODAY)) == (
        "không tìm thấy ngày làm việc trong văn bản; hãy ghi --date YYYY-MM-DD",
        "found no session date in the text; give --date YYYY-MM-DD",
    )


def test_the_dry_run_plan_and_its_reasons_follow_the_language(tmp_path: Path) -> None:
    plan = plan_import(_article(tmp_path), REGISTRY, today=TODAY)
    caption = "Đồng chí Lê Văn Minh phát biểu tại buổi làm việc."
    assert any(line.reason == CAPTION and line.text == caption for line in plan.left_out)

    vietnamese = "\n".join(plan.describe())
    assert f"[chú thích ảnh] {caption}" in vietnamese
    assert "  phiên: 03/12/2025 · Tỉnh Thanh Hóa · " in vietnamese
    assert "  xã/phường: xã Hoằng Hóa" in vietnamese and "văn bản, đọc theo UTF-8" in vietnamese
    assert f"  bỏ ra ({len(plan.left_out)}):" in vietnamese
    assert "[Kiến nghị] (xã Hoằng Hóa) Lãnh đạo xã kiến nghị" in vietnamese
    assert "photo caption" not in vietnamese and "left out" not in vietnamese

    set_language("en")
    english = "\n".join(plan.describe())
    assert f"[photo caption] {caption}" in english
    assert "  session: 03/12/2025 · Tỉnh Thanh Hóa · " in english
    assert "  communes: xã Hoằng Hóa" in english and "text, read as UTF-8" in english
    assert f"  left out ({len(plan.left_out)}):" in english
    # The kind is the language's; the item's text is the report's, never translated.
    assert "[Request] (xã Hoằng Hóa) Lãnh đạo xã kiến nghị" in english
    assert "chú thích ảnh" not in english and "bỏ ra" not in english


def test_every_reason_and_the_cues_are_named_in_the_language_spoken() -> None:
    vietnamese = {code: reason_text(code) for code in REASONS}
    assert vietnamese[CAPTION] == "chú thích ảnh"
    assert reason_label("duplicate", "Ảnh: Thu Hà") == "trùng “Ảnh: Thu Hà”"
    assert cue_label("leader yêu cầu") == "lãnh đạo yêu cầu"
    assert cue_label("đề nghị to province") == "đề nghị tỉnh"
    set_language("en")
    english = {code: reason_text(code) for code in REASONS}
    assert english == REASONS  # the stored code's English label, as written in the code
    assert all(english[code] != vietnamese[code] for code in REASONS)
    assert reason_label("duplicate", "Ảnh: Thu Hà") == "duplicate “Ảnh: Thu Hà”"
    # The reader's own word (yêu cầu) is kept: it is what the text said.
    assert cue_label("leader yêu cầu") == "leader: yêu cầu"
    assert cue_label("đề nghị to province") == "đề nghị: asks the province"
    assert reason_text("a code nobody knows") == "a code nobody knows"


def test_the_history_an_import_writes_is_in_the_language_spoken_at_the_import(tmp_path: Path) -> None:
    path = _article(tmp_path)
    set_language("en")
    plan = plan_import(path, REGISTRY, today=TODAY)
    request = next(i for i, line in enumerate(plan.lines) if line.taken and "kiến nghị" in line.text)
    reviewed = plan.with_line(request, owner="Sở Tài chính").reviewed("lan")
    store = Store.in_memory(registry=REGISTRY)
    store.add_reports([reviewed.report], who="lan")
    item = next(i for i in store.items() if i.text == plan.lines[request].text)
    history = store.history(item.id)
    assert history[0].new == f"imported from {path} · reviewed"
    assert any(e.field == "owner" and e.new == "Sở Tài chính (set in review)" for e in history)


def test_a_plan_change_refused_says_why_in_the_language_spoken(tmp_path: Path) -> None:
    plan = plan_import(_article(tmp_path), REGISTRY, today=TODAY)
    index = next(i for i, line in enumerate(plan.lines) if line.taken)
    with pytest.raises(ValueError, match="nội dung của mục không được để trống"):
        plan.with_line(index, text="  ")
    set_language("en")
    with pytest.raises(ValueError, match="an item's text cannot be empty"):
        plan.with_line(index, text="  ")
