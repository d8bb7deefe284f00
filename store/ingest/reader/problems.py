"""Problem or result: what a clause with no speech act reports.

Problems beat results; fixing a problem, not having one, or having less of one is a result;
a figure short of its plan is a problem. The cue words live in `store.ingest.reader.cues`; this module
holds how they are weighed, and what is set aside first (the event that frames the work, where
and when it was done).
"""

from __future__ import annotations

import functools
import re

from haicap.store.ingest.reader import cues
from haicap.store.ingest.reader.kinds import ACHIEVEMENT, DIFFICULTY
from haicap.store.ingest.reader.negated_plights import strip_negated_plights

__all__ = ["DAMAGE_SEEN", "STILL_AFTER_TURN", "behind_plan", "names_problem", "problem_or_result", "result_in"]

_EVENT_FRAME = re.compile(
    r"(?:^\W*|,\s*)(?:(?:ngay\s+)?(?:sau khi|khi|trong khi|ngay khi)\s+[^,;]{1,50}?\b(?:xảy ra|đi qua|kết thúc)"
    # "Trong đợt mưa lũ vừa qua, xã đã …": the event frames what was done, it is not the clause's problem.
    r"|(?:trong|qua|sau)\s+(?:các\s+)?(?:đợt|trận|cơn|mùa)\s+[^,;]{1,40}?"
    r"|(?:ngay\s+)?sau\s+(?:mưa lũ|bão|lũ|lũ lụt|thiên tai|sự cố|mưa lớn)[^,;]{0,30}?)"
    # ... also before what did not happen in it: "Trong mùa mưa lũ, không có người bị đuối nước".
    r"\s*,\s*(?=.*\b(?:đã|không để xảy ra|không có|không để|không xảy ra|không phải)\b)"
)
_WHERE_WHEN = re.compile(
    r"\b(?:ở|tại|cho|trong|vào|khỏi)\s+(?:các\s+|những\s+)?(?:vùng|khu vực|khu|điểm|nơi|địa bàn|ấp|thôn|bản)\s+"
    r"(?:bị\s+)?(?:ngập(?:\s+sâu)?|sạt lở|lũ|thiên tai|xung yếu|nguy hiểm)\b"
    r"|\b(?:trong\s+|vào\s+)?mùa\s+(?:lũ|mưa lũ|mưa bão|mưa|khô|hạn)\b"
    # Who the work reached: "học sinh của các bản bị ảnh hưởng", "chở nước đến các điểm dân cư bị thiếu nước".
    r"|\b(?:của|ở|tại|cho|đến|tới)\s+(?:các\s+|những\s+)?(?:bản|thôn|xã|hộ|vùng|khu vực|điểm dân cư|điểm|địa bàn|ấp|trường)\s+"
    r"(?:bị\s+)?(?:ảnh hưởng|thiệt hại|thiếu nước|ngập|sạt lở|mưa lũ|lũ)\b"
)
_SHARE_OF_PLAN = re.compile(
    r"\b(?:đạt|bằng|mới đạt|chỉ đạt)\s+(?:khoảng\s+|gần\s+)?(\d{1,3}(?:[.,]\d+)?)\s?%\s+(?:so với\s+)?"
    r"(kế hoạch|dự toán|chỉ tiêu|mục tiêu|cùng kỳ)"
)
# Work done on the whole of a problem: "đã số hóa toàn bộ hồ sơ tồn đọng", "đã xử lý xong 40 hồ
# sơ quá hạn", "đã di dời 100% số hộ ở vùng sạt lở". The problem names what the work cleared; the
# verb before the quantifier must not itself be the harm ("đã cuốn trôi toàn bộ …").
_DONE_WHOLE = re.compile(
    r"\bđã\s+(?!bị\b|làm\b|gây\b)((?:[^\s,;.]+\s+){1,4}?)(?:toàn bộ|xong|dứt điểm|100%)\s+(?:số\s+|các\s+|những\s+)?(?:[^,;.]|(?<=\d)\.(?=\d))+"
)
# Progress that has come only part of the way: "mới giải phóng mặt bằng được khoảng 60%", "chỉ
# giải ngân được 35%", "mới có 4/9 thôn" (not "chỉ đạo …", not a target set: "phấn đấu đạt 95%").
_PART_WAY = re.compile(
    r"\b(?:mới|chỉ|chỉ mới|mới chỉ)\s+(?!đạo\b|tiêu\b|rõ\b|định\b|số\b)(?:[^\s,;.]+\s+){0,5}?(?:được|đạt|có|hoàn thành)\s+"
    r"(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?(?:(\d{1,3}(?:[.,]\d+)?)\s?%|(\d+)\s*/\s*(\d+)(?![/\d])"
    # ... or a share in words: "mới đổ bê tông được khoảng một nửa".
    r"|(một nửa|non nửa|quá nửa|một phần ba|hai phần ba|một phần tư|ba phần tư)\b)"
)
# A lack: "3 thôn vẫn không có sóng điện thoại", "nhiều hộ không có đất sản xuất" (what is had
# is no harm: "không có hộ thiếu đói" is taken out as a negated problem before this is asked).
_LACKS = re.compile(
    r"\b(?:vẫn|còn|vẫn còn)\s+không có\b"
    r"|\bkhông (?:còn|có)\s+(?:kinh phí|vốn|nguồn vốn|nguồn lực|quỹ đất|đất sản xuất|biên chế|chỗ ở|chỗ)\b"
    r"|\b(?:nhiều|một số|một bộ phận|phần lớn|hàng trăm|hàng chục|\d+)\s+(?:hộ|người|thôn|bản|ấp|gia đình|học sinh|"
    r"trường|điểm trường|cán bộ|công chức)\b[^,;.]{0,20}?\skhông có\b"
)
# A price that falls for what the commune sells is a loss ("giá chè búp tươi giảm mạnh"); a falling
# price of what it buys is not ("giá phân bón giảm").
_PRICE_FALL = re.compile(
    r"\bgiá\s+(?:bán\s+|thu mua\s+)?(?!vật tư|phân bón|thức ăn|xăng|dầu|điện|cước|thuốc|nguyên liệu|đất)"
    r"(?:[^\s,;.]+\s+){0,3}?(?:giảm mạnh|giảm sâu|giảm|xuống thấp|rớt|sụt|lao dốc|bấp bênh)\b"
)
_PERIOD = re.compile(r"\b(\d{1,2})\s+tháng\b|\bquý\s+(I{1,3}|IV|[1-4])\b", re.IGNORECASE)
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


