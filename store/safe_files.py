"""File operations inside a store folder that never follow a link a colleague planted.

On a shared server the store folder is writable by a whole group, so any member may
rename, delete or replace any name in it at any moment: a temporary file can become a
symbolic link to one of your private files between two calls. Everything here therefore
works through file descriptors: the folder is opened once (`O_NOFOLLOW | O_DIRECTORY`),
names are resolved relative to it (`dir_fd=`), files are opened with `O_NOFOLLOW`, modes
and groups are set on the open descriptor (`fchmod`, `fchown`), and a name is checked to
still be the file that was written before it is renamed. A store file, lock or folder that
is a symbolic link, a folder where a file belongs, a FIFO, a socket or a device is refused
with one line naming it, and never followed.

Modes: new files follow the process's umask (never writable by others: the store refuses
a world-writable file), except in a group-shared folder (one with the setgid bit, as
`haicap init --shared` makes), where they get the group read/write the folder gives.

These helpers are meant for every file of a store: the store file (`store.storage`), its
lock (`store.locking`) and its backups.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import StoreError

__all__ = [
    "kind_of",
    "open_folder",
    "folder_fd",
    "refuse_unsafe",
    "open_regular",
    "lstat_in",
    "is_shared_folder",
    "new_file_mode",
    "replace_file",
    "fsync_folder",
    "unlink_in",
    "BEFORE_RENAME",
]

_NOFOLLOW_FLAGS = os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK
"""Every open here: never through a final symbolic link, never inherited by a child, and
never blocking (a FIFO planted under a store name must be refused, not waited on)."""


def kind_of(mode: int) -> str:
    """What a non-regular file is, for a message: "a symbolic link", "a folder"..."""
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a regular file" if stat.S_ISREG(mode) else "not a regular file"


def _refusal(path: Path | str, mode: int, expected: str = "a regular file") -> StoreError:
    if stat.S_ISLNK(mode):
        return StoreError(f"{path}: is a symbolic link; refusing to follow it (give the real path)")
    return StoreError(f"{path}: is {kind_of(mode)}, not {expected}; refusing to use it")


def refuse_unsafe(path: Path, *, folder: bool = False) -> None:
    """Raise StoreError when `path` exists and is not a regular file (or, with `folder`, not a
    real folder): a symbolic link, a FIFO... A missing path passes (it will be created)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    if folder and not stat.S_ISDIR(info.st_mode):
        if stat.S_ISREG(info.st_mode):
            raise StoreError(f"{path}: is a file; a haicap store is a folder (give a folder path)")
        raise _refusal(path, info.st_mode, "a folder")
    if not folder and not stat.S_ISREG(info.st_mode):
        raise _refusal(path, info.st_mode)


def open_folder(path: Path) -> int:
    """Open the folder `path` for `dir_fd=` operations; StoreError when it is a symbolic link,
    not a folder, or cannot be opened. The caller closes the descriptor."""
    try:
        return os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.ENOTDIR):
            try:
                mode = os.lstat(path).st_mode
            except OSError:
                mode = stat.S_IFLNK if error.errno == errno.ELOOP else 0
            raise _refusal(path, mode, "a folder") from None
        raise StoreError(f"{path}: cannot open the store folder ({error.strerror or error})") from None


@contextlib.contextmanager
def folder_fd(path: Path) -> Iterator[int]:
    """`open_folder(path)` as a context: the descriptor is closed when the block ends."""
    descriptor = open_folder(path)
    try:
        yield descriptor
    finally:
        os.close(descriptor)


def open_regular(dir_fd: int | None, name: str | Path, flags: int, *, shown: Path, mode: int = 0o666) -> int:
    """Open `name` (relative to `dir_fd`) without following a final symbolic link, and check
    that what was opened is a regular file; StoreError naming `shown` otherwise.

    FileNotFoundError and FileExistsError pass through, for callers that expect them."""
    try:
        descriptor = os.open(name, flags | _NOFOLLOW_FLAGS, mode, dir_fd=dir_fd)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _refusal(shown, stat.S_IFLNK) from None
        if error.errno in (errno.ENXIO, errno.EISDIR):  # a FIFO without reader / a folder, opened for writing
            try:
                found = os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode
            except OSError:
                found = stat.S_IFIFO if error.errno == errno.ENXIO else stat.S_IFDIR
            raise _refusal(shown, found) from None
        raise
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        raise _refusal(shown, info.st_mode)
    return descriptor


