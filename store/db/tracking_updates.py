"""An agency's filled tracking table, checked against the store and applied: the plan of changes.

Each row of the table (`store.ingest.tracking_file`) is matched by its item id; its changes
are the columns the agency fills (status, completion date, answer, note) whose value in
the file differs from the store's. A row is refused, with the reason, when its id is
unknown (or its item deleted, or no longer a request or directive), when the item changed
in the store since the export (the store's revision is not the row's, and the file's value
differs from the store's: both are listed), when its status is not one of its kind's, or
when a date is impossible (not a date, outside years 2000–2100, before the session or
after today). The other rows are applied: each item through `ItemEditing.update_tracking`,
its history naming the file, every province's file in one transaction while the locks of
all of them are held, the plan made again under the locks so nothing written meanwhile
is missed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from haicap.store.db.audit import AuditLog
from haicap.store.db.content import StoreContent
from haicap.store.db.editing import TRACKED_KINDS, ItemEditing
from haicap.store.db.queries import StoreQueries, session_of
from haicap.store.domain.bounds import day_problem
from haicap.store.domain.dates import format_date, parse_date
from haicap.store.domain.i18n import _, ngettext
from haicap.store.domain.models import Item, Kind
from haicap.store.domain.text import clean, shorten, visible
from haicap.store.domain.tracking import DirectiveStatus, RequestStatus, parse_directive_status, parse_request_status

if TYPE_CHECKING:
    from haicap.store.ingest.tracking_file import Cell, TrackingFile, TrackingRow

__all__ = ["FieldChange", "RowRefusal", "RowUpdate", "TrackingPlan", "TrackingUpdates"]


@dataclass(frozen=True)
class FieldChange:
    """One field of one item the file changes: "status", "done", "answer" or "note"."""

    field: str
    old: Any
    new: Any

    @property
    def old_shown(self) -> str:
        """The store's value, as the review shows it (in the language spoken)."""
        return shown(self.old)

    @property
    def new_shown(self) -> str:
        """The file's value, as the review shows it."""
        return shown(self.new)


def shown(value: Any) -> str:
    """A follow-up value for the plan: a status's label, a date DD/MM/YYYY, "—" for none."""
    if value is None or value == "":
        return "—"
    if isinstance(value, (RequestStatus, DirectiveStatus)):
        return value.label
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


def field_name(name: str) -> str:
    """A field's name in the language spoken: "trạng thái", "ngày hoàn thành"..."""
    return {
        "status": _("status"),
        "done": _("completion date"),
        "answer": _("answer"),
        "note": _("note"),
    }.get(name, name)


@dataclass(frozen=True)
class RowUpdate:
    """The changes one row makes to its item."""

    row: TrackingRow
    item: Item
    communes: str
    """The item's communes ("xã Ngọc Trạo, xã Vân Du")."""
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class RowRefusal:
    """A row that is not applied, and why."""

    where: str
    """ "row 7 (cdb5ed9f-16)"."""
    reason: str


@dataclass
class TrackingPlan:
    """What reading a filled table back would change (or changed, once `applied`)."""

    table: TrackingFile
    updates: list[RowUpdate] = field(default_factory=list)
    refused: list[RowRefusal] = field(default_factory=list)
    unchanged: int = 0
    """Rows whose values are the store's already."""
    applied: bool = False

    @property
    def change_count(self) -> int:
        """How many fields change, over all items."""
        return sum(len(update.changes) for update in self.updates)

    def refusal_lines(self) -> list[str]:
        """ "FILE: row 7 (cdb5ed9f-16): reason", one line per refused row (made visible)."""
        return [visible(f"{self.table.name}: {refusal.where}: {refusal.reason}") for refusal in self.refused]

    def describe(self) -> list[str]:
        """The plan for the terminal: the file, then one line per changed field, old → new."""
        lines = [
            visible(
                _(
                    "{file} (tracking table): {rows} rows, {items} items to change, {unchanged} unchanged, {refused} refused"
                ).format(
                    file=self.table.name,
                    rows=len(self.updates) + self.unchanged + len(self.refused),
                    items=len(self.updates),
                    unchanged=self.unchanged,
                    refused=len(self.refused),
                )
            )
        ]
        for update in self.updates:
            for change in update.changes:
                line = f"  {update.item.id} · {update.communes} · {field_name(change.field)}: "
                line += f"{shorten(change.old_shown, 80)} → {shorten(change.new_shown, 80)}"
                lines.append(visible(line))
        return lines

    def summary(self) -> str:
        """What was done (or would be, in a dry run), one line."""
        items, refused = len(self.updates), len(self.refused)
        if not items:
            done = _("{file}: no changes").format(file=self.table.name)
        elif self.applied:
            done = ngettext(
                "{file}: updated {items} item ({changes} changes)", "{file}: updated {items} items ({changes} changes)", items
            ).format(file=self.table.name, items=items, changes=self.change_count)
        else:
            done = _("{file}: would update {items} items ({changes} changes)").format(
                file=self.table.name, items=items, changes=self.change_count
            )
        if refused and items:
            rest = _("the rest applied") if self.applied else _("the rest would be applied")
            said = ngettext("{count} row refused, {rest}", "{count} rows refused, {rest}", refused)
            done += "; " + said.format(count=refused, rest=rest)
        elif refused:
            done += "; " + ngettext("{count} row refused", "{count} rows refused", refused).format(count=refused)
        return visible(done)


