"""Following items up from the shell: `haicap items`, `item`, `set`, `search`, `restore-item`, `config`.

The seed session (cdb5ed9f, 25/11/2025, Thanh Hóa) is with xã Ngọc Trạo, Vân Du and Kim
Tân; its requests are cdb5ed9f-16..19, its directives cdb5ed9f-20..38. Today is fixed at
10/01/2026, 46 days after the session, so an untouched request (due after 40 days) is
6 days overdue.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from haicap.store import Store
from haicap.store.domain.i18n import set_language
from haicap.tui.cli.main import main

REQUEST = "cdb5ed9f-16"
OTHER_REQUEST = "cdb5ed9f-17"
DIRECTIVE = "cdb5ed9f-20"
ACHIEVEMENT = "cdb5ed9f-01"
AGENCY = "Sở Nông nghiệp và Môi trường"


@pytest.fixture
def store_folder(seeded_store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seeded store, as HAICAP_DB, with today fixed and a known user name."""
    monkeypatch.setenv("HAICAP_DB", str(seeded_store_path))
    monkeypatch.setenv("HAICAP_TODAY", "2026-01-10")
    monkeypatch.setattr("haicap.store.domain.history._whoami", lambda: "lan")
    return seeded_store_path


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _json(capsys, *argv: str):
    code, out, err = _run(capsys, *argv)
    assert code == 0, err
    return json.loads(out)


def _store_bytes(folder: Path) -> bytes:
    return (folder / "haicap.json").read_bytes()


# -- the "done when" -------------------------------------------------------------


def test_a_van_du_request_set_in_progress_past_its_deadline_is_listed_overdue(store_folder: Path, capsys) -> None:
    code, out, err = _run(capsys, "set", REQUEST, "--status", "Đang giải quyết", "--owner", AGENCY, "--deadline", "2026-01-01")
    assert code == 0, err
    assert "Đang giải quyết – quá hạn 9 ngày" in out

    listed = _json(capsys, "items", "--overdue", "--json", "--commune", "xã Vân Du", "--province", "Thanh Hóa")
    [mine] = [entry for entry in listed if entry["id"] == REQUEST]
    assert mine["overdue"] is True and mine["late_days"] == 9
    assert mine["due_soon"] is False and mine["days_left"] is None
    assert mine["status"] == "in_progress" and mine["state"] == "Đang giải quyết – quá hạn 9 ngày"
    assert mine["owner"] == AGENCY and mine["deadline"] == "2026-01-01" and mine["deadline_set"] == "2026-01-01"
    assert {"type": "xã", "name": "Vân Du", "code": "15190"} in mine["communes"]
    assert mine["session"] == {"id": "cdb5ed9f", "date": "2025-11-25", "leader": "Trịnh Tuấn Sinh"}
    assert set(mine) == {
        "id",
        "kind",
        "text",
        "communes",
        "session",
        "owner",
        "co_agencies",
        "deadline",
        "deadline_set",
        "done",
        "status",
        "state",
        "overdue",
        "late_days",
        "due_soon",
        "days_left",
        "answer",
        "note",
        "responds_to",
    }
    assert all(entry["overdue"] for entry in listed)

    with Store.open(store_folder) as store:
        item = store.item(REQUEST)
        assert item.tracking.owner == AGENCY and item.tracking.status.value == "in_progress"


def test_item_shows_the_history_with_who_changed_it(store_folder: Path, capsys) -> None:
    assert main(["set", REQUEST, "--status", "in_progress", "--owner", AGENCY]) == 0
    capsys.readouterr()
    code, out, _ = _run(capsys, "item", REQUEST)
    assert code == 0
    history = out[out.index("lịch sử:") :]
    assert "lan · tình trạng: Mới tiếp nhận → Đang giải quyết" in history
    assert f"lan · cơ quan chủ trì: — → {AGENCY}" in history

    data = _json(capsys, "item", REQUEST[:11], "--json")
    assert data["id"] == REQUEST
    assert {(h["who"], h["field"], h["old"], h["new"]) for h in data["history"]} == {
        ("lan", "status", "Mới tiếp nhận", "Đang giải quyết"),
        ("lan", "owner", "", AGENCY),
    }


