"""The files of a store folder (schema 3): the national file and one file per province.

    haicap.json              meta (schema, settings), audit log, national summary
    province-38.json         sessions, items and history of province 38 (Thanh Hóa)
    province-01.json         ... only for provinces that have data
    *.lock                   one write lock per file (`store.db.locking`)
    backups/                 earlier versions of each file (`store.db.backups`)

An edit rewrites one province's file and the national file's summary, under the locks of
that province and the national file: officers of different provinces never wait on each
other, and a province's file is all a command about that province reads.
"""

from __future__ import annotations

import re

__all__ = ["NATIONAL_FILE", "PROVINCE_TABLES", "province_file", "province_of_file"]

NATIONAL_FILE = "haicap.json"
"""The national file: the store's one file until schema 2, so its name stays."""

PROVINCE_TABLES = ("sessions", "items", "history")
"""The tables a province's file holds (with its own small `meta`)."""

_PROVINCE_NAME = re.compile(r"province-(?P<code>[0-9]{2})\.json")


def province_file(code: str) -> str:
    """The file name of province `code` ("38" → "province-38.json")."""
    if not re.fullmatch(r"[0-9]{2}", code):
        raise ValueError(f"not a province code: {code!r}")
    return f"province-{code}.json"


def province_of_file(name: str) -> str | None:
    """The province code a file name stands for, or None for any other file."""
    match = _PROVINCE_NAME.fullmatch(name)
    return match["code"] if match else None