class TrackingUpdates:
    """Planning and applying filled tracking tables over one store (see `Store.plan_tracking`)."""

    def __init__(self, content: StoreContent, queries: StoreQueries, editing: ItemEditing, audit: AuditLog) -> None:
        self._content = content
        self._queries = queries
        self._editing = editing
        self._audit = audit

    def plan(self, table: TrackingFile, today: dt.date) -> TrackingPlan:
        """What the table would change, row by row; nothing is written."""
        plan = TrackingPlan(table)
        seen: dict[str, int] = {}
        for number in table.blank_ids:
            where = _("row {number}").format(number=number)
            plan.refused.append(RowRefusal(where, _("no ID: the row cannot be matched to an item")))
        for row in table.rows:
            where = row.where(table.several_sheets)
            if row.item_id in seen:
                plan.refused.append(RowRefusal(where, _("the same item as row {number}").format(number=seen[row.item_id])))
                continue
            seen[row.item_id] = row.line
            try:
                update = self._row(row, table, today)
            except _Refused as refused:
                plan.refused.append(RowRefusal(where, str(refused)))
                continue
            if update is None:
                plan.unchanged += 1
            else:
                plan.updates.append(update)
        return plan

    def apply(self, table: TrackingFile, today: dt.date, *, who: str | None = None) -> TrackingPlan:
        """Plan the table again under the locks of every province it names, and apply every
        row that is not refused, in one transaction per province file."""
        codes = sorted({code for row in table.rows if (code := self._content.province_of_session(session_of(row.item_id)))})
        with contextlib.ExitStack() as changes:
            for code in codes:
                changes.enter_context(self._content.change(code, "import-tracking"))
            plan = self.plan(table, today)
            for update in plan.updates:
                values = {change.field: change.new for change in update.changes}
                self._editing.update_tracking(
                    update.item.id, who=who, expected_revision=update.item.revision, source=table.name, **values
                )
            if plan.updates:
                detail = f"{len(plan.updates)} items, {plan.change_count} changes from {table.name}"
                self._audit.record("import-tracking", detail)
            plan.applied = True
        return plan

    # -- one row ----------------------------------------------------------------------

    def _row(self, row: TrackingRow, table: TrackingFile, today: dt.date) -> RowUpdate | None:
        item = self._queries.item(row.item_id)
        if item is None:
            raise _Refused(_("no item with this ID in the store"))
        if item.deleted:
            raise _Refused(_("the item was deleted in the store"))
        if item.kind not in TRACKED_KINDS:
            raise _Refused(_("the item is now a {kind}, not a request or a directive").format(kind=item.kind.singular.lower()))
        revision = _revision(row.revision) if "revision" in table.columns else None
        wanted = _wanted(item, row, today)
        changes = tuple(FieldChange(name, old, new) for name, (old, new) in wanted.items() if old != new)
        if not changes:
            return None
        if revision is not None and revision != item.revision:
            both = "; ".join(
                _("{field}: in the store {store}, in the file {file}").format(
                    field=field_name(c.field), store=_quoted(c.old_shown), file=_quoted(c.new_shown)
                )
                for c in changes
            )
            said = _("changed in the store since the export (revision {exported}, now {now}): {values}")
            raise _Refused(said.format(exported=revision, now=item.revision, values=both))
        communes = ", ".join(c.label for c in self._queries.communes_of_item(item))
        return RowUpdate(row=row, item=item, communes=communes, changes=changes)


class _Refused(Exception):
    """A row that cannot be applied; the message says why."""


