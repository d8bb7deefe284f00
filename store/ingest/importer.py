"""From a file an officer received to a session ready for the store, and what was understood.

`plan_import(path, registry)` reads one file (structured YAML/JSON, Word .docx, PDF, or
free text) and returns an `ImportPlan` (see `store.ingest.import_plan`): the session, every item
and every sentence left out with its reason. Nothing is written: the caller shows the plan
(`describe()`, or the review screen), then adds `plan.report` to a store.
`extraction_of(path, registry)` is the same reading as a JSON-ready `Extraction`.

In Word files and Markdown, a section heading ("Kết quả đạt được", "Khó khăn, vướng mắc",
"Kiến nghị, đề xuất", "Nhiệm vụ, giải pháp") decides the kind of the sentences under it;
everything else goes through the reader of free text sentence by sentence (the headings'
part is `store.ingest.section_kinds`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from haicap.store.domain.errors import ReportError
from haicap.store.domain.i18n import _
from haicap.store.domain.models import Commune, Kind, Person, Province
from haicap.store.domain.registry import Registry
from haicap.store.domain.text import clean, shorten
from haicap.store.ingest.documents import Block, Document, read_document
from haicap.store.ingest.documents.minutes_mark import own_minutes
from haicap.store.ingest.documents.plain_text import text_blocks
from haicap.store.ingest.import_plan import ImportPlan, PlanLine, SessionFacts, SessionMatch, already_there
from haicap.store.ingest.reader import ExtractedItem, Extraction, extract_text
from haicap.store.ingest.reader.dates import impossible_session_date
from haicap.store.ingest.reports import SessionReport, parse_report
from haicap.store.ingest.section_kinds import apply_section_kinds, section_kinds
from haicap.store.ingest.session_files import copy_lines

if TYPE_CHECKING:
    from haicap.store.domain.models import Session

__all__ = [
    "ImportPlan",
    "Overrides",
    "StoredSessions",
    "extraction_of",
    "match_stored_session",
    "plan_import",
    "read_as_import",
    "split_front_matter",
    "structured_plan",
]

_TITLE_LIMIT = 200
"""A title longer than this is cut between words, with "…" (the first paragraph of a text
stands in for the title when none is given, and may be a long one)."""


@dataclass(frozen=True)
class Overrides:
    """What the officer says instead of what was detected (`--commune`, `--date`, ...)."""

    communes: tuple[str, ...] = ()
    """Commune labels ("xã Ngọc Trạo", "Ngọc Trạo") or official codes."""
    date: dt.date | None = None
    leader: str | None = None
    province: str | None = None


# -- front matter --------------------------------------------------------------------

_FRONT_KEY = re.compile(r"^([a-z_]+):\s*(.*)$")
_FRONT_KEYS = frozenset({"url", "date", "date_note", "title", "note", "source", "outlet", "author"})


def split_front_matter(blocks: tuple[Block, ...]) -> tuple[dict[str, str], tuple[Block, ...]]:
    """Split a `key: value` header (url, date, title, ...) off the top of an article.

    Saved articles often start with such lines (the devset's format). They are metadata,
    not text to classify. Only known keys count, so an article that starts
    "Sáng 25/11: ..." keeps its first line.
    """
    header: dict[str, str] = {}
    for count, block in enumerate(blocks):
        match = _FRONT_KEY.match(block.text)
        if block.heading or not match or match.group(1) not in _FRONT_KEYS:
            return header, blocks[count:]
        header[match.group(1)] = match.group(2).strip()
    return header, ()


def _header_date(header: dict[str, str]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(header.get("date", "")[:10])
    except ValueError:
        return None


# -- reading documents ---------------------------------------------------------------


@dataclass
class _Reading:
    """A document read into an Extraction, plus what the store needs beyond it."""

    extraction: Extraction
    title: str = ""
    source: str = ""
    headed: list[ExtractedItem] = field(default_factory=list)


def _read_free(doc: Document, registry: Registry, overrides: Overrides, today: dt.date, *, front_matter: bool = True) -> _Reading:
    """Read a Word or text document with the reader; headed sections keep their kind."""
    header, blocks = split_front_matter(doc.blocks) if doc.format == "text" and front_matter else ({}, doc.blocks)
    body_text = "\n".join(block.text for block in blocks)
    province_hint = _province(overrides, registry, doc.source) if overrides.province else None
    year_hint = overrides.date.year if overrides.date else None
    reading_day = _header_date(header) or today
    facts = extract_text(body_text, registry, today=reading_day, year_hint=year_hint, province_hint=province_hint)
    if facts.date is None and _header_date(header):
        facts.date = _header_date(header)  # the text names no day: the header's date is the next best
    kinds, headings = section_kinds(blocks)
    if kinds or headings:
        apply_section_kinds(facts, kinds, headings)
    title = header.get("title") or next((b.text for b in blocks if b.text), "")
    title = shorten(title, _TITLE_LIMIT, at_word=True)
    return _Reading(facts, title=title, source=header.get("url") or Path(doc.source).name)


def _province(overrides: Overrides, registry: Registry, source: str) -> Province:
    province = registry.find_province(overrides.province or "")
    if province is None:
        raise ReportError(source, _("unknown province '{province}'").format(province=overrides.province))
    return province


def _override_communes(labels: tuple[str, ...], province: Province | None, registry: Registry, source: str) -> list[Commune]:
    """Resolve `--commune` values: a code anywhere, or a label in the session's province."""
    found: list[Commune] = []
    for label in labels:
        commune = registry.commune(label.strip())
        if commune is None and province is not None:
            commune = registry.parse_commune(province, label)
        if commune is None and province is None:
            candidates = [c for p in registry.provinces if (c := registry.parse_commune(p, label))]
            if len(candidates) == 1:
                commune = candidates[0]
            elif candidates:
                where = ", ".join(sorted(c.province.name for c in candidates))
                reason = _("commune '{commune}' exists in several provinces ({provinces}); give --province or its code")
                raise ReportError(source, reason.format(commune=clean(label), provinces=where))
        if commune is None:
            if province is not None:
                reason = _("commune '{commune}' is not in the registry of {province}").format(
                    commune=clean(label), province=province.full_name
                )
            else:
                reason = _("commune '{commune}' is not in the registry of any province").format(commune=clean(label))
            raise ReportError(source, reason)
        if province is not None and commune.province != province:
            reason = _("commune {commune} ({code}) is in {province}, not {wanted}").format(
                commune=commune.label, code=commune.code, province=commune.province.full_name, wanted=province.full_name
            )
            raise ReportError(source, reason)
        if commune not in found:
            found.append(commune)
    return found


def _apply_overrides(reading: _Reading, overrides: Overrides, registry: Registry, source: str) -> Extraction:
    facts = reading.extraction
    if overrides.province:
        facts.province = _province(overrides, registry, source)
    if overrides.date:
        facts.date = overrides.date
    if overrides.leader:
        facts.leader = clean(overrides.leader)
    if overrides.communes:
        chosen = _override_communes(overrides.communes, facts.province, registry, source)
        facts.province = facts.province or chosen[0].province
        names = tuple(c.name for c in chosen)
        facts.communes = chosen
        # Items keep the communes they name among the chosen ones, else they concern all.
        facts.items = [replace(i, communes=tuple(n for n in i.communes if n in names) or names) for i in facts.items]
    return facts


def _plan_from(facts: Extraction, reading: _Reading, doc: Document) -> ImportPlan:
    """Check the reading is complete enough to store and build the plan: its session facts
    and one line per item or left-out sentence, in text order."""
    source = doc.source
    if facts.province is None:
        raise ReportError(source, _("could not tell the province from the text; give --province"))
    if facts.date is None:
        bad = impossible_session_date(doc.body())
        if bad:
            raise ReportError(source, _("the session date '{date}' does not exist").format(date=bad))
        raise ReportError(source, _("found no session date in the text; give --date YYYY-MM-DD"))
    if not facts.communes:
        province = facts.province.full_name
        if facts.unknown_communes:
            reason = _(
                "found no commune of {province} in the text (it names {communes}, not of that province); "
                "give --commune or --province"
            ).format(province=province, communes=", ".join(facts.unknown_communes[:5]))
        else:
            reason = _("found no commune of {province} in the text; give --commune or --province").format(province=province)
        raise ReportError(source, reason)
    by_name = {c.name: c for c in facts.communes}
    entries: list[tuple[int, int, PlanLine]] = []
    for order, item in enumerate(facts.items):
        try:
            kind = Kind(item.kind)
        except ValueError:
            continue
        communes = tuple(by_name[n] for n in item.communes if n in by_name) or tuple(facts.communes)
        line = PlanLine(item.text, kind, communes, item.owner or "", item.co_agencies, item.deadline, item.cue, "", item.unsure)
        entries.append((item.position, order, line))
    for order, left in enumerate(facts.left_out, start=len(facts.items)):
        # Page furniture has no place among the sentences: it is listed last.
        position = left.position if left.position >= 0 else 1 << 30
        entries.append((position, order, PlanLine(left.text, None, reason=left.reason, detail=left.detail)))
    lines = tuple(line for _position, _order, line in sorted(entries, key=lambda entry: entry[:2]))
    if not any(line.taken for line in lines):
        raise ReportError(source, _("found no achievement, difficulty, request or directive in the text"))
    session = SessionFacts(
        date=facts.date,
        province=facts.province,
        leader=_person(facts.leader),
        communes=tuple(facts.communes),
        title=reading.title or Path(source).name,
        source=reading.source,
    )
    return ImportPlan(source, doc.format, doc.encoding, session, lines, unknown_communes=tuple(facts.unknown_communes))


_NAME_AND_TITLE = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<title>.+)\)$")


