"""A small Vietnamese sentence splitter for news articles.

Newspapers put captions, sub-headings and paragraphs on their own lines, so lines are
paragraphs first; inside a paragraph a sentence ends at ". ! ? …" followed by a space and
a capital letter, a digit or an opening quote — unless the dot closes an abbreviation
("TP. Huế", "ThS. Lê", "Q. 1") or an initial. Numbers never break ("1.200", "25/11",
"2025-2030") because their dots are not followed by a space.

A "sentence" longer than `MAX_SENTENCE_CHARS` (a text pasted without its full stops) is cut
into pieces at a clause boundary, so that the reader's work per sentence stays bounded and
reading time grows in step with the text. The splitter itself looks only at the few words
before each candidate break, never at the whole paragraph read so far.
"""

from __future__ import annotations

import html
import re

from haicap.store.domain.text import clean
from haicap.store.ingest.reader.letters import UPPER

__all__ = ["ABBREVIATIONS", "MAX_SENTENCE_CHARS", "split_paragraphs", "split_sentences"]

_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")

MAX_SENTENCE_CHARS = 2000
"""A sentence longer than this is cut into pieces before it is read (the longest sentence of
the 145 labelled articles has 765 characters; only a text without its full stops comes near)."""

ABBREVIATIONS = frozenset(
    {
        "tp",
        "q",
        "p",
        "x",
        "h",
        "ths",
        "ts",
        "pgs",
        "gs",
        "bs",
        "ks",
        "ls",
        "ncs",
        "cn",
        "tt",
        "st",
        "mr",
        "mrs",
        "ms",
        "dr",
        "th.s",
        "pgs.ts",
        "gs.ts",
        "v.v",
        "tr",
        "sđd",
        "đ/c",
        "đc",
        "nxb",
        "tx",
        "tt.",
        "ubnd",
        "hđnd",
        "no",
    }
)
"""Words that a dot does not end a sentence after (compared lower-case).

"số" is not one: "chuyển đổi số.", "dân tộc thiểu số." end sentences far more often than
a number is written "số. 5"."""

# A candidate break: sentence punctuation (possibly repeated: "..." or "?!"), optional
# closing quotes/brackets, then whitespace, then something that can start a sentence.
# It starts where a run of punctuation starts: tried inside the run, it would fail the same
# way again, once per dot (a line of 100,000 dots took minutes).
_BREAK = re.compile(r"(?<![.!?…])([.!?…]+)([\"'”’»)\]]*)\s+(?=[\"'“‘«(\[]?[" + UPPER + "0-9])")
# A list label at the start of a paragraph: "1. Rà soát ...", "II. Nhiệm vụ ...", "a. ...".
_LABEL = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ]|[IVX]{1,4})$")
_LABEL_CHARS = 32
"""No text longer than this is a label (the longest, "12.12.12.12", has 11 characters)."""
_DANGLING_OPEN = re.compile(r"(?:\s+[\"“‘«(\[])+$")
"""An opening bracket or quote that ends a paragraph: what it opens is on the next line
(a caption "(Trong ảnh: …)" the page broke off), so it belongs to no sentence of this one."""
_CUT_AT = ("; ", ", ", " ")
_CREDIT_OPENING = re.compile(r"^(?:\(\s*)?(?:Ảnh|ẢNH|ảnh)\s*:\s*")
"""A photo credit that opens a sentence: "Ảnh: Hữu Nghĩa", "(Ảnh: Thanh Tâm)"."""
_INITIALS = re.compile(r"^(?:[A-ZĐ]\.){1,4}[A-ZĐ]?\.?$|^[A-ZĐ]{2,6}$")
"""A credit given in initials or an agency's letters: "G.T.H", "T.L.", "TTXVN", "NV"."""
_OPENS_A_SENTENCE = frozenset(
    [
        "Xã",
        "Phường",
        "Đặc",
        "UBND",
        "HĐND",
        "Đảng",
        "Ban",
        "Chủ",
        "Phó",
        "Bí",
        "Đồng",
        "Ông",
        "Bà",
        "Tỉnh",
        "Thôn",
        "Bản",
        "Ấp",
        "Các",
        "Những",
        "Năm",
        "Ngày",
        "Sáng",
        "Chiều",
        "Theo",
        "Trong",
        "Tại",
        "Sau",
        "Với",
        "Toàn",
        "Hiện",
        "Đến",
        "Qua",
        "Thời",
        "Người",
        "Nhân",
        "Công",
        "Tình",
        "Việc",
        "Tuy",
        "Đây",
        "Đó",
    ]
)
"""Capitalised words that open a sentence after a credit rather than continue a name."""
"""Where an over-long sentence is cut, best first: a clause boundary, else between words."""


def split_paragraphs(body: str) -> list[str]:
    """Return the non-empty lines of `body`, cleaned (NFC, whitespace collapsed), with the
    HTML entities of a text copied from a page's source ("&quot;", "&#8220;") read as the
    characters they stand for."""
    if "&" in body and _ENTITY.search(body):
        body = html.unescape(body)
    return [clean(line) for line in body.splitlines() if line.strip()]


