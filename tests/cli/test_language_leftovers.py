"""Command-line texts that spoke the other language after the conversion, in both languages.

`haicap set` and `haicap item` named a change's field by its key ("owner: — → …") in
Vietnamese too; `items` and `search` showed an item's kind by its slug ("request");
`extract` showed the kind and the reason a sentence is left out by their slugs ("[request]",
"bỏ ra: caption"); English `item` headed one item with the plural ("Requests") and showed
the statuses history keeps in Vietnamese; `synth` and `bench` named their values in English
("PATH", "FILE", "TEXT") in Vietnamese help; `restore` named the change a backup was kept
before by its slug ("update-tracking"). Machine output (`--json`) stays the same.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_command_line import ARTICLE

from haicap.tui.cli.main import main

REQUEST = "cdb5ed9f-16"
AGENCY = "Sở Tài chính"


@pytest.fixture
def db(seeded_store_path: Path) -> list[str]:
    return ["--db", str(seeded_store_path)]


def out_of(capsys, *argv: str) -> str:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def test_a_change_names_its_field_in_vietnamese(db: list[str], capsys) -> None:
    changed = out_of(capsys, *db, "set", REQUEST, "--status", "in_progress", "--owner", AGENCY)
    assert f"  cơ quan chủ trì: — → {AGENCY}\n" in changed
    assert "  tình trạng: Mới tiếp nhận → Đang giải quyết\n" in changed
    assert "owner:" not in changed and "status:" not in changed
    history = out_of(capsys, *db, "item", REQUEST)
    assert "· tình trạng: Mới tiếp nhận → Đang giải quyết" in history and "status:" not in history


def test_a_change_reads_in_english(db: list[str], capsys) -> None:
    out_of(capsys, *db, "set", REQUEST, "--status", "in_progress", "--owner", AGENCY)
    shown = out_of(capsys, *db, "--lang", "en", "item", REQUEST)
    assert shown.startswith(f"{REQUEST}  Request\n"), "one item: the singular"
    assert "· status: Received → In progress" in shown and "Mới tiếp nhận" not in shown
    assert f"· owner: — → {AGENCY}" in shown
    # What the store keeps is unchanged: the JSON has history as it was recorded.
    data = json.loads(out_of(capsys, *db, "item", REQUEST, "--json"))
    assert {"field": "status", "old": "Mới tiếp nhận", "new": "Đang giải quyết"}.items() <= next(
        entry for entry in data["history"] if entry["field"] == "status"
    ).items()


def test_lists_name_the_kind_in_the_language(db: list[str], capsys) -> None:
    listed = out_of(capsys, *db, "items", "--kind", "request")
    assert all(line.split("  ")[1] == "Kiến nghị" for line in listed.splitlines())
    assert " request " not in listed
    listed = out_of(capsys, *db, "--lang", "en", "items", "--kind", "request")
    assert all(line.split("  ")[1] == "Request" for line in listed.splitlines())
    assert {entry["kind"] for entry in json.loads(out_of(capsys, *db, "items", "--json"))} >= {"request", "directive"}


def test_extract_names_kinds_and_reasons_in_the_language(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bai.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    shown = out_of(capsys, "extract", str(path))
    assert "[Kiến nghị] " in shown and "[bỏ ra: bối cảnh] " in shown
    assert "[request]" not in shown and "context" not in shown
    shown = out_of(capsys, "--lang", "en", "extract", str(path))
    assert "[Request] " in shown and "[left out: context] " in shown


@pytest.mark.parametrize("command", ["synth", "bench"])
def test_developer_tools_name_their_values_in_vietnamese(command: str, capsys) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    shown = capsys.readouterr().out
    assert "ĐƯỜNG_DẪN" in shown or "TỆP" in shown
    for english in (" PATH", " FILE", " TEXT", " NAME"):
        assert english not in shown


def test_backups_name_the_change_they_were_kept_before_in_the_language(db: list[str], capsys) -> None:
    out_of(capsys, *db, "set", REQUEST, "--owner", AGENCY)
    first = out_of(capsys, *db, "restore").splitlines()[1]
    assert "sửa theo dõi" in first and "update-tracking" not in first
    first = out_of(capsys, *db, "--lang", "en", "restore").splitlines()[1]
    assert "update-tracking" in first, "English keeps the name the backup's file has"
