"""The in-memory indexes a store hands the UI from: no keypress reads or scans the file.

`Indexes` is built from the rows of the province files the store has loaded. Items are
indexed by id, by commune (what the panes show) and by province (what the overview
counts); sessions by id and by commune. The store reindexes a province whole when it reads
its file again; a single edit updates them in place (`replace_item`) rather than
reindexing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from haicap.store.db.tables import Tables
from haicap.store.domain.errors import StoreError
from haicap.store.domain.i18n import _
from haicap.store.domain.models import Item, Kind, Person, Session
from haicap.store.domain.registry import Registry
from haicap.store.domain.tracking import Tracking

__all__ = ["Indexes", "item_from_row"]

_KIND_BY_VALUE = {kind.value: kind for kind in Kind}
"""A dict lookup instead of calling the enum, once per item of the store."""

_Built = tuple[
    dict[str, Session],
    dict[str, Item],
    dict[str, int],
    dict[str, list[Item]],
    dict[str, tuple[Session, ...]],
    dict[str, tuple[Item, ...]],
]
"""What `_index` builds from one file's rows, in the order of the attributes of `Indexes`."""


class Indexes:
    """The sessions and items of the loaded province files as domain objects, indexed for the UI.

    A store loads a province's file when something asks for it (`store.db.province_files`);
    `load` indexes one province's rows, replacing what was indexed of it before, so reading
    one province again never rebuilds the others."""

    def __init__(self, registry: Registry, where: object) -> None:
        self.registry = registry
        """The registry the rows' province and commune codes refer to."""
        self.where = where
        """The store, as errors name it (its folder, or "store")."""
        self.sessions: dict[str, Session] = {}
        """Sessions of the loaded provinces by id."""
        self.items_by_id: dict[str, Item] = {}
        """Items of the loaded provinces (deleted ones included) by id."""
        self.doc_ids: dict[str, int] = {}
        """Each item's document id in its province's file."""
        self.items_by_province: dict[str, list[Item]] = {}
        """Items of each loaded province, newest session first."""
        self.sessions_by_commune: dict[str, tuple[Session, ...]] = {}
        """Sessions of each commune, newest first."""
        self.items_by_commune: dict[str, tuple[Item, ...]] = {}
        """Live items of each commune, newest session first."""
        self.loaded: set[str] = set()
        """The codes of the provinces indexed."""
        self._parts: dict[str, tuple[set[str], set[str], set[str]]] = {}
        self._by_day: dict[tuple[dt.date, str], list[Session]] | None = None

    def load(self, code: str, rows: Tables) -> None:
        """Index `rows`, the tables of province `code`'s file, instead of what was indexed of it."""
        self.forget(code)
        sessions, by_id, doc_ids, by_province, sessions_by_commune, items_by_commune = _index(rows, self.registry, self.where)
        self.sessions.update(sessions)
        self.items_by_id.update(by_id)
        self.doc_ids.update(doc_ids)
        self.items_by_province[code] = [item for found in by_province.values() for item in found]
        self.sessions_by_commune.update(sessions_by_commune)
        self.items_by_commune.update(items_by_commune)
        self._parts[code] = (set(sessions), set(by_id), set(sessions_by_commune) | set(items_by_commune))
        self.loaded.add(code)
        self._by_day = None

    def forget(self, code: str) -> None:
        """Drop what is indexed of province `code` (nothing when it is not loaded)."""
        part = self._parts.pop(code, None)
        self.loaded.discard(code)
        self.items_by_province.pop(code, None)
        if part is None:
            return
        session_ids, item_ids, commune_codes = part
        for session_id in session_ids:
            self.sessions.pop(session_id, None)
        for item_id in item_ids:
            self.items_by_id.pop(item_id, None)
            self.doc_ids.pop(item_id, None)
        for commune_code in commune_codes:
            self.sessions_by_commune.pop(commune_code, None)
            self.items_by_commune.pop(commune_code, None)
        self._by_day = None

    def replace_item(self, item_id: str, row: dict[str, Any] | None) -> bool:
        """Show `row` as the item `item_id` without reindexing its province: an edit in a
        province of 20,000 items must not cost a full rebuild. False when that cannot be
        done (the record moved, or the change adds or removes the item from the panes): the
        caller then reloads the province."""
        old = self.items_by_id[item_id]
        if row is None or row.get("id") != item_id:
            return False  # the record moved (another process rewrote the table)
        new = item_from_row(row, old.session)
        self.items_by_id[item_id] = new
        in_province = self.items_by_province[new.session.province.code]
        in_province[next(n for n, shown in enumerate(in_province) if shown is old)] = new
        if old.deleted != new.deleted or old.commune_codes != new.commune_codes:
            return False
        for code in new.commune_codes:
            shown = self.items_by_commune.get(code, ())
            self.items_by_commune[code] = tuple(new if i.id == item_id else i for i in shown)
        return True

    def sessions_by_day(self) -> dict[tuple[dt.date, str], list[Session]]:
        """Sessions by date and province, built on first use after each load (an import of
        1,000 articles into a national store asks once per article)."""
        if self._by_day is None:
            by_day: dict[tuple[dt.date, str], list[Session]] = {}
            for session in self.sessions.values():
                by_day.setdefault((session.date, session.province.code), []).append(session)
            self._by_day = by_day
        return self._by_day


