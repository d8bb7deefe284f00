"""Session copies: the `haicap-session/1` files `haicap export --format yaml|json` writes.

A copy is a structured report (`store.ingest.reports`) whose `session` has an `id`: beside
what a report says it gives what a store keeps, so that importing it into another store
reproduces the same session:

    session:   id, content_hash, read_hashes, also_reported_by, origin, source_file
    items[]:   id, order, tracking {owner, co_agencies, deadline, done, status, answer,
               note, responds_to}, deleted, added_by_hand, revision, origin,
               history [{who, when, field, old, new, revision, ...}]

`parse_copy` checks every one of these fields as `parse_report` checks the rest (types,
dates within years 2000–2100, times of history rows, statuses, ids of the form a store
makes them) and returns a `SessionCopy`; a problem is a `ReportError` of one line.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from haicap.store.domain.bounds import day_problem
from haicap.store.domain.errors import ReportError
from haicap.store.domain.i18n import _
from haicap.store.domain.models import Item, Session
from haicap.store.domain.session_copy import ITEM_ID, SESSION_ID, CopiedItem, SessionCopy
from haicap.store.domain.text import shorten
from haicap.store.domain.tracking import RequestStatus, Tracking
from haicap.store.ingest.import_plan import PlanLine

if TYPE_CHECKING:
    from haicap.store.ingest.reports import ParsedItem, SessionReport

__all__ = ["TRACKING_FIELDS", "copy_lines", "parse_copy"]

TRACKING_FIELDS = ("owner", "co_agencies", "deadline", "done", "status", "answer", "note", "responds_to")
"""The follow-up fields a copy may give an item (those of `Tracking`)."""

_HASH = re.compile(r"[0-9a-f]{64}")
_STATUSES = {status.value: status for status in RequestStatus}
_SCALARS = (str, int, float, bool, type(None))


class _Checks:
    """The checks of one file's copy fields; each refusal names the file and the field."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, reason: str) -> ReportError:
        return ReportError(self.source, reason)

    def text(self, value: Any, field: str, *, required: bool = False) -> str:
        if value is None and not required:
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            if value is None or value == "":
                raise self.fail(_("missing required field '{field}'").format(field=field))
            raise self.fail(_("field '{field}' must be text, not {value}").format(field=field, value=_shown(value)))
        return value

    def texts(self, value: Any, field: str) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.fail(_("'{field}' must be a list").format(field=field))
        return tuple(self.text(entry, field, required=True) for entry in value)

    def flag(self, value: Any, field: str) -> bool:
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.fail(_("field '{field}' must be true or false, not {value}").format(field=field, value=_shown(value)))
        return value

    def count(self, value: Any, field: str, *, least: int) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or value < least:
            reason = _("field '{field}' must be a whole number of at least {least}, not {value}")
            raise self.fail(reason.format(field=field, least=least, value=_shown(value)))
        return value

    def digest(self, value: Any, field: str) -> str:
        text = self.text(value, field, required=True)
        if not _HASH.fullmatch(text):
            raise self.fail(_("field '{field}' must be 64 hex digits, not {value}").format(field=field, value=_shown(text)))
        return text

    def day(self, value: Any, field: str) -> dt.date | None:
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            day = value.date()
        elif isinstance(value, dt.date):
            day = value
        else:
            try:
                day = dt.date.fromisoformat(self.text(value, field))
            except ValueError:
                reason = _("field '{field}': {value} is not a real date (YYYY-MM-DD)")
                raise self.fail(reason.format(field=field, value=_shown(value))) from None
        problem = day_problem(day)
        if problem:
            raise self.fail(f"{field}: {problem}")
        return day

    def moment(self, value: Any, field: str) -> str:
        """A history row's time, kept as written (an ISO date and time within the years allowed)."""
        if isinstance(value, dt.datetime):
            when, text = value, value.isoformat()
        else:
            text = self.text(value, field, required=True)
            try:
                when = dt.datetime.fromisoformat(text)
            except ValueError:
                reason = _("field '{field}': {value} is not a date and time (YYYY-MM-DDTHH:MM:SS)")
                raise self.fail(reason.format(field=field, value=_shown(text))) from None
        problem = day_problem(when.date())
        if problem:
            raise self.fail(f"{field}: {problem}")
        return text


def _shown(value: Any) -> str:
    """A value of the file as a message quotes it: its repr, at most 60 characters."""
    return shorten(repr(value), 60)


def parse_copy(data: dict[str, Any], report: SessionReport, source: str) -> SessionCopy:
    """The session copy in `data` (a loaded file whose `session` has an `id`), `report` being
    what `parse_report` made of the rest of it. Raise `ReportError` on any bad value."""
    check = _Checks(source)
    raw_session = data["session"]
    session_id = check.text(raw_session.get("id"), "session.id", required=True)
    if not SESSION_ID.fullmatch(session_id):
        reason = _("session.id {value} is not a session id (8 or more hex digits)")
        raise check.fail(reason.format(value=_shown(session_id)))
    content_hash = check.digest(raw_session.get("content_hash"), "session.content_hash")
    if not content_hash.startswith(session_id):
        raise check.fail(_("session.id {value} is not the start of session.content_hash").format(value=_shown(session_id)))
    read_hashes = tuple(
        check.digest(value, "session.read_hashes")
        for value in _listed(check, raw_session.get("read_hashes"), "session.read_hashes")
    )
    session = Session(
        id=session_id,
        date=report.date,
        province=report.province,
        leader=report.leader,
        title=report.title,
        source=report.source,
        commune_codes=tuple(c.code for c in report.communes),
        participants=report.participants,
        also_reported_by=check.texts(raw_session.get("also_reported_by"), "session.also_reported_by"),
    )
    items: list[CopiedItem] = []
    orders: set[int] = set()
    for number, (raw, parsed) in enumerate(zip(data["items"], report.items, strict=True), start=1):
        copied = _item(check, number, raw, parsed, session)
        if copied.order in orders:
            raise check.fail(_("item {number}: order {order} is given twice").format(number=number, order=copied.order))
        orders.add(copied.order)
        items.append(copied)
    return SessionCopy(
        session=session,
        content_hash=content_hash,
        read_hashes=read_hashes,
        origin=check.text(raw_session.get("origin"), "session.origin"),
        source_file=check.text(raw_session.get("source_file"), "session.source_file"),
        items=tuple(sorted(items, key=lambda copied: copied.order)),
    )


