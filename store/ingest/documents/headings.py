"""What a section heading looks like, and which kind of content the section holds.

Word users mark headings with a style, or just make a short line bold or number it
("II. Khó khăn, vướng mắc"); plain text marks them with an outline marker or capitals.
"""

from __future__ import annotations

import re

from haicap.store.domain.models import Kind
from haicap.store.domain.text import clean, fold
from haicap.store.ingest.documents.blocks import Block

__all__ = ["MAX_HEADING_WORDS", "heading_kind", "make_block", "short_section_line", "unstyled_heading"]

# Headings are short; a longer line is a sentence even if it names a section.
MAX_HEADING_WORDS = 15
# Unstyled lines (bold, numbered, capitals) must be shorter still to count as headings.
_MAX_UNSTYLED_HEADING_WORDS = 12

# "I.", "IV)", "1.", "2)", "1.2.", "a)", "b." at the start of a line, the usual outline markers.
# Not followed by a digit, so "1.500 hộ dân" is a number, not item 1.
_OUTLINE_MARKER = re.compile(r"^\s*(?:[IVXLC]+|\d+(?:\.\d+)*|[A-Za-zĐđ])\s*[.)](?!\d)\s*")

# Section words, folded. Vietnamese noun phrases put the head first ("kết quả thực hiện
# nhiệm vụ" is a result, "giải pháp khắc phục khó khăn" a measure), so within one phrase
# the earliest section word decides.
_SECTION_WORDS = {
    Kind.ACHIEVEMENT: ("ket qua", "thanh tich", "nhung viec da lam"),
    Kind.DIFFICULTY: ("kho khan", "vuong mac", "han che", "ton tai", "bat cap"),
    Kind.REQUEST: ("kien nghi", "de xuat", "de nghi"),
    Kind.DIRECTIVE: ("nhiem vu", "giai phap", "chi dao", "ket luan", "phuong huong"),
}
_SECTION_PATTERN = re.compile(r"\b(" + "|".join(w for words in _SECTION_WORDS.values() for w in words) + r")\b")
_WORD_KIND = {word: kind for kind, words in _SECTION_WORDS.items() for word in words}
# What joins two sections in one heading: "Khó khăn, vướng mắc và kiến nghị".
_PHRASE_SEPARATOR = re.compile(r"\s*(?:[,;:/&–—]|\s-\s|\bva\b)\s*")


def heading_kind(text: str) -> Kind | None:
    """Tell which kind of section a heading opens, or None when it names none or several.

    "II. Khó khăn, vướng mắc" → DIFFICULTY; "Khó khăn, vướng mắc và kiến nghị" → None
    (the sentence reader decides per sentence); "Kết quả thực hiện nhiệm vụ" → ACHIEVEMENT,
    because the first section word of a phrase is its head. Lines longer than 15 words
    are sentences, not headings, and give None.
    """
    folded = fold(_OUTLINE_MARKER.sub("", clean(text), count=1))
    if not folded or len(folded.split()) > MAX_HEADING_WORDS:
        return None
    kinds = set()
    for phrase in _PHRASE_SEPARATOR.split(folded):
        first = _SECTION_PATTERN.search(phrase)
        if first:
            kinds.add(_WORD_KIND[first.group(1)])
    return kinds.pop() if len(kinds) == 1 else None


def short_section_line(text: str) -> bool:
    """A short line naming a section that does not read as a sentence.

    "1. Kết quả thu ngân sách đạt 95%." is a list item, not a heading: sentence
    punctuation at the end rules a line out, unless it is all capitals ("I. KẾT QUẢ.").
    """
    if len(text.split()) > _MAX_UNSTYLED_HEADING_WORDS or heading_kind(text) is None:
        return False
    return not text.endswith((".", ";", "!", "?")) or text.isupper()


def unstyled_heading(text: str) -> bool:
    """Plain text marks headings with an outline marker ("II.", "2)", "a)") or capitals."""
    return bool(_OUTLINE_MARKER.match(text) or text.isupper()) and short_section_line(text)


def make_block(text: str, *, heading: bool) -> Block:
    """A block of `text`; a heading (with its kind) when `heading` and short enough."""
    if heading and len(text.split()) <= MAX_HEADING_WORDS:
        return Block(text, heading=True, kind=heading_kind(text))
    return Block(text)
