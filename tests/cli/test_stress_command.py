"""`haicap stress`: real `haicap set` writers and `haicap items --json` readers on a scratch
store, the summary line with its timings and its exit code, and the refusals that keep it
away from the user's own store."""

from __future__ import annotations

import re
from pathlib import Path

from haicap.store import Store
from haicap.store.domain.i18n import set_language
from haicap.tui.cli.dev.stress import percentile
from haicap.tui.cli.main import main

SUMMARY = re.compile(
    r"writers=(\d+) edits=(\d+) lost=(\d+) corrupt=([01])(?: kills=(\d+))?"
    r" write_p50_ms=(\d+) write_p95_ms=(\d+) reads=(\d+) read_p95_ms=(\d+)"
)
FIGURES = re.compile(r"elapsed=\d+\.\ds rate=\d+\.\d edits/s processes=\d+ .*")


def _run(capsys, *argv: str) -> tuple[int, re.Match[str], str]:
    code = main(["stress", *argv])
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2, out
    assert FIGURES.fullmatch(out[0]), out[0]
    summary = SUMMARY.fullmatch(out[-1])  # the last line: what scripts and README read
    assert summary, out[-1]
    lost, corrupt = int(summary[3]), int(summary[4])
    # The exit code follows the summary: 0 only when nothing was lost and the store loads.
    assert (code == 0) == (lost == 0 and corrupt == 0), (code, out)
    return code, summary, out[0]


def test_writers_and_a_reader_for_two_seconds(tmp_path: Path, capsys) -> None:
    db = tmp_path / "scratch"
    code, summary, figures = _run(capsys, "--db", str(db), "--writers", "2", "--readers", "1", "--seconds", "2")
    assert code == 0 and summary[1] == "2" and summary[5] is None
    assert summary[3] == "0", "edits were lost: the store lost concurrent updates"
    assert summary[4] == "0"
    edits, reads = int(summary[2]), int(summary[8])
    assert edits >= 2 and reads >= 1
    p50, p95, read_p95 = int(summary[6]), int(summary[7]), int(summary[9])
    # Each is a whole `haicap` process: more than a few ms, less than the run.
    assert 20 < p50 <= p95 < 30_000 and 20 < read_p95 < 30_000
    assert "failed=0" in figures and "refused=0" in figures and "read_failed=0" in figures
    with Store.open(db) as store:  # created, seeded, and still loads
        assert store.is_seeded


def test_a_count_of_edits_and_no_readers(tmp_path: Path, capsys) -> None:
    code, summary, figures = _run(
        capsys, "--db", str(tmp_path / "scratch"), "--writers", "2", "--edits", "3", "--readers", "0", "--seed", "7"
    )
    assert code == 0 and summary[2] == "6" and summary[3] == "0" and summary[4] == "0"
    assert summary[8] == "0" and summary[9] == "0" and int(summary[6]) > 0
    assert "processes=6 " in figures


def test_kill_mode_counts_its_kills_and_keeps_the_store(tmp_path: Path, capsys) -> None:
    db = tmp_path / "scratch"
    code, summary, _ = _run(capsys, "--db", str(db), "--writers", "2", "--edits", "2", "--kill", "--kills", "2")
    assert summary[5] == "2" and int(summary[2]) >= 4  # the writers go on until both kills are done
    assert summary[3] == "0" and summary[4] == "0" and code == 0


def test_percentile_is_the_nearest_rank() -> None:
    assert percentile([], 95) == 0
    assert percentile([3.0], 50) == 3.0
    values = [float(n) for n in range(1, 21)]
    assert percentile(values, 50) == 10.0 and percentile(values, 95) == 19.0 and percentile(values, 100) == 20.0


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


def test_a_preset_on_a_store_with_real_data_is_refused(seeded_store_path: Path, capsys) -> None:
    before = sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in seeded_store_path.iterdir())
    assert main(["stress", "--db", str(seeded_store_path), "--preset", "province", "--writers", "1"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.strip()
    assert err.startswith("haicap: ") and "\n" not in err and "synth" in err, err
    assert sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in seeded_store_path.iterdir()) == before


def test_malformed_numbers_exit_2(tmp_path: Path, capsys) -> None:
    for option, value in (
        ("--writers", "0"),
        ("--edits", "many"),
        ("--kills", "-1"),
        ("--readers", "-1"),
        ("--seconds", "0"),
        ("--preset", "nope"),
    ):
        assert main(["stress", "--db", str(tmp_path / "s"), "--kill", option, value]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.startswith(f"haicap: {option}") and "\n" not in captured.err.strip(), captured.err
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


def test_a_bad_preset_is_said_in_the_language_spoken(tmp_path: Path, capsys) -> None:
    assert main(["stress", "--db", str(tmp_path / "s"), "--preset", "nope"]) == 2
    vietnamese = capsys.readouterr().err
    assert vietnamese.startswith("haicap: --preset: 'nope' không phải") and "province, national" in vietnamese
    assert main(["--lang", "en", "stress", "--db", str(tmp_path / "s"), "--preset", "nope"]) == 2
    assert capsys.readouterr().err == "haicap: --preset: 'nope' is not a preset; use one of: province, national\n"
    assert not (tmp_path / "s").exists()


def test_the_figures_are_the_same_words_in_english(tmp_path: Path, capsys, monkeypatch) -> None:
    # The two lines on stdout are for scripts (README quotes them): the same in every language.
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    set_language("en")
    code, summary, _ = _run(capsys, "--db", str(tmp_path / "scratch"), "--writers", "1", "--edits", "2", "--seed", "1")
    assert code == 0 and summary[2] == "2"
