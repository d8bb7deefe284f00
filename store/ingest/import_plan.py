"""What an import would store, line by line, as the officer reviews it before storing.

An `ImportPlan` holds the session facts read from one file (date, province, leader,
communes) and one `PlanLine` per sentence of the text: the items the reader took in
(kind, communes, owner, co-agencies, deadline, text) and the sentences it left out, each
with its reason. The review changes lines (`with_line`) or the session (`with_session`);
`report` is the `SessionReport` of exactly what the plan shows, and each of its items
carries the history entries that say where it came from (the file, the reader or the
officer's review). Nothing here writes: the caller adds `plan.report` to a store.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from dataclasses import dataclass, replace
from typing import Any

from haicap.store.domain.dates import format_date
from haicap.store.domain.i18n import _, pgettext
from haicap.store.domain.models import TRACKED_KINDS, Commune, Kind, Person, Province
from haicap.store.domain.session_copy import SessionCopy
from haicap.store.domain.text import clean, fold, shorten, visible
from haicap.store.domain.tracking import Tracking
from haicap.store.ingest.reader.left_out import DUPLICATE, REVIEW, reason_label
from haicap.store.ingest.reports import ParsedItem, SessionReport

__all__ = ["ImportPlan", "PlanLine", "SessionFacts", "SessionMatch", "already_there", "normalised"]


@dataclass(frozen=True)
class PlanLine:
    """One sentence or clause of the file: an item of a kind, or left out (`kind` None)."""

    text: str
    kind: Kind | None
    communes: tuple[Commune, ...] = ()
    """The communes the item concerns (empty for a left-out line)."""
    owner: str = ""
    """Requests and directives: the body in charge; empty when the text names none."""
    co_agencies: tuple[str, ...] = ()
    deadline: dt.date | None = None
    reason: str = ""
    """For an item, why the reader gave its kind (its cue); for a left-out line, the code
    of why it was left out (see `store.ingest.reader.left_out`)."""
    detail: str = ""
    """For a duplicate, the text it repeats."""
    unsure: bool = False
    """The reader had no strong cue: the line's place in the text decided its kind."""

    @property
    def taken(self) -> bool:
        """Whether the line will be stored as an item."""
        return self.kind is not None


@dataclass(frozen=True)
class SessionFacts:
    """The session an import would create: what the file says, or what the officer set."""

    date: dt.date
    province: Province
    leader: Person
    communes: tuple[Commune, ...]
    title: str = ""
    source: str = ""
    """Where the report comes from: an outlet, a URL, a file name."""
    participants: tuple[Person, ...] = ()


@dataclass(frozen=True)
class SessionMatch:
    """A stored session the import reports too (another outlet, the same meeting)."""

    session_id: str
    label: str
    """How to name it to the officer: "cdb5ed9f (Báo X, 25/11/2025)"."""
    known: frozenset[int] = frozenset()
    """Indexes of the plan's lines whose text the session already holds."""


