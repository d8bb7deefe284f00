"""Several processes writing one store: every change survives, the file always loads."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path

from haicap.store import Kind, Store

EDITS = 25


def _writer(folder: str, name: str, item_ids: list[str]) -> None:
    """One officer's process: EDITS note changes, each to a value no one else writes."""
    with Store.open(Path(folder)) as store:
        for number in range(EDITS):
            store.update_tracking(item_ids[number % len(item_ids)], note=f"{name} {number}", who=name)


def _tracked_ids(folder: Path) -> list[str]:
    with Store.open(folder) as store:
        store.ensure_seeded()
        return [i.id for i in store.items(kinds=(Kind.REQUEST, Kind.DIRECTIVE))]


def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    ids = _tracked_ids(tmp_path / "s")
    spawn = multiprocessing.get_context("spawn")
    writers = [spawn.Process(target=_writer, args=(str(tmp_path / "s"), f"w{n}", ids[n::3])) for n in range(3)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(60)
        assert writer.exitcode == 0
    with Store.open(tmp_path / "s") as store:
        entries = [e for i in ids for e in store.history(i)]
        assert len(entries) == 3 * EDITS  # a lost update would drop a history entry
        assert {e.who for e in entries} == {"w0", "w1", "w2"}


def test_a_writer_killed_mid_write_leaves_a_loadable_store(tmp_path: Path) -> None:
    ids = _tracked_ids(tmp_path / "s")
    spawn = multiprocessing.get_context("spawn")
    for attempt in range(3):
        writer = spawn.Process(target=_writer, args=(str(tmp_path / "s"), f"k{attempt}", ids))
        writer.start()
        time.sleep(0.6 + 0.2 * attempt)  # somewhere inside its run of writes
        os.kill(writer.pid, signal.SIGKILL)
        writer.join()
    with Store.open(tmp_path / "s") as store:  # loads, and the lock was released by the kernel
        store.update_tracking(ids[0], note="after the kills", who="check")
        assert store.item(ids[0]).tracking.note == "after the kills"


def test_a_new_store_is_group_writable_and_a_world_writable_one_is_refused(tmp_path: Path) -> None:
    import pytest

    from haicap.store import StoreError

    (tmp_path / "s").mkdir(mode=0o2770)  # a group-shared store folder (as `haicap init --shared` makes)
    (tmp_path / "s").chmod(0o2770)  # whatever the umask
    with Store.open(tmp_path / "s") as store:
        store.ensure_seeded()
    store_file = tmp_path / "s" / "haicap.json"
    assert store_file.stat().st_mode & 0o777 == 0o660
    store_file.chmod(0o666)
    before = store_file.read_bytes()
    with pytest.raises(StoreError, match="ai cũng ghi được"):
        Store.open(tmp_path / "s")
    assert store_file.read_bytes() == before


def test_a_read_only_store_refuses_every_change_and_writes_nothing(tmp_path: Path) -> None:
    import pytest

    from haicap.store import StoreError

    with Store.open(tmp_path / "s") as store:
        store.ensure_seeded()
        request = store.items(kinds=(Kind.REQUEST,))[0]
    before = (tmp_path / "s" / "haicap.json").read_bytes()
    with Store.open(tmp_path / "s", read_only=True) as viewer:
        assert viewer.read_only and viewer.item(request.id) == request
        with pytest.raises(StoreError, match="chỉ đọc"):
            viewer.update_tracking(request.id, note="x")
        with pytest.raises(StoreError, match="chỉ đọc"):
            viewer.delete_item(request.id)
    assert (tmp_path / "s" / "haicap.json").read_bytes() == before
    with pytest.raises(StoreError, match="không tạo gì"):
        Store.open(tmp_path / "missing", read_only=True)
    assert not (tmp_path / "missing").exists()


def test_a_store_this_user_cannot_write_opens_read_only(tmp_path: Path, monkeypatch) -> None:
    with Store.open(tmp_path / "s") as store:
        store.ensure_seeded()
    # As another officer without write permission (faked: tests may run as root).
    monkeypatch.setattr("haicap.store.db.database.os.access", lambda path, mode: False)
    with Store.open(tmp_path / "s") as viewer:
        assert viewer.read_only
