"""The `haicap` command: locations and one-line errors, without starting the dashboard."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli import main


def test_locate_prints_the_store_from_the_environment(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("HAICAP_DB", str(tmp_path / "from-env"))
    assert main(["locate"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "from-env")


def test_db_option_wins_over_the_environment(tmp_path: Path, capsys) -> None:
    assert main(["--db", str(tmp_path / "from-option"), "locate"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "from-option")


def test_default_store_is_in_the_user_data_directory(capsys, monkeypatch, isolated_data_dir: Path) -> None:
    monkeypatch.delenv("HAICAP_DB")
    assert main(["locate"]) == 0
    assert Path(capsys.readouterr().out.strip()) == isolated_data_dir / "haicap" / "store"


def test_unknown_province_is_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    assert main(["--db", str(tmp_path / "s"), "--province", "Atlantis"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("haicap: ") and "Atlantis" in err and "\n" not in err


def test_a_file_given_as_store_is_refused_and_left_alone(tmp_path: Path, capsys) -> None:
    not_a_store = tmp_path / "notes.txt"
    not_a_store.write_text("ghi chú", encoding="utf-8")
    assert main(["--db", str(not_a_store)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("haicap: ") and str(not_a_store) in err and "\n" not in err
    assert not_a_store.read_text(encoding="utf-8") == "ghi chú"


def test_newer_schema_is_refused_naming_both_versions(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "future"
    folder.mkdir()
    (folder / "haicap.json").write_text('{"meta": {"1": {"schema_version": 99}}}', encoding="utf-8")
    before = (folder / "haicap.json").read_bytes()
    assert main(["--db", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "99" in err and "1" in err and "upgrade" in err
    assert (folder / "haicap.json").read_bytes() == before


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("haicap ")
