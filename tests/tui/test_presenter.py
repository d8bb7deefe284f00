"""The presenter: `haicap present`, `P` on the dashboard, paging, jumps, pages per size, themes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from apps import make_app
from helpers import record_notices, settle

from haicap.store import Kind, Store
from haicap.store.ingest.reports import parse_report
from haicap.store.views.slides import SlideKind, deck_of_session
from haicap.tui.app import HaicapApp
from haicap.tui.cli.main import main
from haicap.tui.dialogs.commune_jump_dialog import CommuneJumpDialog
from haicap.tui.dialogs.help import HelpDialog
from haicap.tui.dialogs.slide_number_dialog import SlideNumberDialog
from haicap.tui.palette import HaicapCommands
from haicap.tui.screens.dashboard import DashboardScreen
from haicap.tui.screens.presenter import PresenterScreen
from haicap.tui.user_config import config_path

VAN_DU = "15190"
"""Official code of xã Vân Du, one of the seed session's communes."""

SEED_DAY = dt.date(2025, 12, 15)


def presenter_app(store_path: Path) -> HaicapApp:
    """The app as `haicap present` builds it: the newest session over the dashboard."""
    app = make_app(store_path)
    app.start_province = app.store.latest_session().province
    app.start_deck = deck_of_session(app.store, app.store.latest_session(), SEED_DAY)
    return app


def add_van_du_items(path: Path) -> None:
    """Give Vân Du an achievement and a request of its own, so it has slides of its own."""
    with Store.open(path) as store:
        session = store.latest_session()
        store.add_item(session.id, (VAN_DU,), Kind.ACHIEVEMENT, "Hoàn thành đường liên thôn bản Cang.", who="test")
        late = store.add_item(
            session.id, (VAN_DU,), Kind.REQUEST, "Hỗ trợ làm lại cầu treo bản Cang [bold]gấp[/bold].", who="test"
        )
        store.update_tracking(late.id, owner="Sở Xây dựng", deadline=dt.date(2025, 12, 10), who="test")


def directive_pages(screen: PresenterScreen) -> list:
    return [s for s in screen.slides if s.part is not None and s.part.kind is Kind.DIRECTIVE]


# -- the command ----------------------------------------------------------------------


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[HaicapApp]:
    """Apps `haicap present` would run, caught instead of taking over the terminal."""
    apps: list[HaicapApp] = []
    # A lambda, not apps.append: set on the class, a builtin method would not receive the app.
    monkeypatch.setattr(HaicapApp, "run", lambda app: apps.append(app))  # noqa: PLW0108
    return apps


def test_present_opens_on_the_newest_session(seeded_store_path: Path, launched: list[HaicapApp]) -> None:
    assert main(["present", "--db", str(seeded_store_path)]) == 0
    [app] = launched
    assert app.start_deck.title.heading.endswith("làm việc với các xã Ngọc Trạo, Vân Du, Kim Tân")
    assert app.start_province.name == "Thanh Hóa"
    app.store.close()


def test_present_a_session_by_id_prefix_or_a_commune(seeded_store_path: Path, launched: list[HaicapApp]) -> None:
    assert main(["present", "--db", str(seeded_store_path), "--session", "cdb5"]) == 0
    assert main(["present", "--db", str(seeded_store_path), "--commune", "van du"]) == 0
    session_app, commune_app = launched
    assert session_app.start_deck.context == "25/11/2025 · Trịnh Tuấn Sinh"
    assert commune_app.start_deck.title.heading == "xã Vân Du"
    for app in launched:
        app.store.close()


def test_present_refuses_what_it_cannot_show(seeded_store_path: Path, launched: list[HaicapApp], capsys) -> None:
    assert main(["present", "--db", str(seeded_store_path), "--session", "ffffffff"]) == 1
    assert main(["present", "--db", str(seeded_store_path), "--commune", "ngoc trao", "--province", "nghe an"]) == 2
    assert main(["present", "--db", str(seeded_store_path), "--commune", "xã Hoằng Hóa"]) in (1, 2)
    errors = capsys.readouterr().err.splitlines()
    assert errors[0].startswith("haicap: không có phiên làm việc nào mã 'ffffffff'")
    assert all(line.startswith("haicap: ") for line in errors) and len(errors) == 3
    assert launched == []


# -- paging ---------------------------------------------------------------------------


