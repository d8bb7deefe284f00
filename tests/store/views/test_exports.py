"""Documents built from the store: the .docx minutes, the .xlsx and .csv tracking table, the .md minutes.

The real files are written and opened again with python-docx and openpyxl; assertions are
on what an officer would read. The seed session (cdb5ed9f, 25/11/2025) has 4 requests and
19 directives for xã Ngọc Trạo, Vân Du and Kim Tân; today is fixed at 10/01/2026, so an
untouched request (due 04/01/2026) is 6 days overdue.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from pathlib import Path

import docx
import openpyxl
import pytest

from haicap.store import Kind, Store, StoreError
from haicap.store.ingest.reports import parse_report
from haicap.store.views.exports import find_session, gather, render, safe_text, write_new
from haicap.store.views.exports.plain import escape_markdown
from haicap.store.views.exports.xlsx_table import table_sheet

TODAY = dt.date(2026, 1, 10)
SESSION = "cdb5ed9f"
AGENCY = "Sở Nông nghiệp và Môi trường"


@pytest.fixture
def store() -> Store:
    seeded = Store.in_memory()
    seeded.ensure_seeded()
    return seeded


def commune(store: Store, name: str):
    return next(c for c in store.communes_of_session(store.session(SESSION)) if c.name == name)


def tracked_items(store: Store, commune_code: str | None = None):
    codes = (commune_code,) if commune_code else None
    return [i for i in store.items(commune_codes=codes, kinds=(Kind.REQUEST, Kind.DIRECTIVE)) if i.session.id == SESSION]


def docx_text(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [p.text for cell in table._cells for p in cell.paragraphs]
    return lines


def xlsx_rows(data: bytes) -> list[tuple]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return list(book[table_sheet()].iter_rows(values_only=True))


# -- what is gathered --------------------------------------------------------------------


def test_neither_session_nor_commune_means_the_newest_session(store: Store) -> None:
    content = gather(store, TODAY)
    assert [b.session.id for b in content.blocks] == [SESSION]
    assert content.file_name(".docx") == "bien-ban-2025-11-25-ngoc-trao-van-du-kim-tan.docx"
    assert content.file_name(".xlsx") == "theo-doi-2025-11-25-ngoc-trao-van-du-kim-tan.xlsx"
    assert [e.id for e in content.tracked] == [i.id for i in tracked_items(store)]


def test_items_of_all_communes_are_written_once_and_the_rest_under_their_communes(store: Store) -> None:
    [block] = gather(store, TODAY).blocks
    common, van_du_kim_tan = block.groups
    assert common.heading == "Nội dung chung của xã Ngọc Trạo, xã Vân Du và xã Kim Tân"
    assert van_du_kim_tan.heading == "Riêng xã Vân Du và xã Kim Tân"
    assert [len(common.of_kind(k)) for k in Kind] == [8, 6, 4, 19]
    assert [len(van_du_kim_tan.of_kind(k)) for k in Kind] == [0, 1, 0, 0]


def test_a_commune_within_a_session_and_a_session_prefix(store: Store) -> None:
    session = find_session(store, SESSION[:5])
    ngoc_trao = commune(store, "Ngọc Trạo")
    content = gather(store, TODAY, session=session, commune=ngoc_trao)
    assert content.file_name(".docx") == "bien-ban-2025-11-25-ngoc-trao.docx"
    [block] = content.blocks
    assert content.scope == "xã Ngọc Trạo (Thanh Hóa)" and [g.heading for g in block.groups] == [""]
    assert block.session.communes == ("xã Ngọc Trạo", "xã Vân Du", "xã Kim Tân")  # who the session met
    # The difficulty of Vân Du and Kim Tân only is not Ngọc Trạo's.
    assert sum(len(block.groups[0].of_kind(k)) for k in Kind) == 37


def test_unknown_or_ambiguous_sessions_and_a_commune_outside_the_session_are_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="không có phiên làm việc nào mã 'zzzz'"):
        find_session(store, "zzzz")
    with pytest.raises(StoreError, match="không có phiên làm việc"):
        find_session(store, "36b")  # too short to be a prefix
    other = store.registry.parse_commune(store.find_province("Nghệ An"), "xã Hưng Nguyên")
    with pytest.raises(StoreError, match="không thuộc phiên làm việc cdb5ed9f"):
        gather(store, TODAY, session=store.session(SESSION), commune=other)
    with pytest.raises(StoreError, match="chưa có phiên làm việc nào để xuất"):
        gather(store, TODAY, commune=other)
    with pytest.raises(StoreError, match="chưa có phiên làm việc nào để xuất"):
        gather(Store.in_memory(), TODAY)


# -- .docx -------------------------------------------------------------------------------


def test_docx_minutes_hold_the_session_and_every_item_in_vietnamese(store: Store) -> None:
    data = render("docx", gather(store, TODAY))
    lines = docx_text(data)
    text = "\n".join(lines)
    assert "BIÊN BẢN LÀM VIỆC" in lines
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines and "Độc lập - Tự do - Hạnh phúc" in lines
    assert "Thanh Hóa, ngày 25 tháng 11 năm 2025" in lines
    assert "Chủ trì: đồng chí Trịnh Tuấn Sinh, Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban MTTQ tỉnh." in lines
    assert "- Đồng chí Lê Quang Hùng, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh;" in lines
    assert "Làm việc với: xã Ngọc Trạo, xã Vân Du và xã Kim Tân." in lines
    for item in store.items():
        assert f"- {item.text}" in lines, item.id
    assert unicodedata.is_normalized("NFC", text)
    assert "Cơ quan chủ trì: (chưa giao); thời hạn: 04/01/2026; tình trạng: Mới tiếp nhận – quá hạn 6 ngày." in lines
    assert "CHỦ TRÌ" in lines and "Trịnh Tuấn Sinh" in lines


def test_docx_headings_are_word_headings_in_order_and_the_font_has_vietnamese_glyphs(store: Store) -> None:
    document = docx.Document(io.BytesIO(render("docx", gather(store, TODAY))))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        ("Heading 1", "I. NỘI DUNG CHUNG CỦA XÃ NGỌC TRẠO, XÃ VÂN DU VÀ XÃ KIM TÂN"),
        ("Heading 2", "1. Kết quả đạt được"),
        ("Heading 2", "2. Khó khăn, vướng mắc"),
        ("Heading 2", "3. Kiến nghị, đề xuất"),
        ("Heading 2", "4. Kết luận, chỉ đạo"),
        ("Heading 1", "II. RIÊNG XÃ VÂN DU VÀ XÃ KIM TÂN"),
        ("Heading 2", "1. Khó khăn, vướng mắc"),
    ]
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    fonts = normal.element.rPr.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "Times New Roman"
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.left_margin.cm, 1) == 3.0
    assert document.core_properties.language == "vi-VN"


def test_docx_shows_what_officers_set_on_requests_and_directives(store: Store) -> None:
    store.update_tracking(f"{SESSION}-16", owner=AGENCY, co_agencies=("Sở Tài chính",), deadline=dt.date(2026, 1, 1), who="lan")
    store.set_status(f"{SESSION}-16", "in_progress", who="lan")
    store.update_tracking(
        f"{SESSION}-20", owner="UBND xã Ngọc Trạo", deadline=dt.date(2025, 12, 31), done=dt.date(2026, 1, 5), who="lan"
    )
    lines = docx_text(render("docx", gather(store, TODAY)))
    assert (
        f"Cơ quan chủ trì: {AGENCY}; phối hợp: Sở Tài chính; thời hạn: 01/01/2026; tình trạng: Đang giải quyết – quá hạn 9 ngày."
    ) in lines
    assert (
        "Thực hiện: UBND xã Ngọc Trạo; thời hạn: 31/12/2025; hoàn thành: 05/01/2026; tình trạng: Hoàn thành – quá hạn 5 ngày."
        in lines
    )


def test_a_commune_across_its_sessions_is_a_summary_with_one_part_per_session(store: Store) -> None:
    report = {
        "format": "haicap-session/1",
        "session": {
            "date": "2026-01-05",
            "province": "Thanh Hóa",
            "leader": {"name": "Đỗ Minh Tuấn", "title": "Chủ tịch UBND tỉnh"},
            "title": "Chủ tịch UBND tỉnh làm việc với xã Ngọc Trạo",
        },
        "communes": ["xã Ngọc Trạo"],
        "items": [{"kind": "request", "text": "Xã Ngọc Trạo đề nghị tỉnh hỗ trợ xây cầu Bến Đình."}],
    }
    store.add_report(parse_report(report, store.registry, "new.yaml"))
    content = gather(store, TODAY, commune=commune(store, "Ngọc Trạo"))
    assert content.file_name(".docx") == "bien-ban-ngoc-trao.docx"
    assert [b.session.date for b in content.blocks] == [dt.date(2026, 1, 5), dt.date(2025, 11, 25)]
    lines = docx_text(render("docx", content))
    assert "TỔNG HỢP CÁC BUỔI LÀM VIỆC" in lines and "xã Ngọc Trạo (Thanh Hóa)" in lines
    assert "PHẦN I. BUỔI LÀM VIỆC NGÀY 05/01/2026" in lines and "PHẦN II. BUỔI LÀM VIỆC NGÀY 25/11/2025" in lines
    assert "- Xã Ngọc Trạo đề nghị tỉnh hỗ trợ xây cầu Bến Đình." in lines


LONG_TITLE = (
    "Bí thư Thành ủy làm việc với Đảng ủy, Ủy ban nhân dân các phường: Bình Cơ, Bến Thành, Bàn Cờ, Bảy Hiền "
    "về tình hình phát triển kinh tế - xã hội, chuyển đổi số và chỉnh trang đô thị năm 2025"
)
"""A session title longer than a line of the page."""


def city_session(store: Store, communes: list[str], title: str = LONG_TITLE):
    """A session of Thành phố Hồ Chí Minh with `communes` and one request."""
    report = {
        "format": "haicap-session/1",
        "session": {
            "date": "2025-12-01",
            "province": "Hồ Chí Minh",
            "leader": {"name": "Trần Văn Thử", "title": "Bí thư Thành ủy"},
            "title": title,
        },
        "communes": communes,
        "items": [{"kind": "request", "text": "Đề nghị thành phố hỗ trợ chỉnh trang vỉa hè các tuyến đường chính."}],
    }
    return store.add_report(parse_report(report, store.registry, "city.yaml"))


def test_the_letterhead_breaks_before_the_province_name_never_inside_it(store: Store) -> None:
    session = city_session(store, ["phường Bình Cơ", "phường Bến Thành"])
    document = docx.Document(io.BytesIO(render("docx", gather(store, TODAY, session=session))))
    [province] = [p.text for p in document.tables[0].rows[0].cells[0].paragraphs]
    # The cell is narrower than the whole name: the one place a line may break is before the name.
    assert province.replace("\u00a0", " ") == "THÀNH PHỐ HỒ CHÍ MINH"
    assert province.split(" ") == ["THÀNH\u00a0PHỐ", "HỒ\u00a0CHÍ\u00a0MINH"]
    seed = docx.Document(io.BytesIO(render("docx", gather(store, TODAY, session=store.session(SESSION)))))
    assert [p.text for p in seed.tables[0].rows[0].cells[0].paragraphs] == ["TỈNH THANH\u00a0HÓA"]


def test_a_long_title_is_written_whole(store: Store) -> None:
    session = city_session(store, ["phường Bình Cơ", "phường Bến Thành"])
    lines = docx_text(render("docx", gather(store, TODAY, session=session)))
    assert LONG_TITLE in lines, "the title wraps on the page; it is never cut"


def test_a_session_with_many_communes_gets_a_document_title_cut_between_words(store: Store) -> None:
    province = store.registry.find_province("Hồ Chí Minh")
    labels = [c.label for c in store.registry.communes_of(province)][:25]
    session = city_session(store, labels, title="Làm việc với các phường, xã")
    content = gather(store, TODAY, session=session)
    document = docx.Document(io.BytesIO(render("docx", content)))
    title = document.core_properties.title
    assert len(f"{content.title} — {content.scope}") > 255
    assert title.endswith("…") and len(title) <= 255
    assert f"{content.title} — {content.scope}"[len(title) - 1] in " ,", f"cut inside a word: {title[-20:]!r}"


# -- .xlsx and .csv ----------------------------------------------------------------------


def test_xlsx_rows_are_the_stores_requests_and_directives_with_days_overdue(store: Store) -> None:
    store.update_tracking(f"{SESSION}-21", deadline=dt.date(2025, 12, 20), who="lan")
    data = render("xlsx", gather(store, TODAY))
    header, *rows = xlsx_rows(data)
    assert header[:4] == ("STT", "Xã, phường", "Loại", "Nội dung")
    assert header[8] == "Số ngày quá hạn (đến 10/01/2026)"
    items = tracked_items(store)
    assert [row[10] for row in rows] == [i.id for i in items]
    assert [row[3] for row in rows] == [i.text for i in items]
    assert [row[2] for row in rows] == [i.kind.title_vi for i in items]
    by_id = {row[10]: row for row in rows}
    request = by_id[f"{SESSION}-16"]
    assert request[1] == "xã Ngọc Trạo, xã Vân Du, xã Kim Tân"
    assert request[6].date() == dt.date(2026, 1, 4) and request[7] == "Mới tiếp nhận – quá hạn" and request[8] == 6
    late_directive = by_id[f"{SESSION}-21"]
    assert late_directive[7] == "Đang thực hiện – quá hạn" and late_directive[8] == 21
    assert by_id[f"{SESSION}-22"][7] == "Đang thực hiện" and by_id[f"{SESSION}-22"][8] == 0


def test_xlsx_has_a_filter_a_frozen_header_widths_and_wrapped_text(store: Store) -> None:
    book = openpyxl.load_workbook(io.BytesIO(render("xlsx", gather(store, TODAY))))
    sheet = book[table_sheet()]
    assert sheet.auto_filter.ref == "A1:P24"
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["D"].width == 60
    assert sheet["D2"].alignment.wrap_text and sheet["G2"].number_format == "DD/MM/YYYY"
    assert book["Thông tin"]["B1"].value.startswith("Bảng theo dõi kiến nghị và chỉ đạo")


def test_a_commune_filter_keeps_only_its_items(store: Store) -> None:
    store.add_item(SESSION, (commune(store, "Kim Tân").code,), Kind.DIRECTIVE, "Kim Tân sửa đường liên thôn.", who="lan")
    kim_tan = gather(store, TODAY, commune=commune(store, "Kim Tân"))
    ngoc_trao = gather(store, TODAY, commune=commune(store, "Ngọc Trạo"))
    assert len(kim_tan.tracked) == 24 and len(ngoc_trao.tracked) == 23
    assert kim_tan.tracked[-1].communes == ("xã Kim Tân",)
    assert ngoc_trao.tracked[0].communes[0] == "xã Ngọc Trạo"  # the commune asked for comes first


def test_csv_is_utf8_with_a_bom_for_files_and_without_for_stdout(store: Store) -> None:
    content = gather(store, TODAY)
    data = render("csv", content)
    assert data.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 1 + 23 and rows[1][3] == tracked_items(store)[0].text
    assert rows[1][6] == "2026-01-04" and rows[1][8] == "6"
    assert not render("csv", content, to_stdout=True).startswith(b"\xef\xbb\xbf")


def test_markdown_minutes_list_every_item(store: Store) -> None:
    text = render("md", gather(store, TODAY)).decode("utf-8")
    assert text.startswith("# BIÊN BẢN LÀM VIỆC\n")
    assert "## I. Nội dung chung của xã Ngọc Trạo, xã Vân Du và xã Kim Tân" in text
    assert "### 3. Kiến nghị, đề xuất" in text
    for item in store.items():
        assert f"- {escape_markdown(item.text)}" in text


# -- text from outside -------------------------------------------------------------------

HOSTILE = 'Đề nghị\x00 hỗ trợ\x1b[31m =HYPERLINK("http://x") [b]đậm[/b] *x* \u202eabc\x7f'


@pytest.fixture
def hostile(store: Store) -> Store:
    report = {
        "format": "haicap-session/1",
        "session": {
            "date": "2026-01-02",
            "province": "Thanh Hóa",
            "leader": {"name": "Người\x00 lạ", "title": "[red]Chủ tịch[/red]"},
            "title": "Tiêu đề\x1b có ESC",
        },
        "communes": ["xã Vân Du"],
        "items": [
            {"kind": "request", "text": HOSTILE},
            {"kind": "directive", "text": "=1+1"},
            {"kind": "achievement", "text": "- # không phải tiêu đề <script>"},
        ],
    }
    store.add_report(parse_report(report, store.registry, "hostile.yaml"))
    [item] = [i for i in store.items() if i.text == "=1+1"]
    store.update_tracking(item.id, owner="Sở\x00 Xây dựng", who="lan")
    return store


def test_control_characters_are_made_visible_and_nothing_is_refused(hostile: Store) -> None:
    assert safe_text("a\x00b\x1bc\u202ed\x7f\ud800") == "a␀b␛c<U+202E>d␡\ufffd"
    content = gather(hostile, TODAY)
    docx_lines = docx_text(render("docx", content))
    expected = 'Đề nghị␀ hỗ trợ␛[31m =HYPERLINK("http://x") [b]đậm[/b] *x* <U+202E>abc␡'
    assert f"- {expected}" in docx_lines
    assert any("Người␀ lạ, [red]Chủ tịch[/red]" in line for line in docx_lines)
    rows = xlsx_rows(render("xlsx", content))
    assert expected in [row[3] for row in rows]
    assert "Sở␀ Xây dựng" in [row[4] for row in rows]


def test_text_that_looks_like_a_formula_or_markup_stays_text(hostile: Store) -> None:
    content = gather(hostile, TODAY)
    book = openpyxl.load_workbook(io.BytesIO(render("xlsx", content)))
    cells = [c for row in book[table_sheet()].iter_rows() for c in row if c.value == "=1+1"]
    assert cells and all(c.data_type == "s" for c in cells)  # a string, not a formula
    rows = list(csv.reader(io.StringIO(render("csv", content).decode("utf-8-sig"))))
    assert "'=1+1" in [row[3] for row in rows]  # Excel shows it as text
    markdown = render("md", content).decode("utf-8")
    assert "- \\- # không phải tiêu đề \\<script\\>" in markdown
    assert "\\[b\\]đậm\\[/b\\] \\*x\\*" in markdown


# -- writing files -----------------------------------------------------------------------


def test_an_existing_file_is_kept_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "bien-ban.docx"
    write_new(target, b"first")
    with pytest.raises(StoreError, match=r"đã có; .* --force"):
        write_new(target, b"second")
    assert target.read_bytes() == b"first"
    write_new(target, b"second", force=True)
    assert target.read_bytes() == b"second"
    assert [p.name for p in tmp_path.iterdir()] == ["bien-ban.docx"]  # no temporary file left


def test_missing_folders_and_folders_as_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="không tồn tại"):
        write_new(tmp_path / "nowhere" / "x.docx", b"x")
    with pytest.raises(StoreError, match="là một thư mục"):
        write_new(tmp_path, b"x")


def test_a_text_longer_than_an_excel_cell_is_cut_with_a_mark_and_whole_in_the_docx(store: Store) -> None:
    long_text = "Kiến nghị " + "rất dài " * 10_000
    store.add_item(SESSION, (commune(store, "Vân Du").code,), Kind.REQUEST, long_text, who="lan")
    content = gather(store, TODAY)
    cells = [row[3] for row in xlsx_rows(render("xlsx", content))]
    [cut] = [c for c in cells if c.startswith("Kiến nghị rất dài")]
    assert len(cut) == 32_767 and cut.endswith("ký tự; xem bản .docx]")
    assert any(line == f"- {long_text.strip()}" for line in docx_text(render("docx", content)))