def _order(row: dict[str, Any]) -> int:
    order = row.get("order")
    return order if isinstance(order, int) else 0


def _index(rows: Tables, registry: Registry, where: object) -> _Built:
    """Index the sessions and items of `rows` (the storage's own dictionaries, keyed by
    document id: TinyDB's `all()` would wrap each of 300,000 rows in a Document first)."""
    sessions = {}
    for row in (rows.get("sessions") or {}).values():
        session = _usable_session(row, registry, where)
        if session is not None:
            sessions[session.id] = session
    by_commune: dict[str, list[Session]] = {}
    for session in sessions.values():
        for code in session.commune_codes:
            by_commune.setdefault(code, []).append(session)
    newest_first = {s.id: rank for rank, s in enumerate(sorted(sessions.values(), key=lambda s: (s.date, s.id), reverse=True))}
    items: dict[str, list[Item]] = {}
    by_id: dict[str, Item] = {}
    doc_ids: dict[str, int] = {}
    by_province: dict[str, list[Item]] = {}
    # A record damaged by hand or by an older haicap (null, a field missing or of the wrong
    # type) is left out rather than stopping every view; `store.domain.checkup` names it.
    usable = [(d, r) for d, r in (rows.get("items") or {}).items() if isinstance(r, dict) and isinstance(r.get("session"), str)]
    ordered = sorted(usable, key=lambda pair: (newest_first.get(pair[1]["session"], 0), _order(pair[1])))
    for doc_id, row in ordered:
        session = sessions.get(row["session"])
        if session is None:
            continue  # an item whose session is gone is not shown
        try:
            item = item_from_row(row, session)
        except (KeyError, TypeError, ValueError):
            continue
        by_id[item.id] = item
        doc_ids[item.id] = int(doc_id)
        by_province.setdefault(session.province.code, []).append(item)
        if item.deleted:
            continue
        for code in item.commune_codes:
            items.setdefault(code, []).append(item)
    sessions_by_commune = {code: tuple(sorted(found, key=lambda s: newest_first[s.id])) for code, found in by_commune.items()}
    items_by_commune = {code: tuple(found) for code, found in items.items()}
    return sessions, by_id, doc_ids, by_province, sessions_by_commune, items_by_commune


def _usable_session(row: Any, registry: Registry, where: object) -> Session | None:
    """The session of a record, or None for a damaged one (an unknown province still raises)."""
    if not isinstance(row, dict) or not isinstance(row.get("province"), str):
        return None
    try:
        return _session_from_row(row, registry, where)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def item_from_row(row: dict[str, Any], session: Session) -> Item:
    """The item a record of the `items` table holds, in `session`."""
    text = row["text"]
    return Item(
        id=str(row["id"]),
        kind=_KIND_BY_VALUE[row["kind"]],
        text=text if isinstance(text, str) else str(text),
        session=session,
        commune_codes=tuple(row["communes"]),
        tracking=Tracking.from_row(row.get("tracking")),
        deleted=bool(row.get("deleted")),
        added_by_hand=bool(row.get("by_hand")),
        revision=row.get("revision", 0),
    )


def _session_from_row(row: dict[str, Any], registry: Registry, where: object) -> Session:
    province = next((p for p in registry.provinces if p.code == row["province"]), None)
    if province is None:
        raise StoreError(
            _("{path}: session {session} names unknown province {province}").format(
                path=where, session=row.get("id"), province=row["province"]
            )
        )
    return Session(
        id=row["id"],
        date=dt.date.fromisoformat(row["date"]),
        province=province,
        leader=Person(**row["leader"]),
        participants=tuple(Person(**p) for p in row.get("participants", ())),
        title=row["title"],
        source=row.get("source", ""),
        commune_codes=tuple(row["communes"]),
        also_reported_by=tuple(row.get("also_reported_by", ())),
    )
