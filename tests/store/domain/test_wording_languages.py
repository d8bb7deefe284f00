"""What the store says follows the language spoken: Vietnamese by default, English under
`set_language("en")` — refusals of a locked or read-only store, the follow-up wording
("quá hạn N ngày"), the overview's totals and the slides."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from haicap.store import Kind, Store, StoreError
from haicap.store.db.locking import WriteLock
from haicap.store.domain.followup import follow_up
from haicap.store.domain.i18n import set_language
from haicap.store.views.overview import province_overview
from haicap.store.views.slides import deck_of_session

TODAY = dt.date(2026, 1, 10)


@pytest.fixture
def store() -> Store:
    seeded = Store.in_memory()
    seeded.ensure_seeded()
    return seeded


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "kho"
    with Store.open(path) as store:
        store.ensure_seeded()
    return path


def _refusal_of_read_only(folder: Path) -> str:
    with Store.open(folder, read_only=True) as viewer:
        request = next(iter(viewer.items(kinds=(Kind.REQUEST,))))
        with pytest.raises(StoreError) as refused:
            viewer.update_tracking(request.id, owner="Sở Tài chính")
    return str(refused.value)


def test_a_read_only_store_refuses_in_vietnamese_by_default_and_in_english_on_request(folder: Path) -> None:
    assert _refusal_of_read_only(folder) == f"{folder}: kho dữ liệu đang mở chỉ đọc; không nhận thay đổi"
    set_language("en")
    assert _refusal_of_read_only(folder) == f"{folder}: the store is open read-only; changes are refused"


def _wait_for(folder: Path) -> StoreError:
    """What a writer is told when another holds the lock (another thread of this process
    has its own descriptor, as another process does)."""
    caught: list[StoreError] = []

    def wait() -> None:
        try:
            with WriteLock(folder).hold():
                pass
        except StoreError as error:
            caught.append(error)

    with WriteLock(folder).hold():
        thread = threading.Thread(target=wait)
        thread.start()
        thread.join()
    return caught[0]


def test_a_hung_lock_is_said_in_the_language_spoken(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("haicap.store.db.locking.LOCK_TIMEOUT", 0.0)
    assert "khoá của kho dữ liệu bị giữ 0 giây mà không ghi gì" in str(_wait_for(folder))
    set_language("en")
    assert "the store's lock has been held for 0 s with nothing written" in str(_wait_for(folder))


def test_the_overdue_wording_follows_the_language(store: Store) -> None:
    request = next(iter(store.items(kinds=(Kind.REQUEST,))))
    state = follow_up(request, TODAY, store.deadline_rules)
    assert state is not None and state.overdue and state.late_days == 6
    assert (state.label, state.short_label, state.mark) == (
        "Mới tiếp nhận – quá hạn 6 ngày",
        "Mới tiếp nhận – quá hạn",
        "⚠ quá hạn 6 ngày",
    )
    assert state.label_vi == "Mới tiếp nhận – quá hạn 6 ngày", "the fixed wording for machine output is unchanged"
    set_language("en")
    assert (state.label, state.short_label, state.mark) == ("Received – 6 days overdue", "Received – overdue", "⚠ 6 days overdue")
    one_day = follow_up(request, TODAY - dt.timedelta(days=5), store.deadline_rules)
    assert one_day is not None and one_day.label == "Received – 1 day overdue"


def test_a_directive_done_late_or_on_time_reads_in_the_language_spoken(store: Store) -> None:
    directive = next(iter(store.items(kinds=(Kind.DIRECTIVE,))))
    late = store.update_tracking(directive.id, deadline=dt.date(2025, 12, 31), done=dt.date(2026, 1, 5))
    state = follow_up(late, TODAY, store.deadline_rules)
    assert state is not None and state.label == "Hoàn thành – quá hạn 5 ngày" and state.short_label == "Hoàn thành – quá hạn"
    set_language("en")
    assert state.label == "Done – 5 days late" and state.short_label == "Done – late"
    on_time = follow_up(store.update_tracking(directive.id, done=dt.date(2025, 12, 30)), TODAY, store.deadline_rules)
    assert on_time is not None and on_time.label == "Done – on time"


def test_the_overview_totals_keep_their_shape_in_both_languages(store: Store) -> None:
    province = store.latest_session().province
    _, totals = province_overview(store, province, TODAY)
    vietnamese = totals.describe()
    assert vietnamese.startswith("Kiến nghị: 4 — đã trả lời 0; đang giải quyết 4, quá hạn 4, sắp đến hạn 0 · Chỉ đạo: ")
    assert vietnamese.endswith("quá hạn 0, sắp đến hạn 0")
    set_language("en")
    english = totals.describe()
    assert english.startswith("Requests: 4 — answered 0; in progress 4, overdue 4, due soon 0 · Directives: ")
    # The overview's header breaks lines at these marks, whatever the language.
    for text in (vietnamese, english):
        requests, directives = text.split(" · ")
        assert " — " in requests and "; " in requests and directives.count("; ") == 1


def test_the_slides_speak_the_language_spoken(store: Store) -> None:
    deck = deck_of_session(store, store.latest_session(), TODAY)
    closing = deck.parts[-1]
    assert deck.title.kicker == "Phiên làm việc" and closing.heading == "Việc cần theo dõi"
    assert closing.entries[0].detail.startswith("Kiến nghị · Mới tiếp nhận – quá hạn 6 ngày")
    assert deck.parts[0].heading == "Kết quả" and deck.parts[0].where.startswith("Chung · ")
    set_language("en")
    deck = deck_of_session(store, store.latest_session(), TODAY)
    closing = deck.parts[-1]
    assert deck.title.kicker == "Working session" and closing.heading == "Open requests and directives"
    assert closing.entries[0].detail.startswith("Request · Received – 6 days overdue")
    assert closing.entries[0].overdue == "⚠ 6 days overdue"
    assert deck.parts[0].heading == "Achievements" and deck.parts[0].where.startswith("Common · xã Ngọc Trạo")