def _person(leader: str | None) -> Person:
    """The reader gives "Name (Title, Title)"; the store keeps name and title apart."""
    if not leader:
        return Person(name="")
    match = _NAME_AND_TITLE.match(leader)
    return Person(name=match["name"], title=match["title"]) if match else Person(name=leader)


def _structured_plan(doc: Document, registry: Registry, overrides: Overrides) -> ImportPlan:
    report = parse_report(doc.data, registry, doc.source)
    if report.copy is not None and (overrides.date or overrides.leader or overrides.communes):
        reason = _("a session copy is imported as it is; --date, --leader and --commune do not apply to it")
        raise ReportError(doc.source, reason)
    if overrides.province and _province(overrides, registry, doc.source) != report.province:
        reason = _("the report is about {province}, not {wanted}")
        raise ReportError(doc.source, reason.format(province=report.province.full_name, wanted=overrides.province))
    changes: dict[str, Any] = {}
    if overrides.date:
        changes["date"] = overrides.date
    if overrides.leader:
        changes["leader"] = Person(name=clean(overrides.leader))
    if overrides.communes:
        chosen = tuple(_override_communes(overrides.communes, report.province, registry, doc.source))
        changes["communes"] = chosen
        changes["items"] = tuple(replace(i, communes=tuple(c for c in i.communes if c in chosen) or chosen) for i in report.items)
    return structured_plan(replace(report, **changes), doc.format, doc.encoding)


