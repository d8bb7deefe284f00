"""Pilot tests: following up and correcting items from the dashboard's panes.

Today is fixed with HAICAP_TODAY and the user name in code (`as_user`), so deadlines and history
are the same on every run.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from apps import make_app
from helpers import item_shown, settle

from haicap.store import Kind, RequestStatus, Store
from haicap.store.ingest.reports import parse_report
from haicap.tui.dialogs.add_item_dialog import AddItemDialog
from haicap.tui.dialogs.edit_item_dialog import EditItemDialog, parse_date
from haicap.tui.dialogs.history_dialog import HistoryDialog
from haicap.tui.dialogs.item_detail import ItemDetailDialog
from haicap.tui.dialogs.kind_dialog import KindDialog
from haicap.tui.dialogs.sessions_dialog import SessionsDialog
from haicap.tui.dialogs.status_dialog import StatusDialog
from haicap.tui.screens.dashboard import DashboardScreen
from haicap.tui.widgets.commune_filter import CommuneFilter
from haicap.tui.widgets.items_pane import ItemsPane

OWNER = "Sở Nông nghiệp và Môi trường"


@pytest.fixture(autouse=True)
def fixed_user_and_day(monkeypatch: pytest.MonkeyPatch, as_user) -> None:
    """History records "lan"; today is 15/12/2025 (the seed session was on 25/11/2025)."""
    as_user("lan")
    monkeypatch.setenv("HAICAP_TODAY", "2025-12-15")


def dashboard(app) -> DashboardScreen:
    screen = app.screen
    assert isinstance(screen, DashboardScreen), f"expected the dashboard, got {screen!r}"
    return screen


def pane(app, kind: Kind) -> ItemsPane:
    return dashboard(app).query_one(f"#pane-{kind.value}", ItemsPane)


def prompt(app, kind: Kind, index: int) -> str:
    return item_shown(app, kind, index)


def notices(app) -> list[str]:
    return [notice.text for notice in app.notices]  # every notice shown (one is on screen at a time)


async def open_commune(pilot, name: str, pane_key: str) -> None:
    """Filter the list to `name`, select it, and focus a pane."""
    await pilot.press("slash", *name, "enter")
    await settle(pilot)
    await pilot.press(pane_key)
    await settle(pilot)


async def test_a_request_followed_up_to_overdue(make_dashboard) -> None:
    """The issue's scenario: a Vân Du request set in progress, given an owner and a past
    deadline, shows the overdue mark and its state line; its history names the user."""
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_commune(pilot, "van du", "3")
        requests = pane(app, Kind.REQUEST)
        assert app.focused is requests and dashboard(app).selected.name == "Vân Du"
        item = requests.current
        assert "Mới tiếp nhận · hạn 04/01/2026" in prompt(app, Kind.REQUEST, 0), "default deadline: session + 40 days"

        await pilot.press("s")
        assert isinstance(app.screen, StatusDialog)
        await pilot.press("down", "enter")  # from "Mới tiếp nhận" (current) to "Đang giải quyết"
        await settle(pilot)
        assert app.store.item(item.id).tracking.status is RequestStatus.IN_PROGRESS

        await pilot.press("e")
        assert isinstance(app.screen, EditItemDialog)
        await pilot.press(*OWNER, "tab", "tab", *"05/12/2025", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        tracking = app.store.item(item.id).tracking
        assert tracking.owner == OWNER and tracking.deadline == dt.date(2025, 12, 5)

        shown = prompt(app, Kind.REQUEST, requests.highlighted)
        assert requests.current.id == item.id, "the cursor stays on the changed item"
        line = shown.splitlines()[0]
        assert line.startswith("⚠ Bên cạnh đó") and line.endswith("quá 10 ngày"), "marked, and overdue in words"
        assert "⚠ quá hạn 10 ngày  Đang giải quyết · Sở Nông nghiệp và Môi trường · hạn 05/12/2025" in shown

        await pilot.press("h")
        history = app.screen
        assert isinstance(history, HistoryDialog)
        text = " ".join(str(static.render()) for static in history.query("Static"))
        assert "lan" in text and "Mới tiếp nhận → Đang giải quyết" in text
        assert f"— → {OWNER}" in text and "— → 2025-12-05" in text
        await pilot.press("escape")

        await pilot.press("enter")
        assert isinstance(app.screen, ItemDetailDialog)
        detail = " ".join(str(static.render()) for static in app.screen.query("Static"))
        assert "⚠ quá hạn 10 ngày  Đang giải quyết" in detail
        assert OWNER in detail and "05/12/2025" in detail


async def test_overdue_directive_and_done_directive(make_dashboard) -> None:
    """A directive with a past deadline is marked; `s` → Hoàn thành closes it with today's date."""
    app = make_dashboard()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("4")
        directive = pane(app, Kind.DIRECTIVE).current
        await pilot.press("e", "tab", "tab", *"2025-12-01", "ctrl+s")
        await settle(pilot)
        shown = prompt(app, Kind.DIRECTIVE, 0)
        assert shown.startswith("⚠ ") and shown.splitlines()[0].endswith("quá 14 ngày")
        assert "⚠ quá hạn 14 ngày  Đang thực hiện · hạn 01/12/2025" in shown
        await pilot.press("s")
        assert isinstance(app.screen, StatusDialog)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.store.item(directive.id).tracking.done == dt.date(2025, 12, 15)
        shown = prompt(app, Kind.DIRECTIVE, 0)
        assert "⚠" not in shown and "Hoàn thành – quá hạn · hạn 01/12/2025 · xong 15/12/2025" in shown