def copy_lines(report: SessionReport) -> tuple[PlanLine, ...]:
    """The plan lines of a copy's items as the panes show them: the live ones, with their follow-up."""
    assert report.copy is not None
    by_code = {c.code: c for c in report.communes}
    return tuple(
        PlanLine(
            copied.item.text,
            copied.item.kind,
            tuple(by_code[code] for code in copied.item.commune_codes if code in by_code),
            copied.item.tracking.owner,
            copied.item.tracking.co_agencies,
            copied.item.tracking.deadline,
            "structured",
        )
        for copied in report.copy.items
        if not copied.item.deleted
    )


def _listed(check: _Checks, value: Any, field: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise check.fail(_("'{field}' must be a list").format(field=field))
    return value


def _item(check: _Checks, number: int, raw: dict[str, Any], parsed: ParsedItem, session: Session) -> CopiedItem:
    prefix = f"items[{number}]"
    order = check.count(raw.get("order"), f"{prefix}.order", least=1)
    item_id = check.text(raw.get("id"), f"{prefix}.id", required=True)
    if item_id != f"{session.id}-{order:02d}":
        reason = _("item {number}: id {value} is not the session's id and the item's order ({wanted})")
        raise check.fail(reason.format(number=number, value=_shown(item_id), wanted=f"{session.id}-{order:02d}"))
    item = Item(
        id=item_id,
        kind=parsed.kind,
        text=parsed.text,
        session=session,
        commune_codes=tuple(c.code for c in parsed.communes),
        tracking=_tracking(check, number, raw.get("tracking")),
        deleted=check.flag(raw.get("deleted"), f"{prefix}.deleted"),
        added_by_hand=check.flag(raw.get("added_by_hand"), f"{prefix}.added_by_hand"),
        revision=check.count(raw.get("revision", 0), f"{prefix}.revision", least=0),
    )
    history = tuple(_history_row(check, number, row) for row in _listed(check, raw.get("history"), f"{prefix}.history"))
    return CopiedItem(item=item, order=order, origin=check.text(raw.get("origin"), f"{prefix}.origin"), history=history)


def _tracking(check: _Checks, number: int, raw: Any) -> Tracking:
    if raw is None:
        return Tracking()
    prefix = f"items[{number}].tracking"
    if not isinstance(raw, dict):
        raise check.fail(_("'{field}' must be a mapping").format(field=prefix))
    unknown = [str(key) for key in raw if key not in TRACKING_FIELDS]
    if unknown:
        reason = _("item {number}: unknown follow-up field {field} (known: {known})")
        raise check.fail(reason.format(number=number, field=_shown(unknown[0]), known=", ".join(TRACKING_FIELDS)))
    status = raw.get("status")
    if status is not None and status not in _STATUSES:
        reason = _("item {number}: status {value} is not a request status ({allowed}); a directive's state comes from its dates")
        raise check.fail(reason.format(number=number, value=_shown(status), allowed=", ".join(_STATUSES)))
    responds_to = check.texts(raw.get("responds_to"), f"{prefix}.responds_to")
    for target in responds_to:
        if not ITEM_ID.fullmatch(target):
            raise check.fail(
                _("item {number}: responds_to {value} is not an item id").format(number=number, value=_shown(target))
            )
    return Tracking(
        owner=check.text(raw.get("owner"), f"{prefix}.owner"),
        co_agencies=check.texts(raw.get("co_agencies"), f"{prefix}.co_agencies"),
        deadline=check.day(raw.get("deadline"), f"{prefix}.deadline"),
        done=check.day(raw.get("done"), f"{prefix}.done"),
        status=_STATUSES[status] if status is not None else None,
        answer=check.text(raw.get("answer"), f"{prefix}.answer"),
        note=check.text(raw.get("note"), f"{prefix}.note"),
        responds_to=responds_to,
    )


def _history_row(check: _Checks, number: int, raw: Any) -> dict[str, Any]:
    """One history row: the fields every row has checked, any other field copied as it is."""
    prefix = f"items[{number}].history"
    if not isinstance(raw, dict):
        raise check.fail(_("'{field}' must list mappings").format(field=prefix))
    row: dict[str, Any] = {}
    for key, value in raw.items():
        if key in ("item", "schema"):
            continue  # the item the row is under, and the store's schema: the new store's own
        if not isinstance(key, str) or not isinstance(value, _SCALARS):
            reason = _("item {number}: history field {field} must hold text or a number")
            raise check.fail(reason.format(number=number, field=_shown(key)))
        row[key] = value
    row["who"] = check.text(raw.get("who"), f"{prefix}.who", required=True)
    row["when"] = check.moment(raw.get("when"), f"{prefix}.when")
    row["field"] = check.text(raw.get("field"), f"{prefix}.field", required=True)
    row["old"] = check.text(raw.get("old"), f"{prefix}.old")
    row["new"] = check.text(raw.get("new"), f"{prefix}.new")
    row["revision"] = check.count(raw.get("revision", 0), f"{prefix}.revision", least=0)
    return row