def _quoted(value: str) -> str:
    return value if value == "—" else f"'{shorten(value, 60)}'"


def _revision(cell: Cell) -> int | None:
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    if isinstance(cell, (bool, dt.date, dt.datetime)):
        raise _Refused(_("revision {value} is not a number (leave the revision column as exported)").format(value=cell))
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    if isinstance(cell, int):
        return cell
    text = str(cell).strip()
    if text.isdigit():
        return int(text)
    raise _Refused(
        _("revision '{value}' is not a number (leave the revision column as exported)").format(value=shorten(text, 20))
    )


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, dt.datetime):
        cell = cell.date()
    if isinstance(cell, dt.date):
        return format_date(cell)
    return clean(str(cell))


_EXCEL_EPOCH = dt.date(1899, 12, 30)
"""Day 0 of Excel's (and LibreOffice's) serial dates: a date in a cell formatted as a number."""


def _date(cell: Cell, item: Item, today: dt.date) -> dt.date | None:
    """The completion date in `cell`, or None for an empty one; `_Refused` for an impossible one."""
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    what = _("completion date")
    if isinstance(cell, dt.datetime):
        day = cell.date()
    elif isinstance(cell, dt.date):
        day = cell
    elif isinstance(cell, (int, float)) and not isinstance(cell, bool) and 1 <= cell < 2_958_466:
        day = _EXCEL_EPOCH + dt.timedelta(days=int(cell))
    else:
        text = str(cell).strip()
        # "2026-01-05 00:00:00" (a date and time written out as text): the day is what counts.
        head = text.split("T")[0].split(" ")[0] if text[:4].isdigit() else text
        try:
            day = parse_date(head)
        except ValueError as error:
            raise _Refused(f"{what}: {error}") from None
    if problem := day_problem(day):
        raise _Refused(f"{what}: {problem}")
    if day < item.session.date:
        said = _("{what}: {day} is before the session of {session}")
        raise _Refused(said.format(what=what, day=format_date(day), session=format_date(item.session.date)))
    if day > today:
        raise _Refused(
            _("{what}: {day} is after today ({today})").format(what=what, day=format_date(day), today=format_date(today))
        )
    return day


def _status(item: Item, text: str) -> RequestStatus | DirectiveStatus | None:
    if not text:
        return None
    if item.kind is Kind.REQUEST:
        found: RequestStatus | DirectiveStatus | None = parse_request_status(text)
        allowed = "; ".join(s.label for s in RequestStatus)
        noun = _("'{status}' is not a request status; use one of: {allowed}")
    else:
        found = parse_directive_status(text)
        allowed = "; ".join(s.label for s in DirectiveStatus)
        noun = _("'{status}' is not a directive status; use one of: {allowed}")
    if found is None:
        raise _Refused(noun.format(status=shorten(text, 60), allowed=allowed))
    return found


def _wanted(item: Item, row: TrackingRow, today: dt.date) -> dict[str, tuple[Any, Any]]:
    """Each field the row gives a value for: (the store's value, the file's)."""
    cells = row.cells
    tracking = item.tracking
    problems: list[str] = []
    status = day = None
    try:
        status = _status(item, _text(cells.get("set_status")))
    except _Refused as refused:
        problems.append(str(refused))
    try:
        day = _date(cells.get("done"), item, today)
    except _Refused as refused:
        problems.append(str(refused))
    answer = _text(cells.get("answer"))
    if item.kind is Kind.DIRECTIVE and answer and "answer" in cells:
        problems.append(_("a directive has no answer; write it in the note column"))
    if problems:
        raise _Refused("; ".join(problems))
    wanted: dict[str, tuple[Any, Any]] = {}
    if item.kind is Kind.REQUEST:
        if status is not None:
            wanted["status"] = (tracking.status or RequestStatus.NEW, status)
        if "done" in cells:
            wanted["done"] = (tracking.done, day)
        if "answer" in cells:
            wanted["answer"] = (tracking.answer, answer)
    elif "done" in cells or status is not None:
        # A directive's status is its completion date. A date makes it done, whatever the
        # status cell says (an agency that writes the date often leaves "Đang thực hiện" as
        # exported); "Hoàn thành" without a date keeps the stored one, or is today;
        # "Đang thực hiện" (or an empty status) without a date clears it.
        if day is None and status is DirectiveStatus.DONE:
            day = tracking.done or today
        wanted["done"] = (tracking.done, day)
    if "note" in cells:
        wanted["note"] = (tracking.note, _text(cells.get("note")))
    return wanted
