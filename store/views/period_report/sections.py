"""A report of a period as numbered sections of tables, which every format lays out alike.

I. totals (directives on the two axes, requests by status); II. by commune; III. by owner
agency; IV. what is overdue, oldest first; V. what changed in the period (directives
completed, requests answered or closed, newly overdue); VI. each request with the
directives that answer it. Cells are plain values: text, whole numbers and dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from haicap.store.domain.dates import format_date
from haicap.store.domain.i18n import _, pgettext
from haicap.store.domain.models import Kind
from haicap.store.domain.tracking import RequestStatus
from haicap.store.views.exports.plain import ROMAN
from haicap.store.views.period_report.gather import DirectiveLine, PeriodReport, RequestLine, Tally
from haicap.store.views.period_report.scope import DirectiveState

__all__ = ["Cell", "Column", "Section", "Table", "scope_words", "sections", "title"]

Cell = str | int | dt.date | None
"""A table cell: text, a count or a day, or empty."""


@dataclass(frozen=True)
class Column:
    """A column of a table: its header, what it holds ("text", "count", "date") and its width in characters."""

    header: str
    kind: str = "count"
    width: int = 12


@dataclass(frozen=True)
class Table:
    """One table: its caption, its sheet's name in the workbook (at most 31 characters), columns and rows."""

    caption: str
    sheet: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class Section:
    """A numbered section ("I. TỔNG HỢP CHUNG") and its tables."""

    heading: str
    tables: tuple[Table, ...]


def title() -> str:
    """The report's title in the language spoken now."""
    return _("REPORT ON THE FOLLOW-UP OF REQUESTS AND DIRECTIVES")


def scope_words(report: PeriodReport) -> str:
    """What the report covers, in one sentence, in the language spoken now."""
    end = format_date(report.period.end)
    return _(
        "Scope: the requests and directives (deleted ones left out) of the working sessions held up to {end}, "
        "{where}, that were still open on {start} or came in during the period; their state is the one as of {end}."
    ).format(end=end, start=format_date(report.period.start), where=report.filters.words())


def _text(header: str, width: int = 40) -> Column:
    return Column(header, "text", width)


def _directive_columns(first: str) -> tuple[Column, ...]:
    return (_text(first, 30), Column(_("Total"), width=8), *(Column(state.label) for state in DirectiveState))


def _request_columns(first: str) -> tuple[Column, ...]:
    statuses = tuple(Column(status.label) for status in RequestStatus)
    return (_text(first, 30), Column(_("Total"), width=8), *statuses, Column(pgettext("report", "of which overdue")))


def _directive_row(label: str, tally: Tally) -> tuple[Cell, ...]:
    counts = [tally.directives[state] for state in DirectiveState]
    return (label, sum(counts), *counts)


def _request_row(label: str, tally: Tally) -> tuple[Cell, ...]:
    counts = [tally.requests[status] for status in RequestStatus]
    return (label, sum(counts), *counts, tally.overdue_requests)


def _by(groups: list[tuple[str, Tally]], first: str, what: str, sheets: tuple[str, str]) -> tuple[Table, Table]:
    directives = [(label, t) for label, t in groups if t.directives]
    requests = [(label, t) for label, t in groups if t.requests]
    return (
        Table(
            _("Directives by {what}").format(what=what),
            sheets[0],
            _directive_columns(first),
            tuple(_directive_row(label, t) for label, t in directives),
        ),
        Table(
            _("Requests by {what}").format(what=what),
            sheets[1],
            _request_columns(first),
            tuple(_request_row(label, t) for label, t in requests),
        ),
    )


def _kind(line: DirectiveLine | RequestLine) -> str:
    return Kind.DIRECTIVE.singular if isinstance(line, DirectiveLine) else Kind.REQUEST.singular


def _state(line: DirectiveLine | RequestLine) -> str:
    return line.state.label if isinstance(line, DirectiveLine) else line.status.label


def _deadline(line: DirectiveLine | RequestLine) -> dt.date | None:
    return line.deadline if isinstance(line, RequestLine) else line.item.tracking.deadline


def _numbered(rows: Sequence[tuple[Cell, ...]]) -> tuple[tuple[Cell, ...], ...]:
    return tuple((number, *row) for number, row in enumerate(rows, start=1))


_NUMBER = Column("STT", width=5)


def _communes(line: DirectiveLine | RequestLine) -> str:
    return ", ".join(line.communes)


