"""`haicap init`: create a store folder, private to you or shared with a Unix group.

    haicap init --db DIR                     a private store (modes follow your umask)
    haicap init --shared [--group G] --db DIR   a store for a group of officers
    haicap init --db DIR --with-seeds        ... holding the bundled Thanh Hóa seed session

A shared store folder is 2770 (setgid: every file made in it takes the folder's group)
and its store file, lock and backups are 0660 / 2770, whatever each officer's umask; haicap
keeps those modes on every write. On an existing store, `--shared` fixes the modes (and the
group) of what is there. A named store is never seeded unasked: `--with-seeds` loads the
bundled seed session (once: a store that had them, or declined them, is left as it is).
Without it the store starts empty, and nothing seeds it later.
"""

from __future__ import annotations

import argparse
import contextlib
import grp
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from haicap.store.domain.i18n import _, pgettext
from haicap.tui.cli.commands.common import CommandError
from haicap.tui.cli.grammar import OneLineParser, Subcommands

if TYPE_CHECKING:
    from haicap.store import Store

__all__ = ["register"]

SHARED_FOLDER_MODE = 0o2770
"""A group-shared store folder: the group may read and write, new files take its group."""

SHARED_FILE_MODE = 0o660
"""The store file, lock and backups of a group-shared store."""


def register(commands: Subcommands, parents: list[OneLineParser]) -> None:
    """Add init."""
    init = commands.add_parser(
        "init",
        parents=parents,
        help=_("create a store folder: private (your umask decides), or --shared with a Unix group"),
        description=_(
            "Create the store folder given by --db (or $HAICAP_DB). Without --shared the store is "
            "yours alone, as your umask says. With --shared, the folder is made setgid 2770 and the store's files "
            "0660, so every officer of the group can read and write it; on an existing store the modes are fixed."
        ),
    )
    init.add_argument(
        "--shared",
        action="store_true",
        help=_("share the store with a Unix group: folder 2770 (setgid), files 0660"),
    )
    init.add_argument(
        "--group",
        metavar=pgettext("metavar", "NAME"),
        help=_("the group to share it with (default: the folder's group); you must be a member"),
    )
    init.add_argument(
        "--with-seeds",
        action="store_true",
        help=_("load the bundled seed session (Thanh Hóa, 25/11/2025) into the new store; without it the store starts empty"),
    )
    init.set_defaults(handler=_init)


def _init(args: argparse.Namespace, db_path: Path) -> int:
    from haicap.store import Store
    from haicap.store.db.database import STORE_FILE
    from haicap.store.db.safe_files import refuse_unsafe

    if getattr(args, "read_only", False):
        raise CommandError(_("{path}: init creates or changes a store; --read-only refuses it").format(path=db_path))
    if args.group is not None and not args.shared:
        raise CommandError(_("--group: only with --shared (a private store has no group to share with)"), code=2)
    gid = _group_id(args.group) if args.group is not None else None
    refuse_unsafe(db_path, folder=True)
    existing = os.path.lexists(db_path / STORE_FILE)
    if db_path.is_dir() and not existing and any(db_path.iterdir()):
        # Never turn a folder of other things (a home folder, say) into a shared one.
        raise CommandError(_("{path}: is not empty and holds no haicap store; give a new or empty folder").format(path=db_path))
    if not args.shared:
        with Store.open(db_path) as store:  # creates the folder and the store file, as the umask says
            seeded = _seeds(store, args.with_seeds)
        folder_mode, file_mode = _mode(db_path), _mode(db_path / STORE_FILE)
        modes = _("folder {folder_mode}, store {file_mode}").format(folder_mode=f"{folder_mode:o}", file_mode=f"{file_mode:o}")
        if existing:
            done = seeded.removeprefix("; ") if seeded else pgettext("cli", "nothing changed")
            print(_("{path}: already a haicap store; {done} ({modes})").format(path=db_path, done=done, modes=modes))
        else:
            said = _("created a private store in {path} ({modes}, as your umask says){seeded}")
            print(said.format(path=db_path, modes=modes, seeded=seeded))
        return 0
    try:
        db_path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        said = _("{path}: cannot create the store folder ({reason})")
        raise CommandError(said.format(path=db_path, reason=error.strerror or error)) from None
    fixed = _share(db_path, gid)
    with Store.open(db_path) as store:  # a new store file and lock are 0660 in the group (setgid folder)
        seeded = _seeds(store, args.with_seeds)
    group_name = _group_name(os.stat(db_path).st_gid)
    modes = _("folder {folder_mode}, files {file_mode}").format(
        folder_mode=f"{SHARED_FOLDER_MODE:o}", file_mode=f"{SHARED_FILE_MODE:o}"
    )
    if existing:
        said = _("made the store in {path} group-shared: group '{group}', {modes} ({fixed} files changed){seeded}")
        print(said.format(path=db_path, group=group_name, modes=modes, fixed=fixed, seeded=seeded))
    else:
        said = _("created a group-shared store in {path}: group '{group}', {modes}{seeded}")
        print(said.format(path=db_path, group=group_name, modes=modes, seeded=seeded))
    said = _("every member of '{group}' may now read and change it; point them at it with HAICAP_DB={path}")
    print(said.format(group=group_name, path=db_path))
    return 0


