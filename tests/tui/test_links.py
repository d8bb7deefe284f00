"""Pilot tests: linking a request to the directives that answer it, in the edit dialog and the import review.

The session is invented for these tests (a commune's two requests, a road and a
preschool, and the leader's three directives, two of which answer them); it is stored
in a store of its own, without the bundled seeds.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from apps import make_app
from helpers import settle

from haicap.store import Kind, Store
from haicap.store.ingest.reports import parse_report
from haicap.tui.dialogs.edit_item_dialog import EditItemDialog
from haicap.tui.dialogs.review_links_dialog import ReviewLinksDialog
from haicap.tui.screens.dashboard import DashboardScreen
from haicap.tui.screens.import_review import ImportReviewScreen
from haicap.tui.widgets.items_pane import ItemsPane
from haicap.tui.widgets.line_detail import LineDetail
from haicap.tui.widgets.link_checklist import LinkChecklist
from haicap.tui.widgets.path_input import PathInput
from haicap.tui.widgets.plan_lines import PlanLines

ROAD_REQUEST = "Xã kiến nghị tỉnh hỗ trợ kinh phí nâng cấp tuyến đường liên thôn Đông Hải."
SCHOOL_REQUEST = "Xã đề nghị tỉnh quan tâm đầu tư xây dựng thêm phòng học cho trường mầm non."
REFORM = "Yêu cầu xã đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân."
ROAD_DIRECTIVE = "Giao Sở Xây dựng khảo sát, lập phương án nâng cấp tuyến đường liên thôn Đông Hải."
SCHOOL_DIRECTIVE = "Giao Sở Giáo dục và Đào tạo rà soát, đề xuất bố trí vốn xây dựng phòng học trường mầm non."

REPORT = {
    "format": "haicap-session/1",
    "session": {
        "date": dt.date(2025, 12, 4),
        "province": "Thanh Hóa",
        "leader": {"name": "Lê Văn Bình", "title": "Phó Chủ tịch UBND tỉnh"},
        "title": "Phó Chủ tịch UBND tỉnh làm việc với xã Hoằng Tiến",
        "source": "Báo thử, 04/12/2025",
    },
    "communes": ["xã Hoằng Tiến"],
    "items": [
        {"kind": "achievement", "text": "Năm 2025, tổng giá trị sản xuất của xã đạt 950 tỷ đồng."},
        {"kind": "difficulty", "text": "Nhiều tuyến đường xuống cấp, trường học thiếu phòng."},
        {"kind": "request", "text": ROAD_REQUEST},
        {"kind": "request", "text": SCHOOL_REQUEST},
        {"kind": "directive", "text": REFORM},
        {"kind": "directive", "text": ROAD_DIRECTIVE},
        {"kind": "directive", "text": SCHOOL_DIRECTIVE},
    ],
}

YAML = f"""\
format: haicap-session/1
session:
  date: 2025-12-04
  province: Thanh Hóa
  leader:
    name: Lê Văn Bình
    title: Phó Chủ tịch UBND tỉnh
  title: "Phó Chủ tịch UBND tỉnh làm việc với xã Hoằng Tiến"
  source: Báo thử, 04/12/2025
communes:
  - xã Hoằng Tiến
items:
  - kind: achievement
    text: "Năm 2025, tổng giá trị sản xuất của xã đạt 950 tỷ đồng."
  - kind: request
    text: "{ROAD_REQUEST}"
  - kind: request
    text: "{SCHOOL_REQUEST}"
  - kind: directive
    text: "{REFORM}"
  - kind: directive
    text: "{ROAD_DIRECTIVE}"
  - kind: directive
    text: "{SCHOOL_DIRECTIVE}"
"""

ARTICLE = """\
Phó Chủ tịch UBND tỉnh Lê Văn Bình làm việc với xã Hoằng Tiến

Sáng 4/12, đồng chí Lê Văn Bình, Phó Chủ tịch UBND tỉnh Thanh Hóa, đã làm việc với xã Hoằng Tiến về tình hình phát triển kinh tế - xã hội năm 2025.

