"""The footer (`KeyBar`): the keys of where the officer is, in the language spoken, and more
of the screen's keys where the terminal is wide; the palette's live switch of the language."""

from __future__ import annotations

import json
from pathlib import Path

from apps import make_app
from helpers import settle
from test_overview import add_late_request

from haicap.store import Kind
from haicap.store.domain.i18n import language, set_language
from haicap.tui.palette import HaicapCommands
from haicap.tui.screens.dashboard import DashboardScreen
from haicap.tui.user_config import config_path
from haicap.tui.widgets.commune_filter import CommuneFilter
from haicap.tui.widgets.item_preview import ItemPreview
from haicap.tui.widgets.items_pane import ItemsPane
from haicap.tui.widgets.key_bar import KeyBar

ENGLISH_WORDS = {"Next", "Reported", "Filter", "Province", "Import", "Quit", "Help", "Overview", "Back", "Search", "Sort"}
"""Descriptions of haicap's own keys in English: none is shown by default."""


def footer(app) -> list[tuple[str, str]]:
    """(key, description) of each key the footer of the screen on top shows, left to right."""
    keys = sorted(app.screen.query_one(KeyBar).query("FooterKey"), key=lambda key: key.region.x)
    return [(key.key_display, key.description) for key in keys]


def assert_none_cut(app, width: int) -> None:
    for key in app.screen.query_one(KeyBar).query("FooterKey"):
        shown = key.render().plain
        assert key.region.right <= width, f"{shown!r} goes past the edge"
        assert key.region.width == len(shown), f"{shown!r} is cut"
        assert shown.strip().endswith(key.description or key.key_display)


def pane(app, kind: Kind) -> ItemsPane:
    return app.screen.query_one(f"#pane-{kind.value}", ItemsPane)


