"""The numbers of a report of a period, gathered once from the store as plain data.

`gather` walks the requests and directives within the filters (a commune, a province or
the whole country, a province at a time; an owner agency) and keeps those in the
period's scope (`store.views.period_report.scope`), each with its state as of the
period's last day. `PeriodReport` then counts them in every grouping the report shows.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from haicap.store.domain.followup import DeadlineRules, request_deadline
from haicap.store.domain.history import HistoryEntry
from haicap.store.domain.i18n import _
from haicap.store.domain.models import TRACKED_KINDS, Commune, Item, Kind, Province
from haicap.store.domain.text import fold, sort_key
from haicap.store.domain.tracking import RequestStatus
from haicap.store.views.exports.safe import safe_text
from haicap.store.views.period_report.scope import (
    DirectiveState,
    Period,
    StatusChange,
    directive_state,
    request_status_on,
    status_changes,
)

if TYPE_CHECKING:
    from haicap.store.db.database import Store

__all__ = ["Answer", "DirectiveLine", "Filters", "PeriodReport", "RequestLine", "Tally", "gather"]


@dataclass(frozen=True)
class Filters:
    """What a report is limited to: one commune or one province (else the whole country),
    and one owner agency (part of its name, diacritics and case ignored)."""

    province: Province | None = None
    commune: Commune | None = None
    owner: str = ""

    def keeps_owner(self, owner: str) -> bool:
        """Whether an item of this owner is within the owner filter."""
        return not self.owner or fold(self.owner) in fold(owner)

    def words(self) -> str:
        """ "xã Vân Du (Thanh Hóa)", "Tỉnh Thanh Hóa", "cả nước", with "; cơ quan chủ trì: …"."""
        if self.commune is not None:
            where = f"{self.commune.label} ({self.commune.province.name})"
        elif self.province is not None:
            where = self.province.full_name
        else:
            where = _("the whole country")
        if self.owner:
            where += "; " + _("owner agency: {owner}").format(owner=self.owner)
        return safe_text(where)


@dataclass(frozen=True)
class Answer:
    """A directive that answers a request (`responds_to`), with its state as of the period's end."""

    id: str
    text: str
    state: DirectiveState


@dataclass(frozen=True)
class DirectiveLine:
    """A directive in the report's scope."""

    item: Item
    text: str
    communes: tuple[str, ...]
    owner: str
    """As the report shows it: the agency, or "chính quyền xã" when the commune does it itself."""
    state: DirectiveState
    late_days: int
    became_overdue: bool
    """The first day past its deadline fell within the period, while it was still open."""


@dataclass(frozen=True)
class RequestLine:
    """A request in the report's scope."""

    item: Item
    text: str
    communes: tuple[str, ...]
    owner: str
    deadline: dt.date
    """The deadline in force (set by hand, or the store's rule)."""
    status: RequestStatus
    """Its status as of the period's end."""
    overdue: bool
    late_days: int
    closed: StatusChange | None
    """The last change in the period that answered or closed it, if any."""
    became_overdue: bool
    answers: tuple[Answer, ...]


@dataclass
class Tally:
    """Counts of directives by state and requests by status (and overdue requests)."""

    directives: Counter[DirectiveState] = field(default_factory=Counter)
    requests: Counter[RequestStatus] = field(default_factory=Counter)
    overdue_requests: int = 0

    def add_directive(self, line: DirectiveLine) -> None:
        """Count one directive."""
        self.directives[line.state] += 1

    def add_request(self, line: RequestLine) -> None:
        """Count one request."""
        self.requests[line.status] += 1
        self.overdue_requests += line.overdue


@dataclass(frozen=True)
class PeriodReport:
    """Everything a report of a period shows, counted as of `period.end`."""

    period: Period
    filters: Filters
    made_on: dt.date
    """The day the report was made (the letterhead's date)."""
    directives: tuple[DirectiveLine, ...]
    requests: tuple[RequestLine, ...]
    province: Province | None
    """The province of the letterhead: the one asked for, or the only one with items."""

    def totals(self) -> Tally:
        """Every directive and request counted once."""
        tally = Tally()
        for directive in self.directives:
            tally.add_directive(directive)
        for request in self.requests:
            tally.add_request(request)
        return tally

    def by_commune(self) -> list[tuple[str, Tally]]:
        """A tally per commune, by name; an item of several communes counts in each."""
        return self._grouped(lambda line: line.communes)

    def by_owner(self) -> list[tuple[str, Tally]]:
        """A tally per owner agency, by name."""
        return self._grouped(lambda line: (line.owner,))

    def _grouped(self, keys: Callable[[DirectiveLine | RequestLine], tuple[str, ...]]) -> list[tuple[str, Tally]]:
        tallies: dict[str, Tally] = {}
        for directive in self.directives:
            for key in keys(directive):
                tallies.setdefault(key, Tally()).add_directive(directive)
        for request in self.requests:
            for key in keys(request):
                tallies.setdefault(key, Tally()).add_request(request)
        return sorted(tallies.items(), key=lambda pair: sort_key(pair[0]))

    def overdue(self) -> list[DirectiveLine | RequestLine]:
        """Every directive and request overdue as of the end, oldest (most days late) first."""
        late: list[DirectiveLine | RequestLine] = [d for d in self.directives if d.state is DirectiveState.OVERDUE]
        late += [r for r in self.requests if r.overdue]
        return sorted(late, key=lambda line: (-line.late_days, line.item.session.date, line.item.id))

    def completed(self) -> list[DirectiveLine]:
        """The directives completed within the period, in order of completion."""
        done = [d for d in self.directives if d.item.tracking.done is not None and self.period.contains(d.item.tracking.done)]
        return sorted(done, key=lambda line: (line.item.tracking.done, line.item.id))

    def closed(self) -> list[RequestLine]:
        """The requests answered, resolved or found unresolvable within the period, in that order."""
        found = [(r.closed.day, r) for r in self.requests if r.closed is not None]
        return [request for _day, request in sorted(found, key=lambda pair: (pair[0], pair[1].item.id))]

    def newly_overdue(self) -> list[DirectiveLine | RequestLine]:
        """The directives and requests that went past their deadline within the period, oldest deadline first."""
        found: list[DirectiveLine | RequestLine] = [d for d in self.directives if d.became_overdue]
        found += [r for r in self.requests if r.became_overdue]
        return sorted(found, key=lambda line: (_deadline(line), line.item.id))


