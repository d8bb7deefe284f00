"""The command palette (ctrl+p) offers every action and runs it as its key would (issue 17)."""

from __future__ import annotations

import pytest
from apps import make_app
from helpers import settle

from haicap.store.domain.i18n import set_language
from haicap.tui.dialogs.export_dialog import ExportDialog
from haicap.tui.dialogs.help import HelpDialog
from haicap.tui.dialogs.import_dialog import ImportDialog
from haicap.tui.dialogs.notice_log_dialog import NoticeLogDialog
from haicap.tui.dialogs.province_picker import ProvincePickerDialog
from haicap.tui.dialogs.search_dialog import SearchDialog
from haicap.tui.palette import HaicapCommands
from haicap.tui.screens.late import LateScreen
from haicap.tui.screens.overview import OverviewScreen
from haicap.tui.screens.presenter import PresenterScreen
from haicap.tui.widgets.commune_filter import CommuneFilter

EVERY_ACTION = [
    "Trình chiếu",
    "Nhập báo cáo",
    "Xuất văn bản",
    "Tổng quan tỉnh",
    "Quá hạn",
    "Tìm kiếm",
    "Chọn tỉnh",
    "Đi tới xã",
    "Quyền ghi",
    "Thông báo đã hiện",
    "Trợ giúp",
]


async def test_the_palette_lists_every_action_on_the_dashboard(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        discovered = [hit.text async for hit in HaicapCommands(app.screen).discover()]
        assert discovered[: len(EVERY_ACTION)] == EVERY_ACTION
        assert any(name.startswith("Giao diện: ") for name in discovered)


async def test_the_palette_speaks_english_when_asked(make_dashboard) -> None:
    set_language("en")
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        provider = HaicapCommands(app.screen)
        discovered = [hit.text async for hit in provider.discover()]
        assert discovered[:3] == ["Present", "Import a report", "Export a document"]
        assert "Theme: haicap-light" in discovered and discovered[-1] == "Tiếng Việt"
        assert "Go to xã Vân Du" in [hit.text async for hit in provider.search("van du")]


@pytest.mark.parametrize(
    ("typed", "opens"),
    [
        ("trinh chieu", PresenterScreen),
        ("nhap bao cao", ImportDialog),
        ("xuat van ban", ExportDialog),
        ("tong quan", OverviewScreen),
        ("qua han", LateScreen),
        ("tim kiem", SearchDialog),
        ("chon tinh", ProvincePickerDialog),
        ("thong bao", NoticeLogDialog),
        ("tro giup", HelpDialog),
    ],
)
async def test_a_command_chosen_in_the_palette_does_what_its_key_does(make_dashboard, typed, opens) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*typed)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, opens), app.screen


async def test_go_to_a_commune_opens_the_filter(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"di toi xa")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.focused, CommuneFilter)


async def test_the_read_only_state_says_why(seeded_store_path) -> None:
    writable = make_app(seeded_store_path)
    async with writable.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await writable.run_action("app.read_only_state")
        assert writable.notices.newest_first()[0].text.startswith("Kho ghi được: ")
    viewer = make_app(seeded_store_path, read_only=True)
    async with viewer.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await viewer.run_action("app.read_only_state")
        assert "--read-only" in viewer.notices.newest_first()[0].text
        discovered = [hit.text async for hit in HaicapCommands(viewer.screen).discover()]
        assert "Nhập báo cáo" not in discovered


async def test_one_notice_at_a_time_on_the_status_line_and_all_in_the_log(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        app.notify("Thông báo thứ nhất / first")
        app.notify("Thông báo thứ hai / second")
        await settle(pilot)
        assert [n.message for n in app._notifications] == ["Thông báo thứ hai / second"]
        assert [n.text for n in app.notices.newest_first()[:2]] == ["Thông báo thứ hai / second", "Thông báo thứ nhất / first"]
        [toast] = app.screen.query("Toast")
        assert toast.region.y >= 22 and toast.region.width == 80, "on the bottom line, over the footer, not over a pane"


async def test_a_notice_that_went_away_is_still_in_the_messages(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.notify("Đã lưu [bold]3[/bold] mục / 3 items stored", timeout=0.01)
        app.notify("Không ghi được / could not write", severity="warning", timeout=0.01)
        await pilot.pause(0.05)
        await pilot.press("M")
        await settle(pilot)
        assert isinstance(app.screen, NoticeLogDialog)
        lines = [str(line.render()) for line in app.screen.query(".notice-log-line")]
        # Newest first, marked by severity, and shown literally (no markup applied).
        assert "! Không ghi được / could not write" in lines[0]
        assert "Đã lưu [bold]3[/bold] mục / 3 items stored" in lines[1]
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, NoticeLogDialog)
