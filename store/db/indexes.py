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
from haicap.store.domain.text import fold
from haicap.store.domain.tracking import Tracking

__all__ = ["Indexes", "item_from_row"]

_KIND_BY_VALUE = {kind.value: kind for kind in Kind}
"""A dict lookup instead of calling the enum, once per item of the store."""

_Raw = tuple[int, dict[str, Any]]
"""An item's record as stored: (document id in its province's file, the row)."""


class _Province:
    """What is indexed of one province's file: its sessions at once; its items' rows by id
    at once, as domain objects only when asked for."""

    def __init__(self, rows: Tables, registry: Registry, where: object) -> None:
        sessions: dict[str, Session] = {}
        for row in (rows.get("sessions") or {}).values():
            session = _usable_session(row, registry, where)
            if session is not None:
                sessions[session.id] = session
        self.sessions = sessions
        newest = sorted(sessions.values(), key=lambda s: (s.date, s.id), reverse=True)
        self.rank = {s.id: rank for rank, s in enumerate(newest)}
        """Each session's place, newest first."""
        by_commune: dict[str, list[Session]] = {}
        for session in newest:
            for code in session.commune_codes:
                by_commune.setdefault(code, []).append(session)
        self.sessions_by_commune = {code: tuple(found) for code, found in by_commune.items()}
        # A record damaged by hand or by an older haicap (null, a field missing or of the
        # wrong type) is left out rather than stopping every view; `store.domain.checkup`
        # names it. Only the rows' ids are read here: a command about one item of a
        # province of 20,000 never builds the other 19,999.
        raw: dict[str, _Raw] = {}
        for doc_id, row in (rows.get("items") or {}).items():
            if isinstance(row, dict) and row.get("session") in sessions and "id" in row:
                raw[str(row["id"])] = (int(doc_id), row)
        self.raw = raw
        self._ordered: list[str] | None = None
        self._by_commune: dict[str, list[str]] | None = None
        self._sorted: set[str] = set()
        """Communes whose ids in `_by_commune` are in order."""

    def ordered(self) -> list[str]:
        """Item ids newest session first, in each session's order (built on first use)."""
        if self._ordered is None:
            rank = self.rank
            self._ordered = sorted(self.raw, key=lambda i: (rank[self.raw[i][1]["session"]], _order(self.raw[i][1])))
        return self._ordered

    def by_commune(self, code: str) -> list[str]:
        """Item ids of commune `code`, in `ordered` order. The ids of every commune are
        grouped on first use, each commune's put in order when first asked for: the
        dashboard's first commune costs one pass over the province, not a sort of it."""
        if self._by_commune is None:
            found: dict[str, list[str]] = {}
            for item_id, (_doc_id, row) in self.raw.items():
                communes = row.get("communes")
                if isinstance(communes, list):
                    for commune in communes:
                        if isinstance(commune, str):
                            found.setdefault(commune, []).append(item_id)
            self._by_commune = found
        ids = self._by_commune.get(code)
        if not ids:
            return []
        if code not in self._sorted:
            rank, raw = self.rank, self.raw
            ids.sort(key=lambda i: (rank[raw[i][1]["session"]], _order(raw[i][1])))
            self._sorted.add(code)
        return ids


