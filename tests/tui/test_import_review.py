"""Pilot tests of the import review screen: `i`, a path, every sentence shown, corrected, stored.

The articles are invented for these tests (Vietnamese sentences of the kind the reader
meets in news reports: a headline, a lead sentence, a photo caption, the commune's
results and request, the leader's directives), written into the test's folder.

The reader of free text keeps improving, so these tests take the kinds it gave from the
plan instead of assuming them, and correct lines chosen by their place (the third item,
the last left-out line) or by cues no reader rule will change (a caption, "kiến nghị
tỉnh", "Đồng chí yêu cầu").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from apps import make_app
from helpers import record_notices, settle
from test_import_dialog import (
    dashboard,
    dialog,
    notices,
    pane,
    store_bytes,
    write_report,
)

from haicap.store import Kind, Store, StoreError
from haicap.store.domain.history import current_user
from haicap.tui.dialogs.choice_dialog import ChoiceDialog
from haicap.tui.dialogs.help import HelpDialog
from haicap.tui.dialogs.import_dialog import ImportDialog
from haicap.tui.dialogs.review_communes_dialog import CommuneChecklist, ReviewCommunesDialog
from haicap.tui.dialogs.review_deadline_dialog import ReviewDeadlineDialog
from haicap.tui.dialogs.review_owner_dialog import ReviewOwnerDialog
from haicap.tui.dialogs.review_session_dialog import ReviewSessionDialog
from haicap.tui.dialogs.review_text_dialog import ReviewTextDialog
from haicap.tui.screens.dashboard import DashboardScreen
from haicap.tui.screens.import_review import ImportReviewScreen
from haicap.tui.widgets.line_detail import LineDetail
from haicap.tui.widgets.path_input import PathInput
from haicap.tui.widgets.plan_lines import PlanLines
from haicap.tui.widgets.review_header import ReviewHeader

ARTICLE = """\
Phó Chủ tịch UBND tỉnh Nguyễn Văn An làm việc với các xã Hoằng Tiến và Hoằng Thanh

Sáng 3/12, đồng chí Nguyễn Văn An, Phó Chủ tịch UBND tỉnh Thanh Hóa, đã làm việc với các xã Hoằng Tiến và Hoằng Thanh về tình hình phát triển kinh tế - xã hội năm 2025.

Ảnh: Phó Chủ tịch UBND tỉnh Nguyễn Văn An phát biểu tại buổi làm việc.

Báo cáo tại buổi làm việc, lãnh đạo các xã cho biết năm 2025 tổng giá trị sản xuất đạt 1.450 tỷ đồng, tăng 8,5% so với cùng kỳ. Xã Hoằng Tiến đã hoàn thành xây dựng nông thôn mới nâng cao. Thu ngân sách của xã Hoằng Thanh mới đạt 62% kế hoạch năm. Tuy nhiên, hạ tầng giao thông ven biển còn thiếu đồng bộ, nhiều tuyến đường xuống cấp. Lãnh đạo các xã kiến nghị tỉnh hỗ trợ kinh phí nâng cấp tuyến đê biển Hoằng Thanh.

Phát biểu kết luận, đồng chí Nguyễn Văn An ghi nhận kết quả các xã đã đạt được. Đồng chí yêu cầu các xã đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân. Tập trung giải phóng mặt bằng các dự án trọng điểm. Chủ động phòng chống thiên tai, bảo vệ đê điều trong mùa mưa bão. Về kiến nghị của các xã, tỉnh sẽ giao Sở Nông nghiệp và Môi trường nghiên cứu, báo cáo trước ngày 31/12/2025.
"""
"""An invented report of a session of 03/12/2025 with xã Hoằng Tiến and xã Hoằng Thanh."""

OTHER_OUTLET = """\
Ngày 3/12/2025, Phó Chủ tịch UBND tỉnh Thanh Hóa Nguyễn Văn An có buổi làm việc với xã Hoằng Tiến và xã Hoằng Thanh.

