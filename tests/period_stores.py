"""A SYNTHETIC store for the tests of the report of a period (`haicap report`), made by code.

Three sessions of Thanh Hóa (before, inside and after the first quarter of 2026) whose
requests and directives are in every state the report counts, with status changes in
history at known times (noon UTC, the same day in every time zone from −11 to +11 hours).
Every text is made up and says which case it is ("[d-late]"): no real report is quoted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from haicap.store import Kind, Store
from haicap.store.domain.clock import fixed_clock, set_clock
from haicap.store.domain.models import Person
from haicap.store.domain.tracking import Tracking
from haicap.store.ingest.reports import ParsedItem, SessionReport

__all__ = ["FROM", "TO", "build", "ids_by_tag"]

FROM, TO = dt.date(2026, 1, 1), dt.date(2026, 3, 31)
"""The period the tests report: the first quarter of 2026."""

D = dt.date


@dataclass(frozen=True)
class Case:
    """One synthetic item: its tag (in its text), kind, session, follow-up fields, and its status changes."""

    tag: str
    kind: Kind
    session: str
    deadline: dt.date | None = None
    done: dt.date | None = None
    owner: str = ""
    co_agencies: tuple[str, ...] = ()
    changes: tuple[tuple[str, str], ...] = ()
    """(ISO day of the change, new status slug), in order."""
    deleted: bool = False
    responds_to: tuple[str, ...] = ()
    """Tags of the directives answering a request."""


SESSIONS = {"A": D(2025, 11, 20), "B": D(2026, 2, 10), "C": D(2026, 4, 5)}
"""A before the period, B inside it, C after it (left out of every report of the period)."""

CASES = (
    # Directives of A (held before the period).
    Case("d-on-time", Kind.DIRECTIVE, "A", D(2026, 1, 15), D(2026, 1, 10), owner="Sở Tài chính"),
    Case("d-late", Kind.DIRECTIVE, "A", D(2026, 1, 15), D(2026, 2, 1), owner="Sở Tài chính"),
    Case("d-done-before", Kind.DIRECTIVE, "A", D(2025, 12, 31), D(2025, 12, 20)),
    Case("d-overdue", Kind.DIRECTIVE, "A", D(2026, 2, 28), owner="Sở Xây dựng"),
    Case("d-in-time", Kind.DIRECTIVE, "A", D(2026, 6, 30), owner="Sở Xây dựng"),
    Case("d-no-deadline", Kind.DIRECTIVE, "A"),
    Case("d-no-deadline-done-on-to", Kind.DIRECTIVE, "A", None, D(2026, 3, 31)),
    Case("d-due-on-to-done-after", Kind.DIRECTIVE, "A", D(2026, 3, 31), D(2026, 4, 1), owner="Sở Nội vụ"),
    Case("d-late-by-to-done-after", Kind.DIRECTIVE, "A", D(2026, 3, 30), D(2026, 4, 1), owner="Sở Nội vụ"),
    # Directives of B (held in the period).
    Case("d-b-on-time", Kind.DIRECTIVE, "B", D(2026, 3, 15), D(2026, 3, 15), owner="Sở Tài chính"),
    Case("d-b-deleted", Kind.DIRECTIVE, "B", D(2026, 3, 1), deleted=True),
    # Requests of A.
    Case(
        "r-answered-in",
        Kind.REQUEST,
        "A",
        owner="Sở Tài chính",
        changes=(("2025-12-10", "in_progress"), ("2026-02-15", "answered")),
    ),
    Case("r-answered-before", Kind.REQUEST, "A", owner="Sở Tài chính", changes=(("2025-12-20", "answered"),)),
    Case("r-new-due-on-to", Kind.REQUEST, "A", D(2026, 3, 31), owner="Sở Tài chính"),
    Case("r-overdue", Kind.REQUEST, "A", D(2026, 3, 1), owner="Sở Xây dựng", changes=(("2026-01-05", "in_progress"),)),
    Case("r-resolved-after", Kind.REQUEST, "A", changes=(("2026-01-20", "in_progress"), ("2026-04-01", "resolved"))),
    Case("r-unresolvable-on-to", Kind.REQUEST, "A", owner="Sở Nội vụ", changes=(("2026-03-31", "unresolvable"),)),
    # Requests of B.
    Case("r-b-new", Kind.REQUEST, "B", owner="Sở Tài chính", co_agencies=("Sở Nội vụ",), responds_to=("d-b-on-time",)),
    Case(
        "r-b-reopened",
        Kind.REQUEST,
        "B",
        owner="Sở Xây dựng",
        changes=(("2026-03-01", "answered"), ("2026-03-10", "in_progress")),
    ),
    # After the period.
    Case("d-c-later", Kind.DIRECTIVE, "C", D(2026, 5, 1)),
    Case("r-c-later", Kind.REQUEST, "C"),
)
"""Every state: done on time / late / before the period, in progress on time / overdue, no
deadline (open, and done on the period's last day), a done date the day after it, a
deleted one; requests answered before and in the period, reopened, closed on the last
day and the day after it, new with a deadline on the last day, with co-agencies (50 days)."""

COMMUNES = {"A": ("Ngọc Trạo", "Vân Du"), "B": ("Vân Du", "Kim Tân"), "C": ("Kim Tân",)}


def _text(case: Case) -> str:
    what = "Đề nghị tỉnh hỗ trợ" if case.kind is Kind.REQUEST else "Rà soát, hoàn thành"
    return f"{what} nội dung tổng hợp [{case.tag}] theo kế hoạch của xã"


def ids_by_tag(store: Store) -> dict[str, str]:
    """Item id of each live case, by tag."""
    return {item.text.split("[")[1].split("]")[0]: item.id for item in store.items(kinds=(Kind.REQUEST, Kind.DIRECTIVE))}


def build(folder: Path) -> Path:
    """Make the synthetic store in `folder` (new) and return it."""
    with Store.open(folder) as store:
        store.skip_seeds()
        province = store.find_province("Thanh Hóa")
        assert province is not None
        communes = {c.name: c for c in store.registry.communes_of(province)}
        for name, day in SESSIONS.items():
            session_communes = tuple(communes[n] for n in COMMUNES[name])
            items = tuple(
                ParsedItem(
                    kind=case.kind,
                    text=_text(case),
                    communes=session_communes,
                    tracking=Tracking(owner=case.owner, co_agencies=case.co_agencies, deadline=case.deadline),
                )
                for case in CASES
                if case.session == name
            )
            report = SessionReport(
                source_name=f"synthetic-{name}",
                date=day,
                province=province,
                leader=Person("Nguyễn Văn Tổng Hợp", "Phó Chủ tịch UBND tỉnh (synthetic)"),
                participants=(),
                title=f"Phiên làm việc tổng hợp {name} (synthetic)",
                source="SYNTHETIC",
                communes=session_communes,
                items=items,
            )
            store.add_report(report, origin="synthetic")
        ids = ids_by_tag(store)
        by_tag = {case.tag: case for case in CASES}
        for tag, case in by_tag.items():
            item_id = ids[tag]
            for day, status in case.changes:
                set_clock(fixed_clock(f"{day}T12:00:00+00:00"))
                store.set_status(item_id, status)
            set_clock(fixed_clock("2026-04-02T12:00:00+00:00"))
            if case.done is not None:
                store.update_tracking(item_id, done=case.done)
            if case.responds_to:
                store.update_tracking(item_id, responds_to=tuple(ids[t] for t in case.responds_to))
            if case.deleted:
                store.delete_item(item_id)
        set_clock(None)
    return folder
