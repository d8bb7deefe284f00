"""Where the session happened: the province and the communes named in the text.

Names are matched as spelt first ("Sơn Hà" and "Sơn Hạ" are two communes of one province;
old and new tone placement are one spelling), then without diacritics. Commune names
repeat across provinces, so the province is decided first from explicit mentions ("tỉnh
X", "Tỉnh ủy X", "Thành ủy X", "TP.HCM") together with the provinces in which the communes
that take part exist, and only communes of that province are kept. A province that holds
fewer than half of the names while another holds at least half is not the article's: the
one that holds most wins.

The mentions come from `store.ingest.reader.commune_mentions`; only those that take part
(PART) count here.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from haicap.store.domain.models import Commune, Province
from haicap.store.domain.registry import Registry
from haicap.store.domain.text import fold
from haicap.store.ingest.reader.commune_mentions import NAME, PART, CommuneMention, find_commune_mentions, nfc

__all__ = ["detect_province", "resolve_communes"]

# A bare name in brackets places a site: "dự án kè suối X (Tên Xã)".
_PAREN = re.compile(rf"\(({NAME})\)")
# Explicit province mentions. "tỉnh X cũ" is a former province (merged in 2025): skipped.
_PROVINCE_LEAD = re.compile(rf"(?<![\w])(?:[Tt]ỉnh ủy|[Tt]ỉnh|[Tt]hành ủy|[Tt]hành phố|TP\.?)\s*({NAME})(?!\s*\(?cũ)")
_HCM = re.compile(r"(?<![\w])TP\.?\s?HCM(?![\w])|(?<![\w])TPHCM(?![\w])")
_EARLY = 600  # characters: the opening paragraph names the leader's province


_DASHES = re.compile(r"\s*[-–—]\s*")
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền sắc ngã hỏi nặng


def _marks(name: str) -> str:
    """One kind of apostrophe, no spaces around dashes: "Ea H’Leo" = "Ea H'Leo"."""
    name = name.replace("’", "'").replace("‘", "'").replace("ʼ", "'")
    return _DASHES.sub("-", " ".join(name.split()))


@lru_cache(maxsize=8192)
def _key(name: str) -> str:
    """The search form of a name: folded (no case, no diacritics)."""
    return fold(_marks(name))


@lru_cache(maxsize=8192)
def _spelling(name: str) -> str:
    """The name as spelt, in one case and with each word's tone mark in one place, so
    "Hoà" = "Hòa" but "Sơn Hà" != "Sơn Hạ" (both are communes of one province)."""
    words = []
    for word in _marks(name).lower().split():
        decomposed = unicodedata.normalize("NFD", word)
        tones = "".join(ch for ch in decomposed if ch in _TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
        words.append(base + tones)
    return " ".join(words)


@cache
def _index(registry: Registry) -> tuple[dict[str, tuple[Commune, ...]], dict[str, tuple[Commune, ...]]]:
    """The registry's communes by folded name and by spelling."""
    folded: dict[str, list[Commune]] = {}
    spelt: dict[str, list[Commune]] = {}
    for commune in registry.communes:
        folded.setdefault(_key(commune.name), []).append(commune)
        spelt.setdefault(_spelling(commune.name), []).append(commune)
    return (
        {key: tuple(value) for key, value in folded.items()},
        {key: tuple(value) for key, value in spelt.items()},
    )


@dataclass(frozen=True)
class _Found:
    key: str
    """The folded key of the words that matched (of all the words when none did)."""
    spelt: tuple[Commune, ...]
    """Communes (any province) spelt as the text spells them."""
    folded: tuple[Commune, ...]
    """Communes (any province) whose folded name matches: "Sơn Hà" finds "Sơn Hạ" too."""

    def best(self, province: Province | None = None) -> tuple[Commune, ...]:
        """The communes spelt as written, else those matching folded (within `province`)."""
        spelt, folded = self.spelt, self.folded
        if province is not None:
            spelt = tuple(c for c in spelt if c.province == province)
            folded = tuple(c for c in folded if c.province == province)
        return spelt or folded


def _lookup(registry: Registry, mention: CommuneMention) -> _Found:
    """The longest prefix of the mention's words that names a commune of one of its types."""
    return _lookup_name(registry, " ".join(mention.words), mention.allowed_types)


@lru_cache(maxsize=4096)
def _lookup_name(registry: Registry, name: str, types: tuple[str, ...]) -> _Found:
    by_key, by_spelling = _index(registry)
    keys = _key(name).split(" ")
    spellings = _spelling(name).split(" ")
    if len(spellings) != len(keys):
        spellings = keys  # never for real text; folded matching alone then
    for size in range(len(keys), 0, -1):
        key = " ".join(keys[:size])
        folded = tuple(c for c in by_key.get(key, ()) if c.type in types)
        if folded:
            spelling = " ".join(spellings[:size])
            spelt = tuple(c for c in by_spelling.get(spelling, ()) if c.type in types)
            return _Found(key, spelt, folded)
    return _Found(" ".join(keys), (), ())