async def test_paging_forward_and_back_stops_at_both_ends(seeded_store_path: Path) -> None:
    app = presenter_app(seeded_store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PresenterScreen) and screen.index == 0 and screen.slide.kind is SlideKind.TITLE
        await pilot.press("space", "right", "n")
        assert screen.index == 3
        await pilot.press("left", "p")
        assert screen.index == 1
        await pilot.press("p", "p", "left")
        assert screen.index == 0
        await pilot.press("end", "space")
        assert screen.index == len(screen.slides) - 1 and screen.slide.kind is SlideKind.CLOSING
        await pilot.press("home")
        assert screen.index == 0


async def test_g_goes_to_the_slide_number_typed(seeded_store_path: Path) -> None:
    app = presenter_app(seeded_store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("g")
        assert isinstance(app.screen, SlideNumberDialog)
        await pilot.press("backspace", "9", "enter")
        assert app.screen is screen and screen.index == 8
        await pilot.press("g", "backspace", *"99", "enter")
        assert isinstance(app.screen, SlideNumberDialog)  # no slide 99: the dialog says so and stays
        await pilot.press("escape")
        assert app.screen is screen and screen.index == 8


async def test_c_jumps_to_a_communes_first_slide(seeded_store_path: Path) -> None:
    add_van_du_items(seeded_store_path)
    app = presenter_app(seeded_store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("c")
        assert isinstance(app.screen, CommuneJumpDialog)
        await pilot.press("down", "enter")  # Ngọc Trạo, then Vân Du
        assert app.screen is screen
        assert screen.slide.part.where == "xã Vân Du" and screen.slide.part.kind is Kind.ACHIEVEMENT
        assert screen.commune is not None and screen.commune.code == VAN_DU


async def test_at_80x24_a_slide_is_compact_and_holds_twice_the_entries(seeded_store_path: Path) -> None:
    """80×24 (a projector's low resolution): no padding, a one-row heading band, no blank line
    between entries; the 19 directives take 2 slides, not 4, and none is cut."""
    from haicap.tui.widgets.slide_view import SlideView

    app = presenter_app(seeded_store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        view = screen.query_one(SlideView)
        assert view.has_class("-compact")
        pages = directive_pages(screen)
        assert len(pages) == 2 and sum(len(s.entries) for s in pages) == 19
        for page in pages:
            screen.action_go(screen.slides.index(page))
            await settle(pilot)
            body = view.query_one("#slide-body")
            assert body.virtual_size.height <= body.size.height, "every entry of the page is on screen"
        await pilot.resize_terminal(80, 30)
        await settle(pilot)
        assert not view.has_class("-compact") and len(directive_pages(screen)) > 2


async def test_the_seed_directives_take_fewer_pages_on_a_bigger_terminal(seeded_store_path: Path) -> None:
    app = presenter_app(seeded_store_path)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        small = directive_pages(screen)
        assert len(small) > 2 and sum(len(s.entries) for s in small) == 19
        screen.action_go(screen.slides.index(small[2]))
        shown = screen.slide.entries[0]
        await pilot.resize_terminal(160, 48)
        await settle(pilot)
        large = directive_pages(screen)
        assert len(large) == 2 and sum(len(s.entries) for s in large) == 19
        # Cut again for the new size, on the page that holds what was on screen.
        assert shown in screen.slide.entries and screen.slide.pages == 2
        assert len(screen.slides) < 19


# -- leaving, the dashboard's P, help -------------------------------------------------


async def test_esc_returns_to_the_dashboard_on_the_commune_shown(seeded_store_path: Path) -> None:
    add_van_du_items(seeded_store_path)
    app = presenter_app(seeded_store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c", "down", "enter", "escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen) and app.screen.selected.code == VAN_DU


async def test_shift_p_presents_the_dashboards_commune_and_esc_comes_back(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        dashboard = app.screen
        await pilot.press("P")
        screen = app.screen
        assert isinstance(screen, PresenterScreen) and screen.deck.title.lines[-1] == "xã Ngọc Trạo · xã Vân Du · xã Kim Tân"
        await pilot.press("P")  # nothing: already presenting
        assert app.screen is screen
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is dashboard and dashboard.selected.name == "Ngọc Trạo"


async def test_shift_p_on_a_commune_without_sessions_says_so(make_dashboard) -> None:
    """Nghệ An has no session yet: P on its first commune stays on the dashboard with a notice."""
    app = make_dashboard("nghe an")
    seen = record_notices(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        commune = app.screen.selected
        assert commune is not None and not app.store.commune_view(commune).sessions
        await pilot.press("P")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert any(commune.label in notice and "chưa có phiên làm việc nào để trình chiếu" in notice for notice in seen)
        offered = [hit.text async for hit in HaicapCommands(app.screen).discover()]
        assert "Trình chiếu" not in offered, "the palette offers only what can be presented"


async def test_help_lists_the_presenter_keys(seeded_store_path: Path) -> None:
    app = presenter_app(seeded_store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpDialog)
        actions = {binding.action for _title, bindings in app.screen.sections for binding in bindings}
        assert {"move(1)", "move(-1)", "go_to_slide", "jump_to_commune", "toggle_theme", "back"} <= actions


# -- themes ---------------------------------------------------------------------------


async def test_t_cycles_the_themes_and_the_choice_is_remembered(seeded_store_path: Path) -> None:
    app = presenter_app(seeded_store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"  # the default look is unchanged
        assert not config_path().exists()  # starting writes nothing
        seen = []
        for _ in range(4):
            await pilot.press("t")
            await pilot.pause()
            seen.append(app.theme)
        assert seen == ["haicap-light", "haicap-projector", "haicap-dark", "haicap-light"]
        await pilot.press("t")
        await pilot.pause()
    assert json.loads(config_path().read_text(encoding="utf-8")) == {"theme": "haicap-projector"}
    again = make_app(seeded_store_path)
    assert again.theme == "haicap-projector"
    again.store.close()


async def test_an_unknown_remembered_theme_is_ignored(seeded_store_path: Path) -> None:
    config_path().parent.mkdir(parents=True)
    config_path().write_text('{"theme": "no-such-theme"}', encoding="utf-8")
    app = make_app(seeded_store_path)
    assert app.theme == "textual-dark"
    app.store.close()


async def test_the_palette_offers_present_themes_and_communes(make_dashboard) -> None:
    app = make_dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        provider = HaicapCommands(app.screen)
        found = [hit.text async for hit in provider.search("trinh chieu")]
        assert found == ["Trình chiếu"]
        found = [hit.text async for hit in provider.search("van du")]
        assert "Đi tới xã Vân Du" in found
        themes = [hit.text async for hit in provider.search("projector")]
        assert themes == ["Giao diện: haicap-projector"]
        discovered = [hit.text async for hit in provider.discover()]
        assert "Nhập báo cáo" in discovered
        assert "Xuất văn bản" in discovered
        [export] = [hit async for hit in provider.search("xuat van ban")]
        app.call_later(export.command)  # as the palette runs a chosen command
        await settle(pilot)
        from haicap.tui.dialogs.export_dialog import ExportDialog

        assert isinstance(app.screen, ExportDialog)


LONG_TITLE = (
    "Chủ tịch UBND tỉnh làm việc với Đảng ủy, Ủy ban nhân dân các xã Ngọc Trạo, Vân Du, Kim Tân về tình hình "
    "phát triển kinh tế - xã hội, chuyển đổi số, xây dựng nông thôn mới và giải phóng mặt bằng năm 2025"
)
"""A session title far longer than a line at 80 columns."""


async def test_a_long_session_title_wraps_whole_on_the_title_slide(seeded_store_path: Path) -> None:
    with Store.open(seeded_store_path) as store:
        report = {
            "format": "haicap-session/1",
            "session": {
                "date": dt.date(2025, 12, 10),
                "province": "Thanh Hóa",
                "leader": {"name": "Đỗ Minh Tuấn", "title": "Chủ tịch UBND tỉnh"},
                "title": LONG_TITLE,
            },
            "communes": ["xã Ngọc Trạo", "xã Vân Du", "xã Kim Tân"],
            "items": [{"kind": "request", "text": "Đề nghị tỉnh hỗ trợ kinh phí sửa cầu treo bản Cang."}],
        }
        store.add_report(parse_report(report, store.registry, "long-title.yaml"))
    app = presenter_app(seeded_store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        heading = app.screen.query_one("#slide-heading")
        lines = ["".join(segment.text for segment in strip) for strip in heading.render_lines(heading.region.reset_offset)]
        assert " ".join(" ".join(lines).split()) == LONG_TITLE, "every word of the title, in order, none cut"
