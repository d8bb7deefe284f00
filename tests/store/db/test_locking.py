"""The write lock: a hung holder is reported, a busy store is waited for."""

from __future__ import annotations

import fcntl
import threading
import time
from pathlib import Path

import pytest

from haicap.store import Store, StoreError

REQUEST = "cdb5ed9f-16"


@pytest.fixture
def short_timeouts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("haicap.store.db.locking.LOCK_TIMEOUT", 0.5)
    monkeypatch.setattr("haicap.store.db.locking.BUSY_TIMEOUT", 10.0)


def _hold_lock(folder: Path, seconds: float, writes: int = 0) -> threading.Thread:
    """Another holder of the lock (its own open file, as another process has), writing the
    store file `writes` times while it holds it."""
    ready = threading.Event()

    def hold() -> None:
        with open(folder / "haicap.json.lock", "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            ready.set()
            for number in range(max(writes, 1)):
                time.sleep(seconds / max(writes, 1))
                if writes:
                    store_file = folder / "haicap.json"
                    store_file.write_bytes(store_file.read_bytes() + b" " * (number + 1))
            fcntl.flock(handle, fcntl.LOCK_UN)

    thread = threading.Thread(target=hold)
    thread.start()
    ready.wait(5)
    return thread


def test_a_holder_that_writes_nothing_is_reported_as_hung(seeded_store_path: Path, short_timeouts) -> None:
    holder = _hold_lock(seeded_store_path, 3.0)
    with Store.open(seeded_store_path) as store:
        started = time.monotonic()
        with pytest.raises(StoreError, match="bị giữ 0 giây mà không ghi gì"):
            store.update_tracking(REQUEST, note="x")
        assert time.monotonic() - started < 2.5, "reported after LOCK_TIMEOUT, not after the holder is done"
    holder.join()


def test_a_busy_store_is_waited_for_past_the_hung_timeout(seeded_store_path: Path, short_timeouts) -> None:
    holder = _hold_lock(seeded_store_path, 2.0, writes=8)  # writes every 0.25 s for 2 s
    with Store.open(seeded_store_path) as store:
        store.update_tracking(REQUEST, note="sau")  # waits about 2 s, four times LOCK_TIMEOUT
        assert store.item(REQUEST).tracking.note == "sau"
    holder.join()
