"""Character classes for Vietnamese capitals.

A range such as "À-Ỹ" also holds lower-case letters ("ã", "đ", "ộ"), so a pattern that
means "a capitalised word" must list the capitals themselves; they are built here once.
"""

from __future__ import annotations

__all__ = ["CAPITALISED_WORD", "UPPER"]

UPPER = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x1EFA)) if ch.isupper() and ch.isalpha())
"""The contents of a regex class matching one Latin capital, Vietnamese ones included."""

CAPITALISED_WORD = rf"[{UPPER}][\w’']*"
"""A word that starts with a capital: "Vân", "Đắk", "M’Drắk"."""
