"""The record of every change an officer makes to an item: who, when, which field, old → new."""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass

__all__ = ["HistoryEntry", "current_user"]


@dataclass(frozen=True)
class HistoryEntry:
    """One change to one field of one item."""

    item_id: str
    who: str
    """The OS user name of whoever made the change."""
    when: dt.datetime
    """When, in UTC (shown in local time)."""
    field: str
    """"status", "owner", "deadline", "kind", "text", "deleted", "created", ..."""
    old: str
    new: str
    revision: int = 0
    """The item's revision after this change (the fields changed by one write share it)."""

    def describe(self) -> str:
        """One line: "2026-11-25 09:14 · lan · status: Mới tiếp nhận → Đang giải quyết"."""
        local = self.when.astimezone()
        return f"{local:%Y-%m-%d %H:%M} · {self.who} · {self.field}: {self.old or '—'} → {self.new or '—'}"


def current_user() -> str:
    """The OS user name recorded in history (over SSH, the account the officer logged in with)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no LOGNAME/USER: a container, say
        return "unknown"