def _overdue(report: PeriodReport) -> Table:
    columns = (
        _NUMBER,
        _text(pgettext("report", "Kind"), 12),
        _text(pgettext("report", "Content"), 60),
        _text(_("Communes, wards"), 24),
        _text(pgettext("report", "Owner agency"), 28),
        Column(pgettext("report", "Deadline"), "date"),
        Column(pgettext("report", "Days overdue"), width=10),
        _text(pgettext("report", "Item ID"), 14),
    )
    rows = [
        (_kind(line), line.text, _communes(line), line.owner, _deadline(line), line.late_days, line.item.id)
        for line in report.overdue()
    ]
    caption = _("Overdue as of {end}, oldest first").format(end=format_date(report.period.end))
    return Table(caption, pgettext("sheet", "Overdue"), columns, _numbered(rows))


def _changes(report: PeriodReport) -> tuple[Table, ...]:
    content, communes = _text(pgettext("report", "Content"), 60), _text(_("Communes, wards"), 24)
    owner, deadline = _text(pgettext("report", "Owner agency"), 28), Column(pgettext("report", "Deadline"), "date")
    completed = Table(
        _("Directives completed in the period"),
        pgettext("sheet", "Completed"),
        (_NUMBER, content, communes, owner, deadline, Column(pgettext("report", "Completed on"), "date"), _text(_("State"), 24)),
        _numbered(
            [
                (d.text, _communes(d), d.owner, d.item.tracking.deadline, d.item.tracking.done, d.state.label)
                for d in report.completed()
            ]
        ),
    )
    closed = Table(
        _("Requests answered or closed in the period"),
        pgettext("sheet", "Answered"),
        (_NUMBER, content, communes, owner, Column(pgettext("report", "Changed on"), "date"), _text(_("Status"), 24)),
        _numbered([(r.text, _communes(r), r.owner, r.closed.day, r.closed.new.label) for r in report.closed() if r.closed]),
    )
    late = Table(
        _("Newly overdue in the period (deadline passed while open)"),
        pgettext("sheet", "Newly overdue"),
        (
            _NUMBER,
            _text(pgettext("report", "Kind"), 12),
            content,
            communes,
            owner,
            deadline,
            _text(_("State as of {end}").format(end=format_date(report.period.end)), 24),
        ),
        _numbered([(_kind(x), x.text, _communes(x), x.owner, _deadline(x), _state(x)) for x in report.newly_overdue()]),
    )
    return completed, closed, late


def _links(report: PeriodReport) -> Table:
    columns = (
        _NUMBER,
        _text(pgettext("report", "Request"), 50),
        _text(_("Status"), 20),
        _text(pgettext("report", "Answering directive"), 50),
        _text(_("State"), 24),
    )
    rows: list[tuple[Cell, ...]] = []
    for request in report.requests:
        if not request.answers:
            rows.append((request.text, request.status.label, "—", ""))
        for answer in request.answers:
            rows.append((request.text, request.status.label, answer.text, answer.state.label))
    return Table(
        _("Each request and the directives that answer it"), pgettext("sheet", "Request links"), columns, _numbered(rows)
    )


def sections(report: PeriodReport) -> tuple[Section, ...]:
    """The numbered sections of the report, in the language spoken now."""
    totals = report.totals()
    everything = _("All")
    parts = [
        (
            _("GENERAL TOTALS"),
            (
                Table(
                    _("Directives on the two axes"),
                    pgettext("sheet", "Directives"),
                    _directive_columns(""),
                    (_directive_row(everything, totals),),
                ),
                Table(
                    _("Requests by status"),
                    pgettext("sheet", "Requests"),
                    _request_columns(""),
                    (_request_row(everything, totals),),
                ),
            ),
        ),
        (
            _("BY COMMUNE"),
            _by(
                report.by_commune(),
                _("Commune, ward"),
                _("commune"),
                (pgettext("sheet", "Directives by commune"), pgettext("sheet", "Requests by commune")),
            ),
        ),
        (
            _("BY OWNER AGENCY"),
            _by(
                report.by_owner(),
                pgettext("report", "Owner agency"),
                _("owner agency"),
                (pgettext("sheet", "Directives by owner"), pgettext("sheet", "Requests by owner")),
            ),
        ),
        (_("OVERDUE"), (_overdue(report),)),
        (_("CHANGES IN THE PERIOD"), _changes(report)),
        (_("REQUESTS AND THEIR ANSWERING DIRECTIVES"), (_links(report),)),
    ]
    return tuple(Section(f"{ROMAN[number]}. {heading}", tables) for number, (heading, tables) in enumerate(parts))
