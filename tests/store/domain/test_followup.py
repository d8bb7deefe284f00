"""Follow-up states derived from dates, the changes officers make, and their history."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from haicap.store import Calendar, DeadlineRules, DirectiveStatus, Kind, RequestStatus, Store, StoreError, follow_up
from haicap.store.views.overview import late_items, province_overview

SESSION_DAY = dt.date(2025, 11, 25)


@pytest.fixture
def store() -> Store:
    seeded = Store.in_memory()
    seeded.ensure_seeded()
    return seeded


def van_du(store: Store):
    session = store.latest_session()
    return next(c for c in store.communes_of_session(session) if c.name == "Vân Du")


def first(store: Store, kind: Kind):
    return store.commune_view(van_du(store)).of_kind(kind)[0]


# -- requests -----------------------------------------------------------------------


def test_a_new_request_is_due_40_days_after_the_session(store: Store) -> None:
    request = first(store, Kind.REQUEST)
    due = SESSION_DAY + dt.timedelta(days=40)
    on_time = follow_up(request, due)
    assert on_time.label_vi == "Mới tiếp nhận" and on_time.is_open and not on_time.overdue
    assert on_time.deadline == due
    late = follow_up(request, due + dt.timedelta(days=3))
    assert late.overdue and late.late_days == 3
    assert late.label_vi == "Mới tiếp nhận – quá hạn 3 ngày" and late.mark == "⚠ quá hạn 3 ngày"


def test_co_operating_agencies_give_50_days_and_rules_are_per_store(store: Store) -> None:
    request = store.update_tracking(first(store, Kind.REQUEST).id, co_agencies=["Sở Tài chính"])
    assert follow_up(request, SESSION_DAY, store.deadline_rules).deadline == SESSION_DAY + dt.timedelta(days=50)
    store.set_deadline_rules(DeadlineRules(answer_days=30, answer_days_with_co=45))
    assert follow_up(request, SESSION_DAY, store.deadline_rules).deadline == SESSION_DAY + dt.timedelta(days=45)
    with pytest.raises(StoreError):
        store.set_deadline_rules(DeadlineRules(answer_days=0))


def test_an_answered_request_is_closed_and_never_overdue(store: Store) -> None:
    request = store.set_status(first(store, Kind.REQUEST).id, "da tra loi")
    state = follow_up(request, SESSION_DAY + dt.timedelta(days=400))
    assert request.tracking.status is RequestStatus.ANSWERED
    assert not state.is_open and not state.overdue and state.label_vi == "Đã trả lời"


# -- directives ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("deadline", "done", "on", "label", "overdue", "late"),
    [
        (None, None, dt.date(2026, 5, 1), "Đang thực hiện", False, 0),
        (None, dt.date(2026, 1, 2), dt.date(2026, 5, 1), "Hoàn thành", False, 0),
        (dt.date(2026, 1, 31), None, dt.date(2026, 1, 31), "Đang thực hiện – trong hạn", False, 0),
        (dt.date(2026, 1, 31), None, dt.date(2026, 2, 10), "Đang thực hiện – quá hạn 10 ngày", True, 10),
        (dt.date(2026, 1, 31), dt.date(2026, 1, 30), dt.date(2026, 5, 1), "Hoàn thành – đúng hạn", False, 0),
        (dt.date(2026, 1, 31), dt.date(2026, 2, 4), dt.date(2026, 5, 1), "Hoàn thành – quá hạn", False, 4),
    ],
)
def test_directive_states_follow_the_national_reports(store: Store, deadline, done, on, label, overdue, late) -> None:
    directive = store.update_tracking(first(store, Kind.DIRECTIVE).id, deadline=deadline, done=done)
    state = follow_up(directive, on)
    assert (state.label_vi, state.overdue, state.late_days) == (label, overdue, late)


def test_marking_a_directive_done_sets_its_completion_date(store: Store) -> None:
    directive = store.set_status(first(store, Kind.DIRECTIVE).id, "Hoàn thành", today=dt.date(2026, 3, 1))
    assert directive.tracking.done == dt.date(2026, 3, 1)
    assert follow_up(directive, dt.date(2026, 3, 2)).status is DirectiveStatus.DONE
    assert store.set_status(directive.id, "in_progress").tracking.done is None


# -- refusals -----------------------------------------------------------------------


def test_refused_changes_write_nothing(store: Store) -> None:
    request, achievement = first(store, Kind.REQUEST), first(store, Kind.ACHIEVEMENT)
    with pytest.raises(StoreError, match="không phải trạng thái của kiến nghị"):
        store.set_status(request.id, "Hoàn thành")
    with pytest.raises(StoreError, match="chỉ kiến nghị và chỉ đạo mới có trạng thái"):
        store.set_status(achievement.id, "done")
    with pytest.raises(StoreError, match="không có trường answer"):
        store.update_tracking(first(store, Kind.DIRECTIVE).id, answer="Đã xong")
    with pytest.raises(StoreError, match="không có mục nào mã"):
        store.find_item("zzzz-99")
    with pytest.raises(StoreError, match="chưa rõ"):
        store.find_item(request.id[:5])
    assert store.history(request.id) == [] and store.item(request.id) == request


# -- corrections and history --------------------------------------------------------


def test_every_change_is_in_history_with_who_and_old_and_new(store: Store) -> None:
    request = first(store, Kind.REQUEST)
    store.set_status(request.id, RequestStatus.IN_PROGRESS, who="lan")
    store.update_tracking(request.id, owner="Sở Nông nghiệp và Môi trường", who="minh")
    entries = store.history(request.id)
    assert [(e.who, e.field, e.old, e.new) for e in entries] == [
        ("lan", "status", "Mới tiếp nhận", "Đang giải quyết"),
        ("minh", "owner", "", "Sở Nông nghiệp và Môi trường"),
    ]
    assert "lan · status: Mới tiếp nhận → Đang giải quyết" in entries[0].describe()


def test_kind_text_delete_restore_and_add(store: Store) -> None:
    commune = van_du(store)
    item = first(store, Kind.ACHIEVEMENT)
    store.change_kind(item.id, Kind.DIFFICULTY)
    assert item.id in [i.id for i in store.commune_view(commune).of_kind(Kind.DIFFICULTY)]
    store.edit_text(item.id, "  Đường   liên xã bị sạt lở.  ")
    assert store.item(item.id).text == "Đường liên xã bị sạt lở."
    with pytest.raises(StoreError):
        store.edit_text(item.id, "   ")
    store.delete_item(item.id)
    assert item.id not in [i.id for i in store.commune_view(commune).of_kind(Kind.DIFFICULTY)]
    assert store.item(item.id).deleted
    with pytest.raises(StoreError, match="đã bị xoá"):
        store.edit_text(item.id, "x")
    store.restore_item(item.id)
    assert not store.item(item.id).deleted
    added = store.add_item(item.session.id, (commune.code,), Kind.REQUEST, "Đề nghị tỉnh hỗ trợ xây cầu treo.")
    assert added.added_by_hand and added in store.commune_view(commune).of_kind(Kind.REQUEST)
    assert [e.field for e in store.history(added.id)] == ["created"]
    assert [e.field for e in store.history(item.id)] == ["kind", "text", "deleted", "deleted"]


def test_changes_survive_reopening_the_store(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s") as first_run:
        first_run.ensure_seeded()
        request = first(first_run, Kind.REQUEST)
        first_run.update_tracking(request.id, owner="Sở Tài chính", deadline=dt.date(2025, 12, 20), who="lan")
    with Store.open(tmp_path / "s") as second_run:
        again = second_run.item(request.id)
        assert again.tracking.owner == "Sở Tài chính" and again.tracking.deadline == dt.date(2025, 12, 20)
        assert [e.who for e in second_run.history(request.id)] == ["lan", "lan"]


# -- overview -----------------------------------------------------------------------


def test_overview_counts_and_late_items(store: Store) -> None:
    request = first(store, Kind.REQUEST)
    store.update_tracking(request.id, owner="Sở Nông nghiệp và Môi trường", deadline=dt.date(2025, 12, 1))
    directive = first(store, Kind.DIRECTIVE)
    store.update_tracking(directive.id, deadline=dt.date(2025, 12, 15))
    on = dt.date(2026, 1, 3)  # the other requests are due on 4/1/2026 (40 days)
    rows, totals = province_overview(store, van_du(store).province, on)
    row = next(r for r in rows if r.commune == van_du(store))
    assert row.sessions == 1 and row.last_session == SESSION_DAY
    assert row.overdue_requests == 1 and row.overdue_directives == 1
    assert totals.requests["overdue"] == 1 and totals.directives["open_overdue"] == 1
    assert "quá hạn 1" in totals.describe()
    late = late_items(store, on)
    assert [li.item.id for li in late] == [request.id, directive.id]  # 33 days late before 19
    assert [li.state.late_days for li in late] == [33, 19]


def test_a_calendar_gives_its_fixed_day_or_the_machines_date(monkeypatch) -> None:
    assert Calendar(dt.date(2026, 2, 3)).today() == dt.date(2026, 2, 3)
    monkeypatch.setenv("HAICAP_TODAY", "2026-02-03")  # read by the command line only, never here
    assert Calendar().today() == dt.date.today()
