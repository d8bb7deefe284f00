"""The leader's praise said as a feeling, a comparison or a judgement, not with a verb of praising.

Besides "khen", "ghi nhận", "biểu dương" (`cues.PRAISE`), a visitor praises what he sees by
saying how it makes him feel ("Tôi rất vui khi thấy bà con đón Tết đầy đủ", "phấn khởi trước
những đổi thay của bản"), that few places match it ("ít nơi có tốc độ thu hút đầu tư như ở
đây") or that it is a model ("Đây là mô hình hay, cần nhân rộng", "xã là điểm sáng của tỉnh"). Both are the commune's achievement. A feeling about no sight ("rất vui được về thăm
xã") is a greeting, a feeling denied ("chưa hài lòng khi thấy …") no praise, and a
comparison of a harm ("hiếm nơi nào ngập sâu như ở đây") is the problem's, not praise.
"""

from __future__ import annotations

import re

from haicap.store.ingest.reader.problems import names_problem

__all__ = ["appraises"]

_FEELING = (
    r"(?:(?:rất|hết sức|thật sự|thực sự|thật|vô cùng|rất là)\s+)?"
    r"(?:vui mừng|vui|mừng|phấn khởi|hài lòng|xúc động|tự hào|ấn tượng|yên tâm)"
)
# The feeling, then what caused it: a sight ("khi thấy", "vì được chứng kiến") or the change seen
# ("trước những đổi thay", "với những kết quả").
_FELT_AT = re.compile(
    rf"\b{_FEELING}\s+(?:(?:khi|vì|là|bởi)\s+(?:được\s+)?(?:thấy|nhìn thấy|chứng kiến|tận mắt thấy|biết)\b"
    r"|(?:trước|với)\s+(?:(?:những|các)\s+)?(?:sự\s+)?(?:đổi thay|thay đổi|kết quả|chuyển biến|thành quả|nỗ lực|cố gắng|"
    r"cách làm|mô hình|tinh thần|vào cuộc)\b)"
)
# A feeling denied: "chưa thật sự hài lòng khi thấy …".
_DENIED = re.compile(r"\b(?:không|chưa|chẳng)\s+(?:\S+\s+){0,2}$")
# Few places match it: "ít nơi có …", "hiếm có xã nào … như ở đây".
_FEW_MATCH = re.compile(
    r"\b(?:ít|hiếm|hiếm có|không nhiều|chưa có)\s+(?:nơi|xã|phường|địa phương|đơn vị)\s+(?:nào\s+)?"
    r"(?P<what>[^,;.]{3,80}?)\s+(?:như|bằng)\s+(?:ở\s+)?(?:đây|nơi đây|xã|phường|địa phương)\b"
)


# Judged a model: "Đây là mô hình hay", "xã là điểm sáng của tỉnh về …" (not "cần xây dựng mô hình …",
# a task; "cách làm … cần được nhân rộng" is left to the order it gives).
_JUDGED_GOOD = re.compile(
    r"\b(?:là|được xem là|được đánh giá là|trở thành)\s+(?:một\s+)?(?:trong những\s+)?(?:mô hình|cách làm|điểm sáng|"
    r"điển hình|hình mẫu)\b(?!\s+(?:yếu|kém|chưa|còn|thất bại))"
)


def appraises(low: str) -> bool:
    """Whether clause `low` (lower case) praises the commune by a feeling at what the speaker
    sees, a comparison few places match or a judgement of a model (see the module docstring)."""
    if _JUDGED_GOOD.search(low):
        return True
    felt = _FELT_AT.search(low)
    if felt and not _DENIED.search(low[: felt.start()]):
        return True
    few = _FEW_MATCH.search(low)
    return bool(few and not names_problem(few.group("what")))