class Indexes:
    """The sessions and items of the loaded province files as domain objects, indexed for the UI.

    A store loads a province's file when something asks for it (`store.db.content`);
    `load` indexes one province's rows, replacing what was indexed of it before, so reading
    one province again never touches the others. Items become domain objects when first
    asked for (one item for an edit, one commune for the panes, a province for the
    overview), each once."""

    def __init__(self, registry: Registry, where: object) -> None:
        self.registry = registry
        """The registry the rows' province and commune codes refer to."""
        self.where = where
        """The store, as errors name it (its folder, or "store")."""
        self.sessions: dict[str, Session] = {}
        """Sessions of the loaded provinces by id."""
        self.loaded: set[str] = set()
        """The codes of the provinces indexed."""
        self._provinces: dict[str, _Province] = {}
        self._province_of: dict[str, str] = {}
        """The province of every item id indexed."""
        self._items: dict[str, Item | None] = {}
        """Items built so far (None: a damaged record, left out)."""
        self._by_day: dict[tuple[dt.date, str], list[Session]] | None = None

    # -- loading ----------------------------------------------------------------------

    def load(self, code: str, rows: Tables) -> None:
        """Index `rows`, the tables of province `code`'s file, instead of what was indexed of it."""
        part = _Province(rows, self.registry, self.where)
        self.forget(code)
        self._provinces[code] = part
        self.sessions.update(part.sessions)
        self._province_of.update(dict.fromkeys(part.raw, code))
        self.loaded.add(code)
        self._by_day = None

    def forget(self, code: str) -> None:
        """Drop what is indexed of province `code` (nothing when it is not loaded)."""
        part = self._provinces.pop(code, None)
        self.loaded.discard(code)
        if part is None:
            return
        for session_id in part.sessions:
            self.sessions.pop(session_id, None)
        for item_id in part.raw:
            self._province_of.pop(item_id, None)
            self._items.pop(item_id, None)
        self._by_day = None

    # -- reading ----------------------------------------------------------------------

    def item(self, item_id: str) -> Item | None:
        """The item with this id (deleted ones too), or None (not loaded, or damaged)."""
        if item_id in self._items:
            return self._items[item_id]
        code = self._province_of.get(item_id)
        if code is None:
            return None
        part = self._provinces[code]
        _doc_id, row = part.raw[item_id]
        try:
            item: Item | None = item_from_row(row, part.sessions[row["session"]])
        except (KeyError, TypeError, ValueError):
            item = None
        self._items[item_id] = item
        return item

    def item_ids(self) -> list[str]:
        """The ids of every item of the loaded provinces."""
        return list(self._province_of)

    def doc_id(self, item_id: str) -> int:
        """The item's document id in its province's file."""
        return self._provinces[self._province_of[item_id]].raw[item_id][0]

    def province_items(self, code: str) -> list[Item]:
        """The items of province `code` (deleted ones too), newest session first."""
        part = self._provinces.get(code)
        if part is None:
            return []
        return [item for item in map(self.item, part.ordered()) if item is not None]

    def matching(self, code: str, words: list[str]) -> list[Item]:
        """The live items of province `code` whose folded text holds every one of `words`
        (already folded), newest session first: the rows' texts are read, and only the hits
        become items (a search of the whole country reads 320,000 texts, not objects)."""
        part = self._provinces.get(code)
        if part is None:
            return []
        found = []
        for item_id in part.ordered():
            row = part.raw[item_id][1]
            text = row.get("text")
            if row.get("deleted") or not isinstance(text, str):
                continue
            folded = fold(text)
            if all(word in folded for word in words):
                item = self.item(item_id)
                if item is not None:
                    found.append(item)
        return found

    def commune_items(self, code: str) -> tuple[Item, ...]:
        """The live items of commune `code`, newest session first."""
        found = []
        for part in self._parts_of_commune(code):
            ids = part.by_commune(code)
            if ids:
                found += [item for item in map(self.item, ids) if item is not None and not item.deleted]
        return tuple(found)

    def commune_sessions(self, code: str) -> tuple[Session, ...]:
        """The sessions of commune `code`, newest first."""
        for part in self._parts_of_commune(code):
            found = part.sessions_by_commune.get(code)
            if found:
                return found
        return ()

    def _parts_of_commune(self, code: str) -> list[_Province]:
        """The indexed province that commune `code` belongs to (every one, for a code the
        registry does not know: a damaged record may name it)."""
        commune = self.registry.commune(code)
        part = self._provinces.get(commune.province.code) if commune is not None else None
        if part is not None:
            return [part]
        return [] if commune is not None else list(self._provinces.values())

    def province_sessions(self, code: str) -> list[Session]:
        """The sessions of province `code`."""
        part = self._provinces.get(code)
        return list(part.sessions.values()) if part is not None else []

    # -- changing ---------------------------------------------------------------------

    def replace_item(self, item_id: str, row: dict[str, Any] | None) -> bool:
        """Show `row` as the item `item_id` without reindexing its province: an edit in a
        province of 20,000 items must not cost a full rebuild. False when that cannot be
        done (the record moved, or the change moves the item to other communes): the
        caller then reloads the province."""
        code = self._province_of.get(item_id)
        old = self.item(item_id)
        if code is None or old is None or row is None or row.get("id") != item_id:
            return False  # the record moved (another process rewrote the table)
        part = self._provinces[code]
        part.raw[item_id] = (part.raw[item_id][0], row)
        new = self._items[item_id] = item_from_row(row, old.session)
        return old.commune_codes == new.commune_codes

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
