"""The in-memory indexes a store hands the UI from: no keypress reads or scans the file.

`StoreIndexes` is a part of `Store` (a mixin, to keep the file of each concern short).
Items are indexed by id, by commune (what the panes show) and by province (what the
overview counts); a single edit updates them in place rather than rebuilding them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from haicap.store.domain.errors import StoreError
from haicap.store.domain.models import Item, Kind, Person, Session
from haicap.store.domain.registry import Registry
from haicap.store.domain.tracking import Tracking

if TYPE_CHECKING:
    from tinydb import TinyDB

__all__ = ["StoreIndexes"]

_KIND_BY_VALUE = {kind.value: kind for kind in Kind}
"""A dict lookup instead of calling the enum, once per item of the store."""


def _order(row: dict[str, Any]) -> int:
    order = row.get("order")
    return order if isinstance(order, int) else 0


class StoreIndexes:
    """Sessions and items of the store file as domain objects, indexed for the UI."""

    _db: TinyDB
    registry: Registry
    location: Path | None
    _seen_state: tuple[int, int, int] | None

    def _file_state(self) -> tuple[int, int, int] | None:  # provided by Store
        raise NotImplementedError

    def _reindex(self) -> None:
        """Build the in-memory indexes the UI reads from, so no keypress scans the file."""
        self._seen_state = self._file_state()  # before reading: a write in between is seen next time
        # The rows as the storage holds them (keyed by document id): TinyDB's `all()` would
        # wrap each of 300,000 rows in a Document first.
        tables = self._db.storage.read() or {}
        sessions = {}
        for row in (tables.get("sessions") or {}).values():
            session = self._usable_session(row)
            if session is not None:
                sessions[session.id] = session
        by_commune: dict[str, list[Session]] = {}
        for session in sessions.values():
            for code in session.commune_codes:
                by_commune.setdefault(code, []).append(session)
        newest_first = {
            s.id: rank for rank, s in enumerate(sorted(sessions.values(), key=lambda s: (s.date, s.id), reverse=True))
        }
        items: dict[str, list[Item]] = {}
        by_id: dict[str, Item] = {}
        doc_ids: dict[str, int] = {}
        by_province: dict[str, list[Item]] = {}
        # A record damaged by hand or by an older haicap (null, a field missing or of the wrong
        # type) is left out rather than stopping every view; `store.domain.checkup` names it.
        usable = [
            (d, r) for d, r in (tables.get("items") or {}).items() if isinstance(r, dict) and isinstance(r.get("session"), str)
        ]
        rows = sorted(usable, key=lambda pair: (newest_first.get(pair[1]["session"], 0), _order(pair[1])))
        for doc_id, row in rows:
            session = sessions.get(row["session"])
            if session is None:
                continue  # an item whose session is gone is not shown
            try:
                item = self._item_from_row(row, session)
            except (KeyError, TypeError, ValueError):
                continue
            by_id[item.id] = item
            doc_ids[item.id] = int(doc_id)
            by_province.setdefault(session.province.code, []).append(item)
            if item.deleted:
                continue
            for code in item.commune_codes:
                items.setdefault(code, []).append(item)
        self._items_by_id = by_id
        self._doc_ids = doc_ids
        self._items_by_province = by_province
        self._sessions = sessions
        self._sessions_by_commune = {
            code: tuple(sorted(found, key=lambda s: newest_first[s.id])) for code, found in by_commune.items()
        }
        self._items_by_commune = {code: tuple(found) for code, found in items.items()}

    def _usable_session(self, row: Any) -> Session | None:
        """The session of a record, or None for a damaged one (an unknown province still raises)."""
        if not isinstance(row, dict) or not isinstance(row.get("province"), str):
            return None
        try:
            return self._session_from_row(row)
        except (KeyError, TypeError, ValueError, AttributeError):
            return None

    @staticmethod
    def _item_from_row(row: dict[str, Any], session: Session) -> Item:
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

    def _reindex_item(self, item_id: str) -> None:
        """Update the indexes for one changed item, without rebuilding them all: an edit
        in a store of 300,000 items must not cost a full rebuild. A change that adds or
        removes the item from the panes (deleted, restored) rebuilds its communes' lists."""
        old = self._items_by_id[item_id]
        row = self._db.table("items").get(doc_id=self._doc_ids[item_id])
        if row is None or row.get("id") != item_id:
            self._reindex()  # the record moved (another process rewrote the table)
            return
        new = self._item_from_row(row, old.session)
        self._items_by_id[item_id] = new
        in_province = self._items_by_province[new.session.province.code]
        in_province[next(n for n, shown in enumerate(in_province) if shown is old)] = new
        for code in set(old.commune_codes) | set(new.commune_codes):
            shown = self._items_by_commune.get(code, ())
            if old.deleted == new.deleted and old.commune_codes == new.commune_codes:
                self._items_by_commune[code] = tuple(new if i.id == item_id else i for i in shown)
            else:
                self._reindex()
                return

    def _session_from_row(self, row: dict[str, Any]) -> Session:
        province = next((p for p in self.registry.provinces if p.code == row["province"]), None)
        if province is None:
            raise StoreError(f"{self.location or 'store'}: session {row.get('id')} names unknown province {row['province']}")
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
