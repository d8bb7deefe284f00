"""The record of every change an officer makes to an item: who, when, which field, old → new."""

from __future__ import annotations

import datetime as dt
import os
import pwd
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["HistoryEntry", "account_name", "current_user"]


@dataclass(frozen=True)
class HistoryEntry:
    """One change to one field of one item."""

    item_id: str
    who: str
    """The OS account of whoever made the change."""
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


def account_name() -> str:
    """The name of the account this process runs as, from its uid: `lan`, or `uid 1004`
    when the uid has no passwd entry (a container, say).

    Never from USER or LOGNAME: anyone can set those to a colleague's name, and history
    and the audit log are the record of who did what."""
    uid = os.getuid()
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid {uid}"


_whoami: Callable[[], str] = account_name
"""What `current_user` asks; test fixtures replace it (in code, not through the environment)."""


def current_user() -> str:
    """The user recorded in history and the audit log: the process's own account."""
    return _whoami()