Xã Hoằng Tiến đã hoàn thành xây dựng nông thôn mới nâng cao. Lãnh đạo các xã kiến nghị tỉnh hỗ trợ kinh phí nâng cấp tuyến đê biển Hoằng Thanh. Xã Hoằng Thanh đề nghị tỉnh bố trí vốn xây dựng trường mầm non trung tâm.

Kết luận buổi làm việc, đồng chí Nguyễn Văn An yêu cầu các xã đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân. Đồng chí yêu cầu các xã rà soát, hoàn thành thu ngân sách năm 2025.
"""
"""Another outlet's invented report of the same session: two sentences the first one has,
three new (a request and two directives)."""

LEAD = "Sáng 3/12, đồng chí Nguyễn Văn An"
CAPTION = "Ảnh: Phó Chủ tịch UBND tỉnh"
RESULT = "Xã Hoằng Tiến đã hoàn thành xây dựng nông thôn mới nâng cao"
REQUEST = "Lãnh đạo các xã kiến nghị tỉnh"
REFORM = "Đồng chí yêu cầu các xã đẩy mạnh cải cách hành chính"


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Work in the test's folder: paths are typed relative, as officers type them."""
    monkeypatch.chdir(tmp_path)


def write_article(folder: Path, name: str = "hoang-tien.txt", text: str = ARTICLE) -> Path:
    """Write `text` into `folder` and return its path relative to the working directory."""
    (folder / name).write_text(text, encoding="utf-8")
    return Path(name)


def review(app) -> ImportReviewScreen:
    screen = app.screen
    assert isinstance(screen, ImportReviewScreen), f"expected the review screen, got {screen!r}"
    return screen


def lines(app) -> PlanLines:
    return review(app).query_one(PlanLines)


def current_text(app) -> str:
    index = lines(app).current
    assert index is not None
    return review(app).plan.lines[index].text


def header_text(app) -> str:
    return str(review(app).query_one(ReviewHeader).render())


def detail_text(app) -> str:
    return str(review(app).query_one(LineDetail).query_one("#line-detail-text").render())


def line_of(app, start: str):
    plan = review(app).plan
    [(index, line)] = [(i, line) for i, line in enumerate(plan.lines) if line.text.startswith(start)]
    return index, line


async def open_review(pilot, path: Path | str) -> None:
    """`i`, the path typed, enter: the review screen of that file."""
    await pilot.press("i")
    await settle(pilot)
    dialog(pilot.app).query_one(PathInput).value = str(path)
    await pilot.press("enter")
    await settle(pilot)
    review(pilot.app)


async def go_to(pilot, start: str) -> None:
    """Move the cursor with the keyboard to the line whose text starts with `start`."""
    await pilot.press("home")
    for _ in range(60):
        if current_text(pilot.app).startswith(start):
            return
        await pilot.press("j")
    raise AssertionError(f"no line starts with {start!r}")


def counts_text(plan) -> str:
    """The header's counts of `plan`: "Kết quả 4 · Khó khăn 1 · Kiến nghị 1 · Chỉ đạo 3"."""
    return " · ".join(f"{kind.title_vi} {n}" for kind, n in plan.counts().items())


def items_in_order(app) -> list[int]:
    return [index for index in lines(app).order if index is not None and review(app).plan.lines[index].taken]


def left_in_order(app) -> list[int]:
    return [index for index in lines(app).order if index is not None and not review(app).plan.lines[index].taken]


def session_items(store: Store, session_id: str) -> list:
    return [item for item in store.items() if item.session.id == session_id]


# -- what the screen shows --------------------------------------------------------------


