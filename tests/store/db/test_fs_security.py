"""A store folder a whole group can write: no planted link is ever followed, and modes follow the umask.

A colleague who may write the shared folder can rename, delete or replace any name in it at
any moment. These tests play that colleague against real writes: swapping the temporary
file of a write for a symbolic link to a private file of the writer (at a fixed point, and
from a thread running free), planting links, FIFOs and folders under the store's names.
The writer's private file must never change (mode or content), the store file must never
become a link, and every refusal is one StoreError line. Then the modes of new and
existing stores under several umasks, with real files.
"""

from __future__ import annotations

import grp
import os
import stat
import threading
import time
from pathlib import Path

import pytest
from umasks import umask

from haicap.store import Store, StoreError
from haicap.store.db.storage import AtomicJSONStorage

REQUEST = "cdb5ed9f-16"
SECRET = b"the writer's own private notes\n"


@pytest.fixture
def private_file(tmp_path: Path) -> Path:
    """A file only its owner (the writing user) may read: what the attacker wants exposed."""
    path = tmp_path / "home" / "private.txt"
    path.parent.mkdir()
    path.write_bytes(SECRET)
    path.chmod(0o600)
    return path


@pytest.fixture
def shared_store(tmp_path: Path) -> Path:
    """A seeded store in a group-shared folder (2770, files 0660), as on the shared server."""
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o2770)
    with Store.open(folder) as store:
        store.ensure_seeded()
    assert (folder / "haicap.json").stat().st_mode & 0o777 == 0o660
    return folder


def _temp_files(folder: Path) -> list[str]:
    return [name for name in os.listdir(folder) if name.startswith(".haicap.json.") and name.endswith(".tmp")]


def _swap_for_link(folder: Path, name: str, target: Path) -> bool:
    """What the colleague does: put a link to `target` where the write's temporary `name`
    was (a file is deleted, a folder moved aside: both are allowed in a folder one may write)."""
    path = folder / name
    try:
        if path.is_dir() and not path.is_symlink():
            path.rename(folder / f"moved-aside-{name}")
        else:
            path.unlink()
        path.symlink_to(target)
    except OSError:
        return False  # renamed meanwhile: too late for this one
    return True


def _assert_unharmed(private: Path, store_folder: Path) -> None:
    assert private.stat().st_mode & 0o777 == 0o600, "the writer's private file changed mode"
    assert private.read_bytes() == SECRET, "the writer's private file changed"
    store_file = store_folder / "haicap.json"
    assert stat.S_ISREG(os.lstat(store_file).st_mode), "the store file became a link"


# -- the race of the temporary file --------------------------------------------------------


