"""Who must carry out a request or directive, with whom, and by when, as its text says.

`read_assignment(text, kind, session_date)` reads three things from one request
(kiến nghị) or directive (chỉ đạo):

* the body in charge (cơ quan chủ trì): "giao Sở Tài chính chủ trì", "yêu cầu Công an
  tỉnh …", "(Sở Y tế chủ trì)", "chủ trì: Sở X", or a body that opens a clause and does
  something ("Sở Xây dựng khẩn trương hướng dẫn …");
* the bodies that co-operate (phối hợp): "phối hợp với Sở Nội vụ và UBND xã …",
  "phối hợp: Sở Y, Sở Z", the other bodies named beside the one in charge;
* the deadline: "trước ngày 15/3/2026", "chậm nhất 20/12", "trong tháng 2",
  "trong quý I/2026", "trong năm nay", "6 tháng đầu năm 2026".

Vietnamese official names capitalise only their first word ("Sở Nông nghiệp và Môi
trường"), so where a name ends is found with a lexicon of the standard provincial bodies
(after the 2025 reorganisation, older names too) and rules for where a name stops: at a
verb (chủ trì, phối hợp, hướng dẫn, khẩn trương, sớm, rà soát …), at "và" or a comma
before another body, at punctuation. Names are returned as written (NFC), without a
leading "các".

The owner is None when the text names no specific body: the commune itself ("yêu cầu xã
…", "Đảng ủy, UBND xã cần …"), a bare "tỉnh" / "cấp trên" / "Trung ương", or a group
("các sở, ngành liên quan"). The provincial People's Committee is an owner only when
named ("kiến nghị UBND tỉnh …"); when it is asked to have a body act ("UBND tỉnh chỉ
đạo Sở Xây dựng …") that body is the owner.

A deadline must read as one: a date after trước / chậm nhất / trong / hoàn thành … or
right before the verb of finishing. References give nothing: "Nghị quyết số 35 ngày
15/3/2025", "từ ngày 1/7/2025", "giai đoạn 2021-2025", "đến năm 2030", "Sáng 25/11", a
day that does not exist, a date before the session. "Trước Tết" has no fixed solar date,
so none is guessed. Durations ("trong 30 ngày") are not read either: they count from a
day the text does not give.

Pure Python; linear in the length of the text (every look-ahead is bounded); never raises.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from haicap.store.domain.text import clean
from haicap.store.ingest.reader.deadlines import read_deadline
from haicap.store.ingest.reader.owners import read_bodies

__all__ = ["Assignment", "read_assignment"]


@dataclass(frozen=True)
class Assignment:
    """Who must carry out a request or directive, with whom, and by when, as the text says."""

    owner: str | None
    """The body in charge (cơ quan chủ trì), as written, e.g. "Sở Tài chính"; None when the
    text names no specific body (for a directive: the commune itself)."""
    co_agencies: tuple[str, ...]
    """Bodies that co-operate (phối hợp), as written, in the order of the text."""
    deadline: dt.date | None
    deadline_text: str | None
    """The words the deadline was read from, e.g. "trước ngày 15/3/2026"; None with no deadline."""


NOTHING = Assignment(owner=None, co_agencies=(), deadline=None, deadline_text=None)


def read_assignment(text: str, kind: str, session_date: dt.date | None) -> Assignment:
    """Read the owner, co-operating bodies and deadline of one request or directive.

    `kind` is "request" or "directive"; both are read by the same rules (a request's
    addressee and a directive's doer are both the body the task is handed to).
    `session_date` gives the year to dates written without one and decides "this year";
    without it such dates are not read. Never raises.
    """
    try:
        if not isinstance(text, str) or not text.strip():
            return NOTHING
        if session_date is not None and not isinstance(session_date, dt.date):
            session_date = None
        body = clean(text)
        owner, co = read_bodies(body)
        deadline, deadline_text = read_deadline(body, session_date)
        return Assignment(owner=owner, co_agencies=co, deadline=deadline, deadline_text=deadline_text)
    except (ValueError, OverflowError, IndexError, KeyError, TypeError, RecursionError):
        return NOTHING
