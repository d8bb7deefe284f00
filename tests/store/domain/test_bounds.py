"""Bounds on dates and settings, and a store that already holds values out of them.

An older haicap or a hand edit can leave a deadline in 9999, `answer_days` of 3,000,000, a
session dated 9999, a null record, a history row without its time, a number where text
belongs. Before issue 15, one such value made every `items`, `export` and dashboard start
of the store fail with OverflowError (or KeyError, TypeError) for every officer sharing
it. Now the store loads, the value is shown or left out, and a warning says what to fix.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import resource
import struct
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
import store_files

from haicap.store import Store, StoreError
from haicap.store.domain.bounds import LAST_DAY, add_days, check_day
from haicap.store.domain.errors import ReportError
from haicap.store.domain.followup import DeadlineRules, follow_up
from haicap.store.domain.models import Kind
from haicap.store.ingest.documents import read_document
from haicap.store.ingest.reports import load_structured
from haicap.tui.cli.main import main


def _damage(store_path: Path, change: Any) -> None:
    """Edit the store file as a person (or an older haicap) would: straight in its JSON."""
    store_files.edit(store_path, change)


def _first(tables: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(row for row in tables["items"].values() if row["kind"] == kind)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- refusing before writing ------------------------------------------------------------


def test_answer_days_out_of_range_are_refused_by_the_store(seeded_store_path: Path) -> None:
    before = store_files.snapshot(seeded_store_path)
    with Store.open(seeded_store_path) as store:
        for rules in (DeadlineRules(3_000_000, 50), DeadlineRules(40, 0), DeadlineRules(40, 3651)):
            with pytest.raises(StoreError, match="1 đến 3650"):
                store.set_deadline_rules(rules)
    assert store_files.snapshot(seeded_store_path) == before


def test_dates_out_of_range_or_before_the_session_are_refused_by_the_store(seeded_store_path: Path) -> None:
    with Store.open(seeded_store_path) as store:
        directive = next(i for i in store.items() if i.kind is Kind.DIRECTIVE)
        before = store_files.snapshot(seeded_store_path)
        for field, day in (("done", dt.date(1, 1, 1)), ("deadline", dt.date(9999, 12, 31)), ("done", dt.date(2101, 1, 1))):
            change: dict[str, Any] = {field: day}
            with pytest.raises(StoreError, match="nằm ngoài các năm 2000–2100"):
                store.update_tracking(directive.id, **change)
        with pytest.raises(StoreError, match="trước ngày làm việc"):
            store.update_tracking(directive.id, done=directive.session.date - dt.timedelta(days=1))
        with pytest.raises(StoreError, match="phải là văn bản"):
            store.update_tracking(directive.id, note=5)
    assert store_files.snapshot(seeded_store_path) == before


def test_date_arithmetic_never_overflows() -> None:
    assert add_days(dt.date(9999, 12, 1), 3_000_000) == dt.date.max
    assert add_days(dt.date(2025, 1, 1), 10**20) == dt.date.max
    assert add_days(dt.date(1, 1, 2), -10) == dt.date.min
    assert check_day(LAST_DAY, "x") == LAST_DAY


# -- a store that already holds bad values still works -------------------------------------


def test_a_huge_answer_days_in_the_store_still_lists_exports_and_warns(
    seeded_store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's poison: `config --answer-days 3000000`, then every command failed."""
    _damage(
        seeded_store_path, lambda t: t["meta"]["1"].update(deadline_rules={"answer_days": 3_000_000, "answer_days_with_co": "x"})
    )
    db = ["--db", str(seeded_store_path)]
    code, out, err = _run([*db, "items", "--kind", "request"], capsys)
    assert code == 0 and "Mới tiếp nhận" in out
    warnings = err.splitlines()
    assert any("answer-days của kho dữ liệu là 3000000" in w and "haicap config --answer-days" in w for w in warnings)
    assert all(w.startswith("haicap: cảnh báo: ") for w in warnings) and "Traceback" not in err
    code, out, err = _run([*db, "export", "-o", str(tmp_path / "m.md")], capsys)
    assert code == 0 and (tmp_path / "m.md").exists()
    # Setting the value again repairs the store, and the warning goes.
    code, out, err = _run([*db, "config", "--answer-days", "40", "--answer-days-with-co", "50"], capsys)
    assert code == 0
    code, out, err = _run([*db, "items"], capsys)
    assert code == 0 and err == ""


