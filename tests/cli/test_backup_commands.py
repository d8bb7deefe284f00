"""`haicap restore` and `haicap config --backups` from the shell."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import store_files

from haicap.tui.cli.main import main

REQUEST = "cdb5ed9f-16"


@pytest.fixture
def store_folder(seeded_store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HAICAP_DB", str(seeded_store_path))
    return seeded_store_path


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_restore_lists_backups_then_undoes_a_change(store_folder: Path, capsys) -> None:
    before = (store_folder / "haicap.json").read_bytes()
    province_before = json.loads(store_files.province_path(store_folder).read_bytes())
    assert _run(capsys, "set", REQUEST, "--owner", "Sở Tài chính")[0] == 0
    code, out, _ = _run(capsys, "restore")
    assert code == 0
    header, first = out.splitlines()[:2]
    assert header.split()[:2] == ["#", "lưu"]
    assert first.split()[0] == "1" and "Thanh Hóa" in first and "sửa theo dõi" in first and " 38 " in first
    code, out, _ = _run(capsys, "restore", "1")
    assert code == 0 and "đã khôi phục bản sao lưu 1" in out and "`haicap restore 1` để hoàn tác" in out
    # The province's file is as it was; the national file too, but for its audit log, which
    # records the restore, and the summary, which is of the restored file.
    assert json.loads(store_files.province_path(store_folder).read_bytes()) == province_before
    restored, earlier = json.loads((store_folder / "haicap.json").read_bytes()), json.loads(before)
    log, earlier_log = restored.pop("audit"), earlier.pop("audit")
    summary, earlier_summary = restored.pop("summary"), earlier.pop("summary")
    assert restored == earlier
    assert summary["38"]["totals"] == earlier_summary["38"]["totals"]
    assert list(log.values())[:-1] == list(earlier_log.values()) and list(log.values())[-1]["action"] == "restore"
    code, out, _ = _run(capsys, "item", REQUEST)
    assert "Sở Tài chính" not in out


def test_restore_refuses_a_number_it_does_not_have(store_folder: Path, capsys) -> None:
    _run(capsys, "set", REQUEST, "--owner", "Sở Tài chính")
    before = store_files.snapshot(store_folder)
    code, _, err = _run(capsys, "restore", "9")
    assert code == 1 and "không có bản sao lưu 9" in err and err.count("\n") == 1
    code, _, err = _run(capsys, "restore", "một")
    assert code == 2 and "SỐ" in err
    assert store_files.snapshot(store_folder) == before


def test_config_sets_how_many_backups_are_kept(store_folder: Path, capsys) -> None:
    for owner in ("A", "B", "C", "D"):
        _run(capsys, "set", REQUEST, "--owner", owner)
    code, out, _ = _run(capsys, "config", "--backups", "2")
    assert code == 0 and "số bản sao lưu 5 → 2" in out and "backups: 2" in out
    _, out, _ = _run(capsys, "restore")
    assert len([line for line in out.splitlines() if line[:1].isdigit() and "Thanh Hóa" in line]) == 2, "two of each file"
    assert _run(capsys, "config", "--backups", "không")[0] == 2


def test_output_cut_short_by_a_pager_is_not_an_error(store_folder: Path) -> None:
    # `haicap items | head -1`: the reader closes the pipe early; no traceback may follow.
    command = [sys.executable, "-c", "import sys; from haicap.tui.cli.main import run; sys.exit(run())", "items"]
    writer = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert writer.stdout is not None
    writer.stdout.close()  # before it writes: its output all goes to a closed pipe
    _, err = writer.communicate(timeout=60)
    assert b"BrokenPipe" not in err and b"Traceback" not in err, err.decode()
    assert writer.returncode == 141
