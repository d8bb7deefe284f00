"""The slides of a presentation of a session or of a commune, without any screen.

A `Deck` holds what a presentation says: a title, then parts (the items of one kind for
one group of communes), then the follow-up part (open requests and directives). It does
not know how big the screen is: `Deck.paginate` cuts each part into slides for a given
number of rows, asking the caller how many rows each entry takes at its width. The
screen paginates again whenever the terminal is resized.

Items a report gives to several communes are shown once, under the group of communes
they belong to (usually "all communes of the session"), rather than repeated per commune:
the room would otherwise see the same directives three times.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from typing import TYPE_CHECKING

from haicap.store.domain.dates import format_date
from haicap.store.domain.followup import DeadlineRules, follow_up
from haicap.store.domain.i18n import N_, _, ngettext, pgettext
from haicap.store.domain.models import Commune, CommuneView, Item, Kind, Session

if TYPE_CHECKING:
    from haicap.store.db.database import Store

__all__ = [
    "Deck",
    "Entry",
    "Part",
    "Slide",
    "SlideKind",
    "TitleFacts",
    "commune_deck",
    "deck_of_commune",
    "deck_of_session",
    "find_again",
    "first_slide_of",
    "items_of_session",
    "session_deck",
]

FOLLOW_UP_HEADING = ("Việc cần theo dõi", N_("Open requests and directives"))
"""The closing part's heading, Vietnamese and English (the English is its message: see
`Part.heading`)."""


class SlideKind(str, Enum):
    """What a slide shows."""

    TITLE = "title"
    ITEMS = "items"
    CLOSING = "closing"


@dataclass(frozen=True)
class Entry:
    """One block of a slide: an item's text, and a line under it (may be empty)."""

    item_id: str
    text: str
    """The item's text as the report wrote it."""
    detail: str = ""
    """Follow-up facts or the session, e.g. "Mới tiếp nhận · chưa giao · hạn 04/01/2026"."""
    overdue: str = ""
    """"⚠ quá hạn 12 ngày" when the item is overdue, else empty."""
    due_soon: str = ""
    """"◷ sắp đến hạn, còn 3 ngày" when the item is due soon (on the follow-up slide), else empty."""


@dataclass(frozen=True)
class Part:
    """A run of entries under one heading: one kind for one group of communes, or the follow-up."""

    key: str
    """Stable name of the part ("items:15250,15190:directive"), to find it again after a resize."""
    kind: Kind | None
    """The kind of its items; None for the follow-up part."""
    heading_vi: str
    heading_en: str
    """The heading in English, which is also its message in the catalogue: `heading` shows it."""
    where: str
    """The communes the part is about: "xã Ngọc Trạo", or "Chung · xã A, xã B, xã C"
    ("Common · …" in English)."""
    commune_codes: tuple[str, ...]
    entries: tuple[Entry, ...]

    @property
    def heading(self) -> str:
        """The heading in the language spoken now: "Chỉ đạo" ("Directives")."""
        return _(self.heading_en)


@dataclass(frozen=True)
class TitleFacts:
    """What the title slide says."""

    kicker: str
    """The line above the heading: "Phiên làm việc" ("Working session"), in the language
    spoken when the deck was made."""
    heading: str
    lines: tuple[str, ...]
    """Leader, date and province, communes: one fact per line."""
    counts: tuple[tuple[Kind, int], ...]
    """How many items of each kind, in pane order."""


@dataclass(frozen=True)
class Slide:
    """One screenful: the title, a page of a part, or a page of the follow-up."""

    kind: SlideKind
    part: Part | None = None
    """The part this slide is a page of (None for the title)."""
    entries: tuple[Entry, ...] = ()
    first: int = 0
    """Index in the part of the first entry shown (numbers continue across pages)."""
    page: int = 1
    pages: int = 1


@dataclass(frozen=True)
class Deck:
    """A presentation before it is cut to a screen size."""

    title: TitleFacts
    context: str
    """A short reminder shown on every slide: "25/11/2025 · Trịnh Tuấn Sinh"."""
    communes: tuple[Commune, ...]
    """The communes presented, in the report's order (the `c` key lists them)."""
    parts: tuple[Part, ...]
    """The item parts, in order, then the follow-up part last."""

    def paginate(self, rows_of: Callable[[Entry], int], rows: int | Callable[[Part], int]) -> tuple[Slide, ...]:
        """Cut the deck into slides: a page of a part has `rows` rows (or `rows(part)`), and
        `rows_of(entry)` gives the rows an entry takes with its spacing. An entry taller than
        a page gets a page of its own. Pages of a part are balanced, so the last one is not
        a lone item."""
        slides = [Slide(SlideKind.TITLE)]
        for part in self.parts:
            kind = SlideKind.CLOSING if part.kind is None else SlideKind.ITEMS
            heights = [max(1, rows_of(entry)) for entry in part.entries]
            room = rows(part) if callable(rows) else rows
            pages = _balanced_pages(heights, max(1, room)) or [(0, 0)]
            for number, (start, end) in enumerate(pages, start=1):
                slides.append(Slide(kind, part, part.entries[start:end], start, number, len(pages)))
        return tuple(slides)


