"""Pilot and snapshot tests: a save that meets another officer's change made in the meantime."""

from __future__ import annotations

from pathlib import Path

import pytest
from apps import make_app
from helpers import settle
from test_item_actions import dashboard, notices, open_commune, pane, prompt

from haicap.store import Kind, RequestStatus, Store
from haicap.tui.dialogs.conflict_dialog import ConflictDialog
from haicap.tui.dialogs.edit_item_dialog import EditItemDialog
from haicap.tui.dialogs.status_dialog import StatusDialog

OTHER_OWNER = "Sở Tài chính"


@pytest.fixture(autouse=True)
def fixed_user(as_user) -> None:
    as_user("lan")


def _minh_saves(folder: Path, item_id: str) -> None:
    """Another officer, in their own haicap, gives the request an owner."""
    with Store.open(folder) as other:
        other.update_tracking(item_id, owner=OTHER_OWNER, who="minh")


async def _status_dialog_then_minh_saves(pilot, app, folder: Path) -> str:
    await settle(pilot)
    await open_commune(pilot, "van du", "3")
    item = pane(app, Kind.REQUEST).current
    await pilot.press("s")
    assert isinstance(app.screen, StatusDialog)
    _minh_saves(folder, item.id)  # while lan's dialog is open
    await pilot.press("down", "enter")  # lan chooses "Đang giải quyết"
    await settle(pilot)
    return item.id


async def test_keeping_theirs_drops_mine_and_shows_their_change(seeded_store_path: Path) -> None:
    app = make_app(seeded_store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        item_id = await _status_dialog_then_minh_saves(pilot, app, seeded_store_path)
        dialog = app.screen
        assert isinstance(dialog, ConflictDialog), "the save stops and shows the other change"
        assert [(c.who, c.field, c.new) for c in dialog.changes] == [("minh", "owner", OTHER_OWNER)]
        await pilot.press("enter")  # the default: keep theirs
        await settle(pilot)
        assert dashboard(app) is app.screen
        with Store.open(seeded_store_path) as store:
            item = store.item(item_id)
            assert item.tracking.owner == OTHER_OWNER
            assert item.tracking.status in (None, RequestStatus.NEW), "lan's status was not written"
            assert [e.who for e in store.history(item_id)] == ["minh"]
        assert OTHER_OWNER in prompt(app, Kind.REQUEST, 0), "the pane shows minh's change"


async def test_saving_mine_over_theirs_keeps_both_fields(seeded_store_path: Path) -> None:
    app = make_app(seeded_store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        item_id = await _status_dialog_then_minh_saves(pilot, app, seeded_store_path)
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("down", "enter")  # save mine over theirs
        await settle(pilot)
        with Store.open(seeded_store_path) as store:
            item = store.item(item_id)
            assert item.tracking.status is RequestStatus.IN_PROGRESS and item.tracking.owner == OTHER_OWNER
            assert [e.who for e in store.history(item_id)] == ["minh", "lan"]
        assert any("Đang giải quyết" in notice for notice in notices(app))


async def test_an_edit_dialog_save_meets_the_other_change_too(seeded_store_path: Path) -> None:
    app = make_app(seeded_store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_commune(pilot, "van du", "3")
        item = pane(app, Kind.REQUEST).current
        await pilot.press("e")
        assert isinstance(app.screen, EditItemDialog)
        _minh_saves(seeded_store_path, item.id)
        app.screen.query_one("#edit-note").value = "lan ghi chú"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictDialog)
        assert "Ghi chú → lan ghi chú" in app.screen.about.plain, "mine, field by field"
        await pilot.press("escape")  # escape keeps theirs too
        await settle(pilot)
        with Store.open(seeded_store_path) as store:
            assert store.item(item.id).tracking.owner == OTHER_OWNER
            assert store.item(item.id).tracking.note == ""


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch, set_now):
    """History times fixed, and shown in Vietnam's time zone, whatever the machine's."""
    import time

    set_now("2025-12-15T02:30:00+00:00")
    # No live-refresh notice: whether the once-a-second poll sees minh's save before lan
    # presses enter is a matter of timing, and the snapshot must not depend on it.
    monkeypatch.setattr("haicap.tui.screens.dashboard.STORE_POLL_SECONDS", 3600.0)
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_conflict_dialog_snapshot(snap_compare, seeded_store_path: Path, fixed_clock) -> None:
    """The conflict dialog over the dashboard: the request's text, minh's owner change
    at 15/12/2025 09:30 ("Chủ trì / owner", — → Sở Tài chính), lan's change ("Trạng thái / status → Đang giải
    quyết"), and two choices, "keep theirs" highlighted."""

    async def run_before(pilot) -> None:
        await _status_dialog_then_minh_saves(pilot, pilot.app, seeded_store_path)

    assert snap_compare(make_app(seeded_store_path), terminal_size=(100, 30), run_before=run_before)