def lstat_in(dir_fd: int, name: str) -> os.stat_result | None:
    """`name`'s own status in the folder (a link is not followed), or None when missing."""
    try:
        return os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    except FileNotFoundError:
        return None


def is_shared_folder(info: os.stat_result) -> bool:
    """Whether a folder is group-shared: its setgid bit makes new files take its group."""
    return stat.S_ISDIR(info.st_mode) and bool(info.st_mode & stat.S_ISGID)


def new_file_mode(folder_info: os.stat_result, created_mode: int) -> int:
    """The mode a new file in the folder should have, given the mode the kernel created it
    with (0o666 less the umask).

    In a group-shared folder: owner read/write plus the group read/write the folder
    allows (0660 in a 2770 folder), whatever the umask; nothing for others. Elsewhere: what
    the umask gave, never writable by others (a world-writable store is refused)."""
    if is_shared_folder(folder_info):
        return 0o600 | (folder_info.st_mode & 0o060)
    return created_mode & 0o777 & ~0o002


BEFORE_RENAME: Callable[[int, str], None] | None = None
"""A hook for tests: called with (folder fd, temporary name) after the temporary file is
written and synced, just before it is checked and renamed; a test replays the race of a
colleague swapping the file there."""


def replace_file(dir_fd: int, name: str, payload: bytes, *, shown: Path) -> os.stat_result:
    """Replace `name` in the folder by a new file holding `payload`, atomically and durably;
    return the status of the new file.

    The temporary file has a random name, is created exclusively and never through a link,
    gets its mode and group on the descriptor (those of the file it replaces, else
    `new_file_mode`), is synced, checked to still be under its name, renamed, and the
    folder is synced. A store file that is not a regular file, or a temporary file
    swapped by someone else, is refused with StoreError and nothing replaced.
    """
    old = lstat_in(dir_fd, name)
    if old is not None and not stat.S_ISREG(old.st_mode):
        raise _refusal(shown, old.st_mode)
    folder_info = os.fstat(dir_fd)
    while True:
        temp_name = f".{name}.{secrets.token_hex(8)}.tmp"
        try:
            descriptor = open_regular(
                dir_fd, temp_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, shown=shown.parent / temp_name
            )
            break
        except FileExistsError:
            continue  # someone holds that name (planted it?): draw another one
    try:
        info = os.fstat(descriptor)
        if old is not None:
            # Keep the mode and group the store already had, so a store shared through a
            # group stays shared after every write (and a private one stays private).
            wanted = old.st_mode & 0o777
            if info.st_gid != old.st_gid:
                with contextlib.suppress(PermissionError):  # not a member of its group: keep ours
                    os.fchown(descriptor, -1, old.st_gid)
        else:
            wanted = new_file_mode(folder_info, info.st_mode)
        os.fchmod(descriptor, wanted)
        view = memoryview(payload)
        while view:
            view = view[os.write(descriptor, view) :]
        os.fsync(descriptor)
        if BEFORE_RENAME is not None:
            BEFORE_RENAME(dir_fd, temp_name)
        written = os.fstat(descriptor)
        _check_same(dir_fd, temp_name, written, shown.parent / temp_name, "temporary file")
        os.replace(temp_name, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
    except BaseException:
        unlink_in(dir_fd, temp_name)  # ours or a planted link: removed, never followed
        raise
    finally:
        os.close(descriptor)
    fsync_folder(dir_fd)
    # Swapped between the check and the rename (a window of microseconds)? Then what now
    # holds the store's name is not what was written: say so; opening it will refuse a link.
    _check_same(dir_fd, name, written, shown, "store file")
    return written


def _check_same(dir_fd: int, name: str, written: os.stat_result, shown: Path, what: str) -> None:
    found = lstat_in(dir_fd, name)
    if found is None or (found.st_dev, found.st_ino) != (written.st_dev, written.st_ino):
        found_kind = "removed" if found is None else f"replaced by {kind_of(found.st_mode)}"
        raise StoreError(
            f"{shown}: the {what} was {found_kind} by someone else during the write; "
            "nothing was followed; check who can write the store folder"
        )


def fsync_folder(dir_fd: int) -> None:
    """Flush the folder's entries (a rename, a link) to disk."""
    with contextlib.suppress(OSError):  # some file systems cannot sync a folder; the rename stands
        os.fsync(dir_fd)


def unlink_in(dir_fd: int, name: str) -> bool:
    """Remove the entry `name` from the folder (a link itself, never what it points to);
    return whether there was one."""
    try:
        os.unlink(name, dir_fd=dir_fd)
    except FileNotFoundError:
        return False
    return True
