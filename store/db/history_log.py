"""The `history` table: one entry per changed field of an item, who changed it and when.

Entries are added to the tables of a change under way (the caller writes them with the
item, in one write: see `StoreDatabase.change`) and read back as
`store.domain.history.HistoryEntry`. A malformed entry (a damaged file) is left out when
read; `store.domain.checkup` names it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from haicap.store.db.migrations import SCHEMA_VERSION
from haicap.store.db.tables import Tables
from haicap.store.domain.clock import now
from haicap.store.domain.history import HistoryEntry, current_user
from haicap.store.domain.models import Kind
from haicap.store.domain.tracking import DirectiveStatus, RequestStatus

__all__ = ["HISTORY_TABLE", "Edit", "add_entries", "add_rows", "entries", "entry_from_row", "newest", "shown"]

HISTORY_TABLE = "history"
"""Name of the table in the store file."""

Edit = tuple[str, Any, Any]
"""One changed field: (name, old value, new value)."""


def shown(value: Any) -> str:
    """A field value as history and messages show it."""
    if value is None:
        return ""
    if isinstance(value, Kind):
        return value.title_vi
    if isinstance(value, (RequestStatus, DirectiveStatus)):
        return value.label_vi
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def add_entries(tables: Tables, item_id: str, edits: list[Edit], who: str | None, *, revision: int, source: str = "") -> None:
    """Add one entry per edit of the item to `tables`, as its save number `revision`; `source`
    names the file the change came from (see `HistoryEntry.source`)."""
    rows = [(item_id, name, shown(old), shown(new)) for name, old, new in edits]
    add_rows(tables, rows, who, revision=revision, source=source)


def add_rows(tables: Tables, rows: list[tuple[str, str, str, str]], who: str | None, *, revision: int, source: str = "") -> None:
    """Add entries (item id, field, old, new: already as shown) to `tables`, all at one time by `who`
    (default: the OS user), from the file `source` if one is named."""
    history = tables.setdefault(HISTORY_TABLE, {})
    next_id = max(map(int, history), default=0) + 1
    when = now().isoformat(timespec="seconds")
    user = who or current_user()
    for offset, (item_id, name, old, new) in enumerate(rows):
        history[str(next_id + offset)] = {
            "schema": SCHEMA_VERSION,
            "item": item_id,
            "revision": revision,
            "who": user,
            "when": when,
            "field": name,
            "old": old,
            "new": new,
            # Only when a file is named: the records of every other change stay as they were.
            **({"source": source} if source else {}),
        }


def entries(tables: Tables, item_id: str | None = None) -> list[HistoryEntry]:
    """The readable entries in `tables` (of the item `item_id`, or all), in the order written."""
    table = tables.get(HISTORY_TABLE) or {}
    if not isinstance(table, dict):
        return []
    ordered = sorted(table.items(), key=lambda pair: int(pair[0]) if str(pair[0]).isdigit() else 0)
    rows = [row for _, row in ordered if isinstance(row, dict) and (item_id is None or row.get("item") == item_id)]
    return [entry for entry in map(entry_from_row, rows) if entry is not None]


def newest(found: list[HistoryEntry]) -> HistoryEntry | None:
    """The entry with the latest time; of several with the same time, the last recorded.

    Times are kept to the second, so several changes may share the newest one; the last
    written of them comes last in the table (records keep their insertion order)."""
    if not found:
        return None
    best = found[0]
    for entry in found[1:]:
        if entry.when >= best.when:
            best = entry
    return best


def entry_from_row(row: dict[str, Any]) -> HistoryEntry | None:
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
            source=row["source"] if isinstance(row.get("source"), str) else "",
        )
    except (KeyError, TypeError, ValueError):
        return None
