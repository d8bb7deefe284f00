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

These helpers are meant for every file of a store: the store file (`store.db.storage`), its
lock (`store.db.locking`) and its backups.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path

from haicap.store.domain.errors import StoreError
from haicap.store.domain.i18n import N_, _

__all__ = [
    "folder_fd",
    "fsync_folder",
    "is_shared_folder",
    "kind_of",
    "lstat_in",
    "new_file_mode",
    "open_folder",
    "open_regular",
    "refuse_unsafe",
    "replace_file",
    "sweep_leftovers",
    "unlink_in",
]

_NOFOLLOW_FLAGS = os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK
"""Every open here: never through a final symbolic link, never inherited by a child, and
never blocking (a FIFO planted under a store name must be refused, not waited on)."""


def kind_of(mode: int) -> str:
    """What a non-regular file is, for a message: "a symbolic link", "a folder"..."""
    if stat.S_ISLNK(mode):
        return _("a symbolic link")
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISFIFO(mode):
        return _("a FIFO (named pipe)")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    return _("a regular file") if stat.S_ISREG(mode) else _("not a regular file")


def _refusal(path: Path | str, mode: int, expected: str = N_("a regular file")) -> StoreError:
    """`expected` is "a regular file" or "a folder", translated here."""
    if stat.S_ISLNK(mode):
        return StoreError(_("{path}: is a symbolic link; refusing to follow it (give the real path)").format(path=path))
    return StoreError(
        _("{path}: is {found}, not {expected}; refusing to use it").format(path=path, found=kind_of(mode), expected=_(expected))
    )


def refuse_unsafe(path: Path, *, folder: bool = False) -> None:
    """Raise StoreError when `path` exists and is not a regular file (or, with `folder`, not a
    real folder): a symbolic link, a FIFO... A missing path passes (it will be created)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    if folder and not stat.S_ISDIR(info.st_mode):
        if stat.S_ISREG(info.st_mode):
            raise StoreError(_("{path}: is a file; a haicap store is a folder (give a folder path)").format(path=path))
        raise _refusal(path, info.st_mode, N_("a folder"))
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
            raise _refusal(path, mode, N_("a folder")) from None
        raise StoreError(
            _("{path}: cannot open the store folder ({why})").format(path=path, why=error.strerror or error)
        ) from None


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


TEMP_PATTERN = r"^\.{name}\..+\.tmp$"
"""The names a write uses for its private folder, for `name` (re-escaped): what
`sweep_leftovers` may remove."""


def replace_file(dir_fd: int, name: str, payload: bytes, *, shown: Path) -> os.stat_result:
    """Replace `name` in the folder by a new file holding `payload`, atomically and durably;
    return the status of the new file.

    The new file is written in a private folder (0700, made for this write, with a random
    name) inside the store folder: no one else can rename, delete or replace anything in
    it, so what is renamed into place is what was written, with no window for a swap. Its
    mode and group are set on the descriptor (those of the file it replaces, else
    `new_file_mode`) before the content is written; it is synced, renamed over `name`,
    and the folder is synced. A store file that is not a regular file is refused with
    StoreError and left as it is.
    """
    old = lstat_in(dir_fd, name)
    if old is not None and not stat.S_ISREG(old.st_mode):
        raise _refusal(shown, old.st_mode)
    folder_info = os.fstat(dir_fd)
    work_name, work_fd = _private_folder(dir_fd, name, shown)
    try:
        try:
            descriptor = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW_FLAGS, 0o666, dir_fd=work_fd)
        except FileExistsError:
            raise _swapped(shown.parent / work_name) from None
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
            written = os.fstat(descriptor)
            try:
                os.replace(name, name, src_dir_fd=work_fd, dst_dir_fd=dir_fd)
            except (IsADirectoryError, NotADirectoryError):  # a folder planted under the store's name
                raise _refusal(shown, stat.S_IFDIR) from None
        except BaseException:
            unlink_in(work_fd, name)
            raise
        finally:
            os.close(descriptor)
        fsync_folder(dir_fd)
    finally:
        os.close(work_fd)
        # By name: if a colleague moved it and put something else there, rmdir removes
        # only an empty folder and never follows a link; the sweep removes the rest.
        with contextlib.suppress(OSError):
            os.rmdir(work_name, dir_fd=dir_fd)
    return written


def _private_folder(dir_fd: int, name: str, shown: Path) -> tuple[str, int]:
    """Make a folder only this user can write, for one write of `name`; its name and descriptor."""
    while True:
        work_name = f".{name}.{secrets.token_hex(8)}.tmp"
        try:
            os.mkdir(work_name, 0o700, dir_fd=dir_fd)
            break
        except FileExistsError:
            continue  # someone holds that name (planted it?): draw another one
        except OSError as error:
            raise StoreError(
                _("{path}: cannot write in the store folder ({why})").format(path=shown.parent, why=error.strerror or error)
            ) from None
    try:
        work_fd = os.open(work_name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=dir_fd)
    except OSError:
        raise _swapped(shown.parent / work_name) from None
    info = os.fstat(work_fd)
    # Swapped between mkdir and open? No one else can make a folder owned by this user.
    if info.st_uid != os.geteuid() or info.st_mode & 0o077:
        os.close(work_fd)
        raise _swapped(shown.parent / work_name)
    return work_name, work_fd


def _swapped(shown: Path) -> StoreError:
    return StoreError(
        _(
            "{path}: the write's temporary folder was replaced by someone else; nothing was written "
            "and nothing followed; check who can write the store folder"
        ).format(path=shown)
    )


def sweep_leftovers(dir_fd: int, name: str) -> int:
    """Remove what writes of `name` killed before their rename left in the folder (their
    private folders, or anything planted under such a name); return how many.

    By name, relative to the folder: a planted link is removed itself, never followed.
    Leftovers of another user (their private folders) cannot be emptied and are left."""
    pattern = re.compile(TEMP_PATTERN.format(name=re.escape(name)))
    swept = 0
    for entry in os.listdir(dir_fd):
        if not pattern.match(entry):
            continue
        found = lstat_in(dir_fd, entry)
        if found is None:
            continue
        with contextlib.suppress(OSError):  # another user's, or gone meanwhile: leave it
            if stat.S_ISDIR(found.st_mode):
                inner = os.open(entry, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=dir_fd)
                try:
                    for leftover in os.listdir(inner):
                        unlink_in(inner, leftover)
                finally:
                    os.close(inner)
                os.rmdir(entry, dir_fd=dir_fd)
            else:
                os.unlink(entry, dir_fd=dir_fd)
            swept += 1
    return swept


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
