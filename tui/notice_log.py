"""The notices the app showed in this run, kept so that none is missed.

A toast disappears after a few seconds, often while the officer looks at another pane;
`M` (and the palette's "Messages", "Thông báo đã hiện") lists them all again, newest first.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

from textual.notifications import SeverityLevel

from haicap.store.domain.clock import now

__all__ = ["MAX_NOTICES", "Notice", "NoticeLog"]

MAX_NOTICES = 200
"""How many notices a run keeps: the oldest go first (a day of work is far fewer)."""


@dataclass(frozen=True)
class Notice:
    """One notice as it was shown: when, how serious, and its text (already made visible)."""

    shown: dt.datetime
    severity: SeverityLevel
    text: str


class NoticeLog:
    """The last `MAX_NOTICES` notices, oldest first."""

    def __init__(self, limit: int = MAX_NOTICES) -> None:
        self._notices: deque[Notice] = deque(maxlen=limit)

    def add(self, text: str, severity: SeverityLevel) -> Notice:
        """Record a notice shown now and return it."""
        notice = Notice(now(), severity, text)
        self._notices.append(notice)
        return notice

    def newest_first(self) -> list[Notice]:
        """Every kept notice, the newest first."""
        return list(reversed(self._notices))

    def __len__(self) -> int:
        return len(self._notices)

    def __iter__(self) -> Iterator[Notice]:
        return iter(self._notices)
