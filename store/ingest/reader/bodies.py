"""Bodies told to act in the leader's words; what a commune asks for, and its needs put to those above.

A leader's conclusion assigns work by naming a body at the head of a clause and what it does:
"Trung tâm Y tế khu vực bổ sung bác sĩ …", "Bưu điện tỉnh phối hợp với xã chi trả …", "Các
thôn chấm dứt tình trạng …". Any kind of body may be named (departments, utilities, banks,
hamlets, schools), so the body is found by its head noun, and the order by what follows its
name: a verb of doing, not a state ("đang chậm", "còn thiếu", "đã …").
"""

from __future__ import annotations

import re

from haicap.store.ingest.reader import cues
from haicap.store.ingest.reader.problems import names_problem

__all__ = ["NEED_FROM_ABOVE", "THING_ASKED", "WE_BELOW", "body_acts"]

_BODY = re.compile(
    r"^(?:\W*(?:\d{1,2}[.)]|[a-zđ][.)])\s+)?(?:các\s+|mỗi\s+)?(?:sở|ban|trung tâm|công ty|tổng công ty|điện lực|bưu điện|"
    r"viettel|vnpt|mobifone|ngân hàng|chi nhánh|kho bạc|bộ chỉ huy|công an|đồn biên phòng|bộ đội biên phòng|"
    r"hội|mặt trận|ủy ban mặt trận|ubmttq|đoàn thanh niên|thôn|ấp|bản|tổ dân phố|trường|trạm y tế|phòng|"
    r"cơ quan|đơn vị|lực lượng|tổ công tác|ban chỉ đạo|hợp tác xã|văn phòng)\b"
    # Words that open with a body's noun and are none: "hội nghị", "trường hợp", "phòng, chống", "bản thân".
    r"(?!\s*,?\s*(?:nghị|thảo|thi|diễn|chợ|hợp|chống|ngừa|thân|đồ|sắc|lĩnh|hành)\b)"
)
# What a body's name may be followed by that says how it is, not what it is to do.
_STATE = re.compile(r"^(?:đã|đang|vẫn|còn|chưa|không|bị|được|sẽ|có|là|thì|cũng|rất|mới|vừa|luôn|nhiều|ít|thuộc|nằm|gồm)\b")
# Verbs of doing that `cues.IMPERATIVE_START` does not open with (it is a list of openers).
_MORE_DOING = re.compile(r"^(?:chấm dứt|lắp|lắp thêm|chi trả|cung ứng|tiếp nhận|cử|điều|di dời|tu sửa|sửa chữa|bàn giao)\b")
# "…, báo cáo UBND tỉnh …", "…, báo cáo kết quả về Thường trực Tỉnh ủy": the body reports on its task.
_REPORTS_BACK = re.compile(
    r",\s*(?:và\s+)?báo cáo\s+(?:kết quả\s+)?(?:về\s+)?(?:cho\s+)?(?:ubnd|chủ tịch|thường trực|tỉnh ủy|thành ủy|ban thường vụ)\b"
)
_NAME_WORDS = 8
"""Words a body's name may run to before its verb ("Trung tâm Phát triển quỹ đất tỉnh")."""


def body_acts(core: str) -> bool:
    """Whether the clause `core` (lower case) opens with a body and then a verb of doing.

    The name runs word by word until a verb of doing opens the rest; a state word there
    ("Trạm y tế xã đang xuống cấp") or a problem right after the name says how the body is.
    A verb of no list is doing when the clause then tells the body to report back to the province.
    """
    head = _BODY.match(core)
    if head is None:
        return False
    rest = core[head.end() :]
    for _ in range(_NAME_WORDS):
        rest = rest.lstrip(" ,")
        if cues.IMPERATIVE_START.match(rest) or _MORE_DOING.match(rest):
            return True
        if not rest or _STATE.match(rest) or names_problem(rest[:25]):
            return False
        rest = rest.split(" ", 1)[1] if " " in rest else ""
    # A verb no list holds, then the body told to report back ("Sở X khảo sát ngay …, báo cáo UBND
    # tỉnh trong tháng 1"): only an assignment is reported back on.
    return bool(_REPORTS_BACK.search(rest))


THING_ASKED = re.compile(
    r"^(?:kinh phí|nguồn vốn|vốn|biên chế|chính sách|cơ chế|chủ trương|định mức|máy móc|trang thiết bị|thiết bị|"
    r"xi măng|giống|cây giống|con giống)\b"
    # Leave asked for: "Cho phép xã chuyển mục đích sử dụng …", "Cho xã được vay vốn …".
    # A level asked raised or cut ("Tăng biên chế …", "Nâng định mức …"; not "tăng 5%", a result).
    r"|^(?:tăng|nâng|giảm|miễn)\s+(?!\d|mạnh|nhanh|cao|đáng kể|hơn|gần|khoảng|lên|so với|trên)"
    r"|^cho\s+(?:phép\s+)?(?:các\s+)?(?:xã|phường|đặc khu|địa phương|người dân|bà con|hộ|doanh nghiệp|hợp tác xã)\b"
)
"""A line of a commune's list of asks that names only what it wants: "+ Kinh phí sửa chữa 3 điểm trường …"."""

NEED_FROM_ABOVE = re.compile(
    r"\b(?:rất cần|cần|mong|rất mong|mong muốn)\s+(?:được\s+)?(?:tỉnh|thành phố|trung ương|cấp trên|nhà nước)\b"
    r"(?:\s+\S+){0,2}?\s+(?:quan tâm|hỗ trợ|đầu tư|bố trí|xem xét|tạo điều kiện|cho phép|sớm)\b"
)
"""A need put to those above: "Chúng tôi rất cần tỉnh hỗ trợ …", "Xã mong thành phố sớm …"."""
WE_BELOW = re.compile(r"\b(?:chúng tôi|xã|bà con|người dân|nhân dân)\b")
"""Who speaks from below when they put a need to those above."""
