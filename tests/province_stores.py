"""Stores with data in several provinces, and what a test reads back of their files, for
the tests of the per-province layout (schema 3: `store.db.layout`)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

import store_files

from haicap.store import Store
from haicap.store.db.layout import NATIONAL_FILE, PROVINCE_TABLES
from haicap.store.db.summary import SUMMARY_TABLE
from haicap.store.ingest.synthetic import SynthOptions, generate

PROVINCES = {"38": "Thanh Hóa", "01": "Hà Nội", "04": "Cao Bằng"}
"""The provinces the test stores hold sessions of (a few communes each)."""

TODAY = dt.date(2026, 12, 1)
"""The day the synthetic reports are generated for (their deadlines fall around it)."""


def fill(store: Store, provinces: dict[str, str] = PROVINCES, *, items_per_session: int = 4) -> None:
    """Add synthetic sessions of 3 communes of each of `provinces` (no seeds)."""
    store.skip_seeds()
    for name in provinces.values():
        options = SynthOptions(communes=3, sessions_per_commune=2, items_per_session=items_per_session, province=name)
        for _province, reports in generate(store.registry, options, TODAY):
            store.add_reports(reports, origin="synthetic")


def build(folder: Path, provinces: dict[str, str] = PROVINCES) -> Path:
    """A store folder holding sessions of `provinces`; returns it."""
    with Store.open(folder) as store:
        fill(store, provinces)
    return folder


def read_json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def stored_summary(folder: Path) -> dict[str, dict[str, Any]]:
    """The national file's summary rows as stored, by province code."""
    table = read_json(folder / NATIONAL_FILE).get(SUMMARY_TABLE) or {}
    return {row["province"]: row for row in table.values()}


def computed_summary(folder: Path) -> dict[str, dict[str, Any]]:
    """Each province's summary row computed afresh from its file, by another (read-only) opening."""
    with Store.open(folder, read_only=True) as fresh:
        return {code: fresh._content.compute(code) for code in fresh._content.provinces.on_disk()}


def recount(folder: Path, code: str) -> dict[str, Any]:
    """Sessions and live items per kind of province `code`, counted from its file's raw rows
    (no haicap code in between), for the province and for each commune."""
    rows = read_json(store_files.province_path(folder, code))
    sessions = list(rows.get("sessions", {}).values())
    communes: dict[str, Counter[str]] = {}
    for session in sessions:
        for commune in session["communes"]:
            communes.setdefault(commune, Counter())["sessions"] += 1
    kinds: Counter[str] = Counter()
    for item in rows.get("items", {}).values():
        if item.get("deleted"):
            continue
        kinds[item["kind"]] += 1
        for commune in item["communes"]:
            communes.setdefault(commune, Counter())[item["kind"]] += 1
    return {"sessions": len(sessions), "kinds": dict(kinds), "communes": {c: dict(n) for c, n in communes.items()}}


def recount_of_row(row: dict[str, Any]) -> dict[str, Any]:
    """The same figures as `recount`, from a stored summary row."""

    def of(counts: dict[str, Any]) -> dict[str, int]:
        found = {kind: n for kind, n in counts["kinds"].items() if n}
        return {**({"sessions": counts["sessions"]} if counts["sessions"] else {}), **found}

    return {
        "sessions": row["totals"]["sessions"],
        "kinds": {kind: n for kind, n in row["totals"]["kinds"].items() if n},
        "communes": {c: of(counts) for c, counts in row["communes"].items() if of(counts)},
    }


def items_by_id(folder: Path) -> dict[str, dict[str, Any]]:
    """Every item row of the store's files (national and provinces) by id; AssertionError if
    an id is in two rows."""
    found: dict[str, dict[str, Any]] = {}
    paths = [folder / NATIONAL_FILE, *store_files.province_files(folder)]
    for path in paths:
        for row in read_json(path).get("items", {}).values():
            assert row["id"] not in found, f"item {row['id']} is stored twice"
            found[row["id"]] = row
    return found


def merged(folder: Path) -> dict[str, Any]:
    """The national file's tables with every province file's sessions, items and history in
    them, as a one-file store holds them; AssertionError when two files use one document id
    (a store split from one file keeps the ids it had, unique; see `one_file_tables`)."""
    data = read_json(folder / NATIONAL_FILE)
    for name in PROVINCE_TABLES:
        data.setdefault(name, {})
    for path in store_files.province_files(folder):
        province = read_json(path)
        for name in PROVINCE_TABLES:
            table = province.get(name, {})
            assert not set(table) & set(data[name]), f"{path.name}: document ids of table {name} used in another file"
            data[name].update(table)
    return data


def one_file_tables(folder: Path) -> dict[str, Any]:
    """The store `folder` as one file would hold it (the layout up to schema 2): each
    province's rows numbered on after the previous province's, since each province file
    numbers its own from 1."""
    data = read_json(folder / NATIONAL_FILE)
    for name in PROVINCE_TABLES:
        data[name] = {}
    for path in store_files.province_files(folder):
        province = read_json(path)
        for name in PROVINCE_TABLES:
            for _doc_id, row in sorted(province.get(name, {}).items(), key=lambda pair: int(pair[0])):
                data[name][str(len(data[name]) + 1)] = row
    return data
