"""Where the session happened: the province and the communes named in the text.

Communes are found after their type word ("xã", "phường", "đặc khu"), also in lists
("các xã A, B và C", "2 phường A và B"), and matched to the registry. Commune names
repeat across provinces, so the province is decided first from explicit mentions
("tỉnh X", "Tỉnh ủy X", "Thành ủy X", "TP.HCM", leaders' titles) together with the
provinces in which the named communes exist, and only communes of that province are kept.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from .letters import UPPER
from ..models import Commune, Province
from ..registry import Registry
from ..text import fold

__all__ = ["CommuneMention", "find_commune_mentions", "detect_province", "resolve_communes"]

# A word of a proper name: capitalised ("Vân", "M’Drắk", "KDang") or a number ("1").
_NAME_WORD = rf"(?:[{UPPER}][\w'’\-]*|\d+)"
_NAME = rf"{_NAME_WORD}(?: {_NAME_WORD})*"
# "thị xã" is a former district-level town, not a commune; "xã hội" is lower-case.
_TYPE = re.compile(r"(?<![\w])(?<!thị )(?<!Thị )(xã|phường|đặc khu|Xã|Phường|Đặc khu)\s+(?=[" + UPPER + "0-9])")
_NAME_AT = re.compile(_NAME)
_LIST_SEP = re.compile(r"(,\s*|\s+và\s+|\s*,\s*và\s+)")
_PAREN = re.compile(rf"\(({_NAME})\)")

# Explicit province mentions. "tỉnh X cũ" is a former province (merged in 2025): skipped.
_PROVINCE_LEAD = re.compile(
    rf"(?<![\w])(?:[Tt]ỉnh ủy|[Tt]ỉnh|[Tt]hành ủy|[Tt]hành phố|TP\.?)\s*({_NAME})(?!\s*\(?cũ)"
)
_HCM = re.compile(r"(?<![\w])TP\.?\s?HCM(?![\w])|(?<![\w])TPHCM(?![\w])")
_EARLY = 600  # characters: the opening paragraph names the leader's province


@dataclass(frozen=True)
class CommuneMention:
    """A commune named in the text: its type word (lower-case) and its name words."""

    type: str
    words: tuple[str, ...]
    start: int


def find_commune_mentions(text: str) -> list[CommuneMention]:
    """Return every "type + name" mention, expanding lists, in text order.

    Names are kept as the full run of capitalised words ("Cửa Lò Nguyễn Văn Tư");
    the registry look-up later keeps the longest prefix that is a real commune.
    """
    mentions: list[CommuneMention] = []
    for match in _TYPE.finditer(text):
        type_ = match.group(1).lower()
        pos = match.end()
        while True:
            name = _NAME_AT.match(text, pos)
            if not name:
                break
            mentions.append(CommuneMention(type_, tuple(name.group(0).split()), name.start()))
            sep = _LIST_SEP.match(text, name.end())
            if not sep or not _NAME_AT.match(text, sep.end()):
                break
            if text.startswith(("xã ", "phường ", "đặc khu "), sep.end()):
                break  # "xã A, xã B": the next type word starts its own mention
            pos = sep.end()
            if "và" in sep.group(0):
                last = _NAME_AT.match(text, pos)
                if last:
                    mentions.append(CommuneMention(type_, tuple(last.group(0).split()), last.start()))
                break  # "A, B và C": C is the last item
    return mentions


@cache
def _index(registry: Registry) -> dict[str, tuple[Commune, ...]]:
    index: dict[str, list[Commune]] = {}
    for commune in registry.communes:
        index.setdefault(fold(commune.name), []).append(commune)
    return {key: tuple(value) for key, value in index.items()}


def _candidates(registry: Registry, mention: CommuneMention) -> tuple[Commune, ...]:
    """Communes (any province) matching the longest prefix of the mention's words."""
    index = _index(registry)
    for size in range(len(mention.words), 0, -1):
        found = tuple(c for c in index.get(fold(" ".join(mention.words[:size])), ()) if c.type == mention.type)
        if found:
            return found
    return ()


def _explicit_provinces(text: str, registry: Registry) -> Counter[str]:
    votes: Counter[str] = Counter()
    for match in _PROVINCE_LEAD.finditer(text):
        words = match.group(1).split()
        for size in range(min(len(words), 4), 0, -1):
            province = registry.find_province(" ".join(words[:size]))
            if province:
                votes[province.code] += 2 if match.start() < _EARLY else 1
                break
    for match in _HCM.finditer(text):
        province = registry.find_province("hcm")
        if province:
            votes[province.code] += 2 if match.start() < _EARLY else 1
    return votes


def detect_province(
    text: str, registry: Registry, mentions: list[CommuneMention] | None = None
) -> Province | None:
    """Pick the province the article is about, or None when nothing points to one.

    Each explicit mention votes (double in the opening); each distinct commune name votes
    for every province that has a commune of that type and name, so "xã Nghĩa Hành" alone is
    ambiguous but "xã Nghĩa Hành và phường Nghĩa Lộ" settles on the province that has both.
    """
    votes = _explicit_provinces(text, registry)
    if mentions is None:
        mentions = find_commune_mentions(text)
    seen: set[tuple[str, ...]] = set()
    for mention in mentions:
        key = tuple(fold(w) for w in mention.words)
        if key in seen:
            continue
        seen.add(key)
        for code in {c.province.code for c in _candidates(registry, mention)}:
            votes[code] += 2
    if not votes:
        return None
    best = max(votes, key=lambda code: votes[code])
    return next(p for p in registry.provinces if p.code == best)


def resolve_communes(
    text: str, registry: Registry, province: Province, mentions: list[CommuneMention] | None = None
) -> list[Commune]:
    """Return the communes of `province` the text names, in order of first mention.

    Besides typed mentions, a bare name in brackets that is a commune of the province
    counts ("dự án kè suối X (Tên Xã)"): articles use it to place a site.
    """
    if mentions is None:
        mentions = find_commune_mentions(text)
    found: list[tuple[int, Commune]] = []
    for mention in mentions:
        local = [c for c in _candidates(registry, mention) if c.province == province]
        if len(local) == 1:
            found.append((mention.start, local[0]))
    own = {fold(c.name): c for c in registry.communes_of(province)}
    for match in _PAREN.finditer(text):
        commune = own.get(fold(match.group(1)))
        if commune is not None:
            found.append((match.start(), commune))
    result: list[Commune] = []
    for _, commune in sorted(found, key=lambda pair: pair[0]):
        if commune not in result:
            result.append(commune)
    return result
