"""What day it is for haicap: the real today, or the day fixed by `HAICAP_TODAY`.

Deadlines and "overdue" depend on today. Tests, demonstrations and reviews of a past
date fix it with `HAICAP_TODAY=YYYY-MM-DD` (the `--today` option sets the same).
History times come from `now()`, which `HAICAP_NOW` fixes the same way (for snapshots).
"""

from __future__ import annotations

import datetime as dt
import os

from .errors import StoreError

__all__ = ["NOW_ENV_VAR", "TODAY_ENV_VAR", "now", "today"]

TODAY_ENV_VAR = "HAICAP_TODAY"
"""Environment variable that fixes today's date (YYYY-MM-DD)."""

NOW_ENV_VAR = "HAICAP_NOW"
"""Environment variable that fixes the time history records (ISO 8601 with a UTC offset)."""


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
    """The current time in UTC, or the time in `HAICAP_NOW`; a malformed value is a StoreError."""
    fixed = os.environ.get(NOW_ENV_VAR, "").strip()
    if not fixed:
        return dt.datetime.now(dt.timezone.utc)
    try:
        moment = dt.datetime.fromisoformat(fixed)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise StoreError(f"{NOW_ENV_VAR}={fixed!r} is not a time with its UTC offset (2025-12-15T09:30:00+07:00)")
    return moment.astimezone(dt.timezone.utc)
