"""Cut a sentence into clauses where its content may change kind.

One sentence can carry a result, a problem and a request ("... đã vận hành ổn định, song
vẫn còn khó khăn về hạ tầng và mong tỉnh quan tâm đầu tư"). Cuts are made only where
Vietnamese marks a turn: a semicolon, a contrast ("song", "nhưng", "tuy nhiên", "trong
khi"), "đồng thời", a new speech verb ("và yêu cầu", ", đề nghị"), or the comma that ends
an opening frame ("Qua kiểm tra ..., đồng chí X đề nghị ..."). Commas inside a list never
cut, so a clause is never shorter than the text that carries its meaning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from haicap.store.ingest.reader.cues import GIAO_NOUN, NOUN_AFTER
from haicap.store.ingest.reader.problems import names_problem

__all__ = ["Clause", "opens_concession", "split_clauses"]


@dataclass(frozen=True)
class Clause:
    """A clause: its text and where it sits in the sentence (start, end offsets)."""

    text: str
    start: int
    end: int
    answer: bool = False
    """It follows a colon that gives the province's answer to what comes before
    ("Đề nghị hỗ trợ kinh phí …: giao Sở Tài chính chủ trì …")."""
    frame: bool = False
    """It opens the sentence before the subject it is said of ("Kiểm tra thực tế, Chủ tịch
    UBND tỉnh …"): its verb is that subject's doing, never an order."""


# The answer of minutes to a request, on the same line after a colon: an assignment.
_ANSWER = re.compile(r"(?<=\S):\s*(?=(?:giao|Giao|Sở|Ban|Công an|Văn phòng|UBND tỉnh|UBND thành phố|Bộ Chỉ huy|Thanh tra)\s)")

# The reason given for an ask: "…, vì …", "… bởi vì …" (not "vì vậy", "vì sao", "vì thế").
# A report's frame before a colon: "Chủ tịch UBND xã báo cáo tóm tắt (có báo cáo kèm theo): …".
_REPORTED = re.compile(r"^[^:;\"“”]{0,160}?\b[Bb]áo cáo\b[^:;\"“”]{0,60}?(:)\s+(?=\S)")
_BECAUSE = re.compile(r",?\s+(?=(?:bởi vì|vì)\s+(?!vậy\b|thế\b|sao\b|lẽ đó\b|mục tiêu\b|lợi ích\b|người dân\b)\S)")
# What is asked for, then how it is now: "… đầu tư trạm y tế xã, hiện xuống cấp, thiếu trang thiết bị".
_STATE_NOW = re.compile(r",\s+(?=(?:hiện nay|hiện|nay)\s+(?!nay\b|tại\b|có\b)\S)")
_ASKED = re.compile(r"\b(?:kiến nghị|đề nghị|đề xuất|mong muốn|xin)\b")

_CUTS = re.compile(
    r";\s*"
    r"|,\s*(?=(?:song|nhưng|tuy nhiên|tuy vậy|dù vậy|thế nhưng|trong khi|đồng thời|mặt khác|cùng với đó)\b)"
    # A consequence may turn a statement into an instruction: "..., vì vậy phải đi đầu".
    r"|,\s*(?=(?:vì vậy|vì thế|do đó|do vậy)\b)"
    r"|\s+(?=(?:nhưng|song)\s+(?:vẫn|còn|lại|chưa|số|việc|do)\b)"
    # "ấp không bị thiếu nước nhưng chi phí bơm rất cao": a contrast without its comma still turns.
    # (Not "tuy còn khó khăn nhưng sẽ …", one assessment, nor "đã đầu tư nhưng đến nay chưa dùng được",
    # one problem: see `_ONE_TURN`.)
    r"|(?<=\w)(?<!thế)\s+(?=nhưng\s+\S+\s+\S+)"
    # Praise, then exhortation: "ghi nhận ... và đề nghị xã ...", "..., đồng thời động viên ...".
    r"|,?\s+(?=(?:và|đồng thời)\s+(?:yêu cầu|đề nghị|kiến nghị|đề xuất|mong|giao|chỉ đạo|lưu ý|nhấn mạnh|"
    r"động viên|khích lệ|căn dặn|khuyến khích)\b)"
    r"|,\s*(?=(?:yêu cầu|đề nghị|kiến nghị|đề xuất|mong muốn|giao)\s)"
    # A plight, then the hope put to those above: "Đường hay sạt lở, mong tỉnh làm kè …".
    r"|,\s*(?=(?:rất |kính |tha thiết )?mong\s+(?i:được|tỉnh|nhà nước|các cấp|cấp trên|trung ương|chính phủ|"
    r"các sở|sở|ngành|ubnd|đoàn|đại biểu|lãnh đạo|thành phố)\b)"
    # Praise, then blame, or the reverse: "biểu dương xã A, phê bình xã B chậm tiến độ".
    r"|,\s*(?=(?:phê bình|nhắc nhở|chỉ ra|chỉ rõ|biểu dương|khen ngợi|đánh giá cao)\s)"
)
# Openers that are not a subject: a sentence starting with one may carry a frame clause.
_FRAME_OPENER = re.compile(
    r"^(?:Qua|Thăm|Phát biểu|Tại|Làm việc|Trước khi|Sau khi|Với|Ghi nhận|Đánh giá|Phân tích|Trước|"
    r"Biểu dương|Khen ngợi|Hoan nghênh|Chúc mừng|Tiếp thu|"
    r"Nhấn mạnh|Kết luận|Trao đổi|Chia sẻ|Về|Đối với|Theo|Khảo sát|Kiểm tra|Trong buổi|Nghe|Lắng nghe)\b"
)
# The subject that follows a frame: a person, a title or a body.
_SUBJECT_AFTER_FRAME = re.compile(
    r",\s+(?=(?:đồng chí|Đồng chí|ông|Ông|bà|Bà|Chủ tịch|Phó Chủ tịch|Bí thư|Phó Bí thư|lãnh đạo|"
    r"Lãnh đạo|đại diện|Đại diện|Đảng ủy|UBND|Ban Thường vụ|các xã|các phường|xã|phường|Thường trực)\b)"
)


# Time that has passed before "nhưng chưa" is the premise of the problem, not a result of its own:
# "nộp hồ sơ đã hơn một năm nhưng chưa được giải quyết" stays one clause.
_ELAPSED = re.compile(
    r"\b(?:đã|hơn|gần|suốt|trên|ngót)\s+(?:\S+\s+){0,2}?(?:(?:mấy|vài|hàng|mươi)\s+(?:chục|trăm)|"
    r"\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|nhiều|vài|mấy)"
    r"\s+(?:năm|tháng|tuần|ngày)(?:\s+(?:nay|qua|rồi))?\s*$"
    r"|\b(?:đã lâu|từ lâu|lâu nay|lâu rồi|nhiều năm nay|nhiều năm qua)\s*$"
)
_STILL_NOT = re.compile(r"(?:nhưng|song)\s+(?:vẫn\s+)?chưa\b")
# A turn without a comma that stays in its clause: after a concession opened in the same clause
# ("tuy còn khó khăn ban đầu nhưng sẽ …"), or before what has still not come ("nhưng đến nay chưa …").
_ONE_TURN = re.compile(
    r"(?<!\w)(?:tuy|mặc dù|dù|Tuy|Mặc dù|Dù)\s(?!nhiên\b|vậy\b)[^,;|]* \| nhưng\b"
    r"| \| nhưng\s+(?:đến nay|hiện nay|tới nay|hiện|đến giờ)\s+(?:vẫn\s+)?(?:chưa|không)\b"
)


# A head that names the items of a list by their noun: "Xã có một số kiến nghị:", "các nhiệm vụ sau:"
# (not a bare speech verb, "Đồng chí nhấn mạnh:", whose words after the colon are one saying).
_LIST_NOUN_HEAD = re.compile(
    r"\b(?:một số|các|những|\d+|hai|ba|bốn|năm)\s+(?:nội dung|vấn đề|kiến nghị|đề xuất|nhiệm vụ|giải pháp|việc|"
    r"nhóm nhiệm vụ|nhóm giải pháp|kiến nghị, đề xuất|nguyện vọng)\b[^:;.]{0,40}:$"
)
# A negation that opens a list of complaints: "không có phản ánh", "chưa phát sinh đơn thư" (then ", kiến nghị …").
_NEGATED_NOUNS = re.compile(r"\b(?:không|chưa)\s+(?:có|phát sinh|nhận được|còn)\s+(?:đơn thư|đơn|phản ánh|khiếu nại|tố cáo)$")
_VERB_AFTER_CUT = re.compile(r"(?:(?:và|đồng thời)\s+)?(?:yêu cầu|đề nghị|kiến nghị|đề xuất|mong muốn|mong|giao|chỉ đạo)\b")


# A concession ("mặc dù A, (nhưng) B vẫn ..."): the main clause starts at the comma after
# which, within a few words, it turns ("vẫn", "còn", "nhưng", "song"). A comma inside A's list
# ("mặc dù thiên tai, dịch bệnh ...") is followed by no such turn.
_CONCESSION = re.compile(r"(?<!\w)(?:mặc dù|dù|tuy|Mặc dù|Dù|Tuy)\s+(?!nhiên\b|vậy\b)")
_TURN_AFTER = re.compile(r",\s+(?=(?:\S+\s+){0,4}?(?:vẫn|còn|nhưng|song)\b)")


def opens_concession(sentence: str) -> bool:
    """Whether `sentence` opens with a concession ("Dù còn khó khăn, …", "Mặc dù …, …")."""
    return _concession_cut(sentence) is not None and _CONCESSION.match(sentence.lstrip(' "“«')) is not None


def _concession_cut(sentence: str) -> tuple[int, int] | None:
    concession = _CONCESSION.search(sentence)
    if concession is None:
        return None
    turn = _TURN_AFTER.search(sentence, concession.end())
    if turn is None and concession.start() == 0:
        # "Dù nguồn vốn còn khó khăn, ông A giao …": a concession that opens the sentence ends
        # where a person or body takes the floor, as a frame does; what they do is the main clause.
        turn = _SUBJECT_AFTER_FRAME.search(sentence, concession.end())
    return (turn.start(), turn.end()) if turn else None


def _frame_end(sentence: str) -> tuple[int, int] | None:
    """Where an opening frame ends: the comma before the subject it is said of."""
    if not _FRAME_OPENER.match(sentence):
        return None
    frame = _SUBJECT_AFTER_FRAME.search(sentence)
    return (frame.start(), frame.end()) if frame else None


def _cut_points(sentence: str) -> list[tuple[int, int]]:
    points: list[tuple[int, int]] = []
    reported = _REPORTED.match(sentence)
    if reported and len(sentence[reported.end() :].split()) >= 5:
        # "Đ/c A, Chủ tịch UBND xã báo cáo tóm tắt: 6 tháng đầu năm, …": the report is meta, what
        # it says after the colon is content (the colon stays with the frame: no answer follows).
        points.append((reported.start(1) + 1, reported.end()))
    for answer in _ANSWER.finditer(sentence):
        before = sentence[: answer.start()]
        if len(before.split()) >= 4 and _ASKED.search(before.lower()):
            points.append((answer.start(), answer.end()))
    colon = sentence.find(":")
    if colon > 0 and _LIST_NOUN_HEAD.search(sentence[: colon + 1].lower()) and len(sentence[colon + 1 :].split()) >= 4:
        # "Xã có một số kiến nghị: tỉnh hỗ trợ …; đầu tư …": a list opened and given in one
        # sentence; the head names what its items are (see `classify.list_named`).
        points.append((colon + 1, colon + 1))
    concession = _concession_cut(sentence)
    if concession:
        points.append(concession)
    frame = _frame_end(sentence)
    if frame:
        points.append(frame)
    for match in [*_BECAUSE.finditer(sentence), *_STATE_NOW.finditer(sentence)]:
        rest = sentence[match.end() :].split(";")[0]
        if _ASKED.search(sentence[: match.start()].lower()) and names_problem(rest.lower()):
            # "đề nghị thành phố bố trí thêm chuyến phà vì bến phà thường xuyên quá tải": the
            # reason an ask gives is a problem of its own, and so is the plight of what it asks for now.
            points.append((match.start(), match.end()))
    for match in _CUTS.finditer(sentence):
        after = sentence[match.end() :]
        verb = _VERB_AFTER_CUT.match(after)
        # ", đề xuất của 2 phường" is a noun, not a new speech act.
        if verb and NOUN_AFTER.match(after[verb.end() :]):
            continue
        if verb and verb.group(0).endswith("giao") and GIAO_NOUN.match(after[verb.end() :]):
            continue
        if verb and _NEGATED_NOUNS.search(sentence[: match.start()]):
            continue  # "không có phản ánh, kiến nghị về …": one negation holds over the nouns it lists
        if _STILL_NOT.match(after) and _ELAPSED.search(sentence[: match.start()]):
            continue
        if not sentence[match.start() : match.end()].strip() and _ONE_TURN.search(sentence[: match.start()] + " | " + after):
            continue  # a cut made without a comma: the turn belongs to the clause it is in
        points.append((match.start(), match.end()))
    return sorted(set(points))


def split_clauses(sentence: str) -> list[Clause]:
    """Return the clauses of `sentence` in order; their texts are verbatim slices."""
    clauses: list[Clause] = []
    start = 0
    answer = False
    frame = _frame_end(sentence)
    for cut_start, cut_end in _cut_points(sentence):
        if cut_start <= start:
            continue
        piece = sentence[start:cut_start]
        if piece.strip(" ,;"):
            clauses.append(Clause(piece.strip(), start, cut_start, answer, frame is not None and cut_end <= frame[1]))
        start = cut_end
        answer = sentence[cut_start:cut_end].strip().startswith(":")
    tail = sentence[start:]
    if tail.strip(" ,;."):
        clauses.append(Clause(tail.strip(), start, len(sentence), answer))
    return clauses
