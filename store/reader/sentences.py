"""A small Vietnamese sentence splitter for news articles.

Newspapers put captions, sub-headings and paragraphs on their own lines, so lines are
paragraphs first; inside a paragraph a sentence ends at ". ! ? …" followed by a space and
a capital letter, a digit or an opening quote — unless the dot closes an abbreviation
("TP. Huế", "ThS. Lê", "Q. 1") or an initial. Numbers never break ("1.200", "25/11",
"2025-2030") because their dots are not followed by a space.
"""

from __future__ import annotations

import re

from .letters import UPPER
from ..text import clean

__all__ = ["split_paragraphs", "split_sentences", "ABBREVIATIONS"]

ABBREVIATIONS = frozenset(
    {
        "tp", "q", "p", "x", "h", "ths", "ts", "pgs", "gs", "bs", "ks", "ls", "ncs", "cn",
        "tt", "st", "mr", "mrs", "ms", "dr", "th.s", "pgs.ts", "gs.ts", "v.v", "tr", "sđd",
        "đ/c", "đc", "nxb", "tx", "tt.", "ubnd", "hđnd", "no",
    }
)
"""Words that a dot does not end a sentence after (compared lower-case).

"số" is not one: "chuyển đổi số.", "dân tộc thiểu số." end sentences far more often than
a number is written "số. 5"."""

# A candidate break: sentence punctuation (possibly repeated: "..." or "?!"), optional
# closing quotes/brackets, then whitespace, then something that can start a sentence.
_BREAK = re.compile(r"([.!?…]+)([\"'”’»)\]]*)\s+(?=[\"'“‘«(\[]?[" + UPPER + "0-9])")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
# A list label at the start of a paragraph: "1. Rà soát ...", "II. Nhiệm vụ ...", "a. ...".
_LABEL = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ]|[IVX]{1,4})$")


def split_paragraphs(body: str) -> list[str]:
    """Return the non-empty lines of `body`, cleaned (NFC, whitespace collapsed)."""
    return [clean(line) for line in body.splitlines() if line.strip()]


def _is_abbreviation(before: str, punct: str) -> bool:
    """Tell whether the single dot after `before` belongs to an abbreviation or initial."""
    if punct != ".":
        return False
    match = _TOKEN_BEFORE.search(before)
    if not match:
        return False
    token = match.group(1).lstrip("(\"'“‘«[")
    if token.lower() in ABBREVIATIONS:
        return True
    if not (len(token) == 1 and token.isupper()):
        return False
    # A single capital letter is an initial ("Nguyễn V. A.") or a list label at the start;
    # after a lower-case word it is a numeral that may end the sentence ("trong quý I. Bà ...").
    words = before.split()
    return len(words) < 2 or not words[-2].islower()


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences; each keeps its final punctuation.

    >>> split_sentences("Sáng 25/11, TP. Huế đón 1.200 khách. Ảnh: Minh")
    ['Sáng 25/11, TP. Huế đón 1.200 khách.', 'Ảnh: Minh']
    """
    text = clean(paragraph)
    sentences: list[str] = []
    start = 0
    for match in _BREAK.finditer(text):
        if _is_abbreviation(text[start : match.start()], match.group(1)):
            continue
        if match.group(1) == "." and _LABEL.match(text[start : match.start()]):
            continue
        end = match.end(2)
        piece = text[start:end].strip()
        if piece:
            sentences.append(piece)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences
