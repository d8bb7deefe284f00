"""The import plan an officer reviews: every line, its changes, what is stored and its history,
and another outlet's report of a stored session adding only its new sentences.

The articles are written for these tests (invented people and sentences, real communes).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from haicap.store import Kind, Store
from haicap.store.domain.registry import load_registry
from haicap.store.ingest.importer import match_stored_session, plan_import
from haicap.store.ingest.reader.left_out import CAPTION, CONTEXT, REVIEW

REGISTRY = load_registry()
TODAY = dt.date(2026, 11, 25)

FIRST_OUTLET = """\
Sáng 3/12, đồng chí Lê Văn Minh, Phó Chủ tịch UBND tỉnh đã làm việc với xã Hoằng Hóa về tình hình phát triển kinh tế - xã hội năm 2025.

Đồng chí Lê Văn Minh phát biểu tại buổi làm việc. Ảnh: Thu Hà

Theo báo cáo, năm 2025 xã Hoằng Hóa đã hoàn thành 18/20 chỉ tiêu, thu ngân sách đạt 120% dự toán.
Tuy nhiên, hạ tầng giao thông nội đồng còn xuống cấp, thiếu vốn đầu tư.
Lãnh đạo xã kiến nghị tỉnh quan tâm hỗ trợ kinh phí nâng cấp tuyến đê biển.

Phát biểu kết luận, đồng chí Lê Văn Minh yêu cầu xã tập trung đẩy nhanh tiến độ giải phóng mặt bằng các dự án trọng điểm.
"""

SECOND_OUTLET = """\
Ngày 3/12/2025, Phó Chủ tịch UBND tỉnh Lê Văn Minh có buổi làm việc với xã Hoằng Hóa.

Theo báo cáo, năm 2025 xã Hoằng Hóa đã hoàn thành 18/20 chỉ tiêu, thu ngân sách đạt 120% dự toán.
Lãnh đạo xã kiến nghị tỉnh quan tâm hỗ trợ kinh phí nâng cấp tuyến đê biển.
Xã cũng đề nghị tỉnh bổ sung hai biên chế công chức địa chính cho xã.

Phát biểu kết luận, đồng chí Lê Văn Minh yêu cầu xã tập trung đẩy nhanh tiến độ giải phóng mặt bằng các dự án trọng điểm.
Đồng chí giao Sở Nội vụ chủ trì, phối hợp với UBND xã rà soát biên chế, hoàn thành trước ngày 31/3/2026.
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def store() -> Store:
    return Store.in_memory(registry=REGISTRY)


def _first(tmp_path: Path):
    return plan_import(write(tmp_path / "bao-a.txt", FIRST_OUTLET), REGISTRY, today=TODAY)


def test_every_sentence_is_an_item_or_left_out_with_its_reason(tmp_path: Path) -> None:
    plan = _first(tmp_path)
    texts = [line.text for line in plan.lines]
    assert "Ảnh: Thu Hà" in texts  # nothing of the text is silently dropped
    reasons = {line.text: line.reason for line in plan.left_out}
    assert reasons["Đồng chí Lê Văn Minh phát biểu tại buổi làm việc."] == CAPTION
    assert reasons[FIRST_OUTLET.splitlines()[0]] == CONTEXT
    kinds = {line.kind for line in plan.items}
    assert kinds == set(Kind)
    described = "\n".join(plan.describe())
    assert "[Kiến nghị] (xã Hoằng Hóa) Lãnh đạo xã kiến nghị tỉnh quan tâm hỗ trợ kinh phí nâng cấp tuyến đê biển." in described
    assert "[chú thích ảnh] Đồng chí Lê Văn Minh phát biểu tại buổi làm việc." in described