async def test_the_footer_speaks_vietnamese_by_default(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = dict(footer(app))
        assert shown["/"] == "Lọc" and shown["q"] == "Thoát" and shown["?"] == "Trợ giúp" and shown["n"] == "Tiếp"
        assert not ENGLISH_WORDS & set(shown.values())
        tooltips = {key.key_display: key.tooltip for key in app.screen.query_one(KeyBar).query("FooterKey")}
        assert tooltips["/"] == "Lọc xã theo tên, không cần dấu"
        assert_none_cut(app, 80)


async def test_the_footer_speaks_english_when_asked(make_dashboard) -> None:
    set_language("en")
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = dict(footer(app))
        assert shown["/"] == "Filter" and shown["q"] == "Quit" and shown["?"] == "Help" and shown["T"] == "Province"
        assert "Lọc" not in shown.values()
        assert_none_cut(app, 80)


async def test_a_wide_terminal_shows_more_keys_in_order_none_cut(seeded_store_path: Path) -> None:
    narrow, wide = make_app(seeded_store_path), make_app(seeded_store_path)
    async with narrow.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        at_80 = footer(narrow)
        assert_none_cut(narrow, 80)
    async with wide.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        at_160 = footer(wide)
        assert_none_cut(wide, 160)
        assert at_160[: len(at_80)] == at_80, "the keys of 80 columns first, in their place"
        # After them, the screen's other keys in the order it gives, as many as fit.
        extra = [key for key, _description in at_160[len(at_80) :]]
        assert extra[:4] == ["l", "^f", "x", "P"]
        assert ("o", "Tổng quan") in at_160 and ("x", "Xuất") in at_160 and ("l", "Quá hạn") not in at_80
        # The item keys come in where the focus is on an item, in the order the screen gives.
        await pilot.press("1")
        await settle(pilot)
        keys = [key for key, _description in footer(wide)]
        assert "e" in keys and "h" in keys and keys.index("e") > keys.index("P")
        assert "s" not in keys, "no status on achievements: check_action still hides it"
        assert_none_cut(wide, 160)


async def test_the_footer_grows_and_shrinks_with_the_terminal(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        at_80 = footer(app)
        await pilot.resize_terminal(160, 48)
        await settle(pilot)
        assert len(footer(app)) > len(at_80) and ("l", "Quá hạn") in footer(app)
        assert_none_cut(app, 160)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert footer(app) == at_80
        assert_none_cut(app, 80)


async def test_the_item_keys_follow_the_focused_pane(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert any(key == "s" for key, _ in footer(app))
        await pilot.press("1")
        await settle(pilot)
        assert all(key != "s" for key, _ in footer(app))


async def test_the_views_footers_fit_in_vietnamese_and_add_keys_when_wide(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        shown = footer(app)
        assert ("esc", "Về") in shown and ("a", "Cả nước") in shown and ("space", "Chi tiết") in shown
        assert_none_cut(app, 160)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert all(key != "space" for key, _ in footer(app)), "80 columns: the detail key has no room"
        assert_none_cut(app, 80)


# -- the language, switched live --------------------------------------------------------


async def test_the_palette_switches_to_english_and_back_live(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        achievements = pane(app, Kind.ACHIEVEMENT)
        current = achievements.current
        assert "Kết quả" in str(achievements.border_title)
        offered = [hit.text async for hit in HaicapCommands(app.screen).discover()]
        assert "English" in offered and "Tiếng Việt" not in offered
        await pilot.press("ctrl+p", *"english")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert language() == "en"
        assert isinstance(app.screen, DashboardScreen)
        assert "Achievements" in str(achievements.border_title)
        assert app.screen.query_one(ItemPreview).border_title == "Full text"
        assert app.screen.query_one(CommuneFilter).placeholder == "/ filter communes", "no word of the old language stays"
        assert achievements.current == current and app.focused is achievements, "the cursor and focus stay"
        shown = dict(footer(app))
        assert shown["/"] == "Filter" and shown["q"] == "Quit"
        assert json.loads(config_path().read_text(encoding="utf-8"))["language"] == "en"
        offered = [hit.text async for hit in HaicapCommands(app.screen).discover()]
        assert "Present" in offered and "Tiếng Việt" in offered and "English" not in offered
        # The view opened next speaks it too; back, the dashboard's footer still does.
        await pilot.press("o")
        await settle(pilot)
        assert dict(footer(app))["esc"] == "Back"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+p", *"tieng viet")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert language() == "vi"
        assert dict(footer(app))["/"] == "Lọc"
        assert "Kết quả" in str(achievements.border_title)
        assert app.screen.query_one(ItemPreview).border_title == "Toàn văn"
        assert json.loads(config_path().read_text(encoding="utf-8"))["language"] == "vi"


async def test_switching_over_a_view_shows_the_view_in_the_new_language(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        header = app.screen.query_one("#late-header")
        assert "Quá hạn" in str(header.render())
        app.speak("en")
        await settle(pilot)
        assert "Late" in str(header.render()) and "Quá hạn" not in str(header.render())
        assert dict(footer(app))["esc"] == "Back"
        await pilot.press("escape")
        await settle(pilot)
        assert dict(footer(app))["/"] == "Filter", "the dashboard under it was switched too"


async def test_an_overdue_items_words_follow_the_language(seeded_store_path: Path) -> None:
    from haicap.store.views.overview import late_items
    from haicap.tui.item_lines import item_line, overdue_badge, state_line

    add_late_request(seeded_store_path)
    app = make_app(seeded_store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        today, rules = app.calendar.today(), app.store.deadline_rules
        late = late_items(app.store, today, None)[0]
        item, state = late.item, late.state
        days = state.late_days
        assert f"quá {days} ngày" in item_line(item, 40, today, rules).plain
        assert f"quá {days} ngày" in item_line(item, 20, today, rules).plain, "a narrow pane says it before the text"
        assert overdue_badge(state).plain.strip() == f"⚠ quá hạn {days} ngày"
        set_language("en")
        assert f"{days}d overdue" in item_line(item, 40, today, rules).plain
        assert overdue_badge(state).plain.strip() == f"⚠ {days} days overdue"
        assert state_line(item, state).plain.startswith(state.status.label)


async def test_the_import_reviews_footer_speaks_the_language(make_dashboard, tmp_path: Path, monkeypatch) -> None:
    from test_import_review import open_review, review, write_article

    monkeypatch.chdir(tmp_path)
    article = write_article(tmp_path)
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_review(pilot, article)
        review(app)
        bar = app.screen.query_one(KeyBar)
        assert [str(label.render()) for label in bar.query("FooterLabel")] == ["Loại"]
        shown = dict(footer(app))
        assert shown["^s"] == "Lưu" and shown["esc"] == "Về" and shown["0"] == "Bỏ ra"
        assert_none_cut(app, 80)
        await pilot.resize_terminal(160, 48)
        await settle(pilot)
        shown = dict(footer(app))
        assert shown["o"] == "Chủ trì" and shown["d"] == "Hạn", "a wide footer adds the review's other keys"
        assert_none_cut(app, 160)
        app.speak("en")
        await settle(pilot)
        assert [str(label.render()) for label in bar.query("FooterLabel")] == ["Kind"]
        assert dict(footer(app))["^s"] == "Store"


async def test_a_footer_too_long_for_80_columns_drops_its_last_keys_never_help(
    make_dashboard, tmp_path: Path, monkeypatch
) -> None:
    """The review's always-shown keys are wider than 80 columns in English: the last ones
    before `?` go, whole, and `? Help` stays (it lists them all)."""
    from test_import_review import open_review, review, write_article

    monkeypatch.chdir(tmp_path)
    article = write_article(tmp_path)
    set_language("en")
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_review(pilot, article)
        review(app)
        shown = footer(app)
        assert shown[-1] == ("?", "Help")
        assert ("^s", "Store") in shown, "the first keys stay"
        assert_none_cut(app, 80)
        await pilot.resize_terminal(160, 48)
        await settle(pilot)
        assert len(footer(app)) > len(shown), "a wide terminal has room for every key"
        assert_none_cut(app, 160)
