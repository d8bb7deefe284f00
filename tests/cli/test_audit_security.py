"""Who may change what, and the record of it, from the shell (issue 14, items 4 to 7).

4  restore and settings changes are recorded (`haicap audit`) and cannot erase work
5  `--read-only` refuses every change from every command, and writes nothing at all
6  history records the process's own account and the real time, whatever the environment says
7  `haicap stress` refuses any store it did not create
"""

from __future__ import annotations

import datetime as dt
import json
import os
import pwd
import subprocess
import sys
from pathlib import Path

import pytest

from haicap.store import Store
from haicap.tui.cli.main import main

REQUEST = "cdb5ed9f-16"

YAML_REPORT = """\
format: haicap-session/1
session:
  date: 2025-12-02
  province: Thanh Hóa
  leader: {name: Người Thử, title: Kiểm thử}
  title: Phiên của đồng nghiệp
communes: [xã Vân Du]
items:
  - {kind: request, text: Đề nghị tỉnh hỗ trợ kinh phí làm đường liên xã.}
  - {kind: directive, text: Giao Sở Xây dựng khảo sát tuyến đường.}
"""


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _folder_state(folder: Path) -> dict[str, tuple[int, int, bytes | None]]:
    """Every entry under `folder`: mode, mtime and content (None for a folder)."""
    state = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        content = path.read_bytes() if path.is_file() and not path.is_symlink() else None
        state[str(path.relative_to(folder))] = (info.st_mode, info.st_mtime_ns, content)
    return state


