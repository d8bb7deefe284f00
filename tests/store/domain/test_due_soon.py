"""Due soon (issue 19): an open request or directive whose deadline in force is today or
within the store's `due_soon_days` (7 by default; 0 turns the mark off), and not overdue.

The seed session is of 25/11/2025; its untouched requests are due 40 days later, on
04/01/2026, and its directives have no deadline until a test gives them one.
"""

from __future__ import annotations

import datetime as dt

import pytest

from haicap.store import DeadlineRules, Kind, Store, follow_up
from haicap.store.domain.followup import days_left_words, due_soon_problems, rules_from_meta
from haicap.store.domain.i18n import set_language

REQUEST_DUE = dt.date(2026, 1, 4)
"""The default deadline of the seed's requests (session + 40 days)."""


@pytest.fixture
def store() -> Store:
    seeded = Store.in_memory()
    seeded.ensure_seeded()
    return seeded


def _request(store: Store):
    return store.items(kinds=(Kind.REQUEST,))[0]


def _directive(store: Store, **tracking):
    directive = store.items(kinds=(Kind.DIRECTIVE,))[0]
    return store.update_tracking(directive.id, **tracking) if tracking else directive


# -- the rule at its edges ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "due_soon", "days_left", "mark"),
    [
        (REQUEST_DUE, True, 0, "◷ hôm nay đến hạn"),
        (REQUEST_DUE - dt.timedelta(days=3), True, 3, "◷ sắp đến hạn, còn 3 ngày"),
        (REQUEST_DUE - dt.timedelta(days=7), True, 7, "◷ sắp đến hạn, còn 7 ngày"),
        (REQUEST_DUE - dt.timedelta(days=8), False, 8, ""),
        (REQUEST_DUE + dt.timedelta(days=1), False, None, "⚠ quá hạn 1 ngày"),
    ],
    ids=["due today", "in 3 days", "in N days", "in N+1 days", "overdue"],
)
def test_a_request_is_due_soon_from_n_days_before_its_deadline_to_the_day(
    store: Store, today: dt.date, due_soon: bool, days_left: int | None, mark: str
) -> None:
    state = follow_up(_request(store), today, store.deadline_rules)
    assert state is not None and state.deadline == REQUEST_DUE
    assert (state.due_soon, state.days_left, state.mark) == (due_soon, days_left, mark)
    assert state.overdue is (days_left is None)
    # The officials' wording (machine output, reports) stays the national one.
    assert state.label_vi == ("Mới tiếp nhận" if days_left is not None else "Mới tiếp nhận – quá hạn 1 ngày")


@pytest.mark.parametrize(
    ("deadline", "done", "due_soon", "days_left"),
    [
        (dt.date(2026, 2, 1), None, True, 0),
        (dt.date(2026, 2, 8), None, True, 7),
        (dt.date(2026, 2, 9), None, False, 8),
        (dt.date(2026, 1, 31), None, False, None),  # overdue
        (dt.date(2026, 2, 3), dt.date(2026, 1, 30), False, None),  # done
        (None, None, False, None),  # no deadline: never due
    ],
    ids=["due today", "in N days", "in N+1 days", "overdue", "done", "no deadline"],
)
def test_a_directive_is_due_soon_only_while_open_before_its_deadline(
    store: Store, deadline: dt.date | None, done: dt.date | None, due_soon: bool, days_left: int | None
) -> None:
    state = follow_up(_directive(store, deadline=deadline, done=done), dt.date(2026, 2, 1), store.deadline_rules)
    assert state is not None
    assert (state.due_soon, state.days_left) == (due_soon, days_left)
    if deadline is not None and done is None and days_left is not None:
        assert state.label_vi == "Đang thực hiện – trong hạn"


def test_an_answered_request_is_never_due_soon(store: Store) -> None:
    answered = store.set_status(_request(store).id, "answered")
    state = follow_up(answered, REQUEST_DUE, store.deadline_rules)
    assert state is not None and not state.due_soon and state.days_left is None and state.mark == ""


def test_zero_days_turns_the_mark_off_but_days_left_still_count(store: Store) -> None:
    off = DeadlineRules(due_soon_days=0)
    state = follow_up(_request(store), REQUEST_DUE, off)
    assert state is not None and not state.due_soon and state.days_left == 0 and state.mark == ""
    one = follow_up(_request(store), REQUEST_DUE - dt.timedelta(days=1), DeadlineRules(due_soon_days=1))
    assert one is not None and one.due_soon and one.days_left == 1


def test_the_store_setting_decides(store: Store) -> None:
    request = _request(store)
    ten_days_before = REQUEST_DUE - dt.timedelta(days=10)
    assert not follow_up(request, ten_days_before, store.deadline_rules).due_soon  # type: ignore[union-attr]
    store.set_due_soon_days(10)
    assert store.deadline_rules == DeadlineRules(due_soon_days=10)
    assert follow_up(request, ten_days_before, store.deadline_rules).due_soon  # type: ignore[union-attr]


def test_the_words_in_english() -> None:
    set_language("en")
    assert days_left_words(0) == "due today"
    assert days_left_words(1) == "1 day left" and days_left_words(3) == "3 days left"
    set_language("vi")
    assert days_left_words(0) == "hôm nay đến hạn" and days_left_words(3) == "còn 3 ngày"


def test_the_mark_in_english(store: Store) -> None:
    set_language("en")
    state = follow_up(_request(store), REQUEST_DUE - dt.timedelta(days=2), store.deadline_rules)
    assert state is not None and state.mark == "◷ due soon, 2 days left"
    today = follow_up(_request(store), REQUEST_DUE, store.deadline_rules)
    assert today is not None and today.mark == "◷ due today"


# -- the stored value ----------------------------------------------------------------------


@pytest.mark.parametrize("stored", [None, 0, 7, 365])
def test_a_usable_stored_value_is_read_as_it_is(stored: int | None) -> None:
    assert rules_from_meta(None, stored).due_soon_days == (7 if stored is None else stored)
    assert due_soon_problems(stored) == []


@pytest.mark.parametrize("stored", [-1, 366, 3.5, "7", True, [], {"days": 7}])
def test_a_damaged_stored_value_falls_back_to_the_default_and_is_named(stored: object) -> None:
    rules = rules_from_meta({"answer_days": 30}, stored)
    assert rules == DeadlineRules(answer_days=30, due_soon_days=7)
    [problem] = due_soon_problems(stored)
    assert "due-soon-days" in problem and "haicap config --due-soon-days N" in problem and "7" in problem
