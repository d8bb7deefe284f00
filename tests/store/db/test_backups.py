"""Backups of the store file, `restore`, and what a writer killed mid-write leaves behind."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
from pathlib import Path

import pytest
import store_files

from haicap.store import Kind, Store, StoreError
from haicap.store.db.backups import list_backups
from haicap.store.ingest.reports import parse_report

REQUEST = "cdb5ed9f-16"


def _seeded(folder: Path) -> Store:
    store = Store.open(folder)
    store.ensure_seeded()
    return store


def test_each_change_keeps_the_previous_version_and_only_the_newest_five(tmp_path: Path) -> None:
    with _seeded(tmp_path) as store:
        before_note = store_files.province_path(tmp_path).read_bytes()
        store.update_tracking(REQUEST, note="một")
        backups = store.backups()
        assert backups[0].action == "update-tracking"
        assert backups[0].path.read_bytes() == before_note, "the backup is the file as it was before the change"
        for number in range(7):
            store.update_tracking(REQUEST, note=f"ghi chú {number}")
        assert len(store_files.province_backups(store)) == 5, "five per file"
        names = [b.path.name for b in store.backups()]
        assert names == sorted(names, reverse=True), "newest first"


def test_a_change_that_writes_nothing_keeps_no_backup(tmp_path: Path) -> None:
    with _seeded(tmp_path) as store:
        count = len(store.backups())
        store.update_tracking(REQUEST, note="")  # already empty: nothing to write
        with pytest.raises(StoreError):
            store.update_tracking("nope-99", note="x")
        assert len(store.backups()) == count


def test_backup_count_is_configurable_and_never_below_one(tmp_path: Path) -> None:
    with _seeded(tmp_path) as store:
        for number in range(4):
            store.update_tracking(REQUEST, note=f"n{number}")
        store.set_backup_count(2)
        assert store.backup_count == 2
        assert len(store_files.province_backups(store)) == 2, "extra old backups go at once"
        for refused in (0, -1):
            with pytest.raises(StoreError, match="dưới 1"):
                store.set_backup_count(refused)
        store.set_backup_count(1)
        store.update_tracking(REQUEST, note="one backup")
        assert len(store_files.province_backups(store)) == 1


def one_request_report(store: Store, title: str = "Một phiên nhập nhầm", source: str = "wrong.yaml"):
    """A session of one request with xã Vân Du, as if imported from `source` (also used by
    test_backups_security)."""
    return parse_report(
        {
            "format": "haicap-session/1",
            "session": {
                "date": dt.date(2025, 12, 2),
                "province": "Thanh Hóa",
                "leader": {"name": "Người Thử", "title": "Kiểm thử"},
                "title": title,
            },
            "communes": ["xã Vân Du"],
            "items": [{"kind": "request", "text": "Đề nghị tỉnh hỗ trợ kinh phí làm đường."}],
        },
        store.registry,
        source,
    )


def test_restore_undoes_a_bad_import_and_can_itself_be_undone(tmp_path: Path) -> None:
    with _seeded(tmp_path) as store:
        sessions = len(store.sessions())
        store.add_report(one_request_report(store))
        assert len(store.sessions()) == sessions + 1
        [before_import] = [b for b in store.backups() if b.action == "import"]
        store.restore(before_import)
        assert len(store.sessions()) == sessions
        assert store.backups()[0].action == "restore"
        store.restore(store.backups()[0])  # the restore is undone: the import is back
        assert len(store.sessions()) == sessions + 1


def test_another_process_sees_the_restored_store(tmp_path: Path) -> None:
    with _seeded(tmp_path) as store, Store.open(tmp_path) as other:
        store.update_tracking(REQUEST, note="sai")
        assert other.changed_on_disk()
        other.refresh()
        store.restore(store.backups()[0])
        other.refresh()
        assert other.item(REQUEST).tracking.note == ""


def test_a_damaged_backup_is_refused_and_the_store_is_untouched(tmp_path: Path) -> None:
    with _seeded(tmp_path) as store:
        store.update_tracking(REQUEST, note="x")
        backup = store.backups()[0]
        backup.path.write_bytes(b"{not json")
        before = store_files.province_path(tmp_path).read_bytes()
        with pytest.raises(StoreError, match="damaged"):
            store.restore(backup)
        assert store_files.province_path(tmp_path).read_bytes() == before


def test_backups_of_other_files_are_left_alone(tmp_path: Path) -> None:
    with _seeded(tmp_path) as store:
        (tmp_path / "backups").mkdir(exist_ok=True)
        mine = tmp_path / "backups" / "my-copy.json"
        mine.write_text("{}")
        for number in range(7):
            store.update_tracking(REQUEST, note=str(number))
        assert mine.exists()
        assert all(b.path != mine for b in list_backups(tmp_path / "haicap.json"))
        assert all(b.path != mine for b in store.backups())


def _killed_before_replace(folder: str) -> None:
    """A writer that dies (SIGKILL) after writing its temporary file, before the rename."""
    import haicap.store.db.storage

    def die(*args: object, **kwargs: object) -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    haicap.store.db.storage.os.replace = die  # type: ignore[assignment]
    with Store.open(Path(folder)) as opened:
        opened.update_tracking(REQUEST, note="never saved")


def test_a_writer_killed_between_temp_file_and_replace_leaves_a_loadable_store(tmp_path: Path) -> None:
    with _seeded(tmp_path) as store:
        store.update_tracking(REQUEST, note="saved")
    province = store_files.province_path(tmp_path)
    before = province.read_bytes()
    writer = multiprocessing.get_context("spawn").Process(target=_killed_before_replace, args=(str(tmp_path),))
    writer.start()
    writer.join(60)
    assert writer.exitcode == -signal.SIGKILL
    leftovers = list(tmp_path.glob(f".{province.name}.*.tmp"))
    assert leftovers, "the killed writer got as far as its temporary file"
    assert province.read_bytes() == before
    with Store.open(tmp_path) as store:
        assert store.item(REQUEST).tracking.note == "saved"
        store.update_tracking(REQUEST, note="next")  # the lock was released by the kernel
        assert store.item(REQUEST).tracking.note == "next"
    assert not list(tmp_path.glob(f".{province.name}.*.tmp")), "the next writer sweeps the leftover away"


def test_backups_keep_the_group_mode_of_the_store(tmp_path: Path) -> None:
    tmp_path.chmod(0o2770)  # a group-shared store folder (as `haicap init --shared` makes)
    with _seeded(tmp_path) as store:
        store.update_tracking(REQUEST, note="x")
        assert store.backups()[0].path.stat().st_mode & 0o777 == 0o660
        assert not store.backups()[0].path.stat().st_mode & 0o002


def test_an_item_kind_change_is_named_in_its_backup(tmp_path: Path) -> None:
    with _seeded(tmp_path) as store:
        store.change_kind(REQUEST, Kind.DIRECTIVE)
        assert store.backups()[0].action == "change-kind"