def test_items_text_is_one_aligned_line_per_item(store_folder: Path, capsys) -> None:
    code, out, _ = _run(capsys, "items", "--commune", "van du", "--province", "thanh hoa", "--kind", "request")
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == ["cdb5ed9f-16", "cdb5ed9f-17", "cdb5ed9f-18", "cdb5ed9f-19"]
    assert all("xã Vân Du +2" in line and "Mới tiếp nhận – quá hạn 6 ngày" in line for line in lines)
    assert len({line.index("Mới tiếp nhận") for line in lines}) == 1


def test_items_filters_by_kind_and_status_in_vietnamese(store_folder: Path, capsys) -> None:
    assert main(["set", DIRECTIVE, "--status", "Hoàn thành"]) == 0
    capsys.readouterr()
    directives = _json(capsys, "items", "--kind", "chi dao", "--json")
    assert len(directives) == 19 and {d["kind"] for d in directives} == {"directive"}
    done = _json(capsys, "items", "--status", "hoan thanh", "--json")
    assert [d["id"] for d in done] == [DIRECTIVE]
    assert done[0]["done"] == "2026-01-10" and done[0]["status"] == "done"
    in_progress = _json(capsys, "items", "--status", "dang giai quyet", "--json")
    assert in_progress == []


def test_an_ambiguous_commune_names_its_provinces(store_folder: Path, capsys) -> None:
    code, out, err = _run(capsys, "items", "--commune", "xã Hồng Sơn")  # several provinces, no sessions
    assert code == 2 and out == ""
    line = err.strip()
    assert "\n" not in line and line.startswith("haicap: ") and line.count("xã Hồng Sơn (") >= 3


def test_a_repeated_name_is_the_commune_with_sessions(store_folder: Path, capsys) -> None:
    # xã Vân Du is in Thanh Hóa and in Nghệ An; only Thanh Hóa's has a session.
    code, out, err = _run(capsys, "items", "--commune", "xã Vân Du")
    assert code == 0, err
    assert "Vân Du" in out


# -- refusals ----------------------------------------------------------------------------

REFUSALS = {
    "unknown id": ["set", "cdb5ed9f-99", "--owner", AGENCY],
    "ambiguous prefix": ["set", "cdb5ed9f-1", "--owner", AGENCY],
    "bad status for a request": ["set", REQUEST, "--owner", AGENCY, "--status", "done"],
    "bad status for a directive": ["set", DIRECTIVE, "--owner", AGENCY, "--status", "Đã trả lời"],
    "status on an achievement": ["set", ACHIEVEMENT, "--status", "in_progress"],
    "bad date": ["set", REQUEST, "--owner", AGENCY, "--deadline", "2026-02-30"],
    "not a date": ["set", DIRECTIVE, "--owner", AGENCY, "--done", "soon"],
    "answer on a directive": ["set", DIRECTIVE, "--owner", AGENCY, "--answer", "đã xong"],
    "done none with status done": ["set", DIRECTIVE, "--status", "done", "--done", "none"],
    "nothing to set": ["set", REQUEST],
    "bad --today": ["--today", "2026-13-01", "set", REQUEST, "--owner", AGENCY],
    "restore a live item": ["restore-item", REQUEST],
    "zero days": ["config", "--answer-days", "0", "--answer-days-with-co", "50"],
    "days not a number": ["config", "--answer-days", "60", "--answer-days-with-co", "năm mươi"],
}


@pytest.mark.parametrize("argv", REFUSALS.values(), ids=REFUSALS.keys())
def test_each_refusal_is_one_line_and_changes_nothing(store_folder: Path, capsys, argv: list[str]) -> None:
    before = _store_bytes(store_folder)
    code, out, err = _run(capsys, *argv)
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("haicap: "), lines
    assert out == ""
    assert _store_bytes(store_folder) == before


def test_refusal_messages_say_why(store_folder: Path, capsys) -> None:
    expected = {
        "unknown id": "không có mục nào mã 'cdb5ed9f-99'",
        "ambiguous prefix": "chưa rõ",
        "bad status for a request": "không phải là tình trạng của kiến nghị",
        "status on an achievement": "là kết quả",
        "bad date": "không phải là ngày có thật",
        "answer on a directive": "chỉ kiến nghị mới có nội dung trả lời",
    }
    for name, reason in expected.items():
        assert main(REFUSALS[name]) != 0
        assert reason in capsys.readouterr().err, name


