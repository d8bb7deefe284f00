"""Word lists and patterns the classifier reads: general Vietnamese cues, no article's words.

All patterns run on lower-cased NFC text. They are grouped by what they tell:
who speaks (actor markers), what is asked (speech verbs), how the clause is framed
(imperative starts, modals, negation) and what it reports (results, problems).
"""

from __future__ import annotations

import re

from .lexicon import INSTRUCTION_OPENERS, PROBLEM_PHRASES, REQUEST_PHRASES, RESULT_PHRASES

__all__ = [
    "CONNECTIVE", "IMPERATIVE_START", "ASK_VERBS", "ORDER_VERBS", "SPEECH_VERB", "NOUN_BEFORE",
    "NOUN_AFTER", "PROVINCE_ADDRESSEE", "COMMUNE_ADDRESSEE", "RESIDENT_ADDRESSEE", "LEADER_MARK",
    "COMMUNE_MARK", "AGENCY_MARK", "PRAISE", "META", "VISIT", "PROMISE", "POTENTIAL", "REMEDY",
    "NEGATED_PROBLEM", "PROBLEM", "RESULT", "DEMAND_GROWTH", "LEADER_TURN", "REPORT_VERB", "COMMUNE_SUBJECT_MODAL",
    "IMPLICIT_REQUEST", "GIAO_OBJECT", "GIAO_NOUN", "SHARE", "SOFT_ORDER_VERBS", "ENCOURAGE_VERBS", "strip_connectives", "speech_verbs",
    "STATISTICS", "ACTION", "LIST_HEADER", "REDUCED", "PROVINCE_SUBJECT_ACTS", "PROVINCE_SUBJECT_WISHES",
]


def _phrases(phrases: tuple[str, ...]) -> str:
    """An alternation of lexicon phrases, longest first; "…" allows a few words in between."""
    parts = [re.escape(p).replace("…", r"(?:\S+\s+){0,6}?").replace(r"\ ", " ") for p in phrases]
    return "|".join(sorted(parts, key=len, reverse=True))


def _words(items: str) -> str:
    """An alternation of '|'-separated phrases, longest first so "mong muốn" beats "mong"."""
    return "|".join(sorted((w.strip() for w in items.split("|")), key=len, reverse=True))


# Openers that link a sentence to the one before; they do not change who speaks.
CONNECTIVE = re.compile(
    r"^(?:(?:" + _words(
        "trong đó|đồng thời|bên cạnh đó|ngoài ra|cùng với đó|mặt khác|đặc biệt|trước mắt|về lâu dài|"
        "thứ nhất|thứ hai|thứ ba|một là|hai là|ba là|tiếp đó|sau đó|theo đó|qua đó|do đó|vì vậy|"
        "vì thế|nhất là|trước hết|cuối cùng|bên cạnh|đồng thời với đó|ngoài những kết quả đạt được|và|cũng|"
        # Time frames do not change who speaks either: "Thời gian tới, xã phải ...".
        "thời gian tới|trong thời gian tới|thời gian sắp tới|sắp tới|tới đây|từ nay đến cuối năm|"
        "những tháng cuối năm|trong những tháng cuối năm|năm tới|giai đoạn tới|về lâu dài"
    ) + r")\s*,?\s*|[-–+•*]\s*"
    # A deadline before the verb: "ngay trong tháng 12 hoàn thành …", "trước ngày 20/1 phải …".
    r"|(?:ngay\s+)?(?:trong|trước|chậm nhất|từ nay đến)\s+(?:ngày\s+|tháng\s+|quý\s+|hết\s+|cuối\s+)(?:năm\s+)?[\w/.-]+"
    r"(?:\s+năm\s+\d{4})?\s*,?\s*(?=\w)"
    # List labels and topic headers of minutes: "2. ", "a) ", "Về giao thông: ".
    r"|(?:\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ]|[ivx]{1,4})[.)]\s+"
    r"|\((?:\d{1,2}|[a-zđ])\)\s+"  # "(4) Kiên quyết xử lý …"
    # "Về an ninh, quốc phòng: " may hold a comma, but never a speaker ("Về khó khăn, ông A cho biết:").
    r"|(?:về|đối với|lĩnh vực)\s+(?![^:]*\b(?:ông|bà|đồng chí|cho biết|nói|báo cáo|đề nghị|yêu cầu|kiến nghị|"
    r"đề xuất|nhấn mạnh|lưu ý|chỉ đạo)\b)[^:;.]{1,40}:\s*)+"
)

# A clause that opens on one of these verbs has no subject: an instruction (or, in a
# commune's list of requests, a request).
IMPERATIVE_START = re.compile(
    r"^(?:" + _words(
        "tiếp tục|tập trung|đẩy mạnh|tăng cường|chủ động|khẩn trương|sớm|nâng cao|quan tâm|chú trọng|"
        "rà soát|triển khai|thực hiện|đổi mới|phát huy|nghiên cứu|xây dựng|hoàn thiện|bảo đảm|đảm bảo|"
        "kiện toàn|phối hợp|quyết liệt|làm tốt|thường xuyên|hỗ trợ|xem xét|bố trí|đầu tư|ưu tiên|"
        "giải quyết|củng cố|duy trì|cụ thể hóa|cụ thể hoá|tổ chức|phấn đấu|huy động|nắm bắt|"
        "kịp thời|có phương án|có cơ chế|có chính sách|có giải pháp|có kế hoạch|có biện pháp|có lộ trình|cho phép|bổ sung|phân bổ|cấp|nâng cấp|"
        "khắc phục|tháo gỡ|chỉ đạo|giữ vững|siết chặt|kiên quyết|nêu cao|tuyên truyền|vận động|"
        "tranh thủ|khai thác|rà soát lại|chấn chỉnh|đề cao|tạo điều kiện|dành|ban hành|"
        "hướng dẫn|giao|điều chỉnh|sắp xếp|không để|phải|cần|luôn|mở rộng|lắp đặt|số hóa|chuẩn bị|"
        "đẩy nhanh|hoàn thành|nghiêm túc|xử lý|quản lý chặt chẽ|làm rõ|giám sát|lồng ghép|chăm lo|"
        "thu hút|khuyến khích|cải thiện|phát triển|kiểm soát|công khai|xác định|sử dụng|theo dõi|bám sát|"
        "tham mưu|kiểm tra|đôn đốc|ngăn chặn|phát hiện|bảo vệ|lập|quản lý|kiên trì|dứt điểm|tuyệt đối|chủ trì|ra quân|"
        # Asks in a list that open with what to change: "Rút ngắn thời gian thẩm định …".
        "rút ngắn|gia hạn|miễn giảm|giảm bớt|nâng mức|tăng mức|tăng nguồn"
    ) + r")\b"
    # The general openers of the lexicon (store.reader.lexicon).
    r"|^(?:" + _phrases(INSTRUCTION_OPENERS) + r")\b"
    # "Báo cáo rõ những khó khăn ..." tells to report; "Báo cáo tại buổi làm việc, ..." frames a speaker.
    r"|^báo cáo\b(?!\s+(?:tại|với|cho|của|về|kết quả|tình hình)\b)"
    # "Lãnh đạo thực hiện ..." instructs; "Lãnh đạo xã cho biết ..." names a speaker.
    r"|^lãnh đạo\b(?!\s+(?:xã|phường|đặc khu|tỉnh|thành phố|ubnd|sở|các|đảng|huyện|địa phương|hai|ba)\b)"
)

