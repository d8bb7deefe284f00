"""Section headings deciding the kind of what is under them, in a Word file or a text.

A report's heading ("Kết quả đạt được", "Khó khăn, vướng mắc", "Kiến nghị, đề xuất",
"Nhiệm vụ, giải pháp") says what its sentences are: `section_kinds` finds the kind each
sentence's heading announces, and `apply_section_kinds` lets it decide where the reader
had no cue of its own, takes in the lines under a heading the reader left out for want of
a kind when they read as an item, and leaves the headings themselves out. Used by
`store.ingest.importer`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from haicap.store.domain.models import Kind
from haicap.store.domain.text import clean, fold
from haicap.store.ingest.documents import Block
from haicap.store.ingest.reader import ExtractedItem, Extraction
from haicap.store.ingest.reader.extract import with_assignment
from haicap.store.ingest.reader.left_out import HEADING, NO_KIND, LeftOut
from haicap.store.ingest.reader.letters import BULLET
from haicap.store.ingest.reader.sentences import split_sentences

__all__ = ["apply_section_kinds", "section_kinds"]


def section_kinds(blocks: tuple[Block, ...]) -> tuple[dict[str, Kind], set[str]]:
    """The kind each sentence's section heading announces, and the headings' own texts."""
    kinds: dict[str, Kind] = {}
    headings: set[str] = set()
    kind: Kind | None = None
    seen: set[str] = set()
    for block in blocks:
        if block.heading:
            kind = block.kind
            headings.add(block.text)
            continue
        for sentence in split_sentences(block.text):
            # A sentence met again under a heading keeps what it was the first time (a page's
            # name above the article and above an answer to a comment is one line, read once).
            if kind is not None and sentence not in seen:
                kinds[sentence] = kind
            seen.add(sentence)
    return kinds, headings


_POSITIONAL_CUES = frozenset({"", "joined", "continues", "request list", "leader's instruction"})
"""Reader cues that only say where a clause stands: under a section heading, the heading's
kind is the better guess. A cue of the clause's own words (a result, a problem, who asks
whom) keeps the reader's kind, so "Tuy nhiên, … còn thấp" under "Kết quả" stays a difficulty."""


_LEADERS_ORDER = "leader's instruction"
"""The reader's cue for a bare instruction in the leader's words."""


def apply_section_kinds(facts: Extraction, kinds: dict[str, Kind], headings: set[str]) -> None:
    """Let section headings decide where the reader had no cue of its own; headings are left out."""
    items: list[ExtractedItem] = []
    left_out: list[LeftOut] = []
    for item in facts.items:
        sentence = facts.sentences[item.position - 1] if 0 < item.position <= len(facts.sentences) else ""
        if sentence in headings:
            left_out.append(LeftOut(sentence, HEADING, position=item.position))
            continue
        section = kinds.get(sentence)
        if section is Kind.REQUEST and item.cue == _LEADERS_ORDER:
            section = None  # what the leader tells the commune, below its list of asks, is no ask
        if section is not None and (item.kind == section.value or item.cue in _POSITIONAL_CUES):
            item = with_assignment(replace(item, kind=section.value, cue="heading", unsure=False), facts.date)
        items.append(item)
    names = tuple(c.name for c in facts.communes)
    for left in facts.left_out:
        section = kinds.get(left.text)
        if left.text in headings:
            left_out.append(replace(left, reason=HEADING))
        elif section is not None and left.reason == NO_KIND and _reads_as_content(left.text):
            taken = ExtractedItem(
                # The list's bullet or number is no part of the item, as in the reader's own items.
                section.value,
                clean(_LIST_LABEL.sub("", left.text)),
                _named(left.text, names) or names,
                "heading",
                position=left.position,
            )
            items.append(with_assignment(taken, facts.date))
        else:
            left_out.append(left)
    # A heading counted once even when the reader saw it twice (it is skipped as a duplicate).
    facts.items = sorted(items, key=lambda i: i.position)
    facts.left_out = left_out


# (A count is no label: "17 hộ chưa đồng thuận" keeps its number.)
_LIST_LABEL = re.compile(rf"^\s*(?:(?:\d{{1,2}}(?:\.\d{{1,2}}){{1,3}}\.?|\d{{1,2}}[.)]|[a-zđ]\)|[IVX]{{1,4}}\.)\s+|{BULLET}+\s*)")
_MIN_ITEM_WORDS = 6
"""A line under a heading shorter than this is a label, a title or a name, not an item."""


def _reads_as_content(text: str) -> bool:
    """Whether a line under a heading may be an item: long enough, in sentence case (a title
    in capitals or a signature's name is not), and not a label ("Thời gian: thường xuyên")."""
    # The list label is no word of the line ("2.1. UBND xã A:" is five words, a label).
    words = _LIST_LABEL.sub("", text).split()
    if len(words) < _MIN_ITEM_WORDS or text.isupper():
        return False
    if text.rstrip().endswith(":") or (words[0].lower() == "về" and not re.search(r"[.!?;]\s*$", text)):
        return False  # a sub-heading: "2.1. UBND xã A:" opens a list, "3. Về phát triển kinh tế" names a topic
    if all(word[:1].isupper() for word in words if word[:1].isalpha()):
        return False  # "Lê Thị Thu Hà", "Phó Chủ Tịch …": a name or a title
    return not re.match(r"^[^:]{1,20}:\s*\S+(?:\s+\S+){0,2}\.?$", text)


def _named(text: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """The commune names among `names` that `text` holds as whole words, diacritics and case ignored."""
    folded = fold(text)
    return tuple(n for n in names if re.search(rf"(?<!\w){re.escape(fold(n))}(?!\w)", folded))
