"""What day it is for haicap: the real today, or the day fixed by `HAICAP_TODAY`.

Deadlines and "overdue" depend on today. Tests, demonstrations and reviews of a past
date fix it with `HAICAP_TODAY=YYYY-MM-DD` (the `--today` option sets the same).
"""

from __future__ import annotations

import datetime as dt
import os

from .errors import StoreError

__all__ = ["TODAY_ENV_VAR", "today"]

TODAY_ENV_VAR = "HAICAP_TODAY"
"""Environment variable that fixes today's date (YYYY-MM-DD)."""


def today() -> dt.date:
    """Today's date, or the date in `HAICAP_TODAY`; a malformed value is a StoreError."""
    fixed = os.environ.get(TODAY_ENV_VAR, "").strip()
    if not fixed:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(fixed)
    except ValueError:
        raise StoreError(f"{TODAY_ENV_VAR}={fixed!r} is not a date (YYYY-MM-DD)") from None