def first_slide_of(slides: Sequence[Slide], commune_code: str) -> int | None:
    """Index of the first slide about `commune_code` alone; when it has none, of the first
    slide of a group naming it (the shared parts); None when no slide names it."""
    about = [(index, slide.part) for index, slide in enumerate(slides) if slide.kind is SlideKind.ITEMS and slide.part]
    alone = [index for index, part in about if part.commune_codes == (commune_code,)]
    shared = [index for index, part in about if commune_code in part.commune_codes]
    return (alone or shared)[0] if alone or shared else None


def find_again(slides: Sequence[Slide], old: Slide) -> int:
    """Index in `slides` (a new pagination) of the slide showing what `old` showed first."""
    for index, slide in enumerate(slides):
        if old.part is None:
            if slide.kind is old.kind:
                return index
        elif (
            slide.part is not None
            and slide.part.key == old.part.key
            and slide.first <= old.first < slide.first + max(1, len(slide.entries))
        ):
            return index
    return 0


def _greedy(heights: Sequence[int], capacity: int) -> list[tuple[int, int]]:
    pages: list[tuple[int, int]] = []
    start, used = 0, 0
    for index, height in enumerate(heights):
        if index > start and used + height > capacity:
            pages.append((start, index))
            start, used = index, 0
        used += height
    if heights:
        pages.append((start, len(heights)))
    return pages


def _balanced_pages(heights: Sequence[int], rows: int) -> list[tuple[int, int]]:
    """As few pages as greedy filling gives, with the smallest page height that still gives them."""
    pages = _greedy(heights, rows)
    low = max(heights, default=1)
    if low >= rows:
        return pages
    # Smallest capacity keeping the page count: the pages come out evenly filled.
    best, high = rows, rows
    while low <= high:
        middle = (low + high) // 2
        if len(_greedy(heights, middle)) <= len(pages):
            best, high = middle, middle - 1
        else:
            low = middle + 1
    return _greedy(heights, best)


# -- building decks -------------------------------------------------------------------


def _counts(items: Iterable[Item]) -> tuple[tuple[Kind, int], ...]:
    listed = list(items)
    return tuple((kind, sum(1 for item in listed if item.kind is kind)) for kind in Kind)


def _where(codes: tuple[str, ...], communes: Sequence[Commune], everyone: tuple[str, ...]) -> str:
    labels = [c.label for c in communes if c.code in codes] or list(codes)
    if len(everyone) > 1 and set(codes) >= set(everyone):
        return _("Common · {communes}").format(communes=", ".join(labels))
    return ", ".join(labels)


def _item_parts(
    items: Sequence[Item], communes: Sequence[Commune], detail: Callable[[Item], str], overdue: Callable[[Item], str]
) -> list[Part]:
    """Parts per group of communes (in the order groups first appear), then per kind."""
    everyone = tuple(c.code for c in communes)
    order = {code: index for index, code in enumerate(everyone)}
    groups: dict[tuple[str, ...], list[Item]] = {}
    for item in items:
        codes = tuple(sorted((c for c in item.commune_codes if c in order), key=order.__getitem__)) or everyone
        groups.setdefault(codes, []).append(item)
    # Items for all communes first (they are usually the leader's general conclusions and the
    # shared report), then each commune or group in the report's order.
    ordered = sorted(groups, key=lambda codes: (set(codes) != set(everyone), [order[c] for c in codes]))
    parts = []
    for codes in ordered:
        where = _where(codes, communes, everyone)
        for kind in Kind:
            entries = tuple(Entry(item.id, item.text, detail(item), overdue(item)) for item in groups[codes] if item.kind is kind)
            if entries:
                key = f"items:{','.join(codes)}:{kind.value}"
                parts.append(Part(key, kind, kind.title_vi, kind.title_en, where, codes, entries))
    return parts


def _follow_up_part(items: Sequence[Item], today: dt.date, rules: DeadlineRules, where: str, codes: tuple[str, ...]) -> Part:
    """Open requests and directives: overdue first (latest first), then by deadline, requests first."""
    rows = []
    for position, item in enumerate(items):
        state = follow_up(item, today, rules)
        if state is None or not state.is_open:
            continue
        owner = item.tracking.owner or _("not assigned")
        facts = [item.kind.singular, state.label, owner]
        if state.deadline:
            facts.append(_("due {date}").format(date=format_date(state.deadline)))
        marks = (state.mark, "") if state.overdue else ("", state.mark)
        entry = Entry(item.id, item.text, " · ".join(facts), *marks)
        deadline = state.deadline or dt.date.max
        rows.append(((-state.late_days, deadline, list(Kind).index(item.kind), position), entry))
    entries = tuple(entry for _key, entry in sorted(rows, key=lambda row: row[0]))
    return Part("follow-up", None, *FOLLOW_UP_HEADING, where, codes, entries)


