"""The national registry of commune-level units (3,321 since 1 July 2025), read from `seeds/`.

The registry is reference data: it ships with haicap and is read from the package, not
from the user's store, so every store agrees on names and codes.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from haicap.store.domain.models import Commune, Province
from haicap.store.domain.text import clean, fold, sort_key

__all__ = ["COMMUNE_TYPES", "REGISTRY_FILE", "Registry", "load_registry"]

REGISTRY_FILE = "registry/vietnam-communes-2025.tsv"
"""Path of the registry inside the `seeds` package."""

COMMUNE_TYPES = ("xã", "phường", "đặc khu")
"""The three types of commune-level unit."""

_PROVINCE_PREFIXES = ("thanh pho ", "tinh ", "tp. ", "tp ")


def province_short_name(full_name: str) -> str:
    """Drop the unit word: "Tỉnh Thanh Hóa" -> "Thanh Hóa", "Thành phố Huế" -> "Huế"."""
    for prefix in ("Thành phố ", "Tỉnh "):
        if full_name.startswith(prefix):
            return full_name[len(prefix) :]
    return full_name


def _province_query(text: str) -> str:
    folded = fold(text).replace("tp.", "tp. ").replace("  ", " ")
    for prefix in _PROVINCE_PREFIXES:
        if folded.startswith(prefix):
            return folded[len(prefix) :].strip()
    return folded


# Abbreviations officers and newspapers use for the big cities.
_PROVINCE_ALIASES = {"hcm": "ho chi minh", "tphcm": "ho chi minh", "hn": "ha noi"}


# eq=False: a registry is equal only to itself and hashes by identity. It is used as a
# cache key (the reader's name index), and hashing 3,321 communes per lookup made
# importing several times slower.
@dataclass(frozen=True, eq=False)
class Registry:
    """All provinces and communes, with look-ups by code, by name and by province."""

    provinces: tuple[Province, ...]
    """The 34 provinces in official order."""
    communes: tuple[Commune, ...]
    """All communes in official (national STT) order."""
    _by_code: dict[str, Commune] = field(init=False, repr=False)
    _by_province: dict[str, tuple[Commune, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {c.code: c for c in self.communes})
        by_province: dict[str, list[Commune]] = {}
        for commune in self.communes:
            by_province.setdefault(commune.province.code, []).append(commune)
        object.__setattr__(
            self,
            "_by_province",
            {code: tuple(sorted(items, key=lambda c: sort_key(c.name))) for code, items in by_province.items()},
        )

    def commune(self, code: str) -> Commune | None:
        """Return the commune with official code `code`, or None."""
        return self._by_code.get(code.strip())

    def communes_of(self, province: Province) -> tuple[Commune, ...]:
        """Return the communes of `province` in Vietnamese alphabetical order."""
        return self._by_province.get(province.code, ())

    def find_province(self, name: str) -> Province | None:
        """Find a province by name, ignoring case, diacritics and the unit word.

        "Thanh Hóa", "thanh hoa", "Tỉnh Thanh Hóa", "TP. Hồ Chí Minh", "hcm" and the
        two-digit code all work.
        """
        query = _province_query(name)
        query = _PROVINCE_ALIASES.get(query.replace(" ", "").replace(".", ""), query)
        for province in self.provinces:
            if query in (province.code, _province_query(province.name)):
                return province
        return None

    def find_commune(self, province: Province, type_: str | None, name: str) -> Commune | None:
        """Find the commune of `province` with this name (and type, when given).

        Names repeat across provinces (xã Vân Du is in Thanh Hóa and in Nghệ An), so the
        province is always required; within a province the type disambiguates the rare
        name shared by a xã and a phường.
        """
        wanted = fold(name)
        candidates = [c for c in self.communes_of(province) if fold(c.name) == wanted]
        if type_ is not None:
            candidates = [c for c in candidates if fold(c.type) == fold(type_)]
        return candidates[0] if len(candidates) == 1 else None

    def parse_commune(self, province: Province, label: str) -> Commune | None:
        """Resolve "xã Ngọc Trạo", "Ngọc Trạo" or an official code within `province`."""
        text = clean(label)
        if text.isdigit():
            commune = self.commune(text)
            return commune if commune and commune.province == province else None
        # "xa hoang loc" is as good as "xã Hoằng Lộc": the type word is matched folded too.
        folded = fold(text)
        for type_ in COMMUNE_TYPES:
            if folded.startswith(fold(type_) + " "):
                return self.find_commune(province, type_, text[len(type_) + 1 :])
        return self.find_commune(province, None, text)


def _read_rows() -> list[dict[str, str]]:
    source = resources.files("haicap.seeds").joinpath(REGISTRY_FILE).read_text(encoding="utf-8")
    lines = [line for line in source.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@cache
def load_registry() -> Registry:
    """Read the bundled registry once per process and return it."""
    provinces: dict[str, Province] = {}
    communes: list[Commune] = []
    for row in _read_rows():
        full_name = clean(row["province"])
        province = provinces.setdefault(
            row["province_code"],
            Province(code=row["province_code"], name=province_short_name(full_name), full_name=full_name),
        )
        communes.append(Commune(code=row["code"].strip(), type=clean(row["type"]), name=clean(row["name"]), province=province))
    return Registry(provinces=tuple(provinces.values()), communes=tuple(communes))