async def test_status_is_only_for_requests_and_directives(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1", "s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert any("Chỉ kiến nghị và chỉ đạo có trạng thái" in n for n in notices(app))


async def test_edit_text_and_a_bad_date(make_dashboard) -> None:
    """`e` edits the text of any kind; a date that is not one keeps the dialog open with an error."""
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("3", "e", "tab", "tab", *"31/02/2026", "enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, EditItemDialog)
        assert "không phải ngày" in str(dialog.query_one("#edit-error").render())
        assert app.focused is dialog.query_one("#edit-deadline")
        await pilot.press("escape")
        await pilot.press("1")
        item = pane(app, Kind.ACHIEVEMENT).current
        await pilot.press("e")
        area = app.screen.query_one("#edit-text")
        area.text = "Kết quả đã sửa [bold]nguyên văn[/]"
        await pilot.press("enter")
        await settle(pilot)
        assert app.store.item(item.id).text == "Kết quả đã sửa [bold]nguyên văn[/]"
        line, text = prompt(app, Kind.ACHIEVEMENT, 0).splitlines()[:2]
        assert line.startswith("• Kết quả đã sửa [bold]") and text == "Kết quả đã sửa [bold]nguyên văn[/]"


async def test_a_burst_typed_across_the_edit_fields_lands_in_each_field(make_dashboard) -> None:
    """Over a slow SSH link "owner<tab>co-agency<enter>" arrives in one burst: the letters
    after the tab go to the next field."""
    from textual import events
    from textual.keys import _character_to_key

    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        item = pane(app, Kind.REQUEST).current
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, EditItemDialog)
        app.screen.query_one("#edit-owner").value = ""
        app.screen.query_one("#edit-co_agencies").value = ""
        burst = [(_character_to_key(c), c) for c in "Sở Tài chính"] + [("tab", "\t")]
        burst += [(_character_to_key(c), c) for c in "Sở Nội vụ"] + [("enter", "\r")]
        for key, character in burst:
            app.post_message(events.Key(key, character))
        await settle(pilot)
        assert app.store.item(item.id).tracking.owner == "Sở Tài chính"
        assert app.store.item(item.id).tracking.co_agencies == ("Sở Nội vụ",)


def test_dates_are_read_as_officials_write_them() -> None:
    assert parse_date("04/01/2026") == dt.date(2026, 1, 4)
    assert parse_date("4/1/2026") == dt.date(2026, 1, 4)
    assert parse_date("2026-01-04") == dt.date(2026, 1, 4)
    assert parse_date("  ") is None
    with pytest.raises(ValueError, match="không phải ngày"):
        parse_date("01/13/2026")


async def test_shift_k_moves_an_item_to_another_pane(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        moved = pane(app, Kind.ACHIEVEMENT).current
        await pilot.press("K")
        assert isinstance(app.screen, KindDialog)
        await pilot.press("j", "enter")  # from the item's own kind to the next: difficulties
        await settle(pilot)
        assert len(pane(app, Kind.ACHIEVEMENT).items) == 7 and len(pane(app, Kind.DIFFICULTY).items) == 7
        difficulties = pane(app, Kind.DIFFICULTY)
        assert app.focused is difficulties and difficulties.current.id == moved.id
        assert app.store.item(moved.id).kind is Kind.DIFFICULTY


async def test_the_kind_dialog_opens_on_the_items_own_kind(make_dashboard) -> None:
    """On a request, K opens with the highlight on "Kiến nghị": enter there changes nothing,
    one step down is the directives, one step up the difficulties."""
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        request = pane(app, Kind.REQUEST).current
        await pilot.press("K")
        assert isinstance(app.screen, KindDialog)
        assert "Kiến nghị" in app.screen.query_one("OptionList").highlighted_option.prompt.plain
        await pilot.press("enter")
        await settle(pilot)
        assert app.store.item(request.id).kind is Kind.REQUEST, "enter on its own kind leaves the item where it is"
        assert len(pane(app, Kind.REQUEST).items) == 4
        await pilot.press("K", "j", "enter")
        await settle(pilot)
        assert app.store.item(request.id).kind is Kind.DIRECTIVE


async def test_d_deletes_and_u_brings_back(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("4", "down")
        directives = pane(app, Kind.DIRECTIVE)
        second, third = directives.items[1], directives.items[2]
        await pilot.press("d")
        await settle(pilot)
        assert len(directives.items) == 18 and second not in directives.items
        assert directives.current.id == third.id, "the cursor goes to the neighbour"
        assert any("u: hoàn tác" in n for n in notices(app))
        assert app.store.item(second.id).deleted
        # Undo from another commune: the dashboard goes back to the restored item.
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert dashboard(app).selected.name == "Ngọc Trạo"
        assert len(directives.items) == 19 and directives.current.id == second.id
        assert app.focused is directives
        await pilot.press("u")
        await settle(pilot)
        assert any("Không có mục nào vừa xoá" in n for n in notices(app))


async def test_a_adds_an_item_to_the_newest_session(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("3", "a")
        dialog = app.screen
        assert isinstance(dialog, AddItemDialog) and dialog.kind is Kind.REQUEST
        await pilot.press("enter")
        assert "Nhập nội dung trước" in str(dialog.query_one("#add-error").render())
        await pilot.press(*"Đề nghị hỗ trợ kinh phí làm đường", "enter")
        await settle(pilot)
        requests = pane(app, Kind.REQUEST)
        assert len(requests.items) == 5
        added = requests.current
        assert added.text == "Đề nghị hỗ trợ kinh phí làm đường" and added.added_by_hand
        assert added.commune_codes == ("15250",)
        assert "thêm tay" in prompt(app, Kind.REQUEST, requests.highlighted)


def add_second_session(path: Path) -> None:
    """A newer session with Vân Du: one achievement and one request."""
    with Store.open(path) as store:
        report = parse_report(
            {
                "format": "haicap-session/1",
                "session": {
                    "date": dt.date(2025, 12, 10),
                    "province": "Thanh Hóa",
                    "leader": {"name": "Lê Văn Thử", "title": "Phó Chủ tịch UBND tỉnh"},
                    "title": "Phiên thứ hai",
                },
                "communes": ["xã Vân Du"],
                "items": [
                    {"kind": "achievement", "text": "Thu ngân sách vượt dự toán."},
                    {"kind": "request", "text": "Đề nghị tỉnh đầu tư trường học."},
                ],
            },
            store.registry,
            "second.yaml",
        )
        store.add_report(report)


async def test_t_narrows_the_panes_to_one_session_and_t_again_clears(seeded_store_path: Path) -> None:
    add_second_session(seeded_store_path)
    app = make_app(seeded_store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        while not isinstance(app.screen, DashboardScreen):  # a store of several sessions opens on a view
            await app.pop_screen()
        await settle(pilot)
        screen = dashboard(app)
        assert screen.selected.name == "Vân Du"
        everything = {kind: len(pane(app, kind).items) for kind in Kind}
        await pilot.press("t")
        dialog = app.screen
        assert isinstance(dialog, SessionsDialog)
        listed = [str(dialog.query_one("OptionList").get_option_at_index(i).prompt) for i in range(3)]
        assert "Tất cả các phiên" in listed[0]
        assert "10/12/2025 · Lê Văn Thử" in listed[1] and "KQ 1 KK 0 KN 1 CĐ 0" in listed[1], "newest first"
        assert "25/11/2025 · Trịnh Tuấn Sinh" in listed[2]
        await pilot.press("down", "down", "enter")  # the seed session
        await settle(pilot)
        header = str(screen.query_one("#header").render())
        assert "◆ phiên 25/11/2025" in header
        assert len(pane(app, Kind.ACHIEVEMENT).items) == everything[Kind.ACHIEVEMENT] - 1
        assert all(item.session.date == dt.date(2025, 11, 25) for kind in Kind for item in pane(app, kind).items)
        # `a` adds to the chosen session, not the newest.
        await pilot.press("3", "a", *"Kiến nghị thêm", "enter")
        await settle(pilot)
        assert pane(app, Kind.REQUEST).current.session.date == dt.date(2025, 11, 25)
        await pilot.press("t")
        await settle(pilot)
        assert "phiên 25/11" not in str(screen.query_one("#header").render())
        assert len(pane(app, Kind.ACHIEVEMENT).items) == everything[Kind.ACHIEVEMENT]
        # The dialog's "all sessions" entry clears it too.
        await pilot.press("t", "down", "enter")
        await settle(pilot)
        assert len(pane(app, Kind.ACHIEVEMENT).items) == 1
        await pilot.press("t")
        assert isinstance(app.screen, DashboardScreen), "t while narrowed clears without a dialog"
        await settle(pilot)
        assert len(pane(app, Kind.ACHIEVEMENT).items) == everything[Kind.ACHIEVEMENT]


async def test_go_to_shows_a_commune_and_focuses_an_item(make_dashboard) -> None:
    """Other screens pop back and call `go_to`: a filter hiding the commune is cleared,
    another province is loaded, and the item is highlighted in its pane."""
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = dashboard(app)
        store = app.store
        kim_tan = next(c for c in store.registry.communes_of(screen.province) if c.name == "Kim Tân")
        request = store.commune_view(kim_tan).of_kind(Kind.REQUEST)[-1]
        await pilot.press("slash", *"ngoc", "enter")
        await settle(pilot)
        screen.go_to(kim_tan, request.id)
        await settle(pilot)
        assert screen.selected == kim_tan and screen.query_one(CommuneFilter).value == ""
        assert app.focused is pane(app, Kind.REQUEST) and pane(app, Kind.REQUEST).current.id == request.id

        ha_noi = store.find_province("Hà Nội")
        elsewhere = store.registry.communes_of(ha_noi)[3]
        screen.go_to(elsewhere)
        await settle(pilot)
        assert screen.province == ha_noi and screen.selected == elsewhere

        screen.go_to(kim_tan, request.id)
        await settle(pilot)
        assert screen.province == kim_tan.province and screen.selected == kim_tan
        assert app.focused is pane(app, Kind.REQUEST) and pane(app, Kind.REQUEST).current.id == request.id


async def test_a_refused_change_changes_nothing(make_dashboard) -> None:
    """The store refuses a status for an item deleted meanwhile (by the CLI, say): an error
    notification, and the panes stay as they were."""
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        requests = pane(app, Kind.REQUEST)
        item = requests.current
        app.store.delete_item(item.id)
        await pilot.press("s", "down", "enter")
        await settle(pilot)
        errors = [n for n in app.notices if n.severity == "error"]
        assert errors and "đã bị xoá" in errors[-1].text
        assert len(requests.items) == 4 and requests.current.id == item.id
        assert app.store.item(item.id).tracking.status is None