ASK_VERBS = "đề nghị|kiến nghị|đề xuất|mong muốn|rất mong|mong|xin|kính đề nghị|kiến nghị với"
ORDER_VERBS = ("yêu cầu|chỉ đạo|giao|nhấn mạnh|lưu ý|khuyến khích|quán triệt|đề nghị|nhắc nhở|chỉ rõ|động viên|"
               "khích lệ|căn dặn")
SOFT_ORDER_VERBS = ("nhấn mạnh", "lưu ý", "chỉ rõ")
"""Verbs that introduce either an instruction or an assessment: the complement decides."""
ENCOURAGE_VERBS = ("động viên", "khích lệ", "khuyến khích", "căn dặn")
"""Exhortations: an instruction only when addressed to the commune's bodies or officials."""
SPEECH_VERB = re.compile(r"(?<![\w])(" + _words(ASK_VERBS + "|" + ORDER_VERBS) + r")(?![\w])")
# A speech word used as a noun ("những kiến nghị mà các xã nêu", "đáp ứng yêu cầu").
NOUN_BEFORE = re.compile(
    r"(?:\b(?:những|các|một số|nhiều|ý kiến|nêu|về|của|theo|đúng|đáp ứng|được|bảo đảm|đảm bảo|"
    r"nhóm|mọi|với|nghe|đơn|đơn thư|tiếp thu|trả lời|giải quyết|làm rõ|bàn|chuyển|giao lưu|phát biểu|ý kiến|"
    # "tổng hợp toàn bộ kiến nghị", "công tác lãnh đạo, chỉ đạo", "sự chỉ đạo": the activity, not the act.
    r"toàn bộ|tổng hợp|công tác|sự|thực hiện|lãnh đạo|lãnh đạo,|hồ sơ|văn bản|tờ trình|công văn|giấy|ban|trong|"
    # "làm theo kiểu xin từng đợt": a way of asking, named, is no ask.
    r"kiểu|cách|lối|"
    # "Đó là yêu cầu được bà X nhấn mạnh": what a pointer names is a noun.
    r"(?:đó|đây|này)\s+(?:là|chính là))\s*,?\s*"
    r"|\b(?:kiến nghị|đề xuất|ý kiến|đề nghị),?\s+(?:và\s+)?)$"
)
_NOUN_BEFORE_CHARS = 80
"""More than the longest text `NOUN_BEFORE` matches ("đảm bảo" … "chính là ," and a space: under 30)."""
NOUN_AFTER = re.compile(
    # "chỉ đạo, điều hành": the commune's running of affairs, as in "lãnh đạo, chỉ đạo, điều hành".
    r"^\s*,?\s*(?:và\s+)?(?:điều hành|quản lý điều hành)\b|^\s*gửi\b|^\s*được gửi\b|"
    # "nhiều thầy cô đã xin chuyển công tác": people leaving, not an ask of anyone.
    r"^\s*(?:chuyển công tác|nghỉ việc|thôi việc|nghỉ hưu trước tuổi)\b|"
    r"^\s*(?:mà|của|này|đó|đặt ra|nêu|chính đáng|nhiệm vụ|ngày càng|"
    r",\s*đề xuất của|,\s*kiến nghị của|trên|tại)\b"
    # "kiến nghị được các sở tiếp thu" is a noun; "đề xuất được thí điểm ..." asks permission.
    r"|^\s*được\s+(?:[^,;.]{0,30}?\s)?(?:tiếp thu|trả lời|giải đáp|ghi nhận|chấp thuận|chấp nhận|đồng ý|"
    r"thống nhất|phê duyệt|giải quyết|làm rõ|phản hồi|tổng hợp|thông qua|đáp ứng|giải trình|nêu|đưa ra|gửi)\b"
)
# Words that make a compound noun with "giao" ("giao thông", "giao ban"), never with "đề nghị":
# "kiến nghị Ban Tổ chức Tỉnh ủy ..." asks a board, "đề nghị tiếp tục ..." asks to go on.
GIAO_NOUN = re.compile(
    r"^\s*(?:thông|dịch|lưu|nhận|thương|tiếp|ban\b(?!\s+(?:quản lý|chỉ huy|chỉ đạo|tổ chức|tuyên giáo|dân vận|"
    r"kinh tế|nội chính|dân tộc|văn hóa|pháp chế|thường vụ|bồi thường|giải phóng|an toàn)))\b"
)
# "giao" is a speech verb only when a body follows ("giao các ngành ..."), not "giao thông".
GIAO_OBJECT = re.compile(r"^\s*(?:cho|các|ubnd|sở|ngành|văn phòng|ban|công an|bộ chỉ huy|đảng ủy|chính quyền|"
                         r"xã|phường|cơ quan|đơn vị)\b")
