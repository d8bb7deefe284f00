"""The store's due-soon days (a setting of its national file) and the due-soon counts of the
overviews: per commune and province from the items, for the whole country from the national
summary without opening a province file; each equal to a recount of the items.

The synthetic stores of `province_stores` have deadlines around their TODAY, so some items
are due soon on the days tested.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import province_stores
import pytest
from province_stores import PROVINCES, TODAY

from haicap.store import DeadlineRules, Kind, Store, StoreError, follow_up
from haicap.store.db.layout import NATIONAL_FILE
from haicap.store.db.province_files import ProvinceFiles
from haicap.store.domain.models import TRACKED_KINDS
from haicap.store.views.overview import national_overview, province_overview


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return province_stores.build(tmp_path / "s")


def _make_due(store: Store, code: str) -> None:
    """Give an open request and an open directive of province `code` deadlines 0 and 7 days
    after TODAY (both edges of the default rule), through the store's editing (which counts
    them into the summary)."""
    request = store.items(province_code=code, kinds=(Kind.REQUEST,))[0]
    store.set_status(request.id, "in_progress")
    store.update_tracking(request.id, deadline=TODAY)
    directive = store.items(province_code=code, kinds=(Kind.DIRECTIVE,))[0]
    store.update_tracking(directive.id, deadline=TODAY + dt.timedelta(days=7), done=None)


def _recount(store: Store, items, day: dt.date, kind: Kind) -> int:
    """Items of `kind` due soon on `day`, by the domain rule, one by one."""
    rules = store.deadline_rules
    return sum(1 for i in items if i.kind is kind and (s := follow_up(i, day, rules)) is not None and s.due_soon)


# -- the setting -----------------------------------------------------------------------------


def test_the_setting_is_kept_recorded_and_checked(folder: Path) -> None:
    with Store.open(folder) as store:
        assert store.deadline_rules.due_soon_days == 7
        store.set_due_soon_days(14)
        store.set_deadline_rules(DeadlineRules(answer_days=30, answer_days_with_co=45))
        before = (folder / NATIONAL_FILE).read_bytes()
        for bad in (-1, 366, True):
            with pytest.raises(StoreError, match="due-soon-days"):
                store.set_due_soon_days(bad)  # type: ignore[arg-type]
        assert (folder / NATIONAL_FILE).read_bytes() == before, "a refused value writes nothing"
    with Store.open(folder) as again:
        # Each setting keeps the other.
        assert again.deadline_rules == DeadlineRules(answer_days=30, answer_days_with_co=45, due_soon_days=14)
        assert "due-soon-days 7 → 14" in [entry.detail for entry in again.audit_log()]
        assert not again.due_soon_days_damaged() and again.damaged_values() == []


def test_a_damaged_stored_value_counts_as_the_default_with_a_warning(folder: Path) -> None:
    path = folder / NATIONAL_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    [meta] = data["meta"].values()
    meta["due_soon_days"] = "soon"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with Store.open(folder) as store:
        assert store.deadline_rules.due_soon_days == 7 and store.due_soon_days_damaged()
        [problem] = [p for p in store.damaged_values() if "due-soon-days" in p]
        assert "'soon'" in problem and "haicap config --due-soon-days N" in problem
        store.set_due_soon_days(7)  # setting it again repairs the store
        assert not store.due_soon_days_damaged() and store.damaged_values() == []


# -- the counts --------------------------------------------------------------------------------


@pytest.mark.parametrize("days", [0, 3, 7, 30])
def test_the_province_overview_counts_are_a_recount_of_the_items(folder: Path, days: int) -> None:
    with Store.open(folder) as store:
        store.set_due_soon_days(days)
        for code in PROVINCES:
            _make_due(store, code)
        seen = 0
        for day in (TODAY - dt.timedelta(days=20), TODAY, TODAY + dt.timedelta(days=20)):
            for code in PROVINCES:
                province = store.find_province(code)
                assert province is not None
                rows, totals = province_overview(store, province, day)
                items = store.items(province_code=code, kinds=TRACKED_KINDS)
                requests, directives = (_recount(store, items, day, kind) for kind in TRACKED_KINDS)
                assert (totals.requests["due_soon"], totals.directives["open_due_soon"]) == (requests, directives)
                assert totals.due_soon_days == days
                for row in rows:
                    mine = [i for i in items if row.commune.code in i.commune_codes]
                    assert row.due_soon_requests == _recount(store, mine, day, Kind.REQUEST)
                    assert row.due_soon_directives == _recount(store, mine, day, Kind.DIRECTIVE)
                seen += requests + directives
        if days:
            assert seen, "the test store has items due soon on the days tested"
        else:
            assert seen == 0, "0 turns the mark off"


@pytest.mark.parametrize("days", [0, 1, 7, 60])
def test_the_national_overview_counts_from_the_summary_alone(folder: Path, days: int, monkeypatch: pytest.MonkeyPatch) -> None:
    days_tested = (TODAY - dt.timedelta(days=30), TODAY, TODAY + dt.timedelta(days=5))
    with Store.open(folder) as store:
        store.set_due_soon_days(days)
        for code in PROVINCES:
            _make_due(store, code)
        expected = {
            (code, day): tuple(_recount(store, store.items(province_code=code), day, kind) for kind in TRACKED_KINDS)
            for code in PROVINCES
            for day in days_tested
        }

    def refused(self: ProvinceFiles, code: str) -> None:
        raise AssertionError(f"province {code}'s file was opened")

    monkeypatch.setattr(ProvinceFiles, "file", refused)
    with Store.open(folder) as store:
        for day in days_tested:
            for line in national_overview(store, day):
                counted = (line.due_soon_requests, line.due_soon_directives)
                assert counted == expected.get((line.province.code, day), (0, 0)), (line.province.name, day)
        assert store._content.provinces.opened() == {}
    if days >= 7:
        assert all(expected[code, TODAY] >= (1, 1) for code in PROVINCES), "items due soon at both edges"
    elif days:
        assert all(expected[code, TODAY][0] >= 1 for code in PROVINCES), "the request due today"
    elif days == 0:
        assert not any(sum(pair) for pair in expected.values()), "0 turns the mark off"