def _word_before(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the last word of `text[start:end]`, or None when there is none.

    Words are separated by single spaces (the text is `clean`); looking back from `end`
    costs the length of the last word, not of everything since `start`.
    """
    while end > start and text[end - 1] == " ":
        end -= 1
    if end <= start:
        return None
    space = text.rfind(" ", start, end)
    return (space + 1 if space >= 0 else start), end


def _is_abbreviation(text: str, start: int, end: int, punct: str) -> bool:
    """Tell whether the single dot at `end` belongs to an abbreviation or initial.

    `text[start:end]` is the sentence so far; only its last two words are looked at.
    """
    if punct != "." or end <= start or text[end - 1] == " ":
        return False
    last = _word_before(text, start, end)
    if last is None:
        return False
    token = text[last[0] : last[1]].lstrip("(\"'“‘«[")
    if token.lower() in ABBREVIATIONS:
        return True
    if not (len(token) == 1 and token.isupper()):
        return False
    # A single capital letter is an initial ("Nguyễn V. A.") or a list label at the start;
    # after a lower-case word it is a numeral that may end the sentence ("trong quý I. Bà ...").
    previous = _word_before(text, start, last[0])
    return previous is None or not text[previous[0] : previous[1]].islower()


def _cut_long(sentence: str, limit: int = MAX_SENTENCE_CHARS) -> list[str]:
    """`sentence` in pieces of at most `limit` characters, cut at a clause boundary when one
    lies in the second half of a piece, else between words, else at the limit."""
    pieces: list[str] = []
    start = 0
    while len(sentence) - start > limit:
        end = start + limit
        for mark in _CUT_AT:
            found = sentence.rfind(mark, start + limit // 2, end)
            if found >= 0:
                end = found + len(mark.rstrip()) if mark.strip() else found
                break
        piece = sentence[start:end].strip()
        if piece:
            pieces.append(piece)
        start = end
    tail = sentence[start:].strip()
    if tail:
        pieces.append(tail)
    return pieces


def _unglue_credit(sentence: str) -> list[str]:
    """A photo credit and the sentence a page glued after it, apart.

    "(Ảnh: Thanh Tâm) Bên cạnh kết quả …" ends the credit at its bracket. Without a bracket,
    "Ảnh: Hữu Nghĩa Bộ máy chính quyền xã vận hành ổn định" has the name in the capitalised
    words after the colon, and the sentence starts on the last of them, the one a
    lower-case word follows (a name has two words at least).
    """
    opening = _CREDIT_OPENING.match(sentence)
    if opening is None:
        return [sentence]
    if opening.group(0).startswith("("):
        close = sentence.find(")", opening.end())
        rest = sentence[close + 1 :].strip() if close > 0 else ""
        if rest and rest[0].isupper() and len(rest.split()) >= 4:
            return [sentence[: close + 1], rest]
        return [sentence]
    words = sentence[opening.end() :].split(" ")
    if (
        len(words) >= 4
        and _INITIALS.match(words[0])
        and words[1][:1].isupper()
        and (words[2][:1].islower() or words[1].strip(",") in _OPENS_A_SENTENCE)
    ):
        # "Ảnh: G.T.H Tại buổi làm việc, …", "Ảnh: TTXVN Xã đã …": initials or an agency's
        # letters are the whole credit; the capitalised word after them opens the sentence.
        return [sentence[: opening.end()] + words[0], " ".join(words[1:])]
    capitals = 0
    while capitals < len(words) and words[capitals][:1].isupper():
        capitals += 1
    if capitals < 3 or capitals > 6 or len(words) - capitals < 3 or not words[capitals][:1].islower():
        return [sentence]
    start = capitals - 1
    if capitals > 3:
        # "Ảnh: Thu Hà Xã Môn Sơn có …": a longer run holds a proper name too; the sentence
        # starts on a word that opens one ("Xã", "UBND", "Theo"), or the credit stays whole.
        start = next((i for i in range(2, capitals) if words[i].strip(",") in _OPENS_A_SENTENCE), 0)
        if not start:
            return [sentence]
    return [sentence[: opening.end()] + " ".join(words[:start]), " ".join(words[start:])]


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences; each keeps its final punctuation.

    >>> split_sentences("Sáng 25/11, TP. Huế đón 1.200 khách. Ảnh: Minh")
    ['Sáng 25/11, TP. Huế đón 1.200 khách.', 'Ảnh: Minh']
    """
    text = clean(paragraph)
    sentences: list[str] = []
    start = 0
    for match in _BREAK.finditer(text):
        if _is_abbreviation(text, start, match.start(), match.group(1)):
            continue
        if match.group(1) == "." and match.start() - start <= _LABEL_CHARS and _LABEL.match(text[start : match.start()]):
            continue
        end = match.end(2)
        piece = text[start:end].strip()
        if piece:
            sentences.append(piece)
        start = match.end()
    tail = _DANGLING_OPEN.sub("", text[start:]).strip()
    if tail:
        sentences.append(tail)
    sentences = [piece for sentence in sentences for piece in _unglue_credit(sentence)]
    if all(len(sentence) <= MAX_SENTENCE_CHARS for sentence in sentences):
        return sentences
    return [piece for sentence in sentences for piece in _cut_long(sentence)]