def _marker(today: dt.date, rules: DeadlineRules) -> Callable[[Item], str]:
    def mark(item: Item) -> str:
        state = follow_up(item, today, rules)
        return state.mark if state and state.overdue else ""

    return mark


def session_deck(
    session: Session, communes: Sequence[Commune], items: Iterable[Item], today: dt.date, rules: DeadlineRules | None = None
) -> Deck:
    """The presentation of one session: `items` are its live items (others are ignored)."""
    rules = rules or DeadlineRules()
    mine = _unique(item for item in items if item.session.id == session.id and not item.deleted)
    leader = session.leader
    lines = [f"{leader.name} — {leader.title}" if leader.title else leader.name]
    if session.participants:
        lines.append(_("Also present: {names}").format(names=", ".join(person.name for person in session.participants)))
    lines.append(f"{format_date(session.date)} · {session.province.full_name}")
    lines.append(" · ".join(c.label for c in communes))
    title = TitleFacts(
        pgettext("slide", "Working session"),
        session.title or session.province.full_name,
        tuple(line for line in lines if line),
        _counts(mine),
    )
    context = " · ".join(p for p in (format_date(session.date), leader.name) if p)
    parts = _item_parts(mine, communes, lambda item: "", _marker(today, rules))
    codes = tuple(c.code for c in communes)
    parts.append(_follow_up_part(mine, today, rules, ", ".join(c.label for c in communes), codes))
    return Deck(title, context, tuple(communes), tuple(parts))


def commune_deck(report: CommuneView, today: dt.date, rules: DeadlineRules | None = None) -> Deck:
    """The presentation of one commune over all its sessions, each item with its session."""
    rules = rules or DeadlineRules()
    commune = report.commune
    mine = _unique(item for kind in Kind for item in report.of_kind(kind) if not item.deleted)
    sessions = report.sessions
    lines = [commune.province.full_name]
    if sessions:
        newest, count = sessions[0], len(sessions)
        lines.append(
            ngettext(
                "{count} working session, the newest {date} · {leader}",
                "{count} working sessions, the newest {date} · {leader}",
                count,
            ).format(count=count, date=format_date(newest.date), leader=newest.leader.name)
        )
    title = TitleFacts(pgettext("slide", "Commune"), commune.label, tuple(lines), _counts(mine))
    several = len(sessions) > 1

    def session_of(item: Item) -> str:
        # With one session every item says the same; the footer says it once.
        return f"{format_date(item.session.date)} · {item.session.leader.name}" if several else ""

    # Every item is shown under this commune alone, even one the report shared.
    alone = [_only(item, commune.code) for item in mine]
    parts = _item_parts(alone, [commune], session_of, _marker(today, rules))
    parts.append(_follow_up_part(mine, today, rules, commune.label, (commune.code,)))
    context = commune.label if several or not sessions else f"{commune.label} · {format_date(sessions[0].date)}"
    return Deck(title, context, (commune,), tuple(parts))


def _only(item: Item, code: str) -> Item:
    return replace(item, commune_codes=(code,))


def _unique(items: Iterable[Item]) -> list[Item]:
    """`items` without repeats (a shared item is listed under each of its communes)."""
    seen: set[str] = set()
    unique = []
    for item in items:
        if item.id not in seen:
            seen.add(item.id)
            unique.append(item)
    return unique


def items_of_session(view_of: Callable[[Commune], CommuneView], communes: Sequence[Commune], session: Session) -> list[Item]:
    """The live items of `session`, collected from its communes' views, in report order."""
    found = _unique(
        item for commune in communes for kind in Kind for item in view_of(commune).of_kind(kind) if item.session.id == session.id
    )
    return sorted(found, key=lambda item: _order(item.id))


def _order(item_id: str) -> tuple[int, str]:
    # Item ids end with their position in the report ("cdb5ed9f-07").
    tail = item_id.rsplit("-", 1)[-1]
    return (int(tail), item_id) if tail.isdigit() else (1 << 30, item_id)


# -- from the store -------------------------------------------------------------------


def deck_of_session(store: Store, session: Session, today: dt.date) -> Deck:
    """The presentation of `session` as the store holds it now."""
    communes = store.communes_of_session(session)
    return session_deck(session, communes, items_of_session(store.commune_view, communes, session), today, store.deadline_rules)


def deck_of_commune(store: Store, commune: Commune, today: dt.date) -> Deck:
    """The presentation of `commune` over all its sessions."""
    return commune_deck(store.commune_view(commune), today, store.deadline_rules)
