"""Snapshot tests of the overview, the late view and the search dialog.

Today is fixed (HAICAP_TODAY) so the totals and days overdue never move. Each docstring
says what a correct snapshot shows; update only after looking:
`pytest tests/tui/test_snapshots_overview.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from apps import make_app
from helpers import settle
from test_overview import add_late_request


@pytest.fixture
def late_store(seeded_store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seed store with a Vân Du request 10 days overdue on 20/12/2025, the day fixed for the test."""
    monkeypatch.setenv("HAICAP_TODAY", "2025-12-20")
    add_late_request(seeded_store_path)
    return seeded_store_path


async def open_overview(pilot) -> None:
    await settle(pilot)
    await pilot.press("o")
    await settle(pilot)


def test_overview_80x24(snap_compare, late_store: Path) -> None:
    """Header: Tỉnh Thanh Hóa, 20/12/2025, "xếp: quá hạn trước ↓", then the requests' totals on a line
    (5 requests, 1 overdue) and the directives' (19 on time) broken after "quá hạn 0;", the rest indented
    under "hoàn thành"; no line wraps. The one-line filter box. The table fits
    in 80 columns: "⚠ Vân Du" first in the warning colour with its overdue count 1, then Kim Tân and Ngọc Trạo
    (1 session, 25/11/2025), then communes without sessions, muted. Footer: Open, Back, Filter, Sort, Late,
    Search, Quit, Help."""
    assert snap_compare(make_app(late_store), terminal_size=(80, 24), run_before=open_overview)


def test_overview_120x40(snap_compare, late_store: Path) -> None:
    """The same overview on a larger terminal: both totals lines whole, about thirty communes listed."""
    assert snap_compare(make_app(late_store), terminal_size=(120, 40), run_before=open_overview)


def test_overview_filtered_and_sorted(snap_compare, late_store: Path) -> None:
    """`/tan` then `1` twice: the seven communes whose name holds "tan" (Kim Tân among them, with
    its session), names from the end of the alphabet, a ▼ on the "Xã" heading, and the header's
    first line, without the "haicap" mark to fit, saying "xếp: tên xã ↓" and "lọc: tan (7/166 xã)"."""

    async def filter_and_sort(pilot) -> None:
        await open_overview(pilot)
        await pilot.press("slash", *"tan", "enter", "1", "1")
        await settle(pilot)

    assert snap_compare(make_app(late_store), terminal_size=(80, 24), run_before=filter_and_sort)


def test_late_view(snap_compare, late_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On 10/01/2026: the Vân Du request 31 days overdue (owner Sở Xây dựng, deadline 10/12/2025) first,
    then the seed's four requests, 6 days overdue, due 04/01/2026, "Ngọc Trạo +2", owner "chưa giao";
    each text cut between words with "…" to the width left, the heading "Nội dung · space: xem đủ".
    Footer: Open, Back, All provinces, Overview, Search."""
    monkeypatch.setenv("HAICAP_TODAY", "2026-01-10")

    async def open_late(pilot) -> None:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)

    assert snap_compare(make_app(late_store), terminal_size=(100, 30), run_before=open_late)


def test_late_view_80x24(snap_compare, late_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same list at 80x24: the columns closed up (kinds as "KN", one space between columns) so each
    text keeps about 30 columns, cut between words; no sideways scrolling; the footer ends with Help."""
    monkeypatch.setenv("HAICAP_TODAY", "2026-01-10")

    async def open_late(pilot) -> None:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)

    assert snap_compare(make_app(late_store), terminal_size=(80, 24), run_before=open_late)


def test_search_dialog_with_hits(snap_compare, late_store: Path) -> None:
    """ctrl+f and "ban cang" from the overview (dimmed behind): "1 mục khớp / 1 hit", the hit's kind
    (Kiến nghị), commune (Vân Du), province and date, and its text with "bản" and "Cang" marked."""

    async def search(pilot) -> None:
        # Opened over the overview rather than the dashboard, so this picture shows only this view's work.
        await open_overview(pilot)
        await pilot.press("ctrl+f", *"ban cang")
        await settle(pilot)

    assert snap_compare(make_app(late_store), terminal_size=(100, 30), run_before=search)


def test_search_dialog_many_hits(snap_compare, late_store: Path) -> None:
    """ctrl+f and "cong chuc" from the overview: "6 mục khớp / 6 hits", the first hits in pane order
    (one session only: an achievement, two difficulties, a request), each with "công" and "chức" marked, the list scrollable."""

    async def search(pilot) -> None:
        await open_overview(pilot)
        await pilot.press("ctrl+f", *"cong chuc")
        await settle(pilot)

    assert snap_compare(make_app(late_store), terminal_size=(80, 24), run_before=search)


def test_late_view_with_due_soon_80x24(snap_compare, late_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On 01/01/2026: the header says "⚠ Quá hạn: 1 kiến nghị, 0 chỉ đạo — cũ nhất trước" in the
    error colour, then "◷ Sắp đến hạn (trong 7 ngày): 4 kiến nghị, 0 chỉ đạo — gần hạn nhất trước"
    in the warning colour; the Vân Du request "quá 22" first, then the seed's four requests
    "còn 3", due 04/01/2026; the days column headed "Số ngày"; no sideways scrolling."""
    monkeypatch.setenv("HAICAP_TODAY", "2026-01-01")

    async def open_late(pilot) -> None:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)

    assert snap_compare(make_app(late_store), terminal_size=(80, 24), run_before=open_late)


def test_overview_with_due_soon_80x24(snap_compare, late_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On 01/01/2026: the totals end their open counts with "sắp đến hạn 4" (requests) and
    "sắp đến hạn 0" (directives); "⚠ Vân Du" first, then "◷ Kim Tân" and "◷ Ngọc Trạo" in the
    warning colour, each with 4 in the last column, "Sắp hạn"; the twelve columns fit in 80."""
    monkeypatch.setenv("HAICAP_TODAY", "2026-01-01")
    assert snap_compare(make_app(late_store), terminal_size=(80, 24), run_before=open_overview)
