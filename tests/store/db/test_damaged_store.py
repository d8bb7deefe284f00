"""A damaged store or a full disk: one line, never a traceback, the store left as it was,
and a failed write's backup never pushes out a real one."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import store_files

from haicap.store import Store
from haicap.store.db.backups import list_backups
from haicap.store.db.layout import PROVINCE_TABLES
from haicap.tui.cli.main import main

ROOT = Path(__file__).resolve().parents[3]
REQUEST = "cdb5ed9f-16"

COMMANDS = [
    ["items"],
    ["item", REQUEST],
    ["set", REQUEST, "--owner", "Sở Nội vụ"],
    ["search", "đê"],
    ["audit"],
    ["config", "--backups", "3"],
]


def _edit_json(change: Callable[[dict], None], file: str = "haicap.json") -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        path = folder / file
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    return damage


def _first(table: str) -> Callable[[dict], str]:
    return lambda data: next(iter(data[table]))


def _set_row(table: str, value: object) -> Callable[[Path], None]:
    def change(data: dict) -> None:
        data[table][_first(table)(data)] = value

    # Sessions, items and history live in their province's file (store.db.layout).
    return _edit_json(change, store_files.province_path(Path()).name if table in PROVINCE_TABLES else "haicap.json")


def _store_a_folder(folder: Path) -> None:
    (folder / "haicap.json").unlink()
    (folder / "haicap.json").mkdir()


def _backups_a_file(folder: Path) -> None:
    shutil.rmtree(folder / "backups", ignore_errors=True)
    (folder / "backups").write_text("not a folder")


def _invalid_json(folder: Path) -> None:
    (folder / "haicap.json").write_text('{"meta": {"1": ', encoding="utf-8")


DAMAGES = {
    "store file is a folder": (_store_a_folder, "là một thư mục"),
    "invalid JSON": (_invalid_json, "tệp kho dữ liệu bị hỏng"),
    "null meta row": (_set_row("meta", None), "bảng 'meta' là null"),
    "meta row is text": (_set_row("meta", "xin chào"), "là str, không phải một đối tượng"),
}
"""Damage that makes the file unusable: refused in one line."""

RECORD_DAMAGES = {
    "null item": _set_row("items", None),
    "item is text": _set_row("items", "xin chào"),
    "null session": _set_row("sessions", None),
    "null history row": _set_row("history", None),
    "history row is a list": _set_row("history", [1, 2]),
}
"""Damage to one record of items, sessions or history: the store opens without it and warns."""

READS = [["items"], ["item", REQUEST], ["search", "đê"], ["audit"]]


@pytest.fixture
def store_with_history(seeded_store_path: Path) -> Path:
    """The seeded store with one change made, so it has a history row and a backup."""
    assert main(["--db", str(seeded_store_path), "set", REQUEST, "--owner", "Sở Tài chính"]) == 0
    return seeded_store_path


def _contents(folder: Path) -> dict[str, bytes | None]:
    found: dict[str, bytes | None] = {}
    for path in sorted(folder.rglob("*")):
        found[str(path.relative_to(folder))] = path.read_bytes() if path.is_file() and path.suffix != ".lock" else None
    return found


@pytest.mark.parametrize("damage", list(DAMAGES), ids=list(DAMAGES))
@pytest.mark.parametrize("argv", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_a_damaged_store_is_one_line_and_left_as_it_is(store_with_history: Path, damage: str, argv: list[str], capsys) -> None:
    spoil, said = DAMAGES[damage]
    spoil(store_with_history)
    capsys.readouterr()
    before = _contents(store_with_history)
    assert main(["--db", str(store_with_history), *argv]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("haicap: ") and said in err, err
    assert _contents(store_with_history) == before


@pytest.mark.parametrize("damage", list(RECORD_DAMAGES), ids=list(RECORD_DAMAGES))
@pytest.mark.parametrize("argv", READS, ids=[" ".join(a) for a in READS])
def test_a_damaged_record_is_left_out_with_a_warning_and_the_store_left_as_it_is(
    store_with_history: Path, damage: str, argv: list[str], capsys
) -> None:
    RECORD_DAMAGES[damage](store_with_history)
    capsys.readouterr()
    before = _contents(store_with_history)
    code = main(["--db", str(store_with_history), *argv])
    err = capsys.readouterr().err
    assert "Traceback" not in err and all(line.startswith("haicap: ") for line in err.splitlines()), err
    assert "cảnh báo" in err, err
    assert code in (0, 1)  # the damaged record may be the one asked for
    assert _contents(store_with_history) == before


def test_backups_as_a_file_refuses_a_change_in_one_line(store_with_history: Path, capsys) -> None:
    _backups_a_file(store_with_history)
    capsys.readouterr()
    before = (store_with_history / "haicap.json").read_bytes()
    assert main(["--db", str(store_with_history), "set", REQUEST, "--owner", "Sở Y tế"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "backups: không phải thư mục" in err
    assert (store_with_history / "haicap.json").read_bytes() == before
    assert main(["--db", str(store_with_history), "items"]) == 0, "reading needs no backups"


def test_an_empty_province_file_reads_as_a_province_without_data(seeded_store_path: Path, capsys) -> None:
    store_files.province_path(seeded_store_path).write_bytes(b"")
    assert main(["--db", str(seeded_store_path), "items"]) == 0
    assert capsys.readouterr().out.strip() == "Không có mục nào khớp"


def test_an_empty_national_file_loses_no_province_data(seeded_store_path: Path, capsys) -> None:
    (seeded_store_path / "haicap.json").write_bytes(b"")
    assert main(["--db", str(seeded_store_path), "items", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 38, "the summary is computed again from the province's file"


def test_a_null_record_through_the_real_command_is_a_warning_not_a_traceback(store_with_history: Path) -> None:
    _set_row("items", None)(store_with_history)
    done = subprocess.run(
        [sys.executable, "-m", "haicap", "--db", str(store_with_history), "items"],
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
        timeout=20,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.startswith("haicap: cảnh báo: ") and REQUEST in done.stdout, done.stderr


# -- a full disk -------------------------------------------------------------------------


def _disk_fills_after(monkeypatch: pytest.MonkeyPatch, room: int) -> None:
    """Make `os.write` into files (not the terminal) fail with ENOSPC once `room` bytes went."""
    real_write = os.write
    used = [0]

    def write(fd: int, data) -> int:
        if fd <= 2:
            return real_write(fd, data)
        if used[0] + len(data) > room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        used[0] += len(data)
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)


@pytest.mark.parametrize("room", [0, 4096])
def test_a_full_disk_is_one_line_and_pushes_out_no_real_backup(seeded_store_path: Path, monkeypatch, capsys, room: int) -> None:
    db = str(seeded_store_path)
    assert main(["--db", db, "config", "--backups", "2"]) == 0
    for owner in ("Sở A", "Sở B", "Sở C"):
        assert main(["--db", db, "set", REQUEST, "--owner", owner]) == 0
    capsys.readouterr()
    store_file = store_files.province_path(seeded_store_path)
    before = store_file.read_bytes()
    kept = [b.path.name for b in list_backups(store_file)]
    assert len(kept) == 2
    _disk_fills_after(monkeypatch, room)
    assert main(["--db", db, "set", REQUEST, "--owner", "Sở D", "--note", "x" * 10_000]) == 1
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert err == f"haicap: {store_file}: đĩa đầy; chưa ghi gì\n"
    assert store_file.read_bytes() == before, "the store file is intact"
    assert [b.path.name for b in list_backups(store_file)] == kept, "the failed change's backup displaced none"
    files = {"haicap.json", store_file.name, "backups"}
    assert set(os.listdir(seeded_store_path)) <= files | {f"{name}.lock" for name in files}
    with Store.open(seeded_store_path) as store:
        assert store.item(REQUEST).tracking.owner == "Sở C"
    # Once there is room again, the next change is written and pruned as usual.
    assert main(["--db", db, "set", REQUEST, "--owner", "Sở D"]) == 0
    assert len(list_backups(store_file)) == 2
