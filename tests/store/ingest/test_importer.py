"""Reading received files into sessions: free text, Word reports with headings, overrides, refusals.

The articles here are written for these tests (not real ones) except the bundled seed
article, which is the real report the project started from.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import docx
import pytest

from haicap.store import Kind, ReportError, Store
from haicap.store.domain.registry import load_registry
from haicap.store.ingest.documents import Block
from haicap.store.ingest.importer import Overrides, extraction_of, plan_import, split_front_matter
from haicap.store.ingest.reports import bundled_reports

REGISTRY = load_registry()
TODAY = dt.date(2026, 11, 25)

ARTICLE = """\
Sáng 3/12, đồng chí Lê Văn Minh, Phó Chủ tịch UBND tỉnh đã làm việc với xã Hoằng Hóa về tình hình phát triển kinh tế - xã hội năm 2025.

Theo báo cáo, năm 2025 xã Hoằng Hóa đã hoàn thành 18/20 chỉ tiêu, thu ngân sách đạt 120% dự toán.
Tuy nhiên, hạ tầng giao thông nội đồng còn xuống cấp, thiếu vốn đầu tư.
Lãnh đạo xã kiến nghị tỉnh quan tâm hỗ trợ kinh phí nâng cấp tuyến đê biển.

Phát biểu kết luận, đồng chí Lê Văn Minh yêu cầu xã tập trung đẩy nhanh tiến độ giải phóng mặt bằng các dự án trọng điểm.
"""


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_free_text_article_becomes_a_session(tmp_path: Path) -> None:
    plan = plan_import(write(tmp_path / "bai-bao.txt", ARTICLE), REGISTRY, today=TODAY)
    report = plan.report
    assert report.date == dt.date(2025, 12, 3)  # "năm 2025" in the text gives the year
    assert report.province.name == "Thanh Hóa"
    assert [c.label for c in report.communes] == ["xã Hoằng Hóa"]
    assert report.leader.name == "Lê Văn Minh" and report.leader.title == "Phó Chủ tịch UBND tỉnh"
    kinds = {item.kind for item in report.items}
    assert kinds == set(Kind)
    request = next(i for i in report.items if i.kind is Kind.REQUEST)
    assert request.text == "Lãnh đạo xã kiến nghị tỉnh quan tâm hỗ trợ kinh phí nâng cấp tuyến đê biển."
    assert plan.format == "text" and plan.encoding == "UTF-8"
    described = "\n".join(plan.describe())
    assert "03/12/2025" in described and "xã Hoằng Hóa" in described and "đọc theo UTF-8" in described


def test_the_bundled_seed_article_matches_its_hand_labelled_session(tmp_path: Path) -> None:
    """The real seed article read by the reader agrees with the session labelled by hand."""
    source = resources.files("haicap.seeds").joinpath("sources", "2025-11-25-ngoc-trao-van-du-kim-tan.txt")
    path = write(tmp_path / "seed.txt", source.read_text(encoding="utf-8"))
    plan = plan_import(path, REGISTRY, today=TODAY)
    hand = bundled_reports(REGISTRY)[0]
    assert plan.report.date == hand.date
    assert plan.report.communes == hand.communes
    assert plan.report.leader.name == hand.leader.name
    found = sum(1 for h in hand.items if any(h.text in i.text and i.kind is h.kind for i in plan.report.items))
    assert found / len(hand.items) >= 0.9


def test_front_matter_is_metadata_not_content() -> None:
    blocks = tuple(Block(t) for t in ("url: https://example.vn/a", "date: 2025-12-04", "title: Làm việc", "Sáng 3/12, ..."))
    header, rest = split_front_matter(blocks)
    assert header == {"url": "https://example.vn/a", "date": "2025-12-04", "title": "Làm việc"}
    assert rest == (Block("Sáng 3/12, ..."),)
    # An article that opens with "Sáng 25/11: ..." has no header to split off.
    blocks = (Block("Sáng 25/11: đoàn công tác làm việc với xã."), Block("Nội dung."))
    assert split_front_matter(blocks) == ({}, blocks)


def test_front_matter_title_and_url_become_the_session_source(tmp_path: Path) -> None:
    text = "url: https://baomoi.example/bai-1\ndate: 2025-12-04\ntitle: Tỉnh làm việc với xã Hoằng Hóa\n\n" + ARTICLE
    report = plan_import(write(tmp_path / "a.txt", text), REGISTRY, today=TODAY).report
    assert report.title == "Tỉnh làm việc với xã Hoằng Hóa"
    assert report.source == "https://baomoi.example/bai-1"
    assert all("baomoi" not in item.text for item in report.items)


def test_a_long_first_paragraph_as_title_is_cut_between_words(tmp_path: Path) -> None:
    """Without a header, the first paragraph names the session; past the limit it ends at a word, with "…"."""
    lede = (
        "Sáng nay 3/12, đồng chí Lê Văn Minh, Phó Chủ tịch UBND tỉnh đã làm việc với Đảng ủy, Ủy ban nhân dân xã "
        "Hoằng Hóa và các xã lân cận về tình hình phát triển kinh tế - xã hội, công tác chuyển đổi số, giải "
        "phóng mặt bằng, xây dựng nông thôn mới nâng cao năm 2025."
    )
    assert len(lede) > 200
    report = plan_import(write(tmp_path / "a.txt", lede + "\n\n" + ARTICLE), REGISTRY, today=TODAY).report
    assert report.title.endswith("…") and len(report.title) <= 200
    kept = report.title.removesuffix("…")
    assert lede.startswith(kept) and lede[len(kept)] == " ", f"cut inside a word: {report.title!r}"


def make_word_report(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Báo cáo kết quả buổi làm việc của đoàn công tác tỉnh với xã Hoằng Hóa", level=0)
    document.add_paragraph("Ngày 5/3/2026, đồng chí Lê Văn Minh, Phó Chủ tịch UBND tỉnh đã làm việc với xã Hoằng Hóa.")
    document.add_heading("I. Kết quả đạt được", level=1)
    document.add_paragraph("Thu ngân sách quý I đạt 40% dự toán. Xã đã hoàn thành cấp nước sạch cho 900 hộ.")
    document.add_heading("II. Khó khăn, vướng mắc", level=1)
    document.add_paragraph("Nguồn vốn cho xây dựng nông thôn mới còn hạn chế.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Nội dung"
    table.cell(0, 1).text = "Ghi chú"
    table.cell(1, 0).text = "Đường liên thôn xuống cấp"
    table.cell(1, 1).text = "Chưa có vốn sửa chữa"
    document.add_heading("III. Kiến nghị, đề xuất", level=1)
    document.add_paragraph("Đề nghị tỉnh bố trí vốn nâng cấp đường liên thôn.")
    document.add_heading("IV. Nhiệm vụ, giải pháp", level=1)
    document.add_paragraph("Tập trung hoàn thành giải phóng mặt bằng trong quý II.")
    document.save(path)
    return path


def test_word_report_headings_decide_the_kinds(tmp_path: Path) -> None:
    plan = plan_import(make_word_report(tmp_path / "bao-cao.docx"), REGISTRY, today=TODAY)
    report = plan.report
    assert plan.format == "docx"
    assert report.date == dt.date(2026, 3, 5)
    assert [c.label for c in report.communes] == ["xã Hoằng Hóa"]
    by_kind = {kind: [i.text for i in report.items if i.kind is kind] for kind in Kind}
    assert by_kind[Kind.ACHIEVEMENT] == ["Thu ngân sách quý I đạt 40% dự toán.", "Xã đã hoàn thành cấp nước sạch cho 900 hộ."]
    assert "Nguồn vốn cho xây dựng nông thôn mới còn hạn chế." in by_kind[Kind.DIFFICULTY]
    assert any("Đường liên thôn xuống cấp" in text for text in by_kind[Kind.DIFFICULTY])
    assert by_kind[Kind.REQUEST] == ["Đề nghị tỉnh bố trí vốn nâng cấp đường liên thôn."]
    assert by_kind[Kind.DIRECTIVE] == ["Tập trung hoàn thành giải phóng mặt bằng trong quý II."]


def test_word_report_imports_into_the_right_panes(tmp_path: Path) -> None:
    plan = plan_import(make_word_report(tmp_path / "bao-cao.docx"), REGISTRY, today=TODAY)
    with Store.open(tmp_path / "store") as store:
        [session] = store.add_reports([plan.report])
        assert session is not None
        commune = store.registry.parse_commune(plan.report.province, "xã Hoằng Hóa")
        shown = store.commune_view(commune)
        assert [i.text for i in shown.of_kind(Kind.REQUEST)] == ["Đề nghị tỉnh bố trí vốn nâng cấp đường liên thôn."]
        # The same file again adds nothing.
        assert store.add_reports([plan_import(tmp_path / "bao-cao.docx", REGISTRY, today=TODAY).report]) == [None]
        assert len(store.sessions()) == 1


def test_overrides_replace_what_was_detected(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", ARTICLE)
    overrides = Overrides(communes=("xã Hoằng Tiến", "Hoằng Lộc"), date=dt.date(2025, 12, 4), leader="Nguyễn Thị B")
    report = plan_import(path, REGISTRY, overrides=overrides, today=TODAY).report
    assert [c.label for c in report.communes] == ["xã Hoằng Tiến", "xã Hoằng Lộc"]
    assert report.date == dt.date(2025, 12, 4)
    assert report.leader.name == "Nguyễn Thị B"
    assert all(set(i.communes) <= set(report.communes) and i.communes for i in report.items)


def test_a_commune_override_by_code_needs_no_province(tmp_path: Path) -> None:
    text = "Sáng 3/12/2025, đồng chí Lê Văn Minh làm việc. Lãnh đạo xã kiến nghị tỉnh hỗ trợ kinh phí làm đường."
    code = REGISTRY.parse_commune(REGISTRY.find_province("Nghệ An"), "xã Vân Du").code
    report = plan_import(write(tmp_path / "a.txt", text), REGISTRY, overrides=Overrides(communes=(code,)), today=TODAY).report
    assert report.province.name == "Nghệ An" and report.communes[0].code == code


def test_a_name_in_several_provinces_asks_for_the_province(tmp_path: Path) -> None:
    text = "Sáng 3/12/2025, đồng chí Lê Văn Minh làm việc. Lãnh đạo xã kiến nghị tỉnh hỗ trợ kinh phí làm đường."
    with pytest.raises(ReportError, match="có ở nhiều tỉnh"):
        plan_import(write(tmp_path / "a.txt", text), REGISTRY, overrides=Overrides(communes=("xã Vân Du",)), today=TODAY)
    ok = plan_import(tmp_path / "a.txt", REGISTRY, overrides=Overrides(communes=("xã Vân Du",), province="Nghệ An"), today=TODAY)
    assert ok.report.communes[0].province.name == "Nghệ An"


def test_an_unknown_commune_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="'xã Atlantis' không có trong danh mục của Tỉnh Thanh Hóa"):
        plan_import(write(tmp_path / "a.txt", ARTICLE), REGISTRY, overrides=Overrides(communes=("xã Atlantis",)), today=TODAY)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (ARTICLE.replace("Sáng 3/12", "Sáng 31/2"), "ngày làm việc 'Sáng 31/2' không có thật"),
        (ARTICLE.replace("Sáng 3/12, ", ""), "không tìm thấy ngày làm việc"),
        (ARTICLE.replace("xã Hoằng Hóa", "địa phương"), "không xác định được tỉnh"),
        ("Sáng 3/12/2025, trời nắng đẹp ở Thanh Hóa, xã Hoằng Hóa.\n", "không tìm thấy kết quả, khó khăn"),
    ],
)
def test_incomplete_texts_are_refused_with_the_reason(tmp_path: Path, text: str, reason: str) -> None:
    path = write(tmp_path / "a.txt", text)
    with pytest.raises(ReportError) as error:
        plan_import(path, REGISTRY, today=TODAY)
    assert str(error.value).startswith(f"{path}: ") and reason in str(error.value)


def test_extraction_shows_what_was_understood_even_when_incomplete(tmp_path: Path) -> None:
    data = extraction_of(write(tmp_path / "a.txt", ARTICLE.replace("Sáng 3/12, ", "")), REGISTRY, today=TODAY).to_json()
    assert data["date"] is None
    assert data["communes"] == [{"type": "xã", "name": "Hoằng Hóa", "code": "15865"}]
    assert {item["kind"] for item in data["items"]} >= {"achievement", "request"}


def test_structured_reports_take_overrides_too(tmp_path: Path) -> None:
    seed = resources.files("haicap.seeds").joinpath("sessions").iterdir()
    yaml_text = next(e for e in seed if e.name.endswith(".yaml")).read_text(encoding="utf-8")
    path = write(tmp_path / "s.yaml", yaml_text)
    plan = plan_import(path, REGISTRY, overrides=Overrides(communes=("xã Kim Tân",)))
    assert [c.label for c in plan.report.communes] == ["xã Kim Tân"]
    assert all(i.communes == plan.report.communes for i in plan.report.items)
    assert plan.format == "structured"
