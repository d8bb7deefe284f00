"""The inter-process lock of a store folder: one writer at a time across all haicap processes.

Officers share a store on a server, each in their own haicap. The lock is an `flock` on
`haicap.json.lock`, so the kernel releases it when a holder dies: a crashed haicap never
leaves the store locked. The lock file is opened relative to the store folder and never
through a symbolic link (a colleague could plant one pointing at a file of yours): a
lock that is a link, a folder or a FIFO is refused with one line.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from haicap.store.db.safe_files import folder_fd, new_file_mode, open_regular
from haicap.store.db.storage import STORE_FILE, file_state
from haicap.store.domain.errors import StoreError
from haicap.store.domain.i18n import _

__all__ = ["BUSY_TIMEOUT", "LOCK_FILE", "LOCK_TIMEOUT", "WriteLock"]

LOCK_FILE = "haicap.json.lock"
"""The lock file, beside the store file."""

LOCK_TIMEOUT = 15.0
"""Seconds a writer waits for a holder that writes nothing before saying so (a write takes
milliseconds: a holder that long without writing is hung)."""

BUSY_TIMEOUT = 120.0
"""Seconds a writer waits in all while others keep writing (a busy store, not a hung one)."""

_POLL_FIRST, _POLL_MOST = 0.002, 0.05
"""Seconds between two tries for a held lock: short at first (writes take milliseconds),
longer while the wait goes on."""


class _Held(threading.local):
    """What one thread holds of one lock: its descriptor and how deep it is re-entered."""

    descriptor: int | None = None
    depth: int = 0


class WriteLock:
    """The write lock of one store folder; re-entrant within a thread.

    Each thread has its own open lock file, so two threads of one process exclude each
    other as two processes do."""

    def __init__(self, folder: Path, file: str = STORE_FILE) -> None:
        self.folder = folder
        """The store folder the lock guards."""
        self.file = file
        """The store file the lock guards (`haicap.json`, or a province's file)."""
        self.lock_name = f"{file}.lock"
        """The lock file's name in the folder."""
        self._held = _Held()

    @property
    def is_locked(self) -> bool:
        """Whether this thread holds the lock."""
        return self._held.depth > 0

    @contextlib.contextmanager
    def hold(self) -> Iterator[bool]:
        """Hold the lock; yields True for the outermost hold (when the file must be re-read)."""
        held = self._held
        outermost = held.depth == 0
        if outermost:
            held.descriptor = self._acquire()
        held.depth += 1
        try:
            yield outermost
        finally:
            held.depth -= 1
            if held.depth == 0 and held.descriptor is not None:
                descriptor, held.descriptor = held.descriptor, None
                os.close(descriptor)  # closing the file releases the flock

    def _open(self) -> int:
        """The lock file, opened (created when missing) in the folder, never through a link."""
        shown = self.folder / self.lock_name
        with folder_fd(self.folder) as folder:
            try:
                descriptor = open_regular(folder, self.lock_name, os.O_RDWR | os.O_CREAT | os.O_EXCL, shown=shown)
            except FileExistsError:
                try:
                    descriptor = open_regular(folder, self.lock_name, os.O_RDWR, shown=shown)
                except PermissionError:
                    # flock needs no write permission: a lock file a colleague created
                    # without group write still locks.
                    descriptor = open_regular(folder, self.lock_name, os.O_RDONLY, shown=shown)
            else:
                # New: its mode follows the umask, or the group of a shared folder.
                os.fchmod(descriptor, new_file_mode(os.fstat(folder), os.fstat(descriptor).st_mode))
        return descriptor

    def _still_named(self, descriptor: int) -> bool:
        """Whether the lock file's name still points at the file this descriptor holds."""
        try:
            named = os.lstat(self.folder / self.lock_name)
        except FileNotFoundError:
            return False
        held = os.fstat(descriptor)
        return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)

    def _try_lock(self, descriptor: int, seconds: float) -> bool:
        """Try to take the flock for up to `seconds`; whether it was taken."""
        deadline = time.monotonic() + seconds
        pause = _POLL_FIRST
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except OSError as error:
                if error.errno not in (errno.EWOULDBLOCK, errno.EAGAIN):
                    raise StoreError(
                        _("{lock}: cannot lock the store ({why})").format(
                            lock=self.folder / self.lock_name, why=error.strerror or error
                        )
                    ) from None
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            time.sleep(min(pause, left))
            pause = min(pause * 2, _POLL_MOST)

    def _acquire(self) -> int:
        """Take the lock and return its descriptor; StoreError when its holder is hung or the
        store stays too busy.

        The lock is not fair: with many writers, one may wait long while the others take
        turns. That is not a hung holder, so the wait goes on as long as the store file
        keeps changing (someone is writing), up to BUSY_TIMEOUT.
        """
        descriptor = self._open_or_fail()
        try:
            started = time.monotonic()
            while True:
                seen = file_state(self.folder / self.file)
                if self._try_lock(descriptor, LOCK_TIMEOUT):
                    if self._still_named(descriptor):
                        return descriptor
                    # The lock file was deleted or replaced while we waited (haicap never
                    # does that): a lock on the old file excludes no one; take the new one.
                    os.close(descriptor)
                    descriptor = -1
                    descriptor = self._open_or_fail()
                    continue
                if file_state(self.folder / self.file) == seen:
                    raise StoreError(
                        _(
                            "{folder}: the store's lock has been held for {seconds} s with nothing written "
                            "(a hung haicap process?); try again, or stop that process"
                        ).format(folder=self.folder, seconds=f"{LOCK_TIMEOUT:.0f}")
                    )
                if time.monotonic() - started >= BUSY_TIMEOUT:
                    raise StoreError(
                        _(
                            "{folder}: could not get the store's lock within {seconds} s (many officers writing at once); try again"
                        ).format(folder=self.folder, seconds=f"{BUSY_TIMEOUT:.0f}")
                    )
        except BaseException:
            if descriptor >= 0:
                os.close(descriptor)
            raise

    def _open_or_fail(self) -> int:
        try:
            return self._open()
        except OSError as error:
            raise StoreError(
                _("{lock}: cannot open the store's lock ({why})").format(
                    lock=self.folder / self.lock_name, why=error.strerror or error
                )
            ) from None