async def test_the_review_lists_every_sentence_items_first_then_left_out_ones_with_reasons(
    make_dashboard, tmp_path: Path
) -> None:
    article = write_article(tmp_path)
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_review(pilot, article)
        screen = review(app)
        plan = screen.plan
        assert len(app.store.sessions()) == 1, "reading writes nothing"

        header = header_text(app)
        assert "hoang-tien.txt" in header
        assert "03/12/2025 · Tỉnh Thanh Hóa · Nguyễn Văn An" in header
        assert "xã Hoằng Tiến, xã Hoằng Thanh" in header
        assert counts_text(plan) in header
        assert f"bỏ ra {len(plan.left_out)}" in header

        # One option per sentence: the items in text order, a heading, the left-out ones.
        order = lines(app).order
        taken = [i for i, line in enumerate(plan.lines) if line.taken]
        left = [i for i, line in enumerate(plan.lines) if not line.taken]
        assert list(order) == [*taken, None, *left]
        assert len(taken) + len(left) == len(plan.lines) == 13, "every sentence has its line"
        prompts = [lines(app).get_option_at_index(n).prompt.plain for n in range(len(order))]
        assert prompts[len(taken)] == f"── Bỏ ra ({len(left)}) ──"
        caption = next(p for p in prompts if CAPTION in p)
        assert caption.lstrip().startswith("chú thích ảnh")
        lead = next(p for p in prompts if LEAD in p)
        assert lead.lstrip().startswith("bối cảnh")
        request = next(p for p in prompts if REQUEST in p)
        assert request.startswith(" Kiến nghị ") and "Hoằng Thanh" in request
        reform = next(p for p in prompts if REFORM in p)
        assert reform.startswith(" Chỉ đạo ") and "cả 2 xã" in reform
        marked = [n for n, p in enumerate(prompts) if p[len(" Kiến nghị ") :].startswith("?")]
        assert marked and [order[n] for n in marked] == plan.unsure_lines(), "the unsure items carry a ?"

        # The detail area has the highlighted line's whole text, its cue and communes.
        assert current_text(app) == plan.lines[taken[0]].text
        detail = detail_text(app)
        assert plan.lines[taken[0]].text in detail.replace("\n", " ")
        assert "Xã: xã Hoằng Tiến, xã Hoằng Thanh" in detail
        await go_to(pilot, CAPTION)
        detail = detail_text(app)
        assert "bỏ ra: chú thích ảnh" in detail
        assert "Ảnh: Phó Chủ tịch UBND tỉnh Nguyễn Văn An phát biểu tại buổi làm việc." in detail.replace("\n", " ")


