"""The in-memory indexes a store hands the UI from: no keypress reads or scans the file.

`Indexes` is built from the rows of the store file. Items are indexed by id, by commune
(what the panes show) and by province (what the overview counts); sessions by id and by
commune. The store rebuilds them whole when it reads the file again; a single edit
updates them in place (`replace_item`) rather than rebuilding them.
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
"""What `_index` builds, in the order of the attributes of `Indexes`."""


class Indexes:
    """The sessions and items of the store file as domain objects, indexed for the UI."""

    def __init__(self, rows: Tables, registry: Registry, where: object) -> None:
        self.registry = registry
        """The registry the rows' province and commune codes refer to."""
        self.where = where
        """The store, as errors name it (its folder, or "store")."""
        (
            self.sessions,
            self.items_by_id,
            self.doc_ids,
            self.items_by_province,
            self.sessions_by_commune,
            self.items_by_commune,
        ) = _index(rows, registry, where)
        self._by_day: dict[tuple[dt.date, str], list[Session]] | None = None

    def rebuild(self, rows: Tables) -> None:
        """Index `rows` instead (the file was read again, or a change touched many items)."""
        (
            self.sessions,
            self.items_by_id,
            self.doc_ids,
            self.items_by_province,
            self.sessions_by_commune,
            self.items_by_commune,
        ) = _index(rows, self.registry, self.where)
        self._by_day = None

    def replace_item(self, item_id: str, row: dict[str, Any] | None) -> bool:
        """Show `row` as the item `item_id` without rebuilding everything: an edit in a store
        of 300,000 items must not cost a full rebuild. False when that cannot be done (the
        record moved, or the change adds or removes the item from the panes): the caller
        then rebuilds."""
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
        """Sessions by date and province, built on first use after each rebuild (an import of
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
