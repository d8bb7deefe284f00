"""What day and time it is for haicap.

Deadlines and "overdue" depend on today. Tests, demonstrations and reviews of a past
date fix it with `HAICAP_TODAY=YYYY-MM-DD` (the `--today` option sets the same): a
user-visible feature, and harmless, since it changes what is shown, never what is recorded.

The times history and the audit log record are another matter: they are evidence of who
changed what when, so they come from the real clock and no environment variable can move
them. Snapshot tests that need a fixed time inject a clock in code, with `set_clock`
(or `make_app(..., clock=)`), never through the environment of a production run.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable

from haicap.store.domain.errors import StoreError

__all__ = ["TODAY_ENV_VAR", "Clock", "fixed_clock", "now", "real_clock", "set_clock", "today"]

TODAY_ENV_VAR = "HAICAP_TODAY"
"""Environment variable that fixes today's date (YYYY-MM-DD)."""

Clock = Callable[[], dt.datetime]
"""Something that tells the current time (an aware datetime)."""


def real_clock() -> dt.datetime:
    """The machine's clock, in UTC."""
    return dt.datetime.now(dt.UTC)


_clock: Clock = real_clock
"""The clock `now()` reads; only code (a test fixture) changes it, see `set_clock`."""


def today() -> dt.date:
    """Today's date, or the date in `HAICAP_TODAY`; a malformed value is a StoreError."""
    fixed = os.environ.get(TODAY_ENV_VAR, "").strip()
    if not fixed:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(fixed)
    except ValueError:
        raise StoreError(f"{TODAY_ENV_VAR}={fixed!r} is not a date (YYYY-MM-DD)") from None


def now() -> dt.datetime:
    """The current time in UTC, from the clock in force (the real one unless code set another)."""
    return _clock().astimezone(dt.UTC)


def set_clock(clock: Clock | None) -> None:
    """Make `now()` read `clock` (None: the real clock again). For tests and demonstrations
    that need the same times on every run; nothing outside the code can call it."""
    global _clock  # noqa: PLW0603  # one clock per process, changed only by code (tests, demonstrations)
    _clock = clock if clock is not None else real_clock


def fixed_clock(moment: dt.datetime | str) -> Clock:
    """A clock that always says `moment` (an aware datetime, or ISO 8601 with its UTC offset)."""
    when = dt.datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    if when.tzinfo is None:
        raise ValueError(f"{moment!r} has no UTC offset")
    return lambda: when