def test_unknown_item_and_ambiguous_prefix_exit_1(store_folder: Path, capsys) -> None:
    assert main(["item", "zzzz"]) == 1
    assert capsys.readouterr().err.strip() == "haicap: không có mục nào mã 'zzzz'"
    assert main(["item", "cdb5ed9f-1"]) == 1
    assert "chưa rõ" in capsys.readouterr().err


def test_a_missing_store_is_refused_not_created(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "nowhere"
    assert main(["--db", str(folder), "items"]) == 1
    assert "không có kho dữ liệu haicap" in capsys.readouterr().err
    assert not folder.exists()


# -- several fields, all or nothing --------------------------------------------------------


def test_set_writes_several_fields_in_one_change(store_folder: Path, capsys) -> None:
    code, _out, err = _run(
        capsys,
        "set",
        REQUEST,
        "--status",
        "answered",
        "--co-agency",
        "Sở Tài chính",
        "--co-agency",
        "Sở Xây dựng",
        "--answer",
        "Đã bố trí 2 tỷ đồng",
        "--note",
        "xem lại tháng 3",
    )
    assert code == 0, err
    with Store.open(store_folder) as store:
        tracking = store.item(REQUEST).tracking
        assert tracking.status.value == "answered" and tracking.answer == "Đã bố trí 2 tỷ đồng"
        assert tracking.co_agencies == ("Sở Tài chính", "Sở Xây dựng") and tracking.note == "xem lại tháng 3"
        assert {entry.field for entry in store.history(REQUEST)} == {"status", "co_agencies", "answer", "note"}


def test_clearing_a_deadline_returns_a_request_to_the_default(store_folder: Path, capsys) -> None:
    assert main(["set", REQUEST, "--deadline", "2026-03-01"]) == 0
    capsys.readouterr()
    assert _json(capsys, "item", REQUEST, "--json")["overdue"] is False
    assert main(["set", REQUEST, "--deadline", "none"]) == 0
    capsys.readouterr()
    data = _json(capsys, "item", REQUEST, "--json")
    assert data["deadline"] == "2026-01-04" and data["deadline_set"] is None and data["late_days"] == 6


# -- today -----------------------------------------------------------------------------


def test_today_option_overrides_the_environment(store_folder: Path, capsys) -> None:
    assert len(_json(capsys, "items", "--overdue", "--json")) == 4
    assert _json(capsys, "--today", "2025-12-20", "items", "--overdue", "--json") == []
    late = _json(capsys, "items", "--today", "2026-01-20", "--overdue", "--json")
    assert {entry["late_days"] for entry in late} == {16}
    assert len(_json(capsys, "items", "--overdue", "--json")) == 4  # the option lasted one run


def test_today_option_dates_a_directive_done(store_folder: Path, capsys) -> None:
    assert main(["--today", "2026-01-05", "set", DIRECTIVE, "--status", "done"]) == 0
    capsys.readouterr()
    assert _json(capsys, "item", DIRECTIVE, "--json")["done"] == "2026-01-05"
    assert main(["set", DIRECTIVE, "--status", "in_progress"]) == 0
    capsys.readouterr()
    assert _json(capsys, "item", DIRECTIVE, "--json")["done"] is None


def test_a_bad_haicap_today_is_one_line_and_exit_2(store_folder: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("HAICAP_TODAY", "mai")
    code, _, err = _run(capsys, "items")
    assert code == 2 and err.strip().startswith("haicap: HAICAP_TODAY=") and "\n" not in err.strip()


def test_today_option_reaches_the_dashboard(store_folder: Path, capsys, monkeypatch, fake_terminal) -> None:
    import haicap.tui.app

    seen = {}

    class FakeApp:
        return_code = 0

        def run(self) -> None:
            seen["ran"] = True

    def make_app(path, province, **options):
        seen["today"] = options["calendar"].today()
        return FakeApp()

    monkeypatch.setattr(haicap.tui.app, "make_app", make_app)
    assert main(["--today", "2025-12-01"]) == 0
    assert seen == {"today": dt.date(2025, 12, 1), "ran": True}
    seen.clear()
    assert main([]) == 0
    assert seen == {"today": dt.date(2026, 1, 10), "ran": True}, "without --today, $HAICAP_TODAY"
    seen.clear()
    assert main(["--today", "01/13/2025"]) == 2
    assert seen == {} and "--today" in capsys.readouterr().err
    monkeypatch.setenv("HAICAP_TODAY", "soon")
    assert main([]) == 2, "a bad day is refused before the screen is taken over"
    assert seen == {} and capsys.readouterr().err.startswith("haicap: HAICAP_TODAY=")


# -- search, restore, config ---------------------------------------------------------------


def test_search_ignores_diacritics_and_case(store_folder: Path, capsys) -> None:
    code, out, _ = _run(capsys, "search", "ngoc", "TRAO")
    assert code == 0
    assert out.split()[0] == "cdb5ed9f-08" and "Kết quả" in out and "xã Ngọc Trạo" in out
    hits = _json(capsys, "search", "Sông bưởi", "--json")
    assert [hit["id"] for hit in hits] == [OTHER_REQUEST] and hits[0]["kind"] == "request"
    assert _run(capsys, "search", "atlantis")[1].startswith("không có nội dung nào chứa")


def test_restore_item_brings_back_a_deleted_item(store_folder: Path, capsys) -> None:
    with Store.open(store_folder) as store:
        store.delete_item(OTHER_REQUEST)
    assert _json(capsys, "search", "song buoi", "--json") == []
    assert OTHER_REQUEST not in {entry["id"] for entry in _json(capsys, "items", "--json")}
    code, out, err = _run(capsys, "restore-item", OTHER_REQUEST[:11])
    assert code == 0, err
    assert out.startswith(f"đã khôi phục {OTHER_REQUEST}")
    assert [hit["id"] for hit in _json(capsys, "search", "song buoi", "--json")] == [OTHER_REQUEST]
    with Store.open(store_folder) as store:
        assert not store.item(OTHER_REQUEST).deleted
        assert [e.who for e in store.history(OTHER_REQUEST) if e.field == "deleted"][-1] == "lan"


def test_config_changes_the_default_deadline_and_items_follow(store_folder: Path, capsys) -> None:
    code, out, _ = _run(capsys, "config")
    assert code == 0 and "answer-days: 40" in out and "answer-days-with-co: 50" in out
    assert _json(capsys, "item", REQUEST, "--json")["deadline"] == "2026-01-04"

    code, out, err = _run(capsys, "config", "--answer-days", "60", "--answer-days-with-co", "75")
    assert code == 0, err
    assert "answer-days: 60" in out and "answer-days-with-co: 75" in out
    with Store.open(store_folder) as store:
        assert (store.deadline_rules.answer_days, store.deadline_rules.answer_days_with_co) == (60, 75)
    data = _json(capsys, "item", REQUEST, "--json")
    assert data["deadline"] == "2026-01-24" and data["overdue"] is False
    assert _json(capsys, "items", "--overdue", "--json") == []

    assert main(["set", OTHER_REQUEST, "--co-agency", "Sở Tài chính"]) == 0
    capsys.readouterr()
    assert _json(capsys, "item", OTHER_REQUEST, "--json")["deadline"] == "2026-02-08"


def test_commands_accept_db_after_the_command(store_folder: Path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("HAICAP_DB")
    assert len(_json(capsys, "items", "--db", str(store_folder), "--kind", "request", "--json")) == 4
    assert len(_json(capsys, "--db", str(store_folder), "items", "--kind", "request", "--json")) == 4


def test_a_request_links_the_directives_that_answer_it(store_folder: Path, capsys) -> None:
    code, _out, err = _run(capsys, "set", REQUEST, "--responds-to", DIRECTIVE)
    assert code == 0, err
    [entry] = [e for e in _json(capsys, "items", "--json", "--kind", "request") if e["id"] == REQUEST]
    assert entry["responds_to"] == [DIRECTIVE]
    before = _store_bytes(store_folder)
    # Only directives answer requests, and only requests are answered.
    assert _run(capsys, "set", REQUEST, "--responds-to", ACHIEVEMENT)[0] == 1
    assert _run(capsys, "set", DIRECTIVE, "--responds-to", DIRECTIVE)[0] != 0
    assert _store_bytes(store_folder) == before


# -- the language spoken -----------------------------------------------------------------


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """English for this test: the locale a user would set (what `main` reads once it chooses
    the language) and the language spoken now; conftest goes back to Vietnamese after it."""
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    set_language("en")


def test_an_empty_listing_says_so_in_vietnamese_by_default(store_folder: Path, capsys) -> None:
    code, out, _ = _run(capsys, "items", "--kind", "achievement", "--status", "done")
    assert code == 0 and out == "Không có mục nào khớp\n"


def test_an_empty_listing_says_so_in_english(store_folder: Path, capsys, english) -> None:
    code, out, _ = _run(capsys, "items", "--kind", "achievement", "--status", "done")
    assert code == 0 and out == "no item matches\n"


def test_a_bad_status_is_refused_in_vietnamese_by_default(store_folder: Path, capsys) -> None:
    code, out, err = _run(capsys, "set", REQUEST, "--status", "xong")
    assert code == 1 and out == ""
    assert err == (
        "haicap: 'xong' không phải là tình trạng của kiến nghị; dùng một trong: new (Mới tiếp nhận); "
        "in_progress (Đang giải quyết); answered (Đã trả lời); resolved (Đã giải quyết dứt điểm); "
        "unresolvable (Không giải quyết được (lý do khách quan))\n"
    )


def test_a_bad_status_is_refused_in_english(store_folder: Path, capsys, english) -> None:
    before = _store_bytes(store_folder)
    code, out, err = _run(capsys, "set", REQUEST, "--status", "xong")
    assert code == 1 and out == ""
    assert err == (
        "haicap: 'xong' is not a request status; use one of: new (Received); in_progress (In progress); "
        "answered (Answered); resolved (Resolved); unresolvable (Cannot be resolved (objective reasons))\n"
    )
    assert _run(capsys, "set", ACHIEVEMENT, "--note", "x")[2] == (
        f"haicap: item {ACHIEVEMENT} is an achievement: only requests and directives are followed up\n"
    )
    assert _store_bytes(store_folder) == before


def test_an_item_reads_in_vietnamese_by_default(store_folder: Path, capsys) -> None:
    code, out, err = _run(capsys, "set", REQUEST, "--owner", AGENCY)
    assert code == 0, err
    assert out.startswith(f"đã thay đổi {REQUEST} (người sửa: lan):\n  cơ quan chủ trì: — → {AGENCY}\n{REQUEST}  Kiến nghị\n")
    assert f"  cơ quan chủ trì:  {AGENCY}\n" in out
    assert "  tình trạng:       Mới tiếp nhận – quá hạn 6 ngày\n" in out
    assert "  hạn:              2026-01-04 (mặc định: 40 ngày sau phiên làm việc)\n" in out
    code, out, _ = _run(capsys, "item", DIRECTIVE)
    assert code == 0 and out.endswith("  hoàn thành:       —\n  ghi chú:          —\nlịch sử: chưa ghi nhận thay đổi nào\n")


def test_an_item_reads_in_english(store_folder: Path, capsys, english) -> None:
    code, out, err = _run(capsys, "set", REQUEST, "--owner", AGENCY)
    assert code == 0, err
    assert out.startswith(f"changed {REQUEST} (by lan):\n  owner: — → {AGENCY}\n{REQUEST}  Request\n")
    assert f"  owner:       {AGENCY}\n" in out
    assert "  state:       Received – 6 days overdue\n" in out
    assert "  deadline:    2026-01-04 (default: 40 days after the session)\n" in out
    assert "Mới tiếp nhận" not in out
    code, out, _ = _run(capsys, "item", DIRECTIVE)
    assert code == 0 and out.endswith("  done:        —\n  note:        —\nhistory: no change recorded\n")


def test_the_json_of_an_item_is_the_same_in_both_languages(store_folder: Path, capsys, monkeypatch) -> None:
    vietnamese = _json(capsys, "item", REQUEST, "--json")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    set_language("en")
    assert _json(capsys, "item", REQUEST, "--json") == vietnamese


def test_the_help_of_set_is_in_vietnamese_by_default_and_in_english_on_request(store_folder: Path, capsys, monkeypatch) -> None:
    with pytest.raises(SystemExit):
        main(["set", "--help"])
    assert "Thay đổi các trường theo dõi của một kiến nghị hoặc chỉ đạo." in capsys.readouterr().out
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    set_language("en")
    with pytest.raises(SystemExit):
        main(["set", "--help"])
    out = capsys.readouterr().out
    assert "Change a request's or directive's follow-up fields." in out and "kiến nghị:" not in out
