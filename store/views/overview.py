"""The follow-up picture of a province: per commune, in total, what is late and what is due soon.

Built from the store's items and `store.domain.followup` on a given day; nothing is stored.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from haicap.store.domain.followup import FollowUp, follow_up
from haicap.store.domain.i18n import _
from haicap.store.domain.models import TRACKED_KINDS, Commune, Item, Kind, Province

if TYPE_CHECKING:
    from haicap.store.db.database import Store

__all__ = [
    "CommuneOverview",
    "LateItem",
    "ProvinceOverview",
    "ProvinceTotals",
    "attention_items",
    "due_soon_items",
    "late_items",
    "national_overview",
    "province_overview",
]


@dataclass(frozen=True)
class CommuneOverview:
    """One row of the overview table."""

    commune: Commune
    sessions: int
    last_session: dt.date | None
    counts: dict[Kind, int]
    open_requests: int
    overdue_requests: int
    open_directives: int
    overdue_directives: int
    due_soon_requests: int = 0
    """Open requests due today or within the store's due-soon days."""
    due_soon_directives: int = 0
    """Open directives due today or within the store's due-soon days."""

    @property
    def due_soon(self) -> int:
        """Open requests and directives due soon."""
        return self.due_soon_requests + self.due_soon_directives


@dataclass
class ProvinceTotals:
    """Counts for the header line, in the officials' wording (or in English)."""

    requests: Counter[str] = field(default_factory=Counter)
    """Keys: "total", "answered" (closed), "open", "overdue", "due_soon"."""
    directives: Counter[str] = field(default_factory=Counter)
    """Keys: "total", "done_on_time", "done_late", "open_on_time", "open_overdue", "open_due_soon"
    (among "open_on_time")."""
    due_soon_days: int = 0
    """The store's due-soon days when counted; 0: the mark is off and `describe` leaves it out."""

    def describe(self) -> str:
        """ "Kiến nghị: 12 — đã trả lời 5; đang giải quyết 7, quá hạn 2 · Chỉ đạo: 42 — hoàn thành
        đúng hạn 30, quá hạn 3; đang thực hiện trong hạn 7, quá hạn 2", in the language spoken
        now; whatever the language, the two halves are joined by " · ", each names its counts
        after " — " and its open ones after "; " (the overview's header breaks lines there)."""
        r, d = self.requests, self.directives
        requests = _("Requests: {total} — answered {answered}; in progress {open}, overdue {overdue}").format(
            total=r["total"], answered=r["answered"], open=r["open"], overdue=r["overdue"]
        )
        directives = _(
            "Directives: {total} — done on time {done_on_time}, late {done_late}; in progress on time {open_on_time}, overdue {open_overdue}"
        ).format(
            total=d["total"],
            done_on_time=d["done_on_time"],
            done_late=d["done_late"],
            open_on_time=d["open_on_time"],
            open_overdue=d["open_overdue"],
        )
        if self.due_soon_days:
            # ", sắp đến hạn 2" closes each half's open counts, after its overdue one.
            requests += _(", due soon {count}").format(count=r["due_soon"])
            directives += _(", due soon {count}").format(count=d["open_due_soon"])
        return f"{requests} · {directives}"


@dataclass(frozen=True)
class LateItem:
    """An overdue or due-soon request or directive, with the commune(s) it concerns."""

    item: Item
    state: FollowUp
    communes: tuple[Commune, ...]


def _count(totals: ProvinceTotals, item: Item, state: FollowUp) -> None:
    if item.kind is Kind.REQUEST:
        totals.requests["total"] += 1
        totals.requests["open" if state.is_open else "answered"] += 1
        totals.requests["overdue"] += state.overdue
        totals.requests["due_soon"] += state.due_soon
    else:
        totals.directives["total"] += 1
        if state.is_open:
            totals.directives["open_overdue" if state.overdue else "open_on_time"] += 1
            totals.directives["open_due_soon"] += state.due_soon
        else:
            totals.directives["done_late" if state.late_days else "done_on_time"] += 1


