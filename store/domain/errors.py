"""Errors the store raises; each carries a message fit to show a user on one line."""

from __future__ import annotations

from pathlib import Path

__all__ = ["ReportError", "StoreError"]


class StoreError(Exception):
    """The store cannot be opened, read or written; the message says why."""


class ReportError(StoreError):
    """A report file cannot be used; `str()` is "FILE: reason" on one line."""

    def __init__(self, source: str | Path, reason: str) -> None:
        self.source = str(source)
        """The file (or other source) that was being read."""
        self.reason = reason
        """Why it was refused."""
        super().__init__(f"{self.source}: {reason}")
