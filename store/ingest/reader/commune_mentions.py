"""Communes named in the text: every unit of every list, each with the part it plays.

Communes are found after their type word ("xã", "phường", "đặc khu"). One type word may
lead several names ("các xã A, B và C", "7 phường: A, B, ...", "các xã bị thiệt hại nặng,
gồm A, B và C", "các xã biên giới A và B"), and a run of typed names is one list ("xã A,
xã B và phường C"). `store.ingest.reader.places` matches them to the registry.

Not every commune named took part. A list is read in its context:
- the former communes a new one was made from ("được thành lập trên cơ sở sáp nhập các xã
  B, C và D", "(hợp nhất xã B và xã C)", "trước đây là xã B", "xã B cũ", "xã B được sáp
  nhập vào xã A") are FORMER;
- a commune named in passing ("giáp xã B", "như xã B", "so với xã B", "các xã lân cận
  như B, C", "các xã khác như B") is PASSING;
- all others took PART. Only those count, so a commune named in passing counts when it also
  takes part elsewhere in the text.

Every pattern here is bounded (names have at most ten words, contexts are read in windows
of a fixed size), so reading is linear in the length of the text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from haicap.store.ingest.reader.letters import UPPER

__all__ = ["FORMER", "NAME", "PART", "PASSING", "CommuneMention", "find_commune_mentions", "nfc"]

PART = "part"
"""The commune takes part in the session (the default)."""
FORMER = "former"
"""A former commune, merged into a new one ("sáp nhập các xã B, C", "xã B cũ")."""
PASSING = "passing"
"""Named in passing: a neighbour or a comparison ("giáp xã B", "như xã B")."""

_SP = r"[^\S\n]"  # a space that does not end the paragraph
# A word of a proper name: capitalised ("Vân", "M’Drắk", "KDang", "B'Lao") or a number ("2").
_NAME_WORD = rf"(?:[{UPPER}][\w'’‘\-]*|\d+)"
# Words are joined by spaces, or by a dash between spaces ("Văn Miếu - Quốc Tử Giám").
# Ten words at most: the longest registry name has six, a person's name may follow. A type
# word or "và" in capitals ("XÃ A VÀ XÃ B") is not part of a name.
_NOT_IN_NAME = r"(?!(?:XÃ|Xã|PHƯỜNG|Phường|ĐẶC|Đặc|VÀ|Và)(?!\w))"
NAME = rf"{_NAME_WORD}(?:(?:{_SP}+|{_SP}*[-–—]{_SP}*){_NOT_IN_NAME}{_NAME_WORD}){{0,9}}"
"""A proper name (the pattern's source): `places` reads names in brackets and after "tỉnh" with it."""
_NAME_AT = re.compile(NAME)

_TYPE_WORD = rf"(?:xã|phường|đặc{_SP}+khu)"
# "xã", "Phường", "XÃ", and type words together: "các xã, phường A, B".
_TYPE_GROUP = re.compile(rf"(?<!\w)(?i:{_TYPE_WORD}(?:{_SP}*(?:,|/|và){_SP}*{_TYPE_WORD})*)(?!\w)")
_ONE_TYPE = re.compile(rf"(?i:{_TYPE_WORD})")
# The name after the type word: "xã A", "các xã: A, B".
_BEGIN = re.compile(rf"{_SP}*:{_SP}*(?={_NAME_WORD})|{_SP}+(?={_NAME_WORD})")

# Words that describe a commune between its type word and its name: "các xã biên giới A, B".
_DESCRIBING = (
    "biên giới|giáp biên|vùng biên|vùng cao|vùng sâu|vùng xa|miền núi|vùng núi|ven biển|bãi ngang|"
    "hải đảo|đảo|ven sông|ngoại thành|nội thành|trung tâm|nông thôn mới|nâng cao|kiểu mẫu|"
    "đặc biệt khó khăn|khó khăn|nghèo|điểm|thuần nông|trọng điểm|anh hùng|vùng lũ"
)
# Words that make the communes neighbours or others, not the session's: "các xã lân cận".
_NEIGHBOURING = rf"lân cận|giáp ranh|tiếp giáp|giáp(?!{_SP}+biên)|liền kề|kế cận|bạn|xung quanh|láng giềng|bên cạnh|khác"
_QUALIFIED = re.compile(
    rf"{_SP}+((?i:{_DESCRIBING}|{_NEIGHBOURING})(?![\w])"
    rf"(?:(?:{_SP}*,{_SP}*|{_SP}+và{_SP}+|{_SP}+)(?i:{_DESCRIBING}|{_NEIGHBOURING})(?![\w])){{0,3}})"
    rf"{_SP}*:?{_SP}+(?={_NAME_WORD})"
)
_NEIGHBOUR_WORD = re.compile(rf"(?<!\w)(?:{_NEIGHBOURING})(?!\w)")
# A plural before the type word: "các xã", "7 phường", "hai xã", "một số xã".
_PLURAL_WORDS = frozenset(["các", "những", "nhiều", "cả", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"])
# After a plural, a description then the list: "các xã bị thiệt hại nặng, gồm A, B và C".
# The description starts with a lower-case word and holds no sentence punctuation.
_NOT_TYPE = r"(?!(?i:xã|phường|đặc)(?!\w))"  # another type word starts another list
_DESCRIBED_LIST = re.compile(
    rf"((?:{_SP}+{_NOT_TYPE}[^\s.,;:!?()\[\]\d{UPPER}\"“”][^\s.,;:!?()\[\]]*)"
    rf"(?:{_SP}+{_NOT_TYPE}[^\s.,;:!?()\[\]]+){{0,15}}?)"
    rf"{_SP}*,?{_SP}*(?:{_SP}(?:bao{_SP}+gồm|gồm{_SP}+có|gồm|là|như)(?!\w)|:|\()"
    rf"{_SP}*(?={_NAME_WORD})"
)

# Between two names of a list: ",", "và", ", và", "cùng (với)".
_AND = rf"(?i:và|cùng(?:{_SP}+với)?)"
_LIST_SEP = re.compile(rf"{_SP}*,{_SP}*(?:({_AND}){_SP}+)?|{_SP}+({_AND}){_SP}+")
# After a name: "(cũ)", "cũ", "(mới)", "mới".
_MARK = re.compile(rf"{_SP}*\({_SP}*(cũ|mới){_SP}*\)|{_SP}+(cũ|mới)(?!\w)")
# After a list: "xã B và xã C được sáp nhập vào xã A".
_MERGED_INTO = re.compile(rf"{_SP}+(?:đã{_SP}+)?(?:được{_SP}+)?(?:sáp{_SP}+nhập|nhập|hợp{_SP}+nhất){_SP}+vào(?!\w)")

# The context before a list (lower-cased): a cue, then only filler words up to the list.
_GAP_MAX = 100  # characters between a cue and the list
_FILLER = (
    rf"(?:{_SP}*,)?{_SP}+(?:từ|toàn bộ|một phần|nguyên trạng|diện tích|tự nhiên|quy mô|dân số|của|các|lại|"
    rf"với|và|những|\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)(?!\w)"
)
_FORMER_CUE = re.compile(
    r"(?<!\w)(?:sáp nhập|hợp nhất|sắp xếp|(?<!thu )nhập|thành lập từ|hình thành từ|"
    r"trên cơ sở(?= (?:nguyên trạng|toàn bộ))|"
    r"trước đây là|trước kia là|trước đây thuộc|nguyên là|vốn là|tiền thân là)(?!\w)"
)
_FORMER_GAP = re.compile(rf"(?:{_FILLER})*{_SP}*")
_PASSING_CUE = re.compile(
    r"(?<!\w)(?:giáp ranh|tiếp giáp|giáp|liền kề|kế cận|lân cận|giống như|"
    r"tương tự như|tương tự|so với|(?<!cũng )như|"
    # A model held up to learn from: "học tập cách làm của xã B", "nhân rộng mô hình của xã C".
    r"(?:học tập|học hỏi|tham khảo|nhân rộng)(?:\s+(?:kinh nghiệm|cách làm|mô hình)(?:\s+hay)?)?(?:\s+(?:của|từ|ở|tại))?)(?!\w)"
)
# "giáp ranh giữa xã A và xã B": the border is between the two, both named in passing there.
_PASSING_GAP = re.compile(rf"(?:{_SP}+(?:với|giữa|các|một số|những|nhiều|hai|ba|\d+)(?!\w))*{_SP}*")
_AFTER = re.compile(rf"(?<!\w)sau(?:{_SP}+khi)?(?:{_SP}+(?:được|đã|thực hiện))*{_SP}+$")
# After "sau (khi) sáp nhập X": X is former when merged into or with something, or when the
# new commune follows ("..., xã A có"); else X is the new commune ("Sau sáp nhập xã A có").
_INTO = re.compile(rf"{_SP}+(?:vào|với|thành)(?!\w)|{_SP}*,{_SP}*(?i:xã|phường|đặc{_SP}+khu)(?!\w)")
# "một số xã như xã A, xã B": "như" gives examples of the communes visited, not a comparison.
_EXAMPLE_NOUNS = ("xã", "phường", "đặc khu", "địa phương", "đơn vị")
_EXAMPLE_REACH = 70  # characters from the plural noun to "như"


@dataclass(frozen=True)
class CommuneMention:
    """A commune named in the text: its type word (lower-case), its name words, where it
    starts, its role (PART, FORMER or PASSING), every type its type words allow ("các xã,
    phường A" allows both) and the list it belongs to (mentions of one list share it)."""

    type: str
    words: tuple[str, ...]
    start: int
    role: str = PART
    types: tuple[str, ...] = ()
    group: int = -1

    @property
    def allowed_types(self) -> tuple[str, ...]:
        """The types the commune may be of: those its type words allow, else its own type."""
        return self.types or (self.type,)


def _after_thi(text: str, start: int) -> bool:
    """Whether the type word at `start` follows "thị" ("thị xã": a former district-level
    town, not a commune)."""
    end = start
    while end > 0 and start - end < 3 and text[end - 1] in " \t\u00a0":
        end -= 1
    return end >= 3 and text[end - 3 : end].lower() == "thị" and (end == 3 or not text[end - 4].isalnum())


def _word_before(text: str, start: int) -> int:
    """Where the word before `start` begins (after at most three spaces), or -1."""
    end = start
    while end > 0 and start - end < 3 and text[end - 1] in " \t\u00a0":
        end -= 1
    if end == start:
        return -1
    begin = end
    while begin > 0 and end - begin < 7 and text[begin - 1].isalnum():
        begin -= 1
    if begin == end or (begin > 0 and text[begin - 1].isalnum()):
        return -1
    return begin


def _plural_before(text: str, start: int) -> int:
    """Where the plural before the type word at `start` begins ("các", "7", "một số"), or -1."""
    begin = _word_before(text, start)
    if begin < 0:
        return -1
    word = text[begin:start].strip().lower()
    if word in _PLURAL_WORDS or word.isdigit():
        return begin
    if word == "số":
        before = _word_before(text, begin)
        if before >= 0 and text[before:begin].strip().lower() == "một":
            return before
    return -1


def nfc(text: str) -> str:
    """`text` in NFC (itself when it already is)."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _lower(text: str) -> str:
    """Lower-case `text` keeping every character where it was (positions stay valid)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else "".join(ch.lower()[:1] or ch for ch in text)


@lru_cache(maxsize=256)
def _types_of(group: str) -> tuple[str, ...]:
    found: list[str] = []
    for word in _ONE_TYPE.findall(group):
        type_ = " ".join(word.lower().split())
        if type_ not in found:
            found.append(type_)
    return tuple(found)


class _Cues:
    """The cues of one text, found once, so each list looks its context up in log time."""

    def __init__(self, lowered: str) -> None:
        self.lowered = lowered
        self.former = [(m.end(), m.start()) for m in _FORMER_CUE.finditer(lowered)]
        self.former_ends = [end for end, _ in self.former]
        self.passing = [(m.end(), m.start()) for m in _PASSING_CUE.finditer(lowered)]
        self.passing_ends = [end for end, _ in self.passing]

    def _last(self, cues: list[tuple[int, int]], ends: list[int], start: int, gap: re.Pattern[str]) -> tuple[int, int] | None:
        """The last cue ending before `start` when only gap words lie between."""
        index = bisect_right(ends, start) - 1
        if index < 0:
            return None
        end, cue_start = cues[index]
        if start - end > _GAP_MAX or not gap.fullmatch(self.lowered, end, start):
            return None
        return cue_start, end

    def _examples(self, cue: int) -> bool:
        """Whether "như" at `cue` follows a plural of communes ("các xã vùng cao như"),
        in the same clause and without a word that makes them neighbours."""
        lowered = self.lowered
        low = max(0, cue - _EXAMPLE_REACH)
        noun, at = "", -1
        for word in _EXAMPLE_NOUNS:
            found = lowered.rfind(word, low, cue)
            while found >= 0 and (found > 0 and lowered[found - 1].isalnum()):
                found = lowered.rfind(word, low, found)
            if found > at:
                noun, at = word, found
        if at < 0 or _plural_before(lowered, at) < 0:
            return False
        between = lowered[at + len(noun) : cue]
        return not any(mark in between for mark in ".;:!?\n") and not _NEIGHBOUR_WORD.search(between)

    def role(self, start: int, end: int) -> str:
        """The role the context around the list from `start` to `end` gives all of it."""
        lowered = self.lowered
        former = self._last(self.former, self.former_ends, start, _FORMER_GAP)
        if former:
            # "Sau sáp nhập xã A có ..." speaks of the new commune; "sau khi sáp nhập xã B
            # vào xã A" and "sau khi sáp nhập các xã B, C, xã A có ..." of the former ones.
            if _AFTER.search(lowered, max(0, former[0] - 24), former[0]):
                return FORMER if _INTO.match(lowered, end) else PART
            return FORMER
        passing = self._last(self.passing, self.passing_ends, start, _PASSING_GAP)
        if passing:
            if lowered.startswith("như", passing[0]) and self._examples(passing[0]):
                return PART
            return PASSING
        return PART


def find_commune_mentions(text: str) -> list[CommuneMention]:
    """Return every commune mention, expanding lists, in text order, each with its role.

    Names are kept as the full run of capitalised words ("Cửa Lò Nguyễn Văn Tư"); the
    registry look-up later keeps the longest prefix that is a real commune. Positions are
    those of the text in NFC (the reader's text already is).
    """
    if not isinstance(text, str) or not text:
        return []
    text = nfc(text)
    cues = _Cues(_lower(text))
    mentions: list[CommuneMention] = []
    group = 0
    pos = 0
    for match in _TYPE_GROUP.finditer(text):
        if match.start() < pos:
            continue  # a type word inside a list already read ("xã A, xã B")
        pos = match.end()
        if _after_thi(text, match.start()):
            continue
        types = _types_of(match.group(0))
        chain_start = match.start()
        role = None
        begin = _BEGIN.match(text, pos)
        if begin is None:
            qualified = _QUALIFIED.match(text, pos)
            if qualified:
                begin = qualified
                if _NEIGHBOUR_WORD.search(qualified.group(1).lower()):
                    role = PASSING
            else:
                plural = _plural_before(text, chain_start)
                described = _DESCRIBED_LIST.match(text, pos) if plural >= 0 else None
                if described is None:
                    continue
                begin = described
                chain_start = plural
                if _NEIGHBOUR_WORD.search(described.group(1).lower()):
                    role = PASSING
        items, end = _read_list(text, begin.end(), types)
        if not items:
            continue
        pos = max(pos, end)
        role = role or cues.role(chain_start, end)
        if role == PART and _MERGED_INTO.match(text, end):
            role = FORMER
        # "các xã B, C và D cũ": the last name's mark is the whole list's.
        bare = [item for item in items if item[3] == items[0][3]]
        if role == PART and len(bare) >= 2 and bare[-1][2] and bare[-1] is items[-1]:
            role = FORMER
        for words, start, former, _segment, item_types in items:
            mentions.append(CommuneMention(item_types[0], words, start, FORMER if former else role, item_types, group))
        group += 1
    return mentions


_ListedName = tuple[tuple[str, ...], int, bool, int, tuple[str, ...]]
"""A name read from a list: its words, where it starts, marked former ("cũ"), its segment, the type words before it."""


def _read_list(text: str, pos: int, types: tuple[str, ...]) -> tuple[list[_ListedName], int]:
    """Read the names of a list from `pos`: (words, start, marked former, segment, types)
    per name, and where the list ends. A segment is the names after one type word."""
    items: list[_ListedName] = []
    segment = 0
    end = pos
    last = False
    while True:
        name = _NAME_AT.match(text, pos)
        if not name:
            break
        end = name.end()
        mark = _MARK.match(text, end)
        former = False
        if mark:
            former = "cũ" in (mark.group(1) or mark.group(2) or "")
            end = mark.end()
        items.append((tuple(name.group(0).split()), name.start(), former, segment, types))
        if last:
            break  # "A, B và C", "xã A và xã B": the name after "và" is the last
        sep = _LIST_SEP.match(text, end)
        if not sep:
            break
        nxt = sep.end()
        last = bool(sep.group(1) or sep.group(2))
        typed = _TYPE_GROUP.match(text, nxt)
        if typed and not _after_thi(text, nxt):
            begin = _BEGIN.match(text, typed.end())
            if begin is None:
                break
            types = _types_of(typed.group(0))
            segment += 1
            pos = begin.end()
            continue
        if not _NAME_AT.match(text, nxt):
            break
        pos = nxt
    return items, end
