"""What a news page adds around an article, removed before the article is read.

Officers paste articles from web pages, and the paste brings the page along: a
breadcrumb ("Trang chủ > Thời sự > Chính trị"), buttons ("Chia sẻ", "In bài"), tags, a
comment counter, and blocks of related headlines ("Tin liên quan:", "Xem thêm") that name
other communes and other problems. None of it is the session, and related headlines
would add communes the session never had. The rules here are about the shape of page
furniture on Vietnamese news sites, not about any article.
"""

from __future__ import annotations

import re

from haicap.store.domain.text import fold
from haicap.store.ingest.reader.letters import CAPITALISED_WORD

__all__ = ["drop_page_noise", "split_page_noise"]

# A line that opens a block of links to other articles (folded, optional colon).
_RELATED = re.compile(
    # A video page lists its siblings the same way: "Video khác:", "Clip liên quan" (not "Ảnh
    # khác": "Ảnh khác biệt …" opens a sentence).
    # "Tin, ảnh liên quan:", "Tin/Video liên quan": the kinds of page the links lead to, joined.
    r"^(?:tin|bai|bai viet|tin bai|video|clip|phong su)(?:\s*[,/&-]\s*(?:anh|video|clip|bai))?"
    r"\s+(?:lien quan|cung chuyen muc|khac|moi|moi nhat|noi bat|xem nhieu)\b"
    r"|^(?:xem them|doc them|co the ban quan tam|ban co the quan tam)\b"
    # "ĐỌC NHIỀU", "Xem nhiều nhất": a list of the site's most-read headlines, as a line of its own.
    r"|^(?:tin\s+|bai\s+)?(?:doc nhieu|xem nhieu|duoc quan tam)(?:\s+nhat)?\s*:?\s*$"
    # "Đáng chú ý" heads a block of links only as a line of its own; "Đáng chú ý, ..." opens a sentence.
    r"|^dang chu y\s*:?\s*$"
)
# Buttons and widgets that come through as a line of their own.
_WIDGET = re.compile(
    r"^(?:chia se|in bai|luu|luu bai|theo doi|binh luan|gui binh luan|facebook|zalo|twitter|"
    r"copy link|sao chep lien ket|nghe doc bai|phong chu|ban in|\(?\d+\)?\s*binh luan|"
    # The voice picker of a read-aloud player.
    r"giong nam|giong nu|giong doc|nghe bai viet|nghe bai|doc bai|tam dung|phat)\b[\s:]*$"
    # A portal's post details: "Ngày đăng: 25/09/2025 | Lượt xem: 86", "Văn bản đính kèm: x.pdf".
    r"|^(?:ngay dang|ngay cap nhat|cap nhat luc|luot xem|van ban dinh kem|tep dinh kem|file dinh kem)\s*:"
    # The signature of an official document: "(Đã ký)", "TM. UBND XÃ", "KT. CHỦ TỊCH".
    r"|^\(?(?:da ky|ky ten|ky, ghi ro ho ten|ky va ghi ro ho ten)\)?$|^(?:tm|kt|tl|tuq)\.\s"
)
# "Từ khóa: nông thôn mới, Thanh Hóa", "Tags: ..." — a tag list, always with its colon.
_TAGS = re.compile(r"^(?:tu khoa|tag|tags|chu de|the)\s*:")  # "Thẻ: #Cái Nhum #sạt lở" folds to "the:"
# "Trang chủ > Thời sự > Chính trị", "Trang chủ / Thời sự": short parts between arrows.
_CRUMB_SEPARATOR = re.compile(r"\s+(?:>|»|›|/|\|)\s+")
_HEAD = 100
"""Characters of a line the patterns look at: they all match at its start (folding whole
paragraphs of every imported article cost a tenth of the import)."""
_RECIPIENTS = re.compile(r"^noi nhan\s*:")
# A social post's counters and a comment's footer, folded, made of these words and figures only:
# "👍❤️😮 1,2K · 214 bình luận · 58 lượt chia sẻ", "Thích · Phản hồi · 3 giờ".
_COUNTER_WORDS = frozenset(
    [
        "binh",
        "luan",
        "luot",
        "chia",
        "se",
        "thich",
        "yeu",
        "phan",
        "hoi",
        "tra",
        "loi",
        "gio",
        "phut",
        "ngay",
        "tuan",
        "thang",
        "truoc",
        "xem",
        "them",
        "cam",
        "xuc",
    ]
)
_COUNTER_NUMBER = re.compile(r"^\d+[km]?$")
_REACTION = re.compile(r"\b(?:binh luan|chia se|thich|phan hoi|tra loi|luot)\b")
_COMMENT_FOOTER = re.compile(
    r"\b(?:phan hoi|tra loi)\b(?=.*\b(?:thich|\d+ (?:gio|phut|ngay|tuan|thang))\b)|\bthich\b.*\b(?:phan hoi|tra loi)\b"
)
"""A comment's footer: the reply button with a like button or the comment's age."""
_POSTED_AT = re.compile(r"^\d{1,2} thang \d{1,2}(?: nam \d{4})?(?:,)? luc \d{1,2}:\d{2}\b")
"""A social post's time: "18 tháng 6 lúc 16:47 · 🌏"."""
_COMMENT_LINES = 3
"""At most this many lines before a comment's footer are the comment (the author's name and
what they wrote); more, and only the last two are."""
# A byline with where its author works: "Nông Văn Hải (Trung tâm VH-TT xã Tân Văn)", "Tin, ảnh:
# Thu Trang - Đài Truyền thanh xã". The workplace names a commune that is only the writer's.
_BYLINE = re.compile(
    rf"^\s*(?:(?:[Tt]in|[Bb]ài|[Ảả]nh)(?:\s*(?:,|và)\s*(?:[Tt]in|[Bb]ài|[Ảả]nh))*\s*:\s*)?"
    rf"(?!(?:Xã|Phường|Tỉnh|Thành|UBND|Đảng|Huyện|Sở)\b){CAPITALISED_WORD}(?:\s+{CAPITALISED_WORD}){{1,3}}"
    r"\s*(?:\(|[-–]\s)\s*(?i:trung tâm|đài|báo|phóng viên|ctv|cộng tác viên|văn phòng|bộ phận|ban|ttvh|vh-tt|"
    r"truyền thanh)\b[^()]{0,80}\)?\s*$"
)
_SENTENCE_END = re.compile(r"[.!?…:;]['\"”’)]*$")
_HEADLINE_WORDS = 30


