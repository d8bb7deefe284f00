"""Domain objects the store hands out: provinces, communes, sessions and report items.

They are frozen dataclasses: the UI reads them and never sees the rows they came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

from haicap.store.domain.i18n import N_, _, pgettext
from haicap.store.domain.tracking import Tracking

__all__ = ["TRACKED_KINDS", "Commune", "CommuneSummary", "CommuneView", "Item", "Kind", "Person", "Province", "Session"]


class Kind(str, Enum):
    """The four kinds of content a working session produces, in pane order."""

    ACHIEVEMENT = "achievement"
    DIFFICULTY = "difficulty"
    REQUEST = "request"
    DIRECTIVE = "directive"

    @property
    def title_vi(self) -> str:
        """The Vietnamese heading officers use for this kind."""
        return _TITLES_VI[self]

    @property
    def title_en(self) -> str:
        """The English heading of this kind."""
        return _TITLES_EN[self]

    @property
    def title(self) -> str:  # type: ignore[override]  # the pane heading; a kind is never title-cased as a str
        """The heading shown on panes, in the language spoken now: "Kết quả" (or "Achievements")."""
        return _(self.title_en)

    @property
    def singular(self) -> str:
        """The kind of one item, in the language spoken now: "Kiến nghị" ("Request"), for a
        table's row or a slide's line about one item."""
        return {
            Kind.ACHIEVEMENT: pgettext("one item", "Achievement"),
            Kind.DIFFICULTY: pgettext("one item", "Difficulty"),
            Kind.REQUEST: pgettext("one item", "Request"),
            Kind.DIRECTIVE: pgettext("one item", "Directive"),
        }[self]


TRACKED_KINDS: tuple[Kind, ...] = (Kind.REQUEST, Kind.DIRECTIVE)
"""The kinds that are followed up (owner, deadline, status): requests and directives.
Achievements and difficulties are recorded, never tracked."""

_TITLES_VI = {
    Kind.ACHIEVEMENT: "Kết quả",
    Kind.DIFFICULTY: "Khó khăn",
    Kind.REQUEST: "Kiến nghị",
    Kind.DIRECTIVE: "Chỉ đạo",
}
_TITLES_EN = {
    Kind.ACHIEVEMENT: N_("Achievements"),
    Kind.DIFFICULTY: N_("Difficulties"),
    Kind.REQUEST: N_("Requests"),
    Kind.DIRECTIVE: N_("Directives"),
}


@dataclass(frozen=True)
class Province:
    """A province or centrally-run city (one of 34 since 1 July 2025)."""

    code: str
    """Two-digit official code, e.g. "38" for Thanh Hóa."""
    name: str
    """Short name without the unit word: "Thanh Hóa", "Hồ Chí Minh"."""
    full_name: str
    """Official name with the unit word: "Tỉnh Thanh Hóa", "Thành phố Hồ Chí Minh"."""


@dataclass(frozen=True)
class Commune:
    """A commune-level unit: xã, phường or đặc khu. Keyed by its official code."""

    code: str
    """Five-digit official code; unique across the country (names are not)."""
    type: str
    """"xã", "phường" or "đặc khu"."""
    name: str
    """The name without its type word: "Ngọc Trạo"."""
    province: Province
    """The province the commune belongs to."""

    @property
    def label(self) -> str:
        """Type and name as written in reports: "xã Ngọc Trạo"."""
        return f"{self.type} {self.name}"


@dataclass(frozen=True)
class Person:
    """A leader or participant of a session, with the titles the article gives."""

    name: str
    title: str = ""

    def __str__(self) -> str:
        return f"{self.name} ({self.title})" if self.title else self.name


@dataclass(frozen=True)
class Session:
    """A working session of a provincial leader with one or more communes."""

    id: str
    """Stable identifier derived from the session's content."""
    date: dt.date
    province: Province
    leader: Person
    title: str
    source: str
    """Where the report comes from: outlet, document, URL."""
    commune_codes: tuple[str, ...]
    participants: tuple[Person, ...] = ()
    also_reported_by: tuple[str, ...] = ()
    """Other outlets' reports of the same session whose new sentences were added to it."""


# slots: a national store holds 300,000 of them; without a __dict__ each is a third the size.
@dataclass(frozen=True, slots=True)
class Item:
    """One piece of content of a session: an achievement, difficulty, request or directive."""

    id: str
    kind: Kind
    text: str
    """The verbatim sentence or clause from the report (NFC, whitespace collapsed)."""
    session: Session
    commune_codes: tuple[str, ...]
    """The communes this item applies to (a subset of the session's)."""
    tracking: Tracking = Tracking()  # noqa: RUF009  # frozen, so one shared empty instance is safe (and saves one per item)
    """Follow-up fields (requests and directives); see `store.domain.followup` for the state."""
    deleted: bool = False
    """Deleted by an officer: kept, with its history, so it can be restored."""
    added_by_hand: bool = False
    """Added by an officer rather than read from the session's report."""
    revision: int = 0
    """How many changes officers have made to it: a save that saw an older revision meets
    someone else's change (see `store.db.editing.EditConflict`)."""


@dataclass(frozen=True)
class CommuneView:
    """Everything the store knows about one commune, ready for the four panes."""

    commune: Commune
    sessions: tuple[Session, ...]
    """Sessions covering the commune, newest first."""
    items: dict[Kind, tuple[Item, ...]] = field(default_factory=dict)
    """Items per kind, newest session first, then in report order."""

    def of_kind(self, kind: Kind) -> tuple[Item, ...]:
        """Return the items of `kind` (empty when there are none)."""
        return self.items.get(kind, ())


@dataclass(frozen=True)
class CommuneSummary:
    """A commune with the counts the commune list shows."""

    commune: Commune
    session_count: int
    item_count: int

    @property
    def has_reports(self) -> bool:
        """Whether any session covers this commune."""
        return self.session_count > 0
