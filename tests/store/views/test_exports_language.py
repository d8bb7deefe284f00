"""Exports in the language spoken: Vietnamese by default, English under `set_language("en")`.

Real files are written and opened again with python-docx and openpyxl: the headings, the
letterhead's words, the sheet names and the document language property follow the language;
the data (communes, items, people) stays as the report wrote it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import docx
import openpyxl
import pytest

from haicap.store import Store
from haicap.store.domain.i18n import set_language
from haicap.store.views.exports import gather, render

TODAY = dt.date(2026, 1, 10)


@pytest.fixture
def store() -> Store:
    seeded = Store.in_memory()
    seeded.ensure_seeded()
    return seeded


def _docx(store: Store) -> docx.document.Document:
    return docx.Document(io.BytesIO(render("docx", gather(store, TODAY))))


def _lines(document: docx.document.Document) -> list[str]:
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [p.text for cell in table._cells for p in cell.paragraphs]
    return lines


def _headings(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]


def _language_of_runs(document: docx.document.Document) -> str:
    defaults = document.styles.element.find(docx.oxml.ns.qn("w:docDefaults"))
    lang = defaults.find(".//" + docx.oxml.ns.qn("w:lang"))
    return lang.get(docx.oxml.ns.qn("w:val"))


def test_the_word_minutes_are_vietnamese_by_default(store: Store) -> None:
    document = _docx(store)
    lines = _lines(document)
    assert "BIÊN BẢN LÀM VIỆC" in lines and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines
    assert "Độc lập - Tự do - Hạnh phúc" in lines and "THƯ KÝ" in lines and "(Ký, ghi rõ họ tên)" in lines
    assert _headings(document) == [
        "I. NỘI DUNG CHUNG CỦA XÃ NGỌC TRẠO, XÃ VÂN DU VÀ XÃ KIM TÂN",
        "1. Kết quả đạt được",
        "2. Khó khăn, vướng mắc",
        "3. Kiến nghị, đề xuất",
        "4. Kết luận, chỉ đạo",
        "II. RIÊNG XÃ VÂN DU VÀ XÃ KIM TÂN",
        "1. Khó khăn, vướng mắc",
    ]
    assert any(line.startswith("Thời gian: Ngày 25 tháng 11 năm 2025") for line in lines)
    assert any("tình trạng: Mới tiếp nhận – quá hạn 6 ngày." in line for line in lines)
    assert document.core_properties.language == "vi-VN" and _language_of_runs(document) == "vi-VN"


def test_the_word_minutes_are_english_when_english_is_spoken(store: Store) -> None:
    set_language("en")
    document = _docx(store)
    lines = _lines(document)
    assert "MINUTES OF THE WORKING SESSION" in lines and "SOCIALIST REPUBLIC OF VIETNAM" in lines
    assert "Independence - Freedom - Happiness" in lines and "SECRETARY" in lines and "(Signature and full name)" in lines
    assert _headings(document) == [
        "I. COMMON TO XÃ NGỌC TRẠO, XÃ VÂN DU AND XÃ KIM TÂN",
        "1. Results achieved",
        "2. Difficulties and obstacles",
        "3. Requests and proposals",
        "4. Conclusions and directives",
        "II. XÃ VÂN DU AND XÃ KIM TÂN ONLY",
        "1. Difficulties and obstacles",
    ]
    assert not any("Kết quả đạt được" in line or "BIÊN BẢN" in line for line in lines)
    assert any(line.startswith("Time: 25/11/2025.") for line in lines)
    assert any(line.startswith("Chaired by: comrade Trịnh Tuấn Sinh") for line in lines), "names stay as written"
    assert any("state: Received – 6 days overdue." in line for line in lines)
    assert document.core_properties.language == "en-US" and _language_of_runs(document) == "en-US"


def test_the_excel_table_is_vietnamese_by_default(store: Store) -> None:
    book = openpyxl.load_workbook(io.BytesIO(render("xlsx", gather(store, TODAY))))
    assert book.sheetnames == ["Theo dõi", "Thông tin"]
    header = next(book["Theo dõi"].iter_rows(values_only=True))
    assert header[:4] == ("STT", "Xã, phường", "Loại", "Nội dung") and header[8] == "Số ngày quá hạn (đến 10/01/2026)"
    first = next(book["Theo dõi"].iter_rows(min_row=2, values_only=True))
    assert first[2] == "Kiến nghị" and first[7] == "Mới tiếp nhận – quá hạn"
    assert book["Thông tin"]["A1"].value == "Nội dung"
    assert book.properties.language == "vi-VN"


def test_the_excel_table_is_english_when_english_is_spoken(store: Store) -> None:
    set_language("en")
    book = openpyxl.load_workbook(io.BytesIO(render("xlsx", gather(store, TODAY))))
    assert book.sheetnames == ["Tracking", "Information"]
    rows = book["Tracking"].iter_rows(values_only=True)
    header = next(rows)
    assert header[:4] == ("No.", "Commune, ward", "Kind", "Text") and header[8] == "Days overdue (as of 10/01/2026)"
    first = next(rows)
    assert first[2] == "Request" and first[7] == "Received – overdue" and first[8] == 6
    info = {row[0]: row[1] for row in book["Information"].iter_rows(values_only=True)}
    assert info["Subject"].startswith("Tracking table of requests and directives — xã Ngọc Trạo, xã Vân Du and xã Kim Tân")
    assert book.properties.language == "en-US"


def test_markdown_and_csv_headings_follow_the_language(store: Store) -> None:
    content = gather(store, TODAY)
    assert "### 1. Kết quả đạt được" in render("md", content).decode()
    assert next(csv.reader(io.StringIO(render("csv", content, to_stdout=True).decode())))[0] == "STT"
    set_language("en")
    content = gather(store, TODAY)
    markdown = render("md", content).decode()
    assert markdown.startswith("# MINUTES OF THE WORKING SESSION") and "### 1. Results achieved" in markdown
    assert "- **Working with:** xã Ngọc Trạo, xã Vân Du and xã Kim Tân" in markdown
    header = next(csv.reader(io.StringIO(render("csv", content, to_stdout=True).decode())))
    assert header[:3] == ["No.", "Commune, ward", "Kind"]
