"""Pilot and snapshot tests: `x` exports the commune or its session from the dashboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from apps import make_app
from helpers import settle
from test_item_actions import dashboard, notices, open_commune

from haicap.store import Store
from haicap.tui.dialogs.export_dialog import ExportDialog


@pytest.fixture
def work_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder haicap was started in: default export files go there."""
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


async def _open_export(pilot, app) -> ExportDialog:
    await settle(pilot)
    await open_commune(pilot, "van du", "3")
    await pilot.press("x")
    await settle(pilot)
    assert isinstance(app.screen, ExportDialog)
    return app.screen


async def test_x_writes_the_communes_minutes_as_word_by_default(seeded_store_path: Path, work_folder: Path) -> None:
    import docx

    app = make_app(seeded_store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await _open_export(pilot, app)
        assert [scope.label for scope in dialog.scopes] == [
            "xã Vân Du — phiên 25/11/2025",
            "Cả phiên 25/11/2025 (3 xã)",
        ]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert dashboard(app) is app.screen
        [written] = list(work_folder.iterdir())
        assert written.name == "bien-ban-2025-11-25-van-du.docx"
        from haicap.store.ingest.documents.minutes_mark import minutes_mark

        mark = minutes_mark(written.read_bytes())
        assert mark is not None and mark.session_id == "cdb5ed9f" and len(mark.session["items"]) == 38, "the session it is of"
        text = "\n".join(p.text for p in docx.Document(str(written)).paragraphs)
        assert "Vân Du" in text and "BIÊN BẢN" in text
        assert any(str(written) in notice for notice in notices(app))


async def test_the_whole_session_as_a_tracking_table(seeded_store_path: Path, work_folder: Path) -> None:
    import openpyxl

    app = make_app(seeded_store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await _open_export(pilot, app)
        await pilot.press("down", "enter")  # scope: the whole session
        await pilot.press("tab", "down", "enter")  # format: xlsx
        path = dialog.query_one("#export-path").value
        assert path.endswith("theo-doi-2025-11-25-ngoc-trao-van-du-kim-tan.xlsx"), "the name follows the choices"
        await pilot.press("ctrl+s")
        await settle(pilot)
        sheet = openpyxl.load_workbook(path).active
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        assert len(rows) == 4 + 19, "every request and directive of the session"


async def test_the_tracking_table_split_by_owner_agency(seeded_store_path: Path, work_folder: Path) -> None:
    import openpyxl

    with Store.open(seeded_store_path) as store:
        store.update_tracking("cdb5ed9f-16", owner="Sở Xây dựng", who="lan")
    app = make_app(seeded_store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await _open_export(pilot, app)
        await pilot.press("down", "enter")  # scope: the whole session
        await pilot.press("tab", "down", "down", "down", "down", "enter")  # format: the fifth, one sheet per owner agency
        path = dialog.query_one("#export-path").value
        assert path.endswith("theo-doi-2025-11-25-ngoc-trao-van-du-kim-tan.xlsx")
        await pilot.press("ctrl+s")
        await settle(pilot)
        book = openpyxl.load_workbook(path)
        assert book.sheetnames == ["Sở Xây dựng", "Chưa giao", "Thông tin"]
        assert book["Sở Xây dựng"].max_row == 2 and book["Chưa giao"].max_row == 1 + 22


async def test_the_yaml_format_writes_the_whole_session_for_another_store(seeded_store_path: Path, work_folder: Path) -> None:
    """Chosen on the commune's scope, the session file still holds the whole session."""
    import yaml

    app = make_app(seeded_store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await _open_export(pilot, app)
        await pilot.press("tab", "down", "down", "down", "down", "down", "enter")  # format: yaml, the last
        path = dialog.query_one("#export-path").value
        assert path.endswith("bien-ban-2025-11-25-ngoc-trao-van-du-kim-tan.yaml"), "named after the whole session"
        await pilot.press("ctrl+s")
        await settle(pilot)
        data = yaml.safe_load(Path(path).read_text("utf-8"))
        assert data["session"]["id"] == "cdb5ed9f" and len(data["items"]) == 38


async def test_an_existing_file_is_overwritten_only_on_a_second_ctrl_s(seeded_store_path: Path, work_folder: Path) -> None:
    target = work_folder / "bien-ban-2025-11-25-van-du.docx"
    target.write_bytes(b"not yet")
    app = make_app(seeded_store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await _open_export(pilot, app)
        await pilot.press("ctrl+s")
        assert app.screen is dialog and "đã có" in str(dialog.query_one("#export-error").render())
        assert target.read_bytes() == b"not yet"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert target.read_bytes().startswith(b"PK"), "a real .docx now"


async def test_a_typed_name_is_kept_and_a_missing_folder_is_refused(seeded_store_path: Path, work_folder: Path) -> None:
    app = make_app(seeded_store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await _open_export(pilot, app)
        field = dialog.query_one("#export-path")
        field.value = str(work_folder / "khong-co" / "x.docx")
        await pilot.press("ctrl+s")
        assert app.screen is dialog and "không có thư mục này" in str(dialog.query_one("#export-error").render())
        field.value = "bao-cao-cua-toi.md"  # Word is still chosen: the typed suffix wins
        await pilot.press("tab", "tab")  # changing nothing else keeps the typed name
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert (work_folder / "bao-cao-cua-toi.md").read_text(encoding="utf-8").startswith("#")
        await pilot.press("x")
        await settle(pilot)
        app.screen.query_one("#export-path").value = "ban-ghi"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert (work_folder / "ban-ghi.docx").read_bytes().startswith(b"PK"), "no suffix: the chosen format's"


def test_export_dialog_snapshot(snap_compare, seeded_store_path: Path, work_folder: Path) -> None:
    """At 80×24, the export dialog over the dashboard for xã Vân Du, nothing cut off: two scopes (the commune in the
    session of 25/11/2025, chosen; the whole session of 3 communes), four formats (Word
    chosen), the file name bien-ban-2025-11-25-van-du.docx in the work folder, key hints."""

    async def run_before(pilot) -> None:
        await _open_export(pilot, pilot.app)
        # The folder is the test's own temporary one: show its name only, for a stable snapshot.
        field = pilot.app.screen.query_one("#export-path")
        field.value = "bien-ban-2025-11-25-van-du.docx"
        await pilot.pause()

    assert snap_compare(make_app(seeded_store_path), terminal_size=(80, 24), run_before=run_before)
