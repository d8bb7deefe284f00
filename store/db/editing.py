"""Changing items after the session: follow-up fields, corrections, deletions, additions.

`ItemEditing` is the store's part for every change officers make to items. Each change
runs in one transaction of the item's province file (see `StoreContent.change`) and
writes the item and one history entry per changed field in one write, so the store never holds a
change without its record. Values are validated first; a refused change is a
`StoreError` and writes nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Concatenate, ParamSpec, TypeVar

from haicap.store.db.content import StoreContent
from haicap.store.db.history_log import Edit, add_entries
from haicap.store.db.migrations import SCHEMA_VERSION
from haicap.store.db.queries import MIN_ID_PREFIX, StoreQueries, session_of
from haicap.store.db.tables import Tables
from haicap.store.domain.bounds import check_day
from haicap.store.domain.errors import StoreError
from haicap.store.domain.history import HistoryEntry
from haicap.store.domain.i18n import _
from haicap.store.domain.models import Item, Kind
from haicap.store.domain.text import clean
from haicap.store.domain.tracking import (
    DirectiveStatus,
    RequestStatus,
    parse_directive_status,
    parse_request_status,
)

__all__ = ["MIN_ID_PREFIX", "TRACKED_KINDS", "EditConflict", "ItemEditing"]

TRACKED_KINDS = (Kind.REQUEST, Kind.DIRECTIVE)
"""The kinds that are followed up after the session."""


class EditConflict(StoreError):
    """Someone else saved the item after the officer began changing it; nothing was written.

    Carries the item as it is now and the other saves, so the officer can see them and
    decide (save again over them, or keep them)."""

    def __init__(self, item: Item, changes: list[HistoryEntry]) -> None:
        whom = ", ".join(sorted({c.who for c in changes})) or _("another process")
        super().__init__(
            _("item {id} was changed by {whom} since you opened it; your change was not saved").format(id=item.id, whom=whom)
        )
        self.item = item
        """The item as the store holds it now."""
        self.changes = changes
        """The history entries of the saves made since, oldest first."""


Params = ParamSpec("Params")
Result = TypeVar("Result")


def _under_lock(
    method: Callable[Concatenate[ItemEditing, str, Params], Result],
) -> Callable[Concatenate[ItemEditing, str, Params], Result]:
    """Run a change of the item (or session, for `add_item`) whose id comes first in a
    transaction of its province's file, on what is on disk now; the backup kept before it
    is named after the method ("set-status", "edit-text")."""
    action = method.__name__.replace("_", "-")

    @functools.wraps(method)
    def locked(self: ItemEditing, wanted: str, /, *args: Params.args, **kwargs: Params.kwargs) -> Result:
        with self._content.change(self._province_of(wanted, action), action):
            return method(self, wanted, *args, **kwargs)

    return locked


class ItemEditing:
    """Every change officers make to items, over the store file and its indexes (reading
    them: `store.db.queries.StoreQueries`). See `Store` for what each change does."""

    def __init__(self, content: StoreContent, queries: StoreQueries) -> None:
        self._content = content
        self._indexes = content.indexes
        self._queries = queries

    def _province_of(self, wanted: str, action: str) -> str:
        """The province whose file holds the item (or, for `add_item`, the session) `wanted`.

        From the national summary when only one province has a session the id can be of:
        the province's file is then read under its lock (see `StoreContent.change`). Else
        (an id typed in part that several provinces could hold, an unknown one) the item is
        looked up now, which says what is wrong with the id."""
        session_id = wanted.strip() if action == "add-item" else session_of(wanted.strip())
        candidates = self._content.provinces_of_prefix(session_id) if len(session_id) >= MIN_ID_PREFIX else []
        if len(candidates) == 1:
            return candidates[0]
        if action == "add-item":
            session = self._queries.session(wanted)
            if session is None:
                raise StoreError(_("no session with id '{id}'").format(id=wanted))
            return session.province.code
        return self._queries.find_item(wanted).session.province.code

    # -- follow-up fields -------------------------------------------------------------

    @_under_lock
    def set_status(
        self,
        item_id: str,
        status: str | RequestStatus | DirectiveStatus,
        *,
        who: str | None = None,
        today: dt.date | None = None,
        expected_revision: int | None = None,
    ) -> Item:
        """Set a request's status, or mark a directive done (completion date `today`) or in progress.

        With `expected_revision` (the item's revision when the officer began), a save made
        by someone else since raises `EditConflict`; the same holds for every change below."""
        item = self._live(item_id, expected_revision)
        if item.kind is Kind.REQUEST:
            request_status = status if isinstance(status, RequestStatus) else parse_request_status(str(status))
            if request_status is None:
                allowed = "; ".join(f"{s.value} ({s.label})" for s in RequestStatus)
                raise StoreError(
                    _("'{status}' is not a request status; use one of: {allowed}").format(status=status, allowed=allowed)
                )
            return self.update_tracking(item.id, who=who, status=request_status)
        if item.kind is Kind.DIRECTIVE:
            directive_status = status if isinstance(status, DirectiveStatus) else parse_directive_status(str(status))
            if directive_status is None:
                allowed = "; ".join(f"{s.value} ({s.label})" for s in DirectiveStatus)
                raise StoreError(
                    _("'{status}' is not a directive status; use one of: {allowed}").format(status=status, allowed=allowed)
                )
            if directive_status is DirectiveStatus.DONE:
                return self.update_tracking(item.id, who=who, done=item.tracking.done or today or dt.date.today())
            return self.update_tracking(item.id, who=who, done=None)
        raise StoreError(
            _("item {id} is of kind {kind}: only requests and directives have a status").format(id=item.id, kind=item.kind.title)
        )

    @_under_lock
    def update_tracking(
        self,
        item_id: str,
        /,
        *,
        who: str | None = None,
        expected_revision: int | None = None,
        source: str = "",
        **changes: Any,
    ) -> Item:
        """Change follow-up fields (owner, co_agencies, deadline, done, status, answer, note,
        responds_to) of a request or directive, recording each change in history (as coming
        from the file `source`, when one is named)."""
        item = self._live(item_id, expected_revision)
        if item.kind not in TRACKED_KINDS:
            raise StoreError(_("item {id} is not a request or a directive: it has no follow-up fields").format(id=item.id))
        allowed = {"owner", "co_agencies", "deadline", "done", "note"}
        allowed |= {"status", "answer", "responds_to"} if item.kind is Kind.REQUEST else set()
        unknown = set(changes) - allowed
        if unknown:
            raise StoreError(
                _("item {id} ({kind}) has no field {fields}").format(
                    id=item.id, kind=item.kind.title, fields=", ".join(sorted(unknown))
                )
            )
        values = dict(changes)
        for key in ("owner", "answer", "note"):
            if key in changes and changes[key] is not None and not isinstance(changes[key], str):
                raise StoreError(_("{field} must be text, not {type}").format(field=key, type=type(changes[key]).__name__))
        for key in ("owner", "answer", "note"):
            if key in values:
                values[key] = clean(values[key] or "")
        if "co_agencies" in values:
            values["co_agencies"] = tuple(a for a in (clean(x) for x in values["co_agencies"] or ()) if a)
        for key in ("deadline", "done"):
            if values.get(key) is not None and not isinstance(values[key], dt.date):
                raise StoreError(_("{field} must be a date").format(field=key))
            if values.get(key) is not None:
                check_day(values[key], key)
        if values.get("done") is not None and values["done"] < item.session.date:
            raise StoreError(
                _("done: {done} is before the session of {session}").format(
                    done=values["done"].isoformat(), session=item.session.date.isoformat()
                )
            )
        if "responds_to" in values:
            values["responds_to"] = tuple(self._directive_ids(values["responds_to"] or ()))
        new_tracking = replace(item.tracking, **values)
        edits = [(key, getattr(item.tracking, key), getattr(new_tracking, key)) for key in values]
        # An unset request status means "Mới tiếp nhận": history says so rather than "—".
        edits = [(k, RequestStatus.NEW if k == "status" and old is None else old, new) for k, old, new in edits]
        return self._write(item, {"tracking": new_tracking.to_row()}, edits, who, source=source)

    def _directive_ids(self, ids: tuple[str, ...]) -> list[str]:
        found = []
        for text in ids:
            target = self._queries.find_item(text)
            if target.kind is not Kind.DIRECTIVE:
                raise StoreError(_("item {id} is not a directive").format(id=target.id))
            found.append(target.id)
        return found

    # -- corrections ------------------------------------------------------------------

    @_under_lock
    def change_kind(self, item_id: str, kind: Kind, *, who: str | None = None, expected_revision: int | None = None) -> Item:
        """Move an item to another pane (the reader got its kind wrong)."""
        item = self._live(item_id, expected_revision)
        return self._write(item, {"kind": kind.value}, [("kind", item.kind, kind)], who)

    @_under_lock
    def edit_text(self, item_id: str, text: str, *, who: str | None = None, expected_revision: int | None = None) -> Item:
        """Replace an item's text (NFC, whitespace collapsed); an empty text is refused."""
        item = self._live(item_id, expected_revision)
        cleaned = clean(text)
        if not cleaned:
            raise StoreError(_("an item's text cannot be empty (delete the item instead)"))
        return self._write(item, {"text": cleaned}, [("text", item.text, cleaned)], who)

    @_under_lock
    def edit_item(
        self,
        item_id: str,
        /,
        *,
        text: str | None = None,
        who: str | None = None,
        expected_revision: int | None = None,
        **tracking: Any,
    ) -> Item:
        """Save one edit of an item: follow-up fields (checked by the store) and text, as one
        change under one lock, so no one else's save can come in between the two."""
        item = self._live(item_id, expected_revision)
        if tracking:
            item = self.update_tracking(item.id, who=who, **tracking)
        if text is not None:
            item = self.edit_text(item.id, text, who=who)
        return item

    @_under_lock
    def delete_item(self, item_id: str, *, who: str | None = None, expected_revision: int | None = None) -> Item:
        """Hide an item from every view; it stays in the store with its history (see restore_item)."""
        item = self._live(item_id, expected_revision)
        return self._write(item, {"deleted": True}, [("deleted", False, True)], who)

    @_under_lock
    def restore_item(self, item_id: str, *, who: str | None = None) -> Item:
        """Bring a deleted item back."""
        item = self._queries.find_item(item_id)
        if not item.deleted:
            raise StoreError(_("item {id} is not deleted").format(id=item.id))
        return self._write(item, {"deleted": False}, [("deleted", True, False)], who)

    @_under_lock
    def add_item(self, session_id: str, commune_codes: tuple[str, ...], kind: Kind, text: str, *, who: str | None = None) -> Item:
        """Add an item an officer learnt of to a session, for some of its communes."""
        session = self._indexes.sessions.get(session_id)
        if session is None:
            raise StoreError(_("no session with id '{id}'").format(id=session_id))
        cleaned = clean(text)
        if not cleaned:
            raise StoreError(_("an item's text cannot be empty"))
        stray = [code for code in commune_codes if code not in session.commune_codes]
        if not commune_codes or stray:
            raise StoreError(_("an added item must concern communes of its session"))
        file = self._content.provinces.file(session.province.code)
        table = file.table("items")
        orders = [r["order"] for r in table.all() if r["session"] == session_id]
        order = max(orders, default=0) + 1
        item_id = f"{session_id}-{order:02d}"
        row = {
            "schema": SCHEMA_VERSION,
            "id": item_id,
            "session": session_id,
            "order": order,
            "kind": kind.value,
            "text": cleaned,
            "communes": list(commune_codes),
            "by_hand": True,
            "revision": 1,
        }
        table.insert(row)
        created: list[Edit] = [("created", None, f"{kind.title_vi}: {cleaned}")]
        file.db.change(lambda tables: add_entries(tables, item_id, created, who, revision=1))
        self._indexes.load(session.province.code, file.rows())
        added = self._indexes.item(item_id)
        assert added is not None, "the row was just written"
        return added

    # -- internals --------------------------------------------------------------------

    def _live(self, item_id: str, expected_revision: int | None = None) -> Item:
        item = self._queries.find_item(item_id)
        # Deleted first: whoever deleted it, saving over that is not possible anyway.
        if item.deleted:
            raise StoreError(_("item {id} is deleted; restore it first").format(id=item.id))
        if expected_revision is not None and item.revision != expected_revision:
            since = [entry for entry in self._queries.history(item.id) if entry.revision > expected_revision]
            raise EditConflict(item, since)
        return item

    def _write(self, item: Item, fields: dict[str, Any], edits: list[Edit], who: str | None, *, source: str = "") -> Item:
        """Update the item's record and record the edits that change something, in one
        write (inside the transaction: the file is written once, at its end, or not at all
        if anything fails; see `AtomicJSONStorage.deferred`)."""
        edits = [(name, old, new) for name, old, new in edits if old != new]
        if not edits:
            return item
        revision = item.revision + 1
        doc_id = self._indexes.doc_id(item.id)

        def update(tables: Tables) -> None:
            tables["items"][str(doc_id)].update({**fields, "revision": revision})
            add_entries(tables, item.id, edits, who, revision=revision, source=source)

        code = item.session.province.code
        file = self._content.provinces.file(code)
        file.db.change(update)
        if not self._indexes.replace_item(item.id, file.rows().get("items", {}).get(str(doc_id))):
            self._indexes.load(code, file.rows())
        new = self._indexes.item(item.id)
        assert new is not None, "the row was just written"
        self._content.edited(code, item, new)
        return new
