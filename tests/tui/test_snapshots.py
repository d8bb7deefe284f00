"""Snapshot tests: what each screen looks like, compared with the committed SVGs.

Each test's docstring says what a correct snapshot shows. Update snapshots only after
looking at them: `pytest tests/tui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

from apps import make_app
from helpers import settle
from test_dashboard import add_hostile_session


def test_dashboard_80x24(snap_compare, make_dashboard) -> None:
    """Ngọc Trạo selected in Thanh Hóa's list; four panes titled with their counts (8, 6, 4, 19); footer keys."""
    assert snap_compare(make_dashboard(), terminal_size=(80, 24), run_before=settle)


def test_dashboard_120x40(snap_compare, make_dashboard) -> None:
    """The same dashboard on a larger terminal: wider panes, each item with its session line."""
    assert snap_compare(make_dashboard(), terminal_size=(120, 40), run_before=settle)


def test_dashboard_filtered_to_reported_communes(snap_compare, make_dashboard) -> None:
    """After `r` and `n`: the list holds the three reported communes, the header says so."""
    assert snap_compare(make_dashboard(), terminal_size=(100, 30), run_before=settle, press=["r", "n"])


def test_dashboard_filter_typed(snap_compare, make_dashboard) -> None:
    """`/kim tan` typed without diacritics: the list shows only Kim Tân and its panes."""
    assert snap_compare(make_dashboard(), terminal_size=(80, 24), run_before=settle, press=["slash", *"kim tan"])


def test_item_detail(snap_compare, make_dashboard) -> None:
    """The first request in full, with its kind, session date and title, leader, participants, communes, source."""
    assert snap_compare(make_dashboard(), terminal_size=(80, 24), run_before=settle, press=["3", "enter"])


def test_help(snap_compare, make_dashboard) -> None:
    """Help lists the general keys, then the filter box's, commune list's and panes' keys."""
    assert snap_compare(make_dashboard(), terminal_size=(100, 40), run_before=settle, press=["question_mark"])


def test_province_picker(snap_compare, make_dashboard) -> None:
    """The province picker over the dashboard, its filter box focused, Thanh Hóa highlighted with its session count."""
    assert snap_compare(make_dashboard(), terminal_size=(80, 24), run_before=settle, press=["T"])


def test_hostile_text(snap_compare, seeded_store_path: Path) -> None:
    """Markup and escape sequences in a report show as typed: `[bold red]x[/]`, `␛[31m`, `<U+202E>`."""
    add_hostile_session(seeded_store_path)

    async def back_to_the_dashboard(pilot) -> None:
        await settle(pilot)
        await pilot.press("escape")  # with two sessions the overview opens first
        await settle(pilot)

    assert snap_compare(make_app(seeded_store_path), terminal_size=(120, 30), run_before=back_to_the_dashboard)


def test_import_preview(snap_compare, make_dashboard, tmp_path: Path, monkeypatch) -> None:
    """After the relative path typed and enter: the review screen of the structured report
    at 100×30. Header: "hoang-hoa.yaml (YAML/JSON)", 03/12/2025 · Tỉnh Thanh Hóa · Nguyễn Văn A
    (Phó Chủ tịch UBND tỉnh) │ xã Hoằng Hóa, counts Kết quả 2 · Khó khăn 1 · Kiến nghị 1 · Chỉ đạo 1
    │ bỏ ra 0; five item lines with kind tags and "Hoằng Hóa"; "Bỏ ra / Left out (0)" with
    "— không có / none"; the first item's detail (cue: structured file); the footer keys."""
    from test_import_dialog import write_report

    # A relative path keeps the tmp folder's name (different every run) off the screen.
    monkeypatch.chdir(tmp_path)
    write_report(tmp_path)

    async def type_path(pilot) -> None:
        await settle(pilot)
        await pilot.press("i", *"hoang-hoa.yaml", "enter")
        await settle(pilot)

    assert snap_compare(make_dashboard(), terminal_size=(100, 30), run_before=type_path)


def test_import_error(snap_compare, make_dashboard, tmp_path: Path, monkeypatch) -> None:
    """The import dialog after enter on a missing file: one line "missing.yaml: no such file"
    in the error colour, the "Đọc / Read" button disabled until the path changes, key hints."""
    monkeypatch.chdir(tmp_path)

    async def type_path(pilot) -> None:
        await settle(pilot)
        await pilot.press("i", *"missing.yaml", "enter")
        await settle(pilot)

    assert snap_compare(make_dashboard(), terminal_size=(80, 24), run_before=type_path)
