"""The body in charge of a request or directive and the bodies that co-operate, as its text says.

The owner is the body "chủ trì" names, else the first body a task is handed to ("giao",
"yêu cầu", "đề nghị" …), else a body that opens a clause and acts ("Sở Xây dựng khẩn
trương hướng dẫn …"); when a People's Committee is asked to have a body act, that body.
The co-agencies are the other bodies named beside it and those after "phối hợp (với)" or
"cùng (với)". See `store.ingest.reader.assignments` for the rules as a whole.
"""

from __future__ import annotations

from typing import NamedTuple

from haicap.store.ingest.reader.agency_lexicon import AGENCY, BARE, COMMITTEE, MAX_LIST, STOP_PAIRS, TITLES
from haicap.store.ingest.reader.agency_names import ListItem, NameReader
from haicap.store.ingest.reader.tokens import Phrases, Tokens, phrases, word_set

__all__ = ["read_bodies"]

# What a body that opens a clause must do next to be the doer: "Sở Y tế chủ trì …",
# "Công an tỉnh tăng cường …". Asking verbs (đề nghị, kiến nghị) are not in it: a body
# that asks is the asker.
_DOING_WORDS = word_set("sớm cần phải sẽ cấp lập giao trình cử khẩn")
_NOT_DOING = phrases(
    "đề nghị", "kiến nghị", "đề xuất", "yêu cầu", "lãnh đạo", "làm việc", "thống nhất", "trả lời", "giải đáp", "phấn đấu", "đề ra"
)
_DOING_PAIRS = Phrases([" ".join(p) for p in STOP_PAIRS.items - _NOT_DOING.items])

# Verbs that hand a task to the bodies named next (the asked or the told).
_ASKING = phrases(
    "giao",
    "giao cho",
    "giao nhiệm vụ cho",
    "yêu cầu",
    "đề nghị",
    "đề nghị với",
    "kiến nghị",
    "kiến nghị với",
    "kiến nghị lên",
    "kiến nghị đến",
    "đề xuất",
    "đề xuất với",
    "chỉ đạo",
    "mong",
    "mong muốn",
    "nhờ",
    "phân công",
    "phân công cho",
    "đề nghị cho",
    "trân trọng đề nghị",
)
_TELLING = phrases("chỉ đạo", "giao", "giao cho", "yêu cầu")
# Words that open a clause before its subject: "Đồng thời, Sở Y tế …".
_OPENERS = phrases(
    "đồng thời",
    "trong đó",
    "theo đó",
    "ngoài ra",
    "bên cạnh đó",
    "riêng",
    "còn",
    "trước mắt",
    "sau đó",
    "tiếp đó",
    "mặt khác",
    "cùng với đó",
    "đặc biệt",
)
_CLAUSE_PUNCT = frozenset('.;:!?()[]-–—•*+"“”,…')
_MEETING = word_set("buổi hội cuộc phiên kỳ lễ đoàn tọa chương sự")


class _Pick(NamedTuple):
    owner: str
    others: tuple[str, ...]


def _after_title(r: NameReader, start: int) -> bool:
    """Whether a person's title ends right before token `start` ("Chủ tịch UBND tỉnh …"),
    unless an asking verb put it there ("giao Giám đốc Sở Tài chính …")."""
    size = r.t.ends_with(start, TITLES)
    return bool(size) and not r.t.ends_with(start - size, _ASKING)


def _clause_start(r: NameReader, i: int) -> bool:
    """Whether token i opens a clause: after punctuation or an opener ("Đồng thời Sở …")."""
    t = r.t
    if i == 0 or t.words[i - 1] in _CLAUSE_PUNCT:
        return True
    size = t.ends_with(i, _OPENERS)
    return bool(size) and (i - size == 0 or t.words[i - size - 1] in _CLAUSE_PUNCT)


def _doing(r: NameReader, k: int) -> bool:
    t = r.t
    return t.key(k) in _DOING_WORDS or bool(t.match(k, _DOING_PAIRS))


_FILLERS = word_set(", sớm sẽ đã xem xét quan tâm có ý kiến để cần")


