"""Pilot tests of the views over the dashboard: the overview (`o`), the late view (`l`) and search (ctrl+f).

Today is fixed with HAICAP_TODAY, and overdue items are made through the store API, so
the counts below follow from the seed session (25/11/2025: Ngọc Trạo, Vân Du, Kim Tân;
4 requests due 04/01/2026, 19 directives without a deadline) and the changes each test makes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from apps import make_app
from helpers import record_notices, settle
from rich.cells import cell_len

from haicap.store import Kind, Store
from haicap.store.domain import i18n
from haicap.store.domain.text import sort_key
from haicap.store.ingest.reports import parse_report
from haicap.store.views.overview import late_items, province_overview
from haicap.tui.dialogs.help import HelpDialog
from haicap.tui.dialogs.item_detail import ItemDetailDialog
from haicap.tui.dialogs.search_dialog import SearchDialog, match_spans
from haicap.tui.screens.dashboard import DashboardScreen
from haicap.tui.screens.late import LateScreen
from haicap.tui.screens.overview import OverviewScreen
from haicap.tui.widgets.commune_list import CommuneList
from haicap.tui.widgets.items_pane import ItemsPane
from haicap.tui.widgets.late_table import LateTable
from haicap.tui.widgets.overview_table import OVERVIEW_COLUMNS, OverviewTable
from haicap.tui.widgets.view_header import ViewHeader

TODAY = dt.date(2025, 12, 20)
"""Before the seed requests' default deadline (04/01/2026): only what a test makes is late."""

SEED = Path(__file__).resolve().parents[2] / "seeds" / "sessions" / "2025-11-25-thanh-hoa-ngoc-trao-van-du-kim-tan.yaml"

VAN_DU, KIM_TAN, NGOC_TRAO = "15190", "15187", "15250"
"""Commune codes of the seed session."""

LATE_REQUEST = "Đề nghị tỉnh hỗ trợ kinh phí nâng cấp đường vào bản Cang"
"""A request added by hand for Vân Du alone, made overdue."""


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    monkeypatch.setenv("HAICAP_TODAY", TODAY.isoformat())
    return TODAY


def add_late_request(path: Path, text: str = LATE_REQUEST, deadline: dt.date = dt.date(2025, 12, 10)) -> str:
    """Add a Vân Du request to the seed session with an owner and a past deadline; return its id."""
    with Store.open(path) as store:
        [session] = store.sessions()
        item = store.add_item(session.id, (VAN_DU,), Kind.REQUEST, text, who="test")
        store.update_tracking(item.id, owner="Sở Xây dựng", deadline=deadline, who="test")
        return item.id


def add_second_session(path: Path) -> None:
    """Import a copy of the seed YAML with another date: the store then holds two sessions."""
    import yaml

    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    data["session"]["date"] = dt.date(2025, 12, 9)
    data["session"]["title"] += " (lần 2)"
    with Store.open(path) as store:
        store.add_report(parse_report(data, store.registry, "second.yaml"))
        assert len(store.sessions()) == 2


def add_nghe_an_session(path: Path) -> None:
    """A session in another province with one request, overdue once the test's today has passed 40 days."""
    with Store.open(path) as store:
        report = parse_report(
            {
                "format": "haicap-session/1",
                "session": {
                    "date": dt.date(2025, 10, 1),
                    "province": "Nghệ An",
                    "leader": {"name": "Người Thử", "title": "Kiểm thử"},
                    "title": "Phiên thử ở Nghệ An",
                },
                "communes": ["xã Con Cuông"],
                "items": [{"kind": "request", "text": "Đề nghị sửa cầu treo bản Khe"}],
            },
            store.registry,
            "nghe-an.yaml",
        )
        store.add_report(report)


@pytest.fixture
def late_store(seeded_store_path: Path) -> tuple[Path, str]:
    """The seeded store with one overdue Vân Du request (10 days late on TODAY)."""
    return seeded_store_path, add_late_request(seeded_store_path)


def overview(app) -> OverviewScreen:
    assert isinstance(app.screen, OverviewScreen), f"expected the overview, got {app.screen!r}"
    return app.screen


def table_names(app) -> list[str]:
    return [row.commune.name for row in app.screen.query_one(OverviewTable).rows_shown]


def header_text(app) -> str:
    return str(app.screen.query_one("ViewHeader").render())