def test_a_review_stores_exactly_what_it_shows_with_its_history(tmp_path: Path, store: Store) -> None:
    plan = _first(tmp_path)
    request = next(i for i, line in enumerate(plan.lines) if line.kind is Kind.REQUEST)
    directive = next(i for i, line in enumerate(plan.lines) if line.kind is Kind.DIRECTIVE)
    caption = next(i for i, line in enumerate(plan.lines) if line.reason == CAPTION)
    achievement = next(i for i, line in enumerate(plan.lines) if line.kind is Kind.ACHIEVEMENT)
    reviewed = (
        plan.with_line(request, owner="Sở Nông nghiệp và Môi trường", deadline=dt.date(2026, 2, 28))
        .with_line(directive, text="Tập trung đẩy nhanh tiến độ giải phóng mặt bằng.")
        .with_line(achievement, kind=None)
        .with_line(caption, kind=Kind.DIFFICULTY)
        .reviewed("lan")
    )
    assert reviewed.lines[achievement].reason == REVIEW
    assert plan.lines[achievement].kind is Kind.ACHIEVEMENT  # the plan itself is unchanged
    [session] = store.add_reports([reviewed.report], who="lan")
    assert session is not None
    items = store.items()
    assert {i.text for i in items} == {line.text for line in reviewed.items}
    stored_request = next(i for i in items if i.kind is Kind.REQUEST)
    assert stored_request.tracking.owner == "Sở Nông nghiệp và Môi trường"
    assert stored_request.tracking.deadline == dt.date(2026, 2, 28)
    history = store.history(stored_request.id)
    assert history[0].field == "created" and history[0].who == "lan"
    assert "bao-a.txt" in history[0].new and "đã duyệt" in history[0].new
    assert any(e.field == "owner" and "đặt khi duyệt" in e.new for e in history)
    taken_in = next(i for i in items if i.kind is Kind.DIFFICULTY and "phát biểu" in i.text)
    assert "loại: bỏ ra → Khó khăn" in store.history(taken_in.id)[0].new


def test_review_refuses_an_empty_text_and_an_item_without_communes(tmp_path: Path) -> None:
    plan = _first(tmp_path)
    index = next(i for i, line in enumerate(plan.lines) if line.taken)
    with pytest.raises(ValueError):
        plan.with_line(index, text="   ")
    with pytest.raises(ValueError):
        plan.with_line(index, communes=())


def test_a_commune_given_to_a_line_joins_the_session(tmp_path: Path) -> None:
    plan = _first(tmp_path)
    other = REGISTRY.parse_commune(plan.session.province, "xã Hoằng Tiến")
    assert other is not None
    index = next(i for i, line in enumerate(plan.lines) if line.taken)
    changed = plan.with_line(index, communes=(other,))
    assert other in changed.session.communes and other in changed.report.communes


def test_the_same_file_twice_adds_nothing_even_after_a_review(tmp_path: Path, store: Store) -> None:
    plan = _first(tmp_path)
    index = next(i for i, line in enumerate(plan.lines) if line.taken)
    store.add_reports([plan.with_line(index, text="Một câu đã sửa khi duyệt.").reviewed("lan").report])
    again = match_stored_session(_first(tmp_path), store)
    assert store.add_reports([again.report]) == [None]


def test_another_outlets_report_adds_only_its_new_sentences(tmp_path: Path, store: Store) -> None:
    [first] = store.add_reports([_first(tmp_path).report])
    assert first is not None
    before = len(store.items())
    second = plan_import(write(tmp_path / "bao-b.txt", SECOND_OUTLET), REGISTRY, today=TODAY)
    matched = match_stored_session(second, store)
    assert matched.match is not None and matched.match.session_id == first.id
    known = [line.text for i, line in enumerate(matched.lines) if matched.is_known(i)]
    assert "Lãnh đạo xã kiến nghị tỉnh quan tâm hỗ trợ kinh phí nâng cấp tuyến đê biển." in known
    described = "\n".join(matched.describe())
    assert f"cùng phiên {first.id}" in described and "(đã có)" in described
    [extended] = store.add_reports([matched.report])
    assert extended is not None and extended.id == first.id
    assert len(store.sessions()) == 1
    added = list(store.items())[: len(store.items()) - before]
    texts = {i.text for i in store.items()}
    assert "Xã cũng đề nghị tỉnh bổ sung hai biên chế công chức địa chính cho xã." in texts
    assert len(store.items()) - before == len(matched.items) - len(known)
    assert all(i.session.id == first.id for i in added)
    assert store.session(first.id).also_reported_by == ("bao-b.txt",)
    # The same second file again adds nothing.
    assert store.add_reports([match_stored_session(second, store).report]) == [None]


