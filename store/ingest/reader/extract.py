"""The reader's pipeline: article body in, session facts and classified items out."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field, replace
from typing import Any

from haicap.store.domain.models import Commune, Province
from haicap.store.domain.registry import Registry
from haicap.store.domain.text import clean, fold
from haicap.store.ingest.reader.assignments import read_assignment
from haicap.store.ingest.reader.captions import is_caption
from haicap.store.ingest.reader.classify import EXCLUDED, Context, Verdict, classify_clause, list_named
from haicap.store.ingest.reader.clauses import opens_concession, split_clauses
from haicap.store.ingest.reader.commune_mentions import find_commune_mentions
from haicap.store.ingest.reader.dates import find_session_date
from haicap.store.ingest.reader.detail_lists import details_follow
from haicap.store.ingest.reader.item_spans import merge_verdicts
from haicap.store.ingest.reader.kinds import DIFFICULTY, DIRECTIVE, REQUEST
from haicap.store.ingest.reader.leader import find_leader
from haicap.store.ingest.reader.left_out import (
    CAPTION,
    CONTEXT,
    DUPLICATE,
    HEADING,
    META,
    NO_KIND,
    PAGE,
    PROMISE,
    STATISTICS,
    LeftOut,
)
from haicap.store.ingest.reader.letters import BULLET
from haicap.store.ingest.reader.page_noise import split_page_noise
from haicap.store.ingest.reader.places import detect_province, resolve_communes
from haicap.store.ingest.reader.sentences import split_paragraphs, split_sentences
from haicap.store.ingest.reader.speakers import LEADER, OWN_PLANS, People, SpeakerState
from haicap.store.ingest.reader.stories import other_stories

__all__ = [
    "UNSURE_CUES",
    "ExtractedItem",
    "Extraction",
    "TraceRecord",
    "extract_text",
    "with_assignment",
]

TraceRecord = tuple[str, str | None, list[tuple[str, Verdict]]]
"""What `extract_text(trace=...)` records per sentence: the sentence, its speaker, and each
clause with the classifier's verdict on it."""


@dataclass(frozen=True)
class ExtractedItem:
    """One classified piece of the article: kind, verbatim text, commune names it concerns."""

    kind: str
    text: str
    communes: tuple[str, ...] = ()
    cue: str = ""
    """Why the reader gave it this kind (the classifier's reason, "heading" under a section heading)."""
    unsure: bool = False
    """No strong cue decided the kind: its place in the text did (see `UNSURE_CUES`)."""
    position: int = 0
    """The number of its sentence in the text (left-out sentences share the numbering)."""
    owner: str | None = None
    """For a request or directive: the body in charge, as the text names it."""
    co_agencies: tuple[str, ...] = ()
    """For a request or directive: the bodies that co-operate, as the text names them."""
    deadline: dt.date | None = None
    """For a request or directive: the deadline the text gives."""

    def to_json(self) -> dict[str, Any]:
        """The item as `extract --json` prints it."""
        return {
            "kind": self.kind,
            "text": self.text,
            "communes": list(self.communes),
            "owner": self.owner,
            "co_agencies": list(self.co_agencies),
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "unsure": self.unsure,
        }


UNSURE_CUES = frozenset({"continues", "request list", "joined", "by speaker", "leader's instruction"})
"""Classifier reasons that rest on position (the clause before, the running speaker, a list
opened earlier) rather than on a word of the clause itself."""


@dataclass
class Extraction:
    """What the reader found in one article."""

    date: dt.date | None
    province: Province | None
    leader: str | None
    communes: list[Commune] = field(default_factory=list)
    items: list[ExtractedItem] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    """Every sentence that is none of the four kinds, with the reason, in text order."""
    sentences: list[str] = field(default_factory=list)
    """Every sentence read, in order: item and left-out `position` N is `sentences[N - 1]`."""
    unknown_communes: list[str] = field(default_factory=list)
    """Names of a list of communes that are mostly not communes of the province found: a
    sign that the province or the list was misread (shown to the officer)."""

    def to_json(self) -> dict[str, Any]:
        """Return a JSON-ready dict (the shape the store and the scorer read)."""
        return {
            "date": self.date.isoformat() if self.date else None,
            "province": self.province.name if self.province else None,
            "leader": self.leader,
            "communes": [{"type": c.type, "name": c.name, "code": c.code} for c in self.communes],
            "items": [item.to_json() for item in self.items],
            "left_out": [left.to_json() for left in self.left_out],
        }


