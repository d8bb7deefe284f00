"""Moving a store written by an older haicap to the current record layout.

Each migration takes the whole store as TinyDB holds it, `{table: {doc_id: row}}`, and
returns it one schema version up. `Store` runs them under the write lock, after keeping
a backup (see `store.db.backups`), so an officer can go back with `haicap restore`.

    1 → 2   items and history entries get a `revision`: the number of saves an item has
            seen, so a save that started from an older revision is caught as a conflict.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from haicap.store.domain.errors import StoreError
from haicap.store.domain.i18n import _

__all__ = ["SCHEMA_VERSION", "migrate"]

SCHEMA_VERSION = 2
"""Version of the record layout; every record and the store's meta table carry it."""

Tables = dict[str, dict[str, dict[str, Any]]]


def _add_revisions(data: Tables) -> Tables:
    """Schema 2: count the saves of each item from its history.

    Schema 1 wrote one history entry per changed field, all with the same time (to the
    second) and user for one save. Consecutive entries of an item that share both are one
    save, unless a field comes again (one save changes a field once); two saves by one
    user within one second that change different fields cannot be told apart and count
    as one, which only makes a later conflict check start from a lower number.
    """
    history = data.get("history", {})
    revisions: dict[str, int] = {}
    current: dict[str, tuple[str, str, set[str]]] = {}  # item -> (when, who, fields) of its latest save
    for doc_id in sorted(history, key=int):  # insertion order is the order of the saves
        row = history[doc_id]
        item, field = row.get("item", ""), row.get("field", "")
        save = current.get(item)
        if save is None or save[:2] != (row.get("when", ""), row.get("who", "")) or field in save[2]:
            revisions[item] = revisions.get(item, 0) + 1
            save = current[item] = (row.get("when", ""), row.get("who", ""), set())
        save[2].add(field)
        row["revision"] = revisions[item]
        row["schema"] = 2
    for row in data.get("items", {}).values():
        row["revision"] = revisions.get(row.get("id", ""), 0)
        row["schema"] = 2
    for row in data.get("sessions", {}).values():
        row["schema"] = 2
    return data


MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {1: _add_revisions}
"""For each schema version, the step that takes a store from it to the next one."""


def migrate(data: Tables, version: int) -> Tables:
    """Return `data` (at schema `version`) migrated to SCHEMA_VERSION, meta included."""
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise StoreError(_("no migration from schema version {version}").format(version=version))
        data = step(data)
        version += 1
    data.setdefault("meta", {}).setdefault("1", {})["schema_version"] = SCHEMA_VERSION
    return data
