"""Reading single items, sessions and history: by id or id prefix, filtered lists, text search.

`ItemQueries` is a part of `Store` (through `ItemEditing`), kept apart so each file holds
one concern. Everything here answers from the in-memory indexes, except the history,
which is read from the store's `history` table.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, TypeVar

from haicap.store.domain.errors import StoreError
from haicap.store.domain.history import HistoryEntry
from haicap.store.domain.models import Item, Kind, Session
from haicap.store.domain.text import fold

if TYPE_CHECKING:
    from tinydb import TinyDB

__all__ = ["MIN_ID_PREFIX", "ItemQueries"]

MIN_ID_PREFIX = 4
"""Shortest id prefix accepted where an item id is typed."""


Found = TypeVar("Found")


def by_id_or_prefix(table: dict[str, Found], text: str, noun: str, hint: str) -> Found:
    """The value of `table` whose id is `text`, or the only one whose id starts with it
    (at least MIN_ID_PREFIX characters); StoreError naming the reason otherwise."""
    wanted = text.strip()
    if wanted in table:
        return table[wanted]
    found = [value for key, value in table.items() if key.startswith(wanted)] if len(wanted) >= MIN_ID_PREFIX else []
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise StoreError(f"{noun} id '{wanted}' is ambiguous ({len(found)} {noun}s start with it); give more of it")
    raise StoreError(f"no {noun} with id '{wanted}'{hint}")


class ItemQueries:
    """Single items, lists of items, and the history of changes."""

    _db: TinyDB
    _sessions: dict[str, Session]
    _items_by_id: dict[str, Item]
    _items_by_province: dict[str, list[Item]]

    def item(self, item_id: str) -> Item | None:
        """The item with this exact id (deleted ones included), or None."""
        return self._items_by_id.get(item_id)

    def find_item(self, text: str) -> Item:
        """The item whose id is `text` or starts with it (at least 4 characters); StoreError
        naming the reason when there is none or several."""
        return by_id_or_prefix(self._items_by_id, text, "item", "")

    def find_session(self, text: str) -> Session:
        """The session whose id is `text` or starts with it (at least 4 characters); StoreError
        naming the reason when there is none or several."""
        return by_id_or_prefix(self._sessions, text, "session", " (haicap items --json shows session ids)")

    def items(
        self,
        *,
        commune_codes: tuple[str, ...] | None = None,
        province_code: str | None = None,
        kinds: tuple[Kind, ...] | None = None,
    ) -> list[Item]:
        """Live (not deleted) items, newest session first, filtered by communes, province, kinds."""
        result = []
        # A province's items are indexed: the overview asks for each of 34 provinces in turn.
        source = self._items_by_province.get(province_code, []) if province_code else self._items_by_id.values()
        for item in source:
            if item.deleted:
                continue
            if kinds and item.kind not in kinds:
                continue
            if province_code and item.session.province.code != province_code:
                continue
            if commune_codes and not set(item.commune_codes) & set(commune_codes):
                continue
            result.append(item)
        return result

    def search_items(self, query: str) -> list[Item]:
        """Live items whose text contains every word of `query`, diacritics and case ignored."""
        words = fold(query).split()
        if not words:
            return []
        return [i for i in self.items() if all(w in fold(i.text) for w in words)]

    def history(self, item_id: str) -> list[HistoryEntry]:
        """Every recorded change of the item, oldest first."""
        rows = [r for r in self._history_rows() if r.get("item") == item_id]
        entries = [entry for entry in map(_history_entry, rows) if entry is not None]
        return sorted(entries, key=lambda e: (e.revision, e.when))

    def _history_rows(self) -> list[dict[str, Any]]:
        """The history records as stored; a null one (a damaged file) is left out."""
        table = (self._db.storage.read() or {}).get("history") or {}
        if not isinstance(table, dict):
            return []
        ordered = sorted(table.items(), key=lambda pair: int(pair[0]) if str(pair[0]).isdigit() else 0)
        return [row for _, row in ordered if isinstance(row, dict)]

    def last_change(self) -> HistoryEntry | None:
        """The newest history entry of the whole store (to say who changed what)."""
        # Times are kept to the second, so several changes may share the newest one; the
        # last written of them comes last in the table (records keep their insertion order).
        entries = [entry for entry in map(_history_entry, self._history_rows()) if entry is not None]
        if not entries:
            return None
        return _newest(entries)


def _newest(entries: list[HistoryEntry]) -> HistoryEntry:
    """The entry with the latest time; of several with the same time, the last recorded."""
    best = entries[0]
    for entry in entries[1:]:
        if entry.when >= best.when:
            best = entry
    return best


def _history_entry(row: dict[str, Any]) -> HistoryEntry | None:
    """A history record as an entry; None for a malformed one (`store.domain.checkup` names it)."""
    try:
        when = dt.datetime.fromisoformat(row["when"])
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        return HistoryEntry(
            item_id=row["item"],
            who=str(row["who"]),
            when=when,
            field=str(row["field"]),
            old=str(row.get("old", "")),
            new=str(row.get("new", "")),
            revision=row["revision"] if isinstance(row.get("revision"), int) else 0,
        )
    except (KeyError, TypeError, ValueError):
        return None