@functools.lru_cache(maxsize=4096)
def names_problem(text: str) -> bool:
    """Whether `text` names a problem (`cues.PROBLEM`, the reader's longest pattern: one clause
    is asked about up to five times, so each text is searched once)."""
    return cues.PROBLEM.search(text) is not None


@functools.lru_cache(maxsize=4096)
def result_in(text: str) -> re.Match[str] | None:
    """The first result cue of `text` (`cues.RESULT`), searched once per text."""
    return cues.RESULT.search(text)


@functools.lru_cache(maxsize=4096)
def behind_plan(low: str) -> bool:
    """Whether a figure falls short: below last year ("bằng 82% cùng kỳ"), or below the share
    of a plan the period stated calls for ("9 tháng … đạt 61% kế hoạch"; half when no period
    is stated: "đạt 41% kế hoạch vốn"). A figure up on last year is not behind, whatever its share
    ("đạt 31,5% dự toán và tăng 8% so với cùng kỳ": the period may be stated elsewhere)."""
    for part in _PART_WAY.finditer(low):
        if re.search(r"\b(?:phấn đấu|mục tiêu|dự kiến|kế hoạch đến)\b", low[max(0, part.start() - 40) : part.start()]):
            continue
        share, done, whole, words = part.groups()
        if words or (share and float(share.replace(",", ".")) < 100) or (done and int(done) < int(whole)):
            return True
    if re.search(r"\btăng\b[^;.]{0,25}?\bso với cùng kỳ\b", low):
        return False
    for match in _SHARE_OF_PLAN.finditer(low):
        value = float(match.group(1).replace(",", "."))
        if match.group(2) == "cùng kỳ":
            if value < 100:
                return True
            continue
        due = 50.0
        period = _PERIOD.search(low)
        if period:
            quarter = period.group(2) or ""
            months = (
                int(period.group(1))
                if period.group(1)
                else 3 * (int(quarter) if quarter.isdigit() else _QUARTERS[quarter.lower()])
            )
            if 1 <= months <= 12:
                due = 100.0 * months / 12
        if value < due:
            return True
    return False


