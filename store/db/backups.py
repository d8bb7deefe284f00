"""Rotating backups of a store file: the previous versions, so a bad import can be undone.

Before the first write of each change, the store file as it was is kept in the store's
`backups/` folder. Every write replaces the store file with a new one (see
`store.db.storage`), so the old file can simply be hard-linked there: keeping a backup costs
no copy, however big the store. The newest `keep` backups stay (5 by default, `haicap
config --backups N`, never fewer than 1); older ones are deleted.

Backup names sort by time and say what change followed them:
`haicap.json.20251215T091430123456Z.import`.

The folder is shared with the whole group of a shared store, so anyone in it may put
files there. Only files haicap wrote count as backups: the right name, a regular file
(never a symlink, a folder or a FIFO, which are never followed or opened), a time not in
the future, and the content of a haicap store file (JSON whose `meta` table carries a
schema version: every store file haicap writes has it). Anything else is never listed,
never counted, never deleted. Every operation goes through file descriptors of the store
folder and of `backups/` (which must be a real folder, not a symlink).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from haicap.store.db.layout import province_of_file
from haicap.store.domain.errors import StoreError
from haicap.store.domain.i18n import _

__all__ = [
    "BACKUP_DIR",
    "DEFAULT_KEEP",
    "MIN_KEEP",
    "Backup",
    "discard_backup",
    "keep_backup",
    "list_backups",
    "looks_like_store",
    "prune_backups",
]

BACKUP_DIR = "backups"
"""Folder of backups, inside the store folder."""

DEFAULT_KEEP = 5
"""How many backups a store keeps unless configured otherwise."""

MIN_KEEP = 1
"""The fewest backups a store keeps: the state a change (a restore, say) replaced is never lost."""

_NAME = re.compile(r"^(?P<store>.+)\.(?P<stamp>\d{8}T\d{12}Z)\.(?P<action>[a-z0-9-]+)$")

_CLOCK_SKEW = dt.timedelta(minutes=5)
"""A backup stamped later than now by more than this was not kept by haicap (a planted
file named in the future would otherwise sort first and push real backups out)."""

_HEAD = 64 * 1024
"""Bytes read from the start of a file to find its `meta` table (written first by haicap)."""

_FULL_CHECK_LIMIT = 64 * 1024 * 1024
"""A file whose `meta` table is not at its start is parsed whole only up to this size."""

_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
"""Open a file without following a symlink and without blocking on a FIFO put in its place."""

_verdicts: dict[tuple[int, int, int, int], bool] = {}
"""Whether a file (device, inode, size, mtime) holds a store: a backup never changes, so a
long-running dashboard checks each one once."""


@dataclass(frozen=True)
class Backup:
    """One kept version of the store file."""

    path: Path
    taken: dt.datetime
    """When it was kept (UTC): the moment before the change named by `action`."""
    action: str
    """The change that followed: "import", "set-status", "restore", "schema-1-to-2"..."""

    @property
    def province(self) -> str | None:
        """The code of the province whose file this is a backup of; None for the national file."""
        return province_of_file(self.path.name.split(".json.", 1)[0] + ".json")

    @property
    def size(self) -> int:
        """Size of the kept file in bytes (0 when it has gone)."""
        try:
            return os.stat(self.path, follow_symlinks=False).st_size
        except OSError:
            return 0

    def read_bytes(self) -> bytes:
        """The kept file's bytes, never through a symlink or from a FIFO; StoreError otherwise."""
        try:
            with _folder(self.path.parent.parent) as store_fd, _backups_fd(store_fd, self.path.parent.parent) as fd:
                if fd is None:
                    raise FileNotFoundError(self.path)
                with _open_regular(self.path.name, fd) as handle:
                    if handle is None:
                        raise StoreError(
                            _("{path}: not a backup haicap kept (not a regular file); refusing it").format(path=self.path)
                        )
                    return _read_all(handle)
        except OSError as error:
            raise StoreError(
                _("{path}: cannot read the backup ({why})").format(path=self.path, why=error.strerror or error)
            ) from None

    def counts(self) -> tuple[int, int]:
        """(sessions, items) in this backup; StoreError when it cannot be read."""
        raw = self.read_bytes()
        try:
            data = json.loads(raw.decode("utf-8"))
            return len(data.get("sessions", {})), len(data.get("items", {}))
        except (UnicodeDecodeError, json.JSONDecodeError, AttributeError) as error:
            raise StoreError(_("{path}: backup cannot be read ({why})").format(path=self.path, why=error)) from None


# -- the folders, through file descriptors ---------------------------------------------------


