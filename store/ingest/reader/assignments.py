"""Who must carry out a request or directive, with whom, and by when, as its text says.

`read_assignment(text, kind, session_date)` reads three things from one request
(kiến nghị) or directive (chỉ đạo):

* the body in charge (cơ quan chủ trì): "giao Sở Tài chính chủ trì", "yêu cầu Công an
  tỉnh …", "(Sở Y tế chủ trì)", "chủ trì: Sở X", or a body that opens a clause and does
  something ("Sở Xây dựng khẩn trương hướng dẫn …");
* the bodies that co-operate (phối hợp): "phối hợp với Sở Nội vụ và UBND xã …",
  "phối hợp: Sở Y, Sở Z", the other bodies named beside the one in charge;
* the deadline: "trước ngày 15/3/2026", "chậm nhất 20/12", "trong tháng 2",
  "trong quý I/2026", "trong năm nay", "6 tháng đầu năm 2026".

Vietnamese official names capitalise only their first word ("Sở Nông nghiệp và Môi
trường"), so where a name ends is found with a lexicon of the standard provincial bodies
(after the 2025 reorganisation, older names too) and rules for where a name stops: at a
verb (chủ trì, phối hợp, hướng dẫn, khẩn trương, sớm, rà soát …), at "và" or a comma
before another body, at punctuation. Names are returned as written (NFC), without a
leading "các".

The owner is None when the text names no specific body: the commune itself ("yêu cầu xã
…", "Đảng ủy, UBND xã cần …"), a bare "tỉnh" / "cấp trên" / "Trung ương", or a group
("các sở, ngành liên quan"). The provincial People's Committee is an owner only when
named ("kiến nghị UBND tỉnh …"); when it is asked to have a body act ("UBND tỉnh chỉ
đạo Sở Xây dựng …") that body is the owner.

A deadline must read as one: a date after trước / chậm nhất / trong / hoàn thành … or
right before the verb of finishing. References give nothing: "Nghị quyết số 35 ngày
15/3/2025", "từ ngày 1/7/2025", "giai đoạn 2021-2025", "đến năm 2030", "Sáng 25/11", a
day that does not exist, a date before the session. "Trước Tết" has no fixed solar date,
so none is guessed. Durations ("trong 30 ngày") are not read either: they count from a
day the text does not give.

Pure Python; linear in the length of the text (every look-ahead is bounded); never raises.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Generic, NamedTuple, TypeVar

from haicap.store.domain.text import clean
from haicap.store.ingest.reader.letters import UPPER

__all__ = ["Assignment", "read_assignment"]

V = TypeVar("V")


@dataclass(frozen=True)
class Assignment:
    """Who must carry out a request or directive, with whom, and by when, as the text says."""

    owner: str | None
    """The body in charge (cơ quan chủ trì), as written, e.g. "Sở Tài chính"; None when the
    text names no specific body (for a directive: the commune itself)."""
    co_agencies: tuple[str, ...]
    """Bodies that co-operate (phối hợp), as written, in the order of the text."""
    deadline: dt.date | None
    deadline_text: str | None
    """The words the deadline was read from, e.g. "trước ngày 15/3/2026"; None with no deadline."""


NOTHING = Assignment(owner=None, co_agencies=(), deadline=None, deadline_text=None)

# --------------------------------------------------------------------------- words

_TOKEN = re.compile(r"\w+|[^\w\s]")
_CAPITAL = re.compile(rf"[{UPPER}]")

# Old-style tone placement at the end of a word ("hoà", "uỷ") is the same word as the new
# style ("hòa", "ủy"); keys use the new style so one lexicon entry matches both.
_OLD_TONES = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_OLD_TONE_END = re.compile(r"(?<!q)(" + "|".join(_OLD_TONES) + r")$")
_KEYS: dict[str, str] = {}


def _key(word: str) -> str:
    """The comparison form of one word: lower case, new-style tones, diacritics kept."""
    key = _KEYS.get(word)
    if key is None:
        low = word.lower()
        key = _OLD_TONE_END.sub(lambda m: _OLD_TONES[m.group(1)], low)
        if len(_KEYS) < 50_000:
            _KEYS[word] = key
    return key


def _word_set(text: str) -> frozenset[str]:
    """The keys of the space-separated words of `text`."""
    return frozenset(_key(w) for w in text.split())


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(_key(t) for t in _TOKEN.findall(text))


class _Tokens:
    """The words and punctuation of a text, with their keys and places."""

    def __init__(self, text: str) -> None:
        self.text = text
        matches = list(_TOKEN.finditer(text))
        self.words = [m.group(0) for m in matches]
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]
        self.keys = [_key(w) for w in self.words]
        self.n = len(self.words)

    def key(self, i: int) -> str:
        return self.keys[i] if 0 <= i < self.n else ""

    def is_capital(self, i: int) -> bool:
        return 0 <= i < self.n and bool(_CAPITAL.match(self.words[i]))

    def is_word(self, i: int) -> bool:
        return 0 <= i < self.n and (self.words[i][0].isalnum() or self.words[i][0] == "_")

    def joined(self, i: int, j: int) -> bool:
        """Whether tokens i and j (= i + 1) touch, with no space between."""
        return 0 <= i < j < self.n and self.ends[i] == self.starts[j]

    def span(self, i: int, j: int) -> str:
        """The text of tokens i .. j-1 as written."""
        return self.text[self.starts[i] : self.ends[j - 1]] if i < j else ""

    def match(self, i: int, phrases: _Phrases) -> int:
        """The length of the longest of `phrases` that starts at token i, or 0."""
        if not 0 <= i < self.n or self.keys[i] not in phrases.firsts:
            return 0
        for size in range(min(phrases.longest, self.n - i), 0, -1):
            if tuple(self.keys[i : i + size]) in phrases.items:
                return size
        return 0

    def ends_with(self, end: int, phrases: _Phrases) -> int:
        """The length of the longest of `phrases` that ends right before token `end`, or 0."""
        for size in range(min(phrases.longest, end), 0, -1):
            if tuple(self.keys[end - size : end]) in phrases.items:
                return size
        return 0


class _Phrases:
    """A set of phrases (tuples of keys), with their first words and longest length."""

    def __init__(self, texts: list[str]) -> None:
        self.items = frozenset(_phrase(t) for t in texts)
        self.firsts = frozenset(p[0] for p in self.items)
        self.longest = max(len(p) for p in self.items)

    def __contains__(self, phrase: object) -> bool:
        return phrase in self.items


def _phrases(*texts: str) -> _Phrases:
    return _Phrases(list(texts))


def _bar_phrases(text: str) -> _Phrases:
    """Phrases separated by "|"."""
    return _Phrases(text.split("|"))


class _Trie(Generic[V]):
    """Phrases of keys with a value each; finds the longest one at a place."""

    def __init__(self) -> None:
        self.phrases: dict[tuple[str, ...], V] = {}
        self.prefixes: set[tuple[str, ...]] = set()
        self.depth = 0

    def add(self, text: str, value: V) -> None:
        words = _phrase(text)
        self.phrases[words] = value
        self.prefixes.update(words[:size] for size in range(1, len(words) + 1))
        self.depth = max(self.depth, len(words))

    def longest(self, tokens: _Tokens, i: int) -> tuple[int, V] | None:
        """(end, value) of the longest phrase at token i, or None."""
        best: tuple[int, V] | None = None
        k = i
        while k < tokens.n and k - i < self.depth:
            prefix = tuple(tokens.keys[i : k + 1])
            if prefix not in self.prefixes:
                break
            k += 1
            if prefix in self.phrases:
                best = (k, self.phrases[prefix])
        return best


# --------------------------------------------------------------------------- lexicon

AGENCY, COMMITTEE, COMMUNE, GROUP, BARE = "agency", "committee", "commune", "group", "bare"
"""Levels of what a list names: a provincial (or central) body; a People's Committee, council
or Party committee above the commune; the commune and its own bodies; a group ("các sở,
ngành liên quan"); a bare word for the level above ("tỉnh", "cấp trên")."""

# How a name may go on after its lexicon words.
CLOSED, OPEN_CAPITAL, OPEN = "closed", "open-capital", "open"
# What may follow: nothing, a place if any, a place that must be there, a place or a
# Party / People's body ("Ban Tổ chức Tỉnh ủy", "Văn phòng UBND tỉnh").
NO_PLACE, PLACE, MUST_PLACE, PARTY, MUST_PARTY = "none", "place", "must", "party", "must-party"


class _Head(NamedTuple):
    level: str
    grow: str
    place: str
    short: str | None = None  # "so" / "bo": followed by a department's short name


_HEADS: _Trie[_Head] = _Trie()


def _heads(names: str, level: str, grow: str, place: str, short: str | None = None) -> None:
    for name in names.split("|"):
        _HEADS.add(name, _Head(level, grow, place, short))


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
_SHORT: dict[str, _Trie[str]] = {"so": _Trie(), "bo": _Trie()}
for _name in _DEPARTMENTS.split("|"):
    _SHORT["so"].add(_name, _name)
    _SHORT["bo"].add(_name, _name)
for _name in ("Công an", "Quốc phòng", "Ngoại giao"):
    _SHORT["bo"].add(_name, _name)

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
_STOP_WORDS = _word_set(
    "và với cùng để nhằm trong trên tại theo về cho của các những mọi từng là thì đã đang sẽ được bị "
    "cần phải sớm có không chưa khi nếu vì do như gồm này đó trước sau từ đến tới hết ngày tháng năm "
    "quý mà hay hoặc cũng vẫn luôn còn đều ra vào lên lập cấp giao trình làm ngay nhanh gấp cử nắm xem "
    "giúp lo đưa chi thu mua tìm chủ rà khẩn kịp tiếp tích quyết tập"
)
_STOP_PAIRS = _bar_phrases(
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
# What a body that opens a clause must do next to be the doer: "Sở Y tế chủ trì …",
# "Công an tỉnh tăng cường …". Asking verbs (đề nghị, kiến nghị) are not in it: a body
# that asks is the asker.
_DOING_WORDS = _word_set("sớm cần phải sẽ cấp lập giao trình cử khẩn")
_NOT_DOING = _phrases(
    "đề nghị", "kiến nghị", "đề xuất", "yêu cầu", "lãnh đạo", "làm việc", "thống nhất", "trả lời", "giải đáp", "phấn đấu", "đề ra"
)
_DOING_PAIRS = _Phrases([" ".join(p) for p in _STOP_PAIRS.items - _NOT_DOING.items])

# Verbs that hand a task to the bodies named next (the asked or the told).
_ASKING = _phrases(
    "giao",
    "giao cho",
    "giao nhiệm vụ cho",
    "yêu cầu",
    "đề nghị",
    "đề nghị với",
    "kiến nghị",
    "kiến nghị với",
    "kiến nghị lên",
    "kiến nghị đến",
    "đề xuất",
    "đề xuất với",
    "chỉ đạo",
    "mong",
    "mong muốn",
    "nhờ",
    "phân công",
    "phân công cho",
    "đề nghị cho",
    "trân trọng đề nghị",
)
_TELLING = _phrases("chỉ đạo", "giao", "giao cho", "yêu cầu")
# A person's title before a body ("Chủ tịch UBND tỉnh"): the body names the person's office.
_TITLES = _phrases(
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
# Words that open a clause before its subject: "Đồng thời, Sở Y tế …".
_OPENERS = _phrases(
    "đồng thời",
    "trong đó",
    "theo đó",
    "ngoài ra",
    "bên cạnh đó",
    "riêng",
    "còn",
    "trước mắt",
    "sau đó",
    "tiếp đó",
    "mặt khác",
    "cùng với đó",
    "đặc biệt",
)
_CLAUSE_PUNCT = frozenset('.;:!?()[]-–—•*+"“”,…')
_MEETING = _word_set("buổi hội cuộc phiên kỳ lễ đoàn tọa chương sự")

# Places after a body.
_PROVINCE_WORDS = _phrases("tỉnh", "thành phố", "cấp tỉnh", "Trung ương")
_COMMUNE_WORDS = _phrases(
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
_OLD_DISTRICT_WORDS = _phrases("huyện", "quận", "thị xã", "các huyện")
_PARTY: _Trie[tuple[str, bool]] = _Trie()
for _name in ("Tỉnh ủy", "Thành ủy"):
    _PARTY.add(_name, (COMMITTEE, False))
for _name in ("Đảng ủy", "UBND", "Ủy ban nhân dân", "HĐND", "Hội đồng nhân dân"):
    _PARTY.add(_name, (COMMITTEE, True))
_ROMAN = re.compile(r"^(?:[IVXL]{1,6}|\d{1,3})$")

# Groups that name no one body.
_GROUP_NOUNS = _phrases(
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
_LOCAL_NOUNS = _phrases("địa phương", "chính quyền", "cấp ủy", "xã", "phường", "đặc khu", "thôn", "bản", "khu phố", "tổ dân phố")
_GROUP_TAILS = _phrases(
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
_NAME_WORDS = _phrases(
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
_PLURAL = _word_set("các những mọi hai ba bốn năm sáu bảy tám chín mười")
_BARE = _phrases(
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

_MAX_NAME = 10  # words a name may grow by after its lexicon words
_MAX_PLACE = 6  # capitalised words of a place name
_MAX_LIST = 12  # bodies in one list


class _Item(NamedTuple):
    """Something a list names: one or more bodies (names as written) at one level."""

    start: int
    end: int
    names: tuple[str, ...]
    level: str


# --------------------------------------------------------------------------- reading names


class _Reader:
    """Reads bodies, groups and lists of them from the tokens of one text."""

    def __init__(self, tokens: _Tokens) -> None:
        self.t = tokens
        self._items: dict[int, _Item | None] = {}
        self._ending: dict[int, _Item] | None = None

    # -- places ------------------------------------------------------------------------

    def place_name(self, k: int) -> int:
        """The end of a capitalised place name at k ("Sơn La", "TP.HCM", "Móng Cái 2"), or k."""
        t, end, words = self.t, k, 0
        while end < t.n and words < _MAX_PLACE:
            capital = t.is_capital(end) and t.is_word(end) and _HEADS.longest(t, end) is None
            if capital or (words and t.words[end].isdigit() and len(t.words[end]) <= 3):
                end += 1
                words += 1
            elif words and t.words[end] in "-–" and t.is_capital(end + 1):
                end += 1
            elif words and t.words[end] == "." and t.joined(end - 1, end) and t.joined(end, end + 1):
                end += 1  # "TP.HCM"
            else:
                break
        while end > k and not t.is_word(end - 1):
            end -= 1
        return end

    def place(self, k: int, mode: str) -> tuple[int, str | None]:
        """Read the place after a body: (end, the level it gives) or (k, None) when there is none."""
        t = self.t
        if mode == NO_PLACE or k >= t.n:
            return k, None
        if mode in (PARTY, MUST_PARTY):
            found = _PARTY.longest(t, k)
            if found is not None and t.is_capital(k):
                end, (level, needs_place) = found
                if not needs_place:
                    return end, level
                after, place_level = self.place(end, MUST_PLACE)
                if after > end:
                    return after, place_level
            if mode == MUST_PARTY:
                return k, None
        if t.key(k) == "trung" and t.key(k + 1) == "ương":
            return k + 2, AGENCY
        size = t.match(k, _PROVINCE_WORDS)
        if size:
            return self.place_name(k + size), AGENCY
        if t.key(k) == "tp" and t.is_capital(k):
            end = k + 1
            if t.key(end) == "." and t.joined(k, end):
                end += 1
            return self.place_name(end), AGENCY
        if t.key(k) == "khu" and t.key(k + 1) == "vực":
            end = k + 2
            if end < t.n and _ROMAN.match(t.words[end]):
                return end + 1, AGENCY
            return self.place_name(end), AGENCY
        size = t.match(k, _COMMUNE_WORDS)
        if size:
            return self.place_name(k + size), COMMUNE
        size = t.match(k, _OLD_DISTRICT_WORDS)
        if size:
            return self.place_name(k + size), AGENCY
        return k, None

    # -- one body ----------------------------------------------------------------------

    def grow(self, k: int, mode: str) -> int:
        """Let a name go on after its lexicon words, up to a word that follows bodies."""
        t, start = self.t, k
        if mode == CLOSED:
            return k
        if mode == OPEN_CAPITAL:
            if not (t.is_capital(k) and t.is_word(k)) or _HEADS.longest(t, k) is not None:
                return k
            k += 1
        while k < t.n and k - start < _MAX_NAME:
            if t.words[k] in "-–" and k > start and t.is_capital(k + 1):
                k += 1  # "Quy hoạch - Kiến trúc"
                continue
            size = t.match(k, _NAME_WORDS) if mode == OPEN else 0
            if size:
                k += size
                continue
            if not t.is_word(k) or t.match(k, _STOP_PAIRS) or t.key(k) in _STOP_WORDS:
                break
            if t.match(k, _PROVINCE_WORDS) or t.match(k, _COMMUNE_WORDS) or t.key(k) in ("tp", "khu"):
                break
            if t.is_capital(k) and (_HEADS.longest(t, k) is not None or _PARTY.longest(t, k) is not None):
                break
            k += 1
        return k

    def named(self, i: int) -> _Item | None:
        """A named body, or departments under one "Sở"/"Bộ", starting at token i."""
        t, start = self.t, i
        plural = t.key(i) in ("các", "những")
        if plural:
            i += 1
        found = _HEADS.longest(t, i)
        if found is None:
            return None
        head_end, head = found
        if not t.is_capital(i) and not (plural and head.short):
            return None
        if head.short:
            listed = self.departments(i, head_end, head.short)
            if listed is not None:
                end, names = listed
                after, level = self.place(end, head.place)
                if after > end:  # the place belongs to the last one: "Sở Y tế tỉnh Sơn La"
                    names = (*names[:-1], names[-1] + t.text[t.ends[end - 1] : t.ends[after - 1]])
                return _Item(start, after, names, COMMUNE if level == COMMUNE else head.level)
        end = self.grow(head_end, head.grow)
        # "Ban", "Trung tâm", "Sở" alone name no body; with a place they do ("Điện lực tỉnh").
        bare_head = end == head_end and head.grow == OPEN_CAPITAL and head.place not in (PARTY, MUST_PARTY)
        if bare_head and (head.short or self.place(end, head.place)[0] == end):
            return None
        after, level = self.place(end, head.place)
        if head.place in (MUST_PLACE, MUST_PARTY) and after == end:
            return None
        return _Item(start, after, (t.span(i, after),), COMMUNE if level == COMMUNE else head.level)

    def departments(self, i: int, head_end: int, which: str) -> tuple[int, tuple[str, ...]] | None:
        """Read "Sở Tài chính", "các Sở: Tài chính, Xây dựng và Nội vụ" from the head at i."""
        t, trie = self.t, _SHORT[which]
        k = head_end
        colon = t.key(k) == ":"
        if colon:
            k += 1
        first = trie.longest(t, k)
        if first is None or not t.is_capital(k):
            return None
        parts = [(k, first[0])]
        while len(parts) < _MAX_LIST:
            end = parts[-1][1]
            k = end
            if t.key(k) == ",":
                k += 1
            if t.key(k) == "và":
                k += 1
            more = trie.longest(t, k) if k > end and t.is_capital(k) else None
            if more is None:
                break
            parts.append((k, more[0]))  # "Sở Tài chính, Xây dựng": another department
        if len(parts) == 1 and not colon:
            return parts[0][1], (t.span(i, parts[0][1]),)
        head = t.words[i][:1].upper() + t.words[i][1:]
        return parts[-1][1], tuple(f"{head} {t.span(a, b)}" for a, b in parts)

    def group(self, i: int) -> _Item | None:
        """A group ("các sở, ngành liên quan"), the commune ("xã", "cấp ủy, chính quyền xã")
        or a bare word for the level above ("tỉnh", "cấp trên")."""
        t, start = self.t, i
        size = t.match(i, _BARE)
        if size:
            return _Item(i, i + size, (), BARE)
        plural = t.key(i) in _PLURAL or t.words[i].isdigit()
        k = i + 1 if plural else i
        nouns: list[tuple[str, ...]] = []
        while len(nouns) < _MAX_LIST:
            size = t.match(k, _GROUP_NOUNS)
            if not size or (k != start and t.is_capital(k)):
                break
            nouns.append(tuple(t.keys[k : k + size]))
            k += size
            if t.key(k) in (",", "và") and not t.is_capital(k + 1) and t.match(k + 1, _GROUP_NOUNS):
                k += 1
                continue
            break
        if not nouns or (nouns[-1] == ("sở",) and t.is_capital(k)):
            return None  # "sở Tài chính" is a department, read as a name
        tails = 0
        while tails < 4:
            size = t.match(k, _GROUP_TAILS)
            if not size:
                break
            k += size
            tails += 1
        local = all(noun in _LOCAL_NOUNS for noun in nouns)
        if local:
            k = self.place_name(k)  # "xã Tân Lập"
        elif not plural and not tails:
            return None  # "đơn vị" alone names no one
        text_start = start + 1 if t.key(start) in ("các", "những", "mọi") else start
        return _Item(start, k, (t.span(text_start, k),), COMMUNE if local else GROUP)

    def item(self, i: int) -> _Item | None:
        """Whatever a list may name at token i, or None."""
        if i in self._items:
            return self._items[i]
        found = None
        if 0 <= i < self.t.n and self.t.is_word(i):
            found = self.named(i) or self.group(i)
        self._items[i] = found
        return found

    def item_ending(self, end: int) -> _Item | None:
        """The item a left-to-right reading of the text ends at token `end`, if any."""
        if self._ending is None:
            self._ending, i = {}, 0
            while i < self.t.n:
                item = self.item(i)
                if item is not None and item.end > i:
                    self._ending[item.end] = item
                    i = item.end
                else:
                    i += 1
        return self._ending.get(end)

    def skip_title(self, i: int) -> int:
        """Past a person's title at i ("Giám đốc Sở …" → "Sở …"), when a body follows it."""
        size = self.t.match(i, _TITLES)
        if size and self.item(i + size) is not None:
            return i + size
        return i

    def items(self, i: int, titles: bool = False) -> list[_Item]:
        """The list of bodies that starts at token i: "Sở A, Sở B và UBND xã C"."""
        t, found = self.t, list[_Item]()
        k = self.skip_title(i) if titles else i
        while len(found) < _MAX_LIST:
            item = self.item(k)
            if item is None:
                break
            found.append(item)
            nxt = item.end
            if t.key(nxt) == ",":
                nxt += 1
            if t.key(nxt) in ("và", "cùng"):
                nxt += 1
            if nxt == item.end:
                break
            if titles:
                nxt = self.skip_title(nxt)
            if self.item(nxt) is None:
                break
            k = nxt
        return found


# --------------------------------------------------------------------------- owner, co-agencies


class _Pick(NamedTuple):
    owner: str
    others: tuple[str, ...]


def _after_title(r: _Reader, start: int) -> bool:
    """Whether a person's title ends right before token `start` ("Chủ tịch UBND tỉnh …"),
    unless an asking verb put it there ("giao Giám đốc Sở Tài chính …")."""
    size = r.t.ends_with(start, _TITLES)
    return bool(size) and not r.t.ends_with(start - size, _ASKING)


def _clause_start(r: _Reader, i: int) -> bool:
    """Whether token i opens a clause: after punctuation or an opener ("Đồng thời Sở …")."""
    t = r.t
    if i == 0 or t.words[i - 1] in _CLAUSE_PUNCT:
        return True
    size = t.ends_with(i, _OPENERS)
    return bool(size) and (i - size == 0 or t.words[i - size - 1] in _CLAUSE_PUNCT)


def _doing(r: _Reader, k: int) -> bool:
    t = r.t
    return t.key(k) in _DOING_WORDS or bool(t.match(k, _DOING_PAIRS))


_FILLERS = _word_set(", sớm sẽ đã xem xét quan tâm có ý kiến để cần")


def _pick(r: _Reader, items: list[_Item], depth: int = 0) -> _Pick | None:
    """The owner of a list (its first specific body) and the others it names; when a People's
    Committee is asked to have a body act ("UBND tỉnh chỉ đạo Sở X …"), that body's list."""
    specific = [(name, item) for item in items if item.level in (AGENCY, COMMITTEE) for name in item.names]
    if not specific:
        return None
    name, item = specific[0]
    if item.level == COMMITTEE and depth < 2:
        t, k = r.t, items[-1].end
        for _ in range(4):  # "UBND tỉnh sớm quan tâm chỉ đạo …"
            if t.key(k) in _FILLERS:
                k += 1
        size = t.match(k, _TELLING)
        if size:
            inner = _pick(r, r.items(k + size, titles=True), depth + 1)
            if inner is not None:
                return inner
    others = tuple(n for it in items if it.level != BARE for n in it.names if n != name)
    return _Pick(name, others)


def _owner(r: _Reader) -> _Pick | None:
    t = r.t

    def chain(end: int) -> list[_Item]:
        """The list that ends at token `end`: walk back over "," and "và"."""
        found: list[_Item] = []
        item = r.item_ending(end)
        while item is not None and len(found) < _MAX_LIST:
            found.insert(0, item)
            k = item.start
            if t.key(k - 1) in ("và", "cùng"):
                k -= 1
            if t.key(k - 1) == ",":
                k -= 1
            item = r.item_ending(k) if k < found[0].start else None
        return found

    # 1. "chủ trì" names the owner outright: "Sở X chủ trì", "(Sở X chủ trì)", "chủ trì: Sở X".
    for k in range(t.n - 1):
        if t.keys[k] != "chủ" or t.keys[k + 1] != "trì" or t.key(k + 2) in _MEETING:
            continue  # "chủ trì buổi làm việc" names the chair of the meeting
        before = k - 1 if t.key(k - 1) == "(" else k
        if t.key(before - 1) in ("quan", "vị") and t.key(before - 3) in ("là", "làm"):
            before -= 3  # "Sở X là cơ quan chủ trì"
        listed = chain(before)
        if listed and not _after_title(r, listed[0].start):
            found = _pick(r, listed)
            if found is not None:
                return found
        after = k + 2
        if t.key(after) in (":", "là"):
            after += 1
        elif t.key(k - 1) not in ("quan", "vị"):  # "cơ quan chủ trì Sở X"
            continue
        found = _pick(r, r.items(after, titles=True))
        if found is not None:
            return found
    # 2. The first body handed the task ("giao/yêu cầu/đề nghị X …"), or opening a clause and acting.
    for k in range(t.n):
        size = t.match(k, _ASKING)
        if size and t.key(k - 1) != "bàn":
            found = _pick(r, r.items(k + size, titles=True))
            if found is not None:
                return found
            continue
        if t.is_word(k) and _clause_start(r, k) and not _after_title(r, k):
            listed = r.items(k)
            if listed and _doing(r, listed[-1].end):
                found = _pick(r, listed)
                if found is not None:
                    return found
    return None


_WITH = _word_set("chặt chẽ tốt cùng với : đồng bộ thường xuyên nhịp nhàng")


def _co_agencies(r: _Reader) -> list[str]:
    """Bodies after "phối hợp (với)", "cùng (với)", and before "(phối hợp)"."""
    t, names = r.t, list[str]()
    for k in range(t.n - 1):
        if t.keys[k] == "phối" and t.keys[k + 1] == "hợp":
            j = k + 2
            for _ in range(4):
                if t.key(j) in _WITH:
                    j += 1
            for item in r.items(j, titles=True):
                names.extend(item.names)
            if t.key(k - 1) == "(":  # "Sở Y tế (phối hợp)"
                before = r.item_ending(k - 1)
                if before is not None:
                    names.extend(before.names)
        elif t.keys[k] == "cùng":
            j = k + 2 if t.key(k + 1) == "với" else k + 1
            for item in r.items(j):
                names.extend(item.names)
    return names


def _read_bodies(text: str) -> tuple[str | None, tuple[str, ...]]:
    r = _Reader(_Tokens(text))
    found = _owner(r)
    owner = found.owner if found else None
    co: list[str] = []
    seen = {owner.casefold()} if owner else set()
    for name in [*(found.others if found else ()), *_co_agencies(r)]:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            co.append(name)
    return owner, tuple(co)


# --------------------------------------------------------------------------- deadline

_ROMAN_QUARTER = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_B = r"(?<!\w)"
_WHEN = re.compile(
    rf"(?i){_B}(?:"
    rf"(?P<half>6|sáu)\s+tháng\s+(?P<halfside>đầu|cuối)\s+năm(?:\s+(?P<halfyear>\d{{4}})(?!\d)|\s+(?P<halfnow>nay))?"
    rf"|(?P<d1>\d{{1,2}})(?P<sep>[/\-])(?P<m1>\d{{1,2}})(?:(?P=sep)(?P<y1>\d{{4}}))?(?![\w/\-])"
    rf"|(?P<d2>\d{{1,2}})\.(?P<m2>\d{{1,2}})\.(?P<y2>\d{{4}})(?![\w.])"
    rf"|(?P<d3>\d{{1,2}})\s+tháng\s+(?P<m3>\d{{1,2}})(?:\s+năm\s+(?P<y3>\d{{4}}))?(?![\d/])"
    rf"|(?P<monthend>cuối\s+)?tháng\s+(?:(?P<m4>\d{{1,2}})(?:\s*(?:/|-|năm\s+)\s*(?P<y4>\d{{4}}))?(?![\d/])"
    rf"(?:\s+(?P<m4now>này|năm\s+nay))?|(?P<m4this>này))"
    rf"|quý\s+(?:(?P<q>iv|iii|ii|i|[1-4])(?!\w)(?:\s*(?:/|-|năm\s+)\s*(?P<qy>\d{{4}}))?(?:\s+(?P<qnow>năm\s+nay))?"
    rf"|(?P<qthis>này))"
    rf"|(?P<yearend>cuối\s+)?năm\s+(?:(?P<y5>\d{{4}})(?!\s*[-–]\s*\d)(?!\d)|(?P<y5now>nay))"
    rf"|(?P<lateyear>cuối\s+năm)(?!\s*(?:học|tài|\d))"
    rf")"
)
# Words right before a date that make it a deadline, nearest first: "trước ngày", "chậm nhất",
# "trong", "hoàn thành vào", "hoàn thành" (the verb alone when no other word is there).
_CONNECTOR = re.compile(
    r"(?i)(?<!\w)(?P<lead>(?:ngay\s+)?trong|trước|(?:chậm|muộn)\s+nhất(?:\s+là)?(?:\s+(?:vào|trong))?"
    r"|(?:đến|tới)\s+hết|hạn\s+chót(?:\s+là)?|thời\s+hạn(?:\s+hoàn\s+thành)?(?:\s+là)?\s*:?|hạn\s*:"
    r"|(?:hoàn\s+thành|xong|hoàn\s+tất|bàn\s+giao|dứt\s+điểm)(?:\s+vào)?|kịp)\s*(?:ngày\s+)?$"
)
# A date at a clause start (or after "phấn đấu", "đến") that the verb of finishing follows.
_FINISH_LEAD = re.compile(r"(?i)(?:^|[.;:,(\-–•]\s*|(?<!\w)(?:phấn\s+đấu|đến|tới|để|bảo\s+đảm|đảm\s+bảo)\s+)(?:ngày\s+)?$")
_FINISH_AFTER = re.compile(r"(?i)^\s*,?\s*(?:\w+\s+){0,2}?(?:phải\s+|cần\s+|sẽ\s+)?(?:hoàn\s+thành|xong|hoàn\s+tất)(?!\w)")
_UNTIL = re.compile(r"(?i)(?<!\w)(?:đến|tới)\s+(?:ngày\s+)?$")
_PAST_AFTER = re.compile(r"(?i)^\s*(?:vừa\s+qua|vừa\s+rồi|qua(?!\w)|trước\s+(?:đó|đây)|đã(?!\w))")
_WINDOW = 48


def _last_day(year: int, month: int) -> dt.date:
    return (dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)) - dt.timedelta(days=1)


def _period(match: re.Match[str], year: int) -> tuple[dt.date, dt.date] | None:
    """The first and last day a date expression covers in `year` (its own year when written)."""
    g = match.groupdict()

    def months(first: int, last: int, y: int) -> tuple[dt.date, dt.date] | None:
        if not (1 <= first <= last <= 12 and 1 <= y <= 9998):
            return None
        return dt.date(y, first, 1), _last_day(y, last)

    if g["half"]:
        first = 1 if g["halfside"].lower() == "đầu" else 7
        return months(first, first + 5, int(g["halfyear"] or year))
    for d, m, y in (("d1", "m1", "y1"), ("d2", "m2", "y2"), ("d3", "m3", "y3")):
        if g[d]:
            try:
                day = dt.date(int(g[y] or year), int(g[m]), int(g[d]))
            except ValueError:
                return None  # "31/2": no such day
            return day, day
    if g["m4"]:
        month = int(g["m4"])
        return months(month, month, int(g["y4"] or year))
    if g["q"]:
        quarter = _ROMAN_QUARTER[g["q"].lower()]
        return months(3 * quarter - 2, 3 * quarter, int(g["qy"] or year))
    if g["y5"] or g["y5now"]:
        return months(1, 12, int(g["y5"] or year))
    if g["lateyear"]:
        return months(12, 12, year)
    return None


def _written_year(match: re.Match[str]) -> bool:
    g = match.groupdict()
    return any(g[name] for name in ("halfyear", "y1", "y2", "y3", "y4", "qy", "y5"))


def _this(match: re.Match[str]) -> bool:
    """Whether the expression says "this" month / quarter / year ("năm nay", "tháng này")."""
    g = match.groupdict()
    return any(g[name] for name in ("halfnow", "m4now", "qnow", "y5now", "lateyear", "m4this", "qthis"))


def _deadline_of(match: re.Match[str], lead: str, session: dt.date | None) -> dt.date | None:
    """The deadline a date expression gives after `lead`, or None when it cannot be read."""
    g = match.groupdict()
    if g["m4this"] or g["qthis"]:
        if session is None:
            return None
        last = session.month if g["m4this"] else 3 * ((session.month - 1) // 3) + 3
        return _last_day(session.year, last)
    written = _written_year(match)
    if not written and session is None:
        return None
    year = session.year if session is not None else 1
    # "trước tháng 6" is before June begins; "trước 30/6", "trước cuối năm" is by that day.
    before_start = re.match(r"(?i)trước$", lead.strip()) is not None and not (
        g["d1"] or g["d2"] or g["d3"] or g["monthend"] or g["yearend"] or g["lateyear"]
    )

    def pick(y: int) -> dt.date | None:
        period = _period(match, y)
        if period is None:
            return None
        return period[0] - dt.timedelta(days=1) if before_start else period[1]

    if session is not None and not written and not _this(match):
        for d, m in (("d1", "m1"), ("d2", "m2"), ("d3", "m3")):
            if g[d]:
                # The next such day on the calendar; then it must exist ("29/2").
                ahead = (int(g[m]), int(g[d])) >= (session.month, session.day)
                return pick(year if ahead else year + 1)
        day = pick(year)
        if day is not None and day < session:
            day = pick(year + 1)  # "trong tháng 2" said in November: next February
        return day
    return pick(year)


def _read_deadline(text: str, session: dt.date | None) -> tuple[dt.date | None, str | None]:
    for match in _WHEN.finditer(text):
        start, end = match.start(), match.end()
        window = text[max(0, start - _WINDOW) : start]
        offset = start - len(window)
        year_only = bool(match.group("y5") or match.group("y5now")) and not match.group("yearend")
        lead = _CONNECTOR.search(window)
        if lead is not None:
            words_from = offset + lead.start("lead")
            lead_text = lead.group("lead")
        elif _FINISH_LEAD.search(window) and _FINISH_AFTER.match(text[end : end + _WINDOW]):
            # "Phấn đấu quý II/2026 hoàn thành …", "đến ngày 30/6 phải hoàn thành …"
            until = _UNTIL.search(window)
            if until is not None and year_only:
                continue  # "đến năm 2030 hoàn thành …": a long-term target
            words_from = offset + until.start() if until is not None else start
            lead_text = ""
        else:
            continue
        if _PAST_AFTER.match(text[end : end + 16]):
            continue  # "trong tháng 10 vừa qua"
        day = _deadline_of(match, lead_text, session)
        if day is None:
            continue
        if session is not None and day < session:
            continue  # already past at the session: a reference, not a deadline
        return day, text[words_from:end].strip()
    return None, None


# --------------------------------------------------------------------------- entry point


def read_assignment(text: str, kind: str, session_date: dt.date | None) -> Assignment:
    """Read the owner, co-operating bodies and deadline of one request or directive.

    `kind` is "request" or "directive"; both are read by the same rules (a request's
    addressee and a directive's doer are both the body the task is handed to).
    `session_date` gives the year to dates written without one and decides "this year";
    without it such dates are not read. Never raises.
    """
    try:
        if not isinstance(text, str) or not text.strip():
            return NOTHING
        if session_date is not None and not isinstance(session_date, dt.date):
            session_date = None
        body = clean(text)
        owner, co = _read_bodies(body)
        deadline, deadline_text = _read_deadline(body, session_date)
        return Assignment(owner=owner, co_agencies=co, deadline=deadline, deadline_text=deadline_text)
    except (ValueError, OverflowError, IndexError, KeyError, TypeError, RecursionError):
        return NOTHING
