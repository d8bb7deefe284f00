"""Word lists and patterns the classifier reads: general Vietnamese cues, no article's words.

All patterns run on lower-cased NFC text. They are grouped by what they tell:
who speaks (actor markers), what is asked (speech verbs), how the clause is framed
(imperative starts, modals, negation) and what it reports (results, problems: the words
of those live in `store.ingest.reader.problem_cues` and are named here too).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from haicap.store.ingest.reader.letters import BULLET
from haicap.store.ingest.reader.pattern_text import phrases as _phrases
from haicap.store.ingest.reader.pattern_text import words as _words
from haicap.store.ingest.reader.problem_cues import DEMAND_GROWTH, NEGATED_PROBLEM, PROBLEM, REDUCED, REMEDY, RESULT, SHARE
from haicap.store.ingest.reader.problem_cues import NOT_GIVEN as NOT_GIVEN
from haicap.store.ingest.reader.problem_cues import NOT_GIVEN_START as _NOT_GIVEN_START
from haicap.store.ingest.reader.speech_lexicon import INSTRUCTION_OPENERS, REQUEST_PHRASES

__all__ = [
    "ACTION",
    "AGENCY_MARK",
    "ASK_VERBS",
    "COMMUNE_ADDRESSEE",
    "COMMUNE_MARK",
    "COMMUNE_SUBJECT_MODAL",
    "CONNECTIVE",
    "DEMAND_GROWTH",
    "ENCOURAGE_VERBS",
    "GIAO_NOUN",
    "GIAO_OBJECT",
    "IMPERATIVE_START",
    "IMPLICIT_REQUEST",
    "LEADER_MARK",
    "LEADER_TURN",
    "LIST_HEADER",
    "META",
    "NEGATED_PROBLEM",
    "NOT_GIVEN",
    "NOUN_AFTER",
    "NOUN_BEFORE",
    "ORDER_VERBS",
    "POTENTIAL",
    "PRAISE",
    "PROBLEM",
    "PROMISE",
    "PROVINCE_ADDRESSEE",
    "PROVINCE_BODY_ACTS",
    "PROVINCE_SUBJECT_ACTS",
    "PROVINCE_SUBJECT_WISHES",
    "REDUCED",
    "REMEDY",
    "REPORT_VERB",
    "RESIDENT_ADDRESSEE",
    "RESULT",
    "SAYING_OPENS",
    "SHARE",
    "SOFT_ORDER_VERBS",
    "SPEECH_VERB",
    "STATISTICS",
    "VISIT",
    "speech_verbs",
    "strip_connectives",
]


# Openers that link a sentence to the one before; they do not change who speaks.
CONNECTIVE = re.compile(
    r"^(?:(?:"
    + _words(
        "trong đó|đồng thời|bên cạnh đó|ngoài ra|cùng với đó|song song đó|song song với đó|mặt khác|đặc biệt|trước mắt|"
        "thứ nhất|thứ hai|thứ ba|thứ tư|thứ năm|một là|hai là|ba là|bốn là|năm là|sáu là|tiếp đó|sau đó|theo đó|qua đó|"
        "do đó|vì vậy|vì thế|nhất là|trước hết|cuối cùng|bên cạnh|đồng thời với đó|ngoài những kết quả đạt được|và|cũng|"
        # Time frames do not change who speaks either: "Thời gian tới, xã phải ...".
        "thời gian tới|trong thời gian tới|thời gian sắp tới|sắp tới|tới đây|từ nay đến cuối năm|"
        "những tháng cuối năm|trong những tháng cuối năm|năm tới|giai đoạn tới|về lâu dài"
    )
    + r")\s*,?\s*|"
    + BULLET
    + r"+\s*"
    # A transcript's label: "PV: …", "PV (giọng đọc): …", "BTV NAM: …", a broadcast's "PTV (nữ): …".
    r"|(?:pv|phóng viên|(?:btv|ptv|mc)(?:\s+(?:nam|nữ))?|phát thanh viên|người dẫn chương trình)(?:\s*\([^()]{1,20}\))?\s*:\s*"
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
    _NOT_GIVEN_START
    + r"^(?:"
    + _words(
        "tiếp tục|tập trung|đẩy mạnh|tăng cường|chủ động|khẩn trương|sớm|nâng cao|quan tâm|chú trọng|"
        "rà soát|triển khai|thực hiện|đổi mới|phát huy|nghiên cứu|xây dựng|hoàn thiện|bảo đảm|đảm bảo|"
        "kiện toàn|phối hợp|quyết liệt|làm tốt|thường xuyên|hỗ trợ|xem xét|bố trí|đầu tư|ưu tiên|"
        "giải quyết|củng cố|duy trì|cụ thể hóa|cụ thể hoá|tổ chức|phấn đấu|huy động|nắm bắt|"
        "kịp thời|có phương án|có cơ chế|có chính sách|có giải pháp|có kế hoạch|có biện pháp|có lộ trình|cho phép|bổ sung|phân bổ|cấp|nâng cấp|"
        "khắc phục|tháo gỡ|chỉ đạo|giữ vững|siết chặt|kiên quyết|nêu cao|tuyên truyền|vận động|"
        "tranh thủ|khai thác|rà soát lại|chấn chỉnh|đề cao|tạo điều kiện|dành|ban hành|"
        "hướng dẫn|giao|điều chỉnh|sắp xếp|không để|phải|cần|luôn|mở rộng|lắp đặt|số hóa|chuẩn bị|"
        "đẩy nhanh|hoàn thành|nghiêm túc|mở lớp|xử lý|quản lý chặt chẽ|làm rõ|giám sát|lồng ghép|chăm lo|"
        "thu hút|khuyến khích|cải thiện|phát triển|kiểm soát|công khai|xác định|sử dụng|theo dõi|bám sát|"
        "tham mưu|kiểm tra|đôn đốc|ngăn chặn|phát hiện|bảo vệ|lập|quản lý|kiên trì|dứt điểm|tuyệt đối|chủ trì|ra quân|"
        # Asks in a list that open with what to change: "Rút ngắn thời gian thẩm định …".
        "rút ngắn|gia hạn|miễn giảm|giảm bớt|nâng mức|tăng mức|tăng nguồn|"
        # Orders on a site: "Cắm biển cảnh báo, bố trí người canh gác …", "Khơi thông dòng chảy".
        "cắm biển|cắm mốc|gia cố|khơi thông|nạo vét|sơ tán|khoanh vùng|thông tuyến|canh gác|túc trực"
    )
    + r")\b"
    # The general openers of the lexicon (store.reader.speech_lexicon).
    r"|^(?:" + _phrases(INSTRUCTION_OPENERS) + r")\b"
    # "Báo cáo rõ những khó khăn ..." tells to report; "Báo cáo tại buổi làm việc, ..." frames a speaker.
    r"|^báo cáo\b(?!\s+(?:tại|với|cho|của|về|kết quả|tình hình)\b)"
    # "Lãnh đạo thực hiện ..." instructs; "Lãnh đạo xã cho biết ..." names a speaker.
    r"|^lãnh đạo\b(?!\s+(?:xã|phường|đặc khu|tỉnh|thành phố|ubnd|sở|các|đảng|huyện|địa phương|hai|ba)\b)"
    # Any verb urged "at once" before its object: "Dọn ngay các cống …", "Sửa chữa ngay tuyến kè …".
    r"|^(?:[^\s,;:]+\s+){1,2}?ngay\s+(?:lập tức\s+)?(?:các|những|toàn bộ|số|cho|tuyến|đoạn|\d)\b"
    # A prohibition with no subject: "không nên trông chờ …", "đừng để …" ("không được" is a lexicon opener).
    r"|^(?:không nên|đừng|chớ)\b"
)

ASK_VERBS = "đề nghị|kiến nghị|đề xuất|mong muốn|rất mong|mong|xin|kính đề nghị|kiến nghị với"
ORDER_VERBS = "yêu cầu|chỉ đạo|giao|nhấn mạnh|lưu ý|khuyến khích|quán triệt|đề nghị|nhắc nhở|chỉ rõ|động viên|khích lệ|căn dặn"
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
    r"toàn bộ|tổng hợp|công tác|sự|thực hiện|lãnh đạo|lãnh đạo,|hồ sơ|danh sách|văn bản|tờ trình|công văn|giấy|ban|trong|"
    # "làm theo kiểu xin từng đợt": a way of asking, named, is no ask; "không có phản ánh, kiến nghị": nor one denied.
    r"kiểu|cách|lối|(?:không|chưa)\s+(?:có|phát sinh|nhận được)\s+(?:đơn thư|đơn|phản ánh|khiếu nại|tố cáo)\s*,|"
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
GIAO_OBJECT = re.compile(
    r"^\s*(?:cho|các|ubnd|sở|ngành|văn phòng|ban|công an|bộ chỉ huy|đảng ủy|chính quyền|"
    # Utilities and public companies are assigned as agencies are: "giao Công ty Điện lực …".
    r"xã|phường|cơ quan|đơn vị|công ty|tổng công ty|điện lực|trung tâm|chi nhánh)\b"
)
# Who is asked: the province side ...
PROVINCE_ADDRESSEE = re.compile(
    r"^\s*(?:với\s+)?(?:"
    + _words(
        "tỉnh|thành phố|trung ương|tỉnh ủy|thành ủy|ubnd tỉnh|ubnd thành phố|các sở|sở|bộ|cấp trên|"
        "cấp có thẩm quyền|các cấp|các ngành|ngành chức năng|các cơ quan|hđnd tỉnh|lãnh đạo tỉnh|"
        "thường trực tỉnh ủy|nhà nước|chính phủ"
    )
    + r")\b"
    # A provincial body named in full: "Ban Tổ chức Tỉnh ủy", "Bộ Chỉ huy Quân sự tỉnh", "Công an thành phố".
    r"|^\s*(?:với\s+)?(?:các\s+)?(?:ban(?!\s+hành)|công an|bộ chỉ huy|bộ đội biên phòng|văn phòng|trung tâm|quỹ|"
    r"ngân hàng|kho bạc|ủy ban|hội|liên minh|điện lực|cục|chi cục)\b[^,;.:]{0,50}?\b(?:tỉnh ủy|thành ủy|tỉnh|thành phố)\b"
)
# ... or the commune side.
COMMUNE_ADDRESSEE = re.compile(
    r"^\s*(?:\d+\s+|hai\s+|ba\s+|bốn\s+|các\s+|những\s+)?(?:"
    + _words(
        "xã|phường|đặc khu|cấp ủy|chính quyền|đảng ủy|ubnd xã|ubnd phường|địa phương|cán bộ|"
        "ban thường vụ|tập thể|lãnh đạo xã|lãnh đạo phường|mttq|hệ thống chính trị|thôn|ấp|chi bộ|"
        "trưởng thôn|thôn trưởng|trưởng ấp|bí thư chi bộ|khu phố|tổ dân phố"
    )
    + r")\b"
    # The cadres in the room ("Tôi đề nghị các đồng chí ..."), unless the province's are named.
    r"|^\s*các đồng chí\b(?![^,;.]{0,30}\b(?:tỉnh|thành phố|trung ương|sở|ngành|bộ)\b)"
)
RESIDENT_ADDRESSEE = re.compile(
    r"^\s*(?:người dân|nhân dân|bà con|các hộ|các gia đình|gia đình|học sinh|(?:các\s+)?(?:bậc\s+)?phụ huynh|cha mẹ|"
    r"(?:các\s+)?hộ dân)\b"
)

# Who speaks: the nearest marker before the verb decides.
LEADER_MARK = re.compile(
    r"\b(?:"
    + _words(
        "tỉnh ủy|thành ủy|ubnd tỉnh|tỉnh|thành phố|tphcm|tp|trung ương|đoàn công tác|"
        "lãnh đạo tỉnh|chủ tịch ubnd tỉnh|tổ công tác|đoàn kiểm tra|đoàn giám sát|đoàn khảo sát|"
        "tổ đại biểu|đoàn đại biểu|đoàn đbqh"
    )
    + r")\b"
    # A bare title ("Phó Chủ tịch khen xã …", "Bí thư nhấn mạnh"): the leader's, since a commune's or a
    # hamlet's names its body after it ("Chủ tịch UBND xã", "Bí thư Chi bộ thôn 3"), which is nearer the verb.
    r"|\b(?:phó\s+)?(?:chủ tịch|bí thư)\b(?!\s+(?:chi bộ|chi đoàn|đoàn|hội|hợp tác xã|htx|thôn|bản|ấp|khu phố|"
    r"tổ dân phố|mặt trận|ủy ban mặt trận|ubmttq|ủy ban mttq|mttq|công đoàn|ubnd xã|ubnd phường|ủy ban nhân dân xã|"
    r"ủy ban nhân dân phường|hđnd xã|hđnd phường|xã|phường|đảng ủy))"
    # The delegation named by its bare word, as the subject of what it did: "Đoàn đã kiểm tra ...".
    r"|(?:^|(?<=[,;:]\s))đoàn(?=\s*$|\s+(?:đã|cũng|tiếp tục|trực tiếp|kiểm tra|khảo sát|thăm|làm việc|đến|đi|nghe|"
    r"ghi nhận|đánh giá|đề nghị|yêu cầu)\b)"
)
COMMUNE_MARK = re.compile(r"\b(?:" + _words("xã|phường|đặc khu|địa phương|các địa phương|cơ sở") + r")\b")
AGENCY_MARK = re.compile(r"\b(?:các sở|sở|ban, ngành|sở, ngành|các ngành|đại diện các sở)\b")

PRAISE = re.compile(
    # "Ghi nhận các kiến nghị của xã" takes the asks down: no praise.
    r"\b(?:khen(?=\s+(?:các\s+|những\s+)?(?:xã|phường|đặc khu|địa phương|cán bộ|bà con|tập thể))|ghi nhận(?!\s+(?:các\s+|những\s+|toàn bộ\s+|đầy đủ\s+)?(?:kiến nghị|ý kiến|đề xuất|đề nghị|phản ánh|tâm tư))|đánh giá cao|biểu dương|khen ngợi|hoan nghênh|đánh giá (?:rất )?(?:cao|tích cực)|"
    r"chúc mừng những kết quả|trân trọng những kết quả|"
    # The leader's own joy at what the commune did: "tôi rất mừng vì thấy nhà cửa bà con khang trang".
    r"(?:rất|vui|phấn khởi,?)\s+mừng\s+(?:vì|khi|trước|được thấy))\b"
)
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
    # A notice signing off: "Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện".
    r"|\bthông báo\s+(?:để|cho|tới|đến)\b[^;.]{0,80}?\bbiết\b"
    # A bulletin signing off: "Chương trình Thời sự xin được tạm dừng tại đây".
    r"|\b(?:chương trình|bản tin|buổi phát sóng)\b[^;.]{0,60}?\b(?:tạm dừng|kết thúc|xin dừng)\b"
    # The reporter at work: "phóng viên đã có cuộc trao đổi với ông A về …" (the interview follows).
    r"|\b(?:phóng viên|pv)\b[^;.]{0,40}?\b(?:trao đổi|phỏng vấn|trò chuyện|ghi nhận|có bài|tường thuật)\b"
)
# The leader's visit, gifts and attendance: context, not content.
VISIT = re.compile(
    r"^(?:"
    + _words(
        "thăm|tặng quà|trao quà|trao hỗ trợ|tham dự|cùng đi|cùng tham gia|tham gia đoàn|tham quan|"
        "dự buổi|chúc mừng|đến thăm|trước khi làm việc"
    )
    + r")\b"
    r"|\b(?:đã|đã đến|đã đi)?\s*(?:đi kiểm tra|đến kiểm tra|đến thăm|thăm, tặng quà|tặng quà|trao quà|tham quan|"
    r"dẫn đầu đoàn|làm việc với|chủ trì buổi làm việc|có buổi làm việc|thăm và làm việc|"
    # The leader's gestures to the bereaved: "chia buồn với các gia đình có người chết".
    r"chia buồn|thắp hương|viếng)\b"
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
LEADER_TURN = re.compile(
    r"\b(?:phát biểu kết luận|kết luận buổi làm việc|phát biểu chỉ đạo|kết luận tại buổi|"
    r"phát biểu tại buổi làm việc|phát biểu tại buổi)\b"
    # Minutes: "Phó Chủ tịch UBND tỉnh kết luận như sau:" opens the conclusion.
    r"|\bkết luận(?:\s+(?:như sau|chỉ đạo))?\s*:\s*$"
)
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
    r"triển khai|thực hiện|đầu tư|xóa|thoát nghèo|giải ngân|thu ngân sách|cấp|trao|bàn giao|khánh thành|"
    # A harvest or a planting is the season's output, not the size of the commune.
    r"thu hoạch|gieo cấy|trồng mới)\b"
)
# The line that opens a list: "xã đề xuất một số nội dung:", "đề nghị tập trung các nhiệm vụ sau:".
LIST_HEADER = re.compile(
    r"\b(?:một số|các|những|\d+|hai|ba|bốn|năm)\s+(?:nội dung|vấn đề|kiến nghị|đề xuất|nhiệm vụ|giải pháp|"
    r"việc|nhóm nhiệm vụ|nhóm giải pháp|kiến nghị, đề xuất|trọng tâm|chỉ tiêu|kết quả)\b[^:;.]{0,40}:\s*$"
    # A speech verb with nothing said yet: "Đồng chí yêu cầu:", "Kết luận:".
    # ... or with whom it goes to: "Đồng chí đề nghị xã:", "yêu cầu các địa phương:".
    r"|^[^:;.]{0,40}\b(?:yêu cầu|đề nghị|chỉ đạo|kết luận|nhấn mạnh|lưu ý|giao|đề xuất|kiến nghị|mong muốn)(?:\s+(?:các\s+|hai\s+|"
    r"ba\s+|\d+\s+)?(?:xã|phường|đặc khu|địa phương|đồng chí|ubnd xã|đảng ủy xã|cấp ủy, chính quyền xã|tỉnh|thành phố|ubnd tỉnh|"
    r"ubnd thành phố|cấp trên|trung ương|sở|ngành))?\s*:\s*$"
    # The ask and whom it goes to, the asks below: "3. Đề nghị Sở Nội vụ:".
    r"|^(?:\d{1,2}(?:\.\d{1,2})*[.)]\s+|"
    + BULLET
    + r"+\s*)?[^:;.]{0,20}\b(?:đề nghị|kiến nghị|đề xuất|yêu cầu|giao)\s+(?:(?:các|ubnd|sở|ban|bộ|tỉnh|thành phố|trung ương)\b)"
    r"[^:;.,]{0,40}:\s*$"
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
# A body of the province named as the subject of what it is to do, its name ending on the province
# ("Điện lực tỉnh kéo lưới điện …", "Trung tâm Y tế tỉnh cử bác sĩ …"), unless the clause tells
# what it did, will do, is doing, or said (those are facts, promises and reports, not tasks).
PROVINCE_BODY_ACTS = re.compile(
    r"^(?:các\s+)?(?:sở|ban|công an|bộ chỉ huy|bộ đội|văn phòng|thanh tra|kho bạc|điện lực|công ty|trung tâm|"
    r"ngân hàng|đài|chi cục|hạt kiểm lâm|liên minh|ủy ban mặt trận)\b[^,;:]{0,50}?\b(?:tỉnh|thành phố)\s+"
    r"(?!(?:đã|sẽ|đang|còn|chưa|bị|vừa|mới|cũng|là|có|được|không|cho biết|báo cáo|thông tin|nêu|phản ánh|"
    r"trình bày|chia sẻ|khẳng định|cam kết|ghi nhận|tiếp thu|giải trình|nói|trả lời|đề nghị|kiến nghị|"
    r"đề xuất)\b)\w"
)
# A verb of saying that opens the words said, by a colon or a quote: "Chủ tịch UBND tỉnh kết luận:
# «Xã phải …»", "ông A phát biểu: …" (its subject holds the floor for them).
SAYING_OPENS = re.compile(r"\b(?:kết luận|phát biểu|nhận định|nêu rõ|nói)(?=\s*(?::|[\"“«]|rằng\b))")
REPORT_VERB = re.compile(
    r"\b(?:báo cáo|cho biết|nói|cho hay|thông tin thêm|thông tin rằng|chia sẻ|nêu|phản ánh|trình bày|cho rằng|kiến nghị|"
    r"đề xuất|đề nghị)\b"
)
# After a commune subject, "cần/phải/tiếp tục..." is what the leader wants it to do.
COMMUNE_SUBJECT_MODAL = re.compile(
    r"^(?:[^,;]{0,60}?\b(?:xã|phường|đặc khu|địa phương|cấp ủy|chính quyền|các lực lượng|lực lượng|"
    r"cán bộ|đảng ủy|đảng bộ|mttq|đoàn thể|người đứng đầu|sở|ngành|ngành chức năng|cơ quan chuyên môn)\b[^;]{0,40}?\s)?"
    # ("xã rất cần tỉnh hỗ trợ …" puts a need to those above: no order.)
    r"(?<!không )(?<!chưa )(?<!rất )(?:(?:cần|phải|cần phải)(?!\s+(?:tỉnh|thành phố|trung ương|cấp trên|nhà nước)\b)|tiếp tục|tập trung|chú trọng|quan tâm|đẩy mạnh|tăng cường|nâng cao|phối hợp|"
    r"chủ động|khẩn trương|sớm|phấn đấu)\b"
    r"|\bnhiệm vụ (?:hàng đầu|trọng tâm|quan trọng)\b[^;]*\blà\b"
)
# A commune stating what it needs: "cần được đầu tư", "phải sớm lập quy hoạch".
IMPLICIT_REQUEST = re.compile(
    r"\b(?:cần được|cần sớm|phải sớm|rất cần|mong được|cần sự quan tâm)\b"
    r"|(?<!\w)(?:" + _phrases(REQUEST_PHRASES) + r")(?!\w)"
)


_COURTESY = re.compile(
    r"^\s*(?:được\s+)?(?:tạm dừng|dừng|kết thúc|chào|cảm ơn|cám ơn|gửi lời|hẹn gặp|giới thiệu|trân trọng|"
    # "hộ nào cần kết nối xin liên hệ trưởng ấp", "xin mời bà con": please, no ask of anyone.
    r"liên hệ|mời|vui lòng|thông báo|nhắc lại)\b"
)
# "vắc xin", "vắc-xin": a vaccine, no ask.
_VACCINE = re.compile(r"\bv[aắá]c\s*-?\s*$")


def speech_verbs(low: str) -> Iterator[re.Match[str]]:
    """Yield the speech verbs of `low` used as verbs (not "những kiến nghị", "đáp ứng yêu cầu")."""
    return iter(_speech_verbs(low))


@functools.lru_cache(maxsize=4096)
def _speech_verbs(low: str) -> tuple[re.Match[str], ...]:
    """The matches of `speech_verbs`, found once per text (a clause is asked about several times)."""
    return tuple(_each_speech_verb(low))


def _each_speech_verb(low: str) -> Iterator[re.Match[str]]:
    for match in SPEECH_VERB.finditer(low):
        after = low[match.end() :]
        # NOUN_BEFORE ends at the verb and is a few words long: it is matched in the text just
        # before the verb, not over everything before it (which made long sentences quadratic).
        if NOUN_BEFORE.search(low, max(0, match.start() - _NOUN_BEFORE_CHARS), match.start()) or NOUN_AFTER.match(after):
            continue
        if match.group(1) == "giao" and (GIAO_NOUN.match(after) or not GIAO_OBJECT.match(after)):
            continue
        if match.group(1) == "xin" and (_COURTESY.match(after) or _VACCINE.search(low, max(0, match.start() - 6), match.start())):
            continue  # "Chương trình xin được tạm dừng tại đây", "xin cảm ơn", "tiêm vắc xin": no ask
        yield match


@functools.lru_cache(maxsize=4096)
def strip_connectives(low: str) -> str:
    """Drop leading connectives and bullets: "đồng thời, khẩn trương ..." -> "khẩn trương ..."
    (remembered: the classifier and the speaker tracking ask about the same clause several times)."""
    return CONNECTIVE.sub("", low.lstrip(' ,;:"“‘«')).strip()
