"""Due soon from the shell: `haicap config --due-soon-days`, `haicap items --due-within`, and
`due_soon` / `days_left` in `items --json`.

The seed session (cdb5ed9f, 25/11/2025) has four requests, cdb5ed9f-16..19, due by default
on 04/01/2026, and directives cdb5ed9f-20..38 without a deadline. Today is fixed at
01/01/2026: the requests are due in 3 days.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from haicap.store.domain.i18n import set_language
from haicap.tui.cli.main import main

REQUESTS = ["cdb5ed9f-16", "cdb5ed9f-17", "cdb5ed9f-18", "cdb5ed9f-19"]
DIRECTIVE, LATER_DIRECTIVE, DONE_DIRECTIVE = "cdb5ed9f-20", "cdb5ed9f-21", "cdb5ed9f-22"


@pytest.fixture
def store_folder(seeded_store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HAICAP_DB", str(seeded_store_path))
    monkeypatch.setenv("HAICAP_TODAY", "2026-01-01")
    monkeypatch.setattr("haicap.store.domain.history._whoami", lambda: "lan")
    return seeded_store_path


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit:  # argparse's own refusals
        code = int(exit.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _json(capsys, *argv: str):
    code, out, err = _run(capsys, *argv)
    assert code == 0, err
    return json.loads(out)


def _national(folder: Path) -> bytes:
    return (folder / "haicap.json").read_bytes()


# -- config ------------------------------------------------------------------------------------


def test_config_shows_changes_and_audits_the_due_soon_days(store_folder: Path, capsys) -> None:
    code, out, _ = _run(capsys, "config")
    assert code == 0 and "due-soon-days: 7  (mục chưa xong đến hạn trong ngần này ngày được đánh dấu sắp đến hạn)" in out
    code, out, _ = _run(capsys, "config", "--due-soon-days", "3")
    assert code == 0 and out.startswith("đã đổi: số ngày sắp đến hạn 7 → 3\n") and "due-soon-days: 3" in out
    code, out, _ = _run(capsys, "config", "--due-soon-days", "3")
    assert code == 0 and out.startswith("không đổi: due-soon-days 3\n")
    code, out, _ = _run(capsys, "config", "--due-soon-days", "0")
    assert code == 0 and "due-soon-days: 0  (không đánh dấu mục nào sắp đến hạn)" in out
    audit = _json(capsys, "audit", "--json")
    assert [e["detail"] for e in audit if e["detail"].startswith("due-soon-days")] == [
        "due-soon-days 3 → 0",
        "due-soon-days 7 → 3",
    ]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("366", "tối đa 365, không phải 366"),
        ("-1", "ít nhất 0, không phải -1"),
        ("1e3", "'1e3' không phải là số nguyên"),
        ("7.5", "'7.5' không phải là số nguyên"),
        ("1_0", "'1_0' không phải là số nguyên"),
        ("", "'' không phải là số nguyên"),
    ],
)
def test_config_refuses_a_bad_value_in_one_line_and_writes_nothing(store_folder: Path, capsys, value: str, words: str) -> None:
    before = _national(store_folder)
    code, out, err = _run(capsys, "config", "--due-soon-days", value, "--answer-days", "30")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("haicap: --due-soon-days: ") and words in err
    assert _national(store_folder) == before


def test_a_damaged_stored_value_warns_and_config_repairs_it(store_folder: Path, capsys) -> None:
    path = store_folder / "haicap.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    [meta] = data["meta"].values()
    meta["due_soon_days"] = 3000000
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, err = _run(capsys, "config")
    assert code == 0 and "due-soon-days: 7" in out
    assert "haicap: cảnh báo: due-soon-days của kho dữ liệu là 3000000, không nằm trong 0 đến 365; dùng 7" in err
    # Setting the default again is a change: it replaces the damaged value.
    code, out, err = _run(capsys, "config", "--due-soon-days", "7")
    assert code == 0 and out.startswith("đã đổi: số ngày sắp đến hạn 7 → 7")
    code, out, err = _run(capsys, "config")
    assert code == 0 and err == ""


# -- items --due-within --------------------------------------------------------------------------


def _setup_directives(capsys) -> None:
    """A directive due in 1 day, one due in 10 days and one done."""
    for argv in (
        ("set", DIRECTIVE, "--deadline", "2026-01-02"),
        ("set", LATER_DIRECTIVE, "--deadline", "2026-01-11"),
        ("set", DONE_DIRECTIVE, "--deadline", "2026-01-02", "--done", "2025-12-30"),
    ):
        assert _run(capsys, *argv)[0] == 0


def test_items_due_within_lists_the_open_ones_nearest_first(store_folder: Path, capsys) -> None:
    _setup_directives(capsys)
    listed = _json(capsys, "items", "--due-within", "7", "--json")
    assert [e["id"] for e in listed] == [DIRECTIVE, *REQUESTS]
    assert [e["days_left"] for e in listed] == [1, 3, 3, 3, 3]
    assert all(e["due_soon"] and not e["overdue"] for e in listed)
    # --due-within overrides the setting: 10 days reaches the later directive, which is not "due soon".
    wider = _json(capsys, "items", "--due-within", "10", "--json")
    assert [e["id"] for e in wider] == [DIRECTIVE, *REQUESTS, LATER_DIRECTIVE]
    assert wider[-1]["due_soon"] is False and wider[-1]["days_left"] == 10
    assert [e["id"] for e in _json(capsys, "items", "--due-within", "0", "--json")] == []
    assert [e["id"] for e in _json(capsys, "items", "--due-within", "0", "--today", "2026-01-02", "--json")] == [DIRECTIVE]
    # Other filters still apply.
    requests = _json(capsys, "items", "--due-within", "7", "--kind", "request", "--commune", "van du", "--json")
    assert [e["id"] for e in requests] == REQUESTS


def test_items_due_within_prints_the_days_left(store_folder: Path, capsys) -> None:
    _setup_directives(capsys)
    code, out, _ = _run(capsys, "items", "--due-within", "10")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 6
    assert lines[0].startswith(DIRECTIVE) and "Đang thực hiện – trong hạn · còn 1 ngày" in lines[0]
    assert "Mới tiếp nhận · còn 3 ngày" in lines[1]
    # Beyond the store's 7 days, the days left are given too (the list asked for them).
    assert lines[-1].startswith(LATER_DIRECTIVE) and "· còn 10 ngày" in lines[-1]
    code, out, _ = _run(capsys, "items", "--due-within", "10", "--lang", "en")
    assert "In progress – on time · 1 day left" in out and "Received · 3 days left" in out
    set_language("vi")
    # On the requests' deadline: they are due today; the first directive is overdue by then.
    code, out, _ = _run(capsys, "items", "--due-within", "2", "--today", "2026-01-04")
    assert code == 0 and out.count("Mới tiếp nhận · hôm nay đến hạn") == 4 and len(out.splitlines()) == 4
    code, out, _ = _run(capsys, "items", "--due-within", "0", "--today", "2026-01-05")
    assert code == 0 and out == "Không có mục nào khớp\n"


def test_plain_items_mark_the_due_soon_ones(store_folder: Path, capsys) -> None:
    code, out, _ = _run(capsys, "items", "--kind", "request")
    assert code == 0 and out.count("Mới tiếp nhận · còn 3 ngày") == 4
    code, out, _ = _run(capsys, "item", REQUESTS[0])
    assert "Mới tiếp nhận · còn 3 ngày" in out
    code, out, _ = _run(capsys, "items", "--kind", "request", "--today", "2026-01-04")
    assert out.count("Mới tiếp nhận · hôm nay đến hạn") == 4
    assert _run(capsys, "config", "--due-soon-days", "0")[0] == 0
    code, out, _ = _run(capsys, "items", "--kind", "request")
    assert "còn 3 ngày" not in out and out.count("Mới tiếp nhận") == 4
    listed = _json(capsys, "items", "--kind", "request", "--json")
    assert all(e["due_soon"] is False and e["days_left"] == 3 for e in listed)


def test_the_json_fields_of_other_items(store_folder: Path, capsys) -> None:
    listed = _json(capsys, "items", "--json", "--today", "2026-01-10")
    by_id = {e["id"]: e for e in listed}
    assert by_id[REQUESTS[0]]["overdue"] and by_id[REQUESTS[0]]["days_left"] is None and not by_id[REQUESTS[0]]["due_soon"]
    assert by_id[DIRECTIVE]["days_left"] is None and by_id[DIRECTIVE]["due_soon"] is False  # no deadline
    achievement = by_id["cdb5ed9f-01"]
    assert achievement["due_soon"] is False and achievement["days_left"] is None


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("items", "--due-within", "366"), "--due-within: tối đa 365, không phải 366"),
        (("items", "--due-within", "-2"), "--due-within: ít nhất 0, không phải -2"),
        (("items", "--due-within", "a week"), "--due-within: 'a week' không phải là số nguyên"),
        (("items", "--due-within", "3", "--overdue"), "--overdue"),
    ],
)
def test_items_due_within_refuses_bad_values_in_one_line(store_folder: Path, capsys, argv, words: str) -> None:
    code, out, err = _run(capsys, *argv)
    assert code == 2 and out == "" and err.count("\n") == 1 and words in err and err.startswith("haicap")