# Who is asked: the province side ...
PROVINCE_ADDRESSEE = re.compile(
    r"^\s*(?:với\s+)?(?:" + _words(
        "tỉnh|thành phố|trung ương|tỉnh ủy|thành ủy|ubnd tỉnh|ubnd thành phố|các sở|sở|bộ|cấp trên|"
        "cấp có thẩm quyền|các cấp|các ngành|ngành chức năng|các cơ quan|hđnd tỉnh|lãnh đạo tỉnh|"
        "thường trực tỉnh ủy|nhà nước|chính phủ"
    ) + r")\b"
    # A provincial body named in full: "Ban Tổ chức Tỉnh ủy", "Bộ Chỉ huy Quân sự tỉnh", "Công an thành phố".
    r"|^\s*(?:với\s+)?(?:các\s+)?(?:ban(?!\s+hành)|công an|bộ chỉ huy|bộ đội biên phòng|văn phòng|trung tâm|quỹ|"
    r"ngân hàng|kho bạc|ủy ban|hội|liên minh|điện lực|cục|chi cục)\b[^,;.:]{0,50}?\b(?:tỉnh ủy|thành ủy|tỉnh|thành phố)\b"
)
# ... or the commune side.
COMMUNE_ADDRESSEE = re.compile(
    r"^\s*(?:\d+\s+|hai\s+|ba\s+|bốn\s+|các\s+|những\s+)?(?:" + _words(
        "xã|phường|đặc khu|cấp ủy|chính quyền|đảng ủy|ubnd xã|ubnd phường|địa phương|cán bộ|"
        "ban thường vụ|tập thể|lãnh đạo xã|lãnh đạo phường|mttq|hệ thống chính trị|thôn|ấp|chi bộ|"
        "trưởng thôn|thôn trưởng|trưởng ấp|bí thư chi bộ|khu phố|tổ dân phố"
    ) + r")\b"
    # The cadres in the room ("Tôi đề nghị các đồng chí ..."), unless the province's are named.
    r"|^\s*các đồng chí\b(?![^,;.]{0,30}\b(?:tỉnh|thành phố|trung ương|sở|ngành|bộ)\b)"
)
RESIDENT_ADDRESSEE = re.compile(r"^\s*(?:người dân|nhân dân|bà con|các hộ|các gia đình|gia đình|học sinh)\b")

# Who speaks: the nearest marker before the verb decides.
LEADER_MARK = re.compile(
    r"\b(?:" + _words("tỉnh ủy|thành ủy|ubnd tỉnh|tỉnh|thành phố|tphcm|tp|trung ương|đoàn công tác|"
                      "lãnh đạo tỉnh|chủ tịch ubnd tỉnh|tổ công tác|đoàn kiểm tra|đoàn giám sát|đoàn khảo sát|"
                      "tổ đại biểu|đoàn đại biểu|đoàn đbqh") + r")\b"
    # The delegation named by its bare word, as the subject of what it did: "Đoàn đã kiểm tra ...".
    r"|(?:^|(?<=[,;:]\s))đoàn(?=\s*$|\s+(?:đã|cũng|tiếp tục|trực tiếp|kiểm tra|khảo sát|thăm|làm việc|đến|đi|nghe|"
    r"ghi nhận|đánh giá|đề nghị|yêu cầu)\b)"
)
COMMUNE_MARK = re.compile(r"\b(?:" + _words("xã|phường|đặc khu|địa phương|các địa phương|cơ sở") + r")\b")
AGENCY_MARK = re.compile(r"\b(?:các sở|sở|ban, ngành|sở, ngành|các ngành|đại diện các sở)\b")

PRAISE = re.compile(r"\b(?:ghi nhận|đánh giá cao|biểu dương|khen ngợi|hoan nghênh|đánh giá (?:rất )?(?:cao|tích cực)|"
                    r"chúc mừng những kết quả|trân trọng những kết quả)\b")
# Sentences about the meeting itself rather than its content.
META = re.compile(
    r"\b(?:nghe|lắng nghe)\b[^;]*\b(?:báo cáo|ý kiến|kiến nghị|trình bày|tham luận)\b"
    # ("Theo báo cáo nhanh của xã, 137 nhà bị ngập": the source of what follows, not a meta remark.)
    # The closing formula of minutes: "Biên bản kết thúc vào hồi 11 giờ, đã được đọc lại …".
    r"|\bbiên bản\s+(?:kết thúc|được lập|lập xong|được thông qua|đã được đọc)\b"
    r"|\b(?<!theo )báo cáo\s+(?:với\s+[^,;:]{1,40}?\s+)?(?:khái quát|tóm tắt|tình hình|kết quả|nhanh|về)\b"
    r"|\btrình bày\s+(?:báo cáo|tham luận|tờ trình)\b"
    # Deputies telling voters about the sessions: "đại biểu đã thông tin đến cử tri ...".
    r"|\b(?:thông tin|báo cáo)\s+(?:nhanh\s+)?(?:đến|tới|với)\s+(?:các\s+)?cử tri\b|\bcho ý kiến góp ý\b|\bgiải đáp\s+(?:một số\s+|các\s+)?thắc mắc\b"
    r"|\b(?:làm rõ|phản hồi|trao đổi|giải đáp|trả lời|tiếp thu|giải trình)\b(?![^;]*\d[\d.,]*\s+(?:lượt\s+)?ý kiến)"
    r"[^;]*\b(?:kiến nghị|đề xuất|ý kiến)\b"
    r"|\b(?:kiến nghị|đề xuất|ý kiến)\b[^;]*\bđược\b[^;]{0,30}\b(?:trả lời|giải đáp|làm rõ|tiếp thu|phản hồi|giải trình)\b"
    r"|\bý kiến (?:thảo luận|phát biểu)\b|\bbuổi làm việc (?:diễn ra|nhằm|kết thúc)\b"
)
# The leader's visit, gifts and attendance: context, not content.
VISIT = re.compile(
    r"^(?:" + _words("thăm|tặng quà|trao quà|trao hỗ trợ|tham dự|cùng đi|cùng tham gia|tham gia đoàn|tham quan|"
                     "dự buổi|chúc mừng|đến thăm|trước khi làm việc") + r")\b"
    r"|\b(?:đã|đã đến|đã đi)?\s*(?:đi kiểm tra|đến kiểm tra|đến thăm|thăm, tặng quà|tặng quà|trao quà|tham quan|"
    r"dẫn đầu đoàn|làm việc với|chủ trì buổi làm việc|có buổi làm việc|thăm và làm việc)\b"
    # The leader's wishes: "chúc cán bộ và nhân dân đón Tết vui tươi" (not "chúc mừng những kết quả").
    r"|\bchúc\s+(?!mừng\s+(?:những|các)\s+kết quả)"
)
# The province promising something: "tỉnh sẽ quan tâm", "cam kết".
PROMISE = re.compile(
    r"\b(?:tỉnh|thành phố|ubnd tỉnh|tỉnh ủy|thành ủy|các sở|sở|ngành|lãnh đạo tỉnh|thường trực)\b[^;]{0,40}\bsẽ\b"
    r"|\bsẽ\s+(?:quan tâm|xem xét|hỗ trợ|chỉ đạo|tạo điều kiện|đồng hành|bố trí|ưu tiên)\b"
    # "cam kết" is a promise, but "ký cam kết" / "bản cam kết" is a pledge signed: done.
    r"|(?<!ký )(?<!bản )(?<!các )\bcam kết\b"
    # Anything still to come is not a result: "trường sẽ được đầu tư hoàn thành năm sau".
    r"|\bsẽ\b"
)
POTENTIAL = re.compile(r"\b(?:tiềm năng|lợi thế|dư địa|cơ hội phát triển|vị trí chiến lược|cửa ngõ)\b")
# Fixing a problem is not having one: "tháo gỡ khó khăn", "khắc phục thiệt hại".
_REMEDY_VERB = (r"(?:tháo gỡ|khắc phục|giải quyết|vượt qua|vượt|xử lý|hỗ trợ|ứng phó|phòng, chống|phòng chống|"
                r"giảm thiểu|hạn chế thấp nhất|chấm dứt|ngăn chặn|đẩy lùi|kiềm chế|xóa bỏ|dẹp bỏ|chống)")
