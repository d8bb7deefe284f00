"""The session date: "Sáng 25/11", "Chiều 17-9", "Ngày 14-10", "ngày 2 tháng 12 năm 2025".

Articles usually open with the time of day and a day/month; the year is left out. The
year then comes from the caller's `year_hint`, from a full date with the same day and
month elsewhere in the article, from the article's own "năm 2025", or from `today`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

__all__ = ["DATED_LEAD", "find_session_date", "impossible_session_date"]

DATED_LEAD = re.compile(
    r"^\W*(?:(?:\([^()]{1,40}\)|[^\s,;:()–-]+(?:\s+[^\s,;:()–-]+){0,3})\s*[-–]\s*)?(?:sáng|chiều|trưa|tối|ngày|hôm)\b"
)
"""The dated lead that opens an article, after the outlet's tag if any (lower case): "(Báo X) -
Sáng 24/10", "TUỔI TRẺ - Ngày 14-8", "VOV.VN - Chiều 3/5"."""

_DAY_MONTH = r"(\d{1,2})\s*[/\-.]\s*(\d{1,2})(?:\s*[/\-.]\s*(\d{4}))?(?![\d/\-])"
_WORDY = r"(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?"
# A time-of-day word (or "ngày", "hôm") right before the date marks the session date;
# a bare date elsewhere ("từ ngày 1/7/2025") is more often a reference to a decision.
# "Ngày" only counts when it opens a sentence ("Ngày 14-10, ông ..."): inside one,
# "từ ngày 1/7/2025" is a reference, not the session.
_LEAD = (
    r"(?:(?i:sáng|chiều|trưa|tối|đêm|hôm)(?:\s+(?i:nay|qua|thứ\s+\w+),?)?\s+\(?(?i:ngày\s+)?"
    r"|(?:^|(?<=[.\-–:]\s)|(?<=\n))Ngày\s+"
    # An excerpt cut mid-sentence may open on its date: "ngày 9/1, đồng chí A …".
    r"|(?<![\s\S])ngày\s+)"
)
_SESSION = re.compile(rf"(?<!\w)(?<!từ )(?<!đến )(?<!sau )(?<!trước ){_LEAD}(?:{_DAY_MONTH}|{_WORDY})", re.M)
_ANY_FULL = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
# A full date in words anywhere: "... tại xã X ngày 15 tháng 7 năm 2026."
_WORDY_FULL = re.compile(r"(?i)(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})(?!\d)")
_REFERENCE = re.compile(r"(?i)(?:từ|đến|sau|trước|tới|kể từ)\s+(?:ngày\s+)?$")
# "năm 2025" but not a plan period "2025-2030" / "2025 - 2030".
# "đến năm 2030" is a target, not the article's year.
_YEAR = re.compile(r"(?i)(?<!đến )(?<!tới )(?<!trước )năm\s+(20\d\d)(?!\s*[-–]\s*20\d\d)")
# Communes and provinces as haicap knows them exist from 1 July 2025: a day and month
# with no year that would fall before it belongs to the next year ("Ngày 18/3" in an
# article that talks of "năm 2025" results is 18/3/2026).
TWO_TIER_START = dt.date(2025, 7, 1)
# A report written for a session states the session's own date in its subtitle
# ("Phục vụ buổi làm việc với Đoàn công tác ..., ngày 21/11/2025"); that beats the date
# the report was signed.
_SESSION_NAMED = re.compile(
    r"(?i)(?:buổi\s+làm\s+việc|cuộc\s+làm\s+việc|buổi\s+kiểm\s+tra|cuộc\s+họp|buổi\s+họp)"
    r"[^.\n]{0,200}?ngày\s+(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])"
)
# A text that reports the session as it happens, and so names no day: a live blog.
_HAPPENING_NOW = re.compile(r"(?i)\btường thuật trực tiếp\b|^\s*trực tiếp\s*[:|–-]|\bđang diễn ra\b", re.M)
# A date set off by commas before the one who acts: "Trong không khí đón Xuân, ngày 9/2, đồng chí A …".
_DATE_BEFORE_ACTOR = re.compile(
    r"(?<=,\s)ngày\s+(\d{1,2})/(\d{1,2})(?:/(\d{4}))?,\s+(?=(?:đồng chí|Đồng chí|ông|bà|Chủ tịch|Phó Chủ tịch|"
    r"Bí thư|Phó Bí thư|Trưởng ban|Đoàn|đoàn|lãnh đạo|Lãnh đạo|Thường trực|Tổ đại biểu)\b)"
)