def first_cells(app, rows: int = 3) -> list[list[str]]:
    table = app.screen.query_one(OverviewTable)
    return [[cell.plain.strip() for cell in table.get_row_at(index)] for index in range(rows)]


async def open_overview(app, pilot) -> OverviewScreen:
    await settle(pilot)
    await pilot.press("o")
    await settle(pilot)
    return overview(app)


# -- the overview -----------------------------------------------------------------------


async def test_o_opens_the_overview_with_counts_and_totals(late_store) -> None:
    path, _ = late_store
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_overview(app, pilot)
        assert screen.province.name == "Thanh Hóa"
        assert len(table_names(app)) == 166
        # Overdue first, then the communes with sessions (same day: by name), then the rest.
        assert table_names(app)[:3] == ["Vân Du", "Kim Tân", "Ngọc Trạo"]
        assert first_cells(app) == [
            ["⚠ Vân Du", "1", "25/11/2025", "8", "7", "5", "19", "5", "1", "19", "0", "0"],
            ["Kim Tân", "1", "25/11/2025", "8", "7", "4", "19", "4", "0", "19", "0", "0"],
            ["Ngọc Trạo", "1", "25/11/2025", "8", "6", "4", "19", "4", "0", "19", "0", "0"],
        ]
        fourth = first_cells(app, 4)[3]
        assert fourth[1:3] == ["0", "—"], "communes without sessions come after"
        header = header_text(app)
        assert "Tỉnh Thanh Hóa" in header and "20/12/2025" in header and "xếp: quá hạn trước" in header
        expected = (
            "Kiến nghị: 5 — đã trả lời 0; đang giải quyết 5, quá hạn 1, sắp đến hạn 0 · Chỉ đạo: 19 — hoàn thành "
            "đúng hạn 0, quá hạn 0; đang thực hiện trong hạn 19, quá hạn 0, sắp đến hạn 0"
        )
        _, totals = province_overview(app.store, screen.province, TODAY)
        assert totals.describe() == expected
        requests, directives = expected.split(" · ")
        # The officials' wording, a line each; at 80 columns the directives break after their "; ".
        first, second = directives.split("; ")
        assert header.splitlines()[1:] == [requests, first + ";", " " * len("Chỉ đạo: 19 — ") + second]
        assert app.focused is screen.query_one(OverviewTable)


def assert_header_fits(app) -> list[str]:
    """Every line of the view's header within its width, none wrapped by the terminal; its lines."""
    header = app.screen.query_one(ViewHeader)
    lines = header_text(app).splitlines()
    width = header.content_region.width
    assert all(cell_len(line) <= width for line in lines), [line for line in lines if cell_len(line) > width]
    assert header.content_region.height == len(lines), "a line wrapped"
    return lines


async def test_the_header_fits_its_lines_at_80_columns(late_store) -> None:
    path, _ = late_store
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(app, pilot)
        lines = assert_header_fits(app)
        assert lines[0] == "haicap │ Tổng quan │ Tỉnh Thanh Hóa │ 20/12/2025 │ xếp: quá hạn trước ↓"
        assert lines[2].endswith(";"), "the directives break after their first part, not inside a count"
        await pilot.press("8")  # the longest sort name: "kiến nghị đang giải quyết"
        await settle(pilot)
        first = assert_header_fits(app)[0]
        assert first.endswith(("xếp: kiến nghị đang giải quyết ↓", "xếp: KN mở ↓")), first
        await pilot.press("slash", *"tan")
        await settle(pilot)
        first = assert_header_fits(app)[0]
        assert "Thanh Hóa" in first and "20/12" in first and "xếp: KN mở ↓" in first
        # No fact is cut: each one is whole between the separators.
        assert first.split(" │ ")[-1] in ("lọc: tan (7/166\u00a0xã)", "lọc: tan (7/166)")


async def test_the_header_reads_in_full_at_160_columns(late_store) -> None:
    path, _ = late_store
    app = make_app(path)
    async with app.run_test(size=(160, 40)) as pilot:
        await open_overview(app, pilot)
        await pilot.press("8", "slash", *"tan")
        await settle(pilot)
        lines = assert_header_fits(app)
        assert lines[0] == (
            "haicap │ Tổng quan │ Tỉnh Thanh Hóa │ 20/12/2025 │ xếp: kiến nghị đang giải quyết ↓ │ lọc: tan (7/166\u00a0xã)"
        )
        assert lines[1:] == app.screen._totals.describe().split(" · ")