def province_overview(store: Store, province: Province, today: dt.date) -> tuple[list[CommuneOverview], ProvinceTotals]:
    """Every commune of `province` with its counts, and the province's totals, on `today`."""
    rules = store.deadline_rules
    totals = ProvinceTotals(due_soon_days=rules.due_soon_days)
    items = store.items(province_code=province.code)
    for item in items:
        state = follow_up(item, today, rules)
        if state is not None:
            _count(totals, item, state)
    rows = []
    for summary in store.commune_summaries(province):
        commune = summary.commune
        report = store.commune_view(commune)
        counts = {kind: len(report.of_kind(kind)) for kind in Kind}
        states = {kind: [follow_up(i, today, rules) for i in report.of_kind(kind)] for kind in TRACKED_KINDS}
        rows.append(
            CommuneOverview(
                commune=commune,
                sessions=summary.session_count,
                last_session=report.sessions[0].date if report.sessions else None,
                counts=counts,
                open_requests=sum(1 for s in states[Kind.REQUEST] if s and s.is_open),
                overdue_requests=sum(1 for s in states[Kind.REQUEST] if s and s.overdue),
                open_directives=sum(1 for s in states[Kind.DIRECTIVE] if s and s.is_open),
                overdue_directives=sum(1 for s in states[Kind.DIRECTIVE] if s and s.overdue),
                due_soon_requests=sum(1 for s in states[Kind.REQUEST] if s and s.due_soon),
                due_soon_directives=sum(1 for s in states[Kind.DIRECTIVE] if s and s.due_soon),
            )
        )
    return rows, totals


@dataclass(frozen=True)
class ProvinceOverview:
    """One province's line of the national overview, from the national summary."""

    province: Province
    sessions: int
    last_session: dt.date | None
    items: int
    open_requests: int
    overdue_requests: int
    open_directives: int
    overdue_directives: int
    due_soon_requests: int = 0
    """Open requests due today or within the store's due-soon days."""
    due_soon_directives: int = 0
    """Open directives due today or within the store's due-soon days."""


def national_overview(store: Store, today: dt.date) -> list[ProvinceOverview]:
    """Every province with its counts on `today`, in official order: read from the national
    summary alone, so no province's file is opened (a country of 320,000 items answers in
    milliseconds)."""
    rows = []
    days = store.deadline_rules.due_soon_days
    for province in store.provinces():
        counts = store.province_counts(province)
        last = dt.date.fromisoformat(counts.last_session) if counts.last_session else None
        rows.append(
            ProvinceOverview(
                province=province,
                sessions=counts.sessions,
                last_session=last,
                items=counts.items,
                open_requests=counts.open(Kind.REQUEST),
                overdue_requests=counts.overdue(Kind.REQUEST, today),
                open_directives=counts.open(Kind.DIRECTIVE),
                overdue_directives=counts.overdue(Kind.DIRECTIVE, today),
                due_soon_requests=counts.due_soon(Kind.REQUEST, today, days),
                due_soon_directives=counts.due_soon(Kind.DIRECTIVE, today, days),
            )
        )
    return rows


def late_items(store: Store, today: dt.date, province: Province | None = None) -> list[LateItem]:
    """Every overdue request and directive (of `province`, or everywhere), oldest first."""
    return attention_items(store, today, province, due_soon=False)


def due_soon_items(store: Store, today: dt.date, province: Province | None = None) -> list[LateItem]:
    """Every request and directive due soon (of `province`, or everywhere), nearest first."""
    return attention_items(store, today, province, overdue=False)


def attention_items(
    store: Store, today: dt.date, province: Province | None = None, *, overdue: bool = True, due_soon: bool = True
) -> list[LateItem]:
    """The overdue requests and directives (of `province`, or everywhere), oldest first, then
    those due soon, nearest first: what the late view lists, read in one pass."""
    rules = store.deadline_rules
    late: list[LateItem] = []
    soon: list[LateItem] = []
    for item in store.items(province_code=province.code if province else None, kinds=TRACKED_KINDS):
        state = follow_up(item, today, rules)
        if state is None or not ((overdue and state.overdue) or (due_soon and state.due_soon)):
            continue
        (late if state.overdue else soon).append(LateItem(item, state, store.communes_of_item(item)))
    late.sort(key=lambda li: (-li.state.late_days, li.item.id))
    soon.sort(key=lambda li: (li.state.days_left or 0, li.item.id))
    return late + soon
