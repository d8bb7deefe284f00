"""A dashboard served to a browser touches no file of the server but those allowed (issue 14, item 2).

The served app runs as the user who started `haicap serve` but is driven by whoever holds
the page: its import reads (and its completion lists) only inside `--files` folders, its
export is sent to the browser, and a viewer reads no file to import at all.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from apps import make_app
from helpers import record_notices, settle
from test_import_dialog import REPORT, store_bytes
from test_item_actions import dashboard, open_commune

from haicap.tui.dialogs.export_dialog import ExportDialog
from haicap.tui.dialogs.import_dialog import ImportDialog
from haicap.tui.screens.import_review import ImportReviewScreen
from haicap.tui.serving.folders import ServedMode
from haicap.tui.widgets.path_input import PathInput, PathSuggester, complete_path


@pytest.fixture
def server_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The serving user's files: a private report, a shared folder, and the folder haicap runs in."""
    home = tmp_path / "home"
    (home / "rieng").mkdir(parents=True)
    (home / "rieng" / "mat.yaml").write_text(REPORT.format(commune="xã Hoằng Hóa", province="Thanh Hóa"), encoding="utf-8")
    shared = tmp_path / "chia-se"
    shared.mkdir()
    (shared / "bao-cao.yaml").write_text(REPORT.format(commune="xã Hoằng Hóa", province="Thanh Hóa"), encoding="utf-8")
    (shared / "ra-ngoai").symlink_to(home / "rieng")  # a link in the allowed folder, pointing out
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("HOME", str(home))
    return tmp_path


def _dialog(app) -> ImportDialog:
    assert isinstance(app.screen, ImportDialog), app.screen
    return app.screen


def _message(app) -> str:
    return str(_dialog(app).query_one("#import-message-text").render())


async def _try_reading(pilot, typed: str) -> None:
    """Type `typed` into the dialog (as the page could, even into a disabled field) and read it."""
    dialog = _dialog(pilot.app)
    dialog.query_one(PathInput).value = typed
    dialog.action_read()
    await settle(pilot)


async def test_served_without_files_lists_nothing_and_reads_nothing(seeded_store_path: Path, server_disk: Path) -> None:
    before = store_bytes(seeded_store_path)
    private = server_disk / "home" / "rieng" / "mat.yaml"
    app = make_app(seeded_store_path, served=ServedMode())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert "Không nhập tệp được trong trình duyệt" in _message(pilot.app)
        field = _dialog(pilot.app).query_one(PathInput)
        assert field.disabled and isinstance(field.suggester, PathSuggester)
        for typed in ("/", "~/", str(server_disk) + "/", str(private.parent) + "/m"):
            assert await field.suggester.get_suggestion(typed) is None, typed
        await _try_reading(pilot, str(private))
        assert isinstance(pilot.app.screen, ImportDialog), "no review of the private file"
        assert "Hoằng Hóa" not in _message(pilot.app)
    assert store_bytes(seeded_store_path) == before


def test_completion_in_a_terminal_still_lists_the_disk(server_disk: Path) -> None:
    """The same calls as above, unserved: they do list the server's folders (what a browser must not see)."""
    assert complete_path(str(server_disk) + "/ch") == str(server_disk / "chia-se") + "/"
    assert complete_path(str(server_disk) + "/ch", served=ServedMode()) is None


async def test_served_with_files_lists_and_reads_only_inside_them(seeded_store_path: Path, server_disk: Path) -> None:
    shared = server_disk / "chia-se"
    served = ServedMode.of_folders([str(shared)])
    suggester = PathSuggester(shared, served)
    assert await suggester.get_suggestion("b") == "bao-cao.yaml"
    assert await suggester.get_suggestion(str(shared) + "/b") == str(shared) + "/bao-cao.yaml"
    for outside in ("../", "../h", "../home/rieng/", "ra-ngoai/", "ra-ngoai/m", str(server_disk) + "/", "~/", "/"):
        assert await suggester.get_suggestion(outside) is None, outside

    before = store_bytes(seeded_store_path)
    app = make_app(seeded_store_path, served=served)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert not _dialog(pilot.app).query_one(PathInput).disabled
        for outside in ("../home/rieng/mat.yaml", "ra-ngoai/mat.yaml", str(server_disk / "home" / "rieng" / "mat.yaml")):
            await _try_reading(pilot, outside)
            assert isinstance(pilot.app.screen, ImportDialog), outside
            assert "ngoài các thư mục được phép" in _message(pilot.app), outside
        assert store_bytes(seeded_store_path) == before
        await _try_reading(pilot, "bao-cao.yaml")  # relative: inside the first allowed folder
        assert isinstance(pilot.app.screen, ImportReviewScreen), "a file inside the folder is read"


async def test_a_served_viewer_reads_no_file_to_import_even_from_its_folders(seeded_store_path: Path, server_disk: Path) -> None:
    app = make_app(seeded_store_path, read_only=True, served=ServedMode.of_folders([str(server_disk / "chia-se")]))
    seen = record_notices(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, ImportDialog), "i is refused at once"
        assert any("Chỉ xem: không nhập được" in notice for notice in seen)
        # Opened another way, the dialog reads nothing either.
        pilot.app.push_screen(ImportDialog(pilot.app.store))
        await settle(pilot)
        assert "Chỉ xem: không nhập được" in _message(pilot.app)
        await _try_reading(pilot, str(server_disk / "chia-se" / "bao-cao.yaml"))
        assert isinstance(pilot.app.screen, ImportDialog) and "Hoằng Hóa" not in _message(pilot.app)


async def test_served_read_only_export_goes_to_the_browser_and_writes_no_file(
    seeded_store_path: Path, server_disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import docx

    delivered: list[tuple[bytes, str | None]] = []

    def deliver_binary(self, path_or_file, *, save_filename=None, **options):
        assert isinstance(path_or_file, io.BytesIO), "the document itself, not a file on the server"
        delivered.append((path_or_file.getvalue(), save_filename))
        return "key"

    monkeypatch.setattr("textual.app.App.deliver_binary", deliver_binary)
    before = store_bytes(seeded_store_path)
    app = make_app(seeded_store_path, read_only=True, served=ServedMode())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_commune(pilot, "van du", "3")
        await pilot.press("x")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        field = dialog.query_one("#export-path", PathInput)
        assert field.value == "bien-ban-2025-11-25-van-du.docx", "a name for the browser, no folder of the server"
        # A path typed toward the serving user's files only names the download.
        field.value = str(server_disk / "home" / "rieng" / "mat.yaml.docx")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert dashboard(app) is app.screen
    [(data, name)] = delivered
    assert name == "mat.yaml.docx"
    assert "Vân Du" in "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    files = sorted(
        p.relative_to(server_disk) for p in server_disk.rglob("*") if p.is_file() and seeded_store_path not in p.parents
    )
    assert files == [Path("chia-se/bao-cao.yaml"), Path("home/rieng/mat.yaml")], "no file written on the server"
    assert store_bytes(seeded_store_path) == before