def structured_plan(report: SessionReport, format: str = "structured", encoding: str | None = None) -> ImportPlan:
    """The plan of a report that says itself what each item is (YAML/JSON): every item taken in."""
    session = SessionFacts(
        date=report.date,
        province=report.province,
        leader=report.leader,
        communes=report.communes,
        title=report.title,
        source=report.source,
        participants=report.participants,
    )
    if report.copy is not None:
        return ImportPlan(report.source_name, format, encoding, session, copy_lines(report), copy=report.copy)
    lines = tuple(
        PlanLine(
            item.text,
            item.kind,
            item.communes,
            item.tracking.owner if item.tracking else "",
            item.tracking.co_agencies if item.tracking else (),
            item.tracking.deadline if item.tracking else None,
            "structured",
        )
        for item in report.items
    )
    return ImportPlan(report.source_name, format, encoding, session, lines, copy=report.copy)


def plan_import(
    path: Path | str, registry: Registry, *, overrides: Overrides | None = None, today: dt.date | None = None
) -> ImportPlan:
    """Read one file and return what importing it would store; raise ReportError if it cannot be.

    `today` gives a year to dates written without one when the text has none (default: today).
    """
    overrides = overrides or Overrides()
    doc = read_document(path)
    if doc.minutes is not None:
        return _structured_plan(own_minutes(doc), registry, overrides)
    if doc.format == "structured":
        return _structured_plan(doc, registry, overrides)
    reading = _read_free(doc, registry, overrides, today or dt.date.today())
    facts = _apply_overrides(reading, overrides, registry, doc.source)
    return _plan_from(facts, reading, doc)