def test_new_session_keeps_another_outlets_report_apart(tmp_path: Path, store: Store) -> None:
    store.add_reports([_first(tmp_path).report])
    second = plan_import(write(tmp_path / "bao-b.txt", SECOND_OUTLET), REGISTRY, today=TODAY)
    [session] = store.add_reports([second.report])  # not matched: its own session
    assert session is not None and len(store.sessions()) == 2


def test_a_different_leader_or_day_is_another_session(tmp_path: Path, store: Store) -> None:
    store.add_reports([_first(tmp_path).report])
    other_day = plan_import(write(tmp_path / "c.txt", FIRST_OUTLET.replace("Sáng 3/12", "Sáng 4/12")), REGISTRY, today=TODAY)
    assert match_stored_session(other_day, store).match is None
    other_leader = plan_import(
        write(tmp_path / "d.txt", FIRST_OUTLET.replace("Lê Văn Minh", "Trần Văn Nam")), REGISTRY, today=TODAY
    )
    assert match_stored_session(other_leader, store).match is None


def test_the_plan_of_a_structured_report_takes_every_item_in(tmp_path: Path) -> None:
    path = write(
        tmp_path / "phien.yaml",
        """\
format: haicap-session/1
session:
  date: 2025-12-03
  province: Thanh Hóa
  leader: {name: Lê Văn Minh, title: Phó Chủ tịch UBND tỉnh}
  title: Làm việc với xã Hoằng Hóa
communes: [xã Hoằng Hóa]
items:
  - {kind: request, text: "Xã kiến nghị tỉnh hỗ trợ kinh phí nâng cấp đê biển."}
""",
    )
    plan = plan_import(path, REGISTRY, today=TODAY)
    assert [line.kind for line in plan.lines] == [Kind.REQUEST] and not plan.left_out


def test_a_list_of_communes_the_given_province_lacks_is_pointed_out(tmp_path: Path) -> None:
    from haicap.store.ingest.importer import Overrides

    text = (
        "Sáng 3/3, đồng chí Lê Văn Minh, Phó Chủ tịch UBND tỉnh đã làm việc với các xã Hoằng Hóa, "
        "Bình Gia, Văn Quan và Tràng Định.\n\nCác xã đã hoàn thành 100% kế hoạch thu ngân sách năm 2025.\n"
    )
    path = write(tmp_path / "lan.txt", text)
    # The list says Lạng Sơn; told Thanh Hóa, the reader keeps its one commune and says so.
    plan = plan_import(path, REGISTRY, today=TODAY, overrides=Overrides(province="Thanh Hóa"))
    assert [c.label for c in plan.session.communes] == ["xã Hoằng Hóa"]
    assert "xã Bình Gia" in plan.unknown_communes
    assert "kiểm tra tỉnh" in "\n".join(plan.describe())


REPORT_WITH_HEADINGS = """\
UBND XÃ HOẰNG TIẾN
BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025

Ngày 3/12/2025, Phó Chủ tịch UBND tỉnh Lê Văn Minh làm việc với xã Hoằng Tiến.

I. KẾT QUẢ ĐẠT ĐƯỢC
Thu ngân sách trên địa bàn xã đạt 115% dự toán.
Tuy nhiên, tỷ lệ giải ngân vốn đầu tư công mới đạt 45% kế hoạch.

II. KIẾN NGHỊ, ĐỀ XUẤT
Sớm bố trí kinh phí nâng cấp tuyến đê biển của xã.
Bổ sung 02 biên chế công chức địa chính cho xã.

CHỦ TỊCH
"""


