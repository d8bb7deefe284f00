"""The leader who holds the session: a person's name with a provincial title.

Articles introduce the leader once, in one of two shapes:
"đồng chí/ông/bà NAME, TITLE, TITLE đã ..." or "TITLE NAME chủ trì ...". A title is
provincial when it names the province's bodies (Tỉnh ủy, Thành ủy, UBND tỉnh, tỉnh,
thành phố, TP., Trung ương); a commune secretary's title is not.
"""

from __future__ import annotations

import re

from haicap.store.ingest.reader.letters import CAPITALISED_WORD, UPPER

__all__ = ["SURNAMES", "find_leader"]

SURNAMES = (  # noqa: SIM905  # a hundred names read and edit better as lines of words than as a list
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Trịnh Đinh Lâm "
    "Mai Trương Đoàn Lương Tạ Hà Cao Lưu Chu Thái Tô Vương Quách Châu Đào Kiều Tống Phùng "
    "Triệu Lại Nông Lò Hầu Mạc Tăng Y Văn Khổng Thân Giang Doãn La Bế Sầm Hứa Ninh Kha Lữ "
    # Family names of the ethnic minorities of the north and the Central Highlands.
    "Bạch Lục Vi Cầm Quàng Lèo Mùa Giàng Sùng Vàng Thào Lầu Hờ Rah Ksor Siu Nay Rơ Kpă Puih "
    "Điểu Thạch Danh Kiên Lý Mông Âu Ông Khúc Ngọ Cù Lương Đàm Đồng Tôn Mạc Lường "
    # More of the north-west's and the Dao's, Hmong's and Thái's (Lô, Ma, Bàn, Vừ, Cà, Điêu …)
    # and of the rarer Kinh names (Giáp, Khuất, Lã, Nghiêm …): a commune chairman of Nghệ An or
    # Lào Cai is as often named so as a Nguyễn.
    "Lô Ma Mã Bàn Chảo Vừ Hạng Tẩn Phàn Tòng Cà Điêu Bạc Xa Lộc Chế Giáp Khuất Lã Từ Nghiêm Nhữ "
    "Phí Quan Tiêu Bành Diệp Lạc Nhâm Ôn Trình Mẫn Hàn Nịnh Khà"
).split()
"""Common Vietnamese family names: a person's name starts with one."""

_WORD = CAPITALISED_WORD
_PERSON = rf"(?:{'|'.join(SURNAMES)})(?: {_WORD}){{1,3}}"
# Outlets differ in the case of a title's second word ("Phó Chủ tịch", Thanh Niên's "Phó chủ
# tịch", "Phó bí thư"): both are the same title.
_TITLE_HEAD = (
    r"(?:Ủy viên|Uỷ viên|Bí thư|Phó [Bb]í thư|Chủ tịch|Phó [Cc]hủ tịch|Trưởng [Bb]an|Phó [Tt]rưởng [Bb]an|"
    r"Giám đốc|Trưởng đoàn)"
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


_PLACE_BEFORE = re.compile(r"(?:tỉnh|Tỉnh ủy|Thành ủy|thành phố|Thành phố)$")
_RUN = re.compile(rf"{_WORD}(?: {_WORD})*")
_PLACE_WORDS_TAKEN = re.compile(r"(?<=\s)(?:[" + UPPER + r"][^\W\d_" + UPPER + r"]+\s?){1,2}$")


def _place_then_name(words: list[str]) -> int:
    """Index where the person's name starts in a run "PLACE NAME" after a title.

    "Bí thư Tỉnh ủy Hà Tĩnh Nguyễn Duy Lâm": a full name has at most four words, so a run of
    five or more holds a place first; a four-word run whose first word is no family name
    ("Huế Nguyễn Văn Phương") does too. The name starts at the first family name after it.
    """
    if len(words) >= 5 or (len(words) == 4 and words[0] not in SURNAMES):
        # A place of five or more words' run has two words or more ("Bắc Ninh Vương Quốc Tuấn",
        # "Hồ Chí Minh Nguyễn Văn A"): its second word may be a family name too ("Ninh", "Chí").
        first = 2 if len(words) >= 5 else 1
        for index in range(first, len(words) - 1):
            if words[index] in SURNAMES and len(words) - index <= 4:
                return index
    return 0


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
                run = _RUN.match(sentence, match.start(2))
                assert run is not None  # group 2 of _TITLE_FIRST is itself such a run of words
                # The lazy title may end in the place's first words when the place's last word is
                # a family name ("Chủ tịch UBND tỉnh Bắc | Ninh Vương Quốc Tuấn"): give them back.
                taken = _PLACE_WORDS_TAKEN.search(title)
                if taken:
                    title = title[: taken.start()]
                words = ([*taken.group(0).split()] if taken else []) + run.group(0).split()
                split = _place_then_name(words)
                name = " ".join(words[split:]) if split else match.group(2)
                title = " ".join([title.strip(" ,"), *words[:split]])
                if len(words) == 2 and _PLACE_BEFORE.search(title):
                    continue  # "Bí thư Tỉnh ủy Hà Tĩnh làm việc ...": a place, not a two-word name
                candidates.append((match.start(), name, title))
        for _, name, title in sorted(candidates):
            if title and _PROVINCIAL.search(title) and not re.search(r"\b(xã|phường|đặc khu)\b", title):
                found.append((name, title))
    if not found:
        return None
    name = found[0][0]
    title = max((t for n, t in found if n == name), key=len)
    return f"{name} ({title})"