Báo cáo tại buổi làm việc, lãnh đạo xã cho biết năm 2025 tổng giá trị sản xuất đạt 950 tỷ đồng, tăng 7,2% so với cùng kỳ. Tuy nhiên, tuyến đường liên thôn Đông Hải xuống cấp nghiêm trọng, trường mầm non của xã còn thiếu phòng học. Xã kiến nghị tỉnh hỗ trợ kinh phí nâng cấp tuyến đường liên thôn Đông Hải. Xã đề nghị tỉnh quan tâm đầu tư xây dựng thêm phòng học cho trường mầm non Hoằng Tiến.

Phát biểu kết luận, đồng chí Lê Văn Bình ghi nhận kết quả xã đã đạt được. Đồng chí yêu cầu xã đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân. Về kiến nghị của xã, giao Sở Xây dựng khảo sát, lập phương án nâng cấp tuyến đường liên thôn Đông Hải, báo cáo trước ngày 31/12/2025. Giao Sở Giáo dục và Đào tạo rà soát, đề xuất bố trí vốn xây dựng phòng học trường mầm non Hoằng Tiến.
"""
"""The same session as free text, as an outlet would write it (the reader finds the kinds)."""


@pytest.fixture(autouse=True)
def fixed_user(as_user) -> None:
    as_user("lan")


@pytest.fixture
def session_store(tmp_path: Path) -> Path:
    """A store holding the invented session only."""
    path = tmp_path / "store"
    with Store.open(path) as store:
        store.skip_seeds()
        store.add_report(parse_report(REPORT, store.registry, "hoang-tien.yaml"))
    return path


@pytest.fixture
def empty_store(tmp_path: Path) -> Path:
    path = tmp_path / "empty"
    with Store.open(path) as store:
        store.skip_seeds()
    return path


def by_text(path: Path, text: str):
    with Store.open(path) as store:
        [item] = [i for i in store.items() if i.text == text]
        return item, store.history(item.id)


async def to_dashboard(pilot) -> DashboardScreen:
    await settle(pilot)
    while not isinstance(pilot.app.screen, DashboardScreen):
        await pilot.app.pop_screen()
    await settle(pilot)
    return pilot.app.screen


async def highlight(pilot, kind: Kind, text: str) -> None:
    """Focus the pane of `kind` and move its cursor to the item of `text`."""
    await pilot.press(str(list(Kind).index(kind) + 1))
    pane = pilot.app.screen.query_one(f"#pane-{kind.value}", ItemsPane)
    for _ in range(len(pane.items)):
        if pane.current is not None and pane.current.text == text:
            return
        await pilot.press("down")
    assert pane.current is not None and pane.current.text == text


def checklist_lines(dialog) -> list[str]:
    checklist = dialog.query_one(LinkChecklist)
    return [str(checklist.get_option_at_index(n).prompt) for n in range(checklist.option_count)]


async def test_the_edit_dialog_of_a_request_suggests_its_directive_and_links_it(session_store: Path) -> None:
    app = make_app(session_store, "Thanh Hóa")
    async with app.run_test(size=(100, 30)) as pilot:
        await to_dashboard(pilot)
        await highlight(pilot, Kind.REQUEST, ROAD_REQUEST)
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, EditItemDialog)
        listed = checklist_lines(dialog)
        assert listed[0].startswith("[ ] gợi ý ") and ROAD_DIRECTIVE in listed[0], listed
        assert "Đang thực hiện" in listed[0], "each directive shows its state"
        assert all("gợi ý" not in line for line in listed[1:]), "the others are listed unmarked"
        assert len(listed) == 3, "the session's three directives"
        for _ in range(5):  # owner → co-agencies → deadline → answer → note → the list
            await pilot.press("tab")
        assert isinstance(app.focused, LinkChecklist)
        await pilot.press("space", "ctrl+s")
        await settle(pilot)

    request, history = by_text(session_store, ROAD_REQUEST)
    directive, _history = by_text(session_store, ROAD_DIRECTIVE)
    assert request.tracking.responds_to == (directive.id,)
    [entry] = [e for e in history if e.field == "responds_to"]
    assert entry.who == "lan" and entry.new == directive.id


async def test_unlinking_in_the_edit_dialog_and_the_directive_names_its_request(session_store: Path) -> None:
    with Store.open(session_store) as store:
        [request] = [i for i in store.items() if i.text == SCHOOL_REQUEST]
        [directive] = [i for i in store.items() if i.text == SCHOOL_DIRECTIVE]
        store.update_tracking(request.id, responds_to=(directive.id,))
    app = make_app(session_store, "Thanh Hóa")
    async with app.run_test(size=(100, 30)) as pilot:
        await to_dashboard(pilot)
        await highlight(pilot, Kind.DIRECTIVE, SCHOOL_DIRECTIVE)
        await pilot.press("e")
        answers = [str(s.render()) for s in app.screen.query(".edit-answer")]
        assert len(answers) == 1 and SCHOOL_REQUEST in answers[0] and "Mới tiếp nhận" in answers[0]
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("enter")  # the detail names it too
        await settle(pilot)
        shown = [str(s.render()) for s in app.screen.query(".detail-meta")]
        assert f"Trả lời kiến nghị: {request.id} · Mới tiếp nhận · {SCHOOL_REQUEST}" in shown, shown
        await pilot.press("escape")
        await settle(pilot)

        await highlight(pilot, Kind.REQUEST, SCHOOL_REQUEST)
        await pilot.press("e")
        listed = checklist_lines(app.screen)
        assert listed[0].startswith("[x] ") and SCHOOL_DIRECTIVE in listed[0], "the linked directive comes first"
        app.screen.set_focus(app.screen.query_one(LinkChecklist))
        await pilot.press("space", "enter")
        await settle(pilot)

    request, history = by_text(session_store, SCHOOL_REQUEST)
    assert request.tracking.responds_to == ()
    assert [e.new for e in history if e.field == "responds_to"] == [directive.id, ""]


async def test_l_in_the_review_accepts_a_suggested_link_stored_with_the_new_ids(empty_store: Path, tmp_path: Path) -> None:
    report = tmp_path / "hoang-tien.yaml"
    report.write_text(YAML, encoding="utf-8")
    app = make_app(empty_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        app.screen.query_one(PathInput).value = str(report)
        await pilot.press("enter")
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ImportReviewScreen)
        lines = review.query_one(PlanLines)
        road = next(i for i, line in enumerate(review.plan.lines) if line.text == ROAD_REQUEST)
        lines.select_line(road)
        await pilot.pause()
        detail = str(review.query_one(LineDetail).query_one("#line-detail-text").render())
        assert "Chỉ đạo trả lời: 0 · 1 gợi ý (L)" in detail

        await pilot.press("L")
        dialog = app.screen
        assert isinstance(dialog, ReviewLinksDialog)
        listed = checklist_lines(dialog)
        assert listed[0].startswith("[ ] gợi ý ") and ROAD_DIRECTIVE in listed[0]
        await pilot.press("space", "enter")
        await settle(pilot)
        assert app.screen is review
        directive = next(i for i, line in enumerate(review.plan.lines) if line.text == ROAD_DIRECTIVE)
        assert review.plan.links == {(road, directive)}
        detail = str(review.query_one(LineDetail).query_one("#line-detail-text").render())
        assert "Chỉ đạo trả lời: 1" in detail

        await pilot.press("u")  # undo takes the link back, and L again puts it back
        assert review.plan.links == frozenset()
        await pilot.press("L", "space", "ctrl+s")
        await settle(pilot)
        assert review.plan.links == {(road, directive)}
        await pilot.press("ctrl+s")
        await settle(pilot)

    request, history = by_text(empty_store, ROAD_REQUEST)
    stored_directive, _history = by_text(empty_store, ROAD_DIRECTIVE)
    assert request.tracking.responds_to == (stored_directive.id,)
    assert any(e.field == "responds_to" and e.who == "lan" for e in history)
    school, _history = by_text(empty_store, SCHOOL_REQUEST)
    assert school.tracking.responds_to == (), "a suggestion not accepted is not stored"


async def test_l_on_a_line_that_is_no_request_says_what_it_is_for(empty_store: Path, tmp_path: Path) -> None:
    report = tmp_path / "hoang-tien.yaml"
    report.write_text(YAML, encoding="utf-8")
    app = make_app(empty_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        app.screen.query_one(PathInput).value = str(report)
        await pilot.press("enter")
        await settle(pilot)
        review = app.screen
        review.query_one(PlanLines).select_line(0)  # the achievement
        await pilot.press("L")
        await pilot.pause()
        assert app.screen is review
        assert any("L" in n.message and "kiến nghị" in n.message for n in app._notifications)
