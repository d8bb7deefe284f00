"""Texts that carry several news items: which sentences belong to another story.

A commune's loudspeaker bulletin, a radio script or a portal's round-up reads out its items one
after the other ("Tin thứ nhất: …", "Tin thứ hai: …", "Tin tiếp theo: …"). Only the item that
tells the session is the session's: a vaccination plan read after it names a disease, a market
report names prices, and neither is the commune's difficulty or result.
"""

from __future__ import annotations

import re

from haicap.store.domain.text import fold

__all__ = ["other_stories"]

# The label that opens an item: "Tin thứ hai:", "Tin 3 -", "Tin tiếp theo:", "Bản tin cuối:".
_STORY_LABEL = re.compile(
    r"^\W*(?:bản tin|mục tin|tin)\s+(?:thứ\s+)?(?:nhất|một|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười|\d{1,2}|"
    r"tiếp theo|tiếp|cuối|cuối cùng)\s*[:.\-–—]\s*\S",
    re.IGNORECASE,
)
# A round-up names itself in its heading ("ĐIỂM TIN SÁNG 8/5", "Bản tin thời sự"); its items are
# then numbered titles, lines without a full stop ("2. Phó Chủ tịch UBND tỉnh họp với 4 xã …").
_ROUND_UP = re.compile(r"^\W*(?:điểm tin|bản tin|tin vắn|tin tổng hợp|chương trình thời sự)\b", re.IGNORECASE)
_NUMBERED_TITLE = re.compile(r"^\s*\d{1,2}[.)]\s+\S.*[^.:;!?…]\s*$")
# The session's story names the leader's side at work: a provincial title or body.
_PROVINCE_SIDE = re.compile(
    r"\b(?:tinh uy|thanh uy|ubnd tinh|ubnd thanh pho|hdnd tinh|chu tich tinh|lanh dao tinh|doan cong tac|"
    r"doan dai bieu quoc hoi|doan dbqh)\b"
)


def other_stories(sentences: list[str], leader: str | None) -> set[int]:
    """The indices of `sentences` that belong to an item other than the session's.

    Items start at their labels (in a round-up, at their numbered titles); what comes before the first label (the station, a greeting)
    belongs to no item and stays. The session's item is the first that names the leader, else
    the first that names the province's side; with fewer than two items, or none of them the
    session's, nothing is set aside."""
    round_up = any(_ROUND_UP.match(sentence) for sentence in sentences[:5])
    starts = [
        i
        for i, sentence in enumerate(sentences)
        if _STORY_LABEL.match(sentence) or (round_up and _NUMBERED_TITLE.match(sentence))
    ]
    if len(starts) < 2:
        return set()
    bounds = list(zip(starts, [*starts[1:], len(sentences)], strict=True))
    texts = [fold(" ".join(sentences[a:b])) for a, b in bounds]
    named = fold(leader) if leader else None
    session = next((n for n, text in enumerate(texts) if named and named in text), None)
    if session is None:
        session = next((n for n, text in enumerate(texts) if _PROVINCE_SIDE.search(text)), None)
    if session is None:
        return set()
    return {i for n, (a, b) in enumerate(bounds) if n != session for i in range(a, b)}
