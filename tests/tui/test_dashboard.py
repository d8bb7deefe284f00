"""Pilot tests: drive the real dashboard (built by the CLI's factory) with the keyboard."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from apps import make_app
from helpers import item_shown, record_notices, settle
from test_overview import add_nghe_an_session

from haicap.store import Kind, Store
from haicap.store.domain.i18n import _
from haicap.store.domain.text import matches
from haicap.store.ingest.reports import parse_report
from haicap.tui.dialogs.help import HelpDialog
from haicap.tui.dialogs.item_detail import ItemDetailDialog
from haicap.tui.dialogs.province_picker import ProvincePickerDialog
from haicap.tui.screens.dashboard import DashboardScreen
from haicap.tui.widgets.commune_filter import CommuneFilter
from haicap.tui.widgets.commune_list import CommuneList
from haicap.tui.widgets.items_pane import ItemsPane


def dashboard(app) -> DashboardScreen:
    screen = app.screen
    assert isinstance(screen, DashboardScreen), f"expected the dashboard, got {screen!r}"
    return screen


def pane(app, kind: Kind) -> ItemsPane:
    return app.screen.query_one(f"#pane-{kind.value}", ItemsPane)


def header_text(app) -> str:
    return str(app.screen.query_one("#header").render())


async def test_first_run_seeds_the_store_and_shows_ngoc_trao(tmp_path: Path, monkeypatch, fake_terminal) -> None:
    """A brand-new default store is created and seeded once by the first `haicap`, and the
    dashboard opens on the seed session's first commune."""
    from haicap.store.db.paths import default_store_path
    from haicap.tui.cli.main import main

    monkeypatch.delenv("HAICAP_DB")  # the user's own store: the one haicap seeds itself
    monkeypatch.setattr("haicap.tui.app.HaicapApp.run", lambda self: None)  # `haicap` seeds, then would take the screen
    assert main([]) == 0
    app = make_app(default_store_path())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = dashboard(app)
        assert screen.selected is not None and screen.selected.name == "Ngọc Trạo"
        counts = {kind: len(pane(app, kind).items) for kind in Kind}
        # The storm-damage difficulty concerns only Vân Du and Kim Tân.
        assert counts == {Kind.ACHIEVEMENT: 8, Kind.DIFFICULTY: 6, Kind.REQUEST: 4, Kind.DIRECTIVE: 19}
        header = header_text(app)
        assert "Thanh Hóa" in header and "Ngọc Trạo" in header and "15250" in header and "1 phiên" in header
        assert len(screen.query_one(CommuneList).communes) == 166
    # A second launch reuses the store and loads nothing twice.
    assert main([]) == 0
    again = make_app(default_store_path())
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert len(again.store.sessions()) == 1
        assert len(pane(again, Kind.DIRECTIVE).items) == 19


