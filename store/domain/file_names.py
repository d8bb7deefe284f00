"""File names as messages show them."""

from __future__ import annotations

from pathlib import Path

from haicap.store.domain.text import one_line

__all__ = ["shown_name"]


def shown_name(path: Path | str) -> str:
    """A file name as messages show it: control characters, newlines and tabs made visible
    (␊, ␛, ...), so a name cannot split a message's line or send escape sequences."""
    return one_line(str(path))
