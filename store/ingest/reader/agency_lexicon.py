"""The lexicon of provincial bodies' names, for the reader of assignments.

The heads of the standard bodies' names ("Sở", "Công an", "UBND", "Ban Quản lý dự án" …)
with the level of body each names, how the name may go on after it and what place may
follow; the departments' short names after "Sở" and "Bộ"; the words at which a name stops;
a person's titles before a body; the place words after a body; the groups that name no one
body ("các sở, ngành liên quan") and the bare words for the level above ("tỉnh", "cấp trên").
`store.ingest.reader.agency_names` reads names with it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from haicap.store.ingest.reader.tokens import Trie, bar_phrases, phrases, word_set

__all__ = [
    "AGENCY",
    "BARE",
    "BARE_WORDS",
    "CLOSED",
    "COMMITTEE",
    "COMMUNE",
    "COMMUNE_WORDS",
    "GROUP",
    "GROUP_NOUNS",
    "GROUP_TAILS",
    "HEADS",
    "LOCAL_NOUNS",
    "MAX_LIST",
    "MAX_NAME",
    "MAX_PLACE",
    "MUST_PARTY",
    "MUST_PLACE",
    "NAME_WORDS",
    "NO_PLACE",
    "OLD_DISTRICT_WORDS",
    "OPEN",
    "OPEN_CAPITAL",
    "PARTY",
    "PARTY_BODIES",
    "PLACE",
    "PLURAL",
    "PROVINCE_WORDS",
    "ROMAN",
    "SHORT_NAMES",
    "STOP_PAIRS",
    "STOP_WORDS",
    "TITLES",
    "Head",
]

AGENCY, COMMITTEE, COMMUNE, GROUP, BARE = "agency", "committee", "commune", "group", "bare"
"""Levels of what a list names: a provincial (or central) body; a People's Committee, council
or Party committee above the commune; the commune and its own bodies; a group ("các sở,
ngành liên quan"); a bare word for the level above ("tỉnh", "cấp trên")."""

# How a name may go on after its lexicon words.
CLOSED, OPEN_CAPITAL, OPEN = "closed", "open-capital", "open"
# What may follow: nothing, a place if any, a place that must be there, a place or a
# Party / People's body ("Ban Tổ chức Tỉnh ủy", "Văn phòng UBND tỉnh").
NO_PLACE, PLACE, MUST_PLACE, PARTY, MUST_PARTY = "none", "place", "must", "party", "must-party"


class Head(NamedTuple):
    """What the head words of a body's name say: its level, how the name goes on after
    them (CLOSED, OPEN_CAPITAL, OPEN) and what place may follow (NO_PLACE … MUST_PARTY)."""

    level: str
    grow: str
    place: str
    short: str | None = None  # "so" / "bo": followed by a department's short name


HEADS: Trie[Head] = Trie()


def _heads(names: str, level: str, grow: str, place: str, short: str | None = None) -> None:
    for name in names.split("|"):
        HEADS.add(name, Head(level, grow, place, short))


# The departments (sở) of a province after the 2025 reorganisation, older names too; the
# same short names follow "Bộ" for ministries.
_DEPARTMENTS = (
    "Nội vụ|Tư pháp|Tài chính|Công Thương|Nông nghiệp và Môi trường|Xây dựng|Khoa học và Công nghệ"
    "|Giáo dục và Đào tạo|Y tế|Văn hóa, Thể thao và Du lịch|Văn hóa và Thể thao|Du lịch|Ngoại vụ"
    "|Dân tộc và Tôn giáo|Quy hoạch - Kiến trúc|An toàn thực phẩm|Giao thông vận tải|Giao thông công chính"
    "|Kế hoạch và Đầu tư|Tài nguyên và Môi trường|Nông nghiệp và Phát triển nông thôn"
    "|Lao động - Thương binh và Xã hội|Lao động, Thương binh và Xã hội|Thông tin và Truyền thông"
    "|Văn hóa - Thể thao|Văn hóa, Thể thao|Khoa học - Công nghệ"
)
SHORT_NAMES: dict[str, Trie[str]] = {"so": Trie(), "bo": Trie()}
for _name in _DEPARTMENTS.split("|"):
    SHORT_NAMES["so"].add(_name, _name)
    SHORT_NAMES["bo"].add(_name, _name)
for _name in ("Công an", "Quốc phòng", "Ngoại giao"):
    SHORT_NAMES["bo"].add(_name, _name)

_heads("Sở", AGENCY, OPEN_CAPITAL, PLACE, short="so")
_heads("Bộ", AGENCY, OPEN_CAPITAL, NO_PLACE, short="bo")
# Bodies of a province that need their place to be a name ("Công an tỉnh", "Thuế tỉnh").
_heads(
    "Công an|Thanh tra|Thuế|Bảo hiểm xã hội|BHXH|Bộ Chỉ huy Quân sự|Bộ Chỉ huy Bộ đội Biên phòng"
    "|Bộ đội Biên phòng|Ban Chỉ huy Quân sự|Ban Chỉ huy Phòng thủ|Kho bạc|Tòa án nhân dân"
    "|Viện Kiểm sát nhân dân|Cảnh sát phòng cháy, chữa cháy|Hải quan|Thống kê",
    AGENCY,
    CLOSED,
    MUST_PLACE,
)
_heads(
    "Kho bạc Nhà nước|Chi cục Thuế|Cục Thuế|Ngân hàng Chính sách xã hội|Chi nhánh Ngân hàng Chính sách xã hội"
    "|Phòng giao dịch Ngân hàng Chính sách xã hội|Ngân hàng Nhà nước|Cục Hải quan|Chi cục Hải quan"
    "|Đài Phát thanh và Truyền hình|Báo và Phát thanh, Truyền hình"
    "|Hội Liên hiệp Phụ nữ|Hội Nông dân|Hội Cựu chiến binh|Liên đoàn Lao động|Đoàn Thanh niên"
    "|Đoàn Thanh niên Cộng sản Hồ Chí Minh|Văn phòng Đăng ký đất đai|Trung tâm Phát triển quỹ đất"
    "|Trung tâm Phục vụ hành chính công|Quỹ Đầu tư phát triển|Cục Thống kê|Chi cục Thống kê"
    "|Văn phòng Đoàn ĐBQH và HĐND|Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân|Đoàn ĐBQH"
    "|Đoàn đại biểu Quốc hội|Ban Quản lý các khu công nghiệp|Ban Quản lý Khu kinh tế",
    AGENCY,
    CLOSED,
    PLACE,
)
_heads("Tỉnh đoàn|Thành đoàn|Bộ Công an|Bộ Quốc phòng|Bộ Ngoại giao", AGENCY, CLOSED, NO_PLACE)
# The Front, the Party's boards and the councils' boards: a place or a Party body follows.
_heads(
    "Ủy ban MTTQ Việt Nam|Ủy ban MTTQ|Ủy ban Mặt trận Tổ quốc Việt Nam|Ủy ban Mặt trận Tổ quốc|MTTQ"
    "|MTTQ Việt Nam|Mặt trận Tổ quốc Việt Nam|Mặt trận Tổ quốc",
    AGENCY,
    CLOSED,
    MUST_PLACE,
)
_heads(
    "Ban Tổ chức|Ban Tuyên giáo và Dân vận|Ban Tuyên giáo|Ban Dân vận|Ban Nội chính|Ban Kinh tế - Ngân sách"
    "|Ban Pháp chế|Ban Văn hóa - Xã hội|Ban Dân tộc|Ban Kinh tế - Xã hội|Ban Chính sách, chiến lược"
    "|Ủy ban Kiểm tra|Văn phòng",
    AGENCY,
    OPEN_CAPITAL,
    PARTY,
)
# People's Committees, councils and Party committees.
_heads(
    "UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân|Thường trực HĐND|Thường trực Hội đồng nhân dân|Đảng ủy",
    COMMITTEE,
    CLOSED,
    MUST_PLACE,
)
_heads("Thường trực|Ban Thường vụ|Ban Chấp hành", COMMITTEE, CLOSED, MUST_PARTY)
_heads("Tỉnh ủy|Thành ủy|Chính phủ|Thủ tướng Chính phủ|Quốc hội", COMMITTEE, CLOSED, NO_PLACE)
# Heads whose name goes on with lower-case words: "Ban Quản lý dự án đầu tư xây dựng …".
_heads("Ban Quản lý dự án đầu tư xây dựng|Ban Quản lý dự án|Ban Quản lý|BQL", AGENCY, OPEN, PLACE)
# Heads followed by a capitalised word: "Trung tâm Y tế khu vực …", "Công ty Điện lực Sơn La".
_heads(
    "Công ty Điện lực|Tổng công ty Điện lực|Điện lực|Công ty|Tổng công ty|Tập đoàn|Trung tâm|Chi cục|Cục|Bệnh viện|Trạm|Hạt|Quỹ|Chi nhánh|Viện|Báo|Đài|Phòng"
    "|Vườn quốc gia|Khu bảo tồn|Ban|Ủy ban|Hội|Liên đoàn|Đoàn|Ngân hàng|Trường|Nhà máy|Cảng vụ",
    AGENCY,
    OPEN_CAPITAL,
    PLACE,
)

# Where a name stops: words that follow a body (verbs, modals, function words).
STOP_WORDS = word_set(
    "và với cùng để nhằm trong trên tại theo về cho của các những mọi từng là thì đã đang sẽ được bị "
    "cần phải sớm có không chưa khi nếu vì do như gồm này đó trước sau từ đến tới hết ngày tháng năm "
    "quý mà hay hoặc cũng vẫn luôn còn đều ra vào lên lập cấp giao trình làm ngay nhanh gấp cử nắm xem "
    "giúp lo đưa chi thu mua tìm chủ rà khẩn kịp tiếp tích quyết tập"
)
STOP_PAIRS = bar_phrases(
    "chủ trì|phối hợp|hướng dẫn|khẩn trương|rà soát|tham mưu|kiểm tra|xem xét|nghiên cứu|tổng hợp"
    "|báo cáo|thực hiện|triển khai|hỗ trợ|giải quyết|đẩy nhanh|tăng cường|chỉ đạo|quan tâm|tiếp tục"
    "|chủ động|bố trí|theo dõi|đôn đốc|chịu trách|nắm bắt|cung cấp|phân bổ|ưu tiên|xử lý|khắc phục"
    "|xây dựng|hoàn thành|hoàn thiện|điều chỉnh|bổ sung|ban hành|tổ chức|đảm bảo|bảo đảm|thẩm định"
    "|phê duyệt|thu hồi|bàn giao|sửa chữa|lắp đặt|mở rộng|phát triển|di dời|vận hành|chuẩn bị|tháo gỡ"
    "|quản lý|đầu tư|đề nghị|kiến nghị|đề xuất|yêu cầu|tập trung|khảo sát|đánh giá|nâng cấp|thúc đẩy"
    "|cải cách|cải tạo|tiếp nhận|giải ngân|thanh toán|kiện toàn|sắp xếp|tuyên truyền|vận động|giám sát"
    "|lãnh đạo|phấn đấu|tiến hành|làm việc|thống nhất|trả lời|giải đáp|cập nhật|phân công|hướng tới"
    "|nhanh chóng|kịp thời|tích cực|quyết liệt|khẩn cấp|cụ thể|tu sửa|chỉnh trang|có trách|tham gia"
    "|bảo vệ|phòng chống|phòng ngừa|ngăn chặn|xác minh|thanh tra|kiểm soát|hoàn tất|xác định|đề ra"
)
# A person's title before a body ("Chủ tịch UBND tỉnh"): the body names the person's office.
TITLES = phrases(
    "chủ tịch",
    "phó chủ tịch",
    "giám đốc",
    "phó giám đốc",
    "lãnh đạo",
    "thủ trưởng",
    "bí thư",
    "phó bí thư",
    "trưởng ban",
    "phó trưởng ban",
    "chánh văn phòng",
    "phó chánh văn phòng",
    "chánh thanh tra",
    "chỉ huy trưởng",
    "tổng giám đốc",
    "cục trưởng",
    "chi cục trưởng",
    "trưởng",
    "phó",
    "đồng chí",
    "đại diện",
    "người đứng đầu",
    "ủy viên",
    "đại biểu",
    "ông",
    "bà",
    "đồng chí giám đốc",
    "đồng chí chủ tịch",
    "phó chủ tịch thường trực",
    "trưởng phòng",
    "phó trưởng phòng",
    "cán bộ",
    "chánh án",
    "viện trưởng",
)
# Places after a body.
PROVINCE_WORDS = phrases("tỉnh", "thành phố", "cấp tỉnh", "Trung ương")
COMMUNE_WORDS = phrases(
    "xã",
    "phường",
    "đặc khu",
    "thị trấn",
    "cấp xã",
    "các xã",
    "các phường",
    "các địa phương",
    "các xã, phường",
    "xã, phường",
    "các xã, phường, đặc khu",
    "xã, phường, đặc khu",
    "các xã, phường, thị trấn",
)
OLD_DISTRICT_WORDS = phrases("huyện", "quận", "thị xã", "các huyện")
PARTY_BODIES: Trie[tuple[str, bool]] = Trie()
for _name in ("Tỉnh ủy", "Thành ủy"):
    PARTY_BODIES.add(_name, (COMMITTEE, False))
for _name in ("Đảng ủy", "UBND", "Ủy ban nhân dân", "HĐND", "Hội đồng nhân dân"):
    PARTY_BODIES.add(_name, (COMMITTEE, True))
ROMAN = re.compile(r"^(?:[IVXL]{1,6}|\d{1,3})$")

# Groups that name no one body.
GROUP_NOUNS = phrases(
    "sở",
    "ngành",
    "ban",
    "bộ",
    "bộ ngành",
    "cơ quan",
    "đơn vị",
    "lực lượng",
    "phòng",
    "đoàn thể",
    "tổ chức",
    "doanh nghiệp",
    "chủ đầu tư",
    "nhà thầu",
    "sở ngành",
    "ban ngành",
    "địa phương",
    "chính quyền",
    "cấp ủy",
    "xã",
    "phường",
    "đặc khu",
    "thôn",
    "bản",
    "khu phố",
    "tổ dân phố",
    "đoàn thể chính trị - xã hội",
)
LOCAL_NOUNS = phrases("địa phương", "chính quyền", "cấp ủy", "xã", "phường", "đặc khu", "thôn", "bản", "khu phố", "tổ dân phố")
GROUP_TAILS = phrases(
    "chức năng",
    "chuyên môn",
    "liên quan",
    "có liên quan",
    "của tỉnh",
    "cấp tỉnh",
    "của thành phố",
    "trực thuộc",
    "thuộc tỉnh",
    "cấp xã",
    "các cấp",
    "tỉnh",
    "thành phố",
    "địa phương",
    "xã",
    "phường",
    "của xã",
    "của phường",
    "trên địa bàn",
    "thi công",
    "chuyên ngành",
    "các xã",
    "các phường",
    "Trung ương",
    "của Trung ương",
)
# Words of an open name that would otherwise stop it: "… các công trình giao thông tỉnh".
NAME_WORDS = phrases(
    "công trình",
    "các công trình",
    "giao thông",
    "dân dụng",
    "công nghiệp",
    "nông nghiệp",
    "hạ tầng",
    "đô thị",
    "thủy lợi",
    "các khu công nghiệp",
    "khu công nghiệp",
    "khu kinh tế",
    "cấp nước",
)
PLURAL = word_set("các những mọi hai ba bốn năm sáu bảy tám chín mười")
BARE_WORDS = phrases(
    "tỉnh",
    "thành phố",
    "Trung ương",
    "cấp trên",
    "các cấp",
    "Nhà nước",
    "cấp có thẩm quyền",
    "các cấp có thẩm quyền",
    "cơ quan có thẩm quyền",
    "các cơ quan có thẩm quyền",
    "tỉnh, thành phố",
    "cấp tỉnh",
)

MAX_NAME = 10  # words a name may grow by after its lexicon words
MAX_PLACE = 6  # capitalised words of a place name
MAX_LIST = 12  # bodies in one list
