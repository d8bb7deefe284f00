"""Pilot test: a session file from another store, imported with `i`, keeps its ids, states and history."""

from __future__ import annotations

from pathlib import Path

from helpers import settle
from test_import_dialog import dashboard, preview, write_report

from haicap.store import Kind, Store
from haicap.store.domain.tracking import RequestStatus
from haicap.store.ingest.reports import read_report_file
from haicap.store.views.exports.session_file import build_session_file


def _copy_from_another_store(tmp_path: Path) -> tuple[Path, str]:
    """A session imported, followed up and edited in another store, written as a session file."""
    with Store.open(tmp_path / "other") as other:
        other.skip_seeds()
        [session] = other.add_reports([read_report_file(write_report(tmp_path), other.registry)])
        assert session is not None
        request = next(i for i in other.items() if i.kind is Kind.REQUEST)
        other.update_tracking(request.id, who="lan", owner="Sở Nông nghiệp và Môi trường", status=RequestStatus.IN_PROGRESS)
        other.delete_item(next(i for i in other.items() if i.kind is Kind.DIFFICULTY).id, who="minh")
        path = tmp_path / "phien.yaml"
        path.write_bytes(build_session_file("yaml", other.session_copy(session), other.registry))
        return path, request.id


async def test_a_session_file_imported_from_the_dashboard_is_stored_as_it_is(make_dashboard, seeded_store_path, tmp_path) -> None:
    path, request_id = _copy_from_another_store(tmp_path)
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await preview(pilot, path)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dashboard(app)
    with Store.open(seeded_store_path, read_only=True) as store, Store.open(tmp_path / "other", read_only=True) as other:
        item = store.item(request_id)
        assert item is not None and item.tracking.status is RequestStatus.IN_PROGRESS and item.revision == 1
        assert store.history(request_id) == other.history(request_id)
        session = store.find_session(request_id.split("-")[0])
        assert store.session_copy(session) == other.session_copy(other.find_session(session.id))