REMEDY = re.compile(
    # A fire or a spill caught in time: "các vụ cháy đều được phát hiện sớm, dập tắt kịp thời".
    r"\b(?:vụ cháy|đám cháy|sự cố)\b[^;.]{0,40}?\b(?:được phát hiện sớm|được dập tắt|được khống chế|dập tắt|khống chế)\b[^;.]*|"
    # Gifts to people in need: "trao 1.200 suất quà cho lao động có hoàn cảnh khó khăn".
    r"\b(?:cho|tặng|trao|thăm hỏi|giúp đỡ)\b[^;.]{0,50}?\b(?:hoàn cảnh|gia đình|hộ|hộ gia đình)\s+(?:đặc biệt\s+)?khó khăn\b|"
    r"\b" + _REMEDY_VERB + r"\b(?:[^;.]{0,25}?)\b(?:"
    # "giải quyết dứt điểm tình trạng X": the whole of X is what was ended.
    r"tình trạng\b[^,;.]*"
    r"|(?:khó khăn|vướng mắc|hạn chế|thiệt hại|hậu quả|sạt lở|tồn tại|bất cập|sự cố|ô nhiễm|tồn đọng|"
    r"tranh chấp|khiếu nại|đơn thư|vụ phá rừng|phá rừng|vi phạm|"
    r"thiên tai|dịch bệnh|bão|lũ|cháy nổ|tội phạm|ngập úng|ngập|xâm nhập mặn|xuống cấp|lấn chiếm|ùn tắc|"
    r"ách tắc)\b)"
    # The same, passive: "tình trạng X được ngăn chặn" (not "chưa được khắc phục").
    r"|\btình trạng\b[^,;.]{0,50}?(?<!chưa )(?<!không )\bđược\s+(?:ngăn chặn|xử lý|giải quyết|khắc phục|"
    r"đẩy lùi|chấm dứt|kiềm chế|kiểm soát)\b"
    r"|\bhạn chế (?:thấp nhất|tối đa)\b"
    # Bringing people back from a plight: "vận động 43 học sinh bỏ học trở lại lớp".
    r"|\b(?:vận động|đưa|giúp|hỗ trợ)\b[^;.]{0,40}?\b(?:trở lại|quay lại|đi học lại|ra lớp)\b[^,;.]*"
    # "hạn chế" as a verb: "hạn chế khai thác nước ngầm" limits something, it is no shortcoming.
    r"|\bhạn chế\s+(?:khai thác|sử dụng|việc|đi lại|xả|đốt|chặt|tập trung|thấp)\b"
)
_BAD_THING = (
    r"(?:tai nạn|vi phạm|tội phạm|hộ nghèo|hộ cận nghèo|tái nghèo|ô nhiễm|vụ cháy|dịch bệnh|khiếu nại|đơn thư|"
    r"tệ nạn|thất nghiệp|nợ đọng|nợ xấu|hồ sơ trễ hạn|hồ sơ quá hạn|nhà tạm|suy dinh dưỡng|bỏ học|tảo hôn|"
    r"ma túy|khối lượng công việc|khối lượng hồ sơ|áp lực|chi phí|giá vật tư|giá phân bón|giá thức ăn|"
    r"thiệt hại|rừng bị thiệt hại|phá rừng|đuối nước|độ mặn|xâm nhập mặn)"
)
"""Quantities that are bad: more of them is a problem, less a result."""
_GOOD_THING = (
    r"(?:lượng khách|lượt khách|du khách|khách du lịch|doanh thu|thu nhập|nguồn thu|thu ngân sách|sản lượng|"
    r"năng suất|đơn hàng|kim ngạch|giá trị sản xuất)"
)
"""Quantities that are good: less of them is a problem (more is a result, see RESULT)."""
# Less of a bad thing is a result, whatever words name it: "số hộ tái nghèo giảm mạnh".
REDUCED = re.compile(
    # "Tình trạng chèo kéo, nâng giá … đã giảm rõ rệt": whatever the "tình trạng" is.
    # (Not "tuy giảm nhưng vẫn còn": a concession, the problem stays.)
    r"\btình trạng\b[^;.]{0,60}?\b(?:đã\s+)?(?<!tuy )(?:giảm|được kéo giảm|được đẩy lùi|chấm dứt)\b(?![^;.]*\bnhưng\b)|"
    r"(?<!\w)(?:" + _phrases(PROBLEM_PHRASES) + r"|" + _BAD_THING + r")(?!\w)(?:[^;.]|\.(?=\d)){0,40}?"
    r"\b(?:giảm|kéo giảm|được kéo giảm|được đẩy lùi|được khắc phục)\b"
    # "không còn", "chỉ còn" only within the phrase: in "hồ xuống cấp, dung tích chỉ còn 40%" it
    # is the capacity that is left, not the problem.
    r"|(?<!\w)(?:" + _phrases(PROBLEM_PHRASES) + r"|" + _BAD_THING + r")(?!\w)(?:[^,;.]|\.(?=\d)){0,40}?"
    r"\b(?:không còn|chỉ còn)\b"
)
# More of a demand is neither: "số học sinh tăng nhanh" is the premise of a problem that follows.
# A share of the population or the land is a plain statistic, not a result: "90% dân số là đồng bào".
SHARE = re.compile(r"(?:chiếm\s+)?(?:hơn\s+|gần\s+|trên\s+|khoảng\s+)?\d+(?:[.,]\d+)?\s?%\s+(?:tổng\s+)?"
                   r"(?:dân số|diện tích|số dân|là đồng bào|là người)\b"
                   # "đồng bào dân tộc Hà Nhì, Thái chiếm 91%": who lives there, not a result.
                   r"|\b(?:đồng bào|dân tộc|người dân tộc)\b[^;.]{0,50}?\bchiếm\s+(?:hơn\s+|gần\s+|trên\s+|khoảng\s+)?"
                   r"\d+(?:[.,]\d+)?\s?%")
