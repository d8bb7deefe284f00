"""The ranges haicap accepts for dates, settings and counts, and date arithmetic that cannot overflow.

A value outside them is refused before anything is written (`check_day`, `check_setting`);
a store that already holds one (written by an older haicap or by hand) still loads, and
`describe_day` says what is wrong so a warning can name it. Python's dates end in 9999:
one deadline there plus a few days raised OverflowError in every view of the store, for
every officer sharing it, which is why deadlines are computed with `add_days`.
"""

from __future__ import annotations

import datetime as dt

from haicap.store.domain.errors import StoreError
from haicap.store.domain.i18n import _

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "MAX_ANSWER_DAYS",
    "MAX_BACKUPS",
    "MAX_DUE_SOON_DAYS",
    "add_days",
    "check_day",
    "check_setting",
    "date_range",
    "day_problem",
]

FIRST_DAY = dt.date(2000, 1, 1)
"""The earliest date a session, deadline or completion may have."""
LAST_DAY = dt.date(2100, 12, 31)
"""The latest one."""


def date_range() -> str:
    """How messages name the range: "các năm 2000–2100" ("years 2000–2100")."""
    return _("years {first}–{last}").format(first=FIRST_DAY.year, last=LAST_DAY.year)


MAX_ANSWER_DAYS = 3650
"""At most ten years to answer a request (`config --answer-days`)."""
MAX_BACKUPS = 1000
"""At most this many backups kept (`config --backups`): each is a copy of the whole store."""
MAX_DUE_SOON_DAYS = 365
"""At most a year ahead for the "due soon" mark (`config --due-soon-days`, `items --due-within`)."""


def day_problem(day: dt.date) -> str | None:
    """Why `day` is out of range ("9999-12-31 is outside years 2000–2100"), or None."""
    if FIRST_DAY <= day <= LAST_DAY:
        return None
    return _("{day} is outside {range}").format(day=day.isoformat(), range=date_range())


def check_day(day: dt.date, what: str) -> dt.date:
    """`day` itself, or a StoreError "what: 9999-12-31 is outside years 2000–2100"."""
    problem = day_problem(day)
    if problem:
        raise StoreError(f"{what}: {problem}")
    return day


def check_setting(value: int, what: str, low: int, high: int) -> int:
    """`value` itself when low ≤ value ≤ high, else a StoreError naming the range."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise StoreError(
            _("{what}: must be a whole number from {low} to {high}, not {value}").format(
                what=what, low=low, high=high, value=repr(value)
            )
        )
    return value


def add_days(day: dt.date, days: int) -> dt.date:
    """`day` + `days`, held at the first or last date Python has instead of overflowing."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min
