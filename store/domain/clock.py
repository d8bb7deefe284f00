"""What day and time it is for haicap.

Deadlines and "overdue" depend on today. A `Calendar` says which day that is: the
machine's date, or a day fixed for one run (`haicap --today`, or `HAICAP_TODAY`, which the
command line reads and passes down in the calendar; nothing below the command line reads
the environment). Fixing the day is a user-visible feature for demonstrations and reviews
of a past date, and harmless: it changes what is shown, never what is recorded.

The times history and the audit log record are another matter: they are evidence of who
changed what when, so they come from the real clock and no environment variable can move
them. Snapshot tests that need a fixed time inject a clock in code, with `set_clock`
(or `make_app(..., clock=)`), never through the environment of a production run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Calendar", "Clock", "fixed_clock", "now", "real_clock", "set_clock"]


@dataclass(frozen=True)
class Calendar:
    """Which day deadlines are measured against: `fixed`, or the machine's date when None.

    Built by the command line (from `--today` or `HAICAP_TODAY`) and handed to what needs
    today; the default is the machine's date, read at each call (a dashboard left open
    over midnight moves to the new day)."""

    fixed: dt.date | None = None
    """The day fixed for this run, or None for the machine's date."""

    def today(self) -> dt.date:
        """Today for deadlines."""
        return self.fixed if self.fixed is not None else dt.date.today()


Clock = Callable[[], dt.datetime]
"""Something that tells the current time (an aware datetime)."""


def real_clock() -> dt.datetime:
    """The machine's clock, in UTC."""
    return dt.datetime.now(dt.UTC)


_clock: Clock = real_clock
"""The clock `now()` reads; only code (a test fixture) changes it, see `set_clock`."""


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