@functools.lru_cache(maxsize=4096)
def problem_or_result(low: str) -> str | None:
    """Problems beat results; fixing a problem or not having one is not a problem.

    A function of the text alone, remembered for the last few thousand clauses: the classifier
    asks about the same clause more than once, and reports repeat their set phrases."""
    if behind_plan(low) or _PRICE_FALL.search(low):
        return DIFFICULTY
    # "Ngay sau khi mưa lũ xảy ra, xã đã …": the time frame names the event, not a problem of the clause.
    low = _EVENT_FRAME.sub("", low, count=1)
    cleaned = cues.SHARE.sub(" ", cues.DEMAND_GROWTH.sub(" ", cues.REMEDY.sub(" ", low)))
    if re.search(r"\bđã\b", low):
        # "xã đã tổ chức 12 điểm giữ trẻ mùa lũ, bảo đảm trẻ ở vùng ngập được trông giữ": where
        # and when the work was done, not a problem of the clause.
        cleaned = _WHERE_WHEN.sub(" ", cleaned)
    # A pattern that finds nothing leaves the text as it is: substitute only after a find.
    reduced = cues.REDUCED.search(cleaned) is not None
    if reduced:
        cleaned = cues.REDUCED.sub(" ", cleaned)
    whole = _DONE_WHOLE.search(cleaned)
    if whole and not names_problem(whole.group(1)) and names_problem(whole.group(0)):
        reduced = True
        cleaned = cleaned[: whole.start()] + " " + cleaned[whole.end() :]
    negation = cues.NEGATED_PROBLEM.search(cleaned) is not None
    if negation:
        cleaned = cues.NEGATED_PROBLEM.sub(" ", cleaned)
    # "không còn hộ thiếu nhà ở": the negation before the people scopes over their plight.
    cleaned, denied = strip_negated_plights(cleaned)
    negated = reduced or negation or denied
    if names_problem(cleaned) or _LACKS.search(cleaned):
        return DIFFICULTY
    if negated or result_in(cleaned):
        return ACHIEVEMENT
    return None


STILL_AFTER_TURN = re.compile(r"^\W*(?:tuy nhiên|tuy vậy|song|nhưng|dù vậy)\s*,?\s+[^;:]{0,140}?\b(?:vẫn|còn)\s+(?!được\b)\S")
"""What a turn says still goes on: "Tuy vậy, … nước thải vẫn xả thẳng ra suối" (a difficulty when no result is said)."""


DAMAGE_SEEN = re.compile(
    r"\bbị (?:sụt|lở|hư|hỏng|vỡ|sập|cuốn|ngập|cháy|chết|bồi lấp|xâm thực)|\b(?:sạt lở|hư hỏng|xuống cấp|sụt lún|"
    r"cuốn trôi|tốc mái|đổ sập|vùi lấp|xói lở|lở mái|sụt chân|ngập sâu)\b"
)
"""Damage that can be seen on site: what the leader's party saw ("đoàn kiểm tra đoạn kè bị sụt")."""
