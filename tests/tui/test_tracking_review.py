"""Pilot tests of reading an agency's filled tracking table back from the dashboard: `i`, the review, ctrl+s.

The table of Sở Xây dựng (two requests and a directive of the seed session) is exported
as `haicap export --owner` writes it, filled with openpyxl (an answer, a status, a
completion date as a real date) and, for the refusals, a row changed in the store since
and an unknown id. Today is the tests' fixed 15/12/2025.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from helpers import settle
from test_import_dialog import dashboard, dialog, notices, store_bytes

from haicap.store import Kind, Store
from haicap.store.views.exports import gather, render
from haicap.store.views.exports.by_owner import for_owner, owner_file_name
from haicap.tui.dialogs.choice_dialog import ChoiceDialog
from haicap.tui.dialogs.help import HelpDialog
from haicap.tui.screens.tracking_review import TrackingReviewScreen
from haicap.tui.widgets.items_pane import ItemsPane
from haicap.tui.widgets.path_input import PathInput
from haicap.tui.widgets.tracking_changes import TrackingChanges
from haicap.tui.widgets.tracking_header import TrackingHeader

SESSION = "cdb5ed9f"
ANSWERED, CHANGED, DIRECTIVE = f"{SESSION}-16", f"{SESSION}-17", f"{SESSION}-20"
TODAY = dt.date(2025, 12, 15)


def filled_table(store_path: Path, folder: Path, *, change_meanwhile: bool = False, unknown: bool = False) -> Path:
    """Export Sở Xây dựng's table from the store and fill it as the agency would; the file's path."""
    with Store.open(store_path) as store:
        for item_id in (ANSWERED, CHANGED, DIRECTIVE):
            store.update_tracking(item_id, owner="Sở Xây dựng", who="lan")
        part = for_owner(gather(store, TODAY), "so xay dung")
        path = folder / owner_file_name(part, ".xlsx")
        path.write_bytes(render("xlsx", part))
        if change_meanwhile:
            store.update_tracking(CHANGED, note="Chờ ý kiến của tỉnh.", who="lan")
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    where = {str(c.value).removesuffix(" ✎"): c.column for c in sheet[1]}
    rows = {sheet.cell(n, where["Mã"]).value: n for n in range(2, sheet.max_row + 1)}
    sheet.cell(rows[ANSWERED], where["Trạng thái (cơ quan điền)"]).value = "Đã trả lời"
    sheet.cell(rows[ANSWERED], where["Nội dung trả lời"]).value = "Sở đã trình UBND tỉnh phương án hỗ trợ."
    sheet.cell(rows[CHANGED], where["Ghi chú"]).value = "Đang khảo sát hiện trường."
    sheet.cell(rows[DIRECTIVE], where["Ngày hoàn thành"]).value = dt.datetime(2025, 12, 10)
    if unknown:
        extra = sheet.max_row + 1
        sheet.cell(extra, where["Mã"]).value = f"{SESSION}-99"
        sheet.cell(extra, where["Ghi chú"]).value = "?"
    book.save(path)
    return path


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


async def open_table(pilot, path: Path | str) -> None:
    await settle(pilot)
    await pilot.press("i")
    await settle(pilot)
    dialog(pilot.app).query_one(PathInput).value = str(path)
    await pilot.press("enter")
    await settle(pilot)


def review(app) -> TrackingReviewScreen:
    assert isinstance(app.screen, TrackingReviewScreen), f"expected the tracking review, got {app.screen!r}"
    return app.screen


def lines(app) -> list[str]:
    changes = review(app).query_one(TrackingChanges)
    return [str(changes.get_option_at_index(n).prompt) for n in range(changes.option_count)]


async def test_i_on_a_tracking_table_shows_each_change_and_the_refused_rows(make_dashboard, seeded_store_path, tmp_path) -> None:
    path = filled_table(seeded_store_path, tmp_path, change_meanwhile=True, unknown=True)
    before = store_bytes(seeded_store_path)
    app = make_dashboard()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_table(pilot, path.name)
        header = str(review(app).query_one(TrackingHeader).render())
        assert path.name in header and "2 mục, 3 thay đổi · 0 dòng không đổi · 2 bị từ chối" in header
        shown = lines(app)
        assert shown[0] == "── Thay đổi (3) ──"
        assert any(f"{ANSWERED} " in line and "tình trạng: Mới tiếp nhận → Đã trả lời" in line for line in shown)
        assert any(f"{DIRECTIVE} " in line and "ngày hoàn thành: — → 10/12/2025" in line for line in shown)
        assert "── Dòng bị từ chối (2) ──" in shown
        refused = shown[shown.index("── Dòng bị từ chối (2) ──") + 1 :]
        assert refused[0].startswith(f" dòng 3 ({CHANGED}): đã thay đổi trong kho sau khi xuất bảng")
        assert "trong kho 'Chờ ý kiến của tỉnh.', trong tệp 'Đang khảo sát hiện trường.'" in refused[0]
        assert refused[1].startswith(f" dòng 5 ({SESSION}-99): không có mục nào mang mã này trong kho")
    assert store_bytes(seeded_store_path) == before, "a review writes nothing"


async def test_ctrl_s_applies_the_changes_and_the_panes_show_them(make_dashboard, seeded_store_path, tmp_path) -> None:
    path = filled_table(seeded_store_path, tmp_path)
    app = make_dashboard()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_table(pilot, path.name)
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = dashboard(app)
        assert app.screen is screen
        assert any(f"{path.name}: đã cập nhật 3 mục (4 thay đổi)" in n for n in notices(app))
        requests = screen.query_one(f"#pane-{Kind.REQUEST.value}", ItemsPane)
        answered = next(item for item in requests.items if item.id == ANSWERED)
        assert answered.tracking.answer == "Sở đã trình UBND tỉnh phương án hỗ trợ.", "the panes show the new state"
    with Store.open(seeded_store_path) as store:
        item = store.item(DIRECTIVE)
        assert item is not None and item.tracking.done == dt.date(2025, 12, 10)
        assert {e.source for e in store.history(ANSWERED) if e.field in ("status", "answer")} == {path.name}


async def test_esc_with_changes_asks_first_and_help_lists_the_keys(make_dashboard, seeded_store_path, tmp_path) -> None:
    path = filled_table(seeded_store_path, tmp_path)
    before = store_bytes(seeded_store_path)
    app = make_dashboard()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_table(pilot, path.name)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpDialog)
        text = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "Áp dụng mọi thay đổi không bị từ chối" in text
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog), "changes to apply: esc asks first"
        await pilot.press("escape")  # keep reviewing
        await settle(pilot)
        review(app)
        await pilot.press("escape", "down", "enter")  # go back, change nothing
        await settle(pilot)
        assert not isinstance(app.screen, TrackingReviewScreen)
    assert store_bytes(seeded_store_path) == before


async def test_a_damaged_workbook_gets_one_line_in_the_dialog(make_dashboard, tmp_path) -> None:
    Path("hong.xlsx").write_bytes(b"PK\x03\x04 broken")
    app = make_dashboard()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_table(pilot, "hong.xlsx")
        message = str(dialog(app).query_one("#import-message-text").render())
        assert message == "hong.xlsx: không mở được như một sổ tính Excel (.xlsx): tệp bị hỏng hoặc là loại tệp khác"