async def test_review_then_ctrl_s_stores_exactly_what_the_screen_shows(
    make_dashboard, seeded_store_path: Path, tmp_path: Path
) -> None:
    article = write_article(tmp_path)
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_review(pilot, article)

        # The reader's kinds are not what this test is about: lines are chosen by their place.
        read = review(app).plan
        # 2: the third item becomes a difficulty (the cursor stays on it).
        changed = items_in_order(app)[2]
        if read.lines[changed].kind is Kind.DIFFICULTY:
            changed = items_in_order(app)[1]
        changed_text = read.lines[changed].text
        await go_to(pilot, changed_text)
        await pilot.press("2")
        assert line_of(app, changed_text)[1].kind is Kind.DIFFICULTY
        assert current_text(app) == changed_text, "a change of kind keeps the cursor on the line"

        # 0: the item after the request is left out; the next one comes under the cursor.
        items = items_in_order(app)
        dropped = items[items.index(line_of(app, REQUEST)[0]) + 1]
        dropped_text = read.lines[dropped].text
        await go_to(pilot, dropped_text)
        await pilot.press("0")
        assert line_of(app, dropped_text)[1].kind is None
        assert current_text(app) == read.lines[items[items.index(dropped) + 1]].text

        # 4: the last left-out line is taken in as a directive, for the whole session.
        taken_in = left_in_order(app)[-1]
        taken_text = read.lines[taken_in].text
        assert taken_text != dropped_text
        await go_to(pilot, taken_text)
        await pilot.press("4")
        index, taken_line = line_of(app, taken_text)
        assert taken_line.kind is Kind.DIRECTIVE
        assert set(taken_line.communes) == set(review(app).plan.session.communes)
        assert current_text(app) == taken_text, "a line taken in keeps the cursor: o and d act on it next"

        # o and d on it: owner, co-agencies and deadline, with a date that does not exist first.
        await go_to(pilot, taken_text)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, ReviewOwnerDialog)
        app.screen.query_one("#review-owner").value = "Sở Tài chính"
        app.screen.query_one("#review-co_agencies").value = "Sở Xây dựng; UBND xã Hoằng Thanh"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ReviewDeadlineDialog)
        app.screen.query_one("#review-deadline").value = "31/02/2026"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewDeadlineDialog), "a date that does not exist is refused"
        error = str(app.screen.query_one("#review-error").render())
        assert error == "'31/02/2026' không phải là ngày có thật"
        app.screen.query_one("#review-deadline").value = "2026-01-15"
        await pilot.press("enter")
        await settle(pilot)
        taken_line = line_of(app, taken_text)[1]
        assert taken_line.owner == "Sở Tài chính"
        assert taken_line.co_agencies == ("Sở Xây dựng", "UBND xã Hoằng Thanh")
        assert str(taken_line.deadline) == "2026-01-15"
        prompt = lines(app).get_option_at_index(lines(app).highlighted).prompt.plain
        assert "→ Sở Tài chính · hạn 15/01/2026 · " in prompt

        # c on the request: tick the other commune of the session and add one the article does not name.
        await go_to(pilot, REQUEST)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, ReviewCommunesDialog)
        checklist = app.screen.query_one(CommuneChecklist)
        assert app.focused is checklist
        assert [c.label for c in checklist.ticked] == ["xã Hoằng Thanh"], "the line's own commune is ticked"
        await pilot.press("space")  # the first listed: xã Hoằng Tiến
        await pilot.press("tab", *"hoang phu")
        await settle(pilot)
        assert "xã Hoằng Phú" in str(app.screen.query_one("#communes-matches").render())
        await pilot.press("enter")  # adds the commune typed
        await settle(pilot)
        assert isinstance(app.screen, ReviewCommunesDialog)
        await pilot.press("enter")  # the box is empty: saves
        await settle(pilot)
        request = line_of(app, REQUEST)[1]
        assert [c.label for c in request.communes] == ["xã Hoằng Tiến", "xã Hoằng Thanh", "xã Hoằng Phú"]
        assert [c.label for c in review(app).plan.session.communes][-1] == "xã Hoằng Phú", "the session gains it"

        # e: the text of a directive.
        await go_to(pilot, REFORM)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ReviewTextDialog)
        box = app.screen.query_one("#review-text")
        box.text = box.text.replace("nâng cao chất lượng phục vụ người dân", "nâng cao  chất lượng phục vụ Nhân dân")
        await pilot.press("enter")
        await settle(pilot)
        edited = "Đồng chí yêu cầu các xã đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ Nhân dân."
        assert line_of(app, REFORM)[1].text == edited

        # n visits each unsure item; once both are confirmed there is none left.
        unsure = review(app).plan.unsure_lines()
        assert unsure, "the article has directives read only from their place"
        await pilot.press("home")
        for index in unsure:
            await pilot.press("n")
            assert lines(app).current == index
        await pilot.press("n")
        assert lines(app).current == unsure[0], "after the last one, n starts again from the first"
        await pilot.press("N")
        assert lines(app).current == unsure[-1], "N goes back, round to the last"
        for _ in unsure:  # the same kind again confirms each
            await pilot.press("n")
            kind = review(app).plan.lines[lines(app).current].kind
            await pilot.press(str(list(Kind).index(kind) + 1))
        assert review(app).plan.unsure_lines() == []
        seen = record_notices(app)
        await pilot.press("n")
        assert any("Không còn mục nào chưa chắc" in notice for notice in seen)
        assert counts_text(review(app).plan) in header_text(app)

        shown = review(app).plan
        assert len(app.store.sessions()) == 1, "nothing is written before ctrl+s"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert len(app.store.sessions()) == 2
        assert dashboard(app).selected.label == "xã Hoằng Tiến"
        assert taken_text in [item.text for item in pane(app, Kind.DIRECTIVE).items]
        counts = ", ".join(f"{kind.title_vi.lower()} {n}" for kind, n in shown.counts().items())
        assert any(f"Đã nhập: {counts}" in n for n in notices(app))

    with Store.open(seeded_store_path) as store:
        [session] = [s for s in store.sessions() if s.date.isoformat() == "2025-12-03"]
        assert [c.label for c in store.communes_of_session(session)] == ["xã Hoằng Tiến", "xã Hoằng Thanh", "xã Hoằng Phú"]
        items = session_items(store, session.id)
        expected = [(line.kind, line.text) for line in shown.lines if line.taken]
        assert sorted((item.kind.value, item.text) for item in items) == sorted((k.value, t) for k, t in expected)
        assert dropped_text not in [item.text for item in items]
        [promise] = [item for item in items if item.text == taken_text]
        assert promise.kind is Kind.DIRECTIVE
        assert promise.tracking.owner == "Sở Tài chính"
        assert promise.tracking.co_agencies == ("Sở Xây dựng", "UBND xã Hoằng Thanh")
        assert str(promise.tracking.deadline) == "2026-01-15"
        [request] = [item for item in items if item.text.startswith(REQUEST)]
        assert set(request.commune_codes) == {c.code for c in store.communes_of_session(session)}

        history = store.history(promise.id)
        assert {entry.who for entry in history} == {current_user()}
        created = next(entry for entry in history if entry.field == "created")
        assert "nhập từ hoang-tien.txt" in created.new
        assert "đã duyệt" in created.new
        assert "loại: bỏ ra → Chỉ đạo" in created.new
        owner = next(entry for entry in history if entry.field == "owner")
        assert owner.new == "Sở Tài chính (đặt khi duyệt)"
        [low] = [item for item in items if item.text == changed_text]
        assert low.kind is Kind.DIFFICULTY
        was = read.lines[changed].kind.title_vi
        assert f"loại: {was} → Khó khăn" in next(e for e in store.history(low.id) if e.field == "created").new


