"""The deadline of a request or directive, as its text gives it.

A date reads as a deadline after trước / chậm nhất / trong / hoàn thành … ("trước ngày
15/3/2026", "trong quý I/2026", "6 tháng đầu năm 2026") or right before the verb of
finishing; references, periods and dates before the session give none. See
`store.ingest.reader.assignments` for the rules as a whole.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["DUE_BY", "read_deadline"]

_ROMAN_QUARTER = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_B = r"(?<!\w)"
_WHEN = re.compile(
    rf"(?i){_B}(?:"
    rf"(?P<half>6|sáu)\s+tháng\s+(?P<halfside>đầu|cuối)\s+năm(?:\s+(?P<halfyear>\d{{4}})(?!\d)|\s+(?P<halfnow>nay))?"
    rf"|(?P<d1>\d{{1,2}})(?P<sep>[/\-])(?P<m1>\d{{1,2}})(?:(?P=sep)(?P<y1>\d{{4}}))?(?![\w/\-])"
    rf"|(?P<d2>\d{{1,2}})\.(?P<m2>\d{{1,2}})\.(?P<y2>\d{{4}})(?![\w.])"
    rf"|(?P<d3>\d{{1,2}})\s+tháng\s+(?P<m3>\d{{1,2}})(?:\s+năm\s+(?P<y3>\d{{4}}))?(?![\d/])"
    rf"|(?P<monthend>cuối\s+)?tháng\s+(?:(?P<m4>\d{{1,2}})(?:\s*(?:/|-|năm\s+)\s*(?P<y4>\d{{4}}))?(?![\d/])"
    rf"(?:\s+(?P<m4now>này|năm\s+nay))?|(?P<m4this>này))"
    rf"|quý\s+(?:(?P<q>iv|iii|ii|i|[1-4])(?!\w)(?:\s*(?:/|-|năm\s+)\s*(?P<qy>\d{{4}}))?(?:\s+(?P<qnow>năm\s+nay))?"
    rf"|(?P<qthis>này))"
    rf"|(?P<yearend>cuối\s+)?năm\s+(?:(?P<y5>\d{{4}})(?!\s*[-–]\s*\d)(?!\d)|(?P<y5now>nay))"
    rf"|(?P<lateyear>cuối\s+năm)(?!\s*(?:học|tài|\d))"
    rf")"
)
# Words right before a date that make it a deadline, nearest first: "trước ngày", "chậm nhất",
# "trong", "hoàn thành vào", "hoàn thành" (the verb alone when no other word is there).
_CONNECTOR = re.compile(
    r"(?i)(?<!\w)(?P<lead>(?:ngay\s+)?trong|trước|(?:chậm|muộn)\s+nhất(?:\s+là)?(?:\s+(?:vào|trong))?"
    r"|(?:đến|tới)\s+hết|hạn\s+chót(?:\s+là)?|thời\s+hạn(?:\s+hoàn\s+thành)?(?:\s+là)?\s*:?|hạn\s*:"
    r"|(?:hoàn\s+thành|xong|hoàn\s+tất|bàn\s+giao|dứt\s+điểm)(?:\s+vào)?|kịp)\s*(?:ngày\s+)?$"
)
# A date at a clause start (or after "phấn đấu", "đến") that the verb of finishing follows.
_FINISH_LEAD = re.compile(r"(?i)(?:^|[.;:,(\-–•]\s*|(?<!\w)(?:phấn\s+đấu|đến|tới|để|bảo\s+đảm|đảm\s+bảo)\s+)(?:ngày\s+)?$")
_FINISH_AFTER = re.compile(r"(?i)^\s*,?\s*(?:\w+\s+){0,2}?(?:phải\s+|cần\s+|sẽ\s+)?(?:hoàn\s+thành|xong|hoàn\s+tất)(?!\w)")
_UNTIL = re.compile(r"(?i)(?<!\w)(?:đến|tới)\s+(?:ngày\s+)?$")
_PAST_AFTER = re.compile(r"(?i)^\s*(?:vừa\s+qua|vừa\s+rồi|qua(?!\w)|trước\s+(?:đó|đây)|đã(?!\w))")
_WINDOW = 48


def _last_day(year: int, month: int) -> dt.date:
    return (dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)) - dt.timedelta(days=1)


def _period(match: re.Match[str], year: int) -> tuple[dt.date, dt.date] | None:
    """The first and last day a date expression covers in `year` (its own year when written)."""
    g = match.groupdict()

    def months(first: int, last: int, y: int) -> tuple[dt.date, dt.date] | None:
        if not (1 <= first <= last <= 12 and 1 <= y <= 9998):
            return None
        return dt.date(y, first, 1), _last_day(y, last)

    if g["half"]:
        first = 1 if g["halfside"].lower() == "đầu" else 7
        return months(first, first + 5, int(g["halfyear"] or year))
    for d, m, y in (("d1", "m1", "y1"), ("d2", "m2", "y2"), ("d3", "m3", "y3")):
        if g[d]:
            try:
                day = dt.date(int(g[y] or year), int(g[m]), int(g[d]))
            except ValueError:
                return None  # "31/2": no such day
            return day, day
    if g["m4"]:
        month = int(g["m4"])
        return months(month, month, int(g["y4"] or year))
    if g["q"]:
        quarter = _ROMAN_QUARTER[g["q"].lower()]
        return months(3 * quarter - 2, 3 * quarter, int(g["qy"] or year))
    if g["y5"] or g["y5now"]:
        return months(1, 12, int(g["y5"] or year))
    if g["lateyear"]:
        return months(12, 12, year)
    return None


def _written_year(match: re.Match[str]) -> bool:
    g = match.groupdict()
    return any(g[name] for name in ("halfyear", "y1", "y2", "y3", "y4", "qy", "y5"))


def _this(match: re.Match[str]) -> bool:
    """Whether the expression says "this" month / quarter / year ("năm nay", "tháng này")."""
    g = match.groupdict()
    return any(g[name] for name in ("halfnow", "m4now", "qnow", "y5now", "lateyear", "m4this", "qthis"))


def _deadline_of(match: re.Match[str], lead: str, session: dt.date | None) -> dt.date | None:
    """The deadline a date expression gives after `lead`, or None when it cannot be read."""
    g = match.groupdict()
    if g["m4this"] or g["qthis"]:
        if session is None:
            return None
        last = session.month if g["m4this"] else 3 * ((session.month - 1) // 3) + 3
        return _last_day(session.year, last)
    written = _written_year(match)
    if not written and session is None:
        return None
    year = session.year if session is not None else 1
    # "trước tháng 6" is before June begins; "trước 30/6", "trước cuối năm" is by that day.
    before_start = re.match(r"(?i)trước$", lead.strip()) is not None and not (
        g["d1"] or g["d2"] or g["d3"] or g["monthend"] or g["yearend"] or g["lateyear"]
    )

    def pick(y: int) -> dt.date | None:
        period = _period(match, y)
        if period is None:
            return None
        return period[0] - dt.timedelta(days=1) if before_start else period[1]

    if session is not None and not written and not _this(match):
        for d, m in (("d1", "m1"), ("d2", "m2"), ("d3", "m3")):
            if g[d]:
                # The next such day on the calendar; then it must exist ("29/2").
                ahead = (int(g[m]), int(g[d])) >= (session.month, session.day)
                return pick(year if ahead else year + 1)
        day = pick(year)
        if day is not None and day < session:
            day = pick(year + 1)  # "trong tháng 2" said in November: next February
        return day
    return pick(year)


def read_deadline(text: str, session: dt.date | None) -> tuple[dt.date | None, str | None]:
    """The first date of `text` that reads as a deadline and the words it was read from
    ("trước ngày 15/3/2026"); (None, None) when none does."""
    for match in _WHEN.finditer(text):
        start, end = match.start(), match.end()
        window = text[max(0, start - _WINDOW) : start]
        offset = start - len(window)
        year_only = bool(match.group("y5") or match.group("y5now")) and not match.group("yearend")
        lead = _CONNECTOR.search(window)
        if lead is not None:
            words_from = offset + lead.start("lead")
            lead_text = lead.group("lead")
        elif _FINISH_LEAD.search(window) and _FINISH_AFTER.match(text[end : end + _WINDOW]):
            # "Phấn đấu quý II/2026 hoàn thành …", "đến ngày 30/6 phải hoàn thành …"
            until = _UNTIL.search(window)
            if until is not None and year_only:
                continue  # "đến năm 2030 hoàn thành …": a long-term target
            words_from = offset + until.start() if until is not None else start
            lead_text = ""
        else:
            continue
        if _PAST_AFTER.match(text[end : end + 16]):
            continue  # "trong tháng 10 vừa qua"
        day = _deadline_of(match, lead_text, session)
        if day is None:
            continue
        if session is not None and day < session:
            continue  # already past at the session: a reference, not a deadline
        return day, text[words_from:end].strip()
    return None, None


DUE_BY = re.compile(
    r"\b(?:trước|chậm nhất|hạn chót|xong trước)\s+(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}"
    r"|\b(?:trước|trong)\s+(?:tháng|quý)\s+(?:\d{1,2}|[ivx]+)\b"
)
"""A date a thing is due by ("trước 30/4", "trong quý III"): a result still due is a task."""
