"""Snapshot of the review of an agency's filled tracking table, compared with the committed SVG.

Update only after looking at it: `pytest tests/tui/test_snapshots_tracking_review.py --snapshot-update -n 0`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import settle
from test_tracking_review import filled_table


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_tracking_review_80x24(snap_compare, make_dashboard, seeded_store_path: Path, tmp_path: Path) -> None:
    """The header names the file and counts 2 items, 3 changes, 2 refused; the list shows
    the answer and status of -16 and the completion date of -20 (old → new), then the
    refused rows: -17 changed in the store since the export (both notes), -99 unknown;
    the key bar shows ctrl+s Áp dụng and esc Quay lại."""
    path = filled_table(seeded_store_path, tmp_path, change_meanwhile=True, unknown=True)
    path = path.rename(tmp_path / "tra-loi.xlsx")

    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("i", *path.name, "enter")
        await settle(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(make_dashboard(), terminal_size=(80, 24), run_before=run_before)
