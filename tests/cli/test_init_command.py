"""`haicap init`: a private store as the umask says, or a group-shared one (2770 / 0660), with real modes."""

from __future__ import annotations

import grp
import os
import stat
from pathlib import Path

import pytest
import store_files
from umasks import umask

from haicap.store import Store
from haicap.tui.cli.main import main

REQUEST = "cdb5ed9f-16"


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert err.startswith("haicap: ") and "\n" not in err
    return err


def _another_group() -> tuple[int, str]:
    """A group this process may give its files (other than its own), or skip."""
    own = os.getegid()
    candidates = [gid for gid in os.getgroups() if gid != own]
    if os.geteuid() == 0:
        candidates += [entry.gr_gid for entry in grp.getgrall() if entry.gr_gid != own]
    if not candidates:
        pytest.skip("this user belongs to no second group")
    return candidates[0], grp.getgrgid(candidates[0]).gr_name


@pytest.mark.parametrize(("mask", "folder", "file"), [(0o077, 0o700, 0o600), (0o022, 0o755, 0o644)])
def test_init_creates_a_private_store_as_the_umask_says(tmp_path: Path, capsys, mask: int, folder: int, file: int) -> None:
    target = tmp_path / "mine"
    with umask(mask):
        assert main(["init", "--db", str(target)]) == 0
    assert "đã tạo kho dữ liệu riêng" in capsys.readouterr().out
    assert (_mode(target), _mode(target / "haicap.json")) == (folder, file)
    with Store.open(target) as store:
        assert not store.is_seeded, "a named store is never seeded unasked (init --with-seeds)"


def test_init_shared_creates_a_setgid_folder_and_group_files_whatever_the_umask(tmp_path: Path, capsys) -> None:
    target = tmp_path / "team"
    with umask(0o077):
        assert main(["init", "--shared", "--db", str(target)]) == 0
        out = capsys.readouterr().out
        assert "đã tạo kho dữ liệu dùng chung" in out and "2770" in out
        assert _mode(target) == 0o2770
        assert _mode(target / "haicap.json") == 0o660
        assert _mode(target / "haicap.json.lock") == 0o660
        assert _mode(target / "backups") == 0o2770
        # Every later write and every backup keeps the store shared, under a strict umask too.
        with Store.open(target) as store:
            store.ensure_seeded()
            store.update_tracking(REQUEST, note="x")
            backups = store.backups()
        assert _mode(target / "haicap.json") == 0o660
        assert backups and all(_mode(b.path) == 0o660 for b in backups)


def test_init_shared_with_a_group_gives_everything_that_group(tmp_path: Path, capsys) -> None:
    gid, name = _another_group()
    target = tmp_path / "team"
    assert main(["init", "--shared", "--group", name, "--db", str(target)]) == 0
    assert f"nhóm '{name}'" in capsys.readouterr().out
    for path in (target, target / "haicap.json", target / "haicap.json.lock", target / "backups"):
        assert path.stat().st_gid == gid, path
    with Store.open(target) as store:
        store.ensure_seeded()
    assert (target / "haicap.json").stat().st_gid == gid


def test_init_shared_fixes_the_modes_of_an_existing_store(tmp_path: Path, capsys) -> None:
    gid, name = _another_group()
    target = tmp_path / "s"
    with umask(0o077), Store.open(target) as store:
        store.ensure_seeded()
        store.update_tracking(REQUEST, note="x")  # a backup too
    before = (target / "haicap.json").read_bytes()
    assert _mode(target / "haicap.json") == 0o600
    assert main(["init", "--shared", "--group", name, "--db", str(target)]) == 0
    out = capsys.readouterr().out
    assert "đã chuyển kho dữ liệu tại" in out and "dùng chung" in out and "đã sửa" in out
    assert _mode(target) == 0o2770 and _mode(target / "backups") == 0o2770
    province = store_files.province_path(target)
    files = [target / "haicap.json", target / "haicap.json.lock", province, target / f"{province.name}.lock"]
    for path in [*files, *(target / "backups").iterdir()]:
        assert (_mode(path), path.stat().st_gid) == (0o660, gid), path
    assert (target / "haicap.json").read_bytes() == before, "the content is left alone"


