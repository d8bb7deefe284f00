"""Interviews: who answers, and the reporter's questions that give them the floor.

An interview names its interviewee once ("ông A, Chủ tịch UBND xã, đã trao đổi với Báo …",
"Phó chủ tịch UBND tỉnh B đã trả lời phỏng vấn …"), then alternates the reporter's questions
("* Thưa ông, …?", "- Còn khó khăn lớn nhất của xã hiện nay?") with unlabelled answers. The
answers are the interviewee's words: the commune's when a commune chairman answers, the
leader's when the leader does.
"""

from __future__ import annotations

import re

from haicap.store.ingest.reader.letters import BULLET, CAPITALISED_WORD

__all__ = ["INTERVIEW_GIVEN", "REPORTER_LINE", "SPEAKER_LABEL", "asks_interviewee", "reporter_asks"]

INTERVIEW_GIVEN = re.compile(
    r"\b(?:trả lời phỏng vấn|(?:có cuộc\s+)?(?:trao đổi|chia sẻ|trò chuyện)\s+với\s+(?:phóng viên|pv|báo|chúng tôi|"
    r"tuổi trẻ|thanh niên|dân trí|vnexpress|người lao động|tiền phong|nhân dân|vov|vtv|tto))\b"
)
"""The interview given, with its interviewee before it (lower-case text)."""

# (A question inside a quote, "«… thì làm sao đón khách?»", is someone's words, not the reporter's.)
_QUESTION = re.compile(rf"^\s*(?:{BULLET}|\*)?\s*[^\s\"“«][^?\"“”«»]{{2,240}}\?\s*$")
_OPENS_MARKED = re.compile(rf"^\s*(?:{BULLET}|\*)")
_ADDRESSES = re.compile(r"\b(?:thưa|ông|bà(?! con)|đồng chí|anh(?! em)|chị(?! em))\b")


def asks_interviewee(sentence: str) -> bool:
    """Whether `sentence` is a reporter's question: a line that ends in "?" and is marked as a
    turn ("* …?", "- …?") or speaks to the interviewee ("Thưa ông, …?")."""
    if not _QUESTION.match(sentence):
        return False
    return bool(_OPENS_MARKED.match(sentence) or _ADDRESSES.search(sentence.lower()))


REPORTER_LINE = re.compile(rf"^\s*(?:{BULLET}\s*)?(?:pv|phóng viên|hỏi)\s*:")
"""A reporter's line in a transcript: "PV: …", "- Phóng viên: …"."""
_REPORTER_ASKS = re.compile(
    r"\?|\b(?:xin|thưa|cảm ơn|cho biết|thế nào|ra sao|những gì|điều gì|có thể chia sẻ|hãy chia sẻ|vui lòng)\b"
)
SPEAKER_LABEL = re.compile(
    rf"^\s*(?:{BULLET}\s*)?\[?\s*(?:(?:PHỎNG VẤN|Phỏng vấn|phỏng vấn)\s*[-–:]\s*)?(?:[Ôô]ng|[Bb]à|[Đđ]ồng chí|[Aa]nh|[Cc]hị)\s+"
    rf"({CAPITALISED_WORD}(?:\s+{CAPITALISED_WORD}){{1,3}})\s*(?:[,–-]\s*[^:\]\"“]{{3,80}})?\]?\s*:\s+"
)
"""A transcript's label that gives the floor by name: "Ông Triệu Văn Quân: …"."""


def reporter_asks(low: str) -> bool:
    """Whether a reporter's line ("PV: …") asks or thanks, rather than tells what happened."""
    return bool(_REPORTER_ASKS.search(low))
