"""The split of a one-file store (schema 1 or 2) into province files (schema 3): nothing is
lost, moved twice or changed on the way, a kill half-way leaves the old file as it was,
and a backup from before the split restores every province."""

from __future__ import annotations

import copy
import json
import multiprocessing
import os
import shutil
import signal
from pathlib import Path
from typing import Any

import province_stores
import pytest
import store_files
from province_stores import PROVINCES, computed_summary, items_by_id, read_json, stored_summary

from haicap.store import SCHEMA_VERSION, Kind, Store, StoreError
from haicap.store.db.layout import province_file
from haicap.store.db.migrations import ONE_FILE_SCHEMA, migrate

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "schema-1-store.json"
TABLES = ("sessions", "items", "history")


def _without_schema(data: dict[str, Any]) -> dict[str, dict[str, dict[str, Any]]]:
    """The sessions, items and history of one-file (or merged) `data` by document id, with
    the `schema` of each row left out (the one thing a migration changes in them)."""
    return {
        table: {doc_id: {k: v for k, v in row.items() if k != "schema"} for doc_id, row in (data.get(table) or {}).items()}
        for table in TABLES
    }


def _assert_split(folder: Path, before: dict[str, Any]) -> None:
    """`folder` holds `before`'s rows, each once, in its province's file, and a summary that is the files'."""
    national = read_json(folder / "haicap.json")
    assert national["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    assert not any(national.get(table) for table in TABLES), "the national file keeps no sessions, items or history"
    assert "unplaced" not in national
    items_by_id(folder)  # no item in two files
    assert _without_schema(province_stores.merged(folder)) == _without_schema(before)
    for path in store_files.province_files(folder):
        rows = read_json(path)
        code = rows["meta"]["1"]["province"]
        assert path.name == province_file(code)
        assert rows["meta"]["1"]["schema_version"] == SCHEMA_VERSION
        assert all(row["province"] == code for row in rows["sessions"].values())
        assert all(row["schema"] == SCHEMA_VERSION for table in TABLES for row in rows[table].values())
    assert stored_summary(folder) == computed_summary(folder)


def test_the_schema_1_fixture_is_split_with_every_row_and_revision_kept(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copy(FIXTURE, folder / "haicap.json")
    (folder / "haicap.json").chmod(0o660)
    original = (folder / "haicap.json").read_bytes()
    expected = migrate(json.loads(original), 1)  # schema 2: revisions counted, one file
    with Store.open(folder) as store:
        assert [b.action for b in store.backups()] == [f"schema-1-to-{SCHEMA_VERSION}"]
        assert store.backups()[0].path.read_bytes() == original
        assert len(store.items()) == 38
    assert [p.name for p in store_files.province_files(folder)] == ["province-38.json"]
    _assert_split(folder, expected)


@pytest.fixture
def one_file(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    """A schema-2 one-file store of three provinces, with edits in its history; and its tables."""
    built = province_stores.build(tmp_path / "built")
    with Store.open(built) as store:
        for code in PROVINCES:
            request = store.items(province_code=code, kinds=(Kind.REQUEST,))[0]
            store.set_status(request.id, "answered", who="lan")
            store.update_tracking(request.id, note="đã trả lời", who="minh")
            store.delete_item(store.items(province_code=code)[-1].id, who="lan")
    data = province_stores.one_file_tables(built)
    for table in TABLES:
        for row in data[table].values():
            row["schema"] = ONE_FILE_SCHEMA
    folder = tmp_path / "one-file"
    folder.mkdir()
    store_files.write_one_file(folder, data)
    assert json.loads((folder / "haicap.json").read_text())["meta"]["1"]["schema_version"] == ONE_FILE_SCHEMA
    return folder, copy.deepcopy(data)


def test_a_schema_2_store_of_three_provinces_is_split_after_a_backup(one_file: tuple[Path, dict[str, Any]]) -> None:
    folder, before = one_file
    original = (folder / "haicap.json").read_bytes()
    with Store.open(folder) as store:
        [backup] = [b for b in store.backups() if b.action == f"schema-2-to-{SCHEMA_VERSION}"]
        assert backup.province is None and backup.path.read_bytes() == original
        revisions = {i.id: i.revision for i in store.items()}
    assert [p.name for p in store_files.province_files(folder)] == sorted(province_file(c) for c in PROVINCES)
    _assert_split(folder, before)
    assert revisions == {row["id"]: row.get("revision", 0) for row in before["items"].values() if not row.get("deleted")}
    assert max(revisions.values()) == 2
    with Store.open(folder, read_only=True) as again:  # opened a second time: nothing to migrate
        assert again.backups() == Store.open(folder, read_only=True).backups()


def _killed_during_the_split(folder: str, after_writes: int) -> None:
    """Open (so migrate) the store, dying (SIGKILL) before the file write number `after_writes` + 1 of the split."""
    from haicap.store.db.tables import StoreDatabase

    real = StoreDatabase.replace_all
    calls = []

    def counted(self: StoreDatabase, tables: Any) -> None:
        calls.append(1)
        if len(calls) > after_writes:
            os.kill(os.getpid(), signal.SIGKILL)
        real(self, tables)

    StoreDatabase.replace_all = counted  # type: ignore[method-assign]
    Store.open(Path(folder))


@pytest.mark.parametrize("after_writes", [1, len(PROVINCES)])
def test_a_kill_during_the_split_leaves_the_old_file_and_the_next_opening_splits_it(
    one_file: tuple[Path, dict[str, Any]], after_writes: int
) -> None:
    folder, before = one_file
    original = (folder / "haicap.json").read_bytes()
    writer = multiprocessing.get_context("spawn").Process(target=_killed_during_the_split, args=(str(folder), after_writes))
    writer.start()
    writer.join(60)
    assert writer.exitcode == -signal.SIGKILL, "the split was interrupted"
    assert (folder / "haicap.json").read_bytes() == original, "the one-file store is as it was"
    left = store_files.province_files(folder)
    assert len(left) == after_writes, "the kill came after some province files were written"
    with pytest.raises(StoreError):  # a viewer cannot migrate it
        Store.open(folder, read_only=True)
    with Store.open(folder) as store:
        assert len(store.items()) == sum(1 for r in before["items"].values() if not r.get("deleted"))
    _assert_split(folder, before)
    assert set(items_by_id(folder)) == {row["id"] for row in before["items"].values()}


def test_a_backup_from_before_the_split_restores_every_province(one_file: tuple[Path, dict[str, Any]]) -> None:
    folder, before = one_file
    other = next(p for p in Store.in_memory().provinces() if p.code not in PROVINCES)
    with Store.open(folder) as store:
        [backup] = [b for b in store.backups() if b.action == f"schema-2-to-{SCHEMA_VERSION}"]
        for code in PROVINCES:
            store.delete_item(store.items(province_code=code)[0].id)
        first = store.items(province_code="38")[0]
        store.add_item(first.session.id, first.session.commune_codes[:1], Kind.ACHIEVEMENT, "Thêm sau khi tách.")
        province_stores.fill(store, {other.code: other.name})  # a province that was not in the backup
        store.set_backup_count(3)
        assert store.province_counts(other).items > 0
        store.restore(backup)
        assert store.province_counts(other).items == 0 and store.province_counts(other).sessions == 0
        assert len(store.items()) == sum(1 for r in before["items"].values() if not r.get("deleted"))
        assert store.backup_count == 5, "the settings of the backup come back with it"
        assert store.audit_log()[0].action == "restore"
    after = read_json(store_files.province_path(folder, other.code))
    assert not any(after[table] for table in TABLES), "the newer province's file is emptied, not left behind"
    _assert_split(folder, before)
    with Store.open(folder, read_only=True) as fresh:
        for code in PROVINCES:
            province = fresh.find_province(code)
            assert province is not None
            assert fresh.province_counts(province).items == len(fresh.items(province_code=code))


def _open_once(folder: str) -> None:
    Store.open(Path(folder)).close()


def test_two_processes_opening_a_one_file_store_at_once_split_it_once(one_file: tuple[Path, dict[str, Any]]) -> None:
    folder, before = one_file
    spawn = multiprocessing.get_context("spawn")
    openers = [spawn.Process(target=_open_once, args=(str(folder),)) for _ in range(3)]
    for opener in openers:
        opener.start()
    for opener in openers:
        opener.join(60)
        assert opener.exitcode == 0
    _assert_split(folder, before)
    with Store.open(folder, read_only=True) as store:
        assert [b.action for b in store.backups() if b.province is None].count(f"schema-2-to-{SCHEMA_VERSION}") == 1


def test_rows_the_split_cannot_place_are_kept_in_the_national_file(one_file: tuple[Path, dict[str, Any]]) -> None:
    folder, before = one_file
    data = read_json(folder / "haicap.json")
    session = next(iter(data["sessions"].values()))
    stray_session = {**session, "id": "deadbeef", "province": None}
    orphan = {**next(iter(data["items"].values())), "id": "0badf00d-01", "session": "0badf00d"}
    data["sessions"]["9001"] = stray_session
    data["items"]["9001"] = orphan
    (folder / "haicap.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with Store.open(folder) as store:
        assert len(store.items()) == sum(1 for r in before["items"].values() if not r.get("deleted"))
        assert any("unplaced" in problem for problem in store.damaged_values())
    national = read_json(folder / "haicap.json")
    kept = {(row["table"], row["doc_id"]): row["row"] for row in national["unplaced"].values()}
    assert kept == {("sessions", "9001"): stray_session, ("items", "9001"): orphan}
    assert "0badf00d-01" not in items_by_id(folder)
