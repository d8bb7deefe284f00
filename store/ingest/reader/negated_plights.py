"""Negation by position: "không còn hộ thiếu nhà ở" is a result, "nhiều hộ không có đất" a problem.

Vietnamese denies that anyone is in a plight by putting the negated verb of existence before
the people or places in it: "không còn hộ thiếu nhà ở", "không có học sinh phải nghỉ
học do mưa lũ", "không còn thôn bị chia cắt". Whatever plight follows them is inside the
negation's scope, so the clause reports it gone. When the negation comes after the people
("nhiều hộ không có đất sản xuất", "3 thôn vẫn không có sóng điện thoại") it is what they lack,
a problem. The scope ends where the clause turns or gives a consequence ("… nên …", "… nhưng …"):
"không có cán bộ chuyên trách nên việc số hóa còn chậm" lacks the staff, and the delay is real.
"""

from __future__ import annotations

import re

from haicap.store.ingest.reader import cues

__all__ = ["strip_negated_plights"]

# The negated verb of existence, not after what says it still holds ("vẫn không có", "còn không có").
_NEGATOR = r"(?<!vẫn )(?<!còn )\b(?:không còn|không có|không hề có)\s+(?:một\s+|bất kỳ\s+|bất cứ\s+)?"
# Who or what may be in a plight: people, households, places, buildings, cases (not resources:
# "không có cán bộ chuyên trách", "không có kinh phí" lack them).
_BEARER = (
    r"(?:hộ dân|hộ gia đình|hộ|gia đình|người dân|người|nhân khẩu|trẻ em|học sinh|em|cháu|lao động|bà con|"
    r"thôn|bản|ấp|xóm|tổ dân phố|khu dân cư|điểm dân cư|làng|nhà|ngôi nhà|căn nhà|trường|điểm trường|lớp học|"
    r"công trình|tuyến đường|đoạn đường|tuyến|cây cầu|cầu|diện tích|ruộng|tàu|tàu cá|phương tiện|trường hợp|ca|vụ|"
    r"hồ sơ|đơn|đơn thư|doanh nghiệp|cơ sở|đối tượng)"
)
# The clause's end, a turn or a consequence: the scope of the negation stops there.
_SCOPE_END = r"(?=[,;.:]|\s(?:nên|để|nhưng|song|mà|khiến|dẫn đến|tuy nhiên|đồng thời|và đã)\b|$)"
_NEGATED_BEARER = re.compile(_NEGATOR + r"(?:các\s+|những\s+)?" + _BEARER + r"\b(?P<plight>.{1,80}?)" + _SCOPE_END)


def strip_negated_plights(low: str) -> tuple[str, bool]:
    """`low` (lower case) without the plights its negations deny, and whether there were any.

    A span is denied when the negation opens it before its bearer and the words after the
    bearer name a problem: "không còn hộ thiếu nhà ở" goes, "không có hộ được hỗ trợ"
    (no plight) and "nhiều hộ không có đất" (the negation after the people) stay."""
    found = False
    pieces: list[str] = []
    last = 0
    for match in _NEGATED_BEARER.finditer(low):
        if not cues.PROBLEM.search(match.group("plight")):
            continue
        pieces.append(low[last : match.start()])
        pieces.append(" ")
        last = match.end()
        found = True
    if not found:
        return low, False
    pieces.append(low[last:])
    return "".join(pieces), True
