"""The inter-process lock of a store folder: one writer at a time across all haicap processes.

Officers share a store on a server, each in their own haicap. The lock is an `flock` on
`haicap.json.lock` (through filelock), so the kernel releases it when a holder dies: a
crashed haicap never leaves the store locked.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from .errors import StoreError
from .storage import STORE_FILE, file_state

__all__ = ["BUSY_TIMEOUT", "LOCK_FILE", "LOCK_TIMEOUT", "WriteLock"]

LOCK_FILE = "haicap.json.lock"
"""The lock file, beside the store file."""

LOCK_TIMEOUT = 15.0
"""Seconds a writer waits for a holder that writes nothing before saying so (a write takes
milliseconds: a holder that long without writing is hung)."""

BUSY_TIMEOUT = 120.0
"""Seconds a writer waits in all while others keep writing (a busy store, not a hung one)."""


class WriteLock:
    """The write lock of one store folder; re-entrant within a thread."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        """The store folder the lock guards."""
        self._lock = FileLock(folder / LOCK_FILE, mode=0o660)

    @contextlib.contextmanager
    def hold(self) -> Iterator[bool]:
        """Hold the lock; yields True for the outermost hold (when the file must be re-read)."""
        outermost = not self._lock.is_locked
        self._acquire()
        try:
            yield outermost
        finally:
            self._lock.release()

    def _acquire(self) -> None:
        """Take the lock; StoreError when its holder is hung or the store stays too busy.

        The lock is not fair: with many writers, one may wait long while the others take
        turns. That is not a hung holder, so the wait goes on as long as the store file
        keeps changing (someone is writing), up to BUSY_TIMEOUT.
        """
        started = time.monotonic()
        while True:
            seen = file_state(self.folder / STORE_FILE)
            try:
                self._lock.acquire(timeout=LOCK_TIMEOUT)
                return
            except Timeout:
                pass
            if file_state(self.folder / STORE_FILE) == seen:
                raise StoreError(
                    f"{self.folder}: the store's lock has been held for {LOCK_TIMEOUT:.0f} s with nothing "
                    "written (a hung haicap process?); try again, or stop that process"
                )
            if time.monotonic() - started >= BUSY_TIMEOUT:
                raise StoreError(
                    f"{self.folder}: could not get the store's lock within {BUSY_TIMEOUT:.0f} s "
                    "(many officers writing at once); try again"
                )