def test_a_temp_file_swapped_for_a_link_before_the_rename_is_never_followed(
    shared_store: Path, private_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deterministic: the swap happens right after the new file is synced, just before the
    rename (every version of the write path syncs it there). The write is then either done
    right or refused; the private file is never touched, the store never becomes a link."""
    real_fsync = os.fsync
    swapped: list[str] = []

    def fsync_then_swap(descriptor: int) -> None:
        real_fsync(descriptor)
        for name in _temp_files(shared_store):
            if not swapped and _swap_for_link(shared_store, name, private_file):
                swapped.append(name)

    with Store.open(shared_store) as store:
        before = (shared_store / "haicap.json").read_bytes()
        monkeypatch.setattr(os, "fsync", fsync_then_swap)
        try:
            store.update_tracking(REQUEST, note="during the race")
        except StoreError as error:  # refused: then nothing was written
            assert "\n" not in str(error)
            assert (shared_store / "haicap.json").read_bytes() == before
        else:  # done: then it is done right
            assert store.item(REQUEST).tracking.note == "during the race"
        monkeypatch.setattr(os, "fsync", real_fsync)
        assert swapped, "the race was played"
        _assert_unharmed(private_file, shared_store)
        store.update_tracking(REQUEST, note="after the race")  # the store is fine
        assert not _temp_files(shared_store), "the planted link is swept away"
    with Store.open(shared_store) as again:
        assert again.item(REQUEST).tracking.note == "after the race"


def test_a_colleague_swapping_temp_files_all_along_never_reaches_a_private_file(shared_store: Path, private_file: Path) -> None:
    """Free-running: a thread swaps every temporary file it sees for a link to the private
    file, for about a second, while real writes go on."""
    stop = threading.Event()
    swaps = [0]

    def colleague() -> None:
        while not stop.is_set():
            for name in _temp_files(shared_store):
                if not os.path.islink(shared_store / name) and _swap_for_link(shared_store, name, private_file):
                    swaps[0] += 1

    thread = threading.Thread(target=colleague, daemon=True)
    thread.start()
    written = refused = 0
    try:
        with Store.open(shared_store) as store:
            deadline = time.monotonic() + 1.0
            number = 0
            while time.monotonic() < deadline:
                number += 1
                try:
                    store.update_tracking(REQUEST, note=f"note {number}")
                except StoreError as error:
                    assert "\n" not in str(error)
                    refused += 1
                else:
                    written += 1
                    assert store.item(REQUEST).tracking.note == f"note {number}"
                _assert_unharmed(private_file, shared_store)
    finally:
        stop.set()
        thread.join(5)
    assert written + refused > 10
    _assert_unharmed(private_file, shared_store)
    with Store.open(shared_store) as store:  # the store still loads and takes writes
        store.update_tracking(REQUEST, note="last")
        assert store.item(REQUEST).tracking.note == "last"


# -- names planted in the store folder -----------------------------------------------------


def test_a_store_file_that_is_a_link_is_refused_and_not_read(shared_store: Path, private_file: Path) -> None:
    private_file.write_bytes(b'{"secret": {"1": {"pin": "1234"}}}')
    store_file = shared_store / "haicap.json"
    store_file.unlink()
    store_file.symlink_to(private_file)
    with pytest.raises(StoreError, match=r"haicap\.json: là liên kết tượng trưng; từ chối đi theo"):
        AtomicJSONStorage(store_file).read()
    with pytest.raises(StoreError, match="là liên kết tượng trưng; từ chối đi theo"):
        Store.open(shared_store)
    assert private_file.read_bytes() == b'{"secret": {"1": {"pin": "1234"}}}'
    assert private_file.stat().st_mode & 0o777 == 0o600


def test_a_store_file_made_a_link_while_open_is_refused_at_the_next_write(shared_store: Path, private_file: Path) -> None:
    with Store.open(shared_store) as store:
        store_file = shared_store / "haicap.json"
        store_file.unlink()
        store_file.symlink_to(private_file)
        with pytest.raises(StoreError, match="là liên kết tượng trưng; từ chối đi theo"):
            store.update_tracking(REQUEST, note="x")
    assert os.path.islink(shared_store / "haicap.json"), "left, never followed"
    assert private_file.read_bytes() == SECRET and private_file.stat().st_mode & 0o777 == 0o600


def test_a_write_refuses_to_replace_a_store_file_that_is_a_link(tmp_path: Path, private_file: Path) -> None:
    store_file = tmp_path / "haicap.json"
    store_file.symlink_to(private_file)
    with pytest.raises(StoreError, match="là liên kết tượng trưng"):
        AtomicJSONStorage(store_file).write({"t": {}})
    assert os.path.islink(store_file) and private_file.read_bytes() == SECRET


def test_a_lock_file_that_is_a_link_is_never_opened(shared_store: Path, private_file: Path) -> None:
    """A planted lock link to the writer's file: opening it to lock would truncate or
    re-mode that file."""
    with Store.open(shared_store) as store:
        lock = shared_store / "haicap.json.lock"
        lock.unlink()
        lock.symlink_to(private_file)
        with pytest.raises(StoreError, match=r"haicap\.json\.lock: là liên kết tượng trưng; từ chối đi theo"):
            store.update_tracking(REQUEST, note="x")
    with pytest.raises(StoreError, match=r"haicap\.json\.lock: là liên kết tượng trưng"):
        Store.open(shared_store)
    assert private_file.read_bytes() == SECRET and private_file.stat().st_mode & 0o777 == 0o600


def test_a_store_folder_that_is_a_link_is_refused(shared_store: Path, tmp_path: Path) -> None:
    link = tmp_path / "looks-like-a-store"
    link.symlink_to(shared_store)
    with pytest.raises(StoreError, match="looks-like-a-store: là liên kết tượng trưng; từ chối đi theo"):
        Store.open(link)


@pytest.mark.parametrize("name", ["haicap.json", "haicap.json.lock"])
def test_a_fifo_under_a_store_name_is_refused_without_hanging(shared_store: Path, name: str) -> None:
    (shared_store / name).unlink()
    os.mkfifo(shared_store / name)
    started = time.monotonic()
    with pytest.raises(StoreError, match=rf"{name}: là một FIFO \(ống có tên\), không phải một tệp thường"):
        Store.open(shared_store)
    assert time.monotonic() - started < 2


def test_a_fifo_planted_while_open_is_refused_without_hanging(shared_store: Path) -> None:
    with Store.open(shared_store) as store:
        (shared_store / "haicap.json").unlink()
        os.mkfifo(shared_store / "haicap.json")
        started = time.monotonic()
        with pytest.raises(StoreError, match="là một FIFO"):
            store.update_tracking(REQUEST, note="x")
        assert time.monotonic() - started < 2


def test_a_folder_under_the_store_name_is_refused(shared_store: Path) -> None:
    (shared_store / "haicap.json").unlink()
    (shared_store / "haicap.json").mkdir()
    with pytest.raises(StoreError, match=r"haicap\.json: là một thư mục, không phải một tệp thường"):
        Store.open(shared_store)


def test_planted_temp_names_are_swept_without_following_them(shared_store: Path, private_file: Path) -> None:
    (shared_store / ".haicap.json.planted.tmp").symlink_to(private_file)
    (shared_store / ".haicap.json.folder.tmp").mkdir()
    with Store.open(shared_store) as store:
        store.update_tracking(REQUEST, note="swept")  # a folder there does not stop writes
    assert not os.path.lexists(shared_store / ".haicap.json.planted.tmp")
    assert private_file.read_bytes() == SECRET


# -- modes: the umask, an existing store, a group-shared folder ------------------------------


def _modes(folder: Path) -> tuple[int, int, int]:
    return (
        folder.stat().st_mode & 0o7777,
        (folder / "haicap.json").stat().st_mode & 0o7777,
        (folder / "haicap.json.lock").stat().st_mode & 0o7777,
    )


@pytest.mark.parametrize(
    ("mask", "expected"),
    [
        (0o077, (0o700, 0o600, 0o600)),
        (0o027, (0o750, 0o640, 0o640)),
        (0o022, (0o755, 0o644, 0o644)),
        (0o002, (0o775, 0o664, 0o664)),
    ],
)
def test_a_new_store_follows_the_umask(tmp_path: Path, mask: int, expected: tuple[int, int, int]) -> None:
    with umask(mask):
        with Store.open(tmp_path / "personal") as store:
            store.ensure_seeded()
            store.update_tracking(REQUEST, note="a write after the first")
        assert _modes(tmp_path / "personal") == expected


def test_a_new_store_is_never_world_writable_even_with_umask_0(tmp_path: Path) -> None:
    with umask(0), Store.open(tmp_path / "s") as store:
        store.ensure_seeded()
    assert not (tmp_path / "s" / "haicap.json").stat().st_mode & 0o002
    with Store.open(tmp_path / "s") as store:  # and so it opens again
        assert store.is_seeded


def test_an_existing_store_keeps_its_mode_whatever_the_umask(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s") as store:
        store.ensure_seeded()
    (tmp_path / "s" / "haicap.json").chmod(0o660)
    with umask(0o077), Store.open(tmp_path / "s") as store:
        store.update_tracking(REQUEST, note="x")
    assert (tmp_path / "s" / "haicap.json").stat().st_mode & 0o777 == 0o660
    (tmp_path / "s" / "haicap.json").chmod(0o600)
    with umask(0o002), Store.open(tmp_path / "s") as store:
        store.update_tracking(REQUEST, note="y")
    assert (tmp_path / "s" / "haicap.json").stat().st_mode & 0o777 == 0o600


def _another_group() -> int:
    """A group this process may give its files (other than its own), or skip."""
    own = os.getegid()
    candidates = [gid for gid in os.getgroups() if gid != own]
    if os.geteuid() == 0:
        candidates += [entry.gr_gid for entry in grp.getgrall() if entry.gr_gid != own]
    if not candidates:
        pytest.skip("this user belongs to no second group")
    return candidates[0]


def test_an_existing_store_keeps_its_group(tmp_path: Path) -> None:
    gid = _another_group()
    with Store.open(tmp_path / "s") as store:
        store.ensure_seeded()
    os.chown(tmp_path / "s" / "haicap.json", -1, gid)
    (tmp_path / "s" / "haicap.json").chmod(0o660)
    with Store.open(tmp_path / "s") as store:
        store.update_tracking(REQUEST, note="x")
    info = (tmp_path / "s" / "haicap.json").stat()
    assert (info.st_gid, info.st_mode & 0o777) == (gid, 0o660)


@pytest.mark.parametrize("mask", [0o077, 0o022])
def test_a_new_store_in_a_group_shared_folder_is_shared_with_that_group(tmp_path: Path, mask: int) -> None:
    gid = _another_group()
    folder = tmp_path / "team"
    folder.mkdir()
    os.chown(folder, -1, gid)
    folder.chmod(0o2770)
    with umask(mask), Store.open(folder) as store:
        store.ensure_seeded()
    assert _modes(folder) == (0o2770, 0o660, 0o660)
    assert (folder / "haicap.json").stat().st_gid == gid
    assert (folder / "haicap.json.lock").stat().st_gid == gid


# -- the same race, played by another Unix user of the group ---------------------------------

_COLLEAGUE = r"""
import os, sys, time
os.fchdir(int(sys.argv[1]))  # the shared folder, handed over open: its parents may be private
target, swaps, inside = sys.argv[2], 0, 0
print("ready", os.getuid(), flush=True)
deadline = time.monotonic() + float(sys.argv[3])
while time.monotonic() < deadline:
    for name in os.listdir("."):
        if not (name.startswith(".haicap.json.") and name.endswith(".tmp")) or os.path.islink(name):
            continue
        try:  # into the write's own folder first: swap the new file itself
            os.unlink(os.path.join(name, "haicap.json"))
            os.symlink(target, os.path.join(name, "haicap.json"))
            inside += 1
        except OSError:
            pass
        try:
            if os.path.isdir(name):
                os.rename(name, "moved-" + name)
            else:
                os.unlink(name)
            os.symlink(target, name)
            swaps += 1
        except OSError:
            pass
print("swaps", swaps, "inside", inside, flush=True)
"""


def _python_for_anyone() -> str:
    """A Python interpreter another user may run (the test's own may live in a private home)."""
    import sys

    for candidate in (sys.executable, "/usr/bin/python3", "/usr/local/bin/python3"):
        real = Path(os.path.realpath(candidate))
        if real.is_file() and all(p.stat().st_mode & 0o001 for p in (real, *real.parents)):
            return str(real)
    pytest.skip("no Python interpreter that another user may run")


def test_another_user_of_the_group_racing_the_writes_never_reaches_a_private_file(tmp_path: Path, private_file: Path) -> None:
    """Real users: the writer (this process) and a colleague (a process running as another
    uid, member of the store's group) who swaps every temporary name it sees."""
    import subprocess

    if os.geteuid() != 0:
        pytest.skip("needs root to run the colleague as another user")
    gid = _another_group()
    folder = tmp_path / "shared"
    folder.mkdir()
    os.chown(folder, -1, gid)
    folder.chmod(0o2770)
    with Store.open(folder) as store:
        store.ensure_seeded()
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        colleague = subprocess.Popen(
            [_python_for_anyone(), "-I", "-c", _COLLEAGUE, str(descriptor), str(private_file), "1.0"],
            pass_fds=(descriptor,),
            user=65534,
            group=gid,
            extra_groups=[gid],
            cwd="/",
            stdout=subprocess.PIPE,
            text=True,
        )
        assert colleague.stdout is not None
        assert colleague.stdout.readline().split() == ["ready", "65534"]
        results: list[str] = []
        with Store.open(folder) as store:
            number = 0
            while colleague.poll() is None:
                number += 1
                try:
                    store.update_tracking(REQUEST, note=f"note {number}")
                    results.append("written")
                except StoreError as error:
                    assert "\n" not in str(error)
                    results.append("refused")
                _assert_unharmed(private_file, folder)
        report = colleague.stdout.read().split()
        colleague.wait(5)
    finally:
        os.close(descriptor)
    assert colleague.returncode == 0
    assert report[:2] == ["swaps", report[1]] and int(report[1]) > 0, "the colleague did swap names"
    assert report[3] == "0", "nothing inside a write's own folder could be touched"
    assert results.count("written") > 10
    _assert_unharmed(private_file, folder)
    with Store.open(folder) as store:
        store.update_tracking(REQUEST, note="last")
        assert store.item(REQUEST).tracking.note == "last"


def test_a_folder_planted_under_the_store_name_while_open_is_refused(shared_store: Path) -> None:
    with Store.open(shared_store) as store:
        (shared_store / "haicap.json").unlink()
        (shared_store / "haicap.json").mkdir()
        with pytest.raises(StoreError, match=r"haicap\.json: là một thư mục, không phải một tệp thường"):
            store.update_tracking(REQUEST, note="x")