DEMAND_GROWTH = re.compile(
    r"\b(?:học sinh|trẻ em|dân số|dân cư|nhân khẩu|nhu cầu|người nhập cư|lao động nhập cư)\b[^,;.]{0,30}\btăng\b"
    r"(?:\s+(?:mạnh|nhanh|cao|đáng kể|vọt|đột biến|gấp \w+))?"
)
_PROBLEM_NOUN = (
    r"(?:khó khăn|vướng mắc|sự cố|gián đoạn|ùn tắc|kẹt xe|tồn đọng|sai sót|trễ hạn|quá hạn|vi phạm|"
    r"khiếu nại|phức tạp|điểm nóng|bức xúc|thiệt hại|thương vong|cháy nổ|cháy rừng|cháy|ô nhiễm|sạt lở|"
    r"ngập|dịch bệnh|tai nạn|tội phạm|đơn thư|chậm trễ|chồng chéo|ách tắc|phát sinh|khiếu kiện|tranh chấp|"
    r"lấn chiếm|tái lấn chiếm|phiền hà|nhũng nhiễu|đình trệ|thất thu|thua lỗ|rủi ro)"
)
# A negation scopes over a list of problems ("không gặp khó khăn, vướng mắc") and over the
# whole noun phrase of an event that should not happen ("không để xảy ra tình trạng ...").
NEGATED_PROBLEM = re.compile(
    # "không xảy ra sự cố đuối nước hay ngộ độc thực phẩm": the whole rest of the clause (first,
    # so that a list of problems after it is not cut at its first noun).
    r"\b(?:không|chưa|không hề|chưa hề)\s+(?:để\s+)?(?:xảy ra|còn tình trạng|để tình trạng|phát sinh)\b[^;.]*"
    # "không để tồn đọng hồ sơ quá hạn", "không có đơn thư khiếu nại vượt cấp": the negation holds
    # over the rest of the noun phrase, up to a turn ("nhưng …").
    r"|\b(?:không để|không có)\s+(?:\w+\s+){0,2}?" + _PROBLEM_NOUN + r"\b(?:(?!\s(?:nhưng|song|tuy nhiên|mà)\b)[^,;.])*"
    r"(?:\s*(?:,|và|hay|hoặc)\s*" + _PROBLEM_NOUN + r"\b(?:(?!\s(?:nhưng|song|tuy nhiên|mà)\b)[^,;.])*)*"
    r"|\b(?:không|chưa|không hề|chưa hề|không để)\s+(?!ít\b|nhỏ\b)(?:(?:có|gặp|xảy ra|phát sinh|để xảy ra|để|bị|còn|"
    r"ghi nhận)\s+)*(?:\w+\s+){0,3}?" + _PROBLEM_NOUN + r"\b(?:\s*(?:,|và|hay|hoặc)\s*" + _PROBLEM_NOUN + r"\b)*"
    r"|\bkhông có\s+(?:\w+\s+){1,3}?nào\s+(?:bị\s+|phải\s+)?" + _PROBLEM_NOUN  # "không có hồ sơ nào bị trễ hạn"
    # "Không có hộ nào thiếu đói", "không có tàu cá nào bị bắt giữ": whatever follows "không có … nào".
    + r"|\b(?:không|chưa) (?:có|để)\s+[^,;.]{1,40}?\bnào\b[^,;.]*"
    + r"|\bchưa phát sinh\b|\bkhông phát sinh\b"
    # "Toàn xã không còn hộ nghèo": none of a bad thing left.
    + r"|\bkhông còn\s+(?:\w+\s+){0,2}?" + _BAD_THING + r"\b[^,;.]*"
    # "không có học sinh tiểu học bỏ học", "không có hộ tái nghèo": no one in that plight.
    + r"|\b(?:không|chưa) có\s+(?:học sinh|trẻ em|hộ|hộ dân|người|trường hợp|lao động)\b[^,;.]{0,25}?"
    r"\b(?:bỏ học|tái nghèo|thiếu đói|tảo hôn|đói|vô gia cư)\b"
    # Citizens spared a burden: "người dân không phải chờ đợi lâu".
    r"|\bkhông (?:còn )?phải\s+(?:chờ đợi|chờ|đi lại)\b"
    r"|\bkhông để\s+(?:người dân|bà con|nhân dân|doanh nghiệp)\s+phải\b[^,;.]*"
)
PROBLEM = re.compile(
    r"\b(?:khó khăn|vướng mắc|hạn chế|bất cập|yếu kém|còn thiếu|thiếu|không đáp ứng|chưa đáp ứng|"
    r"không đồng đều|không đủ|xuống cấp|hư hỏng|sạt lở|thiệt hại|ngập|ô nhiễm|quá tải|vất vả|áp lực|"
    r"phức tạp|chậm(?! nhất)|dàn trải|manh mún|tình trạng|bị ảnh hưởng|mưa lũ|thiên tai|dịch bệnh|"
    r"mới đáp ứng|trở ngại|lúng túng|tồn tại, hạn chế|tồn đọng|còn thấp|ở mức thấp|còn yếu|rất rộng|sau sáp nhập rộng|"
    r"địa bàn rộng|chưa|bất cập|nan giải|thiếu hụt|cao hơn nhu cầu|phụ thuộc|nguy cơ|thách thức|"
    r"mất kết nối|chật hẹp|chật chội|tạm mượn|phải mượn|phải thuê|đã cũ|cũ kỹ|cũ nát|lạc hậu|"
    # Problems named by their own word: lax control, shaky prices, a thin or monotonous offer.
    r"buông lỏng|lỏng lẻo|bấp bênh|chập chờn|ép giá|đơn điệu|nghèo nàn|sơ sài|manh nha|"
    # What residents feel about a problem: "nhiều cử tri lo lắng về giá đền bù".
    r"lo lắng|lo ngại|băn khoăn|bức xúc|trăn trở|bất an|chưa thỏa đáng|chưa thật sự thỏa đáng|dở dang|"
    r"bất tiện|cách trở|chia cắt|hẻo lánh|bồi lắng|bồi lấp|biển lấn|xâm thực|sụt lún|xói lở|"
    # Damage and its burden: "nhà bị cuốn trôi", "vẫn phải ở nhờ".
    r"cuốn trôi|tốc mái|đổ sập|vùi lấp|mất trắng|ở nhờ|gần như không còn|"
    # Less than wanted: "mới đạt 62% kế hoạch", "chỉ xử lý được một nửa", "thấp hơn mức bình quân".
    r"mới đạt|chỉ đạt|chỉ xử lý được|chỉ đáp ứng|"
    # Adversity in the passive: "kè bị sụt chân", "rừng bị chết khô", "tiền điện bị tính cao".
    r"bị (?:sụt|lở|chết|mất|hư|hỏng|vỡ|sập|cuốn|ngập|cháy|xâm hại|chặt phá|phá|lấn chiếm|tính cao|ép|"
    r"đình trệ|gián đoạn|tụt|ảnh hưởng|thiệt hại|ô nhiễm|bồi lấp)|"
    r"chết khô|mất hoàn toàn|lở mái|hiểm trở|không có chỗ|chật|trễ hạn|quá hạn|hết vé|phải đóng cửa|"
    r"không chạy được|không nhỏ|"
    # Adversity in plain words: losses, stalls, disputes, officials who shirk.
    r"thua lỗ|hòa vốn|lãi thấp|rủi ro|sụt giảm|đình trệ|ngừng hoạt động|bỏ hoang|bỏ dở|dự án treo|"
    r"tranh chấp|khiếu kiện|né tránh|đùn đẩy|nhũng nhiễu|phiền hà|chây ì|tái lấn chiếm|thất thu|"
    r"thiếu việc làm|không có việc làm|ế|mất mùa|mất giá|rớt giá|biến động thất thường|thất thường|"
    r"khan hiếm|tạm dừng|dừng thi công|phải dừng|vắng khách|mang tính mùa vụ|mất mát|còn vướng|vướng|"
    # Little left of what is needed, and fire risk: "hồ chỉ còn 6% dung tích", "thực bì khô nẻ, dễ bắt lửa".
    r"chỉ còn|chỉ bằng|dễ bắt lửa|dễ cháy|khô nẻ|phủ kín|bất lợi|chịu ảnh hưởng|phân bổ muộn|"
    r"mới giải ngân được|"
    # Plain words for a problem: what falls short, the hardest part, what caved in, the young who stay away.
    r"không bảo đảm|không đảm bảo|khó nhất là|cái khó|điểm nghẽn|nút thắt|quá nhỏ|quá hẹp|không mặn mà|"
    r"sụp xuống|đổ sụp|sụp đổ|tiềm ẩn|xin chuyển công tác|xin nghỉ việc|xin thôi việc|"
    # Records that do not match, a burden borne, a link that keeps failing.
    r"không đồng bộ|chưa đồng bộ|chồng lấn|tốn thêm|tốn kém|vẫn phải|đã phải|"
    # Patchy, unchecked, stalled, cracked, leaking, ageing, hard to muster, afraid to invest.
    r"chắp vá|trôi nổi|khó kiểm soát|chững lại|vết nứt|rò rỉ|lớn tuổi|khó huy động|không dám|tiếng ồn|gay gắt|"
    # Run dry, scarce, jammed.
    r"đã cạn|cạn kiệt|đã khô|bị khô|rất hiếm|ùn ứ)\b"
    # Only part of the work done: "khu tái định cư mới giải phóng được 60% mặt bằng".
    r"|\bmới\s+\w+(?:\s+\w+)?\s+được\s+(?:khoảng\s+)?\d"
    r"|\bchỉ (?:khoảng |còn )?(?:một phần (?:ba|tư|năm)|một nửa)\b"
    r"|(?<!không )(?<!không bị )\bgián đoạn\b"
    # Procedures that drag on (not the rain: "trong lúc mưa còn kéo dài").
    r"|\b(?:thủ tục|thời gian|tiến độ|việc|quá trình)\b[^,;.]{0,40}\bcòn kéo dài\b"
    # Few of what is needed: "mới có 4/12 sản phẩm", "xã chỉ có một cán bộ".
    r"|\bmới có\s+\d+\s*/\s*\d+"
    r"|\bchỉ (?:có\s+)?(?:một|hai|ba|\d)\s+(?:người|cán bộ|công chức|giáo viên|bác sĩ|y sĩ|nhân viên)\b"
    # Money or land already spent: "nguồn vốn đầu tư công năm 2026 đã phân bổ hết".
    r"|\b(?:vốn|nguồn vốn|kinh phí|quỹ đất|ngân sách)\b[^,;.]{0,40}\bđã\s+(?:phân bổ|giao|sử dụng|bố trí|chi)\s+hết\b"
    # Prices going up (not "giá trị sản xuất tăng"): "giá vật liệu tăng gần gấp đôi".
    r"|\bgiá(?!\s+trị)\b[^,;.]{0,30}\btăng\s+(?:cao|mạnh|gần|gấp|đột biến)"
    # The general problem phrases of the lexicon (store.reader.lexicon).
    r"|(?<!\w)(?:" + _phrases(PROBLEM_PHRASES) + r")(?!\w)"
    # Too few hands: "chỉ có 2 người", "lực lượng ... mỏng"; too little money: "mức hỗ trợ ... thấp".
    r"|\bchỉ có\s+\d+\s+(?:người|cán bộ|công chức|biên chế|giáo viên|bác sĩ)\b"
    r"|\b(?:lực lượng|biên chế|đội ngũ|cán bộ)\b[^,;.]{0,60}\bmỏng\b"
    r"|\b(?:mức hỗ trợ|mức chi|mức khoán|phụ cấp|tiền lương|giá thu mua)\b[^,;]{0,40}\bthấp\b"
    # A long way for citizens: "người dân phải đi hơn 15 km".
    r"|\bphải\s+(?:đi bộ|đi|di chuyển|đi lại)\s+(?:xa\s+)?(?:hơn|gần|trên|khoảng)?\s*\d"
    # Citizens bearing a burden: "người dân phải đi lại nhiều lần" (not "không phải chờ đợi").
    r"|(?<!không )(?<!không còn )\bphải\s+(?:chờ đợi|đi lại nhiều lần|quay lại)\b"
    # "yếu" is weak, but "điểm xung yếu" is where the danger is, a place (not "chủ yếu", "yếu tố").
    r"|(?<!chủ )(?<!xung )\byếu\b(?!\s+(?:tố|thế))"
    # More of a bad thing: "số vụ tai nạn giao thông tăng 3 vụ", "tỷ lệ hộ nghèo vẫn ở mức cao".
    r"|\b" + _BAD_THING + r"\b[^,;.]{0,30}\b(?:tăng|ở mức cao|(?:vẫn|rất|khá) cao|cao hơn|vượt|vào sâu)\b"
    # A bad thing that stays at a level: "tỷ lệ hộ nghèo vẫn ở mức trên 40%" (not "giảm hơn 40 hộ").
    r"|\b" + _BAD_THING + r"\b[^,;.]{0,30}\b(?:vẫn(?:\s+còn|\s+ở mức|\s+duy trì ở mức)?|ở mức|duy trì ở mức)\s+"
    r"(?:trên|hơn|gần|xấp xỉ)\s+\d"
    # Still at a level, whatever the figure: "tỷ lệ hộ nghèo vẫn ở mức 27,4%".
    r"|\b" + _BAD_THING + r"\b[^,;.]{0,30}\bvẫn\s+(?:còn\s+)?(?:ở mức|duy trì ở mức)\s+\d"
    # Less of a good thing: "lượng khách lưu trú giảm mạnh".
    r"|\b" + _GOOD_THING + r"\b(?:[^;.]|\.(?=\d)){0,40}?\bgiảm\b"  # "2.150 tấn, giảm": a dot of a number is no end
    # What is left of a bad thing: "tỷ lệ hộ cận nghèo còn 7,2%" (not "giảm còn 2%": see REDUCED).
    r"|\b" + _BAD_THING + r"\b[^,;.]{0,30}\b(?<!giảm )còn\s+(?:khoảng\s+)?\d"
    # Low where more is wanted: "nguồn thu ngân sách của xã thấp".
    r"|\b(?:nguồn thu|thu ngân sách|thu nhập|năng suất|chất lượng|giá trị)\b[^,;]{0,25}\bthấp\b"
    # "còn" + a degree word: something that should have changed has not ("tỷ lệ hộ nghèo còn cao").
    r"|\b(?:vẫn còn|còn)\s+(?:(?:rất|khá|quá|khá là)\s+)?(?:cao|nhiều|ít|chậm|thấp|yếu|khó|dàn trải|lúng túng|tồn tại|mỏng|hạn chế|nhỏ lẻ|"
    r"manh mún|hình thức|hẹp|khiêm tốn|phân tán|chồng chéo|rườm rà|bị động|hạn hẹp)\b"
    # What is left of a burden: "hiện còn 120 hộ nghèo", "còn 3 dự án".
    r"|\b(?:vẫn còn|hiện còn|còn)\s+(?:hơn\s+|gần\s+)?[\d.,]+\s+(?:hộ nghèo|hộ cận nghèo|nhà tạm|hộ thiếu|"
    r"hồ sơ|dự án|tiêu chí|trường hợp|hộ dân chưa|km đường)"
)
RESULT = re.compile(
    # Up on last year ("đón 48.000 lượt khách, tăng 35% so với cùng kỳ"); a bad thing going up
    # is caught first, as a problem.
    r"\btăng\s+(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?\d+(?:[.,]\d+)?\s?%\s+so với\b|"
    r"\b(?:đã|đạt|vượt|hoàn thành|ổn định|thông suốt|hiệu quả|tích cực|được nâng cao|nhanh hơn|"
    r"nhanh chóng|thuận lợi|kịp thời|bài bản|đồng bộ|rất tốt|khởi sắc|chuyển biến|có bước phát triển|"
    r"nâng lên|cải thiện|đi vào nền nếp|đáp ứng được|cơ bản đáp ứng|được triển khai|được tiếp nhận|"
    r"được đầu tư|được xử lý|được giải quyết|được kiện toàn|được quan tâm|tăng trưởng|đúng hạn|"
    r"trước hạn|không gián đoạn|duy trì|giữ vững|đồng tình|ủng hộ|đồng thuận|hưởng ứng|đạt chuẩn|"
    r"được công nhận|về đích|tăng lên|tăng hơn|"
    # Growth of whatever is not a bad thing (those are caught first as problems).
    r"tăng mạnh|tăng nhanh|tăng gấp|tăng đáng kể|tăng vọt|tăng đột biến|"
    # An event that went well: "lễ hội được tổ chức an toàn", "đại hội diễn ra thành công".
    r"được tổ chức (?:an toàn|thành công|chu đáo|trang trọng)|diễn ra (?:an toàn|thành công|sôi nổi|trang trọng)|"
    r"thành công tốt đẹp|ấn tượng tốt|ở mức cao|"
    # Growth and renewal in plain words: "nghề mộc phát triển mạnh", "công tác dân vận được đổi mới".
    r"phát triển mạnh|phát triển nhanh|phát triển tốt|phát triển ổn định|phát triển đúng hướng|"
    r"được đổi mới|được củng cố|được tăng cường|được nâng chất|được mở rộng|được cải thiện|được chú trọng|"
    r"được đẩy mạnh|được phát huy|được nâng cấp|được hoàn thiện|"
    # How the work was done, in the officials' words of praise: "phân công rõ ràng", "đúng luật định".
    r"rõ ràng|thành công|nghiêm túc|đúng luật định|trơn tru|"
    r"đúng tiến độ|vượt tiến độ|giải quyết tốt|tin tưởng|phấn khởi|đáp ứng yêu cầu|"
    r"đảm bảo yêu cầu|bảo đảm yêu cầu|từng bước ổn định|đi vào ổn định|dân chủ, đúng|an toàn, đúng)\b"
    # Work said to have been done well: "được thực hiện chặt chẽ", "được xây dựng công phu".
    r"|\bđược\s+(?:thực hiện|triển khai|tổ chức|xây dựng|chuẩn bị|tiến hành|quán triệt)\s+(?:rất\s+)?(?:chặt chẽ|"
    r"nghiêm túc|đúng|tốt|hiệu quả|bài bản|kịp thời|công phu|chu đáo|khẩn trương|kỹ lưỡng|đồng bộ)\b"
    r"|\d+(?:[.,]\d+)?\s?%"
    # The general result phrases of the lexicon (store.reader.lexicon).
    r"|(?<!\w)(?:" + _phrases(RESULT_PHRASES) + r")(?!\w)"
    # Visitors or investment drawn, counted: "thu hút hơn 300 lượt khách".
    r"|\bthu hút\s+(?:được\s+)?(?:hơn\s+|gần\s+|trên\s+|khoảng\s+)?\d"
    # A counted outcome: "xây dựng được 30 nhà", "tăng 12 tỷ đồng".
    r"|\bđược\s+(?:hơn\s+|gần\s+|trên\s+)?\d|\btăng\s+(?:hơn\s+|gần\s+|trên\s+)?\d"
    # Less of a bad thing: "số hộ nghèo giảm 45 hộ".
    r"|\b" + _BAD_THING + r"\b[^,;.]{0,30}\bgiảm\b"
)
LEADER_TURN = re.compile(r"\b(?:phát biểu kết luận|kết luận buổi làm việc|phát biểu chỉ đạo|kết luận tại buổi|"
                         r"phát biểu tại buổi làm việc|phát biểu tại buổi)\b"
                         # Minutes: "Phó Chủ tịch UBND tỉnh kết luận như sau:" opens the conclusion.
                         r"|\bkết luận(?:\s+(?:như sau|chỉ đạo))?\s*:\s*$")
