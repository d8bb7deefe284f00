"""Changing items after the session: follow-up fields, corrections, deletions, additions.

`ItemEditing` is a part of `Store` (a mixin, to keep the file of each concern short).
Every change writes the item and one history entry per changed field in one write of
the store file (see `Store._writing`), so the store never holds a change without its
record. Values are validated first; a refused change is a `StoreError` and writes
nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from haicap.store.db.migrations import SCHEMA_VERSION
from haicap.store.db.queries import MIN_ID_PREFIX, ItemQueries
from haicap.store.domain.bounds import MAX_ANSWER_DAYS, check_day, check_setting
from haicap.store.domain.clock import now
from haicap.store.domain.errors import StoreError
from haicap.store.domain.followup import DeadlineRules, rules_from_meta, rules_problems
from haicap.store.domain.history import HistoryEntry, current_user
from haicap.store.domain.models import Item, Kind, Session
from haicap.store.domain.text import clean
from haicap.store.domain.tracking import (
    DirectiveStatus,
    RequestStatus,
    parse_directive_status,
    parse_request_status,
)

if TYPE_CHECKING:
    from tinydb import TinyDB

__all__ = ["MIN_ID_PREFIX", "TRACKED_KINDS", "EditConflict", "ItemEditing"]

TRACKED_KINDS = (Kind.REQUEST, Kind.DIRECTIVE)
"""The kinds that are followed up after the session."""


def _show(value: Any) -> str:
    """A field value as history and messages show it."""
    if value is None:
        return ""
    if isinstance(value, (RequestStatus, DirectiveStatus, Kind)):
        return value.label_vi if not isinstance(value, Kind) else value.title_vi
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


class EditConflict(StoreError):
    """Someone else saved the item after the officer began changing it; nothing was written.

    Carries the item as it is now and the other saves, so the officer can see them and
    decide (save again over them, or keep them)."""

    def __init__(self, item: Item, changes: list[HistoryEntry]) -> None:
        whom = ", ".join(sorted({c.who for c in changes})) or "another process"
        super().__init__(f"item {item.id} was changed by {whom} since you opened it; your change was not saved")
        self.item = item
        """The item as the store holds it now."""
        self.changes = changes
        """The history entries of the saves made since, oldest first."""


Method = TypeVar("Method", bound=Callable[..., Any])


def _under_lock(method: Method) -> Method:
    """Run a change inside the store's write lock, on what is on disk now (see Store._writing);
    the backup kept before it is named after the method ("set-status", "edit-text")."""
    action = method.__name__.replace("_", "-")

    @functools.wraps(method)
    def locked(self: ItemEditing, *args: Any, **kwargs: Any) -> Any:
        with self._writing(action):
            return method(self, *args, **kwargs)

    return locked  # type: ignore[return-value]


class ItemEditing(ItemQueries):
    """Every change officers make to items (reading them: `store.db.queries.ItemQueries`)."""

    _db: TinyDB
    _items_by_id: dict[str, Item]
    _doc_ids: dict[str, int]
    _items_by_province: dict[str, list[Item]]
    _sessions: dict[str, Session]

    def _reindex(self) -> None:  # provided by Store
        raise NotImplementedError

    def _reindex_item(self, item_id: str) -> None:  # provided by Store
        raise NotImplementedError

    def _meta(self, key: str) -> Any:  # provided by Store
        raise NotImplementedError

    def _set_meta(self, key: str, value: Any) -> None:  # provided by Store
        raise NotImplementedError

    def _writing(self, action: str = "change") -> contextlib.AbstractContextManager[None]:  # provided by Store
        raise NotImplementedError

    record_audit: Callable[[str, str], None]
    """Add an entry to the audit log (provided by StoreMaintenance)."""

    @property
    def deadline_rules(self) -> DeadlineRules:
        """Days an agency has to answer a request, as set for this store (40 and 50 by default)."""
        return rules_from_meta(self._meta("deadline_rules"))

    def damaged_values(self) -> list[str]:
        """What the store file holds that no haicap command writes (a deadline in 9999, a null
        record, a malformed history row): one sentence each, with the fix. The store works
        around them (see `store.domain.checkup`); the command line warns about them."""
        from haicap.store.domain.checkup import store_problems

        return store_problems(self._db.storage.read() or {})

    def deadline_rules_damaged(self) -> bool:
        """Whether the stored rules hold a value `deadline_rules` cannot use (so the defaults
        stand in for it): setting the same rules again then repairs the store."""
        return bool(rules_problems(self._meta("deadline_rules")))

    def set_deadline_rules(self, rules: DeadlineRules) -> None:
        """Change the default answer deadlines of requests (days after the session, 1 to
        `MAX_ANSWER_DAYS`); a value out of range is refused and nothing is written."""
        for name in ("answer_days", "answer_days_with_co"):
            check_setting(getattr(rules, name), name.replace("_", "-"), 1, MAX_ANSWER_DAYS)
        with self._writing("config"):
            old = self.deadline_rules
            self._set_meta("deadline_rules", {"answer_days": rules.answer_days, "answer_days_with_co": rules.answer_days_with_co})
            self.record_audit(
                "config",
                f"answer-days {old.answer_days}/{old.answer_days_with_co} → {rules.answer_days}/{rules.answer_days_with_co}",
            )

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
            parsed = status if isinstance(status, RequestStatus) else parse_request_status(str(status))
            if parsed is None:
                allowed = "; ".join(f"{s.value} ({s.label_vi})" for s in RequestStatus)
                raise StoreError(f"'{status}' is not a request status; use one of: {allowed}")
            return self.update_tracking(item.id, who=who, status=parsed)
        if item.kind is Kind.DIRECTIVE:
            parsed = status if isinstance(status, DirectiveStatus) else parse_directive_status(str(status))
            if parsed is None:
                allowed = "; ".join(f"{s.value} ({s.label_vi})" for s in DirectiveStatus)
                raise StoreError(f"'{status}' is not a directive status; use one of: {allowed}")
            if parsed is DirectiveStatus.DONE:
                return self.update_tracking(item.id, who=who, done=item.tracking.done or today or dt.date.today())
            return self.update_tracking(item.id, who=who, done=None)
        raise StoreError(f"item {item.id} is an {item.kind.value} item: only requests and directives have a status")

    @_under_lock
    def update_tracking(
        self, item_id: str, *, who: str | None = None, expected_revision: int | None = None, **changes: Any
    ) -> Item:
        """Change follow-up fields (owner, co_agencies, deadline, done, status, answer, note,
        responds_to) of a request or directive, recording each change in history."""
        item = self._live(item_id, expected_revision)
        if item.kind not in TRACKED_KINDS:
            raise StoreError(f"item {item.id} is not a request or a directive: it has no follow-up fields")
        allowed = {"owner", "co_agencies", "deadline", "done", "note"}
        allowed |= {"status", "answer", "responds_to"} if item.kind is Kind.REQUEST else set()
        unknown = set(changes) - allowed
        if unknown:
            raise StoreError(f"item {item.id} ({item.kind.title_en.lower()}) has no field {', '.join(sorted(unknown))}")
        values = dict(changes)
        for key in ("owner", "answer", "note"):
            if key in changes and changes[key] is not None and not isinstance(changes[key], str):
                raise StoreError(f"{key} must be text, not {type(changes[key]).__name__}")
        for key in ("owner", "answer", "note"):
            if key in values:
                values[key] = clean(values[key] or "")
        if "co_agencies" in values:
            values["co_agencies"] = tuple(a for a in (clean(x) for x in values["co_agencies"] or ()) if a)
        for key in ("deadline", "done"):
            if values.get(key) is not None and not isinstance(values[key], dt.date):
                raise StoreError(f"{key} must be a date")
            if values.get(key) is not None:
                check_day(values[key], key)
        if values.get("done") is not None and values["done"] < item.session.date:
            raise StoreError(f"done: {values['done'].isoformat()} is before the session of {item.session.date.isoformat()}")
        if "responds_to" in values:
            values["responds_to"] = tuple(self._directive_ids(values["responds_to"] or ()))
        new_tracking = replace(item.tracking, **values)
        edits = [(key, getattr(item.tracking, key), getattr(new_tracking, key)) for key in values]
        # An unset request status means "Mới tiếp nhận": history says so rather than "—".
        edits = [(k, RequestStatus.NEW if k == "status" and old is None else old, new) for k, old, new in edits]
        return self._write(item, {"tracking": new_tracking.to_row()}, edits, who)

    def _directive_ids(self, ids: tuple[str, ...]) -> list[str]:
        found = []
        for text in ids:
            target = self.find_item(text)
            if target.kind is not Kind.DIRECTIVE:
                raise StoreError(f"item {target.id} is not a directive")
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
            raise StoreError("an item's text cannot be empty (delete the item instead)")
        return self._write(item, {"text": cleaned}, [("text", item.text, cleaned)], who)

    @_under_lock
    def edit_item(
        self,
        item_id: str,
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
        item = self.find_item(item_id)
        if not item.deleted:
            raise StoreError(f"item {item.id} is not deleted")
        return self._write(item, {"deleted": False}, [("deleted", True, False)], who)

    @_under_lock
    def add_item(self, session_id: str, commune_codes: tuple[str, ...], kind: Kind, text: str, *, who: str | None = None) -> Item:
        """Add an item an officer learnt of to a session, for some of its communes."""
        session = self._sessions.get(session_id)
        if session is None:
            raise StoreError(f"no session with id '{session_id}'")
        cleaned = clean(text)
        if not cleaned:
            raise StoreError("an item's text cannot be empty")
        stray = [code for code in commune_codes if code not in session.commune_codes]
        if not commune_codes or stray:
            raise StoreError("an added item must concern communes of its session")
        table = self._db.table("items")
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
        tables = self._db.storage.read() or {}
        self._record(tables, item_id, [("created", None, f"{kind.title_vi}: {cleaned}")], who, revision=1)
        self._db.storage.write(tables)
        self._reindex()
        return self._items_by_id[item_id]

    # -- internals --------------------------------------------------------------------

    def _live(self, item_id: str, expected_revision: int | None = None) -> Item:
        item = self.find_item(item_id)
        # Deleted first: whoever deleted it, saving over that is not possible anyway.
        if item.deleted:
            raise StoreError(f"item {item.id} is deleted; restore it first")
        if expected_revision is not None and item.revision != expected_revision:
            since = [entry for entry in self.history(item.id) if entry.revision > expected_revision]
            raise EditConflict(item, since)
        return item

    def _write(self, item: Item, fields: dict[str, Any], edits: list[tuple[str, Any, Any]], who: str | None) -> Item:
        """Update the item's record and record the edits that change something.

        Straight on the tables the storage holds rather than through TinyDB's `update`,
        which copies the whole items table twice per call (a quarter of a second on a
        national store). Inside the store's change the file is written once, at the end,
        or not at all if anything fails (see `AtomicJSONStorage.deferred`)."""
        edits = [(name, old, new) for name, old, new in edits if old != new]
        if not edits:
            return item
        tables = self._db.storage.read() or {}
        revision = item.revision + 1
        tables["items"][str(self._doc_ids[item.id])].update({**fields, "revision": revision})
        self._record(tables, item.id, edits, who, revision=revision)
        self._db.storage.write(tables)
        self._reindex_item(item.id)
        return self._items_by_id[item.id]

    @staticmethod
    def _record(
        tables: dict[str, dict[str, Any]], item_id: str, edits: list[tuple[str, Any, Any]], who: str | None, *, revision: int
    ) -> None:
        """Add one history entry per edit to `tables` (the caller writes them)."""
        when = now().isoformat(timespec="seconds")
        history = tables.setdefault("history", {})
        next_id = max(map(int, history), default=0) + 1
        for offset, (name, old, new) in enumerate(edits):
            history[str(next_id + offset)] = {
                "schema": SCHEMA_VERSION,
                "item": item_id,
                "revision": revision,
                "who": who or current_user(),
                "when": when,
                "field": name,
                "old": _show(old),
                "new": _show(new),
            }