# -- leaving without storing -------------------------------------------------------------


async def test_esc_without_changes_goes_back_to_the_path_and_stores_nothing(
    make_dashboard, seeded_store_path: Path, tmp_path: Path
) -> None:
    article = write_article(tmp_path)
    before = store_bytes(seeded_store_path)
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_review(pilot, article)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ImportDialog), "esc goes back to the path, kept as typed"
        assert app.screen.query_one(PathInput).value == str(article)
        assert "Đã đóng bản duyệt, chưa nhập gì" in str(app.screen.query_one("#import-message-text").render())
        await pilot.press("enter")  # reads the file again
        await settle(pilot)
        review(app)
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert len(app.store.sessions()) == 1
    assert store_bytes(seeded_store_path) == before


async def test_esc_after_changes_asks_before_dropping_them(make_dashboard, seeded_store_path: Path, tmp_path: Path) -> None:
    article = write_article(tmp_path)
    before = store_bytes(seeded_store_path)
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_review(pilot, article)
        await go_to(pilot, RESULT)
        await pilot.press("2", "escape")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog), "a changed review asks first"
        await pilot.press("enter")  # the first choice: keep reviewing
        await settle(pilot)
        assert line_of(app, RESULT)[1].kind is Kind.DIFFICULTY, "the change is still there"
        await pilot.press("q")  # q asks the same
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("escape")  # esc in the question keeps reviewing too
        await settle(pilot)
        review(app)
        await pilot.press("u")  # taking the change back leaves nothing to ask about
        assert line_of(app, RESULT)[1].kind is Kind.ACHIEVEMENT
        assert not review(app).changed
        await pilot.press("2", "escape")
        await settle(pilot)
        await pilot.press("j", "enter")  # drop the changes
        await settle(pilot)
        assert isinstance(app.screen, ImportDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    assert store_bytes(seeded_store_path) == before


async def test_the_apps_views_wait_while_an_import_is_reviewed(make_dashboard, tmp_path: Path) -> None:
    """`l` (late items) and ctrl+f (search) would close the review under the officer."""
    article = write_article(tmp_path)
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_review(pilot, article)
        await go_to(pilot, RESULT)
        await pilot.press("2")
        seen = record_notices(app)
        for key in ("l", "ctrl+f", "P"):
            await pilot.press(key)
            await settle(pilot)
            assert line_of(app, RESULT)[1].kind is Kind.DIFFICULTY, key
        assert any("Đang duyệt nhập" in notice for notice in seen)


# -- refusals and the other dialogs ------------------------------------------------------


async def test_owner_deadline_and_communes_are_refused_where_they_do_not_apply(make_dashboard, tmp_path: Path) -> None:
    article = write_article(tmp_path)
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_review(pilot, article)
        seen = record_notices(app)
        await go_to(pilot, RESULT)  # an achievement
        for key in ("o", "d"):
            await pilot.press(key)
            await settle(pilot)
            review(app)
        assert sum("không có chủ trì, hạn: chỉ kiến nghị và chỉ đạo có" in n for n in seen) == 2
        await go_to(pilot, CAPTION)  # left out
        await pilot.press("c", "0")
        await settle(pilot)
        review(app)
        assert any("Dòng đang bị bỏ ra: 1–4 để lấy vào trước" in n for n in seen)
        assert any("Dòng này đã bị bỏ ra" in n for n in seen)
        assert not review(app).changed


async def test_dialogs_cancel_with_esc_and_show_errors_on_one_line(make_dashboard, tmp_path: Path) -> None:
    article = write_article(tmp_path)
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_review(pilot, article)
        await go_to(pilot, REQUEST)
        for key, dialog_type in (
            ("c", ReviewCommunesDialog),
            ("o", ReviewOwnerDialog),
            ("d", ReviewDeadlineDialog),
            ("e", ReviewTextDialog),
            ("S", ReviewSessionDialog),
        ):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, dialog_type), key
            await pilot.press("escape")
            await settle(pilot)
            review(app)
        assert not review(app).changed

        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#review-text").text = "   "
        await pilot.press("enter")
        await settle(pilot)
        assert "Nội dung không được trống" in str(app.screen.query_one("#review-error").render())
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("c")
        await settle(pilot)
        await pilot.press("j", "space", "enter")  # untick the line's only commune (the second listed), then save
        await settle(pilot)
        assert isinstance(app.screen, ReviewCommunesDialog)
        assert "Chọn ít nhất một xã" in str(app.screen.query_one("#communes-error").render())
        await pilot.press("tab", *"hoang", "enter")
        await settle(pilot)
        error = str(app.screen.query_one("#communes-error").render())
        assert "khớp, gõ thêm" in error and "\n" not in error
        app.screen.query_one("#communes-add").value = "no such place"
        await pilot.press("enter")
        await settle(pilot)
        assert "không có xã nào của Tỉnh Thanh Hóa" in str(app.screen.query_one("#communes-error").render())
        await pilot.press("escape")
        await settle(pilot)
        assert not review(app).changed