@dataclass(frozen=True)
class ImportPlan:
    """What importing one file would store, and every sentence the reader left out."""

    source: str
    """The file, as the user named it."""
    format: str
    """"structured", "docx", "pdf", "doc" or "text"."""
    encoding: str | None
    session: SessionFacts
    lines: tuple[PlanLine, ...]
    """Every line in text order, items and left-out sentences alike."""
    read: tuple[PlanLine, ...] = ()
    """The lines as the reader gave them, before any review (same length and order)."""
    match: SessionMatch | None = None
    """A stored session this file reports too; its items are added there (see `with_match`)."""
    reviewed_by: str | None = None
    """Set when an officer reviewed the lines on the review screen."""
    unknown_communes: tuple[str, ...] = ()
    """Communes the text lists that the session's province does not have (see `describe`)."""
    links: frozenset[tuple[int, int]] = frozenset()
    """(request line, directive line) pairs the officer accepted: stored as the request's
    `responds_to` once the items have ids (see `store.ingest.plan_links`)."""
    copy: SessionCopy | None = None
    """For a session copy (`haicap export --format yaml|json`): the session, stored as it is.
    A change in review makes the plan an ordinary report again (new ids, history from now)."""

    def __post_init__(self) -> None:
        if not self.read:
            object.__setattr__(self, "read", self.lines)

    # -- what it holds -------------------------------------------------------------

    @property
    def items(self) -> tuple[PlanLine, ...]:
        """The lines to be stored as items, in text order."""
        return tuple(line for line in self.lines if line.taken)

    @property
    def left_out(self) -> tuple[PlanLine, ...]:
        """The lines left out, in text order."""
        return tuple(line for line in self.lines if not line.taken)

    def counts(self) -> dict[Kind, int]:
        """How many items of each kind the plan holds, in pane order."""
        return {kind: sum(1 for line in self.lines if line.kind is kind) for kind in Kind}

    def is_known(self, index: int) -> bool:
        """Whether line `index` is already in the matched stored session (and will be skipped)."""
        return self.match is not None and index in self.match.known

    # -- changes (the review) ------------------------------------------------------

    def with_line(self, index: int, **changes: Any) -> ImportPlan:
        """The plan with line `index` changed (kind, communes, owner, co_agencies, deadline, text).

        A line taken in from the left-out ones gets the session's communes; a line left out
        by the officer says so. The session gains any commune a line names."""
        line = self.lines[index]
        if "text" in changes:
            changes["text"] = clean(changes["text"])
            if not changes["text"]:
                raise ValueError(_("an item's text cannot be empty (leave the line out instead)"))
        if "owner" in changes:
            changes["owner"] = clean(changes["owner"] or "")
        if "co_agencies" in changes:
            changes["co_agencies"] = tuple(a for a in (clean(x) for x in changes["co_agencies"]) if a)
        kind = changes.get("kind", line.kind)
        if "kind" in changes and kind is None and line.taken:
            changes.update(reason=REVIEW, detail="", communes=())
        elif "kind" in changes and kind is not None and not line.taken:
            changes.update(reason="review", detail="")
            changes.setdefault("communes", self.session.communes)
        if kind is not None and "communes" in changes and not changes["communes"]:
            raise ValueError(_("an item must concern at least one commune"))
        lines = list(self.lines)
        lines[index] = replace(line, **changes, unsure=False if changes.keys() - {"text"} else line.unsure)
        plan = replace(self, lines=tuple(lines), copy=None)
        extra = [c for c in lines[index].communes if c not in plan.session.communes]
        if extra:
            plan = replace(plan, session=replace(plan.session, communes=plan.session.communes + tuple(extra)))
        return plan

    def with_session(self, **changes: Any) -> ImportPlan:
        """The plan with session facts changed (date, leader, communes, title).

        Items keep the communes they name that the session still has; those left with none
        concern every commune of the session."""
        session = replace(self.session, **changes)
        if not session.communes:
            raise ValueError(_("a session needs at least one commune"))
        lines = tuple(
            replace(line, communes=tuple(c for c in line.communes if c in session.communes) or session.communes)
            if line.taken
            else line
            for line in self.lines
        )
        return replace(self, session=session, lines=lines, copy=None)

    def with_match(self, match: SessionMatch | None) -> ImportPlan:
        """The plan as an addition to a stored session (or, with None, a session of its own)."""
        return replace(self, match=match)

    def with_links(self, request: int, directives: frozenset[int]) -> ImportPlan:
        """The plan with the directive lines that answer request line `request` set to `directives`."""
        kept = {pair for pair in self.links if pair[0] != request}
        return replace(self, links=frozenset(kept | {(request, d) for d in directives}), copy=None)

    def reviewed(self, who: str) -> ImportPlan:
        """The plan marked as reviewed by `who` (the history of its items says so)."""
        return replace(self, reviewed_by=who)

    def unsure_lines(self) -> list[int]:
        """Indexes of the items the reader was unsure of, in text order."""
        return [index for index, line in enumerate(self.lines) if line.taken and line.unsure]

    # -- what is stored --------------------------------------------------------------

    @functools.cached_property
    def report(self) -> SessionReport:
        """The session report of exactly the lines taken in, with their history entries."""
        facts = self.session
        items = [self._item(index, line) for index, line in enumerate(self.lines) if line.taken and not self.is_known(index)]
        return SessionReport(
            source_name=self.source,
            date=facts.date,
            province=facts.province,
            leader=facts.leader,
            participants=facts.participants,
            title=facts.title,
            source=facts.source,
            communes=facts.communes,
            items=tuple(items),
            read_hash=self.read_hash(),
            extends=self.match.session_id if self.match else None,
            copy=self.copy,
        )

    def read_hash(self) -> str:
        """A digest of the file's reading before any review: importing the same file again
        finds it, whatever the officer changed the first time."""
        facts = self.session
        canonical = {
            "date": facts.date.isoformat(),
            "province": facts.province.code,
            "communes": sorted(c.code for c in facts.communes),
            "lines": [[line.kind.value if line.kind else None, line.text] for line in self.read],
        }
        encoded = json.dumps(canonical, ensure_ascii=False, sort_keys=True).encode("utf-8")
        return hashlib.sha256(encoded).hexdigest()

    def _item(self, index: int, line: PlanLine) -> ParsedItem:
        assert line.kind is not None
        read = self.read[index] if index < len(self.read) else line
        tracked = line.kind in TRACKED_KINDS
        tracking = Tracking(owner=line.owner, co_agencies=line.co_agencies, deadline=line.deadline) if tracked else None
        return ParsedItem(
            kind=line.kind,
            text=line.text,
            communes=line.communes or self.session.communes,
            tracking=tracking if tracking and tracking.to_row() else None,
            history=self._history(line, read),
        )

    def _history(self, line: PlanLine, read: PlanLine) -> tuple[tuple[str, str, str], ...]:
        """The entries an item's history starts with: imported from where, and what the
        officer changed in review or the text gave (owner, co-agencies, deadline). They are
        stored as written, in the language spoken at the import."""
        changed = []
        if read.kind is not line.kind:
            before = read.kind.title if read.kind else _("left out")
            changed.append(_("kind: {before} → {after}").format(before=before, after=line.kind.title if line.kind else ""))
        if read.text != line.text:
            changed.append(_("text edited"))
        if set(read.communes) != set(line.communes) and read.taken:
            changed.append(_("communes changed"))
        origin = _("imported from {file}").format(file=self.source)
        if self.reviewed_by:
            origin += " · " + _("reviewed")
        if changed:
            origin += " (" + "; ".join(changed) + ")"
        entries = [("created", "", origin)]
        if line.kind in TRACKED_KINDS:
            for name, now, before in (
                ("owner", line.owner, read.owner),
                ("co_agencies", ", ".join(line.co_agencies), ", ".join(read.co_agencies)),
                (
                    "deadline",
                    line.deadline.isoformat() if line.deadline else "",
                    read.deadline.isoformat() if read.deadline else "",
                ),
            ):
                if not now:
                    continue
                how = _("read from the text") if now == before else _("set in review")
                entries.append((name, "", f"{now} ({how})"))
        return tuple(entries)

    # -- showing it ------------------------------------------------------------------

    def describe(self) -> list[str]:
        """The plan for the terminal: the session, every item in full, then every left-out
        sentence with its reason. Text is made visible (control characters shown)."""
        facts = self.session
        how = {
            "structured": "YAML/JSON",
            "docx": "Word .docx",
            "pdf": "PDF",
            "doc": "Word .doc",
            "text": pgettext("file format", "text"),
        }.get(self.format, self.format)
        if self.encoding:
            how = _("{format}, read as {encoding}").format(format=how, encoding=self.encoding)
        leader = str(facts.leader) if facts.leader.name else _("leader not named")
        counts = " · ".join(f"{kind.title.lower()} {n}" for kind, n in self.counts().items())
        session = _("session: {date} · {province} · {leader}").format(
            date=format_date(facts.date), province=facts.province.full_name, leader=leader
        )
        lines = [
            visible(f"{self.source} ({how})"),
            visible("  " + session),
            visible("  " + _("communes: {communes}").format(communes=", ".join(c.label for c in facts.communes))),
        ]
        if self.unknown_communes:
            unknown = _("! not in {province}: {communes} (check the province)").format(
                province=facts.province.full_name, communes=", ".join(self.unknown_communes)
            )
            lines.append(visible("  " + unknown))
        if self.copy is not None:
            lines.append("  " + self.copy_line())
        if self.match is not None:
            known = len(self.match.known & {i for i, line in enumerate(self.lines) if line.taken})
            new = len(self.items) - known
            same = _("same session as {session}: {new} new items, {known} already there").format(
                session=self.match.label, new=new, known=known
            )
            lines.append(visible("  " + same))
        lines.append("  " + _("items ({count}): {counts}").format(count=len(self.items), counts=counts))
        for index, line in enumerate(self.lines):
            if line.taken:
                lines.append("    " + self.line_text(index))
        left = self.left_out
        lines.append("  " + _("left out ({count}):").format(count=len(left)))
        for line in left:
            detail = line.detail if line.reason == DUPLICATE else ""
            lines.append(visible(f"    [{reason_label(line.reason, shorten(detail, 60))}] {line.text}"))
        return lines

    def copy_line(self) -> str:
        """What a session copy brings beside its items: "copy of session 1a2b3c4d: 38 items
        (2 deleted), 95 history entries, stored as they are"."""
        assert self.copy is not None
        items = self.copy.items
        deleted = sum(1 for copied in items if copied.item.deleted)
        history = sum(len(copied.history) for copied in items)
        said = _("copy of session {session}: {items} items ({deleted} deleted), {history} history entries, stored as they are")
        return said.format(session=self.copy.session.id, items=len(items), deleted=deleted, history=history)

    def line_text(self, index: int) -> str:
        """One item as a line: kind (? when unsure), communes, owner, co-agencies, deadline, text."""
        line = self.lines[index]
        assert line.kind is not None
        mark = " ?" if line.unsure else ""
        parts = [f"[{line.kind.singular}{mark}]", f"({self.communes_text(line)})"]
        if line.kind in TRACKED_KINDS:
            if line.owner:
                parts.append(_("owner: {owner}").format(owner=line.owner) + " ·")
            if line.co_agencies:
                parts.append(_("with: {agencies}").format(agencies=", ".join(line.co_agencies)) + " ·")
            if line.deadline:
                parts.append(_("deadline: {date}").format(date=format_date(line.deadline)) + " ·")
        if self.is_known(index):
            parts.append("(" + _("already there") + ")")
        parts.append(line.text)
        return visible(" ".join(parts))

    def communes_text(self, line: PlanLine) -> str:
        """ "xã A, xã B", or "cả 3 xã" ("all 3") when the line concerns every commune of the session."""
        communes = line.communes or self.session.communes
        if len(self.session.communes) > 1 and set(communes) == set(self.session.communes):
            return _("all {count}").format(count=len(communes))
        return ", ".join(c.label for c in communes)


def normalised(text: str) -> str:
    """Text as compared across outlets (see `SessionMatch`): folded, punctuation and spacing ignored."""
    return " ".join("".join(ch if ch.isalnum() else " " for ch in fold(text)).split())


_MIN_CONTAINED_WORDS = 6
"""A stored sentence this long found inside a new one (or the new one inside it) is the
same sentence: outlets cut and join a report's sentences differently."""


def already_there(text: str, there: set[str]) -> bool:
    """Whether `text` is in `there` (normalised texts of a session's items): the same text,
    or one holds the other, the shorter having at least a few words."""
    wanted = normalised(text)
    if wanted in there:
        return True
    padded = f" {wanted} "
    for stored in there:
        shorter, longer = (wanted, f" {stored} ") if len(wanted) <= len(stored) else (stored, padded)
        if shorter.count(" ") + 1 >= _MIN_CONTAINED_WORDS and f" {shorter} " in longer:
            return True
    return False
