"""Pilot and snapshot tests: `x` on the overview reports a period of the province.

The store is the SYNTHETIC one of `tests/period_stores.py` (three sessions of Thanh Hóa);
today is fixed at 15/02/2026, so the dialog offers the first quarter of 2026.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import period_stores
import pytest
from apps import make_app
from helpers import record_notices, settle

from haicap.tui.dialogs.report_dialog import ReportDialog
from haicap.tui.screens.overview import OverviewScreen


@pytest.fixture(scope="module")
def synthetic_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return period_stores.build(tmp_path_factory.mktemp("report-tui") / "store")


@pytest.fixture
def work_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder haicap was started in (default report files go there), and today fixed."""
    monkeypatch.setenv("HAICAP_TODAY", "2026-02-15")
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


async def _open_report(pilot) -> ReportDialog:  # type: ignore[no-untyped-def]
    await settle(pilot)
    if not isinstance(pilot.app.screen, OverviewScreen):  # the start screen with several sessions
        await pilot.press("o")
        await settle(pilot)
    assert isinstance(pilot.app.screen, OverviewScreen)
    await pilot.press("x")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ReportDialog)
    return pilot.app.screen


async def test_x_writes_the_quarter_as_excel(synthetic_folder: Path, work_folder: Path) -> None:
    app = make_app(synthetic_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        notices = record_notices(app)
        dialog = await _open_report(pilot)
        assert dialog.query_one("#report-from").value == "01/01/2026"
        assert dialog.query_one("#report-to").value == "31/03/2026"
        path = dialog.query_one("#report-path").value
        assert path == str(work_folder / "bao-cao-2026-q1-thanh-hoa.docx")
        await pilot.press("tab", "tab", "right", "enter")  # format: Excel
        path = dialog.query_one("#report-path").value
        assert path.endswith("bao-cao-2026-q1-thanh-hoa.xlsx"), "the name follows the format"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, OverviewScreen)
        sheet = openpyxl.load_workbook(path)["Tổng hợp chỉ đạo"]
        assert [c.value for c in sheet[2]] == ["Tổng cộng", 9, 2, 1, 2, 2, 1, 1]
        assert any(path in notice and "Đã lập báo cáo" in notice for notice in notices)


async def test_typed_dates_change_the_period_and_bad_ones_are_refused(synthetic_folder: Path, work_folder: Path) -> None:
    app = make_app(synthetic_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await _open_report(pilot)
        field = dialog.query_one("#report-to")
        field.value = "31/02/2026"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        assert "không phải là ngày có thật" in str(dialog.query_one("#report-error").render())
        field.value = "28/02/2026"
        await pilot.pause()
        assert dialog.query_one("#report-path").value.endswith("bao-cao-2026-01-01-2026-02-28-thanh-hoa.docx")
        dialog.query_one("#report-from").value = "2026-03-01"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog and "sau" in str(dialog.query_one("#report-error").render())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, OverviewScreen)
        assert list(work_folder.iterdir()) == []


def test_report_dialog_80x24(snap_compare, synthetic_folder: Path, work_folder: Path) -> None:
    """Over the overview: the frame "Báo cáo định kỳ", "Tỉnh Thanh Hóa" in bold, the two date fields
    side by side (01/01/2026 and 31/03/2026, the cursor in the first), the three formats on one line
    (Word chosen), the file field ending in bao-cao-2026-q1-thanh-hoa.docx, and the keys: ctrl+s lập ·
    tab trường tiếp · esc hủy. Nothing is cut at 80×24."""

    async def open_dialog(pilot) -> None:  # type: ignore[no-untyped-def]
        await _open_report(pilot)
        dialog = pilot.app.screen
        # The folder differs per run: show the file name alone so the snapshot is stable.
        dialog.query_one("#report-path").value = "bao-cao-2026-q1-thanh-hoa.docx"
        await pilot.pause()

    assert snap_compare(make_app(synthetic_folder), terminal_size=(80, 24), run_before=open_dialog)


async def test_the_palette_offers_the_report_on_the_overview(synthetic_folder: Path, work_folder: Path) -> None:
    app = make_app(synthetic_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        if not isinstance(app.screen, OverviewScreen):
            await pilot.press("o")
            await settle(pilot)
        await pilot.press("ctrl+p", *"bao cao dinh ky")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReportDialog)