@pytest.fixture
def store_folder(seeded_store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seeded store, as HAICAP_DB, with one change made (so there is a backup 1) and no lock file."""
    monkeypatch.setenv("HAICAP_DB", str(seeded_store_path))
    with Store.open(seeded_store_path) as store:
        store.update_tracking(REQUEST, note="trước")
    (seeded_store_path / "haicap.json.lock").unlink()
    return seeded_store_path


# -- item 5: --read-only ------------------------------------------------------------------

CHANGES = [
    ("set", REQUEST, "--status", "in_progress"),
    ("set", REQUEST, "--owner", "Sở Tài chính"),
    ("restore-item", REQUEST),
    ("import", "{report}"),
    ("config", "--backups", "3"),
    ("config", "--answer-days", "30"),
    ("config", "--due-soon-days", "3"),
    ("restore", "1"),
    ("synth", "--db", "{store}", "--communes", "2", "--sessions-per-commune", "1", "--items-per-session", "2"),
    ("stress", "--db", "{store}", "--writers", "2", "--edits", "5"),
]
"""Every command that changes a store, in a form that changes it."""


@pytest.mark.parametrize("argv", CHANGES, ids=lambda argv: " ".join(argv[:3]))
def test_read_only_refuses_every_change_and_writes_nothing(store_folder: Path, tmp_path: Path, capsys, argv) -> None:
    report = tmp_path / "dong-nghiep.yaml"
    report.write_text(YAML_REPORT, encoding="utf-8")
    argv = tuple(a.format(report=report, store=store_folder) for a in argv)
    before = _folder_state(store_folder)
    code, out, err = _run(capsys, "--read-only", *argv)
    assert code in (1, 2) and out == ""
    assert err.startswith("haicap: ") and err.count("\n") == 1 and "read-only" in err, err
    assert _folder_state(store_folder) == before, "the store folder changed"
    assert not (store_folder / "haicap.json.lock").exists()


READS = [
    ("items",),
    ("item", REQUEST),
    ("search", "kinh", "phí"),
    ("config",),
    ("restore",),
    ("audit",),
    ("audit", "--json"),
    ("import", "{report}", "--dry-run"),
    ("export", "--format", "csv", "-o", "{out}"),
    ("export", "--format", "yaml", "-o", "-"),
    ("report", "--from", "01/10/2025", "--to", "31/12/2025", "-o", "-"),
]


@pytest.mark.parametrize("argv", READS, ids=lambda argv: " ".join(argv[:2]))
def test_read_only_reads_without_touching_the_folder_not_even_a_lock(store_folder: Path, tmp_path: Path, capsys, argv) -> None:
    report = tmp_path / "dong-nghiep.yaml"
    report.write_text(YAML_REPORT, encoding="utf-8")
    argv = tuple(a.format(report=report, out=tmp_path / "out.csv") for a in argv)
    before = _folder_state(store_folder)
    code, _, err = _run(capsys, "--read-only", *argv)
    assert code == 0, err
    assert _folder_state(store_folder) == before
    assert not (store_folder / "haicap.json.lock").exists()


def test_a_store_the_user_cannot_write_refuses_changes_from_commands(store_folder: Path, capsys, monkeypatch) -> None:
    # Root may write anything, so "cannot write" is what os.access says, as for any officer.
    real_access = os.access
    monkeypatch.setattr("os.access", lambda path, mode, **kw: False if mode & os.W_OK else real_access(path, mode, **kw))
    before = _folder_state(store_folder)
    for argv in (("set", REQUEST, "--owner", "X"), ("config", "--backups", "2"), ("restore", "1")):
        code, _, err = _run(capsys, *argv)
        assert code == 1 and "chỉ đọc" in err and err.count("\n") == 1, (argv, err)
    assert _folder_state(store_folder) == before


# -- item 4: restore, settings and imports are recorded ---------------------------------------


def test_restore_then_fewer_backups_no_longer_erases_work_without_a_trace(
    store_folder: Path, tmp_path: Path, capsys, as_user
) -> None:
    report = tmp_path / "dong-nghiep.yaml"
    report.write_text(YAML_REPORT, encoding="utf-8")
    as_user("minh")
    assert _run(capsys, "import", str(report))[0] == 0
    assert _run(capsys, "set", REQUEST, "--owner", "Sở Tài chính")[0] == 0
    with Store.open(store_folder) as store:
        with_work = len(store.items())
        number = next(n for n, b in enumerate(store.backups(), 1) if b.action == "import")
    as_user("lan")
    assert _run(capsys, "restore", str(number))[0] == 0
    code, _, err = _run(capsys, "config", "--backups", "0")
    assert code == 2 and err.count("\n") == 1 and "ít nhất 1" in err
    assert _run(capsys, "config", "--backups", "1")[0] == 0
    # minh's work is still there, as the state the restore replaced ...
    code, out, _ = _run(capsys, "restore")
    [line] = [row for row in out.splitlines() if row[:1].isdigit() and "Thanh Hóa" in row]
    assert "khôi phục" in line and f" {with_work} " in line
    # ... and the log says who did what, newest first.
    code, out, _ = _run(capsys, "audit", "--json")
    log = json.loads(out)
    assert [(e["action"], e["who"]) for e in log[:3]] == [("config", "lan"), ("restore", "lan"), ("import", "minh")]
    assert "backups 5 → 1" in log[0]["detail"] and "dong-nghiep.yaml" in log[2]["detail"] and "2 items" in log[2]["detail"]
    code, out, _ = _run(capsys, "audit")
    assert code == 0 and "khôi phục" in out and "lan" in out
    assert out.index("cấu hình") < out.index("khôi phục") < out.index("nhập")


def test_settings_changes_are_recorded(store_folder: Path, capsys) -> None:
    assert _run(capsys, "config", "--answer-days", "30", "--answer-days-with-co", "45")[0] == 0
    _, out, _ = _run(capsys, "audit", "--json")
    entry = json.loads(out)[0]
    assert entry["action"] == "config" and entry["detail"] == "answer-days 40/50 → 30/45"
    assert entry["who"] == pwd.getpwuid(os.getuid()).pw_name


# -- item 6: who and when cannot be faked -------------------------------------------------------


def test_spoofed_user_and_time_do_not_reach_history_or_the_audit_log(store_folder: Path) -> None:
    env = {
        **os.environ,
        "USER": "mallory",
        "LOGNAME": "mallory",
        "LNAME": "mallory",
        "USERNAME": "mallory",
        "HAICAP_NOW": "2000-01-01T00:00:00+00:00",
        "HAICAP_DB": str(store_folder),
    }
    code = "import sys; from haicap.tui.cli.main import run; sys.exit(run())"
    for argv in (["set", REQUEST, "--owner", "Sở Tài chính"], ["config", "--backups", "4"]):
        done = subprocess.run(
            [sys.executable, "-c", code, *argv], env=env, capture_output=True, text=True, timeout=60, check=False
        )
        assert done.returncode == 0, done.stderr
    me = pwd.getpwuid(os.getuid()).pw_name
    now = dt.datetime.now(dt.UTC)
    with Store.open(store_folder) as store:
        entry = store.history(REQUEST)[-1]
        assert entry.field == "owner" and entry.who == me
        assert abs(now - entry.when) < dt.timedelta(minutes=1), entry.when
        audit = store.audit_log()[0]
        assert audit.who == me and abs(now - audit.when) < dt.timedelta(minutes=1), audit


# -- item 7: stress only on its own stores ------------------------------------------------------


def test_stress_refuses_a_real_store_and_leaves_it_untouched(store_folder: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("HAICAP_DB", str(tmp_path / "default-store"))  # not the default store: a real one all the same
    before = _folder_state(store_folder)
    code, out, err = _run(capsys, "stress", "--db", str(store_folder), "--writers", "2", "--edits", "5")
    assert code == 2 and out == "" and err.count("\n") == 1 and "không do stress tạo" in err, err
    assert _folder_state(store_folder) == before


def test_stress_refuses_a_store_with_a_single_session(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "one-session"
    report = tmp_path / "dong-nghiep.yaml"
    report.write_text(YAML_REPORT, encoding="utf-8")
    assert _run(capsys, "init", "--db", str(folder))[0] == 0  # a named store is made by init, unseeded
    assert _run(capsys, "--db", str(folder), "import", str(report))[0] == 0
    before = (folder / "haicap.json").read_bytes()
    code, _, err = _run(capsys, "stress", "--db", str(folder), "--writers", "2", "--edits", "5")
    assert code == 2 and "không do stress tạo" in err
    assert (folder / "haicap.json").read_bytes() == before


def test_stress_works_on_a_new_folder_and_again_on_the_store_it_made(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "scratch"
    for _ in range(2):
        code, out, err = _run(capsys, "stress", "--db", str(folder), "--writers", "2", "--edits", "5")
        assert code == 0 and "lost=0" in out, err
    with Store.open(folder) as store:
        assert store.created_by == "haicap stress"


async def test_the_read_only_dashboard_refuses_every_change_key(store_folder: Path) -> None:
    from apps import make_app

    async def settle(pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    before = _folder_state(store_folder)
    app = make_app(store_folder, read_only=True)
    seen: list[str] = []
    notify = app.notify

    def recording(message: str, **options) -> None:
        seen.append(str(message))
        notify(message, **options)

    app.notify = recording  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for keys in (
            ("3", "s", "down", "enter"),  # a status
            ("3", "e", *"Sở Tài chính", "ctrl+s"),  # an edit
            ("3", "K", "enter"),  # another kind
            ("3", "d"),  # a deletion
            ("3", "a", "enter", *"Kiến nghị thêm", "enter"),  # an added item
            ("u",),  # undo (nothing deleted in this run)
        ):
            await pilot.press(*keys)
            await settle(pilot)
            for _ in range(3):  # whatever dialog is still open
                await pilot.press("escape")
            await settle(pilot)
    assert sum("read-only" in notice or "chỉ đọc" in notice for notice in seen) >= 4, seen
    assert _folder_state(store_folder) == before
    assert not (store_folder / "haicap.json.lock").exists()
