"""Moving a store written by an older haicap to the current record layout.

Each migration takes the whole store as TinyDB holds it, `{table: {doc_id: row}}`, and
returns it one schema version up. `Store` runs them under the write lock, after keeping
a backup (see `store.db.backups`), so an officer can go back with `haicap restore`.

    1 → 2   items and history entries get a `revision`: the number of saves an item has
            seen, so a save that started from an older revision is caught as a conflict.
    2 → 3   one file per province (`store.db.layout`): `split` moves each session, its
            items and their history into its province's file; the national file keeps
            the meta table and the audit log and gains the summary. Rows that name no
            province a file could take (a damaged session, an item of no session) are
            kept in the national file's `unplaced` table, never dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from haicap.store.domain.errors import StoreError
from haicap.store.domain.i18n import _

__all__ = ["ONE_FILE_SCHEMA", "SCHEMA_VERSION", "UNPLACED_TABLE", "empty_province", "migrate", "province_meta", "split"]

SCHEMA_VERSION = 3
"""Version of the record layout; every record and the store's meta table carry it."""

ONE_FILE_SCHEMA = 2
"""The last schema that kept the whole store in one file."""

UNPLACED_TABLE = "unplaced"
"""The national file's table of rows the split to province files could not place."""

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
"""For each one-file schema version, the step that takes a store from it to the next one."""


def migrate(data: Tables, version: int) -> Tables:
    """Return one-file `data` (at schema `version`) migrated to ONE_FILE_SCHEMA, meta
    included; `split` then makes the files of the current schema."""
    while version < ONE_FILE_SCHEMA:
        step = MIGRATIONS.get(version)
        if step is None:
            raise StoreError(_("no migration from schema version {version}").format(version=version))
        data = step(data)
        version += 1
    data.setdefault("meta", {}).setdefault("1", {})["schema_version"] = ONE_FILE_SCHEMA
    return data


def split(data: Tables) -> tuple[Tables, dict[str, Tables]]:
    """One-file `data` (at ONE_FILE_SCHEMA) as the national file's tables and each
    province's file's tables (`{code: tables}`), at SCHEMA_VERSION; document ids are kept."""
    meta = dict(data.get("meta", {}).get("1", {}) or {})
    meta["schema_version"] = SCHEMA_VERSION
    national: Tables = {"meta": {"1": meta}, "audit": dict(data.get("audit", {}))}
    unplaced: dict[str, Any] = {}
    provinces: dict[str, Tables] = {}

    def tables_of(code: str) -> Tables:
        if code not in provinces:
            provinces[code] = empty_province(code)
        return provinces[code]

    def keep_unplaced(table: str, doc_id: str, row: Any) -> None:
        unplaced[str(len(unplaced) + 1)] = {"table": table, "doc_id": doc_id, "row": row}

    session_province: dict[str, str] = {}
    for doc_id, row in (data.get("sessions") or {}).items():
        code = row.get("province") if isinstance(row, dict) else None
        if isinstance(code, str) and _is_code(code) and isinstance(row.get("id"), str):
            session_province[row["id"]] = code
            tables_of(code)["sessions"][doc_id] = {**row, "schema": SCHEMA_VERSION}
        else:
            keep_unplaced("sessions", doc_id, row)
    item_province: dict[str, str] = {}
    for doc_id, row in (data.get("items") or {}).items():
        code = session_province.get(str(row.get("session"))) if isinstance(row, dict) else None
        if code is None:
            keep_unplaced("items", doc_id, row)
            continue
        if isinstance(row.get("id"), str):
            item_province[row["id"]] = code
        tables_of(code)["items"][doc_id] = {**row, "schema": SCHEMA_VERSION}
    for doc_id, row in (data.get("history") or {}).items():
        code = item_province.get(str(row.get("item"))) if isinstance(row, dict) else None
        if code is None:
            keep_unplaced("history", doc_id, row)
            continue
        tables_of(code)["history"][doc_id] = {**row, "schema": SCHEMA_VERSION}
    if unplaced:
        national[UNPLACED_TABLE] = unplaced
    return national, provinces


def province_meta(code: str) -> dict[str, Any]:
    """The row of a province file's `meta` table: the schema and the province's code."""
    return {"schema_version": SCHEMA_VERSION, "province": code}


def empty_province(code: str) -> Tables:
    """The tables of province `code`'s file before it holds anything; the meta table first,
    which is how its backups are recognised (store.db.backups)."""
    return {"meta": {"1": province_meta(code)}, "sessions": {}, "items": {}, "history": {}}


def _is_code(text: str) -> bool:
    return len(text) == 2 and text.isdigit()
