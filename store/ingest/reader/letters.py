"""Character classes for Vietnamese capitals.

A range such as "À-Ỹ" also holds lower-case letters ("ã", "đ", "ộ"), so a pattern that
means "a capitalised word" must list the capitals themselves; they are built here once.
"""

from __future__ import annotations

__all__ = ["BULLET", "CAPITALISED_WORD", "UPPER"]

UPPER = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x1EFA)) if ch.isupper() and ch.isalpha())
"""The contents of a regex class matching one Latin capital, Vietnamese ones included."""

CAPITALISED_WORD = rf"[{UPPER}][\w’']*"
"""A word that starts with a capital: "Vân", "Đắk", "M’Drắk"."""

BULLET = "[-–+•*\u2190-\u21ff\u25a0-\u25ff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\U0001f300-\U0001faff]"
"""A regex class matching one bullet of a list line: a dash, "•", or the pictographs social
posts use instead ("✅ …", "❗ …", "👉 …", "🔹 …", "▶ …", "★ …"; with their joiners)."""
