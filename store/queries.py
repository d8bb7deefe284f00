"""Reading single items, sessions and history: by id or id prefix, filtered lists, text search.

`ItemQueries` is a part of `Store` (through `ItemEditing`), kept apart so each file holds
one concern. Everything here answers from the in-memory indexes, except the history,
which is read from the store's `history` table.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, TypeVar

from .errors import StoreError
from .history import HistoryEntry
from .models import Item, Kind, Session
from .text import fold

if TYPE_CHECKING:
    from tinydb import TinyDB

__all__ = ["ItemQueries", "MIN_ID_PREFIX"]

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
        rows = [r for r in self._db.table("history").all() if r.get("item") == item_id]
        entries = [
            HistoryEntry(
                item_id=r["item"],
                who=r["who"],
                when=dt.datetime.fromisoformat(r["when"]),
                field=r["field"],
                old=r.get("old", ""),
                new=r.get("new", ""),
                revision=r.get("revision", 0),
            )
            for r in rows
        ]
        return sorted(entries, key=lambda e: (e.revision, e.when))

    def last_change(self) -> HistoryEntry | None:
        """The newest history entry of the whole store (to say who changed what)."""
        rows = self._db.table("history").all()
        if not rows:
            return None
        # Times are kept to the second, so several changes may share the newest one; the
        # last written of them has the highest document id.
        row = max(rows, key=lambda r: (r["when"], r.doc_id))
        return HistoryEntry(
            row["item"], row["who"], dt.datetime.fromisoformat(row["when"]), row["field"],
            row.get("old", ""), row.get("new", ""), row.get("revision", 0),
        )