def _is_breadcrumb(line: str) -> bool:
    parts = _CRUMB_SEPARATOR.split(line)
    # "Xã hội › Thời tiết - Thiên tai": the arrows of a menu make two parts enough.
    menu = "›" in line or "»" in line
    return len(parts) >= (2 if menu else 3) and all(0 < len(part.split()) <= (6 if menu else 4) for part in parts)


def _is_table_header(line: str) -> bool:
    """The header row of a table flattened into text: "Xã | Diện tích (ha) | Kênh đã kiên cố (km)"
    (three cells at least, no figure: the rows below hold the content)."""
    cells = [cell.strip() for cell in line.split("|")]
    return len(cells) >= 3 and all(0 < len(cell.split()) <= 10 for cell in cells) and not any(c.isdigit() for c in line)


def _is_widget(folded: str) -> bool:
    """The whole line is a button ("Chia sẻ", "12 bình luận"), a tag list, a post's time or its
    counters (`folded`: the line's first `_HEAD` characters, folded)."""
    return bool(_WIDGET.match(folded) or _TAGS.match(folded) or _POSTED_AT.match(folded) or _is_counters(folded))


def _is_counters(folded: str) -> bool:
    """A line of a social post's counters or a comment's footer: figures and the words of
    reactions only ("1,2K · 214 bình luận · 58 lượt chia sẻ", "Thích · Phản hồi · 3 giờ")."""
    words = re.sub(r"[^\w\s]", " ", folded).split()
    named = [w for w in words if not _COUNTER_NUMBER.match(w)]
    return all(w in _COUNTER_WORDS for w in named) and bool(_REACTION.search(" ".join(named))) and len(words) >= 2


