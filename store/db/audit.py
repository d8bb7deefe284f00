"""The audit log: changes to the store as a whole (restores, settings, imports), who and when.

Item history (`store.domain.history`) records changes to single items; the audit log records
what can erase or replace many of them at once. It is the table `audit` inside the store
file, so it travels with the store and its backups, and a restore carries it over (see
`StoreMaintenance.restore`): going back to an older version never erases the record of
the going back. `haicap audit` prints it. `AuditLog` is the store's part that writes and
reads it; `add_entry` and `entries` work on the tables of a store file.

The user is the process's own account and the time the real clock (see
`store.domain.history.current_user` and `store.domain.clock.now`): nothing in the environment can fake them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from haicap.store.db.migrations import SCHEMA_VERSION
from haicap.store.db.store_file import StoreFile
from haicap.store.db.tables import Tables
from haicap.store.domain.clock import now
from haicap.store.domain.history import current_user
from haicap.store.domain.i18n import pgettext

__all__ = ["AUDIT_TABLE", "AuditEntry", "AuditLog", "action_label", "add_entry", "entries", "plural"]

AUDIT_TABLE = "audit"
"""Name of the table in the store file."""


def action_label(action: str) -> str:
    """How an action reads in the language spoken now: "khôi phục" ("restore"); an unknown
    one as it is stored."""
    labels = {
        "restore": pgettext("audit action", "restore"),
        "config": pgettext("audit action", "settings"),
        "import": pgettext("audit action", "import"),
        "seed": pgettext("audit action", "seeds"),
        "synthetic": pgettext("audit action", "synthetic"),
    }
    return labels.get(action, action)


@dataclass(frozen=True)
class AuditEntry:
    """One recorded change to the store as a whole."""

    number: int
    """Its place in the log, from 1 (oldest)."""
    who: str
    """The OS account of whoever made it."""
    when: dt.datetime
    """When, in UTC (shown in local time)."""
    action: str
    """"restore", "config", "import", "seed", "synthetic"."""
    detail: str
    """What changed, in a line: "backups 5 → 2", "12 sessions, 340 items from a.docx"."""

    @property
    def label(self) -> str:
        """The action in the language spoken now: "khôi phục" ("restore")."""
        return action_label(self.action)

    def to_json(self) -> dict[str, Any]:
        """The documented JSON object of an entry (`haicap audit --json`)."""
        return {
            "number": self.number,
            "who": self.who,
            "when": self.when.isoformat(timespec="seconds"),
            "action": self.action,
            "detail": self.detail,
        }


def plural(number: int, noun: str) -> str:
    """ "1 item", "2 items": for the details of entries."""
    return f"{number} {noun}" + ("" if number == 1 else "s")


def add_entry(tables: Tables, action: str, detail: str) -> None:
    """Add an entry to the audit table of `tables` (the whole store; the caller writes it)."""
    log = tables.setdefault(AUDIT_TABLE, {})
    number = max(map(int, log), default=0) + 1
    log[str(number)] = {
        "schema": SCHEMA_VERSION,
        "who": current_user(),
        "when": now().isoformat(timespec="seconds"),
        "action": action,
        "detail": detail,
    }


def entries(tables: Tables) -> list[AuditEntry]:
    """The audit log in `tables`, newest first; rows that cannot be read are shown as such."""
    found = []
    for key, row in (tables.get(AUDIT_TABLE) or {}).items():
        if not isinstance(row, dict) or not key.isdigit():
            continue
        try:
            when = dt.datetime.fromisoformat(str(row.get("when")))
        except ValueError:
            when = dt.datetime.fromtimestamp(0, dt.UTC)
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        found.append(
            AuditEntry(int(key), str(row.get("who", "?")), when, str(row.get("action", "?")), str(row.get("detail", "")))
        )
    return sorted(found, key=lambda entry: entry.number, reverse=True)


class AuditLog:
    """The audit log of one store file: recorded within the change under way, read newest first."""

    def __init__(self, file: StoreFile) -> None:
        self._file = file

    def record(self, action: str, detail: str) -> None:
        """Add an entry, within the change under way (or as a change of its own named `action`)."""
        # No backup of its own: a restore never brings the audit log back (see Store.restore);
        # within a change that keeps one (a setting), that change's backup stands.
        with self._file.transaction(action, backup=False):
            self._file.db.change(lambda tables: add_entry(tables, action, detail))

    def entries(self) -> list[AuditEntry]:
        """The log, newest first."""
        return entries(self._file.rows())
