"""The national summary: what the overview, the province picker and the late totals need of
every province, kept in the national file so that none of them opens 34 province files.

For each province with data, one row of the `summary` table:

    province      its code
    file_state    [mtime_ns, size] of the province's file the row was computed from
    rules         the answer deadlines (days) the request deadlines were computed with
    sessions      {session id: [date, [first commune code]]} (which file holds an item, from
                  its id's session part; where the dashboard starts)
    totals        the counts of the province (each item once)
    communes      {commune code: the same counts for that commune}
    last_change   the newest history entry of the province, or null

Counts (`Counts.to_row`): sessions, the last session's date, live items per kind, and for
follow-up the open requests and directives by deadline, so that "overdue on day D" is
a sum over the deadlines before D, and "due soon on day D" one over the deadlines from D
to D + N, on any day and for any N, without reading an item. The row is
rewritten in the same locked change as the province's file, right after it is written
(`StoreFile.transaction(then=...)`); a row whose `file_state` is not the file's any more
(a writer killed between the two writes, a file copied by hand) is stale, and the store
computes it again from the province's file.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from haicap.store.domain.bounds import add_days
from haicap.store.domain.followup import DeadlineRules, request_deadline
from haicap.store.domain.history import HistoryEntry
from haicap.store.domain.models import Item, Kind, Session
from haicap.store.domain.tracking import RequestStatus

__all__ = ["SUMMARY_TABLE", "Counts", "change_from_row", "edited_row", "province_row"]

SUMMARY_TABLE = "summary"
"""The national file's table of per-province summaries."""

_UNDATED = ""
"""The deadline key of open directives that have no deadline (never overdue)."""


@dataclass
class Counts:
    """Sessions, items and follow-up of a commune or a province, on no particular day."""

    sessions: int = 0
    last_session: str | None = None
    kinds: Counter[str] = field(default_factory=Counter)
    requests_open: Counter[str] = field(default_factory=Counter)
    """Open requests by deadline (ISO date)."""
    requests_answered: int = 0
    directives_open: Counter[str] = field(default_factory=Counter)
    """Open directives by deadline (ISO date; "" for none)."""
    directives_done_on_time: int = 0
    directives_done_late: int = 0

    @property
    def items(self) -> int:
        """Live items of every kind."""
        return sum(self.kinds.values())

    def add_session(self, session: Session) -> None:
        """Count a session."""
        self.sessions += 1
        day = session.date.isoformat()
        if self.last_session is None or day > self.last_session:
            self.last_session = day

    def add_item(self, item: Item, rules: DeadlineRules, sign: int = 1) -> None:
        """Count a live item (with `sign=-1`, take it out again: an edit replaces the item's
        old counts by its new ones, without counting the province again)."""
        self.kinds[item.kind.value] += sign
        tracking = item.tracking
        if item.kind is Kind.REQUEST:
            status = tracking.status or RequestStatus.NEW
            if isinstance(status, RequestStatus) and status.is_open:
                self.requests_open[request_deadline(item, rules).isoformat()] += sign
            else:
                self.requests_answered += sign
        elif item.kind is Kind.DIRECTIVE:
            if tracking.done is None:
                self.directives_open[tracking.deadline.isoformat() if tracking.deadline else _UNDATED] += sign
            elif tracking.deadline is not None and tracking.done > tracking.deadline:
                self.directives_done_late += sign
            else:
                self.directives_done_on_time += sign

    def overdue(self, kind: Kind, today: dt.date) -> int:
        """Open requests or directives past their deadline on `today`."""
        open_ = self.requests_open if kind is Kind.REQUEST else self.directives_open
        day = today.isoformat()
        return sum(n for deadline, n in open_.items() if deadline and deadline < day)

    def due_soon(self, kind: Kind, today: dt.date, days: int) -> int:
        """Open requests or directives due from `today` to `days` days later (none when `days` is 0)."""
        if days <= 0:
            return 0
        open_ = self.requests_open if kind is Kind.REQUEST else self.directives_open
        first, last = today.isoformat(), add_days(today, days).isoformat()
        return sum(n for deadline, n in open_.items() if deadline and first <= deadline <= last)

    def open(self, kind: Kind) -> int:
        """Open requests or directives."""
        return sum((self.requests_open if kind is Kind.REQUEST else self.directives_open).values())

    def add(self, other: Counts) -> None:
        """Add `other`'s counts to these (provinces into the country)."""
        self.sessions += other.sessions
        if other.last_session and (self.last_session is None or other.last_session > self.last_session):
            self.last_session = other.last_session
        self.kinds.update(other.kinds)
        self.requests_open.update(other.requests_open)
        self.requests_answered += other.requests_answered
        self.directives_open.update(other.directives_open)
        self.directives_done_on_time += other.directives_done_on_time
        self.directives_done_late += other.directives_done_late

    def to_row(self) -> dict[str, Any]:
        """The counts as stored (JSON)."""
        return {
            "sessions": self.sessions,
            "last_session": self.last_session,
            "kinds": {k: n for k, n in self.kinds.items() if n > 0},
            "requests_open": {k: n for k, n in self.requests_open.items() if n > 0},
            "requests_answered": self.requests_answered,
            "directives_open": {k: n for k, n in self.directives_open.items() if n > 0},
            "directives_done_on_time": self.directives_done_on_time,
            "directives_done_late": self.directives_done_late,
        }

    @classmethod
    def from_row(cls, row: Any) -> Counts:
        """The counts of a stored row; a damaged value counts as none."""
        if not isinstance(row, dict):
            return cls()

        def number(key: str) -> int:
            value = row.get(key)
            return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0

        def counter(key: str) -> Counter[str]:
            value = row.get(key)
            if not isinstance(value, dict):
                return Counter()
            return Counter({str(k): v for k, v in value.items() if isinstance(v, int) and not isinstance(v, bool) and v > 0})

        last = row.get("last_session")
        return cls(
            sessions=number("sessions"),
            last_session=last if isinstance(last, str) else None,
            kinds=counter("kinds"),
            requests_open=counter("requests_open"),
            requests_answered=number("requests_answered"),
            directives_open=counter("directives_open"),
            directives_done_on_time=number("directives_done_on_time"),
            directives_done_late=number("directives_done_late"),
        )