def test_init_on_an_existing_private_store_changes_nothing(tmp_path: Path, capsys) -> None:
    with umask(0o077), Store.open(tmp_path / "s") as store:
        store.ensure_seeded()
    before = (tmp_path / "s" / "haicap.json").read_bytes()
    assert main(["init", "--db", str(tmp_path / "s")]) == 0
    assert "đã là kho dữ liệu haicap; không thay đổi gì" in capsys.readouterr().out
    assert (tmp_path / "s" / "haicap.json").read_bytes() == before
    assert _mode(tmp_path / "s" / "haicap.json") == 0o600


def test_init_shared_refuses_a_folder_of_other_things(tmp_path: Path, capsys) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    (home / "notes.txt").write_text("riêng")
    assert main(["init", "--shared", "--db", str(home)]) == 1
    assert "không trống và không chứa kho dữ liệu haicap" in _one_line_error(capsys)
    assert _mode(home) == 0o700 and sorted(p.name for p in home.iterdir()) == ["notes.txt"]


def test_init_refuses_a_store_folder_that_is_a_link(tmp_path: Path, capsys) -> None:
    (tmp_path / "real").mkdir(mode=0o700)
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert main(["init", "--shared", "--db", str(tmp_path / "link")]) == 1
    assert "là liên kết tượng trưng; từ chối đi theo" in _one_line_error(capsys)
    assert _mode(tmp_path / "real") == 0o700


def test_init_shared_does_not_follow_a_planted_store_link(tmp_path: Path, capsys) -> None:
    target = tmp_path / "team"
    assert main(["init", "--shared", "--db", str(target)]) == 0
    private = tmp_path / "private.txt"
    private.write_text("mine")
    private.chmod(0o600)
    (target / "haicap.json").unlink()
    (target / "haicap.json").symlink_to(private)
    assert main(["init", "--shared", "--db", str(target)]) == 1
    assert "là liên kết tượng trưng" in _one_line_error(capsys)
    assert _mode(private) == 0o600


def test_init_refuses_an_unknown_group_and_group_without_shared(tmp_path: Path, capsys) -> None:
    assert main(["init", "--shared", "--group", "no-such-group-here", "--db", str(tmp_path / "x")]) == 2
    assert "không có nhóm nào tên 'no-such-group-here'" in _one_line_error(capsys)
    assert main(["init", "--group", "users", "--db", str(tmp_path / "x")]) == 2
    assert "chỉ dùng kèm --shared" in _one_line_error(capsys)
    assert not (tmp_path / "x").exists()


def test_init_refuses_a_group_the_user_is_not_in(tmp_path: Path, capsys, monkeypatch) -> None:
    gid, name = _another_group()
    # As an ordinary officer who is not in that group (faked: tests may run as root).
    monkeypatch.setattr("haicap.tui.cli.commands.init.os.geteuid", lambda: 1000)
    monkeypatch.setattr("haicap.tui.cli.commands.init.os.getegid", lambda: gid + 1)
    monkeypatch.setattr("haicap.tui.cli.commands.init.os.getgroups", lambda: [gid + 1])
    assert main(["init", "--shared", "--group", name, "--db", str(tmp_path / "x")]) == 1
    assert f"bạn không thuộc nhóm '{name}'" in _one_line_error(capsys)
    assert not (tmp_path / "x").exists()


def test_init_is_refused_read_only(tmp_path: Path, capsys) -> None:
    assert main(["--read-only", "init", "--db", str(tmp_path / "x")]) == 1
    assert "--read-only" in (line := _one_line_error(capsys)) and "bị từ chối" in line
    assert not (tmp_path / "x").exists()


def test_init_shared_does_not_open_a_hard_linked_file_to_the_group(tmp_path: Path, capsys) -> None:
    target = tmp_path / "team"
    assert main(["init", "--shared", "--db", str(target)]) == 0
    private = tmp_path / "private.txt"
    private.write_text("mine")
    private.chmod(0o600)
    os.link(private, target / "backups" / "haicap.json.20251215T091430123456Z.import")
    assert main(["init", "--shared", "--db", str(target)]) == 1
    assert "có 2 liên kết cứng; từ chối đổi quyền truy cập" in _one_line_error(capsys)
    assert _mode(private) == 0o600
