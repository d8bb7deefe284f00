"""Photo captions: a credit ("Ảnh: A") or a one-sentence line that only restates who did what.

Captions interrupt an article's text at random places; the reader skips them, and they never
move the speaker's turn (`speakers.SpeakerState`).
"""

from __future__ import annotations

import re

__all__ = ["is_caption"]

# A photo credit, wherever it stands and however it is cased: "Ảnh: A", "ẢNH: B", "(Ảnh: C)",
# "Thực hiện: D", "Trong ảnh: ...", "(Ảnh minh họa)"; the sentence that holds one is a caption.
_CREDIT = re.compile(
    # A photo credit anywhere in the sentence.
    r"(?<!\w)(?<![Hh]ình )(?:[Ảả][Nn][Hh](?:\s+minh\s+h[ọo][aạ])?|ẢNH(?:\s+MINH\s+HỌA)?|[Tt]rong ảnh|TRONG ẢNH)\s*:"
    r"|\((?:[Ảả]nh|ẢNH)(?:\s+(?:minh\s+h[ọo][aạ]|tư liệu|chụp màn hình))?\)"
    # Other credits open their line: "Thực hiện: ..." (inside a sentence the words are common).
    r"|^\W*(?:[Nn]guồn|NGUỒN|[Tt]hực hiện|THỰC HIỆN|[Vv]ideo|VIDEO|[Cc]lip|[Ii]nfographic|[Đđ]ồ họa|"
    r"[Bb]ài và ảnh|BÀI VÀ ẢNH|[Bb]ài, ảnh|[Tt]in, ảnh)\s*:"
)
"""A photo credit, wherever it stands and however it is cased ("Ảnh: A", "ẢNH: B", "(Ảnh minh
họa)", "Trong ảnh: ..."), or a credit line ("Thực hiện: C"): the sentence that holds one is a caption."""
_CAPTION_SUBJECT = re.compile(
    r"^(?:Phó |Nguyên )?(?:Bí thư|Chủ tịch|Đồng chí|Ông|Bà|Lãnh đạo|Đại diện|Đoàn công tác|Quang cảnh|"
    r"Toàn cảnh|Các đại biểu|Đại biểu|Trưởng|Giám đốc|Ủy viên|Thường trực)\b"
)
_CAPTION_VERB = re.compile(
    r"\b(?:báo cáo|phát biểu|kết luận|chủ trì|kiểm tra|thăm|tặng quà|tặng|trao|làm việc|khảo sát|dẫn đầu|"
    r"tham dự|trò chuyện|động viên|thị sát|chụp ảnh|nghe|cùng đoàn công tác|và đoàn công tác)\b"
)
_CONTENT_VERB = re.compile(
    r"\b(?:đề nghị|yêu cầu|kiến nghị|đề xuất|nhấn mạnh|ghi nhận|đánh giá|cho biết|"
    r"cho rằng|lưu ý|chỉ đạo|khẳng định|mong|giao|tiếp tục|cần|phải)\b|[:;]"
)


def is_caption(sentences: list[str], index: int) -> bool:
    """Tell whether sentence `index` of a paragraph is a photo caption that only restates.

    A photo credit ("Ảnh: ...") is a caption, and so is the sentence it credits. Otherwise
    a caption is a one-sentence paragraph that names a person or body, then an activity
    ("báo cáo tại buổi làm việc", "phát biểu", "trao quà", "kiểm tra"), with no speech
    content ("đề nghị", "cho biết", ":").
    """
    sentence = sentences[index]
    if _CREDIT.search(sentence):
        return True
    if index + 1 < len(sentences) and _CREDIT.match(sentences[index + 1]):
        return True
    if len(sentences) != 1 or len(sentence.split()) > 40:
        return False
    if not _CAPTION_SUBJECT.match(sentence) or _CONTENT_VERB.search(sentence):
        return False
    verb = _CAPTION_VERB.search(sentence)
    if verb is None or re.match(r"\s*[,:]", sentence[verb.end() :]) or re.search(r"\d\s?%", sentence):
        return False  # "... báo cáo, 9 tháng đầu năm thu ngân sách đạt 112%": a report, not a caption
    return len(sentence[verb.end() :].split()) <= 22
