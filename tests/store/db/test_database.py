"""haicap.store.db.database.Store: seeding, persistence, the read API the UI uses, and refusals.

The `store` and `seeded` fixtures (tests/store/db/conftest.py) run each test over memory and a folder."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import store_files

from haicap.store import SCHEMA_VERSION, Store, StoreError
from haicap.store.db.database import STORE_FILE
from haicap.store.domain.models import Commune, CommuneSummary, CommuneView, Item, Kind, Province, Session
from haicap.store.ingest.reports import FORMAT, SessionReport, parse_report

NGOC_TRAO, VAN_DU, KIM_TAN = "15250", "15190", "15187"


def _report(store: Store, *, date: str, province: str = "Thanh Hóa", communes: list[str], text: str) -> SessionReport:
    document: dict[str, Any] = {
        "format": FORMAT,
        "session": {
            "date": date,
            "province": province,
            "leader": {"name": "Phạm Văn Thử", "title": "Chủ tịch UBND tỉnh"},
            "title": f"Làm việc ngày {date}",
        },
        "communes": communes,
        "items": [
            {"kind": "directive", "text": text},
            {"kind": "achievement", "text": f"Kết quả ngày {date}."},
        ],
    }
    return parse_report(document, store.registry, f"thu-{date}.yaml")


def _thanh_hoa(store: Store) -> Province:
    province = store.find_province("thanh hoa")
    assert province is not None
    return province


def _commune(store: Store, code: str) -> Commune:
    commune = store.commune(code)
    assert commune is not None
    return commune


# -- seeding -------------------------------------------------------------------------


def test_new_store_is_empty_and_not_seeded(store: Store) -> None:
    assert store.sessions() == ()
    assert store.latest_session() is None
    assert not store.is_seeded


def test_ensure_seeded_adds_the_seed_once(store: Store) -> None:
    assert store.ensure_seeded() == 1
    assert store.is_seeded
    assert len(store.sessions()) == 1
    assert store.ensure_seeded() == 0
    assert len(store.sessions()) == 1


def test_reopening_a_folder_store_keeps_data_and_adds_nothing(tmp_path: Path) -> None:
    path = tmp_path / "kho"
    with Store.open(path) as first:
        assert first.ensure_seeded() == 1
        sessions = first.sessions()
        counts = {s.commune.code: s.item_count for s in first.commune_summaries(_thanh_hoa(first)) if s.has_reports}
    raw_before = store_files.tables(path)

    with Store.open(path) as second:
        assert second.is_seeded
        assert second.ensure_seeded() == 0
        assert second.sessions() == sessions
        again = {s.commune.code: s.item_count for s in second.commune_summaries(_thanh_hoa(second)) if s.has_reports}
        assert again == counts == {NGOC_TRAO: 37, VAN_DU: 38, KIM_TAN: 38}
    raw_after = store_files.tables(path)
    assert len(raw_after["sessions"]) == len(raw_before["sessions"]) == 1
    assert len(raw_after["items"]) == len(raw_before["items"]) == 38
    assert raw_after["meta"]["1"]["seeded_at"] == raw_before["meta"]["1"]["seeded_at"]


def test_seed_is_not_reloaded_after_the_seed_session_is_deleted(tmp_path: Path) -> None:
    path = tmp_path / "kho"
    with Store.open(path) as first:
        first.ensure_seeded()
    data = store_files.tables(path)
    data["sessions"] = {}
    data["items"] = {}
    store_files.write_one_file(path, data)
    with Store.open(path) as second:
        assert second.ensure_seeded() == 0
        assert second.sessions() == ()


# -- reading -------------------------------------------------------------------------


def test_default_province_is_thanh_hoa(store: Store) -> None:
    assert store.default_province().name == "Thanh Hóa"
    store.ensure_seeded()
    assert store.default_province().name == "Thanh Hóa"


def test_default_province_follows_the_newest_session(seeded: Store) -> None:
    seeded.add_report(_report(seeded, date="2025-12-10", province="Nghệ An", communes=["xã Vân Du"], text="Chỉ đạo mới."))
    assert seeded.default_province().name == "Nghệ An"


def test_provinces(store: Store) -> None:
    provinces = store.provinces()
    assert len(provinces) == 34
    assert all(isinstance(p, Province) for p in provinces)


def test_commune_summaries_of_thanh_hoa(seeded: Store) -> None:
    summaries = seeded.commune_summaries(_thanh_hoa(seeded))
    assert len(summaries) == 166
    with_reports = {s.commune.name: (s.session_count, s.item_count) for s in summaries if s.has_reports}
    assert with_reports == {"Ngọc Trạo": (1, 37), "Vân Du": (1, 38), "Kim Tân": (1, 38)}
    assert all(s.item_count == 0 for s in summaries if not s.has_reports)


def test_report_groups_items_per_kind(seeded: Store) -> None:
    report = seeded.commune_view(_commune(seeded, VAN_DU))
    assert isinstance(report, CommuneView)
    assert set(report.items) == set(Kind)
    counts = {kind: len(report.of_kind(kind)) for kind in Kind}
    assert counts == {Kind.ACHIEVEMENT: 8, Kind.DIFFICULTY: 7, Kind.REQUEST: 4, Kind.DIRECTIVE: 19}
    (session,) = report.sessions
    for kind in Kind:
        for item in report.of_kind(kind):
            assert item.kind is kind
            assert item.session == session
            assert VAN_DU in item.commune_codes


def test_report_of_ngoc_trao_lacks_the_storm_difficulty(seeded: Store) -> None:
    difficulties = seeded.commune_view(_commune(seeded, NGOC_TRAO)).of_kind(Kind.DIFFICULTY)
    assert len(difficulties) == 6
    assert not any("bão số 10" in item.text for item in difficulties)
    kim_tan = seeded.commune_view(_commune(seeded, KIM_TAN)).of_kind(Kind.DIFFICULTY)
    assert any("bão số 10" in item.text for item in kim_tan)


def test_report_of_a_commune_without_sessions(seeded: Store) -> None:
    other = next(s.commune for s in seeded.commune_summaries(_thanh_hoa(seeded)) if not s.has_reports)
    report = seeded.commune_view(other)
    assert report.sessions == ()
    assert all(report.of_kind(kind) == () for kind in Kind)


def test_report_lists_newest_session_first(seeded: Store) -> None:
    newer = seeded.add_report(_report(seeded, date="2025-12-20", communes=["xã Ngọc Trạo"], text="Chỉ đạo tháng 12."))
    older = seeded.add_report(_report(seeded, date="2025-09-01", communes=["xã Ngọc Trạo", "xã Vân Du"], text="Chỉ đạo tháng 9."))
    assert newer is not None and older is not None
    report = seeded.commune_view(_commune(seeded, NGOC_TRAO))
    assert [s.date for s in report.sessions] == [dt.date(2025, 12, 20), dt.date(2025, 11, 25), dt.date(2025, 9, 1)]
    directives = report.of_kind(Kind.DIRECTIVE)
    assert directives[0].text == "Chỉ đạo tháng 12."
    assert directives[-1].text == "Chỉ đạo tháng 9."
    dates = [item.session.date for item in directives]
    assert dates == sorted(dates, reverse=True)
    # Within the seed session, items keep the report's order.
    seed_texts = [i.text for i in directives if i.session.date == dt.date(2025, 11, 25)]
    assert seed_texts[0].startswith("giao các ngành")
    assert seed_texts[-1].startswith("tạo chuyển biến rõ nét")
    assert seeded.sessions()[0] == newer
    assert seeded.sessions()[-1] == older
    assert seeded.latest_session() == newer


def test_search_communes_ignores_diacritics_and_case(seeded: Store) -> None:
    thanh_hoa = _thanh_hoa(seeded)
    for query in ("ngoc trao", "NGỌC TRẠO", "xa ngoc trao", "trạo"):
        assert [s.commune.name for s in seeded.search_communes(thanh_hoa, query)] == ["Ngọc Trạo"], query
    # A partial query finds every commune it fits, type word included.
    several = [s.commune for s in seeded.search_communes(thanh_hoa, "xa ngoc")]
    assert len(several) > 1 and any(c.name == "Ngọc Trạo" for c in several)
    assert all(c.type == "xã" and "Ngọc" in c.name for c in several)
    found = [s.commune.name for s in seeded.search_communes(thanh_hoa, "tan kim")]
    assert "Kim Tân" in found
    assert all("kim" in s and "tan" in s for s in (f.lower().replace("â", "a") for f in found))
    assert len(seeded.search_communes(thanh_hoa, "")) == 166
    assert seeded.search_communes(thanh_hoa, "khong co xa nay") == []
    summary = seeded.search_communes(thanh_hoa, "ngoc trao")[0]
    assert summary.item_count == 37


def test_add_report_twice_adds_nothing_the_second_time(seeded: Store) -> None:
    report = _report(seeded, date="2025-12-02", communes=["xã Kim Tân"], text="Khắc phục sạt lở.")
    first = seeded.add_report(report)
    assert isinstance(first, Session)
    assert seeded.add_report(report) is None
    assert len(seeded.sessions()) == 2
    kim_tan = seeded.commune_view(_commune(seeded, KIM_TAN))
    assert [i.text for i in kim_tan.of_kind(Kind.DIRECTIVE)].count("Khắc phục sạt lở.") == 1


def test_session_lookup_and_communes_of_session(seeded: Store) -> None:
    (session,) = seeded.sessions()
    assert seeded.session(session.id) == session
    assert seeded.session("khongco") is None
    assert [c.code for c in seeded.communes_of_session(session)] == [NGOC_TRAO, VAN_DU, KIM_TAN]
    assert seeded.session_counts_by_province() == Counter({"38": 1})


def test_ui_facing_methods_return_dataclasses(seeded: Store) -> None:
    thanh_hoa = _thanh_hoa(seeded)
    commune = _commune(seeded, NGOC_TRAO)
    report = seeded.commune_view(commune)
    values: list[tuple[object, type]] = [
        (thanh_hoa, Province),
        (seeded.default_province(), Province),
        (commune, Commune),
        (seeded.commune_summaries(thanh_hoa)[0], CommuneSummary),
        (seeded.search_communes(thanh_hoa, "ngoc")[0], CommuneSummary),
        (report, CommuneView),
        (report.sessions[0], Session),
        (report.of_kind(Kind.ACHIEVEMENT)[0], Item),
        (seeded.sessions()[0], Session),
        (seeded.latest_session(), Session),
        (seeded.communes_of_session(report.sessions[0])[0], Commune),
    ]
    for value, expected in values:
        assert isinstance(value, expected)
        assert dataclasses.is_dataclass(value)
        assert not isinstance(value, dict)


# -- the file on disk ----------------------------------------------------------------


def test_records_carry_the_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "kho"
    with Store.open(path) as store:
        store.ensure_seeded()
    data = store_files.tables(path)
    assert data["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    province = json.loads(store_files.province_path(path).read_text(encoding="utf-8"))
    assert province["meta"]["1"] == {"schema_version": SCHEMA_VERSION, "province": store_files.SEED_PROVINCE}
    assert data["sessions"] and data["items"]
    for table in ("sessions", "items"):
        assert all(row["schema"] == SCHEMA_VERSION for row in data[table].values()), table


def test_store_file_keeps_vietnamese_readable(tmp_path: Path) -> None:
    path = tmp_path / "kho"
    with Store.open(path) as store:
        store.ensure_seeded()
    raw = store_files.province_path(path).read_bytes()
    assert "Trịnh Tuấn Sinh".encode() in raw


def test_open_creates_missing_parents(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "kho"
    with Store.open(path) as store:
        assert store.location == path
    assert path.is_dir()


def test_open_refuses_a_regular_file(tmp_path: Path) -> None:
    path = tmp_path / "khong-phai-thu-muc"
    path.write_text("dữ liệu", encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)
    assert path.read_text(encoding="utf-8") == "dữ liệu"


def test_open_refuses_a_store_from_a_newer_haicap(tmp_path: Path) -> None:
    path = tmp_path / "kho-moi"
    path.mkdir()
    newer = SCHEMA_VERSION + 1
    original = json.dumps({"meta": {"1": {"schema_version": newer}}, "sessions": {}, "items": {}})
    (path / STORE_FILE).write_text(original, encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    message = str(caught.value)
    assert str(path) in message
    assert f"phiên bản lược đồ {newer}" in message
    assert f"chỉ đọc đến {SCHEMA_VERSION}" in message
    assert (path / STORE_FILE).read_text(encoding="utf-8") == original  # left untouched


def test_open_reports_a_damaged_store_file(tmp_path: Path) -> None:
    path = tmp_path / "kho-hong"
    path.mkdir()
    (path / STORE_FILE).write_bytes(b'{"meta": {"1": ')
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert str(path / STORE_FILE) in str(caught.value)


def test_open_reports_a_store_file_that_is_not_a_json_object(tmp_path: Path) -> None:
    path = tmp_path / "kho-mang"
    path.mkdir()
    (path / STORE_FILE).write_text("[]", encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert str(path / STORE_FILE) in str(caught.value)


def test_open_reports_a_non_numeric_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "kho-la"
    path.mkdir()
    (path / STORE_FILE).write_text(json.dumps({"meta": {"1": {"schema_version": "mot"}}}), encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert str(path) in str(caught.value)


def test_every_item_record_says_where_it_came_from_and_may_bring_its_follow_up(tmp_path: Path) -> None:
    from dataclasses import replace

    from haicap.store import RequestStatus, Tracking
    from haicap.store.ingest.reports import bundled_reports

    with Store.open(tmp_path / "kho") as store:
        [report] = bundled_reports(store.registry)
        first = replace(report.items[15], tracking=Tracking(owner="Sở Tài chính", status=RequestStatus.ANSWERED))
        generated = replace(report, items=(first, *report.items[16:]))
        [session] = store.add_reports([generated], origin="synthetic")
        assert session is not None
        item = store.item(f"{session.id}-01")
        assert item.tracking.owner == "Sở Tài chính" and item.tracking.status is RequestStatus.ANSWERED
    rows = store_files.tables(tmp_path / "kho")["items"].values()
    assert {row["origin"] for row in rows} == {"synthetic"}


def test_the_communes_of_an_item_in_report_order_without_unknown_codes(seeded: Store) -> None:
    session = seeded.latest_session()
    first, *_ = seeded.items()
    assert [c.code for c in seeded.communes_of_item(first)] == list(first.commune_codes)
    item = seeded.add_item(
        session.id, (session.commune_codes[1], session.commune_codes[0]), Kind.REQUEST, "Đề nghị thử.", who="t"
    )
    assert [c.code for c in seeded.communes_of_item(item)] == [session.commune_codes[1], session.commune_codes[0]]
    stray = dataclasses.replace(item, commune_codes=("99999", session.commune_codes[0]))
    assert [c.code for c in seeded.communes_of_item(stray)] == [session.commune_codes[0]]