async def test_S_changes_the_session_date_leader_and_communes(make_dashboard, seeded_store_path: Path, tmp_path: Path) -> None:
    article = write_article(tmp_path)
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_review(pilot, article)
        await pilot.press("S")
        await settle(pilot)
        assert isinstance(app.screen, ReviewSessionDialog)
        assert app.screen.query_one("#review-date").value == "03/12/2025"
        app.screen.query_one("#review-date").value = "2025-12-04"
        app.screen.query_one("#review-title").value = "Phó Chủ tịch UBND tỉnh"
        app.screen.query_one("#review-communes").value = "hoang tien; Hoang Chau"
        await pilot.press("enter")
        await settle(pilot)
        review(app)
        session = review(app).plan.session
        assert str(session.date) == "2025-12-04"
        assert str(session.leader) == "Nguyễn Văn An (Phó Chủ tịch UBND tỉnh)"
        assert [c.label for c in session.communes] == ["xã Hoằng Tiến", "xã Hoằng Châu"]
        request = line_of(app, REQUEST)[1]
        assert request.communes == session.communes, "a line whose commune left concerns the whole session"
        assert "04/12/2025" in header_text(app) and "xã Hoằng Tiến, xã Hoằng Châu" in header_text(app)

        await pilot.press("S")
        await settle(pilot)
        app.screen.query_one("#review-date").value = "32/12/2025"
        await pilot.press("enter")
        await settle(pilot)
        assert "không phải là ngày có thật" in str(app.screen.query_one("#review-error").render())
        app.screen.query_one("#review-date").value = "04/12/2025"
        app.screen.query_one("#review-communes").value = ""
        await pilot.press("enter")
        await settle(pilot)
        assert "Phiên cần ít nhất một xã" in str(app.screen.query_one("#review-error").render())
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    with Store.open(seeded_store_path) as store:
        [session] = [s for s in store.sessions() if s.date.isoformat() == "2025-12-04"]
        assert session.leader.title == "Phó Chủ tịch UBND tỉnh"
        assert [c.label for c in store.communes_of_session(session)] == ["xã Hoằng Tiến", "xã Hoằng Châu"]


