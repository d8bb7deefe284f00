"""Adding reports to a store (`store.db.importing`), another outlet's report of a stored
session, and the settings and marks recorded with the audit log (`store.db.settings`).

Every test runs over a store in memory and a store in a folder (see conftest.py)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from haicap.store import DeadlineRules, Store, StoreError
from haicap.store.domain.models import Person
from haicap.store.ingest.import_plan import normalised
from haicap.store.ingest.reports import FORMAT, SessionReport, parse_report

KIM_TAN = "15187"


def _report(
    store: Store,
    *,
    date: str = "2025-12-02",
    leader: str = "Phạm Văn Thử",
    communes: tuple[str, ...] = ("xã Kim Tân",),
    texts: tuple[str, ...],
) -> SessionReport:
    document: dict[str, Any] = {
        "format": FORMAT,
        "session": {
            "date": date,
            "province": "Thanh Hóa",
            "leader": {"name": leader, "title": "Chủ tịch UBND tỉnh"},
            "title": f"Làm việc ngày {date}",
            "source": "Báo Thanh Hóa",
        },
        "communes": list(communes),
        "items": [{"kind": "directive", "text": text} for text in texts],
    }
    return parse_report(document, store.registry, f"thu-{date}.yaml")


def test_another_outlets_report_adds_only_what_the_session_lacks(store: Store) -> None:
    session = store.add_report(_report(store, texts=("Khắc phục sạt lở.", "Sửa trường học.")))
    assert session is not None
    other = _report(store, texts=("Khắc phục  sạt lở.", "Hỗ trợ giống lúa."))
    assert store.same_session(other) == session
    assert store.session_texts(session.id) == {normalised("Khắc phục sạt lở."), normalised("Sửa trường học.")}
    extended = store.add_report(dataclasses.replace(other, extends=session.id, source="Báo Nhân Dân"))
    assert extended is not None and extended.id == session.id
    assert extended.also_reported_by == ("Báo Nhân Dân",)
    items = store.items(commune_codes=(KIM_TAN,))
    assert [i.text for i in items] == ["Khắc phục sạt lở.", "Sửa trường học.", "Hỗ trợ giống lúa."]
    assert [i.id for i in items] == [f"{session.id}-01", f"{session.id}-02", f"{session.id}-03"]
    assert store.add_report(dataclasses.replace(other, extends=session.id, source="Báo Nhân Dân")) is None


@pytest.mark.parametrize(
    "differs",
    [{"date": "2025-12-03"}, {"leader": "Lê Thị Khác"}, {"communes": ("xã Vân Du",)}],
    ids=["another day", "another leader", "no commune in common"],
)
def test_a_report_of_another_day_leader_or_commune_is_another_session(store: Store, differs: dict[str, Any]) -> None:
    store.add_report(_report(store, texts=("Khắc phục sạt lở.",)))
    assert store.same_session(_report(store, **differs, texts=("Khắc phục sạt lở.",))) is None


def test_a_report_naming_no_leader_matches_the_session_of_that_day(store: Store) -> None:
    session = store.add_report(_report(store, texts=("Khắc phục sạt lở.",)))
    unnamed = dataclasses.replace(_report(store, texts=("Sửa trường học.",)), leader=Person("", "Lãnh đạo tỉnh"))
    assert store.same_session(unnamed) == session


def test_a_deleted_item_is_not_among_the_texts_a_session_holds(store: Store) -> None:
    session = store.add_report(_report(store, texts=("Khắc phục sạt lở.", "Sửa trường học.")))
    assert session is not None
    before = store.session_texts(session.id)
    store.delete_item(f"{session.id}-02")
    after = store.session_texts(session.id)
    assert len(before) == 2 and len(after) == 1 and after < before


def test_an_import_is_one_entry_of_the_audit_log_and_a_reimport_none(store: Store) -> None:
    reports = [
        _report(store, texts=("Khắc phục sạt lở.",)),
        _report(store, date="2025-12-03", texts=("Sửa trường học.", "Hỗ trợ.")),
    ]
    added = store.add_reports(reports, who="lan")
    assert [s is not None for s in added] == [True, True]
    (entry,) = store.audit_log()
    assert (entry.action, entry.detail) == ("import", "2 sessions, 3 items from thu-2025-12-02.yaml, thu-2025-12-03.yaml")
    assert store.add_reports(reports) == [None, None]
    assert len(store.audit_log()) == 1


def test_skipped_seeds_are_never_loaded(store: Store) -> None:
    store.skip_seeds()
    assert store.is_seeded
    assert store.ensure_seeded() == 0
    assert store.sessions() == ()


def test_the_answer_deadlines_are_a_recorded_setting(store: Store) -> None:
    store.set_deadline_rules(DeadlineRules(answer_days=30, answer_days_with_co=45))
    assert store.deadline_rules == DeadlineRules(30, 45) and not store.deadline_rules_damaged()
    with pytest.raises(StoreError):
        store.set_deadline_rules(DeadlineRules(answer_days=0, answer_days_with_co=45))
    assert store.deadline_rules == DeadlineRules(30, 45)
    assert [(e.action, e.detail) for e in store.audit_log()] == [("config", "answer-days 40/50 → 30/45")]


def test_only_an_empty_store_can_be_marked_as_made_by_a_tool(store: Store) -> None:
    assert store.created_by is None
    store.mark_created_by("haicap stress")
    assert store.created_by == "haicap stress"
    store.ensure_seeded()
    with pytest.raises(StoreError, match="đã có dữ liệu"):
        store.mark_created_by("haicap synth")
    assert store.created_by == "haicap stress"
