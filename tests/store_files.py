"""The files of a store folder, for tests that look at or damage them (see `store.db.layout`).

Since schema 3 a store is a national file (`haicap.json`: meta, audit, summary) and one
file per province (`province-38.json`: sessions, items, history). `tables` reads them back
as the one-file view the older tests were written against; `write_one_file` writes such a
view as a schema-2 store, which the next opening splits (a real migration, as an officer
upgrading haicap gets).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from haicap.store.db.layout import NATIONAL_FILE, PROVINCE_TABLES, province_file, province_of_file

SEED_PROVINCE = "38"
"""Thanh Hóa: the province of the bundled seed session."""


def province_path(folder: Path, code: str = SEED_PROVINCE) -> Path:
    """The file of province `code` in the store `folder`."""
    return folder / province_file(code)


def province_files(folder: Path) -> list[Path]:
    """Every province file of the store `folder`, in code order."""
    return sorted(path for path in folder.iterdir() if province_of_file(path.name))


def tables(folder: Path) -> dict[str, Any]:
    """The national file's tables with every province file's sessions, items and history
    merged in. Each province's file numbers its rows from 1: use it on a store of one
    province (the seeds), or see `province_stores.py` for several."""
    data: dict[str, Any] = json.loads((folder / NATIONAL_FILE).read_text(encoding="utf-8"))
    for name in PROVINCE_TABLES:
        data.setdefault(name, {})
    for path in province_files(folder):
        province = json.loads(path.read_text(encoding="utf-8"))
        for name in PROVINCE_TABLES:
            data[name].update(province.get(name, {}))
    return data


def write_one_file(folder: Path, data: dict[str, Any], *, schema: int = 2) -> None:
    """Make `folder` a one-file store of `schema` holding `data` (the province files go)."""
    for path in province_files(folder):
        path.unlink()
    data = {name: table for name, table in data.items() if name != "summary"}
    meta = dict(data.get("meta", {}).get("1", {}))
    meta["schema_version"] = schema
    data["meta"] = {"1": meta}
    (folder / NATIONAL_FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def province_backups(store: Any, code: str = SEED_PROVINCE) -> list[Any]:
    """The backups of province `code`'s file among `store.backups()`, newest first."""
    return [backup for backup in store.backups() if backup.province == code]


def edit(folder: Path, change: Any, code: str = SEED_PROVINCE) -> None:
    """Edit the store as a person (or an older haicap) would, straight in its JSON: `change`
    gets the national file's tables with province `code`'s sessions, items and history in
    them, and each table goes back to the file it came from."""
    national_path = folder / NATIONAL_FILE
    province = province_path(folder, code)
    national: dict[str, Any] = json.loads(national_path.read_text(encoding="utf-8"))
    local: dict[str, Any] = json.loads(province.read_text(encoding="utf-8")) if province.exists() else {}
    merged = {**national, **{name: local.get(name, {}) for name in PROVINCE_TABLES}}
    change(merged)
    national = {name: table for name, table in merged.items() if name not in PROVINCE_TABLES}
    local = {"meta": local.get("meta", {}), **{name: merged[name] for name in PROVINCE_TABLES if name in merged}}
    national_path.write_text(json.dumps(national, ensure_ascii=False), encoding="utf-8")
    province.write_text(json.dumps(local, ensure_ascii=False), encoding="utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    """The bytes of every store file in `folder` (national and provinces), to tell whether
    anything was written."""
    paths = [folder / NATIONAL_FILE, *province_files(folder)] if folder.is_dir() else []
    return {path.name: path.read_bytes() for path in paths if path.is_file()}