# A description of the commune, not a result: its area, people, party members, faiths.
STATISTICS = re.compile(
    r"\b(?:(?:tổng\s+)?diện tích(?:\s+(?:đất\s+)?tự nhiên)?|(?:tổng\s+)?dân số|quy mô dân số|nhân khẩu|"
    r"theo đạo|tín đồ|đồng bào (?:các\s+)?dân tộc\b[^,;.]{0,30}\b(?:chiếm|sinh sống)|dân tộc anh em|"
    r"dân tộc (?:kinh|thiểu số)\b[^,;.]{0,20}\bchiếm)\b"
    r"|\b\d[\d.,]*\s+(?:tôn giáo|dân tộc|tín đồ)\b"
    r"|\b\d[\d.,]*\s+(?:khẩu|nhân khẩu|đảng viên|chi bộ|tổ chức cơ sở đảng|km2|km²|ha|héc-ta)\b"
    r"|\bcó\s+\d[\d.,]*\s+(?:thôn|bản|ấp|tổ dân phố|khu phố|buôn|làng|xóm|hộ|người|dân tộc)\b"
)
# What a description lacks: a verb of doing or of change.
ACTION = re.compile(
    r"\b(?:đạt|vượt|hoàn thành|tăng|giảm|hỗ trợ|xây dựng|giải quyết|thu hút|kết nạp|phát triển|công nhận|"
    r"triển khai|thực hiện|đầu tư|xóa|thoát nghèo|giải ngân|thu ngân sách|cấp|trao|bàn giao|khánh thành)\b"
)
# The line that opens a list: "xã đề xuất một số nội dung:", "đề nghị tập trung các nhiệm vụ sau:".
LIST_HEADER = re.compile(
    r"\b(?:một số|các|những|\d+|hai|ba|bốn|năm)\s+(?:nội dung|vấn đề|kiến nghị|đề xuất|nhiệm vụ|giải pháp|"
    r"việc|nhóm nhiệm vụ|nhóm giải pháp|kiến nghị, đề xuất|trọng tâm|chỉ tiêu|kết quả)\b[^:;.]{0,40}:\s*$"
    # A speech verb with nothing said yet: "Đồng chí yêu cầu:", "Kết luận:".
    r"|^[^:;.]{0,40}\b(?:yêu cầu|đề nghị|chỉ đạo|kết luận|nhấn mạnh|lưu ý|giao)\s*:\s*$"
    r"|\b(?:như sau|sau đây|cụ thể như sau|gồm)\s*:\s*$"
)
# The province side as the subject of a clause: "Tỉnh sớm bố trí kinh phí ...".
# ... and in the commune's own voice, what it wishes the province would do.
PROVINCE_SUBJECT_WISHES = re.compile(
    r"\b(?:sớm|cần|quan tâm|xem xét|ưu tiên|tạo điều kiện|có cơ chế|có chính sách|cho phép|hỗ trợ|bổ sung)\b"
)
PROVINCE_SUBJECT_ACTS = re.compile(
    r"\b(?:sớm|cần|quan tâm|xem xét|hỗ trợ|bố trí|đầu tư|ưu tiên|phân bổ|cho phép|tạo điều kiện|có cơ chế|"
    r"có chính sách|bổ sung|nâng cấp|chỉ đạo|hướng dẫn|giải quyết|tháo gỡ)\b"
)
REPORT_VERB = re.compile(r"\b(?:báo cáo|cho biết|nói|cho hay|thông tin thêm|thông tin rằng|chia sẻ|nêu|phản ánh|trình bày|cho rằng|kiến nghị|"
                         r"đề xuất|đề nghị)\b")
