"""Backups and restore against a colleague who plants files or erases work (issue 14, item 4).

Only backups haicap kept count: planted files in `backups/` are never listed, pruned,
counted or followed; `backups/` itself may not be a symlink; at least one backup is always
kept; a restore is recorded in the audit log, which it carries over, and keeps the state
it replaces as a backup.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
from pathlib import Path

import pytest
import store_files
from test_backups import one_request_report

from haicap.store import Store, StoreError
from haicap.store.db.backups import list_backups

REQUEST = "cdb5ed9f-16"


def _seeded(folder: Path) -> Store:
    store = Store.open(folder)
    store.ensure_seeded()
    return store


def _name(when: dt.datetime, action: str = "update-tracking") -> str:
    return f"{store_files.province_path(Path()).name}.{when.strftime('%Y%m%dT%H%M%S%fZ')}.{action}"


def _plant(folder: Path, private: Path) -> dict[str, Path]:
    """What a colleague who may write `backups/` puts there: files with haicap's backup names
    (some dated in the future, so they would sort first) that are not backups haicap kept."""
    backups = folder / "backups"
    backups.mkdir(exist_ok=True)
    future = dt.datetime.now(dt.UTC) + dt.timedelta(days=365)
    past = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    planted = {
        "garbage": backups / _name(future, "import"),
        "foreign": backups / _name(future + dt.timedelta(seconds=1)),
        "old-garbage": backups / _name(past),
        "symlink": backups / _name(past + dt.timedelta(seconds=1)),
        "folder": backups / _name(past + dt.timedelta(seconds=2)),
        "fifo": backups / _name(past + dt.timedelta(seconds=3)),
        "future-copy": backups / _name(future + dt.timedelta(seconds=2)),
    }
    planted["garbage"].write_bytes(b"\x00not a store at all")
    planted["foreign"].write_text(json.dumps({"users": {"1": {"name": "x"}}}))
    planted["old-garbage"].write_text("{}")
    planted["symlink"].symlink_to(private)
    planted["folder"].mkdir()
    os.mkfifo(planted["fifo"])
    # A real store's content, named in the future: still not one haicap kept.
    planted["future-copy"].write_bytes(store_files.province_path(folder).read_bytes())
    return planted


def test_planted_backups_are_never_listed_pruned_or_followed(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    private = tmp_path / "private.json"
    private.write_text('{"meta": {"1": {"schema_version": 2}}}')
    private.chmod(0o600)
    with _seeded(folder) as store:
        store.set_backup_count(1)
        planted = _plant(folder, private)
        done = threading.Event()

        def write() -> None:  # a FIFO opened for reading would hang: in a thread, with a deadline
            store.update_tracking(REQUEST, note="thật")
            done.set()

        writer = threading.Thread(target=write, daemon=True)
        writer.start()
        assert done.wait(20), "a write hung on a planted FIFO"
        backups = store_files.province_backups(store)
        # The real write's own new backup survives, though planted files sort after it.
        assert len(backups) == 1 and backups[0].action == "update-tracking"
        assert json.loads(backups[0].read_bytes())["items"], "the one listed is a real store"
        assert all(b.path not in planted.values() for b in backups)
        for _ in range(3):
            store.update_tracking(REQUEST, note=f"thêm {_}")
        assert len(store_files.province_backups(store)) == 1
    for what, path in planted.items():
        assert path.is_symlink() or path.exists(), f"the planted {what} was deleted"
    assert private.read_text() == '{"meta": {"1": {"schema_version": 2}}}' and private.stat().st_mode & 0o777 == 0o600


def test_a_symlinked_backups_folder_is_refused_and_the_store_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    with _seeded(folder) as store:
        before = (folder / "haicap.json").read_bytes()
        for old in (folder / "backups").iterdir():
            old.unlink()
        (folder / "backups").rmdir()
        (folder / "backups").symlink_to(elsewhere)
        with pytest.raises(StoreError, match="symlink") as refused:
            store.update_tracking(REQUEST, note="x")
        assert "\n" not in str(refused.value)
        with pytest.raises(StoreError, match="symlink"):
            store.backups()
    assert (folder / "haicap.json").read_bytes() == before
    assert list(elsewhere.iterdir()) == []


def test_a_zero_stored_by_an_older_haicap_reads_as_one(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with _seeded(folder):
        pass
    data = json.loads((folder / "haicap.json").read_bytes())
    data["meta"]["1"]["backups"] = 0
    (folder / "haicap.json").write_text(json.dumps(data, ensure_ascii=False))
    with Store.open(folder) as store:
        assert store.backup_count == 1
        store.update_tracking(REQUEST, note="trước khi khôi phục")
        noted = store.find_item(REQUEST)
        store.restore(store.backups()[0])
        # The state the restore replaced (with the note) is kept, though the store said 0.
        [kept] = store_files.province_backups(store)
        assert kept.action == "restore"
        store.restore(kept)
        assert store.find_item(REQUEST).tracking.note == noted.tracking.note


def _report(store: Store):
    return one_request_report(store, "Phiên của đồng nghiệp", "dong-nghiep.yaml")


def test_restore_keeps_what_it_replaced_and_the_audit_log_records_it(tmp_path: Path, as_user) -> None:
    folder = tmp_path / "store"
    with _seeded(folder) as store:
        sessions = len(store.sessions())
        as_user("minh")
        store.add_report(_report(store))  # a colleague's import
        store.update_tracking(REQUEST, note="minh's work")
        as_user("lan")
        before_import = next(b for b in store.backups() if b.action == "import")
        store.restore(before_import)
        assert len(store.sessions()) == sessions
        store.set_backup_count(1)  # all but one backup go: the one left is the state restore replaced
        [kept] = store_files.province_backups(store)
        with Store.open(folder) as look:
            look.restore(kept)
            assert len(look.sessions()) == sessions + 1 and look.find_item(REQUEST).tracking.note == "minh's work"
        store.refresh()
        log = store.audit_log()
        assert [e.action for e in log][:4] == ["restore", "config", "restore", "import"]
        assert log[3].who == "minh" and "dong-nghiep.yaml" in log[3].detail and "1 session, 1 item" in log[3].detail
        assert log[2].who == "lan" and before_import.path.name in log[2].detail
        assert "backups 5 → 1" in log[1].detail and "deleted" in log[1].detail
        assert all(abs(e.when - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1) for e in log)


def test_restoring_an_old_backup_cannot_erase_the_audit_log(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with _seeded(folder) as store:
        oldest = store.backups()[-1]  # kept before the seeds: its own audit log is empty
        store.set_deadline_rules(store.deadline_rules.__class__(answer_days=30, answer_days_with_co=45))
        store.restore(oldest)
        actions = [e.action for e in store.audit_log()]
        assert actions[:3] == ["restore", "config", "seed"]
        assert store.deadline_rules.answer_days == 40, "the settings went back with the rest"


def test_a_restore_refuses_a_file_that_is_not_a_haicap_store(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with _seeded(folder) as store:
        store.update_tracking(REQUEST, note="x")
        backup = store.backups()[0]
        backup.path.write_text(json.dumps({"sessions": {}, "items": {}}))  # no schema version
        before = (folder / "haicap.json").read_bytes()
        with pytest.raises(StoreError, match="không phải tệp kho dữ liệu haicap"):
            store.restore(backup)
        assert (folder / "haicap.json").read_bytes() == before
        assert backup not in list_backups(folder / "haicap.json")
