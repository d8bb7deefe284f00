"""A TinyDB storage that never leaves a half-written file behind.

TinyDB's own JSONStorage rewrites its file in place, so a crash mid-write corrupts it
(tinydb #467). This one writes a new file in a private temporary folder beside the
target, fsyncs it and renames it over the old one, which is atomic on POSIX file systems.

The store folder may be writable by a whole group, so every step goes through file
descriptors and never follows a link (see `store.db.safe_files`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from haicap.store.db.backups import Backup, discard_backup, keep_backup, prune_backups
from haicap.store.db.layout import NATIONAL_FILE
from haicap.store.db.safe_files import folder_fd, open_regular, replace_file, sweep_leftovers
from haicap.store.domain.errors import StoreError
from haicap.store.domain.i18n import _

__all__ = ["STORE_FILE", "AtomicJSONStorage", "file_state", "refuse_world_writable"]

STORE_FILE = NATIONAL_FILE
"""Name of the national TinyDB file inside a store folder (see `store.db.layout`)."""


_TOLERANT_TABLES = frozenset({"items", "sessions", "history"})
"""Tables whose damaged records are left out with a warning rather than refused (see `parse`)."""

_NOT_DEFERRED = object()
"""`_pending` outside `deferred()`; inside, None until the first write, then the data."""


class AtomicJSONStorage(Storage):
    """JSON storage with atomic, durable writes; Vietnamese text is kept readable (UTF-8)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        """The JSON file this storage reads and replaces."""
        self.pending_backup: tuple[str, int] | None = None
        """(action, how many backups to keep): set by the store for one change, so that the
        change's first write keeps the file as it was (see `store.db.backups`)."""
        self._cache: tuple[tuple[int, int, int], dict[str, dict[str, Any]]] | None = None
        self._pending: Any = _NOT_DEFERRED

    def read(self) -> dict[str, dict[str, Any]] | None:
        """Return the whole database, or None for a file that does not exist yet or is empty.

        Inside `deferred()`, what was written there and not yet to the file.

        TinyDB reads the whole file for every table access; the parsed content is kept
        and handed out again as long as the file is the one it was read from (same inode,
        size and time: every write replaces the file, so its content never changes in
        place). Reading a setting from a 100 MB store then costs a stat, not a parse.
        """
        if self._pending is not _NOT_DEFERRED and self._pending is not None:
            pending: dict[str, dict[str, Any]] = self._pending
            return pending
        try:
            # Never through a link: a colleague could point the store's name at a file of yours.
            descriptor = open_regular(None, self.path, os.O_RDONLY, shown=self.path)
        except FileNotFoundError:
            self._cache = None
            return None
        with open(descriptor, "rb") as handle:
            info = os.fstat(descriptor)
            state = (info.st_mtime_ns, info.st_size, info.st_ino)
            if self._cache is not None and self._cache[0] == state:
                return self._cache[1]
            raw = handle.read()
        data = self.parse(raw, self.path)
        self._cache = (state, data) if data is not None else None
        return data

    def forget(self) -> None:
        """Drop the parsed content kept by `read`: after a change that failed half-way, the
        kept dictionaries may hold edits that never reached the file."""
        self._cache = None

    @staticmethod
    def parse(raw: bytes, path: Path) -> dict[str, dict[str, Any]] | None:
        """The tables in the bytes of a store file (None when empty); StoreError naming `path` when damaged."""
        if not raw.strip():
            return None
        try:
            # orjson: the same data as json.loads, three times faster (a province of 16,000
            # items is 6 MB); it refuses what is not UTF-8 JSON, as a store file never is.
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            raise StoreError(_("{path}: store file is damaged ({why})").format(path=path, why=error)) from error
        # TinyDB expects {table: {id: document}}; anything else is not a haicap store.
        if not isinstance(data, dict) or not all(isinstance(table, dict) for table in data.values()):
            raise StoreError(_("{path}: store file is damaged (not a table of tables)").format(path=path))
        # A record that is not an object (null, a number, text: a hand edit gone wrong) would
        # fail deep in the code that reads it; say which one, once, here. Items, sessions and
        # history are the exception: the store opens without the damaged record and every
        # command says what to fix (store.checkup), so one bad row does not lock every officer
        # out of a shared store.
        for name, table in data.items():
            if name in _TOLERANT_TABLES:
                continue
            for key, row in table.items():
                if not isinstance(row, dict):
                    raise StoreError(
                        _(
                            "{path}: store file is damaged (record {record} of table '{table}' is {type}, not an object); "
                            "fix the file, or copy one of its backups (in backups/) over it"
                        ).format(path=path, record=key, table=name, type="null" if row is None else type(row).__name__)
                    )
        return data

    # -- one change, one write -----------------------------------------------------------
    # TinyDB writes the whole file for each table operation; a change of one item (its
    # record, then its history) would write it twice. Inside `deferred()`, writes are kept
    # in memory and the file is written once at the end, or not at all if the change fails
    # half-way: the change is then all-or-nothing on disk too.

    @contextlib.contextmanager
    def deferred(self) -> Iterator[None]:
        """Write the file once, when the block ends without an error; not at all otherwise."""
        if self._pending is not _NOT_DEFERRED:
            yield  # already inside one: the outermost block writes
            return
        self._pending = None
        try:
            yield
        except BaseException:
            self._cache = None  # the kept content may hold the change that failed
            raise
        else:
            if self._pending is not None:
                self._write_file(self._pending)
        finally:
            self._pending = _NOT_DEFERRED

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Write `data` (TinyDB's whole database) to the file, or keep it for the end of `deferred()`."""
        if self._pending is not _NOT_DEFERRED:
            self._pending = data
            return
        self._write_file(data)

    def _write_file(self, data: dict[str, dict[str, Any]]) -> None:
        """Write `data` to a temporary file, flush it to disk, then rename it over the store file."""
        # orjson: the same bytes as json.dumps(ensure_ascii=False, compact), four times faster.
        payload = orjson.dumps(data)
        kept: Backup | None = None
        keep: int | None = None
        try:
            if self.pending_backup is not None:
                action, keep = self.pending_backup
                self.pending_backup = None  # one backup per change, however many writes it takes
                # Pruned only once the write has succeeded (below): a failed change's backup
                # must never push out a real one.
                kept = keep_backup(self.path, action, keep, prune=False)
            with folder_fd(self.path.parent) as folder:
                written = replace_file(folder, self.path.name, payload, shown=self.path)
        except BaseException as error:
            self._cache = None
            if kept is not None:
                with contextlib.suppress(OSError):
                    discard_backup(kept)
            if isinstance(error, OSError) and not isinstance(error, FileNotFoundError):
                raise _write_failure(self.path, error) from error
            raise
        if keep is not None:
            with contextlib.suppress(OSError):  # the change is written; pruning can wait for the next
                prune_backups(self.path, keep)
        # What was just written is what the file holds: the next read need not parse it.
        self._cache = ((written.st_mtime_ns, written.st_size, written.st_ino), data)

    def close(self) -> None:
        """Nothing to release: every write already reached the disk."""

    def sweep_temp_files(self) -> int:
        """Delete the temporary folders (and files) that writers killed before their rename
        left behind; return how many. Call it only under the store's write lock, when no write can be under way."""
        with folder_fd(self.path.parent) as folder:
            return sweep_leftovers(folder, self.path.name)


_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _write_failure(path: Path, error: OSError) -> StoreError:
    """The one line for a write the system refused; the store file is as it was (the new
    content goes to a temporary file that is renamed over it only once fully written)."""
    if error.errno in _DISK_FULL:
        return StoreError(_("{path}: disk full; nothing was written").format(path=path))
    return StoreError(_("{path}: cannot write ({why}); nothing was written").format(path=path, why=error.strerror or error))


def file_state(path: Path) -> tuple[int, int, int] | None:
    """What changes when a file is rewritten (mtime, size, inode: `os.replace` brings a new
    inode), or None when it does not exist; comparing two tells whether someone wrote it."""
    try:
        info = os.lstat(path)  # a link's own state: never looked through
    except FileNotFoundError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


def refuse_world_writable(path: Path) -> None:
    """Raise StoreError when anyone on the machine may write the store file at `path`."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISREG(mode) and mode & 0o002:
        raise StoreError(
            _(
                "{path}: the store is world-writable, so anyone on this machine could change it; "
                "refusing to open it (fix: chmod o-w {path})"
            ).format(path=path)
        )
