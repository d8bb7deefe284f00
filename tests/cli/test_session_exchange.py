"""Moving a session between stores: `haicap export --format yaml|json` and `haicap import`
of that file (or of haicap's own Word minutes) into another store, end to end.

The seed session (cdb5ed9f) is edited in every way an officer can (texts, kinds, a
deletion, an item added by hand, every follow-up field, links) by several writers, and a
history row carries a field haicap does not know yet; the copy in an empty store must
then be the same field by field.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import json
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

from haicap.store import Kind, Store
from haicap.store.domain.tracking import RequestStatus
from haicap.store.ingest.reports import bundled_reports
from haicap.tui.cli.main import main

SESSION = "cdb5ed9f"
VAN_DU = "15190"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _edited_store(path: Path) -> Path:
    """The seeded store with every kind of change, by three writers."""
    with Store.open(path) as store:
        store.ensure_seeded()
        items = {i.id: i for i in store.items()}
        request, other_request = [i for i in items.values() if i.kind is Kind.REQUEST][:2]
        directive, other_directive = [i for i in items.values() if i.kind is Kind.DIRECTIVE][:2]
        achievement, difficulty = (next(i for i in items.values() if i.kind is k) for k in (Kind.ACHIEVEMENT, Kind.DIFFICULTY))
        store.update_tracking(
            request.id,
            who="lan",
            owner="Sở Tài chính",
            co_agencies=("Sở Xây dựng", "UBND xã Vân Du"),
            deadline=dt.date(2026, 1, 20),
            status=RequestStatus.ANSWERED,
            answer="Đã bố trí 5 tỷ đồng",
            note="Theo dõi tiếp",
            responds_to=(directive.id,),
        )
        store.set_status(other_request.id, "unresolvable", who="minh")
        store.update_tracking(
            directive.id, who="minh", owner="Sở Xây dựng", deadline=dt.date(2026, 2, 1), done=dt.date(2026, 1, 5)
        )
        store.update_tracking(other_directive.id, who="hoa", note="Chưa bắt đầu")
        store.edit_text(achievement.id, achievement.text + " (đã sửa)", who="hoa")
        store.change_kind(difficulty.id, Kind.REQUEST, who="lan")
        store.delete_item(other_directive.id, who="lan")
        store.add_item(SESSION, (VAN_DU,), Kind.DIRECTIVE, "Giao UBND xã Vân Du rà soát các hộ bị ảnh hưởng.", who="minh")
    # A history row with a field this haicap does not know (another version's): copied as it is.
    province = path / "province-38.json"
    data = json.loads(province.read_text("utf-8"))
    first = min(data["history"], key=int)
    data["history"][first]["source"] = "from tracking.xlsx"
    province.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


@pytest.fixture
def edited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return _edited_store(tmp_path / "a")


def _empty(path: Path) -> Path:
    with Store.open(path) as store:
        store.skip_seeds()
    return path


def _state(folder: Path) -> dict[str, str]:
    """Every file of a store folder and a digest of its bytes (backups and locks aside)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "backups" not in p.parts and not p.name.endswith(".lock")
    }


