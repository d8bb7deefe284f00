"""The leader who holds the session: a person's name with a provincial title.

Articles introduce the leader once, in one of two shapes:
"đồng chí/ông/bà NAME, TITLE, TITLE đã ..." or "TITLE NAME chủ trì ...". A title is
provincial when it names the province's bodies (Tỉnh ủy, Thành ủy, UBND tỉnh, tỉnh,
thành phố, TP., Trung ương); a commune secretary's title is not.
"""

from __future__ import annotations

import re

from .letters import CAPITALISED_WORD
__all__ = ["find_leader", "SURNAMES"]

SURNAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Trịnh Đinh Lâm "
    "Mai Trương Đoàn Lương Tạ Hà Cao Lưu Chu Thái Tô Vương Quách Châu Đào Kiều Tống Phùng "
    "Triệu Lại Nông Lò Hầu Mạc Tăng Y Văn Khổng Thân Giang Doãn La Bế Sầm Hứa Ninh Kha Lữ"
).split()
"""Common Vietnamese family names: a person's name starts with one."""

_WORD = CAPITALISED_WORD
_PERSON = rf"(?:{'|'.join(SURNAMES)})(?: {_WORD}){{1,3}}"
_TITLE_HEAD = (
    r"(?:Ủy viên|Uỷ viên|Bí thư|Phó Bí thư|Chủ tịch|Phó Chủ tịch|Trưởng ban|Phó Trưởng ban|"
    r"Trưởng Ban|Phó trưởng Ban|Giám đốc|Trưởng đoàn)"
)
# Where the title stops: the verb of the sentence.
_TITLE_END = re.compile(
    r"\s+(?:đã|dẫn đầu|chủ trì|làm việc|cùng|đến|đi|có buổi|kiểm tra|thăm|về|tới|phát biểu|"
    r"kết luận|khảo sát|tặng|trao|và đoàn|làm)\b|(?<!TP)\.|[;:(]"
)
_NAME_FIRST = re.compile(rf"(?:đồng chí|Đồng chí|ông|Ông|bà|Bà)\s+({_PERSON})\s*(?:,|-|–)\s*")
# The title may hold "TP." ("Bí thư Thành ủy TP.HCM Nguyễn Văn A"), otherwise no full stop.
_TITLE_FIRST = re.compile(rf"({_TITLE_HEAD}(?:[^.;]|(?<=TP)\.)*?)\s+({_PERSON})(?=[\s,.])")
_PROVINCIAL = re.compile(r"Tỉnh ủy|Thành ủy|tỉnh|Trung ương|thành phố|Thành phố|TP\.?\s?\w|TPHCM|UBND TP")


def _trim_title(text: str) -> str:
    end = _TITLE_END.search(text)
    title = text[: end.start()] if end else text
    return title.strip(" ,-–")


def find_leader(sentences: list[str]) -> str | None:
    """Return "Name (Title)" for the first person with a provincial title, or None.

    A headline often shortens the title; when the same person is introduced again with
    a longer title, the longer one is kept.
    """
    found: list[tuple[str, str]] = []
    for sentence in sentences:
        candidates: list[tuple[int, str, str]] = []
        for match in _NAME_FIRST.finditer(sentence):
            title = _trim_title(sentence[match.end() :])
            candidates.append((match.start(), match.group(1), title))
        for match in _TITLE_FIRST.finditer(sentence):
            title = match.group(1)
            # The title-first shape may swallow an earlier clause: keep from the last head.
            heads = list(re.finditer(_TITLE_HEAD, title))
            if heads and " của " not in title:
                candidates.append((match.start(), match.group(2), title.strip(" ,")))
        for _, name, title in sorted(candidates):
            if title and _PROVINCIAL.search(title) and not re.search(r"\b(xã|phường|đặc khu)\b", title):
                found.append((name, title))
    if not found:
        return None
    name = found[0][0]
    title = max((t for n, t in found if n == name), key=len)
    return f"{name} ({title})"
