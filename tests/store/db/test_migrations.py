"""Schema versions: an older store is migrated after a backup; a newer one is refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import store_files

from haicap.store import SCHEMA_VERSION, Store, StoreError
from haicap.store.db.migrations import ONE_FILE_SCHEMA

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "schema-1-store.json"
REQUEST = "36bc83c6-16"  # status, then owner + deadline, by "lan" (fixture README)
DIRECTIVE = "36bc83c6-20"  # owner, then done, by "minh"


@pytest.fixture
def schema_1_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copy(FIXTURE, folder / "haicap.json")
    (folder / "haicap.json").chmod(0o660)
    return folder


def _on_disk(folder: Path) -> dict:
    return store_files.tables(folder)


def test_a_schema_1_store_is_migrated_up_after_a_backup(schema_1_folder: Path) -> None:
    original = (schema_1_folder / "haicap.json").read_bytes()
    with Store.open(schema_1_folder) as store:
        [backup] = store.backups()
        assert backup.action == f"schema-1-to-{SCHEMA_VERSION}"
        assert backup.path.read_bytes() == original, "the backup is the store as the older haicap left it"
        assert len(store.items()) == 38
        # Schema 1 kept times to the second: the fixture's two saves of each item, by one
        # user within one second, cannot be told apart and count as one.
        assert store.item(REQUEST).revision == 1
        assert store.item(DIRECTIVE).revision == 1
        assert store.item("36bc83c6-01").revision == 0
        assert [e.revision for e in store.history(REQUEST)] == [1, 1, 1]
        assert store.item(REQUEST).tracking.owner == "Sở Nông nghiệp và Môi trường"
    data = _on_disk(schema_1_folder)
    assert data["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    assert all(row["schema"] == SCHEMA_VERSION for table in ("items", "sessions", "history") for row in data[table].values())


def test_saves_are_counted_from_time_user_and_repeated_fields() -> None:
    from haicap.store.db.migrations import migrate

    def entry(item: str, who: str, when: str, field: str) -> dict:
        return {"schema": 1, "item": item, "who": who, "when": when, "field": field, "old": "", "new": "x"}

    rows = [
        entry("a", "lan", "2025-12-01T08:00:00+00:00", "status"),
        entry("a", "lan", "2025-12-01T08:00:00+00:00", "owner"),  # the same save
        entry("b", "minh", "2025-12-01T08:00:00+00:00", "note"),
        entry("a", "lan", "2025-12-01T08:00:00+00:00", "status"),  # status again: a second save
        entry("a", "minh", "2025-12-01T08:00:00+00:00", "note"),  # another user
        entry("a", "minh", "2025-12-02T08:00:00+00:00", "note"),  # another time
    ]
    data = {
        "meta": {"1": {"schema_version": 1}},
        "items": {"1": {"id": "a", "schema": 1}, "2": {"id": "b", "schema": 1}, "3": {"id": "c", "schema": 1}},
        "history": {str(n): row for n, row in enumerate(rows, start=1)},
    }
    migrated = migrate(data, 1)
    assert [row["revision"] for row in migrated["history"].values()] == [1, 1, 1, 2, 3, 4]
    assert {row["id"]: row["revision"] for row in migrated["items"].values()} == {"a": 4, "b": 1, "c": 0}
    # The last one-file schema: the split into province files comes after (store.db.migrations.split).
    assert migrated["meta"]["1"]["schema_version"] == ONE_FILE_SCHEMA


def test_a_migrated_store_goes_on_counting_and_catches_conflicts(schema_1_folder: Path) -> None:
    from haicap.store import EditConflict

    with Store.open(schema_1_folder) as store:
        seen = store.item(REQUEST).revision
        store.update_tracking(REQUEST, note="sau khi nâng cấp", who="an")
        assert store.item(REQUEST).revision == seen + 1
        with pytest.raises(EditConflict):
            store.update_tracking(REQUEST, note="cũ", expected_revision=seen)


def test_opening_twice_migrates_once(schema_1_folder: Path) -> None:
    Store.open(schema_1_folder).close()
    after_first = (schema_1_folder / "haicap.json").read_bytes()
    with Store.open(schema_1_folder) as store:
        assert len(store.backups()) == 1
    assert (schema_1_folder / "haicap.json").read_bytes() == after_first


def test_a_read_only_viewer_does_not_migrate_and_says_why(schema_1_folder: Path) -> None:
    original = (schema_1_folder / "haicap.json").read_bytes()
    with pytest.raises(StoreError) as refused:
        Store.open(schema_1_folder, read_only=True)
    message = str(refused.value)
    assert f"phiên bản lược đồ 1, haicap này dùng {SCHEMA_VERSION}" in message and "--read-only" in message
    assert (schema_1_folder / "haicap.json").read_bytes() == original
    assert not (schema_1_folder / "backups").exists()


def test_restoring_a_pre_migration_backup_migrates_it_again(schema_1_folder: Path) -> None:
    with Store.open(schema_1_folder) as store:
        store.update_tracking(REQUEST, note="mới")
        oldest = store.backups()[-1]
        assert oldest.action.startswith("schema-1")
        store.restore(oldest)
        assert store.item(REQUEST).tracking.note == ""
        assert _on_disk(schema_1_folder)["meta"]["1"]["schema_version"] == SCHEMA_VERSION


def test_a_backup_from_a_newer_haicap_is_not_restored(schema_1_folder: Path) -> None:
    with Store.open(schema_1_folder) as store:
        store.update_tracking(REQUEST, note="x")
        backup = store.backups()[0]
        data = json.loads(backup.path.read_text(encoding="utf-8"))
        data["meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
        backup.path.unlink()
        backup.path.write_text(json.dumps(data), encoding="utf-8")
        before = (schema_1_folder / "haicap.json").read_bytes()
        with pytest.raises(StoreError, match=f"phiên bản lược đồ {SCHEMA_VERSION + 1}"):
            store.restore(backup)
        assert (schema_1_folder / "haicap.json").read_bytes() == before
