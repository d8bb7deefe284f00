"""Pilot tests of importing a report from the dashboard: `i`, a path, the review screen, ctrl+s.

The review screen itself is tested in test_import_review.py; these tests check the path
dialog and what the dashboard shows once a report is stored.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import item_shown, settle

from haicap.store import Kind, Store
from haicap.tui.dialogs.import_dialog import ImportDialog
from haicap.tui.dialogs.item_detail import ItemDetailDialog
from haicap.tui.screens.dashboard import DashboardScreen
from haicap.tui.screens.import_review import ImportReviewScreen
from haicap.tui.widgets.items_pane import ItemsPane
from haicap.tui.widgets.path_input import PathInput, complete_path
from haicap.tui.widgets.review_header import ReviewHeader

REPORT = """\
format: haicap-session/1
session:
  date: 2025-12-03
  province: {province}
  leader:
    name: Nguyễn Văn A
    title: Phó Chủ tịch UBND tỉnh
  title: "Phó Chủ tịch UBND tỉnh Nguyễn Văn A làm việc với {commune}"
  source: Báo Thanh Hóa, 03/12/2025
communes:
  - {commune}
items:
  - kind: achievement
    text: "Năm 2025, tổng giá trị sản xuất của xã đạt 1.200 tỷ đồng, tăng 9% so với cùng kỳ."
  - kind: achievement
    text: "Xã đã hoàn thành xây dựng nông thôn mới nâng cao."
  - kind: difficulty
    text: "Hạ tầng giao thông còn thiếu đồng bộ."
  - kind: request
    text: "Lãnh đạo xã kiến nghị tỉnh hỗ trợ kinh phí nâng cấp tuyến đê biển."
  - kind: directive
    text: "Đồng chí Nguyễn Văn A yêu cầu xã đẩy mạnh cải cách hành chính."
"""
"""A structured report of one session; the first achievement is how tests find it in the panes."""

NEW_ACHIEVEMENT = "Năm 2025, tổng giá trị sản xuất của xã đạt 1.200 tỷ đồng, tăng 9% so với cùng kỳ."

ARTICLE_WITHOUT_LEADER = """\
Ngày 3/12/2025, đoàn công tác của UBND tỉnh Thanh Hóa đã làm việc với xã Hoằng Hóa về tình hình phát triển kinh tế - xã hội.

Năm 2025, tổng giá trị sản xuất của xã đạt 1.200 tỷ đồng, tăng 9% so với cùng kỳ.

Lãnh đạo xã kiến nghị tỉnh quan tâm hỗ trợ kinh phí nâng cấp tuyến đê biển.
"""
"""Free text that names no leader: the session is stored with an empty leader name."""


def write_report(
    folder: Path, name: str = "hoang-hoa.yaml", *, commune: str = "xã Hoằng Hóa", province: str = "Thanh Hóa"
) -> Path:
    path = folder / name
    path.write_text(REPORT.format(commune=commune, province=province), encoding="utf-8")
    return path


def store_bytes(store_path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(store_path.iterdir()) if p.is_file()}


def dashboard(app) -> DashboardScreen:
    for screen in app.screen_stack:
        if isinstance(screen, DashboardScreen):
            return screen
    raise AssertionError("no dashboard on the screen stack")


def dialog(app) -> ImportDialog:
    screen = app.screen
    assert isinstance(screen, ImportDialog), f"expected the import dialog, got {screen!r}"
    return screen


def message_text(app) -> str:
    """The dialog's line under the path: what to do, or why the file cannot be read."""
    return str(dialog(app).query_one("#import-message-text").render())


def review_header(app) -> str:
    screen = app.screen
    assert isinstance(screen, ImportReviewScreen), f"expected the review screen, got {screen!r}"
    return str(screen.query_one(ReviewHeader).render())


def pane(app, kind: Kind) -> ItemsPane:
    return dashboard(app).query_one(f"#pane-{kind.value}", ItemsPane)


def notices(app) -> list[str]:
    # Textual keeps the shown notifications here; Textual is pinned, so this is stable.
    return [notice.text for notice in app.notices]  # every notice shown (one is on screen at a time)


async def preview(pilot, path: Path | str) -> None:
    """Open the dialog, type `path` and read it: the review screen, or an error in the dialog."""
    await pilot.press("i")
    await settle(pilot)
    dialog(pilot.app).query_one(PathInput).value = str(path)
    await pilot.press("enter")
    await settle(pilot)


async def test_i_opens_the_dialog_with_the_path_field_focused(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.focused, PathInput)
        assert "Nhập báo cáo" in str(dialog(app).query_one("Vertical").border_title)
        assert dialog(app).query_one("#import-read").disabled, "nothing typed: nothing to read"