def _same_session(a: Path, b: Path) -> None:
    """Sessions, items (deleted ones too) and history of `a` and `b` the same, field by field."""
    with Store.open(a, read_only=True) as first, Store.open(b, read_only=True) as second:
        session_a, session_b = first.find_session(SESSION), second.find_session(SESSION)
        assert dataclasses.asdict(session_a) == dataclasses.asdict(session_b)
        copy_a, copy_b = first.session_copy(session_a), second.session_copy(session_b)
        assert [c.item.id for c in copy_a.items] == [c.item.id for c in copy_b.items]
        for item_a, item_b in zip(copy_a.items, copy_b.items, strict=True):
            assert dataclasses.asdict(item_a.item) == dataclasses.asdict(item_b.item)
            assert dataclasses.asdict(first.item(item_a.item.id)) == dataclasses.asdict(second.item(item_b.item.id))
            assert (item_a.order, item_a.origin) == (item_b.order, item_b.origin)
            assert [dict(r) for r in item_a.history] == [dict(r) for r in item_b.history]
            assert first.history(item_a.item.id) == second.history(item_b.item.id)
        assert (copy_a.content_hash, copy_a.read_hashes, copy_a.origin, copy_a.source_file) == (
            copy_b.content_hash,
            copy_b.read_hashes,
            copy_b.origin,
            copy_b.source_file,
        )
        assert copy_a == copy_b


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_session_copied_to_an_empty_store_is_the_same_field_by_field(
    edited: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    code, out, err = _run(capsys, "--db", str(edited), "export", "--session", SESSION, "-o", f"copy{suffix}")
    assert code == 0, err
    assert f"phiên làm việc {SESSION}, 39 mục" in out
    target = _empty(tmp_path / "b")
    code, out, err = _run(capsys, "--db", str(target), "import", f"copy{suffix}")
    assert code == 0, err
    _same_session(edited, target)
    with Store.open(target, read_only=True) as store:
        # What the edits left: every kind of state is there, and the unknown history field.
        deleted = [i for i in store.session_copy(store.find_session(SESSION)).items if i.item.deleted]
        assert len(deleted) == 1
        assert any(i.added_by_hand for i in store.items())
        assert {e.who for i in store.items() for e in store.history(i.id)} >= {"lan", "minh", "hoa"}
        rows = [r for c in store.session_copy(store.find_session(SESSION)).items for r in c.history]
        assert [r["source"] for r in rows if "source" in r] == ["from tracking.xlsx"]
        # The audit log records the import, by whoever ran it; history keeps who did what.
        assert store.audit_log()[-1].action == "import"
    # Its report is "already there" in the new store too, and so is the copy itself.
    before = _state(target)
    code, out, err = _run(capsys, "--lang", "en", "--db", str(target), "import", f"copy{suffix}")
    assert code == 0 and "1 already there" in out, err
    with Store.open(target) as store:
        assert store.add_reports(bundled_reports(store.registry)) == [None]
    assert _state(target) == before


def test_the_yaml_is_readable_block_style_without_aliases(edited: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--db", str(edited), "export", "--format", "yaml", "-o", "-")
    assert code == 0, err
    assert "&id" not in out and "*id" not in out and "{" not in out.replace("tracking: {}", "")
    assert "Thanh Hóa" in out and "\\u" not in out  # Vietnamese as it is written
    data = yaml.safe_load(out)
    assert data["format"] == "haicap-session/1" and data["session"]["id"] == SESSION
    request = next(i for i in data["items"] if i["tracking"].get("status") == "answered")
    assert set(request["tracking"]) == {"owner", "co_agencies", "deadline", "status", "answer", "note", "responds_to"}
    assert set(request["history"][0]) >= {"who", "when", "field", "old", "new", "revision"}


def _copy_data(edited: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    code, out, err = _run(capsys, "--db", str(edited), "export", "--format", "json", "-o", "-")
    assert code == 0, err
    return json.loads(out)


def _request(data: dict[str, Any]) -> dict[str, Any]:
    return next(i for i in data["items"] if i["tracking"].get("status") == "answered")


def _set(data: dict[str, Any], where: str, value: Any) -> None:
    match where:
        case "session.id" | "session.content_hash" | "session.read_hashes":
            data["session"][where.split(".")[1]] = value
        case "history.when" | "history.revision" | "history.who":
            _request(data)["history"][0][where.split(".")[1]] = value
        case "history.extra":
            _request(data)["history"][0]["note"] = value
        case _ if where.startswith("tracking."):
            _request(data)["tracking"][where.split(".")[1]] = value
        case "item.communes":
            _request(data)["communes"] = value
        case _:
            _request(data)[where.split(".")[1]] = value


@pytest.mark.parametrize(
    ("where", "value", "said"),
    [
        ("session.id", "CDB5-ED9F", "session.id"),
        ("session.content_hash", "ab" * 32, "content_hash"),
        ("session.read_hashes", ["nope"], "read_hashes"),
        ("item.id", "cdb5ed9f-99", "id"),
        ("item.order", "16", "order"),
        ("item.revision", -1, "revision"),
        ("item.deleted", "yes", "deleted"),
        ("item.added_by_hand", 1, "added_by_hand"),
        ("item.kind", "wish", "kind"),
        ("item.communes", ["01001"], "01001"),
        ("tracking.status", "done", "done"),
        ("tracking.deadline", "2200-01-01", "2200-01-01"),
        ("tracking.done", "2025-02-30", "2025-02-30"),
        ("tracking.owner", 12, "owner"),
        ("tracking.co_agencies", "Sở Xây dựng", "co_agencies"),
        ("tracking.responds_to", ["chỉ đạo 3"], "responds_to"),
        ("tracking.colour", "red", "colour"),
        ("history.when", "hôm qua", "hôm qua"),
        ("history.when", "1999-12-31T23:00:00+00:00", "1999-12-31"),
        ("history.revision", "two", "revision"),
        ("history.who", "", "who"),
        ("history.extra", ["a", "list"], "note"),
    ],
)
def test_a_bad_value_is_refused_in_one_line_and_the_store_is_untouched(
    edited: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str, value: Any, said: str
) -> None:
    data = _copy_data(edited, capsys)
    _set(data, where, value)
    Path("bad.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    target = _empty(tmp_path / "b")
    before = _state(target)
    code, out, err = _run(capsys, "--lang", "en", "--db", str(target), "import", "bad.json")
    assert code != 0 and out == ""
    assert err.startswith("haicap: bad.json: ") and err.count("\n") == 1 and "Traceback" not in err
    assert said in err
    assert _state(target) == before


def test_another_session_under_the_same_id_is_refused(edited: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A store with the seed session untouched holds other content under the copy's id."""
    _run(capsys, "--db", str(edited), "export", "--format", "yaml", "-o", "copy.yaml")
    target = tmp_path / "seeded"
    with Store.open(target) as store:
        store.ensure_seeded()
    before = _state(target)
    code, _out, err = _run(capsys, "--lang", "en", "--db", str(target), "import", "copy.yaml")
    assert code != 0 and err.count("\n") == 1
    assert f"holds another session {SESSION}" in err and f"haicap export --session {SESSION} --format yaml" in err
    assert _state(target) == before


def test_the_old_hand_written_form_imports_as_before(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = Path(__file__).parents[2] / "seeds" / "sessions"
    seed = next(seeds.glob("*.yaml"))
    target = _empty(tmp_path / "b")
    code, _out, err = _run(capsys, "--db", str(target), "import", str(seed))
    assert code == 0, err
    with Store.open(target, read_only=True) as store, Store.in_memory() as seeded:
        seeded.ensure_seeded()
        assert [(i.id, i.kind, i.text, i.commune_codes) for i in store.items()] == [
            (i.id, i.kind, i.text, i.commune_codes) for i in seeded.items()
        ]
        assert all(entry.field == "created" for i in store.items() for entry in store.history(i.id))


def test_a_commune_alone_is_refused_for_a_session_file(edited: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--lang", "en", "--db", str(edited), "export", "--format", "yaml", "--commune", "van du")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "one whole session" in err and "--session" in err
    assert not list(Path().iterdir())


# -- haicap's own Word minutes ---------------------------------------------------------


def test_own_minutes_read_back_to_the_stored_session(edited: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "--db", str(edited), "export", "--session", SESSION, "-o", "minutes.docx")
    assert code == 0, err
    properties = docx.Document("minutes.docx").core_properties
    assert properties.author == "haicap" and SESSION in properties.keywords
    target = _empty(tmp_path / "b")
    code, out, err = _run(capsys, "--lang", "en", "--db", str(target), "import", "minutes.docx")
    assert code == 0, err
    # 38 of the report, one added by hand, one deleted (shown in the copy's line): never 64.
    assert "copy of session cdb5ed9f: 39 items (1 deleted)" in out and "items (38)" in out
    _same_session(edited, target)
    # Into the store they came from: already there.
    code, out, err = _run(capsys, "--lang", "en", "--db", str(edited), "import", "minutes.docx")
    assert code == 0 and "1 already there" in out, err


def test_own_minutes_look_the_same_with_the_mark(edited: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The mark is in properties and a custom part: the body is the one of minutes without it."""
    from haicap.store.views.exports import gather, render

    with Store.open(edited, read_only=True) as store:
        content = gather(store, dt.date(2026, 1, 10), session=store.find_session(SESSION), carry_session=True)
    marked = docx.Document(io.BytesIO(render("docx", content)))
    assert content.copy is not None
    plain = docx.Document(io.BytesIO(render("docx", dataclasses.replace(content, copy=None))))
    assert [p.text for p in marked.paragraphs] == [p.text for p in plain.paragraphs]
    assert [p.style.name for p in marked.paragraphs] == [p.style.name for p in plain.paragraphs]


def test_edited_and_older_minutes_are_refused_with_the_hint(
    edited: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys, "--db", str(edited), "export", "--session", SESSION, "-o", "minutes.docx")
    document = docx.Document("minutes.docx")
    document.add_paragraph("- Đề nghị thêm một kiến nghị gõ tay.")
    document.save("edited.docx")
    older = docx.Document()
    older.add_heading("III. Kiến nghị", level=1)
    older.add_paragraph("- Đề nghị tỉnh hỗ trợ kinh phí.")
    older.add_paragraph("Cơ quan chủ trì: Sở Tài chính · Hạn: 04/01/2026")
    older.core_properties.author = "haicap"
    older.save("older.docx")
    target = _empty(tmp_path / "b")
    before = _state(target)
    for name, hint in (("edited.docx", f"--session {SESSION} --format yaml"), ("older.docx", "haicap export --format yaml")):
        code, out, err = _run(capsys, "--lang", "en", "--db", str(target), "import", name)
        assert code != 0 and out == "" and err.count("\n") == 1, err
        assert err.startswith(f"haicap: {name}: ") and hint in err
    assert _state(target) == before


def test_the_same_copy_twice_in_one_import_is_added_once(
    edited: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys, "--db", str(edited), "export", "--format", "yaml", "-o", "one.yaml")
    _run(capsys, "--db", str(edited), "export", "--format", "json", "-o", "two.json")
    target = _empty(tmp_path / "b")
    code, out, err = _run(capsys, "--lang", "en", "--db", str(target), "import", "one.yaml", "two.json")
    assert code == 0, err
    assert out.splitlines()[-1] == f"imported 1 session(s) into {target}; 1 already there"
    _same_session(edited, target)


def test_a_change_in_review_makes_the_copy_an_ordinary_report(edited: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The review screen stores `plan.report`: unchanged, the copy; changed, a report of what it shows."""
    from haicap.store.domain.registry import load_registry
    from haicap.store.ingest.importer import plan_import

    _run(capsys, "--db", str(edited), "export", "--format", "yaml", "-o", "copy.yaml")
    plan = plan_import(Path("copy.yaml"), load_registry())
    assert plan.reviewed("lan").report.copy is not None
    first = next(index for index, line in enumerate(plan.lines) if line.taken)
    changed = plan.with_line(first, text="Một câu khác.")
    assert changed.copy is None and changed.report.copy is None