_NUMBERING = re.compile(r"^\s*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s+")
"""A section's number before its heading: "I. ", "2.1. ", "a) "."""
_VOTER_MEETING = re.compile(r"\btiếp xúc (?:với\s+)?cử tri\b|\bhội nghị cử tri\b")

_EXCLUDED_REASON = {
    "meta": META,
    "list header": META,
    "statistics": STATISTICS,
    "promise": PROMISE,
    "promise or future": PROMISE,
}
"""Left-out reasons of the classifier's exclusions; the others (visits, the leader's doings,
potential, wishes to residents) are context."""


def with_assignment(item: ExtractedItem, session_date: dt.date | None) -> ExtractedItem:
    """A request or directive with the owner, co-agencies and deadline its text gives."""
    if item.kind not in (REQUEST, DIRECTIVE):
        return item
    read = read_assignment(item.text, item.kind, session_date)
    return replace(item, owner=read.owner, co_agencies=read.co_agencies, deadline=read.deadline)


def _unsure(cue: str) -> bool:
    return cue in UNSURE_CUES or cue.endswith(" by speaker")


_REQUEST_HEADER = re.compile(r"\b(?:kiến nghị|đề xuất|đề nghị)\b[^:]*:\s*$")
_ASKS_HEADING = re.compile(r"\b(?:kiến nghị|đề xuất|đề nghị)\b")
_PLURAL = re.compile(r"\b(?:các|những|hai|ba|bốn|\d+)\s+(?:xã|phường|đặc khu|địa phương)\b")


def _named(text: str, communes: list[Commune]) -> tuple[str, ...]:
    """The session communes whose names appear in `text`."""
    folded = fold(text)
    return tuple(c.name for c in communes if _name_pattern(c.name).search(folded))


@functools.lru_cache(maxsize=4096)
def _name_pattern(name: str) -> re.Pattern[str]:
    """A commune's folded name as a whole word (compiled once: every sentence asks)."""
    return re.compile(rf"(?<!\w){re.escape(fold(name))}(?!\w)")


_LIST_ITEM = re.compile(rf"^\s*(?:\d{{1,2}}[.)]\s+|[a-zđ][.)]\s+|{BULLET}+\s*)")
"""A line of a numbered or bulleted list."""
_TOPIC_LINE = re.compile(rf"^\s*(?:\d{{1,2}}[.)]\s+|[a-zđ][.)]\s+|{BULLET}+\s*)[Vv]ề\s+\S+(?:\s+\S+){{0,9}}\s*:?\s*$")
"""A list line that names a topic and holds nothing else: "3. Về kiến nghị của xã"."""
_TASKS_HEADER = re.compile(r"^\W*(?:\d{1,2}[.)]\s+)?(?:các\s+|những\s+)?(?:nhiệm vụ|giải pháp|việc cần làm)\b[^.;:]{0,60}:?\s*$")
"""A line of the leader's that names tasks and nothing else ("Các nhiệm vụ trọng tâm thời gian tới:",
"2. Nhiệm vụ thời gian tới"): the lines below it are orders, bulleted or each a paragraph of its own."""


def _ordered_by_list(verdict: Verdict, clause: str) -> bool:
    """Whether a clause of the leader's list of orders is one more order: what the reader found no
    kind for, or read as a problem or the leader's doing, unless it reports what was done ("đã"),
    is a label or a topic, or was read as a request (a commune's asks restated in the list)."""
    words = _LIST_ITEM.sub("", clause).split()
    if re.search(r"\bđã\b", clause) or len(words) < 6 or words[0].lower() == "về":
        return False  # what was done, a label ("a) Đánh giá chung"), a topic ("Về kiến nghị của xã")
    if verdict.kind in (None, DIFFICULTY):
        return True
    return verdict.kind == EXCLUDED and verdict.reason in ("leader's activity", "")


