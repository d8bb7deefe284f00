"""Building regular expressions from lists of phrases, for the cue modules."""

from __future__ import annotations

import re

__all__ = ["phrases", "words"]


def phrases(phrases: tuple[str, ...]) -> str:
    """An alternation of lexicon phrases, longest first; "…" allows a few words in between."""
    parts = [re.escape(p).replace("…", r"(?:\S+\s+){0,6}?").replace(r"\ ", " ") for p in phrases]
    return "|".join(sorted(parts, key=len, reverse=True))


def words(items: str) -> str:
    """An alternation of '|'-separated phrases, longest first so "mong muốn" beats "mong"."""
    return "|".join(sorted((w.strip() for w in items.split("|")), key=len, reverse=True))