def _seeds(store: Store, wanted: bool) -> str:
    """Load the seeds into `store` when `wanted` (once in its life: not again after they
    were loaded or declined); return what to add to the message."""
    if not wanted:
        return ""
    added = store.ensure_seeded()
    if added:
        return "; " + _("{count} seed session(s) loaded").format(count=added)
    return "; " + _("its seeds were loaded (or declined) before")


def _group_id(name: str) -> int:
    """The id of group `name`; CommandError when there is none or this user is not in it."""
    try:
        gid = grp.getgrnam(name).gr_gid
    except KeyError:
        raise CommandError(_("--group: no group named '{name}' on this machine").format(name=name), code=2) from None
    if os.geteuid() != 0 and gid != os.getegid() and gid not in os.getgroups():
        raise CommandError(
            _("--group: you are not a member of group '{name}'; ask the administrator to add you, then log in again").format(
                name=name
            )
        )
    return gid


def _group_name(gid: int) -> str:
    try:
        return grp.getgrgid(gid).gr_name
    except KeyError:
        return str(gid)


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def _share(folder: Path, gid: int | None) -> int:
    """Make `folder` and the store files in it group-shared, through descriptors (never
    following a link); return how many files were changed. CommandError naming the first
    file this user may not change (one owned by someone else)."""
    from haicap.store.db.backups import BACKUP_DIR
    from haicap.store.db.database import STORE_FILE
    from haicap.store.db.layout import province_of_file
    from haicap.store.db.safe_files import folder_fd, lstat_in, open_regular

    refused: list[Path] = []

    def fix(descriptor: int, shown: Path, mode: int) -> bool:
        info = os.fstat(descriptor)
        if stat.S_ISREG(info.st_mode) and info.st_nlink > 1:
            # haicap's files have one name; a second one may be a file from elsewhere
            # (yours, say) linked in here to have its mode opened to the group.
            said = _("{path}: has {links} hard links; refusing to change its mode")
            raise CommandError(said.format(path=shown, links=info.st_nlink))
        if (gid is None or info.st_gid == gid) and stat.S_IMODE(info.st_mode) == mode:
            return False  # already shared
        try:
            if gid is not None and info.st_gid != gid:
                os.fchown(descriptor, -1, gid)
            os.fchmod(descriptor, mode)  # after the chown, which may clear the setgid bit
        except PermissionError:
            refused.append(shown)
            return False
        return True

    def fix_file(dir_fd: int, name: str, shown: Path) -> bool:
        with contextlib.suppress(FileNotFoundError):
            descriptor = open_regular(dir_fd, name, os.O_RDONLY, shown=shown)
            try:
                return fix(descriptor, shown, SHARED_FILE_MODE)
            finally:
                os.close(descriptor)
        return False

    def refuse() -> None:
        more = " " + _("(and {count} more)").format(count=len(refused) - 1) if len(refused) > 1 else ""
        said = _(
            "{path}: cannot change its group or mode{more}: owned by another user; "
            "run `haicap init --shared` as its owner or as root"
        )
        raise CommandError(said.format(path=refused[0], more=more))

    fixed = 0
    with folder_fd(folder) as top:
        fix(top, folder, SHARED_FOLDER_MODE)
        if refused:
            refuse()  # not this user's folder: change nothing in it
        group = os.fstat(top).st_gid if gid is None else gid
        gid = group  # files take the folder's group too (made before the folder was setgid)
        # The national file and every province's file (store.db.layout), with their locks.
        names = [STORE_FILE, *sorted(n for n in os.listdir(top) if province_of_file(n))]
        fixed += sum(fix_file(top, name, folder / name) for base in names for name in (base, f"{base}.lock"))
        backups = folder / BACKUP_DIR
        if lstat_in(top, BACKUP_DIR) is None:
            try:
                os.mkdir(BACKUP_DIR, 0o700, dir_fd=top)
            except OSError as error:
                said = _("{path}: cannot create it ({reason})")
                raise CommandError(said.format(path=backups, reason=error.strerror or error)) from None
        with folder_fd(backups) as inner:
            fix(inner, backups, SHARED_FOLDER_MODE)
            for name in sorted(os.listdir(inner)):
                found = lstat_in(inner, name)
                # Only what haicap keeps there (its backups are named after the store's files).
                kept_by_haicap = name.startswith(f"{STORE_FILE}.") or province_of_file(name.split(".json.", 1)[0] + ".json")
                if found is not None and stat.S_ISREG(found.st_mode) and kept_by_haicap:
                    fixed += fix_file(inner, name, backups / name)
    if refused:
        refuse()
    return fixed
