"""The national registry of commune-level units (3,321 since 1 July 2025), read from `seeds/`.

The registry is reference data: it ships with haicap and is read from the package, not
from the user's store, so every store agrees on names and codes.
"""

from __future__ import annotations

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
    """All provinces and communes, with look-ups by code, by name and by province.

    Every command opens a store, and so reads the registry, but most look in one province
    or in none: a province's communes are sorted, and indexed by folded name, the first
    time they are asked for."""

    provinces: tuple[Province, ...]
    """The 34 provinces in official order."""
    communes: tuple[Commune, ...]
    """All communes in official (national STT) order."""
    _by_code: dict[str, Commune] = field(init=False, repr=False)
    _in_province: dict[str, list[Commune]] = field(init=False, repr=False)
    """Each province's communes in official order; sorted on first use into `_sorted`."""
    _sorted: dict[str, tuple[Commune, ...]] = field(init=False, repr=False)
    _by_name: dict[str, dict[str, list[Commune]]] = field(init=False, repr=False)
    """Per province code, its communes by folded name (made on first use)."""
    _province_queries: list[tuple[Province, str]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {c.code: c for c in self.communes})
        in_province: dict[str, list[Commune]] = {}
        for commune in self.communes:
            in_province.setdefault(commune.province.code, []).append(commune)
        object.__setattr__(self, "_in_province", in_province)
        object.__setattr__(self, "_sorted", {})
        object.__setattr__(self, "_by_name", {})
        object.__setattr__(self, "_province_queries", [])

    def commune(self, code: str) -> Commune | None:
        """Return the commune with official code `code`, or None."""
        return self._by_code.get(code.strip())

    def communes_of(self, province: Province) -> tuple[Commune, ...]:
        """Return the communes of `province` in Vietnamese alphabetical order."""
        code = province.code
        communes = self._sorted.get(code)
        if communes is None:
            communes = tuple(sorted(self._in_province.get(code, ()), key=lambda c: sort_key(c.name)))
            self._sorted[code] = communes
        return communes

    def find_province(self, name: str) -> Province | None:
        """Find a province by name, ignoring case, diacritics and the unit word.

        "Thanh Hóa", "thanh hoa", "Tỉnh Thanh Hóa", "TP. Hồ Chí Minh", "hcm" and the
        two-digit code all work.
        """
        query = _province_query(name)
        query = _PROVINCE_ALIASES.get(query.replace(" ", "").replace(".", ""), query)
        if not self._province_queries:  # on the first look-up: most commands make none
            self._province_queries[:] = [(p, _province_query(p.name)) for p in self.provinces]
        for province, folded in self._province_queries:
            if query in (province.code, folded):
                return province
        return None

    def find_commune(self, province: Province, type_: str | None, name: str) -> Commune | None:
        """Find the commune of `province` with this name (and type, when given).

        Names repeat across provinces (xã Vân Du is in Thanh Hóa and in Nghệ An), so the
        province is always required; within a province the type disambiguates the rare
        name shared by a xã and a phường.
        """
        by_name = self._by_name.get(province.code)
        if by_name is None:
            by_name = {}
            for commune in self._in_province.get(province.code, ()):
                by_name.setdefault(fold(commune.name), []).append(commune)
            self._by_name[province.code] = by_name
        # Only one candidate is ever returned, so their order does not matter.
        candidates = by_name.get(fold(name), [])
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


def _read_rows() -> list[list[str]]:
    """The registry's rows as lists of fields, in the order of `_COLUMNS`."""
    source = resources.files("haicap.seeds").joinpath(REGISTRY_FILE).read_text(encoding="utf-8")
    lines = [line for line in source.splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    where = [header.index(column) for column in _COLUMNS]
    rows = []
    for line in lines[1:]:
        fields = line.split("\t")
        rows.append([fields[i] for i in where])
    return rows


_COLUMNS = ("province_code", "province", "type", "name", "code")


@cache
def load_registry() -> Registry:
    """Read the bundled registry once per process and return it."""
    provinces: dict[str, Province] = {}
    types: dict[str, str] = {}
    communes: list[Commune] = []
    for province_code, province_name, type_, name, code in _read_rows():
        province = provinces.get(province_code)
        if province is None:
            full_name = clean(province_name)
            province = provinces[province_code] = Province(
                code=province_code, name=province_short_name(full_name), full_name=full_name
            )
        kind = types.get(type_)
        if kind is None:
            kind = types[type_] = clean(type_)
        communes.append(Commune(code=code.strip(), type=kind, name=clean(name), province=province))
    return Registry(provinces=tuple(provinces.values()), communes=tuple(communes))