def _is_heading(sentence: str) -> bool:
    """A line in capitals, a few words long: a section heading or a title ("I. KẾT QUẢ ĐẠT ĐƯỢC")."""
    if len(sentence) > 300 or not sentence.isupper():  # isupper: every letter a capital, and one at least
        return False
    text = _NUMBERING.sub("", sentence).strip()
    return 2 <= len(text.split()) <= 25 and sum(c.isalpha() for c in text) >= 6 and text.isupper()


def extract_text(
    body: str,
    registry: Registry,
    *,
    today: dt.date | None = None,
    year_hint: int | None = None,
    province_hint: Province | None = None,
    trace: list[TraceRecord] | None = None,
) -> Extraction:
    """Read an article body and return its session facts and classified items.

    `today` (default: the real today) and `year_hint` give the year to dates written
    without one; `province_hint` overrides province detection. When `trace` is a list,
    one (sentence, speaker, [(clause, verdict)]) record per sentence is appended to it,
    to see why the reader decided what it did.
    """
    paragraphs, furniture = split_page_noise(split_paragraphs(body))
    flat = "\n".join(paragraphs)
    mentions = find_commune_mentions(flat)
    province = province_hint or detect_province(flat, registry, mentions)
    misses: list[str] = []
    communes = resolve_communes(flat, registry, province, mentions, misses=misses) if province else []
    date = find_session_date(flat, today=today or dt.date.today(), year_hint=year_hint)
    per_paragraph = [split_sentences(p) for p in paragraphs]
    all_sentences = [s for group in per_paragraph for s in group]
    leader = find_leader(all_sentences[:8])
    people = People.from_sentences(all_sentences, leader)
    state = SpeakerState(people)
    elsewhere = other_stories(all_sentences, leader)
    """Sentences of the other items of a bulletin or round-up (see `store.ingest.reader.stories`)."""

    extraction = Extraction(date=date, province=province, leader=leader, communes=communes, unknown_communes=misses)
    voter_meeting = bool(_VOTER_MEETING.search(flat.lower()))
    extraction.left_out.extend(LeftOut(line, PAGE, position=-1) for line in furniture)
    seen: dict[str, str] = {}
    """Folded sentences read so far, to their text: a repeated sentence is read once."""
    position = 0
    leader_list = task_list = False
    """Inside a list the leader opened with "… chỉ đạo:" (see `_ordered_by_list`)."""
    last_kind: str | None = None
    current: tuple[str, ...] = ()
    for sentences in per_paragraph:
        for index, sentence in enumerate(sentences):
            position += 1
            extraction.sentences.append(sentence)
            key = sentence.casefold().strip(" .")
            if key in seen:
                extraction.left_out.append(LeftOut(sentence, DUPLICATE, seen[key], position))
                continue
            seen[key] = sentence
            if position - 1 in elsewhere:
                if trace is not None:
                    trace.append((sentence, "another story", []))
                extraction.left_out.append(LeftOut(sentence, CONTEXT, position=position))
                continue
            if is_caption(sentences, index):
                if trace is not None:
                    trace.append((sentence, "caption", []))
                extraction.left_out.append(LeftOut(sentence, CAPTION, position=position))
                continue
            speaker = state.update(sentence)
            if speaker == OWN_PLANS:
                # The commune's own plans in its report (see `OWN_PLANS`): what it will do, no item.
                if trace is not None:
                    trace.append((sentence, speaker, []))
                extraction.left_out.append(LeftOut(sentence, CONTEXT, position=position))
                last_kind = None
                continue

            # A topic line ("3. Về kiến nghị của xã") opens another section: the list of orders ends.
            # Under a header that names tasks, a line that is a paragraph of its own is one more
            # task though it has no bullet ("Mỗi thôn một tổ tuần tra, …"), unless someone else speaks.
            unmarked = (
                (task_list and len(sentences) == 1 and len(sentence.split()) <= 30 and speaker == LEADER)
                and not _NUMBERING.match(sentence)
                and not sentence.rstrip().endswith(":")
            )
            in_orders = leader_list and (bool(_LIST_ITEM.match(sentence)) or unmarked) and not _TOPIC_LINE.match(sentence)
            if in_orders:
                # The items of a list the leader opened ("Chủ tịch UBND tỉnh chỉ đạo:") are the
                # leader's, whoever they name ("5. Sở Tài chính tham mưu …, báo cáo UBND tỉnh").
                speaker = state.speaker = LEADER
            leader_list = in_orders
            task_list = task_list and in_orders
            verdicts: list[tuple[int, int, str | None, str]] = []
            steps: list[tuple[str, Verdict]] = []
            if trace is not None:
                trace.append((sentence, speaker, steps))
            prev_kind = prev_actor = listing = None
            for clause in split_clauses(sentence):
                ctx = Context(
                    speaker,
                    people,
                    prev_kind,
                    prev_actor,
                    last_kind == REQUEST and speaker != LEADER,
                    voter_meeting,
                    clause.answer,
                    clause.frame,
                    listing,
                )
                verdict = classify_clause(clause.text, ctx)
                listing = list_named(clause.text, verdict) or listing
                if in_orders and _ordered_by_list(verdict, clause.text):
                    verdict = Verdict(DIRECTIVE, LEADER, "leader's list")
                verdicts.append((clause.start, clause.end, verdict.kind, verdict.reason))
                if trace is not None:
                    steps.append((clause.text, verdict))
                if verdict.kind is not None:
                    prev_kind, prev_actor = verdict.kind, verdict.actor or prev_actor
                if verdict.actor == LEADER and verdict.reason.endswith(" to commune"):
                    state.speaker = LEADER  # "Đồng chí đề nghị xã …": who asks the commune is the leader, and goes on
            if len(verdicts) > 1 and verdicts[1][2] == DIRECTIVE and opens_concession(sentence):
                # "Dù nguồn vốn còn khó khăn, ông A giao …": the hardship granted is the order's
                # condition, no difficulty reported.
                verdicts[0] = (verdicts[0][0], verdicts[0][1], None, "")
            spans = merge_verdicts(sentence, verdicts)
            if _is_heading(sentence):
                # "II. KHÓ KHĂN, VƯỚNG MẮC" names what follows; it is no item itself. Its kind
                # still opens a list ("III. KIẾN NGHỊ, ĐỀ XUẤT": the lines below are requests).
                if spans:
                    last_kind = spans[-1][0]
                elif speaker != LEADER and _ASKS_HEADING.search(sentence.lower()):
                    last_kind = REQUEST  # "II. KIẾN NGHỊ CỦA XÃ" names its asks as a noun: a list of them follows
                extraction.left_out.append(LeftOut(sentence, HEADING, position=position))
                continue
            # Which communes the items concern: those the item names, else those its sentence
            # names, else the commune whose report is running, else all of the session's.
            named_here = _named(sentence, communes)
            if (speaker == LEADER or _PLURAL.search(sentence.lower())) and not named_here:
                current = ()  # the leader, or "các xã", speaks to all of them
            elif named_here and speaker != LEADER:
                current = named_here
            for kind, text, cue in spans:
                own = named_here if text == sentence else _named(text, communes)
                names = own or named_here or current or tuple(c.name for c in communes)
                item = ExtractedItem(kind, clean(text), names, cue, _unsure(cue), position)
                extraction.items.append(with_assignment(item, date))
            if spans:
                last_kind = spans[-1][0]
                continue
            excluded = [reason for _, _, kind, reason in verdicts if kind == EXCLUDED]
            details = details_follow(sentence, speaker == LEADER, last_kind)  # "…yêu cầu …. Cụ thể:"
            if speaker == LEADER and ("list header" in excluded or details or _TASKS_HEADER.match(sentence.lower())):
                leader_list = True  # "Đồng chí yêu cầu:": the numbered lines below are orders
                task_list = bool(_TASKS_HEADER.match(sentence.lower()))
            reason = _EXCLUDED_REASON.get(excluded[0], CONTEXT) if excluded else NO_KIND
            extraction.left_out.append(LeftOut(sentence, reason, position=position))
            if speaker != LEADER and (_REQUEST_HEADER.search(sentence.lower()) or "list header" in excluded):
                last_kind = REQUEST  # "Xã có một số kiến nghị như sau:" opens a list of requests
            elif excluded:
                last_kind = None
    return extraction