def _pick(r: NameReader, items: list[ListItem], depth: int = 0) -> _Pick | None:
    """The owner of a list (its first specific body) and the others it names; when a People's
    Committee is asked to have a body act ("UBND tỉnh chỉ đạo Sở X …"), that body's list."""
    specific = [(name, item) for item in items if item.level in (AGENCY, COMMITTEE) for name in item.names]
    if not specific:
        return None
    name, item = specific[0]
    if item.level == COMMITTEE and depth < 2:
        t, k = r.t, items[-1].end
        for _ in range(4):  # "UBND tỉnh sớm quan tâm chỉ đạo …"
            if t.key(k) in _FILLERS:
                k += 1
        size = t.match(k, _TELLING)
        if size:
            inner = _pick(r, r.items(k + size, titles=True), depth + 1)
            if inner is not None:
                return inner
    others = tuple(n for it in items if it.level != BARE for n in it.names if n != name)
    return _Pick(name, others)


def _owner(r: NameReader) -> _Pick | None:
    t = r.t

    def chain(end: int) -> list[ListItem]:
        """The list that ends at token `end`: walk back over "," and "và"."""
        found: list[ListItem] = []
        item = r.item_ending(end)
        while item is not None and len(found) < MAX_LIST:
            found.insert(0, item)
            k = item.start
            if t.key(k - 1) in ("và", "cùng"):
                k -= 1
            if t.key(k - 1) == ",":
                k -= 1
            item = r.item_ending(k) if k < found[0].start else None
        return found

    # 1. "chủ trì" names the owner outright: "Sở X chủ trì", "(Sở X chủ trì)", "chủ trì: Sở X".
    for k in range(t.n - 1):
        if t.keys[k] != "chủ" or t.keys[k + 1] != "trì" or t.key(k + 2) in _MEETING:
            continue  # "chủ trì buổi làm việc" names the chair of the meeting
        before = k - 1 if t.key(k - 1) == "(" else k
        if t.key(before - 1) in ("quan", "vị") and t.key(before - 3) in ("là", "làm"):
            before -= 3  # "Sở X là cơ quan chủ trì"
        listed = chain(before)
        if listed and not _after_title(r, listed[0].start):
            found = _pick(r, listed)
            if found is not None:
                return found
        after = k + 2
        if t.key(after) in (":", "là"):
            after += 1
        elif t.key(k - 1) not in ("quan", "vị"):  # "cơ quan chủ trì Sở X"
            continue
        found = _pick(r, r.items(after, titles=True))
        if found is not None:
            return found
    # 2. The first body handed the task ("giao/yêu cầu/đề nghị X …"), or opening a clause and acting.
    for k in range(t.n):
        size = t.match(k, _ASKING)
        if size and t.key(k - 1) != "bàn":
            found = _pick(r, r.items(k + size, titles=True))
            if found is not None:
                return found
            continue
        if t.is_word(k) and _clause_start(r, k) and not _after_title(r, k):
            listed = r.items(k)
            if listed and _doing(r, listed[-1].end):
                found = _pick(r, listed)
                if found is not None:
                    return found
    return None


_WITH = word_set("chặt chẽ tốt cùng với : đồng bộ thường xuyên nhịp nhàng")


def _co_agencies(r: NameReader) -> list[str]:
    """Bodies after "phối hợp (với)", "cùng (với)", and before "(phối hợp)"."""
    t, names = r.t, list[str]()
    for k in range(t.n - 1):
        if t.keys[k] == "phối" and t.keys[k + 1] == "hợp":
            j = k + 2
            for _ in range(4):
                if t.key(j) in _WITH:
                    j += 1
            for item in r.items(j, titles=True):
                names.extend(item.names)
            if t.key(k - 1) == "(":  # "Sở Y tế (phối hợp)"
                before = r.item_ending(k - 1)
                if before is not None:
                    names.extend(before.names)
        elif t.keys[k] == "cùng":
            j = k + 2 if t.key(k + 1) == "với" else k + 1
            for item in r.items(j):
                names.extend(item.names)
    return names


def read_bodies(text: str) -> tuple[str | None, tuple[str, ...]]:
    """The owner `text` names (None when it names no specific body) and the co-agencies,
    each once, in the order of the text."""
    r = NameReader(Tokens(text))
    found = _owner(r)
    owner = found.owner if found else None
    co: list[str] = []
    seen = {owner.casefold()} if owner else set()
    for name in [*(found.others if found else ()), *_co_agencies(r)]:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            co.append(name)
    return owner, tuple(co)
