"""Snapshot tests of the presenter: the title, a kind slide and the closing slide at 80x24 and
160x48, and each of haicap's themes.

Today is fixed (15/12/2025). Each docstring says what a correct snapshot shows; nothing may
be cut off at 80x24. Update only after looking:
`pytest tests/tui/test_snapshots_presenter.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import settle
from test_presenter import add_van_du_items, directive_pages, presenter_app

from haicap.tui.user_config import remember_theme


async def on_first_directives(pilot) -> None:
    await settle(pilot)
    screen = pilot.app.screen
    screen.action_go(screen.slides.index(directive_pages(screen)[0]))
    await settle(pilot)


async def on_the_last_slide(pilot) -> None:
    await settle(pilot)
    await pilot.press("end")
    await settle(pilot)


def test_title_slide_80x24(snap_compare, seeded_store_path: Path) -> None:
    """Default (textual-dark) look, no footer. "PHIÊN LÀM VIỆC / WORKING SESSION", the session title on
    two lines in the blue heading band, then leader with title, "Cùng dự: Lê Quang Hùng", "25/11/2025 · Tỉnh
    Thanh Hóa", the three communes; the counts 8 7 4 19 in big digits over Kết quả, Khó khăn, Kiến nghị,
    Chỉ đạo; bottom line "25/11/2025 · Trịnh Tuấn Sinh" and "1 / 19" at the right."""
    assert snap_compare(presenter_app(seeded_store_path), terminal_size=(80, 24), run_before=settle)


def test_title_slide_160x48(snap_compare, seeded_store_path: Path) -> None:
    """The same title slide: the session title on one line, the counts spread over the width, "1 / 9"."""
    assert snap_compare(presenter_app(seeded_store_path), terminal_size=(160, 48), run_before=settle)


def test_directives_slide_80x24(snap_compare, seeded_store_path: Path) -> None:
    """ "Chung · xã Ngọc Trạo, xã Vân Du, xã Kim Tân" over the band "CHỈ ĐẠO · Directives (1/4)"; directives
    1 to 5, numbered, each wrapped whole with a blank line between; no scrollbar; "8 / 19"."""
    assert snap_compare(presenter_app(seeded_store_path), terminal_size=(80, 24), run_before=on_first_directives)


def test_directives_slide_160x48(snap_compare, seeded_store_path: Path) -> None:
    """The band says "(1/2)": directives 1 to 9 on the first of two pages; "5 / 9"."""
    assert snap_compare(presenter_app(seeded_store_path), terminal_size=(160, 48), run_before=on_first_directives)


def test_closing_slide_80x24(snap_compare, seeded_store_path: Path) -> None:
    """The last page of "VIỆC CẦN THEO DÕI · Open requests and directives (7/7)": the last directives, each
    with "Chỉ đạo · Đang thực hiện · chưa giao" muted under its text; the progress mark "21 / 21"."""
    add_van_du_items(seeded_store_path)
    assert snap_compare(presenter_app(seeded_store_path), terminal_size=(80, 24), run_before=on_the_last_slide)


def test_closing_slide_first_page_160x48(snap_compare, seeded_store_path: Path) -> None:
    """The first follow-up page: first the Vân Du request "… cầu treo bản Cang [bold]gấp[/bold]." with its
    brackets shown as typed, "Kiến nghị · Mới tiếp nhận – quá hạn 5 ngày · Sở Xây dựng · hạn 10/12/2025" and
    "⚠ quá hạn 5 ngày" in bold red; then the seed's four requests due 04/01/2026, then directives."""
    add_van_du_items(seeded_store_path)

    async def first_follow_up_page(pilot) -> None:
        await settle(pilot)
        screen = pilot.app.screen
        screen.action_go(next(i for i, s in enumerate(screen.slides) if s.part and s.part.kind is None))
        await settle(pilot)

    assert snap_compare(presenter_app(seeded_store_path), terminal_size=(160, 48), run_before=first_follow_up_page)


@pytest.mark.parametrize("theme", ["haicap-dark", "haicap-light", "haicap-projector"])
def test_each_theme(snap_compare, seeded_store_path: Path, theme: str) -> None:
    """The first directives slide (as in test_directives_slide_80x24) in the remembered theme. haicap-dark:
    light text on deep blue-grey, light-blue band, orange numbers. haicap-light: dark text on off-white, a
    dark-blue band with white text, brown numbers. haicap-projector: black on pure white, a navy band with
    white text, navy numbers, the muted lines dark grey (no pale tints)."""
    remember_theme(theme)
    assert snap_compare(presenter_app(seeded_store_path), terminal_size=(80, 24), run_before=on_first_directives)


def test_commune_jump_dialog(snap_compare, seeded_store_path: Path) -> None:
    """`c` over the title slide: "Xã / Communes" lists xã Ngọc Trạo "trang 2", xã Vân Du with the number of
    its own first slide, xã Kim Tân "trang 2"; Ngọc Trạo highlighted."""
    add_van_du_items(seeded_store_path)
    assert snap_compare(presenter_app(seeded_store_path), terminal_size=(80, 24), run_before=settle, press=["c"])