def _in_capitals(body: str, index: int) -> bool:
    """Whether the line that holds `index` is written in capitals (a heading)."""
    start = body.rfind("\n", 0, index) + 1
    end = body.find("\n", index)
    line = body[start : end if end >= 0 else len(body)]
    return line.isupper()


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_for(day: int, month: int, body: str, today: dt.date | None, year_hint: int | None) -> int | None:
    if year_hint:
        return year_hint
    for match in _ANY_FULL.finditer(body):
        if int(match.group(1)) == day and int(match.group(2)) == month:
            return int(match.group(3))
    year = _guess_year(day, month, body, today)
    if year is not None and _safe_date(year, month, day) is not None and dt.date(year, month, day) < TWO_TIER_START:
        return year + 1
    return year


def _guess_year(day: int, month: int, body: str, today: dt.date | None) -> int | None:
    # The latest such date that is not in the future.
    recent = None
    if today is not None:
        recent = today.year if (month, day) <= (today.month, today.day) else today.year - 1
    years = Counter(int(y) for y in _YEAR.findall(body))
    if years:
        # The year the article talks about most ("năm 2025" for results, once "năm 2026"
        # for plans); a tie goes to the later year.
        talked = max(years, key=lambda y: (years[y], y))
        # A session is reported after it happens: a year that puts it after the reading
        # day is a plan ("trong năm 2026"), not the article's year.
        if recent is not None and talked > recent:
            return recent
        # Early in a year, sessions review the year before: "kết quả năm 2025" in January 2026.
        if month <= 2 and recent == talked + 1:
            return recent
        return talked
    return recent


def find_session_date(body: str, *, today: dt.date | None = None, year_hint: int | None = None) -> dt.date | None:
    """Return the date of the session the article reports, or None when it names none.

    The first "Sáng/Chiều/Ngày DD/MM" wins; failing that, a date set off by commas before the
    one who acts (", ngày 9/2, đồng chí A …"), then the date given for the session ("buổi làm
    việc ... ngày 21/11/2025", "Sau buổi làm việc … ngày 16/1"); failing that, the first
    full DD/MM/YYYY; failing that, `today` for a live report ("tường thuật trực tiếp"). A day and
    month with no year never falls before 1 July 2025.
    """
    # A date in a line of capitals is the heading's (a broadcast's "CHƯƠNG TRÌNH PHÁT THANH SÁNG
    # THỨ SÁU, NGÀY 24/10/2025"), the day it went out; the session's is the first in the text.
    found = list(_SESSION.finditer(body))
    match = next((m for m in found if not _in_capitals(body, m.start())), found[0] if found else None)
    if match:
        groups = match.groups()
        day, month, year = (groups[0], groups[1], groups[2]) if groups[0] else (groups[3], groups[4], groups[5])
        day_i, month_i = int(day), int(month)
        if 1 <= day_i <= 31 and 1 <= month_i <= 12:
            year_i = int(year) if year else _year_for(day_i, month_i, body, today, year_hint)
            if year_i:
                return _safe_date(year_i, month_i, day_i)
    for pattern in (_DATE_BEFORE_ACTOR, _SESSION_NAMED):
        for named in pattern.finditer(body):
            # "Tại buổi làm việc, xã báo cáo kết quả từ ngày 1/7/2025": the day a reform
            # started, named near the session, is not the session's day.
            day_start = named.start(1)
            if _REFERENCE.search(body[max(0, day_start - 12) : day_start]):
                continue
            day_i, month_i = int(named.group(1)), int(named.group(2))
            if not (1 <= day_i <= 31 and 1 <= month_i <= 12):
                continue
            year_i = int(named.group(3)) if named.group(3) else _year_for(day_i, month_i, body, today, year_hint)
            if year_i:
                return _safe_date(year_i, month_i, day_i)
            break
    fulls = sorted([*_ANY_FULL.finditer(body), *_WORDY_FULL.finditer(body)], key=lambda m: m.start())
    for full in fulls:
        if _REFERENCE.search(body[max(0, full.start() - 12) : full.start()]):
            continue  # "từ ngày 1/7/2025": when a reform started, not when the session was
        return _safe_date(int(full.group(3)), int(full.group(2)), int(full.group(1)))
    if today is not None and _HAPPENING_NOW.search(body):
        # A live report names no day: the session is the day it is read ("tường thuật trực tiếp").
        return today
    return None


def impossible_session_date(body: str) -> str | None:
    """Return the session date as written when it names a day that does not exist
    ("Sáng 31/2"), so the caller can say so instead of "no date found"; else None."""
    match = _SESSION.search(body)
    if not match:
        return None
    groups = match.groups()
    day, month, year = (groups[0], groups[1], groups[2]) if groups[0] else (groups[3], groups[4], groups[5])
    # Any leap year accepts 29/2; only a day no year has is impossible here.
    if _safe_date(int(year) if year else 2024, int(month), int(day)) is None:
        return match.group(0).strip()
    return None
