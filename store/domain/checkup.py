"""What is wrong in the values a store file holds, and how to fix it.

An older haicap, a hand edit or a damaged disk can leave values no command writes today:
a deadline in 9999, `answer_days` of 3,000,000, a null record, a history row without
its time, a number where text belongs. The store still loads (the indexes skip what they
cannot use; `Tracking.from_row` and `rules_from_meta` read the rest safely); this module
names each problem in one line, so the command line can warn about it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from haicap.store.domain.bounds import MAX_BACKUPS, day_problem
from haicap.store.domain.followup import due_soon_problems, rules_problems
from haicap.store.domain.i18n import _
from haicap.store.domain.tracking import field_problems

__all__ = ["MAX_PROBLEMS", "store_problems"]

MAX_PROBLEMS = 20
"""At most this many problems are named; a store damaged all over gets one line more saying so."""

_SESSION_TEXT = ("id", "province", "date", "title")
_HISTORY_TEXT = ("item", "who", "when", "field")


def store_problems(tables: dict[str, Any]) -> list[str]:
    """One sentence per damaged value of the store file's `tables`, with the fix when there is one.

    It runs on every open of a store, over every record: one pass per table, and a sound
    record (nearly all of them) costs a few look-ups; the sentences are made only for
    what is damaged."""
    problems: list[str] = []
    meta = next(iter((tables.get("meta") or {}).values()), None)
    if isinstance(meta, dict):
        problems += rules_problems(meta.get("deadline_rules"))
        problems += due_soon_problems(meta.get("due_soon_days"))
        backups = meta.get("backups")
        if isinstance(backups, int) and not isinstance(backups, bool) and backups > MAX_BACKUPS:
            problems.append(
                _("the store keeps {count} backups, more than {most} (fix with haicap config --backups N)").format(
                    count=backups, most=MAX_BACKUPS
                )
            )
    for doc_id, row in _rows(tables, "sessions"):
        if not _has_text(row, _SESSION_TEXT):
            problems.append(_("session record {record} is damaged and is not shown").format(record=doc_id))
            continue
        problem = _iso_day_problem(row["date"])
        if problem:
            problems.append(_("session {session} has date {problem}").format(session=row["id"][:8], problem=problem))
    for doc_id, row in _rows(tables, "items"):
        if not (
            isinstance(row, dict)
            and isinstance(row.get("id"), str)
            and isinstance(row.get("session"), str)
            and isinstance(row.get("kind"), str)
        ):
            problems.append(_("item record {record} is damaged and is not shown").format(record=doc_id))
            continue
        text = row.get("text")
        tracking = row.get("tracking")
        if isinstance(text, str) and not tracking:
            continue  # most items: an achievement or a difficulty nobody follows up
        short = row["id"][:11]
        if not isinstance(text, str):
            problems.append(
                _("item {item} has a {type} as its text (fix with the dashboard's edit)").format(
                    item=short, type=type(text).__name__
                )
            )
        for field, problem in field_problems(tracking):
            if field in _SETTABLE:
                problems.append(
                    _("item {item} has {problem}; fix with haicap set {item} --{field} …").format(
                        item=short, problem=problem, field=field
                    )
                )
            else:
                problems.append(_("item {item} has {problem}").format(item=short, problem=problem))
    for doc_id, row in _rows(tables, "history"):
        if not _has_text(row, _HISTORY_TEXT) or not _is_time(row["when"]):
            problems.append(_("history record {record} is damaged and is left out").format(record=doc_id))
    if len(problems) > MAX_PROBLEMS:
        problems = [*problems[:MAX_PROBLEMS], _("and {count} more damaged values").format(count=len(problems) - MAX_PROBLEMS)]
    return problems


_SETTABLE = frozenset({"deadline", "done", "owner", "answer", "note", "status"})
"""The tracking fields `haicap set` has an option for."""


def _rows(tables: dict[str, Any], name: str) -> Iterable[tuple[str, Any]]:
    table = tables.get(name)
    return table.items() if isinstance(table, dict) else ()


def _has_text(row: Any, keys: tuple[str, ...]) -> bool:
    if not isinstance(row, dict):
        return False
    for key in keys:  # noqa: SIM110 - all() of a generator costs a frame per record, and history grows with every change
        if not isinstance(row.get(key), str):
            return False
    return True


def _iso_day_problem(value: str) -> str | None:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return _("{value}, not a date").format(value=repr(value[:40]))
    return day_problem(day)


def _is_time(value: str) -> bool:
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True
