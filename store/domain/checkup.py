"""What is wrong in the values a store file holds, and how to fix it.

An older haicap, a hand edit or a damaged disk can leave values no command writes today:
a deadline in 9999, `answer_days` of 3,000,000, a null record, a history row without
its time, a number where text belongs. The store still loads (the indexes skip what they
cannot use; `Tracking.from_row` and `rules_from_meta` read the rest safely); this module
names each problem in one line, so the command line can warn about it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from haicap.store.domain.bounds import MAX_BACKUPS, day_problem
from haicap.store.domain.followup import rules_problems
from haicap.store.domain.tracking import row_problems

__all__ = ["MAX_PROBLEMS", "store_problems"]

MAX_PROBLEMS = 20
"""At most this many problems are named; a store damaged all over gets one line more saying so."""

_ITEM_TEXT = ("id", "session", "kind", "text")
_SESSION_TEXT = ("id", "province", "date", "title")
_HISTORY_TEXT = ("item", "who", "when", "field")


def store_problems(tables: dict[str, Any]) -> list[str]:
    """One sentence per damaged value of the store file's `tables`, with the fix when there is one."""
    problems: list[str] = []
    meta = next(iter((tables.get("meta") or {}).values()), None)
    if isinstance(meta, dict):
        problems += rules_problems(meta.get("deadline_rules"))
        backups = meta.get("backups")
        if isinstance(backups, int) and not isinstance(backups, bool) and backups > MAX_BACKUPS:
            problems.append(f"the store keeps {backups} backups, more than {MAX_BACKUPS} (fix with haicap config --backups N)")
    for doc_id, row in _rows(tables, "sessions"):
        if not _has_text(row, _SESSION_TEXT):
            problems.append(f"session record {doc_id} is damaged and is not shown")
            continue
        problem = _iso_day_problem(row["date"])
        if problem:
            problems.append(f"session {row['id'][:8]} has date {problem}")
    for doc_id, row in _rows(tables, "items"):
        if not _has_text(row, _ITEM_TEXT[:3]):
            problems.append(f"item record {doc_id} is damaged and is not shown")
            continue
        short = row["id"][:11]
        if not isinstance(row.get("text"), str):
            problems.append(f"item {short} has a {type(row.get('text')).__name__} as its text (fix with the dashboard's edit)")
        for problem in row_problems(row.get("tracking")):
            field = problem.split(" ", 1)[0]
            fix = (
                f"; fix with haicap set {short} --{field} …"
                if field in ("deadline", "done", "owner", "answer", "note", "status")
                else ""
            )
            problems.append(f"item {short} has {problem}{fix}")
    for doc_id, row in _rows(tables, "history"):
        if not _has_text(row, _HISTORY_TEXT) or not _is_time(row["when"]):
            problems.append(f"history record {doc_id} is damaged and is left out")
    if len(problems) > MAX_PROBLEMS:
        problems = [*problems[:MAX_PROBLEMS], f"and {len(problems) - MAX_PROBLEMS} more damaged values"]
    return problems


def _rows(tables: dict[str, Any], name: str) -> list[tuple[str, Any]]:
    table = tables.get(name)
    return list(table.items()) if isinstance(table, dict) else []


def _has_text(row: Any, keys: tuple[str, ...]) -> bool:
    return isinstance(row, dict) and all(isinstance(row.get(key), str) for key in keys)


def _iso_day_problem(value: str) -> str | None:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return f"{value[:40]!r}, not a date"
    return day_problem(day)


def _is_time(value: str) -> bool:
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True