async def test_review_then_ctrl_s_imports_and_shows_the_new_items(make_dashboard, seeded_store_path, tmp_path) -> None:
    report = write_report(tmp_path)
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await pilot.press(*str(report))  # typed key by key, as a user would
        await pilot.press("enter")
        await settle(pilot)
        text = review_header(app)
        assert "03/12/2025 · Tỉnh Thanh Hóa · Nguyễn Văn A" in text
        assert "xã Hoằng Hóa" in text
        assert "Kết quả 2 · Khó khăn 1 · Kiến nghị 1 · Chỉ đạo 1" in text
        assert len(app.store.sessions()) == 1, "a review writes nothing"

        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = dashboard(app)
        assert app.screen is screen
        assert len(app.store.sessions()) == 2
        assert screen.selected is not None and screen.selected.name == "Hoằng Hóa"
        assert next(item.text for item in pane(app, Kind.ACHIEVEMENT).items) == NEW_ACHIEVEMENT
        assert len(pane(app, Kind.DIRECTIVE).items) == 1
        assert any("Đã nhập: kết quả 2, khó khăn 1, kiến nghị 1, chỉ đạo 1" in n for n in notices(app))
    # The import is on disk, not only in memory.
    with Store.open(seeded_store_path) as store:
        assert len(store.sessions()) == 2


async def test_enter_ctrl_s_and_the_read_button_all_open_the_review(make_dashboard, tmp_path) -> None:
    report = write_report(tmp_path)
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        dialog(app).query_one(PathInput).value = str(report)
        await pilot.press("ctrl+s")  # in the dialog, ctrl+s reads like enter
        await settle(pilot)
        review_header(app)
        await pilot.press("ctrl+s")  # in the review, it stores
        await settle(pilot)
        assert len(app.store.sessions()) == 2
        assert dashboard(app).selected.name == "Hoằng Hóa"

    second = write_report(tmp_path, "ngoc-trao.yaml", commune="xã Ngọc Trạo")
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # two sessions now: the overview opens first
        await settle(pilot)
        await pilot.press("i")
        dialog(app).query_one(PathInput).value = str(second)
        await pilot.pause()
        assert not dialog(app).query_one("#import-read").disabled
        await pilot.click("#import-read")
        await settle(pilot)
        review_header(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert len(app.store.sessions()) == 3


async def test_importing_into_the_commune_on_screen_refreshes_its_panes(make_dashboard, tmp_path) -> None:
    """Ngọc Trạo is shown when the app opens; its panes must show the new session at once."""
    report = write_report(tmp_path, "ngoc-trao.yaml", commune="xã Ngọc Trạo")
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = dashboard(app)
        assert screen.selected.name == "Ngọc Trạo"
        before = len(pane(app, Kind.ACHIEVEMENT).items)
        await preview(pilot, report)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.selected.name == "Ngọc Trạo"
        achievements = pane(app, Kind.ACHIEVEMENT).items
        assert len(achievements) == before + 2
        assert achievements[0].text == NEW_ACHIEVEMENT, "the newest session comes first"
        assert "2 phiên" in str(screen.query_one("#header").render())


async def test_a_session_in_another_province_switches_the_dashboard_there(make_dashboard, tmp_path) -> None:
    report = write_report(tmp_path, "nghe-an.yaml", commune="xã Anh Sơn", province="Nghệ An")
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await preview(pilot, report)
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = dashboard(app)
        assert screen.province is not None and screen.province.name == "Nghệ An"
        assert screen.selected is not None and screen.selected.label == "xã Anh Sơn"
        assert pane(app, Kind.ACHIEVEMENT).items[0].text == NEW_ACHIEVEMENT


async def test_a_filter_that_hides_the_new_commune_is_cleared(make_dashboard, tmp_path) -> None:
    report = write_report(tmp_path)
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"kim tan", "enter")
        await preview(pilot, report)
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = dashboard(app)
        assert screen.query_one("#filter").value == ""
        assert screen.selected.name == "Hoằng Hóa"


async def test_importing_the_same_file_again_adds_nothing(make_dashboard, seeded_store_path, tmp_path) -> None:
    report = write_report(tmp_path)
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await preview(pilot, report)
        await pilot.press("ctrl+s")
        await settle(pilot)
        on_disk = store_bytes(seeded_store_path)
        await preview(pilot, report)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert len(app.store.sessions()) == 2
        assert any("Đã có trong kho, không thêm gì" in n for n in notices(app))
        assert store_bytes(seeded_store_path) == on_disk


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.yaml", None, "không có tệp này"),
        ("empty.txt", "", "empty"),
        ("blank.yaml", "\n  \n", "rỗng"),
        ("bad.docx", "not a zip", "không phải tệp Word .docx"),
        ("binary.txt", b"\x00\x01\x02\x03binary", "tệp nhị phân"),
        ("no-province.txt", "Hôm nay trời đẹp. Mọi người vui vẻ.\n", "không xác định được tỉnh"),
    ],
)
async def test_a_file_that_cannot_be_read_shows_one_error_line_and_imports_nothing(
    make_dashboard, seeded_store_path, tmp_path, name, content, reason
) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    before = store_bytes(seeded_store_path)
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await preview(pilot, path)
        text = message_text(app)
        assert text.startswith(f"{path}: ") and reason in text and "\n" not in text.strip()
        assert dialog(app).query_one("#import-read").disabled, "reading it again would fail again"
        await pilot.press("ctrl+s")  # ctrl+s only reads the file again
        await settle(pilot)
        assert dialog(app).plan is None
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert len(app.store.sessions()) == 1
    assert store_bytes(seeded_store_path) == before