def province_row(
    code: str,
    sessions: list[Session],
    items: list[Item],
    rules: DeadlineRules,
    last_change: HistoryEntry | None,
    file_state: list[int] | None,
) -> dict[str, Any]:
    """The summary row of province `code` from its sessions and items (deleted ones are skipped)."""
    totals = Counts()
    communes: dict[str, Counts] = {}
    for session in sessions:
        totals.add_session(session)
        for commune in session.commune_codes:
            communes.setdefault(commune, Counts()).add_session(session)
    for item in items:
        if item.deleted:
            continue
        totals.add_item(item, rules)
        for commune in item.commune_codes:
            communes.setdefault(commune, Counts()).add_item(item, rules)
    return {
        "province": code,
        "file_state": file_state,
        "rules": [rules.answer_days, rules.answer_days_with_co],
        "sessions": {s.id: [s.date.isoformat(), list(s.commune_codes[:1])] for s in sessions},
        "totals": totals.to_row(),
        "communes": {commune: counts.to_row() for commune, counts in communes.items()},
        "last_change": _change_row(last_change),
    }


def edited_row(
    row: dict[str, Any],
    edits: list[tuple[Item | None, Item]],
    rules: DeadlineRules,
    last_change: HistoryEntry | None,
    file_state: list[int] | None,
    sessions: Sequence[Session] = (),
) -> dict[str, Any]:
    """`row` (a province's summary row, current before the change) after items were edited
    or added: each edit's old item is counted out and its new one in (an added item has no
    old one), for the province and for each commune of either, and new `sessions` are
    counted; nothing else of the province is read again."""
    communes = dict(row.get("communes") or {})
    totals = Counts.from_row(row.get("totals"))
    directory = dict(row.get("sessions") or {})
    for session in sessions:
        totals.add_session(session)
        directory[session.id] = [session.date.isoformat(), list(session.commune_codes[:1])]
        for commune in session.commune_codes:
            counts = Counts.from_row(communes.get(commune))
            counts.add_session(session)
            communes[commune] = counts.to_row()
    for old, new in edits:
        for item, sign in ((old, -1), (new, 1)):
            if item is None or item.deleted:
                continue
            totals.add_item(item, rules, sign)
            for commune in item.commune_codes:
                counts = Counts.from_row(communes.get(commune))
                counts.add_item(item, rules, sign)
                communes[commune] = counts.to_row()
    return {
        **row,
        "file_state": file_state,
        "sessions": directory,
        "totals": totals.to_row(),
        "communes": communes,
        "last_change": _change_row(last_change),
    }


def _change_row(entry: HistoryEntry | None) -> dict[str, Any] | None:
    if entry is None:
        return None
    return {
        "item": entry.item_id,
        "field": entry.field,
        "old": entry.old,
        "new": entry.new,
        "who": entry.who,
        "when": entry.when.isoformat(),
        "revision": entry.revision,
    }


def change_from_row(row: Any) -> HistoryEntry | None:
    """The history entry a summary row's `last_change` holds, or None."""
    if not isinstance(row, dict):
        return None
    try:
        return HistoryEntry(
            item_id=str(row["item"]),
            field=str(row["field"]),
            old=str(row["old"]),
            new=str(row["new"]),
            who=str(row["who"]),
            when=dt.datetime.fromisoformat(str(row["when"])),
            revision=int(row.get("revision", 0)),
        )
    except (KeyError, TypeError, ValueError):
        return None
