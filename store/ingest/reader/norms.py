"""The leader's norms: what the commune may not do, or must, said as a rule rather than an order.

An order need not open on a verb or say "phải" at once. The leader keeps a harm off ("Việc
cấp bách nhất là không để người dân nào bị đói"), allows no excuse ("Không có lý do gì để
chậm trễ …"), or states a norm the commune is held to: "Xã không thể chờ cấp trên giao việc
rồi mới làm", "phường không thể để người dân chịu ngập thêm một mùa mưa", "việc gì thuộc thẩm
quyền thì phải làm ngay"; a page reports it after a verb of saying ("…, ông A nhấn mạnh phường không thể để …"). The mood is in the
modal that follows the commune's side, not in the plight the norm names, so
`store.ingest.reader.classify` asks this before it weighs the problems a clause names. An
inability is no norm: "xã không thể tự cân đối được", "cán bộ không thể nắm hết địa bàn vì
xã quá rộng" state a difficulty, and a subject of people who bear something ("nhiều hộ không
thể sản xuất") is no addressee.
"""

from __future__ import annotations

import re

from haicap.store.ingest.reader.moods import FORBIDS_AFTER_COMMA

__all__ = ["holds_to_norm", "states_norm"]

# Not letting a harm happen: "(việc trước mắt) là không để …", "tuyệt đối không để …".
_PREVENTS = re.compile(r"^(?:tuyệt đối\s+|kiên quyết\s+)?không để\b|\b(?:là|phải)\s+(?:tuyệt đối\s+|kiên quyết\s+)?không để\b")
# No excuse allowed: "Không có lý do gì để chậm trễ …", "xã không còn lý do nào mà chần chừ".
_NO_EXCUSE = re.compile(r"\bkhông (?:có|còn) lý do (?:gì|nào)\s+(?:để|mà)\b")

# What a page's verb of saying puts before the words said: "…, ông A nhấn mạnh (rằng) …".
_SAYING = re.compile(
    r"^theo\s+(?:ông|bà|đồng chí|lãnh đạo)\b[^,;:\"“”«»]{0,60},\s*"
    r"|^[^\"“”«»]{0,160}?\b(?:nhấn mạnh|khẳng định|lưu ý|nhắc nhở|nhắc|nói|cho rằng|quán triệt|chỉ rõ)\s*(?:rằng\s*)?[,:]?\s*"
)
# The commune's side as the subject a norm binds (and up to a few words of its name).
_BOUND = (
    r"(?:xã|phường|đặc khu|địa phương|chính quyền|cấp ủy|đảng ủy|cán bộ|công chức|bộ máy|người đứng đầu|"
    r"lãnh đạo xã|lãnh đạo phường|ubnd xã|ubnd phường|các ngành|ngành|thôn|bản|tổ dân phố)"
)
# "không thể" binds as "may not" (not "không thể tự …", a means lacking), "không nên" as "should
# not", "không được để" as "must not let" (not "không được cấp …", a benefit withheld). A frame
# of time may come first ("sau sáp nhập xã không thể …"), and with no subject at all "không thể
# để …" is a norm ("Không thể để người dân chờ mãi …").
_MAY_NOT = re.compile(
    r"^\W*(?:(?:sau|trước|từ nay|từ|trong|khi|thời gian tới)\b[^,;:]{0,30}?\s)??"
    rf"(?P<subject>(?:(?:các|hai|ba)\s+)?{_BOUND}\b[^,;:]{{0,30}}?\s|chúng ta\s+)?"
    # (A subject that "không để" a harm keeps it off: "Các xã không để xảy ra sai sót …".)
    r"(?:không thể|không nên|không được(?=\s+để\b)|(?:tuyệt đối\s+|kiên quyết\s+)?không để(?=\s))\s+(?!tự\b|nào\b|được\b)"
)
# Whatever of a kind, then what must be done with it: "việc gì thuộc thẩm quyền thì phải …",
# "hộ nào đủ điều kiện thì cần …".
_WHATEVER_MUST = re.compile(
    r"\b(?:việc|ai|nơi|chỗ|hộ|trường hợp|hồ sơ|vướng mắc)\s+(?:gì|nào)\b[^;.]{0,60}?\bthì\s+"
    r"(?:phải|cần phải|cần|không được)\s+(?!được\b)"
)
# A turn that opens the clause: "…, nhưng cán bộ xã không nên …".
_TURN = re.compile(r"^(?:nhưng|song|mà|và|còn|tuy nhiên|tuy vậy|vì vậy|do đó)\s*,?\s+")
_AFTER_COMMA = re.compile(r"[,;]\s+(?:nhưng\s+|song\s+|mà\s+)?")
# What turns "không thể" into a means lacking: "… được", a cause after it (in its own clause).
_INABILITY = re.compile(r"^[^,;]*\b(?:được|do|vì|bởi|tại vì)\b")


def holds_to_norm(said: str, past: bool = False) -> bool:
    """Whether `said` (lower case, without the attribution after a closing quote), in the
    leader's words, keeps a harm off ("… là không để …", "…, tuyệt đối không để …"), allows no
    excuse ("không có lý do gì để chậm trễ") or states a norm (`states_norm`). When the clause
    opens on what was done (`past`), only a norm after a comma counts: "Bà con đã hiến đất
    làm đường, chính quyền không thể để con đường dở dang"."""
    if not past and (_PREVENTS.search(said.lstrip(' "“«')) or FORBIDS_AFTER_COMMA.search(said) or _NO_EXCUSE.search(said)):
        return True
    later = _AFTER_COMMA.split(said)[1:]
    return any(states_norm(part) for part in (later if past else [said, *later]))


def states_norm(said: str) -> bool:
    """Whether `said` (lower case, without the attribution after a closing quote) is a norm
    the commune's side is held to (see the module docstring)."""
    words = _TURN.sub("", said.lstrip(' "“«'), count=1)
    reported = _SAYING.match(words)
    if reported:
        words = words[reported.end() :].lstrip(' "“«')
    if _WHATEVER_MUST.search(words):
        return True
    bound = _MAY_NOT.match(words)
    if bound is None or _INABILITY.match(words[bound.end() :]):
        return False
    # With no subject, only "không thể để" is a norm ("không thể đi lại" says who cannot).
    return bound.group("subject") is not None or words[bound.end() :].startswith("để ")