def _deadline(line: DirectiveLine | RequestLine) -> dt.date:
    if isinstance(line, RequestLine):
        return line.deadline
    assert line.item.tracking.deadline is not None  # only a directive with a deadline goes past it
    return line.item.tracking.deadline


def _sources(store: Store, filters: Filters) -> Iterator[tuple[str, list[Item]]]:
    """(province code, its live requests and directives within the place filter), a province at a time."""
    if filters.commune is not None:
        yield filters.commune.province.code, store.items(commune_codes=(filters.commune.code,), kinds=TRACKED_KINDS)
    elif filters.province is not None:
        yield filters.province.code, store.items(province_code=filters.province.code, kinds=TRACKED_KINDS)
    else:
        yield from store.each_province(TRACKED_KINDS)


class _Gatherer:
    """Turns one province's items into report lines."""

    def __init__(self, store: Store, period: Period, filters: Filters, rules: DeadlineRules) -> None:
        self.store, self.period, self.filters, self.rules = store, period, filters, rules

    def owner(self, item: Item) -> str:
        if item.tracking.owner:
            return safe_text(item.tracking.owner)
        return _("(not assigned)") if item.kind is Kind.REQUEST else _("the commune authorities")

    def communes(self, item: Item) -> tuple[str, ...]:
        several = self.filters.province is None and self.filters.commune is None
        return tuple(
            safe_text(f"{c.label} ({c.province.name})" if several else c.label) for c in self.store.communes_of_item(item)
        )

    def directive(self, item: Item) -> DirectiveLine | None:
        period, done, deadline = self.period, item.tracking.done, item.tracking.deadline
        if item.session.date > period.end or (done is not None and done < period.start):
            return None  # not yet held, or finished before the period
        state, late = directive_state(item, period.end)
        # Overdue from the day after the deadline: did that day fall in the period, with the directive still open?
        became = deadline is not None and period.contains(deadline + dt.timedelta(days=1)) and (done is None or done > deadline)
        return DirectiveLine(item, safe_text(item.text), self.communes(item), self.owner(item), state, late, became)

    def request(self, item: Item, history: list[HistoryEntry], answers: tuple[Answer, ...]) -> RequestLine | None:
        period = self.period
        if item.session.date > period.end:
            return None
        changes = status_changes(history)
        before = period.start - dt.timedelta(days=1)
        if item.session.date < period.start and not request_status_on(item, changes, before).is_open:
            return None  # answered or closed before the period
        status = request_status_on(item, changes, period.end)
        deadline = request_deadline(item, self.rules)
        overdue = status.is_open and period.end > deadline
        closing = [c for c in changes if period.contains(c.day) and not c.new.is_open]
        became = period.contains(deadline + dt.timedelta(days=1)) and request_status_on(item, changes, deadline).is_open
        return RequestLine(
            item=item,
            text=safe_text(item.text),
            communes=self.communes(item),
            owner=self.owner(item),
            deadline=deadline,
            status=status,
            overdue=overdue,
            late_days=(period.end - deadline).days if overdue else 0,
            closed=closing[-1] if closing else None,
            became_overdue=became,
            answers=answers,
        )

    def answers(self, item: Item, directives: dict[str, Item]) -> tuple[Answer, ...]:
        found = []
        for directive_id in item.tracking.responds_to:
            directive = directives.get(directive_id) or self.store.item(directive_id)
            if directive is None or directive.deleted:
                continue
            state, _late = directive_state(directive, self.period.end)
            found.append(Answer(directive.id, safe_text(directive.text), state))
        return tuple(found)


def gather(store: Store, period: Period, filters: Filters, today: dt.date) -> PeriodReport:
    """The report of `period` within `filters`, made on `today`."""
    gatherer = _Gatherer(store, period, filters, store.deadline_rules)
    directives: list[DirectiveLine] = []
    requests: list[RequestLine] = []
    provinces: dict[str, Province] = {}
    for code, items in _sources(store, filters):
        kept = [i for i in items if filters.keeps_owner(i.tracking.owner)]
        if not kept:
            continue
        history = store.province_history(code)
        by_id = {i.id: i for i in items if i.kind is Kind.DIRECTIVE}
        for item in kept:
            if item.kind is Kind.DIRECTIVE:
                directive = gatherer.directive(item)
                if directive is not None:
                    directives.append(directive)
                    provinces[code] = item.session.province
                continue
            request = gatherer.request(item, history.get(item.id, []), gatherer.answers(item, by_id))
            if request is not None:
                requests.append(request)
                provinces[code] = item.session.province
    province = filters.province or (filters.commune.province if filters.commune else None)
    if province is None and len(provinces) == 1:
        [province] = provinces.values()
    # Oldest session first; within a session, the report's order (the store's, kept by a stable sort).
    order = lambda line: line.item.session.date  # noqa: E731
    return PeriodReport(
        period=period,
        filters=filters,
        made_on=today,
        directives=tuple(sorted(directives, key=order)),
        requests=tuple(sorted(requests, key=order)),
        province=province,
    )
