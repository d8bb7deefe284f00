"""Dates as people write and read them: one rule for reading, one format for showing.

Officers write a day as "25/11/2025" (day first, as Vietnamese documents do) or as
"2025-11-25"; haicap shows it back as "25/11/2025" everywhere (dashboard, exports,
messages). Finding a date inside prose ("Sáng 25/11", "ngày 3 tháng 12") is another job,
done by `store.ingest.reader.dates`.
"""

from __future__ import annotations

import datetime as dt
import re

from haicap.store.domain.i18n import _

__all__ = ["DATE_FORMAT", "format_date", "parse_date"]

DATE_FORMAT = "%d/%m/%Y"
"""How haicap shows a day: "25/11/2025"."""

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")


def parse_date(text: str) -> dt.date:
    """Read a date given by a person: "2025-11-25" or "25/11/2025" (also "25.11.2025",
    "25-11-2025", one-digit day or month); surrounding spaces are ignored.

    ValueError says why not: "'…' is not a date (…)" for another shape, "'…' is not a real
    date" for a day that does not exist (31/02/2025).
    """
    text = text.strip()
    match = _ISO.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    elif match := _DMY.match(text):
        day, month, year = (int(g) for g in match.groups())
    else:
        raise ValueError(_("'{text}' is not a date (write YYYY-MM-DD or DD/MM/YYYY)").format(text=text))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(_("'{text}' is not a real date").format(text=text)) from None


def format_date(day: dt.date) -> str:
    """`day` as haicap shows it: "25/11/2025"."""
    return day.strftime(DATE_FORMAT)
