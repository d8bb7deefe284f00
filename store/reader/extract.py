"""The reader's pipeline: article body in, session facts and classified items out."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..models import Commune, Province
from ..registry import Registry
from ..text import clean, fold
from . import cues
from .classify import EXCLUDED, REQUEST, Context, classify_clause
from .clauses import split_clauses
from .dates import find_session_date
from .leader import find_leader
from .page_noise import drop_page_noise
from .places import detect_province, find_commune_mentions, resolve_communes
from .sentences import split_paragraphs, split_sentences
from .speakers import LEADER, People, SpeakerState, is_caption

__all__ = ["ExtractedItem", "Extraction", "extract_text"]


@dataclass(frozen=True)
class ExtractedItem:
    """One classified piece of the article: kind, verbatim text, commune names it concerns."""

    kind: str
    text: str
    communes: tuple[str, ...] = ()


@dataclass
class Extraction:
    """What the reader found in one article."""

    date: dt.date | None
    province: Province | None
    leader: str | None
    communes: list[Commune] = field(default_factory=list)
    items: list[ExtractedItem] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        """Return a JSON-ready dict (the shape the store and the scorer read)."""
        return {
            "date": self.date.isoformat() if self.date else None,
            "province": self.province.name if self.province else None,
            "leader": self.leader,
            "communes": [{"type": c.type, "name": c.name, "code": c.code} for c in self.communes],
            "items": [{"kind": i.kind, "text": i.text, "communes": list(i.communes)} for i in self.items],
        }


def _spans(sentence: str, verdicts: list[tuple[int, int, str | None]]) -> list[tuple[str, str]]:
    """Merge clause verdicts into items: clauses without a cue join their neighbour,
    neighbouring clauses of one kind become one item, excluded clauses stay out."""
    kinds = [kind for _, _, kind in verdicts]
    # A cue-less clause joins the labelled clause before it (or after it, at the start).
    for i, kind in enumerate(kinds):
        if kind is None:
            before = next((kinds[j] for j in range(i - 1, -1, -1) if kinds[j] is not None), None)
            after = next((kinds[j] for j in range(i + 1, len(kinds)) if kinds[j] is not None), None)
            pick = before if before not in (None, EXCLUDED) else after
            kinds[i] = pick if pick not in (None, EXCLUDED) else None
    items: list[tuple[str, str]] = []
    run_start, run_kind, run_end = 0, None, 0
    for (start, end, _), kind in zip(verdicts, kinds):
        if kind == run_kind and kind is not None:
            run_end = end
            continue
        if run_kind not in (None, EXCLUDED):
            items.append((run_kind, sentence[run_start:run_end]))
        run_start, run_end, run_kind = start, end, kind
    if run_kind not in (None, EXCLUDED):
        items.append((run_kind, sentence[run_start:run_end]))
    # Bullets and joining punctuation at the ends are not part of the clause.
    return [(kind, text.strip(" ,;-–•*+")) for kind, text in items if text.strip(" ,;-–•*+")]


_REQUEST_HEADER = re.compile(r"\b(?:kiến nghị|đề xuất|đề nghị)\b[^:]*:\s*$")
_PLURAL = re.compile(r"\b(?:các|những|hai|ba|bốn|\d+)\s+(?:xã|phường|đặc khu|địa phương)\b")


def _named(text: str, communes: list[Commune]) -> tuple[str, ...]:
    """The session communes whose names appear in `text`."""
    folded = fold(text)
    return tuple(c.name for c in communes if re.search(rf"(?<!\w){re.escape(fold(c.name))}(?!\w)", folded))


def extract_text(
    body: str,
    registry: Registry,
    *,
    today: dt.date | None = None,
    year_hint: int | None = None,
    province_hint: Province | None = None,
    trace: list | None = None,
) -> Extraction:
    """Read an article body and return its session facts and classified items.

    `today` (default: the real today) and `year_hint` give the year to dates written
    without one; `province_hint` overrides province detection. When `trace` is a list,
    one (sentence, speaker, [(clause, verdict)]) record per sentence is appended to it,
    to see why the reader decided what it did.
    """
    paragraphs = drop_page_noise(split_paragraphs(body))
    flat = "\n".join(paragraphs)
    mentions = find_commune_mentions(flat)
    province = province_hint or detect_province(flat, registry, mentions)
    communes = resolve_communes(flat, registry, province, mentions) if province else []
    date = find_session_date(flat, today=today or dt.date.today(), year_hint=year_hint)
    per_paragraph = [split_sentences(p) for p in paragraphs]
    all_sentences = [s for group in per_paragraph for s in group]
    leader = find_leader(all_sentences[:8])
    people = People.from_sentences(all_sentences, leader)
    state = SpeakerState(people)

    extraction = Extraction(date=date, province=province, leader=leader, communes=communes)
    last_kind: str | None = None
    current: tuple[str, ...] = ()
    for sentences in per_paragraph:
        for index, sentence in enumerate(sentences):
            if is_caption(sentences, index):
                if trace is not None:
                    trace.append((sentence, "caption", []))
                continue
            speaker = state.update(sentence)
            verdicts: list[tuple[int, int, str | None]] = []
            steps: list = []
            if trace is not None:
                trace.append((sentence, speaker, steps))
            prev_kind = prev_actor = None
            for clause in split_clauses(sentence):
                ctx = Context(speaker, people, prev_kind, prev_actor, last_kind == REQUEST and speaker != LEADER)
                verdict = classify_clause(clause.text, ctx)
                verdicts.append((clause.start, clause.end, verdict.kind))
                if trace is not None:
                    steps.append((clause.text, verdict))
                if verdict.kind is not None:
                    prev_kind, prev_actor = verdict.kind, verdict.actor or prev_actor
            spans = _spans(sentence, verdicts)
            # Which communes the items concern: those the item names, else those its sentence
            # names, else the commune whose report is running, else all of the session's.
            named_here = _named(sentence, communes)
            if (speaker == LEADER or _PLURAL.search(sentence.lower())) and not named_here:
                current = ()  # the leader, or "các xã", speaks to all of them
            elif named_here and speaker != LEADER:
                current = named_here
            for kind, text in spans:
                names = _named(text, communes) or named_here or current or tuple(c.name for c in communes)
                extraction.items.append(ExtractedItem(kind, clean(text), names))
            if spans:
                last_kind = spans[-1][0]
            elif speaker != LEADER and _REQUEST_HEADER.search(sentence.lower()):
                last_kind = REQUEST  # "Xã có một số kiến nghị như sau:" opens a list of requests
            elif any(v[2] == EXCLUDED for v in verdicts):
                last_kind = None
            elif cues.SPEECH_VERB.search(sentence.lower()) or cues.PROBLEM.search(sentence.lower()):
                extraction.unplaced.append(sentence)
    return extraction