def _explicit_provinces(text: str, registry: Registry) -> Counter[str]:
    votes: Counter[str] = Counter()
    known: dict[str, Province | None] = {}
    for match in _PROVINCE_LEAD.finditer(text):
        words = match.group(1).split()
        for size in range(min(len(words), 4), 0, -1):
            name = " ".join(words[:size])
            if name not in known:
                known[name] = registry.find_province(name)
            province = known[name]
            if province:
                votes[province.code] += 2 if match.start() < _EARLY else 1
                break
    for match in _HCM.finditer(text):
        province = registry.find_province("hcm")
        if province:
            votes[province.code] += 2 if match.start() < _EARLY else 1
    return votes


def detect_province(text: str, registry: Registry, mentions: list[CommuneMention] | None = None) -> Province | None:
    """Pick the province the article is about, or None when nothing points to one.

    Each explicit mention votes (double in the opening); each distinct commune that takes
    part votes for every province that has a commune of that type and name, so "xã Nghĩa
    Hành" alone is ambiguous but "xã Nghĩa Hành và phường Nghĩa Lộ" settles on the province
    that has both. When two or more communes are named and the winner holds fewer than half
    of them, the province that holds most of them (at least half) is taken instead: the
    votes came from somewhere else (a title, a newspaper's home).
    """
    if not isinstance(text, str):
        return None
    text = nfc(text)
    votes = _explicit_provinces(text, registry)
    if mentions is None:
        mentions = find_commune_mentions(text)
    seen: set[tuple[str, tuple[str, ...]]] = set()
    support: Counter[str] = Counter()
    named = 0
    for mention in mentions:
        if mention.role != PART:
            continue
        found = _lookup(registry, mention)
        if (found.key, mention.allowed_types) in seen:
            continue
        seen.add((found.key, mention.allowed_types))
        codes = {c.province.code for c in found.best()}
        named += bool(codes)
        for code in sorted(codes):  # in a fixed order: a tie must not depend on the hash seed
            votes[code] += 2
            support[code] += 1
    if not votes:
        return None
    # A tie (one commune name in two provinces, no province named) is settled the same
    # way on every run: the first province voted for, then its code. The review shows it.
    best = max(votes, key=lambda code: votes[code])
    if named >= 2 and support[best] * 2 < named and support:
        top = max(support, key=lambda code: (support[code], votes[code]))
        if support[top] > support[best] and support[top] * 2 >= named:
            best = top
    return next(p for p in registry.provinces if p.code == best)


def resolve_communes(
    text: str,
    registry: Registry,
    province: Province,
    mentions: list[CommuneMention] | None = None,
    *,
    misses: list[str] | None = None,
) -> list[Commune]:
    """Return the communes of `province` that take part, in order of first mention.

    Besides typed mentions, a bare name in brackets that is a commune of the province
    counts ("dự án kè suối X (Tên Xã)"): articles use it to place a site. When `misses` is
    a list, the names of every list of which most names are not communes of `province`
    are appended to it ("xã Tên"), so a caller can show that the province or the list was
    misread instead of silently keeping the one name that matched.
    """
    if not isinstance(text, str) or province is None:
        return []
    text = nfc(text)
    if mentions is None:
        mentions = find_commune_mentions(text)
    found: list[tuple[int, Commune]] = []
    lists: dict[int, list[tuple[CommuneMention, bool]]] = {}
    for mention in mentions:
        if mention.role != PART:
            continue
        local = _lookup(registry, mention).best(province)
        lists.setdefault(mention.group, []).append((mention, len(local) == 1))
        if len(local) == 1:
            found.append((mention.start, local[0]))
    if misses is not None:
        for group, members in lists.items():
            failed = [m for m, ok in members if not ok]
            if group >= 0 and len(members) >= 2 and len(failed) * 2 > len(members):
                misses.extend(f"{m.type} {' '.join(m.words)}" for m in failed)
    own: dict[str, list[Commune]] = {}
    for commune in registry.communes_of(province):
        own.setdefault(_key(commune.name), []).append(commune)
    for match in _PAREN.finditer(text):
        matching = own.get(_key(match.group(1)), [])
        spelt = [c for c in matching if _spelling(c.name) == _spelling(match.group(1))]
        named = (spelt or matching)[0] if len(spelt or matching) == 1 else None
        if named is not None:
            found.append((match.start(), named))
    result: list[Commune] = []
    for _, commune in sorted(found, key=lambda pair: pair[0]):
        if commune not in result:
            result.append(commune)
    return result
