"""A report's period, and where a request or directive stood on a given day of it.

The scope of a report of the period `start`–`end`: the requests and directives (not
deleted) of sessions held on or before `end` that were still open on `start` or came in
during the period (their session fell in it). Their state is the one **as of `end`**:

- a directive is done when its completion date is on or before `end`; with its deadline
  this gives the two axes of the national task reports (Hoàn thành: đúng hạn / quá hạn;
  Đang thực hiện: trong hạn / quá hạn), and "không có thời hạn" for one without a deadline;
- a request's status on a day is the last status change its history records on or before
  that day (in local time); before the first change, the status that change started from
  ("Mới tiếp nhận" for every request haicap tracked from the start). A request whose
  history records no status change has had its present status all along (it came with it,
  from an import or a generated store). It is overdue while new or in progress after its
  deadline (the store's rules: `store.domain.followup.request_deadline`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from haicap.store.domain.bounds import check_day
from haicap.store.domain.dates import format_date
from haicap.store.domain.errors import StoreError
from haicap.store.domain.history import HistoryEntry
from haicap.store.domain.i18n import _, pgettext
from haicap.store.domain.models import Item
from haicap.store.domain.tracking import RequestStatus, parse_request_status
from haicap.store.views.exports.plain import ROMAN

__all__ = [
    "DirectiveState",
    "Period",
    "StatusChange",
    "directive_state",
    "quarter_of",
    "request_status_on",
    "status_changes",
]


@dataclass(frozen=True)
class Period:
    """The days a report covers, both ends included."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        check_day(self.start, "--from")
        check_day(self.end, "--to")
        if self.start > self.end:
            raise StoreError(
                _("--from {start} is after --to {end}").format(start=format_date(self.start), end=format_date(self.end))
            )

    def contains(self, day: dt.date) -> bool:
        """Whether `day` lies in the period."""
        return self.start <= day <= self.end

    @property
    def quarter(self) -> tuple[int, int] | None:
        """(year, 1–4) when the period is exactly a calendar quarter, else None."""
        if self.start.day != 1 or self.start.month % 3 != 1:
            return None
        whole = quarter_of(self.start)
        return (self.start.year, (self.start.month + 2) // 3) if whole.end == self.end else None

    def words(self) -> str:
        """ "quý I/2026 (từ ngày 01/01/2026 đến ngày 31/03/2026)", or only the days when the
        period is not a quarter, in the language spoken now."""
        days = _("from {start} to {end}").format(start=format_date(self.start), end=format_date(self.end))
        if self.quarter is None:
            return days
        year, number = self.quarter
        return _("quarter {number}/{year} ({days})").format(number=ROMAN[number - 1], year=year, days=days)

    def file_part(self) -> str:
        """The period in a file name: "2026-q1", "2026" (a year), "2026-03" (a month), else both days."""
        if self.quarter is not None:
            year, number = self.quarter
            return f"{year}-q{number}"
        if (self.start.month, self.start.day, self.end.month, self.end.day) == (
            1,
            1,
            12,
            31,
        ) and self.start.year == self.end.year:
            return str(self.start.year)
        next_day = self.end + dt.timedelta(days=1)
        if self.start.day == 1 and next_day.day == 1 and (self.start.year, self.start.month) == (self.end.year, self.end.month):
            return f"{self.start.year}-{self.start.month:02d}"
        return f"{self.start.isoformat()}-{self.end.isoformat()}"


def quarter_of(day: dt.date) -> Period:
    """The calendar quarter `day` falls in."""
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = dt.date(day.year, first_month, 1)
    end = dt.date(day.year + 1, 1, 1) if first_month == 10 else dt.date(day.year, first_month + 3, 1)
    return Period(start, end - dt.timedelta(days=1))


class DirectiveState(str, Enum):
    """A directive on a day, on the national two axes (and without a deadline)."""

    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    ON_TIME = "in_progress_on_time"
    OVERDUE = "in_progress_overdue"
    NO_DEADLINE_DONE = "no_deadline_done"
    NO_DEADLINE_OPEN = "no_deadline_in_progress"

    @property
    def label(self) -> str:
        """The officials' wording in the language spoken now: "Hoàn thành – đúng hạn"."""
        return {
            DirectiveState.DONE_ON_TIME: pgettext("report", "Done – on time"),
            DirectiveState.DONE_LATE: pgettext("report", "Done – late"),
            DirectiveState.ON_TIME: pgettext("report", "In progress – on time"),
            DirectiveState.OVERDUE: pgettext("report", "In progress – overdue"),
            DirectiveState.NO_DEADLINE_DONE: pgettext("report", "No deadline – done"),
            DirectiveState.NO_DEADLINE_OPEN: pgettext("report", "No deadline – in progress"),
        }[self]

    @property
    def is_done(self) -> bool:
        """Whether the directive was completed."""
        return self in (DirectiveState.DONE_ON_TIME, DirectiveState.DONE_LATE, DirectiveState.NO_DEADLINE_DONE)


def directive_state(item: Item, day: dt.date) -> tuple[DirectiveState, int]:
    """The directive's state on `day` and its days late (past the deadline on `day` when
    open, at completion when done late; 0 otherwise)."""
    deadline, done = item.tracking.deadline, item.tracking.done
    finished = done is not None and done <= day
    if deadline is None:
        return (DirectiveState.NO_DEADLINE_DONE if finished else DirectiveState.NO_DEADLINE_OPEN), 0
    if finished:
        assert done is not None  # finished says so
        late = (done - deadline).days
        return (DirectiveState.DONE_LATE, late) if late > 0 else (DirectiveState.DONE_ON_TIME, 0)
    late = (day - deadline).days
    return (DirectiveState.OVERDUE, late) if late > 0 else (DirectiveState.ON_TIME, 0)


@dataclass(frozen=True)
class StatusChange:
    """One change of a request's status, as its history records it."""

    day: dt.date
    """The local day of the change."""
    old: RequestStatus
    new: RequestStatus


def status_changes(history: list[HistoryEntry]) -> list[StatusChange]:
    """The status changes among a request's history entries (oldest first), on local days.

    History keeps statuses in the officials' Vietnamese; a value no status has (a hand
    edit) is passed over."""
    found = []
    for entry in history:
        if entry.field != "status":
            continue
        new = parse_request_status(entry.new)
        if new is None:
            continue
        old = parse_request_status(entry.old) or RequestStatus.NEW
        found.append(StatusChange(entry.when.astimezone().date(), old, new))
    return found


def request_status_on(item: Item, changes: list[StatusChange], day: dt.date) -> RequestStatus:
    """The request's status at the end of `day` (see the module's docstring)."""
    if not changes:
        return item.tracking.status or RequestStatus.NEW
    status = changes[0].old
    for change in changes:
        if change.day > day:
            break
        status = change.new
    return status