def test_a_deadline_and_a_session_in_9999_still_load(seeded_store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def poison(tables: dict[str, Any]) -> None:
        _first(tables, "directive")["tracking"] = {"deadline": "9999-12-31", "done": "0001-01-01", "owner": 7}
        next(iter(tables["sessions"].values()))["date"] = "9999-12-31"

    _damage(seeded_store_path, poison)
    db = ["--db", str(seeded_store_path)]
    code, out, err = _run([*db, "items", "--json"], capsys)
    assert code == 0
    items = json.loads(out)
    requests = [i for i in items if i["kind"] == "request"]
    assert requests and all(i["deadline"] == dt.date.max.isoformat() for i in requests)
    directive = next(i for i in items if i["deadline_set"] == "9999-12-31")
    assert directive["owner"] == "7"
    assert any(
        f"mục {directive['id']}: deadline 9999-12-31 nằm ngoài các năm 2000–2100" in line
        and f"haicap set {directive['id']} --deadline" in line
        for line in err.splitlines()
    )
    assert "phiên làm việc" in err and "Traceback" not in err
    code, out, err = _run([*db, "item", directive["id"]], capsys)
    assert code == 0 and "9999-12-31" in out
    with Store.open(seeded_store_path) as store:
        for item in store.items():
            follow_up(item, dt.date(2025, 12, 15), store.deadline_rules)


def test_null_records_malformed_history_and_wrong_types_are_left_out_with_a_warning(
    seeded_store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(seeded_store_path) as store:
        request = next(i for i in store.items() if i.kind is Kind.REQUEST)
        store.update_tracking(request.id, note="ghi chú")

    def damage(tables: dict[str, Any]) -> None:
        tables["items"]["9001"] = None
        tables["items"]["9002"] = {"id": "x", "kind": "nonsense", "session": "nope"}
        tables["sessions"]["9003"] = None
        tables["history"]["9004"] = None
        tables["history"]["9005"] = {"item": request.id, "who": "lan", "field": "note"}  # no time
        tables["history"]["9006"] = {"item": request.id, "who": "lan", "when": "yesterday", "field": "note"}
        row = next(r for r in tables["items"].values() if isinstance(r, dict) and r.get("id") == request.id)
        row["text"] = 12345
        row["tracking"] = {**row["tracking"], "status": "bogus", "deadline": "soon", "co_agencies": "Sở Xây dựng"}

    _damage(seeded_store_path, damage)
    db = ["--db", str(seeded_store_path)]
    code, out, err = _run([*db, "items"], capsys)
    assert code == 0 and request.id in out and "12345" in out
    for words in (
        "bản ghi mục 9001",
        "bản ghi phiên làm việc 9003",
        "bản ghi lịch sử 9004",
        "bản ghi lịch sử 9005",
        "bản ghi lịch sử 9006",
        "có nội dung là int",
        "status 'bogus'",
        "deadline 'soon' không phải là ngày",
    ):
        assert words in err, words
    assert "Traceback" not in err
    code, out, err = _run([*db, "item", request.id], capsys)
    assert (
        code == 0 and out.count("→ ghi chú") == 1 and out.count(":          ghi chú") == 1
    )  # the note line, and the one sound history entry
    code, out, err = _run([*db, "export", "-o", str(tmp_path / "t.csv")], capsys)
    assert code == 0


async def test_the_dashboard_opens_a_poisoned_store(seeded_store_path: Path) -> None:
    from apps import make_app

    def poison(tables: dict[str, Any]) -> None:
        tables["meta"]["1"]["deadline_rules"] = {"answer_days": 3_000_000}
        _first(tables, "directive")["tracking"] = {"deadline": "9999-12-31"}
        tables["items"]["9001"] = None
        tables["history"] = {"1": None, "2": {"item": "x"}}

    _damage(seeded_store_path, poison)
    app = make_app(seeded_store_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # It says, once, what the store holds that needs fixing.
        told = [n.text for n in app.notices if "giá trị hỏng" in n.text]
        assert len(told) == 1, [n.text for n in app.notices]
        await pilot.press("tab", "down", "enter")
        await pilot.pause()
        assert app.is_running
    assert app.store.deadline_rules == DeadlineRules()


# -- reports and documents ----------------------------------------------------------------


def test_billion_laughs_and_deep_nesting_are_refused_at_once() -> None:
    laughs = (
        "a: &a ["
        + ",".join(['"lol"'] * 9)
        + "]\n"
        + "".join(f"{b}: &{b} [{','.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True))
    )
    started = time.monotonic()
    for raw, suffix in ((laughs, ".yaml"), ("[" * 100_000 + "]" * 100_000, ".json"), ("- " * 100_000 + "x", ".yaml")):
        with pytest.raises(ReportError):
            load_structured(raw.encode(), "f" + suffix, suffix)
    assert time.monotonic() - started < 1.0
    with pytest.raises(ReportError, match="khóa 'a' bị lặp"):
        load_structured(b'{"a": 1, "a": 2}', "f.json", ".json")
    assert load_structured(b'{"a": [1, {"b": 2}]}', "f.json", ".json") == {"a": [1, {"b": 2}]}


def _lying_docx(real: int) -> bytes:
    """A .docx whose central directory says its document part holds 10 bytes; it holds `real`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * real + b"</w:document>")
    data = bytearray(buffer.getvalue())
    name = b"word/document.xml"
    for signature, size_at, name_at, length_at in ((b"PK\x01\x02", 24, 46, 28), (b"PK\x03\x04", 22, 30, 26)):
        at = data.find(signature)
        while at != -1:
            length = struct.unpack("<H", data[at + length_at : at + length_at + 2])[0]
            if data[at + name_at : at + name_at + length] == name:
                data[at + size_at : at + size_at + 4] = struct.pack("<I", 10)
            at = data.find(signature, at + 4)
    return bytes(data)


def test_a_zip_that_lies_about_sizes_is_refused_within_a_second_and_little_memory(tmp_path: Path) -> None:
    lying = tmp_path / "lying.docx"
    lying.write_bytes(_lying_docx(200 * 1024 * 1024))
    inflating = tmp_path / "inflating.docx"
    body = b"<w:document><w:body>" + b" " * (60 * 1024 * 1024) + b"</w:body></w:document>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", body)
    inflating.write_bytes(buffer.getvalue())
    del body, buffer
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    with pytest.raises(ReportError, match="tệp Word bị hỏng"):
        read_document(lying)
    with pytest.raises(ReportError, match="giải nén ra hơn 32 MB"):
        read_document(inflating)
    assert time.monotonic() - started < 1.0
    # ru_maxrss is in kB on Linux: reading grew the peak by far less than what the parts hold.
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before < 100 * 1024


def test_the_edit_dialog_of_a_request_in_a_session_dated_9999_opens(seeded_store_path: Path) -> None:
    """Its placeholder shows the default deadline: session date + answer days, which overflowed."""
    from haicap.tui.dialogs.edit_item_dialog import EditItemDialog

    _damage(seeded_store_path, lambda t: next(iter(t["sessions"].values())).update(date="9999-12-31"))
    with Store.open(seeded_store_path) as store:
        request = next(i for i in store.items() if i.kind is Kind.REQUEST)
        fields = EditItemDialog(request, store.deadline_rules)._fields()
    assert any("31/12/9999" in placeholder for _, _, _, placeholder in fields)