def test_section_headings_decide_only_where_the_reader_has_no_cue(tmp_path: Path) -> None:
    plan = plan_import(write(tmp_path / "bao-cao.txt", REPORT_WITH_HEADINGS), REGISTRY, today=TODAY)
    kinds = {line.text: line.kind for line in plan.lines}
    assert kinds["Thu ngân sách trên địa bàn xã đạt 115% dự toán."] is Kind.ACHIEVEMENT
    # A shortfall under "Kết quả" is still a difficulty: its own words say so.
    assert kinds["Tuy nhiên, tỷ lệ giải ngân vốn đầu tư công mới đạt 45% kế hoạch."] is Kind.DIFFICULTY
    # Bare lines under "Kiến nghị" are what the commune asks.
    assert kinds["Sớm bố trí kinh phí nâng cấp tuyến đê biển của xã."] is Kind.REQUEST
    assert kinds["Bổ sung 02 biên chế công chức địa chính cho xã."] is Kind.REQUEST
    reasons = {line.text: line.reason for line in plan.left_out}
    assert reasons["I. KẾT QUẢ ĐẠT ĐƯỢC"] == "heading" and reasons["II. KIẾN NGHỊ, ĐỀ XUẤT"] == "heading"
    assert "CHỦ TỊCH" in reasons  # a signature line is no item


def test_eval_can_read_bodies_as_import_reads_files(tmp_path: Path) -> None:
    import json

    from haicap.store.ingest.importer import read_as_import
    from haicap.store.ingest.reader.evaluate import evaluate_dir

    (tmp_path / "01_bao_cao.txt").write_text(
        "url: x\ndate: 2025-12-03\ntitle: t\nnote: synthetic\n\n" + REPORT_WITH_HEADINGS, encoding="utf-8"
    )
    key = {
        "date": "2025-12-03",
        "communes": ["Hoằng Tiến"],
        "achievements": [],
        "difficulties": [],
        "requests": ["Bổ sung 02 biên chế công chức địa chính"],
        "directives": [],
        "ambiguous": [],
    }
    (tmp_path / "01_bao_cao.key.json").write_text(json.dumps(key, ensure_ascii=False), encoding="utf-8")
    alone = evaluate_dir(tmp_path, REGISTRY)
    as_import = evaluate_dir(tmp_path, REGISTRY, read_as_import)
    assert as_import.kinds["request"].found == 1
    assert alone.kinds["request"].found <= as_import.kinds["request"].found


REPORT_WITH_SUB_HEADINGS = """\
Ngày 3/12/2025, Phó Chủ tịch UBND tỉnh Lê Văn Minh làm việc với xã Hoằng Tiến.

I. KẾT QUẢ ĐẠT ĐƯỢC
1. Về phát triển kinh tế - xã hội
Thu ngân sách trên địa bàn xã đạt 115% dự toán.
2.1. UBND xã Hoằng Tiến và các thôn:
Hoàn thành cứng hóa 6 km đường giao thông nông thôn.
"""


def test_a_sub_heading_under_a_heading_is_no_item(tmp_path: Path) -> None:
    plan = plan_import(write(tmp_path / "bao-cao-2.txt", REPORT_WITH_SUB_HEADINGS), REGISTRY, today=TODAY)
    kinds = {line.text: line.kind for line in plan.lines}
    assert kinds["Thu ngân sách trên địa bàn xã đạt 115% dự toán."] is Kind.ACHIEVEMENT
    # "1. Về …" names a topic and "2.1. UBND xã …:" opens a list: neither is a result.
    assert kinds["1. Về phát triển kinh tế - xã hội"] is None
    assert kinds["2.1. UBND xã Hoằng Tiến và các thôn:"] is None