@contextlib.contextmanager
def _folder(path: Path) -> Iterator[int]:
    """A descriptor of the store folder (the path an officer gave: it may be a symlink)."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
    try:
        yield fd
    finally:
        os.close(fd)


@contextlib.contextmanager
def _backups_fd(store_fd: int, store_folder: Path, *, create_mode: int | None = None) -> Iterator[int | None]:
    """A descriptor of `backups/` in the store folder; None when it does not exist (and
    `create_mode` is None). A `backups` that is a symlink or not a folder is a StoreError."""
    where = store_folder / BACKUP_DIR
    try:
        info = os.stat(BACKUP_DIR, dir_fd=store_fd, follow_symlinks=False)
    except FileNotFoundError:
        if create_mode is None:
            yield None
            return
        with contextlib.suppress(FileExistsError):  # another officer's haicap made it just now
            os.mkdir(BACKUP_DIR, 0o700, dir_fd=store_fd)
        info = os.stat(BACKUP_DIR, dir_fd=store_fd, follow_symlinks=False)
    else:
        create_mode = None
    if not stat.S_ISDIR(info.st_mode):
        if stat.S_ISLNK(info.st_mode):
            message = _("{path}: is a symlink; haicap keeps backups only in a real folder (remove it, or move it away)")
        else:
            message = _("{path}: is not a folder; haicap keeps backups only in a real folder (remove it, or move it away)")
        raise StoreError(message.format(path=where))
    try:
        fd = os.open(BACKUP_DIR, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0), dir_fd=store_fd)
    except OSError as error:  # swapped for a symlink or a file since the look above, or not ours to read
        raise StoreError(
            _("{path}: cannot open the backups folder ({why}); refusing it").format(path=where, why=error.strerror or error)
        ) from None
    try:
        if create_mode is not None and os.fstat(fd).st_uid == os.getuid():
            os.fchmod(fd, create_mode)
        yield fd
    finally:
        os.close(fd)


@contextlib.contextmanager
def _open_regular(name: str, dir_fd: int) -> Iterator[int | None]:
    """An open descriptor of the regular file `name` in `dir_fd`, or None for anything else
    (a symlink is not followed, a FIFO not waited on, a folder not read)."""
    try:
        info = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    except FileNotFoundError:
        yield None
        return
    if not stat.S_ISREG(info.st_mode):
        yield None
        return
    try:
        fd = os.open(name, _OPEN_FLAGS, dir_fd=dir_fd)
    except OSError:  # swapped for a symlink since (ELOOP), or gone
        yield None
        return
    try:
        yield fd if stat.S_ISREG(os.fstat(fd).st_mode) else None
    finally:
        os.close(fd)


def _read_all(fd: int, limit: int | None = None) -> bytes:
    chunks = []
    total = 0
    while limit is None or total < limit:
        chunk = os.read(fd, 1 << 20 if limit is None else min(1 << 20, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


# -- what is a backup ------------------------------------------------------------------------


def looks_like_store(data: Any) -> bool:
    """Whether parsed JSON is a haicap store file: a table of tables whose `meta` row 1 holds
    a schema version (every store file haicap writes has it)."""
    if not isinstance(data, dict) or not all(isinstance(table, dict) for table in data.values()):
        return False
    return _has_schema(data.get("meta"))


def _has_schema(meta: Any) -> bool:
    row = meta.get("1") if isinstance(meta, dict) else None
    version = row.get("schema_version") if isinstance(row, dict) else None
    return isinstance(version, int) and not isinstance(version, bool) and version >= 1


def _holds_store(fd: int) -> bool:
    """Whether the open regular file holds a haicap store (see the module docstring)."""
    info = os.fstat(fd)
    key = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
    if key in _verdicts:
        return _verdicts[key]
    verdict = _check_content(fd, info.st_size)
    _verdicts[key] = verdict
    return verdict


def _check_content(fd: int, size: int) -> bool:
    if size < len(b'{"meta":{}}'):
        return False
    head = os.pread(fd, min(size, _HEAD), 0)
    tail = os.pread(fd, 16, max(size - 16, 0))
    if not head.startswith(b"{") or not tail.rstrip().endswith(b"}"):
        return False
    # haicap writes the meta table first (it is the first thing a new store records), so
    # the marker is found without parsing a store of 100 MB.
    if head.startswith(b'{"meta":'):
        text = head.decode("utf-8", errors="replace")
        try:
            meta, end = json.JSONDecoder().raw_decode(text, len('{"meta":'))
        except json.JSONDecodeError:
            meta, end = None, 0
        if _has_schema(meta) and text[end : end + 1] in (",", "}"):
            return True
    if size > _FULL_CHECK_LIMIT:
        return False
    os.lseek(fd, 0, os.SEEK_SET)
    try:
        return looks_like_store(json.loads(_read_all(fd).decode("utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False


def _candidates(store_file: Path, backups_fd: int, *, latest: dt.datetime) -> list[Backup]:
    """The backups of `store_file` in the open `backups/`, newest first (see the module docstring)."""
    found = []
    for name in os.listdir(backups_fd):
        match = _NAME.match(name)
        if match is None or match["store"] != store_file.name:
            continue  # not ours (an officer's own copy, say): leave it alone
        try:
            taken = dt.datetime.strptime(match["stamp"], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=dt.UTC)
        except ValueError:
            continue
        if taken > latest:
            continue
        with _open_regular(name, backups_fd) as fd:
            if fd is None or not _holds_store(fd):
                continue
        found.append(Backup(store_file.parent / BACKUP_DIR / name, taken, match["action"]))
    return sorted(found, key=lambda b: b.path.name, reverse=True)


def list_backups(store_file: Path) -> list[Backup]:
    """The backups of `store_file` that haicap kept, newest first."""
    try:
        with _folder(store_file.parent) as store_fd, _backups_fd(store_fd, store_file.parent) as fd:
            if fd is None:
                return []
            return _candidates(store_file, fd, latest=dt.datetime.now(dt.UTC) + _CLOCK_SKEW)
    except FileNotFoundError:
        return []


def keep_backup(store_file: Path, action: str, keep: int, *, prune: bool = True) -> Backup | None:
    """Keep the current `store_file` as the newest backup, then delete all but `keep` (at least 1).

    Call it under the store's write lock, before the file is replaced. Nothing is kept when
    the store file does not exist yet. A store file that is not a regular file is refused.
    With `prune=False` nothing is deleted: the writer prunes once its write has succeeded
    (`prune_backups`), so a change that fails (a full disk) never pushes out a real backup.
    """
    keep = max(keep, MIN_KEEP)
    with _folder(store_file.parent) as store_fd:
        try:
            info = os.stat(store_file.name, dir_fd=store_fd, follow_symlinks=False)
        except FileNotFoundError:
            return None
        if not stat.S_ISREG(info.st_mode):
            raise StoreError(_("{path}: is not a regular file (a symlink?); refusing to use it").format(path=store_file))
        # Shared as the store folder is (its group, setgid bit), never wider than the group:
        # an officer restoring must read backups that a colleague's haicap kept.
        mode = os.fstat(store_fd).st_mode & 0o2770 | 0o700
        with _backups_fd(store_fd, store_file.parent, create_mode=mode) as backups_fd:
            assert backups_fd is not None
            now = dt.datetime.now(dt.UTC)
            stamp = now.strftime("%Y%m%dT%H%M%S%fZ")
            slug = re.sub(r"[^a-z0-9-]+", "-", action.lower()).strip("-") or "change"
            name = f"{store_file.name}.{stamp}.{slug}"
            try:
                os.link(store_file.name, name, src_dir_fd=store_fd, dst_dir_fd=backups_fd, follow_symlinks=False)
            except FileExistsError:
                return None  # two backups within one microsecond: the first one already holds this version
            except OSError:
                # File systems without hard links (some network mounts): copy instead.
                _copy(store_file.name, store_fd, name, backups_fd, info.st_mode & 0o777)
            os.fsync(backups_fd)  # the new name is on disk before the store file is replaced
            if prune:
                _prune(store_file, backups_fd, keep, spare=name, latest=now)
    return Backup(store_file.parent / BACKUP_DIR / name, now, slug)


def discard_backup(backup: Backup) -> None:
    """Delete `backup`, just kept for a change whose write then failed: the store file still
    holds what it holds, so this backup is no state worth keeping (and must not count
    against the real ones)."""
    store_folder = backup.path.parent.parent
    with contextlib.suppress(FileNotFoundError), _folder(store_folder) as store_fd, _backups_fd(store_fd, store_folder) as fd:
        if fd is not None:
            os.unlink(backup.path.name, dir_fd=fd)


def _copy(source: str, source_dir: int, target: str, target_dir: int, mode: int) -> None:
    with _open_regular(source, source_dir) as src:
        if src is None:
            raise StoreError(_("{path}: is not a regular file; refusing to back it up").format(path=source))
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
        dst = os.open(target, flags, mode, dir_fd=target_dir)
        try:
            os.fchmod(dst, mode)
            while chunk := os.read(src, 1 << 20):
                os.write(dst, chunk)
            os.fsync(dst)
        finally:
            os.close(dst)


def prune_backups(store_file: Path, keep: int) -> None:
    """Delete all but the newest `keep` (at least 1) backups haicap kept of `store_file`."""
    try:
        with _folder(store_file.parent) as store_fd, _backups_fd(store_fd, store_file.parent) as fd:
            if fd is not None:
                _prune(store_file, fd, max(keep, MIN_KEEP), spare=None, latest=dt.datetime.now(dt.UTC) + _CLOCK_SKEW)
    except FileNotFoundError:
        return


def _prune(store_file: Path, backups_fd: int, keep: int, *, spare: str | None, latest: dt.datetime) -> None:
    """Delete the backups beyond the newest `keep`, never `spare` (the one just kept)."""
    old = [b for b in _candidates(store_file, backups_fd, latest=latest) if b.path.name != spare]
    for backup in old[keep - (spare is not None) :]:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(backup.path.name, dir_fd=backups_fd)
