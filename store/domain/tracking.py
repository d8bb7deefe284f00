"""What officers record to follow a request or a directive up after the session.

A request (kiến nghị) goes to a responsible provincial agency that must answer by a
deadline; its status is one of the five states of the national rules for handling
recommendations. A directive (chỉ đạo) is a task with an owner, an optional deadline and
a completion date; its status is derived from those dates (see `store.domain.followup`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

# At the top, not in field_problems: an import in a function costs a look-up per call, and
# every open of a store checks every tracked item (store.domain.checkup).
from haicap.store.domain.bounds import day_problem
from haicap.store.domain.i18n import _, pgettext
from haicap.store.domain.text import fold

__all__ = [
    "DirectiveStatus",
    "RequestStatus",
    "Tracking",
    "field_problems",
    "parse_directive_status",
    "parse_request_status",
    "row_problems",
]


class RequestStatus(str, Enum):
    """Where a commune's request stands."""

    NEW = "new"
    IN_PROGRESS = "in_progress"
    ANSWERED = "answered"
    RESOLVED = "resolved"
    UNRESOLVABLE = "unresolvable"

    @property
    def label_vi(self) -> str:
        """The officials' wording: "Đang giải quyết"."""
        return _REQUEST_LABELS[self][0]

    @property
    def label_en(self) -> str:
        """The English wording: "In progress"."""
        return _REQUEST_LABELS[self][1]

    @property
    def label(self) -> str:
        """The wording in the language spoken now (`store.domain.i18n`)."""
        return {
            RequestStatus.NEW: pgettext("request status", "Received"),
            RequestStatus.IN_PROGRESS: pgettext("request status", "In progress"),
            RequestStatus.ANSWERED: pgettext("request status", "Answered"),
            RequestStatus.RESOLVED: pgettext("request status", "Resolved"),
            RequestStatus.UNRESOLVABLE: pgettext("request status", "Cannot be resolved (objective reasons)"),
        }[self]

    @property
    def is_open(self) -> bool:
        """Whether the request still waits for an answer (and can be overdue)."""
        return self in (RequestStatus.NEW, RequestStatus.IN_PROGRESS)


_REQUEST_LABELS = {
    RequestStatus.NEW: ("Mới tiếp nhận", "Received"),
    RequestStatus.IN_PROGRESS: ("Đang giải quyết", "In progress"),
    RequestStatus.ANSWERED: ("Đã trả lời", "Answered"),
    RequestStatus.RESOLVED: ("Đã giải quyết dứt điểm", "Resolved"),
    RequestStatus.UNRESOLVABLE: ("Không giải quyết được (lý do khách quan)", "Cannot be resolved (objective reasons)"),
}


class DirectiveStatus(str, Enum):
    """What an officer sets on a directive; "on time" or "overdue" comes from the dates."""

    IN_PROGRESS = "in_progress"
    DONE = "done"

    @property
    def label_vi(self) -> str:
        """ "Đang thực hiện" or "Hoàn thành"."""
        return "Đang thực hiện" if self is DirectiveStatus.IN_PROGRESS else "Hoàn thành"

    @property
    def label_en(self) -> str:
        """ "In progress" or "Done"."""
        return "In progress" if self is DirectiveStatus.IN_PROGRESS else "Done"

    @property
    def label(self) -> str:
        """The wording in the language spoken now (`store.domain.i18n`)."""
        if self is DirectiveStatus.IN_PROGRESS:
            return pgettext("directive status", "In progress")
        return pgettext("directive status", "Done")


_Status = TypeVar("_Status", RequestStatus, DirectiveStatus)


def _parse(enum: type[_Status], text: str) -> _Status | None:
    wanted = fold(text).replace("-", " ").replace("_", " ")
    for member in enum:
        names = (member.value.replace("_", " "), fold(member.label_vi), fold(member.label_en))
        if wanted in names:
            return member
    return None


def parse_request_status(text: str) -> RequestStatus | None:
    """Read a request status from its slug ("in_progress") or its Vietnamese or English label,
    diacritics and case ignored ("dang giai quyet"); None when it names none."""
    return _parse(RequestStatus, text)


def parse_directive_status(text: str) -> DirectiveStatus | None:
    """Read a directive status: "in_progress"/"done" or "Đang thực hiện"/"Hoàn thành"."""
    return _parse(DirectiveStatus, text)