def _is_hashtags(line: str) -> bool:
    """A line of hashtags only: "#NongThonMoi #ChinhQuyen2Cap"."""
    words = line.split()
    return bool(words) and all(w.startswith("#") for w in words)


def _is_headline(line: str) -> bool:
    """A link to another article: short, no sentence punctuation at the end."""
    text = line.lstrip("-–•*+ ").strip()
    return 0 < len(text.split()) <= _HEADLINE_WORDS and not _SENTENCE_END.search(text)


# A headline quoting a speaker: "Bí thư Tỉnh ủy: 'Không để người dân nào thiếu Tết'" (the quote
# with no full stop of its own, as headlines have; a speaker's turn in minutes or an interview
# ends its sentence: "Ông A: “Xã đã làm xong.”").
_QUOTED_HEADLINE = re.compile(r"^[^:\"“”'‘’«».!?]{3,60}:\s*[\"“'‘«][^\"“”«».!?…]{3,120}[\"”'’»]\s*$")


# A verb of saying before the colon makes it the text's own sentence: "Đồng chí nhấn mạnh: «…»".
_SAYS_BEFORE = re.compile(r"\b(?:nói|nhấn mạnh|phát biểu|kết luận|cho biết|khẳng định|chia sẻ|yêu cầu|đề nghị|lưu ý)\b")


def _is_quoted_headline(line: str) -> bool:
    """A headline that quotes a speaker (see `_QUOTED_HEADLINE`): the words come again below."""
    text = line.strip()
    return len(text.split()) <= 25 and bool(_QUOTED_HEADLINE.match(text)) and not _SAYS_BEFORE.search(text.split(":")[0].lower())


def split_page_noise(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Return the paragraphs without breadcrumbs, widgets and related-article blocks, and
    the lines dropped (so an officer can see them).

    A related block is its opening line ("Tin liên quan:", possibly with a first headline
    on the same line) and the headline-like lines that follow it.
    """
    kept: list[str] = []
    dropped: list[str] = []
    in_related = False
    kept_at_furniture = 0
    """How many lines were kept when the last furniture line was dropped."""
    for index, line in enumerate(paragraphs):
        folded = fold(line[:_HEAD])
        if _RECIPIENTS.match(folded):
            # "Nơi nhận:" opens the distribution list and signature of an official notice: its end.
            dropped.extend(paragraphs[index:])
            break
        if _RELATED.match(folded):
            in_related = True
            dropped.append(line)
            continue
        if in_related and _is_headline(line):
            dropped.append(line)
            continue
        in_related = False
        if _is_widget(folded) and _COMMENT_FOOTER.search(folded):
            # "Thích · Phản hồi · 3 giờ" closes a reader's comment: its author and words are the
            # lines since the post's counters or the comment before (a reader's words, not the session).
            since = len(kept) - kept_at_furniture
            comment = kept[-(since if since <= _COMMENT_LINES else 2) :] if since else []
            del kept[len(kept) - len(comment) :]
            dropped.extend([*comment, line])
            kept_at_furniture = len(kept)
            continue
        if (
            _is_breadcrumb(line)
            or _is_widget(folded)
            or _is_table_header(line)
            or _is_hashtags(line)
            or _BYLINE.match(line)
            or _is_quoted_headline(line)
        ):
            dropped.append(line)
            kept_at_furniture = len(kept)
            continue
        kept.append(line)
    return kept, dropped


def drop_page_noise(paragraphs: list[str]) -> list[str]:
    """Return the paragraphs without page furniture (see `split_page_noise`)."""
    return split_page_noise(paragraphs)[0]
