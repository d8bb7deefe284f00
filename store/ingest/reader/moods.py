"""The mood of a clause, read from its structure rather than from its topic.

An order has no subject, or a frame of time before its verb ("Ngay sau Tết, ra quân …"); it
may be said by a speaker named before a colon ("Chủ tịch UBND tỉnh kết luận: «…»"); it may
forbid a harm after a comma ("…, tuyệt đối không để lỡ thời vụ"); and an urging opens on an
adverb no statement of fact opens on ("Khẩn trương …"). `store.ingest.reader.classify` asks
these before it weighs the problems and results a clause names: what is to be done about a
problem is not the problem.
"""

from __future__ import annotations

import re

from haicap.store.ingest.reader.cues import IMPERATIVE_START
from haicap.store.ingest.reader.deadlines import DUE_BY
from haicap.store.ingest.reader.kinds import ACHIEVEMENT, DIRECTIVE, REQUEST
from haicap.store.ingest.reader.problems import problem_or_result

__all__ = ["FORBIDS_AFTER_COMMA", "PRIORITY", "URGED", "after_time_frame", "commune_told", "continued_mood", "words_said"]

# A frame of time or occasion before a verb with no subject: "Ngay sau Tết, ra quân …", "Khi có
# mưa lớn, sơ tán …" is still an order (not a past frame: "Năm qua, hoàn thành …" reports).
_TIME_FRAME = re.compile(
    r"^(?:ngay\s+)?(?:sau|trước|khi|dịp|nhân dịp|trong|từ|đầu|cuối|mùa|hằng|hàng|mỗi|những ngày)\b"
    r"(?![^,;:]*\b(?:qua|vừa|đã|năm nay|\d{4})\b)[^,;:]{1,30},\s*"
)
# A speaker's frame before the words said: "chủ tịch ubnd tỉnh kết luận: «…»", "ông a phát biểu: …".
_SAYS = re.compile(
    r"^[^:;\"“”«»]{3,80}?\b(?:kết luận|phát biểu|nói|nhận định|nêu rõ|khẳng định|chia sẻ|nhấn mạnh|lưu ý)"
    r"\s*:\s*[\"“«]?"
)
URGED = re.compile(r"^(?:khẩn trương|quyết liệt|kiên quyết|tuyệt đối|hãy|sớm|nhanh chóng)\s")
"""The adverbs of urging that open an order and never a statement of fact."""
FORBIDS_AFTER_COMMA = re.compile(r",\s*(?:tuyệt đối|kiên quyết)\s+không\s+(?:để|được)\b")
"""A harm forbidden after a comma, with the adverb only an order has: "…, tuyệt đối không để lỡ thời vụ"."""
PRIORITY = re.compile(
    r"\b(?:việc|nhiệm vụ|điều|yêu cầu|vấn đề)\s+(?:[^\s,;:]+\s+){0,2}?(?:cấp bách|cấp thiết|quan trọng|trọng tâm|"
    r"then chốt|cốt lõi|cần làm)\s+(?:nhất|hàng đầu|số một|trước hết|trước tiên)\b[^,;:]{0,30}?\s(?:là|chính là)\s+(?!do\b|vì\b)"
)
"""What the speaker names the first task, and then gives: "việc quan trọng nhất lúc này là ổn định đời
sống bà con" (in the leader's words an order, whatever the task names)."""
# The commune as the subject, and up to three words of its name: "xã", "ubnd xã bình gia", "các xã".
_COMMUNE_SUBJECT = re.compile(
    r"^(?:(?:ubnd|đảng ủy|chính quyền|cấp ủy)\s+)?(?:các\s+|hai\s+|ba\s+)?(?:xã|phường|đặc khu|địa phương)\b"
)


def words_said(core: str) -> str:
    """`core` (lower case) without a speaker's frame before a colon: what the speaker said."""
    return _SAYS.sub("", core, count=1)


def after_time_frame(core: str) -> str:
    """`core` (lower case) without a frame of time or occasion that opens it (see `_TIME_FRAME`)."""
    frame = _TIME_FRAME.match(core)
    return core[frame.end() :] if frame else core


def commune_told(core: str, text: str) -> bool:
    """Whether clause `text` (`core`: its lower case without openers) is the commune told to do
    something: its name, then the verb an order opens on ("xã rà soát, lập danh sách …", "UBND xã
    Bình Gia bố trí quỹ đất …"), with nothing between that says it was, is or will be done. A line
    with no full stop is a title ("- Xã A ra quân …" among related links), no order."""
    subject = _COMMUNE_SUBJECT.match(core)
    if subject is None or not text.rstrip(' "”’»)').endswith((".", "!", "…")):
        return False
    words = core[subject.end() :].split()
    for skip in range(4):  # the name, if any, is at most three words long
        rest = " ".join(words[skip:])
        if re.match(r"(?:đã|sẽ|đang|vừa|mới|cũng đã|có|là|còn|chưa|không|bị|được)\b", rest):
            return False
        if IMPERATIVE_START.match(rest):
            return True
    return False


# What a task has and a figure reported has not: an aim, a duty, a time still to come.
_STILL_TO_DO = re.compile(r"\b(?:tiếp tục|phấn đấu|phải|cần|nâng|đạt trên|bảo đảm|đảm bảo|sẽ|thời gian tới|năm tới)\b")


def continued_mood(prev_kind: str | None, core: str, imperative: bool) -> str | None:
    """The kind a clause opening on a bare verb takes from the clause before it in its sentence:
    the ask or the order it continues ("đề nghị tỉnh hỗ trợ A; hỗ trợ B"), or the report of
    results it goes on with, when it counts one more done ("Thời gian qua, xã đã thu ngân sách
    đạt 56% dự toán; hoàn thành 38 căn nhà …"); None when it continues neither."""
    if not imperative:
        return None
    if prev_kind in (REQUEST, DIRECTIVE):
        return prev_kind
    done = prev_kind == ACHIEVEMENT and re.search(r"\d", core) and problem_or_result(core) == ACHIEVEMENT
    return ACHIEVEMENT if done and not DUE_BY.search(core) and not _STILL_TO_DO.search(core) else None