@dataclass(frozen=True, slots=True)  # one per item: see Item
class Tracking:
    """The follow-up fields of a request or directive, as officers set them."""

    owner: str = ""
    """Request: the responsible agency (cơ quan chủ trì). Directive: who carries it out;
    empty means the commune itself."""
    co_agencies: tuple[str, ...] = ()
    """Request: co-operating agencies; having any lengthens the default answer deadline."""
    deadline: dt.date | None = None
    """Set by hand; for a request, None means the default (received + 40 or 50 days)."""
    done: dt.date | None = None
    """Directive: the completion date (set means done)."""
    status: RequestStatus | None = None
    """Request: its state; None means "Mới tiếp nhận"."""
    answer: str = ""
    """Request: the agency's answer."""
    note: str = ""
    responds_to: tuple[str, ...] = ()
    """Request: ids of the directives that respond to it."""

    def to_row(self) -> dict[str, Any]:
        """The JSON form stored in the item's record (only fields that are set)."""
        row: dict[str, Any] = {}
        if self.owner:
            row["owner"] = self.owner
        if self.co_agencies:
            row["co_agencies"] = list(self.co_agencies)
        if self.deadline:
            row["deadline"] = self.deadline.isoformat()
        if self.done:
            row["done"] = self.done.isoformat()
        if self.status:
            row["status"] = self.status.value
        if self.answer:
            row["answer"] = self.answer
        if self.note:
            row["note"] = self.note
        if self.responds_to:
            row["responds_to"] = list(self.responds_to)
        return row

    @classmethod
    def from_row(cls, row: dict[str, Any] | None) -> Tracking:
        """Read the stored form back (missing fields take their defaults).

        A record written by hand or by an older haicap may hold anything: a value of the
        wrong type is shown as text (or left out: a date that is not one, an unknown
        status), never a crash; `row_problems` says what to fix."""
        if not row:
            return _UNTRACKED  # most items (achievements, difficulties): one shared instance
        if not isinstance(row, dict):
            return _UNTRACKED
        # Every open of a store reads every tracked item: text that is text (nearly all of
        # it) is taken as it is, without a call.
        get = row.get
        owner, answer, note = get("owner", ""), get("answer", ""), get("note", "")
        co_agencies, responds_to = get("co_agencies"), get("responds_to")
        deadline, done, status = get("deadline"), get("done"), get("status")
        return cls(
            owner=owner if type(owner) is str else _as_text(owner),
            co_agencies=() if co_agencies is None else _as_texts(co_agencies),
            deadline=_as_date(deadline) if deadline else None,
            done=_as_date(done) if done else None,
            status=_STATUS_BY_VALUE.get(status) if isinstance(status, str) else None,
            answer=answer if type(answer) is str else _as_text(answer),
            note=note if type(note) is str else _as_text(note),
            responds_to=() if responds_to is None else _as_texts(responds_to),
        )


def _as_text(value: object) -> str:
    if isinstance(value, str):
        return value
    return "" if value is None else str(value)


def _as_texts(value: object) -> tuple[str, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(_as_text(v) for v in value)
    return () if value in (None, "") else (_as_text(value),)


def _as_date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def row_problems(row: object) -> list[str]:
    """What is wrong in a stored tracking record ("deadline 9999-12-31 is outside years
    2000–2100"), one phrase per field, in the language spoken now; empty for a sound one."""
    return [problem for _field, problem in field_problems(row)]


def field_problems(row: object) -> list[tuple[str, str]]:
    """`row_problems` with the field each is about ("deadline", "status"; "" for the whole
    record), so a caller can name the option that fixes it."""
    if not row:
        return []
    if not isinstance(row, dict):
        return [("", _("its follow-up record is damaged"))]
    problems: list[tuple[str, str]] = []
    for name in ("deadline", "done"):
        value = row.get(name)
        if not value:
            continue
        day = _as_date(value)
        if day is None:
            problems.append((name, _("{field} {value} is not a date").format(field=name, value=repr(str(value)[:40]))))
        elif problem := day_problem(day):
            problems.append((name, f"{name} {problem}"))
    for name in ("owner", "answer", "note"):
        if name in row and not isinstance(row[name], str):
            problems.append((name, _("{field} is {type}, not text").format(field=name, type=type(row[name]).__name__)))
    status = row.get("status")
    if status and (not isinstance(status, str) or status not in _STATUS_BY_VALUE):  # a list is no key
        problems.append(("status", _("status {value} is not a request status").format(value=repr(str(status)[:40]))))
    return problems


_UNTRACKED = Tracking()
"""The follow-up of an item nobody has followed up (frozen, so one instance serves all)."""

# A dict lookup instead of calling the enum: reading a national store builds 300,000 items.
_STATUS_BY_VALUE = {status.value: status for status in RequestStatus}
