"""Seeding: the default store is made and seeded by the first command that uses it, once;
a store named by `--db` or `$HAICAP_DB` never receives the bundled session unasked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from haicap.store import Store
from haicap.store.db.paths import default_store_path
from haicap.tui.cli.main import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def default_store(monkeypatch: pytest.MonkeyPatch) -> Path:
    """No --db, no HAICAP_DB: the store in the (test's) user data folder, not made yet."""
    monkeypatch.delenv("HAICAP_DB")
    path = default_store_path()
    assert not path.exists()
    return path


def _missing_named(path: Path) -> str:
    return f"haicap: {path}: no haicap store here; create one with haicap init --db {path} [--with-seeds]\n"


def test_a_fresh_install_answers_items_with_the_seed_session(default_store: Path, capsys) -> None:
    assert main(["items"]) == 0
    out = capsys.readouterr().out
    assert "xã Ngọc Trạo" in out and "cdb5ed9f-01" in out
    with Store.open(default_store) as store:
        assert [s.id for s in store.sessions()] == ["cdb5ed9f"] and store.is_seeded


@pytest.mark.parametrize(
    "argv", [["export", "--format", "md", "-o", "{tmp}/bien-ban.md"], ["search", "đê"], ["audit"], ["config"]]
)
def test_any_command_seeds_the_default_store_on_first_use(default_store: Path, argv: list[str], tmp_path: Path, capsys) -> None:
    assert main([word.format(tmp=tmp_path) for word in argv]) == 0, capsys.readouterr().err
    with Store.open(default_store) as store:
        assert len(store.sessions()) == 1


def test_the_default_store_is_seeded_exactly_once(default_store: Path, capsys) -> None:
    assert main(["items"]) == 0
    with Store.open(default_store) as store:
        seeded_at = store._meta("seeded_at")
    before = (default_store / "haicap.json").read_bytes()
    assert main(["items"]) == 0
    assert (default_store / "haicap.json").read_bytes() == before, "a second command writes nothing"
    with Store.open(default_store) as store:
        assert store._meta("seeded_at") == seeded_at


def test_concurrent_first_commands_seed_once(default_store: Path) -> None:
    """Four officers' first `haicap items` at the same moment: one seed session, not four."""
    env = {key: value for key, value in os.environ.items() if key != "HAICAP_DB"}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "haicap", "items"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    results = [run.communicate(timeout=60) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0, 0], results
    assert all("cdb5ed9f-01" in out for out, _ in results)
    with Store.open(default_store) as store:
        assert len(store.sessions()) == 1 and len(store.items()) == 38


def test_read_only_creates_no_default_store(default_store: Path, capsys) -> None:
    assert main(["--read-only", "items"]) == 1
    assert "no haicap store" in capsys.readouterr().err
    assert not default_store.exists()


@pytest.mark.parametrize(
    "argv", [["items"], ["item", "cdb5ed9f-16"], ["set", "cdb5ed9f-16", "--owner", "X"], ["export"], ["audit"]]
)
def test_a_command_on_a_missing_named_store_says_how_to_make_one(tmp_path: Path, argv: list[str], capsys) -> None:
    named = tmp_path / "tinh-khac"
    assert main(["--db", str(named), *argv]) == 1
    assert capsys.readouterr().err == _missing_named(named)
    assert not named.exists(), "nothing is created"


def test_haicap_db_names_a_store_too(tmp_path: Path, monkeypatch, capsys) -> None:
    named = tmp_path / "from-env"
    monkeypatch.setenv("HAICAP_DB", str(named))
    assert main(["items"]) == 1
    assert capsys.readouterr().err == _missing_named(named)
    assert not named.exists()


def test_import_into_a_missing_named_store_is_refused(tmp_path: Path, capsys) -> None:
    from test_command_line import ARTICLE

    article = tmp_path / "bai.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    named = tmp_path / "moi"
    assert main(["--db", str(named), "import", str(article)]) == 1
    assert capsys.readouterr().err == _missing_named(named)
    assert not named.exists()
    # A dry run compares with no store and creates none.
    assert main(["--db", str(named), "import", "--dry-run", str(article)]) == 0
    assert not named.exists()


def test_the_dashboard_on_a_missing_named_store_says_the_same(tmp_path: Path, capsys, fake_terminal) -> None:
    named = tmp_path / "nghe-an"
    assert main(["--db", str(named)]) == 1
    assert capsys.readouterr().err == _missing_named(named)
    assert not named.exists()


def test_init_with_seeds_loads_them_and_init_alone_does_not(tmp_path: Path, capsys) -> None:
    assert main(["init", "--db", str(tmp_path / "mau"), "--with-seeds"]) == 0
    assert "1 seed session(s) loaded" in capsys.readouterr().out
    assert main(["init", "--db", str(tmp_path / "trong")]) == 0
    capsys.readouterr()
    with Store.open(tmp_path / "mau") as seeded, Store.open(tmp_path / "trong") as empty:
        assert len(seeded.sessions()) == 1 and seeded.is_seeded
        assert not empty.sessions() and not empty.is_seeded
    assert main(["--db", str(tmp_path / "trong"), "items"]) == 0
    assert "Không có mục nào khớp" in capsys.readouterr().out
    # Asked for on an existing store, they come once; never twice.
    assert main(["init", "--db", str(tmp_path / "trong"), "--with-seeds"]) == 0
    assert main(["init", "--db", str(tmp_path / "trong"), "--with-seeds"]) == 0
    assert "loaded (or declined) before" in capsys.readouterr().out
    with Store.open(tmp_path / "trong") as store:
        assert len(store.sessions()) == 1


async def test_the_dashboard_adds_nothing_to_a_store_of_another_province(tmp_path: Path, capsys) -> None:
    """A production store opened in the dashboard for the first time is left as it is."""
    from apps import make_app

    assert main(["init", "--db", str(tmp_path / "nghe-an")]) == 0
    before = (tmp_path / "nghe-an" / "haicap.json").read_bytes()
    app = make_app(tmp_path / "nghe-an")
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(5):
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.store.sessions()
    assert (tmp_path / "nghe-an" / "haicap.json").read_bytes() == before
