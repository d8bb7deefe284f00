"""`haicap stress`: real writer processes on a scratch store, the summary line and its exit code,
and the refusals that keep it away from the user's own store."""

from __future__ import annotations

import re
from pathlib import Path

from haicap.store import Store
from haicap.store.domain.i18n import set_language
from haicap.tui.cli.main import main

SUMMARY = re.compile(r"writers=(\d+) edits=(\d+) lost=(\d+) corrupt=([01])(?: kills=(\d+))?")
FIGURES = re.compile(r"elapsed=\d+\.\ds rate=\d+\.\d edits/s processes=\d+ .*")


def _run(capsys, *argv: str) -> tuple[int, re.Match[str], str]:
    code = main(["stress", *argv])
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2, out
    summary = SUMMARY.fullmatch(out[0])
    assert summary, out[0]
    assert FIGURES.fullmatch(out[1]), out[1]
    lost, corrupt = int(summary[3]), int(summary[4])
    # The exit code follows the summary: 0 only when nothing was lost and the store loads.
    assert (code == 0) == (lost == 0 and corrupt == 0), (code, out)
    return code, summary, out[1]


def test_writers_on_a_new_store_lose_no_edit(tmp_path: Path, capsys) -> None:
    db = tmp_path / "scratch"
    code, summary, figures = _run(capsys, "--db", str(db), "--writers", "2", "--edits", "5", "--seed", "7")
    assert summary[1] == "2" and summary[2] == "10" and summary[5] is None
    assert "failed=0" in figures and "refused=0" in figures
    assert summary[3] == "0", "edits were lost: the store lost concurrent updates"
    assert summary[4] == "0" and code == 0
    with Store.open(db) as store:  # created, seeded, and still loads
        assert store.is_seeded


def test_writers_that_overlap_for_a_while_lose_no_edit(tmp_path: Path, capsys) -> None:
    # Enough edits for the writers' turns at the lock to interleave many times (about a second).
    code, summary, _ = _run(capsys, "--db", str(tmp_path / "scratch"), "--writers", "4", "--edits", "60")
    assert summary[2] == "240"
    assert summary[3] == "0", "edits were lost: the store lost concurrent updates"
    assert summary[4] == "0" and code == 0


def test_kill_mode_counts_its_kills_and_keeps_the_store(tmp_path: Path, capsys) -> None:
    db = tmp_path / "scratch"
    code, summary, _ = _run(capsys, "--db", str(db), "--writers", "2", "--edits", "20", "--kill", "--kills", "2")
    assert summary[5] == "2"
    assert summary[3] == "0" and summary[4] == "0" and code == 0


def test_without_db_it_is_refused(capsys) -> None:
    assert main(["stress", "--writers", "2", "--edits", "5"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.strip()
    assert err.startswith("haicap: ") and "--db" in err and "\n" not in err


def test_the_default_store_is_refused_even_when_named(tmp_path: Path, capsys) -> None:
    # conftest points HAICAP_DB at tmp_path/default-store: the store haicap uses by default.
    default = tmp_path / "default-store"
    assert main(["stress", "--db", str(default), "--edits", "1"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("haicap: ") and "dùng mặc định" in err and "\n" not in err
    assert not default.exists()


def test_a_folder_that_is_not_a_store_is_left_alone(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "notes.txt").write_text("ghi chú", encoding="utf-8")
    assert main(["stress", "--db", str(folder), "--edits", "1"]) == 1
    assert "không phải kho dữ liệu haicap" in capsys.readouterr().err
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_malformed_numbers_exit_2(tmp_path: Path, capsys) -> None:
    for option, value in (("--writers", "0"), ("--edits", "many"), ("--kills", "-1")):
        assert main(["stress", "--db", str(tmp_path / "s"), "--kill", option, value]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"haicap: {option}") and "\n" not in err.strip()
    assert not (tmp_path / "s").exists()


def test_a_refusal_is_in_vietnamese_by_default_and_in_english_on_request(tmp_path: Path, capsys, monkeypatch) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "notes.txt").write_text("ghi chú", encoding="utf-8")
    assert main(["stress", "--db", str(folder), "--edits", "1"]) == 1
    assert capsys.readouterr().err == (
        f"haicap: {folder}: là thư mục nhưng không phải kho dữ liệu haicap; hãy đưa một thư mục mới hoặc trống\n"
    )
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    set_language("en")
    assert main(["stress", "--db", str(folder), "--edits", "1"]) == 1
    assert capsys.readouterr().err == f"haicap: {folder}: is a folder but not a haicap store; give a new or empty folder\n"


def test_the_figures_are_the_same_words_in_english(tmp_path: Path, capsys, monkeypatch) -> None:
    # The two lines on stdout are for scripts (README quotes them): the same in every language.
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    set_language("en")
    code, summary, _ = _run(capsys, "--db", str(tmp_path / "scratch"), "--writers", "1", "--edits", "3", "--seed", "1")
    assert code == 0 and summary[2] == "3"