# -- another outlet's report of a stored session -----------------------------------------


async def test_another_outlets_article_of_the_same_session_adds_only_its_new_items(
    make_dashboard, seeded_store_path: Path, tmp_path: Path
) -> None:
    first = write_article(tmp_path)
    second = write_article(tmp_path, "bao-khac.txt", OTHER_OUTLET)
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_review(pilot, first)
        await pilot.press("ctrl+s")
        await settle(pilot)
        [session] = [s for s in app.store.sessions() if s.date.isoformat() == "2025-12-03"]
        stored = len(session_items(app.store, session.id))

        await open_review(pilot, second)
        screen = review(app)
        assert screen.plan.match is not None and screen.plan.match.session_id == session.id
        assert f"Cùng phiên {session.id}" in header_text(app)
        assert "3 mục mới, 2 đã có" in header_text(app)
        known = [n for n, index in enumerate(lines(app).order) if index is not None and screen.plan.is_known(index)]
        assert len(known) == 2
        assert all("đã có · " in lines(app).get_option_at_index(n).prompt.plain for n in known)

        seen = record_notices(app)
        await go_to(pilot, "Xã Hoằng Tiến đã hoàn thành")  # already stored: not changed here
        await pilot.press("2")
        assert line_of(app, "Xã Hoằng Tiến đã hoàn thành")[1].kind is Kind.ACHIEVEMENT
        assert any("Dòng này đã có trong phiên" in n for n in seen)
        assert "đã có, không thêm lại" in detail_text(app)

        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert len([s for s in app.store.sessions() if s.date.isoformat() == "2025-12-03"]) == 1
        items = session_items(app.store, session.id)
        assert len(items) == stored + 3
        assert any(item.text.startswith("Xã Hoằng Thanh đề nghị tỉnh bố trí vốn") for item in items)
        assert any(f"Đã thêm 3 mục vào phiên {session.id}" in n for n in seen)


async def test_m_stores_another_outlets_article_as_a_separate_session(make_dashboard, tmp_path: Path) -> None:
    first = write_article(tmp_path)
    second = write_article(tmp_path, "bao-khac.txt", OTHER_OUTLET)
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_review(pilot, first)
        seen = record_notices(app)
        await pilot.press("m")
        assert any("Không có phiên nào đã lưu trùng buổi này" in n for n in seen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await open_review(pilot, second)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("j", "enter")  # the second choice: a separate session
        await settle(pilot)
        assert review(app).plan.match is None
        assert "phiên riêng" in header_text(app)
        assert not any("đã có · " in lines(app).get_option_at_index(n).prompt.plain for n in range(len(lines(app).order)))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        sessions = [s for s in app.store.sessions() if s.date.isoformat() == "2025-12-03"]
        assert len(sessions) == 2
        assert sorted(len(session_items(app.store, s.id)) for s in sessions) == [5, 9], "all five items of the second article"


# -- other ------------------------------------------------------------------------------


async def test_help_lists_the_review_keys_from_the_bindings(make_dashboard, tmp_path: Path) -> None:
    article = write_article(tmp_path)
    app = make_dashboard()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await open_review(pilot, article)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpDialog)
        sections = dict(app.screen.sections)
        general = {binding.key for binding in sections["Chung"]}
        assert {"1", "0", "c", "o", "d", "e", "n", "N", "S", "m", "u", "ctrl+s", "escape,q"} <= general
        assert "l" not in general and "ctrl+f" not in general, "keys that wait during a review are not listed"
        assert any(title.startswith("Danh sách dòng") for title in sections)
        await pilot.press("escape")
        await settle(pilot)
        review(app)


