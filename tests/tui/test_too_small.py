"""Under 80×24 the app says the terminal is too small instead of cutting its widgets (issue 17)."""

from __future__ import annotations

from apps import make_app
from helpers import settle

from haicap.tui.dialogs.too_small_dialog import TooSmallDialog
from haicap.tui.screens.dashboard import DashboardScreen


async def test_a_small_terminal_gets_a_notice_and_the_dashboard_comes_back(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        await pilot.resize_terminal(70, 24)
        await settle(pilot)
        assert isinstance(app.screen, TooSmallDialog)
        text = str(app.screen.query_one("Static").render())
        assert "Cửa sổ quá nhỏ: 70×24, cần 80×24" in text
        assert "Phóng to cửa sổ hoặc thu nhỏ chữ; q để thoát" in text
        await pilot.resize_terminal(100, 20)  # wide enough, not tall enough
        await settle(pilot)
        assert isinstance(app.screen, TooSmallDialog)
        assert "100×20" in str(app.screen.query_one("Static").render())
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert len([s for s in app.screen_stack if isinstance(s, TooSmallDialog)]) == 0


async def test_started_in_a_small_terminal_it_says_so_and_q_quits(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TooSmallDialog)
        await pilot.press("q")
        await settle(pilot)
        assert app.return_code == 0, "q quit the app"


async def test_the_overview_opening_by_itself_stays_under_the_notice(seeded_store_path) -> None:
    from test_overview import add_second_session

    from haicap.tui.screens.overview import OverviewScreen

    add_second_session(seeded_store_path)  # two sessions: the overview opens after the first load
    app = make_app(seeded_store_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TooSmallDialog)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert isinstance(app.screen, OverviewScreen)