async def test_escape_cancels_after_a_review(make_dashboard, seeded_store_path, tmp_path) -> None:
    report = write_report(tmp_path)
    before = store_bytes(seeded_store_path)
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        selected = dashboard(app).selected
        await preview(pilot, report)
        review_header(app)
        await pilot.press("escape")  # back to the path
        await settle(pilot)
        assert dialog(app).plan is None
        await pilot.press("escape")  # back to the dashboard
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert dashboard(app).selected == selected
        assert len(app.store.sessions()) == 1
    assert store_bytes(seeded_store_path) == before


async def test_back_from_the_review_the_path_can_be_changed(make_dashboard, tmp_path) -> None:
    report = write_report(tmp_path)
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await preview(pilot, report)
        assert "Nguyễn Văn A" in review_header(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.focused is dialog(app).query_one(PathInput)
        assert "Đã đóng bản duyệt, chưa nhập gì" in message_text(app)
        await pilot.press("backspace")
        await settle(pilot)
        assert dialog(app).plan is None
        assert "Gõ đường dẫn của một tệp báo cáo" in message_text(app)
        assert not dialog(app).query_one("#import-read").disabled
        await pilot.press("enter")  # the path is now wrong: enter reads it, it does not import
        await settle(pilot)
        assert "không có tệp này" in message_text(app) or "không hỗ trợ" in message_text(app)
        assert len(app.store.sessions()) == 1


async def test_report_markup_in_the_review_is_shown_as_typed(make_dashboard, tmp_path) -> None:
    path = tmp_path / "markup.yaml"
    text = REPORT.format(commune="xã Hoằng Hóa", province="Thanh Hóa")
    path.write_text(text.replace("name: Nguyễn Văn A", 'name: "[bold red]Nguyễn[/] [link=http://x]A[/link]"'), encoding="utf-8")
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await preview(pilot, path)
        text = review_header(app)
        assert "[bold red]Nguyễn[/] [link=http://x]A[/link]" in text


async def test_tab_accepts_the_suggested_file_name(make_dashboard, tmp_path) -> None:
    write_report(tmp_path, "Hoang-Hoa-2025.yaml")
    (tmp_path / "hoang-hoa-notes.odt").write_text("x", encoding="utf-8")  # not importable: never suggested
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        field = dialog(app).query_one(PathInput)
        field.value = f"{tmp_path}/"
        field.cursor_position = len(field.value)
        await pilot.press(*"hoang")  # another case than the file's: still found
        await settle(pilot)
        assert field.suggestion == f"{tmp_path}/Hoang-Hoa-2025.yaml"
        await pilot.press("tab")
        assert field.value == f"{tmp_path}/Hoang-Hoa-2025.yaml"
        assert app.focused is field, "tab completed instead of moving the focus"
        await pilot.press("enter")
        await settle(pilot)
        review_header(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.focused is field
        await pilot.press("tab")  # nothing left to complete: tab moves on
        assert app.focused is not field


async def test_a_session_without_a_leader_shows_only_its_date(make_dashboard, tmp_path) -> None:
    article = tmp_path / "hoang-hoa.txt"
    article.write_text(ARTICLE_WITHOUT_LEADER, encoding="utf-8")
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await preview(pilot, article)
        assert "không nêu tên lãnh đạo" in review_header(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        item = pane(app, Kind.ACHIEVEMENT).items[0]
        assert item.session.leader.name == ""
        communes = ", ".join(app.store.commune(code).label for code in item.commune_codes)
        assert item_shown(app, Kind.ACHIEVEMENT, 0).splitlines()[-1] == f"03/12/2025 · {communes}", "no leader: the date alone"
        await pilot.press("1", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ItemDetailDialog)
        meta = [str(s.render()) for s in app.screen.query(".detail-meta")]
        assert "Lãnh đạo: —" in meta


# -- completion without the app ------------------------------------------------------


def test_completion_folds_case_and_keeps_the_typed_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "Reports").mkdir()
    (tmp_path / "Reports" / "Xa-Hoang-Hoa.DOCX").write_bytes(b"x")
    (tmp_path / "readme.odt").write_bytes(b"x")
    (tmp_path / "Reports" / "bien-ban.pdf").write_bytes(b"x")
    (tmp_path / ".hidden.yaml").write_bytes(b"x")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert complete_path("~/rep") == "~/Reports/"
    assert complete_path("~/Reports/xa") == "~/Reports/Xa-Hoang-Hoa.DOCX"
    assert complete_path("~/re", base=None) == "~/Reports/", "readme.odt is not importable"
    assert complete_path("~/Reports/bi") == "~/Reports/bien-ban.pdf", "a PDF is importable"
    assert complete_path("~/") == "~/Reports/", "hidden files only once a dot is typed"
    assert complete_path("~/.h") == "~/.hidden.yaml"
    assert complete_path("Rep", base=tmp_path) == "Reports/"
    assert complete_path("~/nothing") is None
    assert complete_path("/no/such/folder/x") is None
    assert complete_path("~") == "~/"