async def test_report_text_shows_literally_in_the_list_and_the_detail(make_dashboard, tmp_path: Path) -> None:
    # A file with ESC in it is refused as binary; a bidi override is text and must not reorder the line.
    hostile = ARTICLE.replace("Xã Hoằng Tiến đã hoàn thành", "Xã Hoằng Tiến [bold red]đã[/] \u202ehoàn thành")
    article = write_article(tmp_path, text=hostile)
    app = make_dashboard()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await open_review(pilot, article)
        await go_to(pilot, "Xã Hoằng Tiến")
        prompt = lines(app).get_option_at_index(lines(app).highlighted).prompt.plain
        assert "[bold red]đã[/] <U+202E>hoàn thành" in prompt
        assert "[bold red]đã[/] <U+202E>hoàn thành" in detail_text(app)


async def test_a_store_that_refuses_the_write_keeps_the_review_open(
    seeded_store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The write fails at ctrl+s (here: a full disk); a viewer never gets this far, `i` refuses it."""
    article = write_article(tmp_path)
    app = make_app(seeded_store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_review(pilot, article)
        await go_to(pilot, RESULT)
        await pilot.press("2")
        seen = record_notices(app)

        def disk_full(reports):
            raise StoreError(f"{seeded_store_path}: ổ đĩa đầy / the disk is full; nothing was written")

        monkeypatch.setattr(app.store, "add_reports", disk_full)
        await pilot.press("ctrl+s")
        await settle(pilot)
        review(app)
        assert line_of(app, RESULT)[1].kind is Kind.DIFFICULTY, "the review is kept"
        assert any("the disk is full" in notice for notice in seen), "the refusal is shown"
        assert len(app.store.sessions()) == 1


@pytest.mark.parametrize("name", ["hoang-hoa.yaml"])
async def test_a_structured_report_is_reviewed_too(make_dashboard, tmp_path: Path, name: str) -> None:
    report = write_report(tmp_path, name)
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_review(pilot, report.name)
        assert "YAML/JSON" in header_text(app)
        assert lines(app).get_option_at_index(len(review(app).plan.lines) + 1).prompt.plain == "— không có"
        assert "tệp có cấu trúc" in detail_text(app)


async def test_a_burst_typed_across_fields_lands_in_each_field(make_dashboard, tmp_path: Path) -> None:
    """Over a slow SSH link "owner<tab>co-agency<enter>" arrives in one burst: the letters
    after the tab go to the second field, not the first."""
    article = write_article(tmp_path)
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_review(pilot, article)
        await go_to(pilot, REQUEST)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, ReviewOwnerDialog)
        app.screen.query_one("#review-owner").value = ""
        # A burst: every key posted at once, as a terminal delivers them (pilot.press would
        # wait for the app to go idle after each key).
        from textual import events
        from textual.keys import _character_to_key

        burst = [(_character_to_key(c), c) for c in "Sở Tài chính"] + [("tab", "\t")]
        burst += [(_character_to_key(c), c) for c in "Sở Nội vụ"] + [("enter", "\r")]
        for key, character in burst:
            app.post_message(events.Key(key, character))
        await settle(pilot)
        line = line_of(app, REQUEST)[1]
        assert line.owner == "Sở Tài chính"
        assert line.co_agencies == ("Sở Nội vụ",)