def extraction_of(
    path: Path | str, registry: Registry, *, overrides: Overrides | None = None, today: dt.date | None = None
) -> Extraction:
    """Read one file into an `Extraction` (for `haicap extract --json`), without requiring
    that a date, commune or item was found: it shows what the reader understood."""
    overrides = overrides or Overrides()
    doc = read_document(path)
    if doc.minutes is not None:
        doc = own_minutes(doc)
    if doc.data is not None:
        report = _structured_plan(doc, registry, overrides).report
        return Extraction(
            date=report.date,
            province=report.province,
            leader=str(report.leader) or None,
            communes=list(report.communes),
            items=[ExtractedItem(i.kind.value, i.text, tuple(c.name for c in i.communes)) for i in report.items],
        )
    reading = _read_free(doc, registry, overrides, today or dt.date.today())
    return _apply_overrides(reading, overrides, registry, doc.source)


class StoredSessions(Protocol):
    """What `match_stored_session` asks of a store (`haicap.store.Store` answers it; ingest
    imports nothing of the store's database)."""

    def same_session(self, report: SessionReport) -> Session | None:
        """The stored session `report` reports too, or None."""
        ...

    def session_texts(self, session_id: str) -> set[str]:
        """The normalised texts of the session's live items."""
        ...


def match_stored_session(plan: ImportPlan, store: StoredSessions) -> ImportPlan:
    """The plan as an addition to the stored session it reports too, if there is one
    (same date, province and leader, communes in common): lines whose text that session
    already holds are marked known and will be skipped. Otherwise the plan unchanged."""
    if plan.copy is not None:
        return plan  # a copy keeps its own session id (see store.db.importing)
    session = store.same_session(plan.report)
    if session is None:
        return plan.with_match(None)
    there = store.session_texts(session.id)
    known = frozenset(i for i, line in enumerate(plan.lines) if line.taken and already_there(line.text, there))
    where, day = session.source or session.title, f"{session.date:%d/%m/%Y}"
    label = f"{session.id} ({where})" if day in where else f"{session.id} ({where}, {day})"
    return plan.with_match(SessionMatch(session.id, label, known))


def read_as_import(body: str, registry: Registry, today: dt.date | None = None) -> Extraction:
    """Read the body of a text file as `haicap import` does (headings of reports and minutes
    decide the kind of what is under them), for `haicap eval --as-import`."""
    doc = Document(source="<body>", format="text", blocks=text_blocks(body, markdown=False), encoding="UTF-8")
    # The body has no front matter: the devset keeps it in the file's header.
    return _read_free(doc, registry, Overrides(), today or dt.date.today(), front_matter=False).extraction
