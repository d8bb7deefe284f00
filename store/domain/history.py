"""The record of every change an officer makes to an item: who, when, which field, old → new."""

from __future__ import annotations

import datetime as dt
import os
import pwd
from collections.abc import Callable
from dataclasses import dataclass

from haicap.store.domain.i18n import _, pgettext
from haicap.store.domain.models import Kind
from haicap.store.domain.tracking import DirectiveStatus, RequestStatus

__all__ = ["HistoryEntry", "account_name", "current_user", "value_shown"]


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
    source: str = ""
    """The file the change came from ("theo-doi-….xlsx": an agency's filled tracking
    table), or "" for a change made in haicap itself."""

    @property
    def source_shown(self) -> str:
        """ "từ theo-doi-….xlsx" ("from …"), or "" when the change was made in haicap."""
        return _("from {file}").format(file=self.source) if self.source else ""

    @property
    def old_shown(self) -> str:
        """The old value in the language spoken (`value_shown`)."""
        return value_shown(self.field, self.old)

    @property
    def new_shown(self) -> str:
        """The new value in the language spoken (`value_shown`)."""
        return value_shown(self.field, self.new)

    def describe(self) -> str:
        """One line: "2026-11-25 09:14 · lan · status: Mới tiếp nhận → Đang giải quyết"."""
        local = self.when.astimezone()
        line = f"{local:%Y-%m-%d %H:%M} · {self.who} · {self.field}: {self.old_shown or '—'} → {self.new_shown or '—'}"
        return f"{line} ({self.source_shown})" if self.source else line


def value_shown(field: str, value: str) -> str:
    """A value as history recorded it, in the language spoken now.

    History keeps a kind and a status in the officials' Vietnamese ("Kiến nghị", "Đang giải
    quyết"; `store.db.history_log.shown`), an added item as "Kiến nghị: its text", and a
    deletion as "yes"/"no": those words are haicap's, and are shown in English under
    `--lang en`; every other value (an owner, a text, a date) is shown as it was written."""
    if field in ("kind", "created"):
        for kind in Kind:
            if value == kind.title_vi:
                return kind.singular
            if field == "created" and value.startswith(f"{kind.title_vi}: "):
                return f"{kind.singular}: {value[len(kind.title_vi) + 2 :]}"
    if field == "status":
        for request in RequestStatus:
            if value == request.label_vi:
                return request.label
        for directive in DirectiveStatus:
            if value == directive.label_vi:
                return directive.label
    if field == "deleted" and value in ("yes", "no"):
        return pgettext("history value", "yes") if value == "yes" else pgettext("history value", "no")
    return value


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