async def test_items_show_the_session_they_came_from(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "25/11/2025 · Trịnh Tuấn Sinh" in item_shown(app, Kind.ACHIEVEMENT, 0)


async def test_n_and_p_move_between_communes_from_anywhere(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = dashboard(app)
        start = screen.selected
        await pilot.press("n")
        after_next = screen.selected
        assert after_next is not None and after_next != start
        assert after_next.name in header_text(app)
        await pilot.press("p")
        assert screen.selected == start
        # From a pane, and with the bracket aliases.
        await pilot.press("4", "right_square_bracket")
        assert screen.selected == after_next
        await pilot.press("left_square_bracket")
        assert screen.selected == start


async def test_j_and_k_move_in_the_list(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = dashboard(app)
        communes = screen.query_one(CommuneList)
        index = communes.highlighted
        await pilot.press("j")
        assert communes.highlighted == index + 1
        await pilot.press("k", "k")
        assert communes.highlighted == index - 1
        assert screen.selected == communes.communes[index - 1]


@pytest.mark.parametrize("query", ["kim tan", "Kim Tan", "kim tân", "KIM TÂN", "tan kim"])
async def test_filter_ignores_diacritics_and_case(make_dashboard, query: str) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *query)
        screen = dashboard(app)
        assert screen.query_one(CommuneFilter).value == query
        assert [c.name for c in screen.query_one(CommuneList).communes] == ["Kim Tân"]
        assert screen.selected is not None and screen.selected.name == "Kim Tân"
        assert len(pane(app, Kind.DIFFICULTY).items) == 7


async def test_filter_finds_ngoc_trao_without_diacritics(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n", "n")  # leave Ngọc Trạo first
        await pilot.press("slash", *"ngoc trao", "enter")
        screen = dashboard(app)
        assert screen.selected.name == "Ngọc Trạo"
        assert app.focused is screen.query_one(CommuneList)


async def test_escape_clears_the_filter(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"van du")
        screen = dashboard(app)
        assert len(screen.query_one(CommuneList).communes) == 1
        await pilot.press("escape")
        assert screen.query_one(CommuneFilter).value == ""
        assert len(screen.query_one(CommuneList).communes) == 166
        assert screen.selected.name == "Vân Du", "clearing the filter keeps the selected commune"


async def test_filter_with_no_match_empties_the_panes(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zzz")
        assert dashboard(app).selected is None
        assert all(not pane(app, kind).items for kind in Kind)
        assert "không có xã nào khớp" in header_text(app)


async def test_r_shows_only_communes_with_reports_and_n_skips_to_them(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = dashboard(app)
        await pilot.press("r")
        names = [c.name for c in screen.query_one(CommuneList).communes]
        assert sorted(names) == sorted(["Ngọc Trạo", "Vân Du", "Kim Tân"])
        visited = []
        for _ in range(3):
            await pilot.press("n")
            visited.append(screen.selected.name)
        assert sorted(visited) == sorted(names), "n cycles through the reported communes only"
        await pilot.press("r")
        assert len(screen.query_one(CommuneList).communes) == 166


async def test_r_then_a_province_without_reports_lists_all_its_communes(make_dashboard) -> None:
    """`r` set in Thanh Hóa, then T to Nghệ An, which has no report yet: the list shows its
    communes (not nothing), `r` is off and a notice says why."""
    app = make_dashboard()
    seen = record_notices(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await pilot.press("T", *"nghe an", "enter")
        await settle(pilot)
        screen = dashboard(app)
        assert screen.province.name == "Nghệ An"
        assert len(screen.query_one(CommuneList).communes) == 130
        assert screen.selected is not None and not screen.only_reported
        assert "chỉ xã có báo cáo" not in header_text(app)
        assert any("Tỉnh Nghệ An chưa có báo cáo: hiện tất cả xã" in notice for notice in seen)


async def test_r_is_kept_on_a_province_with_reports(seeded_store_path: Path) -> None:
    add_nghe_an_session(seeded_store_path)  # xã Con Cuông
    app = make_app(seeded_store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # two sessions: the overview opens first
        await settle(pilot)
        await pilot.press("r", "T", *"nghe an", "enter")
        await settle(pilot)
        screen = dashboard(app)
        assert screen.only_reported
        assert [c.name for c in screen.query_one(CommuneList).communes] == ["Con Cuông"]
        assert "Con Cuông" in header_text(app) and "● chỉ xã có báo cáo" in header_text(app)


def header_fits(app) -> str:
    """The header's text, checked to fit its width whole (nothing cut at the right edge)."""
    header = app.screen.query_one("#header")
    text = header_text(app)
    assert len(text) <= header.content_size.width, f"cut at {header.content_size.width} columns: {text!r}"
    return text


async def test_the_header_keeps_the_r_mark_and_its_hint_whole_at_80_columns(make_dashboard) -> None:
    """With `r` on, a filter for a commune without reports lists nothing: the header says
    that r shows it, within 80 columns; r does."""
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        assert "● chỉ xã có báo cáo" in header_fits(app)
        await pilot.press("slash", *"lam son")  # xã Lam Sơn, Thanh Hóa: no report
        await settle(pilot)
        screen = dashboard(app)
        assert screen.selected is None
        text = header_fits(app)
        assert "Thanh Hóa" in text and "● chỉ xã có báo cáo · r: tất cả xã" in text and "lọc: lam son" in text
        await pilot.press("enter", "r")
        await settle(pilot)
        assert screen.selected is not None and screen.selected.name == "Lam Sơn"
        header_fits(app)


async def test_number_keys_and_tab_move_focus(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for number, kind in enumerate(Kind, start=1):
            await pilot.press(str(number))
            assert app.focused is pane(app, kind)
        await pilot.press("1", "tab")
        assert app.focused is pane(app, Kind.DIFFICULTY)


async def test_enter_opens_the_item_detail(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3", "enter")
        assert isinstance(app.screen, ItemDetailDialog)
        item = app.screen.item
        assert item.kind is Kind.REQUEST
        shown = " ".join(str(static.render()) for static in app.screen.query("Static"))
        assert item.text in shown
        assert "Trịnh Tuấn Sinh" in shown and "25/11/2025" in shown and "Báo Thanh Hóa" in shown
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_enter_on_a_commune_moves_to_its_panes(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        assert app.focused is pane(app, Kind.ACHIEVEMENT)


async def test_help_is_generated_from_the_bindings(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpDialog)
        shown = "\n".join(str(static.render()) for static in app.screen.query("Static"))
        for binding in DashboardScreen.BINDINGS:
            assert _(binding.tooltip or binding.description) in shown
        assert _("Open the full text of this item and its state") in shown
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_province_picker_switches_province(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("T")
        assert isinstance(app.screen, ProvincePickerDialog)
        await pilot.press(*"nghe an", "enter")
        await settle(pilot)
        screen = dashboard(app)
        assert screen.province.name == "Nghệ An"
        assert len(screen.query_one(CommuneList).communes) == 130
        assert "Nghệ An" in header_text(app)
        assert all(not pane(app, kind).items for kind in Kind)


async def test_province_picker_escape_keeps_the_province(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("T", "escape")
        assert dashboard(app).province.name == "Thanh Hóa"


async def test_province_picker_list_navigation(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("T", *"ha", "down", "down", "enter")  # second match of "ha"
        await settle(pilot)
        chosen = dashboard(app).province
        matching = [p for p in app.store.provinces() if matches("ha", p.full_name)]
        assert chosen == matching[1]


async def test_province_from_the_command_line(make_dashboard) -> None:
    app = make_dashboard("hcm")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = dashboard(app)
        assert screen.province.full_name == "Thành phố Hồ Chí Minh"
        assert len(screen.query_one(CommuneList).communes) == 168


async def test_q_quits(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_everything_fits_at_80x24(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen_region = app.screen.region
        widgets = [app.screen.query_one(CommuneList), app.screen.query_one(CommuneFilter)]
        widgets += [pane(app, kind) for kind in Kind]
        for widget in widgets:
            region = widget.region
            assert region.width >= 20 and region.height >= 3, f"{widget} is too small: {region}"
            assert screen_region.contains_region(region), f"{widget} is cut off: {region}"


HOSTILE = "Khó khăn [bold red]x[/] [link=http://x]y[/link] \x1b[31mđỏ\x1b[0m \u202eabc"


def add_hostile_session(path: Path) -> None:
    """Add a session whose item text carries markup and terminal escapes."""
    with Store.open(path) as store:
        report = parse_report(
            {
                "format": "haicap-session/1",
                "session": {
                    "date": dt.date(2025, 12, 1),
                    "province": "Thanh Hóa",
                    "leader": {"name": "Người Thử", "title": "Kiểm thử"},
                    "title": "Phiên thử văn bản độc hại",
                },
                "communes": ["xã Vân Du"],
                "items": [{"kind": "difficulty", "text": HOSTILE}],
            },
            store.registry,
            "hostile.yaml",
        )
        store.add_report(report)


async def test_report_text_is_shown_literally(seeded_store_path: Path) -> None:
    add_hostile_session(seeded_store_path)
    app = make_app(seeded_store_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # two sessions: the overview opens first
        await settle(pilot)
        screen = dashboard(app)
        assert screen.selected.name == "Vân Du", "the newest session's commune is shown first"
        plain = item_shown(app, Kind.DIFFICULTY, 0)
        assert "[bold red]x[/]" in plain and "[link=http://x]y[/link]" in plain
        assert "\x1b" not in plain and "␛[31mđỏ␛[0m" in plain
        assert "<U+202E>abc" in plain
        await pilot.press("2", "enter")
        shown = " ".join(str(static.render()) for static in app.screen.query("Static"))
        assert "[bold red]x[/]" in shown and "\x1b" not in shown


async def test_ctrl_q_quits_even_while_typing_in_the_filter(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "q")
        assert app.screen.query_one(CommuneFilter).value == "q", "q is text while filtering"
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_a_long_item_takes_one_line_and_the_preview_shows_it_whole(make_dashboard) -> None:
    """Each item is one line of its pane, cut with "…"; the focused pane's highlighted item is whole in the preview."""
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        achievements = pane(app, Kind.ACHIEVEMENT)
        first = achievements.items[0]
        width = achievements.scrollable_content_region.width
        assert len(first.text) > 3 * width  # the seed's first item is long
        line = achievements.line(0)
        assert line.cell_length == width and line.plain.rstrip().endswith("…")
        assert achievements.scrollable_content_region.height >= 5, "five items or more of each pane at 80x24"
        await pilot.press("1", "j", "j", "k", "k")
        await settle(pilot)
        assert achievements.highlighted == 0
        assert achievements.scroll_y == 0
        preview = str(app.screen.query_one("#preview-text").render())
        assert " ".join(first.text.split()) in " ".join(preview.split())
        await pilot.press("j")
        await settle(pilot)
        preview = str(app.screen.query_one("#preview-text").render())
        assert " ".join(achievements.items[1].text.split()) in " ".join(preview.split())


async def test_a_pane_of_ten_thousand_items_draws_only_its_visible_lines(make_dashboard) -> None:
    """The pane is virtual: showing many items builds no line until it is on screen."""
    import dataclasses

    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        achievements = pane(app, Kind.ACHIEVEMENT)
        seed = achievements.items[0]
        many = [dataclasses.replace(seed, id=f"{seed.id}-{n}", text=f"Mục thử {n}") for n in range(10_000)]
        achievements.show(many, today=app.calendar.today())
        await settle(pilot)
        cached = achievements._lines.keys()  # LRUCache: keys() is its way to list them
        drawn = {key[0] for key in cached}
        assert drawn and max(drawn) < 20, "only the lines on screen were drawn"
        await pilot.press("1", "end")
        await settle(pilot)
        assert achievements.current.text == "Mục thử 9999"
        assert achievements.scroll_y > 9_000


async def test_filter_keystrokes_keep_the_panes_cursor(make_dashboard) -> None:
    """Typing in the filter while the same commune stays selected does not rebuild its panes."""
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("4", "j", "j")
        await pilot.press("slash", *"ngoc")
        await settle(pilot)
        assert dashboard(app).selected.name == "Ngọc Trạo"
        assert pane(app, Kind.DIRECTIVE).highlighted == 2
        assert "ngoc" in header_text(app)


async def test_a_read_only_dashboard_says_so_and_refuses_changes(seeded_store_path: Path) -> None:
    before = (seeded_store_path / "haicap.json").read_bytes()
    app = make_app(seeded_store_path, read_only=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "[chỉ xem]" in header_text(app)
        await pilot.press("3", "d")  # delete the first request
        await settle(pilot)
        assert len(pane(app, Kind.REQUEST).items) == 4
    assert (seeded_store_path / "haicap.json").read_bytes() == before


@pytest.mark.parametrize("how", ["--read-only", "a store the user may not write"])
async def test_a_viewer_is_refused_at_i_before_choosing_a_file(seeded_store_path: Path, monkeypatch, how: str) -> None:
    """`i` in a viewer says at once that nothing can be imported, like the other change keys:
    no file to choose, no review to walk through first."""
    if how == "--read-only":
        app = make_app(seeded_store_path, read_only=True)
    else:
        with monkeypatch.context() as denied:  # as if the folder belonged to another user (tests may run as root)
            denied.setattr("haicap.store.db.database.os.access", lambda path, mode: False)
            app = make_app(seeded_store_path)
    seen = record_notices(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.store.read_only
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen), "no import dialog opens"
        assert any("Chỉ xem: không nhập được" in notice for notice in seen)


async def test_another_officers_change_shows_within_two_seconds(seeded_store_path: Path) -> None:
    """A second process (here: a second Store on the same folder) edits an item the
    dashboard shows; the pane updates without a key press and keeps its cursor."""
    app = make_app(seeded_store_path)
    seen = record_notices(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("3", "j")  # the second request
        requests = pane(app, Kind.REQUEST)
        first = requests.items[0]
        with Store.open(seeded_store_path) as other:
            other.update_tracking(first.id, owner="Sở Tài chính", who="officer-b")
        await pilot.pause(2.0)
        await settle(pilot)
        assert requests.items[0].tracking.owner == "Sở Tài chính"
        assert requests.highlighted == 1
        assert any("officer-b" in notice for notice in seen)


def footer_keys(app) -> list[str]:
    """The keys the footer offers now."""
    from textual.widgets._footer import FooterKey

    return [key.key for key in app.screen.query(FooterKey)]


async def test_the_footer_offers_s_only_where_a_status_can_be_set(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        assert "s" not in footer_keys(app), "achievements have no status"
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen), "pressed anyway, s opens nothing"
        assert "Chỉ kiến nghị và chỉ đạo có trạng thái" in app.notices.newest_first()[0].text
        await pilot.press("3")
        await settle(pilot)
        assert "s" in footer_keys(app)
        await pilot.press("0")
        await settle(pilot)
        assert "s" not in footer_keys(app), "the commune list has no item keys"


async def test_z_zooms_the_focused_pane_and_z_again_shows_all_four(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        directives = pane(app, Kind.DIRECTIVE)
        small = directives.size
        await pilot.press("z")
        await settle(pilot)
        assert directives.size.width > small.width and directives.size.height > small.height
        assert [p.display for p in app.screen.query(ItemsPane)] == [False, False, False, True]
        assert directives.scrollable_content_region.height >= 12, "twice the items of a pane in four"
        await pilot.press("3")  # another pane's key shows that pane, still zoomed
        await settle(pilot)
        assert [p.display for p in app.screen.query(ItemsPane)] == [False, False, True, False]
        assert app.focused is pane(app, Kind.REQUEST)
        await pilot.press("z")
        await settle(pilot)
        assert all(p.display for p in app.screen.query(ItemsPane))
        assert directives.size == small