async def test_overdue_rows_are_marked_with_text_and_colour(late_store) -> None:
    path, _ = late_store
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(app, pilot)
        table = app.screen.query_one(OverviewTable)
        late_name, late_count = table.get_row_at(0)[0], table.get_row_at(0)[8]
        calm_name = table.get_row_at(1)[0]
        assert late_name.plain.strip().startswith("⚠") and not calm_name.plain.strip().startswith("⚠")
        assert late_name.style.color is not None and late_name.style.color == late_count.style.color
        assert late_name.style.color != calm_name.style.color


async def test_escape_and_o_go_back_to_the_dashboard(late_store) -> None:
    path, _ = late_store
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(app, pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("o")
        await settle(pilot)
        overview(app)
        await pilot.press("o")
        assert isinstance(app.screen, DashboardScreen)


async def test_number_keys_sort_and_the_same_key_reverses(late_store) -> None:
    path, _ = late_store
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_overview(app, pilot)
        names = table_names(app)
        await pilot.press("1")
        assert table_names(app) == sorted(names, key=sort_key), "names in Vietnamese dictionary order"
        assert "xếp: tên xã ↑" in header_text(app)
        await pilot.press("1")
        assert table_names(app) == sorted(names, key=sort_key, reverse=True)
        assert "xếp: tên xã ↓" in header_text(app)
        await pilot.press("6")  # requests: Vân Du has 5, the other reported communes 4
        assert table_names(app)[:3] == ["Vân Du", "Kim Tân", "Ngọc Trạo"]
        assert "xếp: kiến nghị ↓" in header_text(app)
        assert screen.sort_column == 5 and screen.descending
        await pilot.press("6")
        # Ties keep the opening order: Kim Tân before Ngọc Trạo either way.
        assert table_names(app)[-3:] == ["Kim Tân", "Ngọc Trạo", "Vân Du"]


async def test_s_cycles_the_sort_column_and_back_to_the_opening_order(late_store) -> None:
    path, _ = late_store
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_overview(app, pilot)
        opening = table_names(app)
        await pilot.press("s")
        assert screen.sort_column == 0
        await pilot.press("s", "s")
        assert screen.sort_column == 2 and "xếp: phiên gần nhất ↓" in header_text(app)
        await pilot.press("S", "S", "S")
        assert screen.sort_column is None and table_names(app) == opening
        await pilot.press("S")
        assert screen.sort_column == len(OVERVIEW_COLUMNS) - 1, "S from the opening order goes to the last column"


async def test_the_sorted_column_heading_shows_the_direction(late_store) -> None:
    path, _ = late_store
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(app, pilot)
        table = app.screen.query_one(OverviewTable)
        await pilot.press("9")
        labels = [column.label.plain for column in table.ordered_columns]
        assert "▼" in labels[8] and not any("▼" in label or "▲" in label for i, label in enumerate(labels) if i != 8)
        await pilot.press("9")
        assert "▲" in table.ordered_columns[8].label.plain


async def test_clicking_a_heading_sorts_by_it(late_store) -> None:
    path, _ = late_store
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_overview(app, pilot)
        table = screen.query_one(OverviewTable)
        table.post_message(OverviewTable.SortClicked(table, 2))
        await settle(pilot)
        assert screen.sort_column == 2


@pytest.mark.parametrize("query", ["van du", "VAN DU", "vân du", "du van"])
async def test_filter_finds_van_du_without_diacritics(late_store, query: str) -> None:
    path, _ = late_store
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(app, pilot)
        await pilot.press("slash", *query)
        assert table_names(app) == ["Vân Du"]
        assert f"lọc: {query} (1/166" in header_text(app)
        await pilot.press("enter")  # from the box to the table
        assert app.focused is app.screen.query_one(OverviewTable)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.selected.name == "Vân Du"


async def test_escape_in_the_filter_clears_it_and_keeps_the_overview(late_store) -> None:
    path, _ = late_store
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(app, pilot)
        await pilot.press("slash", *"kim", "escape")
        overview(app)
        assert len(table_names(app)) == 166
        assert app.focused is app.screen.query_one(OverviewTable)


async def test_enter_drills_into_the_commune_on_the_dashboard(late_store) -> None:
    path, _ = late_store
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(app, pilot)
        await pilot.press("j", "enter")  # the second row: Kim Tân
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        assert screen.selected.name == "Kim Tân"
        assert screen.query_one(CommuneList).current.name == "Kim Tân"


async def test_drilling_into_a_commune_without_reports(late_store) -> None:
    path, _ = late_store
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(app, pilot)
        await pilot.press("slash", *"ba dinh", "enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.selected.name == "Ba Đình"


async def test_the_overview_is_the_start_screen_with_two_sessions(seeded_store_path: Path) -> None:
    add_second_session(seeded_store_path)
    app = make_app(seeded_store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = overview(app)
        assert table_names(app)[:3] == ["Kim Tân", "Ngọc Trạo", "Vân Du"]
        assert first_cells(app, 1)[0][1:3] == ["2", "09/12/2025"]
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen), "the dashboard is underneath"
        assert screen.province == app.screen.province


async def test_the_dashboard_is_the_start_screen_with_one_session(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_the_overview_follows_the_dashboards_province(late_store) -> None:
    path, _ = late_store
    app = make_app(path, "nghe an")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_overview(app, pilot)
        assert screen.province.name == "Nghệ An"
        assert len(table_names(app)) == 130
        assert "Kiến nghị: 0" in header_text(app)


async def test_help_lists_the_overview_keys(late_store) -> None:
    path, _ = late_store
    app = make_app(path)
    async with app.run_test(size=(100, 50)) as pilot:
        await open_overview(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpDialog)
        shown = "\n".join(str(static.render()) for static in app.screen.query("Static"))
        for binding in OverviewScreen.BINDINGS + OverviewTable.BINDINGS:
            if binding.description:
                assert i18n._(binding.tooltip or binding.description) in shown
        assert "Bảng tổng quan" in shown
        assert "Overview of the province's communes" not in shown, "on the overview, o goes back"
        await pilot.press("escape")
        overview(app)


async def test_help_on_the_dashboard_lists_the_new_keys(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(100, 50)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        shown = "\n".join(str(static.render()) for static in app.screen.query("Static"))
        for tooltip in (
            "Overview of the province's communes, with totals",
            "Overdue items, oldest first, then those due soon",
            "Search the text of every item of every commune",
        ):
            assert i18n._(tooltip) in shown and i18n._(tooltip) != tooltip


@pytest.mark.parametrize("key", ["o", "l"])
async def test_footers_fit_at_80_columns(late_store, key: str) -> None:
    path, _ = late_store
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        keys = list(app.screen.query("FooterKey"))
        assert keys and all(k.region.right <= 80 for k in keys)
        assert {k.description for k in keys} >= {"Về", "Tìm kiếm", "Trợ giúp"}


async def test_the_overview_table_fits_at_80_columns(late_store) -> None:
    path, _ = late_store
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(app, pilot)
        table = app.screen.query_one(OverviewTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert table.scrollable_content_region.height >= 10, "at least ten communes visible at 80x24"


# -- the late view ----------------------------------------------------------------------


async def test_l_lists_the_overdue_item_and_enter_jumps_to_it(late_store) -> None:
    path, item_id = late_store
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LateScreen)
        table = app.screen.query_one(LateTable)
        assert [late.item.id for late in table.late_items] == [item_id]
        cells = [cell.plain.strip() for cell in table.get_row_at(0)]
        assert cells[:5] == ["Vân Du", "Kiến nghị", "quá 10", "10/12/2025", "Sở Xây dựng"]
        assert LATE_REQUEST.startswith(cells[5].rstrip("…"))
        assert "Quá hạn: 1 kiến nghị, 0 chỉ đạo" in header_text(app)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        assert screen.selected.name == "Vân Du"
        pane = screen.query_one("#pane-request", ItemsPane)
        assert app.focused is pane and pane.current.id == item_id


async def test_the_late_texts_get_the_room_left_at_80_columns(late_store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HAICAP_TODAY", "2026-01-10")  # the seed's four requests are late too
    path, _ = late_store
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        table = app.screen.query_one(LateTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width, "no sideways scrolling"
        texts = [table.get_row_at(row)[-1].plain.strip() for row in range(len(table.late_items))]
        assert all(len(text) >= 28 for text in texts), texts
        for late, text in zip(table.late_items, texts, strict=True):
            kept = text.removesuffix("…")
            assert late.item.text.startswith(kept)
            assert len(kept) == len(late.item.text) or late.item.text[len(kept)] == " ", f"cut inside a word: {text!r}"
        assert "space: xem đủ" in table.ordered_columns[-1].label.plain, "the heading says how to read a cut text"


async def test_space_in_the_late_view_shows_the_whole_text(late_store) -> None:
    path, item_id = late_store
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ItemDetailDialog) and dialog.item.id == item_id
        shown = " ".join(str(static.render()) for static in dialog.query(".detail-text"))
        assert LATE_REQUEST in shown
        assert "quá hạn 10 ngày" in " ".join(str(static.render()) for static in dialog.query(".detail-state"))
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LateScreen)


async def test_the_late_view_lists_oldest_first(late_store, monkeypatch: pytest.MonkeyPatch) -> None:
    path, item_id = late_store
    monkeypatch.setenv("HAICAP_TODAY", "2026-01-10")  # the seed's requests are 6 days late, ours 31
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        late = app.screen.query_one(LateTable).late_items
        assert len(late) == 5 and late[0].item.id == item_id
        assert [entry.state.late_days for entry in late] == [31, 6, 6, 6, 6]
        assert [entry.item.id for entry in late] == [
            entry.item.id for entry in late_items(app.store, dt.date(2026, 1, 10), app.screen.province)
        ]
        cells = [cell.plain.strip() for cell in app.screen.query_one(LateTable).get_row_at(1)]
        assert cells[0] == "Ngọc Trạo +2" and cells[4] == "chưa giao"


async def test_an_item_of_several_communes_opens_under_the_one_shown(late_store, monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = late_store
    monkeypatch.setenv("HAICAP_TODAY", "2026-01-10")
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"kim tan", "enter")  # the dashboard shows Kim Tân
        await pilot.press("l")
        await settle(pilot)
        await pilot.press("j", "enter")  # a seed request: Ngọc Trạo, Vân Du and Kim Tân
        await settle(pilot)
        assert app.screen.selected.name == "Kim Tân"
        assert app.focused is app.screen.query_one("#pane-request", ItemsPane)


async def test_a_widens_the_late_view_to_every_province(late_store, monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = late_store
    add_nghe_an_session(path)  # its request was due 10/11/2025
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        table = app.screen.query_one(LateTable)
        assert len(table.late_items) == 1
        await pilot.press("a")
        await settle(pilot)
        assert [late.communes[0].name for late in table.late_items] == ["Con Cuông", "Vân Du"]
        assert [cell.plain.strip() for cell in table.get_row_at(0)][:2] == ["Nghệ An", "Con Cuông"]
        assert "cả nước" in header_text(app)
        assert table.current.communes[0].name == "Vân Du", "the cursor stays on the item it was on"
        await pilot.press("k", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        assert screen.province.name == "Nghệ An" and screen.selected.name == "Con Cuông"
        assert screen.query_one("#pane-request", ItemsPane).current.text == "Đề nghị sửa cầu treo bản Khe"


async def test_nothing_late_says_so(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert not app.screen.query_one(LateTable).late_items
        assert "Không có kiến nghị hay chỉ đạo nào quá hạn" in header_text(app)
        await pilot.press("enter")  # nothing to open: stays
        assert isinstance(app.screen, LateScreen)


async def test_l_and_o_switch_between_the_views(late_store) -> None:
    path, _ = late_store
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(app, pilot)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LateScreen)
        await pilot.press("o")
        await settle(pilot)
        overview(app)
        assert len(app.screen_stack) == 2, "one view at a time over the dashboard"
        await pilot.press("l")
        await settle(pilot)
        await pilot.press("l")
        assert isinstance(app.screen, DashboardScreen)


async def test_report_text_is_literal_in_the_late_view(seeded_store_path: Path) -> None:
    hostile = "[bold red]x[/] \x1b[31mđỏ"
    add_late_request(seeded_store_path, text=hostile)
    app = make_app(seeded_store_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        text = app.screen.query_one(LateTable).get_row_at(0)[-1]
        assert text.plain.strip() == "[bold red]x[/] ␛[31mđỏ" and not text.spans


# -- search -----------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["ngoc trao", "NGỌC TRẠO", "trao ngoc"])
async def test_ctrl_f_finds_items_without_diacritics_and_enter_jumps(make_dashboard, query: str) -> None:
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"van du", "enter")  # leave Ngọc Trạo, the first of the item's communes
        before = app.screen.selected
        assert before.name == "Vân Du"
        await pilot.press("ctrl+f")
        assert isinstance(app.screen, SearchDialog)
        await pilot.press(*query)
        await settle(pilot)
        dialog = app.screen
        [hit] = dialog.hits
        assert hit.kind is Kind.ACHIEVEMENT and "xã Ngọc Trạo" in hit.text
        count = str(dialog.query_one("#search-count").render())
        assert "1 mục khớp" in count
        prompt = dialog.query_one("#search-hits").get_option_at_index(0).prompt
        assert "Kết quả · Ngọc Trạo, Vân Du, Kim Tân · Thanh Hóa · 25/11/2025" in prompt.plain
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        assert screen.selected == before, "an item of the commune shown stays under it"
        pane = screen.query_one("#pane-achievement", ItemsPane)
        assert app.focused is pane and pane.current.id == hit.id


async def test_search_lists_every_hit_and_the_list_can_be_walked(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f", *"ho tro")
        await settle(pilot)
        dialog = app.screen
        hits = dialog.hits
        assert len(hits) == len(app.store.search_items("hỗ trợ")) >= 2
        assert f"{len(hits)} mục khớp" in str(dialog.query_one("#search-count").render())
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        pane = app.screen.query_one(f"#pane-{hits[1].kind.value}", ItemsPane)
        assert pane.current.id == hits[1].id


async def test_search_with_no_hit_and_escape(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f", *"zzzz")
        await settle(pilot)
        assert not app.screen.hits
        assert "Không có mục nào khớp" in str(app.screen.query_one("#search-count").render())
        await pilot.press("enter")
        assert isinstance(app.screen, SearchDialog)
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_search_from_the_overview_lands_on_the_dashboard(late_store) -> None:
    path, item_id = late_store
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_overview(app, pilot)
        await pilot.press("ctrl+f", *"ban cang")
        await settle(pilot)
        assert [hit.id for hit in app.screen.hits] == [item_id]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen) and len(app.screen_stack) == 1
        assert app.screen.selected.name == "Vân Du"
        assert app.screen.query_one("#pane-request", ItemsPane).current.id == item_id


async def test_ctrl_f_works_while_typing_in_the_dashboard_filter(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ol", "ctrl+f")
        assert isinstance(app.screen, SearchDialog), "o and l are text in the filter, ctrl+f still searches"


async def test_f1_shows_the_search_keys(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f", "f1")
        assert isinstance(app.screen, HelpDialog)
        shown = "\n".join(str(static.render()) for static in app.screen.query("Static"))
        assert "Đóng, không chuyển đi đâu" in shown and "Từ ô tìm xuống các kết quả tìm" in shown
        assert "Quit haicap" not in shown, "the app's keys do not work in the dialog"


def test_match_spans_ignore_diacritics_and_case() -> None:
    text = "các xã Ngọc Trạo, Vân Du"
    spans = match_spans(text, "ngoc TRAO")
    assert [text[start:end] for start, end in spans] == ["Ngọc", "Trạo"]
    assert match_spans("Đường", "duong") == [(0, 5)]
    assert match_spans("abc", "") == []


# -- live refresh ------------------------------------------------------------------------


async def test_the_open_overview_counts_again_when_another_officer_writes(late_store) -> None:
    """Another process closes the overdue request: within 2 s the overview loses its ⚠ row,
    with no key pressed, and the cursor stays on the commune it was on."""
    path, late_id = late_store
    app = make_app(path)
    seen = record_notices(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_overview(app, pilot)
        assert first_cells(app, 1)[0][0] == "⚠ Vân Du"
        await pilot.press("j")  # Kim Tân
        with Store.open(path) as other:
            other.set_status(late_id, "answered", who="officer-b")
        await pilot.pause(2.0)
        await settle(pilot)
        assert isinstance(app.screen, OverviewScreen)
        assert not first_cells(app, 1)[0][0].startswith("⚠"), "nothing is overdue any more"
        assert app.screen.query_one(OverviewTable).current.commune.name == "Kim Tân"
        assert any("officer-b" in notice for notice in seen)


async def test_the_open_late_view_drops_an_item_another_officer_closed(late_store) -> None:
    path, late_id = late_store
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        table = app.screen.query_one(LateTable)
        assert [entry.item.id for entry in table.late_items] == [late_id]
        with Store.open(path) as other:
            other.set_status(late_id, "answered", who="officer-b")
        await pilot.pause(2.0)
        await settle(pilot)
        assert list(table.late_items) == []