# After a commune subject, "cần/phải/tiếp tục..." is what the leader wants it to do.
COMMUNE_SUBJECT_MODAL = re.compile(
    r"^(?:[^,;]{0,60}?\b(?:xã|phường|đặc khu|địa phương|cấp ủy|chính quyền|các lực lượng|lực lượng|"
    r"cán bộ|đảng ủy|đảng bộ|mttq|đoàn thể|người đứng đầu|sở|ngành|ngành chức năng|cơ quan chuyên môn)\b[^;]{0,40}?\s)?"
    r"(?:cần|phải|cần phải|tiếp tục|tập trung|chú trọng|quan tâm|đẩy mạnh|tăng cường|nâng cao|phối hợp|"
    r"chủ động|khẩn trương|sớm|phấn đấu)\b"
    r"|\bnhiệm vụ (?:hàng đầu|trọng tâm|quan trọng)\b[^;]*\blà\b"
)
# A commune stating what it needs: "cần được đầu tư", "phải sớm lập quy hoạch".
IMPLICIT_REQUEST = re.compile(
    r"\b(?:cần được|cần sớm|phải sớm|rất cần|mong được|cần sự quan tâm)\b"
    r"|(?<!\w)(?:" + _phrases(REQUEST_PHRASES) + r")(?!\w)"
)


def speech_verbs(low: str):
    """Yield the speech verbs of `low` used as verbs (not "những kiến nghị", "đáp ứng yêu cầu")."""
    for match in SPEECH_VERB.finditer(low):
        after = low[match.end() :]
        # NOUN_BEFORE ends at the verb and is a few words long: it is matched in the text just
        # before the verb, not over everything before it (which made long sentences quadratic).
        if NOUN_BEFORE.search(low, max(0, match.start() - _NOUN_BEFORE_CHARS), match.start()) or NOUN_AFTER.match(after):
            continue
        if match.group(1) == "giao" and (GIAO_NOUN.match(after) or not GIAO_OBJECT.match(after)):
            continue
        yield match


def strip_connectives(low: str) -> str:
    """Drop leading connectives and bullets: "đồng thời, khẩn trương ..." -> "khẩn trương ..."."""
    return CONNECTIVE.sub("", low.lstrip(" ,;:\"“‘«")).strip()
