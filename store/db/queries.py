"""Reading a store: provinces and communes, sessions, items, history; by id or id prefix, filtered, searched.

`StoreQueries` answers from the store's in-memory indexes (`store.db.indexes`) and the
registry, except the history, which is read from the store file's `history` table. It
changes nothing.
"""

from __future__ import annotations

from collections import Counter
from typing import TypeVar

from haicap.store.db.history_log import entries, newest
from haicap.store.db.indexes import Indexes
from haicap.store.db.store_file import StoreFile
from haicap.store.domain.errors import StoreError
from haicap.store.domain.history import HistoryEntry
from haicap.store.domain.i18n import _
from haicap.store.domain.models import Commune, CommuneSummary, CommuneView, Item, Kind, Province, Session
from haicap.store.domain.text import fold, matches
from haicap.store.ingest.import_plan import normalised
from haicap.store.ingest.reports import SessionReport

__all__ = ["DEFAULT_PROVINCE", "MIN_ID_PREFIX", "StoreQueries", "by_id_or_prefix"]

MIN_ID_PREFIX = 4
"""Shortest id prefix accepted where an item id is typed."""

DEFAULT_PROVINCE = "Thanh Hóa"
"""Province shown when the store has no sessions to suggest one."""

Found = TypeVar("Found")


def by_id_or_prefix(table: dict[str, Found], text: str, noun: str, hint: str) -> Found:
    """The value of `table` whose id is `text`, or the only one whose id starts with it
    (at least MIN_ID_PREFIX characters); StoreError naming the reason otherwise."""
    wanted = text.strip()
    if wanted in table:
        return table[wanted]
    found = [value for key, value in table.items() if key.startswith(wanted)] if len(wanted) >= MIN_ID_PREFIX else []
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        if noun == "session":
            ambiguous = _("session id '{id}' is ambiguous ({count} sessions start with it); give more of it")
        elif noun == "item":
            ambiguous = _("item id '{id}' is ambiguous ({count} items start with it); give more of it")
        else:
            ambiguous = _("{noun} id '{id}' is ambiguous ({count} start with it); give more of it")
        raise StoreError(ambiguous.format(noun=noun, id=wanted, count=len(found)))
    if noun == "session":
        missing = _("no session with id '{id}'")
    elif noun == "item":
        missing = _("no item with id '{id}'")
    else:
        missing = _("no {noun} with id '{id}'")
    raise StoreError(missing.format(noun=noun, id=wanted) + hint)


class StoreQueries:
    """Everything the UI and the command line read from a store (see `Store` for each)."""

    def __init__(self, indexes: Indexes, file: StoreFile) -> None:
        self._indexes = indexes
        self._file = file
        self._registry = indexes.registry

    # -- provinces and communes -------------------------------------------------------

    def default_province(self) -> Province:
        """The province of the newest session, or Thanh Hóa when the store is empty."""
        latest = self.latest_session()
        if latest is not None:
            return latest.province
        province = self._registry.find_province(DEFAULT_PROVINCE)
        assert province is not None, "the registry always holds Thanh Hóa"
        return province

    def session_counts_by_province(self) -> Counter[str]:
        """How many sessions each province has, keyed by province code."""
        return Counter(session.province.code for session in self._indexes.sessions.values())

    def commune_summaries(self, province: Province) -> list[CommuneSummary]:
        """Every commune of `province` in alphabetical order, with its session and item counts."""
        return [
            CommuneSummary(
                commune=commune,
                session_count=len(self._indexes.sessions_by_commune.get(commune.code, ())),
                item_count=len(self._indexes.items_by_commune.get(commune.code, ())),
            )
            for commune in self._registry.communes_of(province)
        ]

    def search_communes(self, province: Province, query: str) -> list[CommuneSummary]:
        """The communes of `province` whose type and name match `query`, diacritics and case ignored."""
        return [s for s in self.commune_summaries(province) if matches(query, s.commune.label)]

    def commune_view(self, commune: Commune) -> CommuneView:
        """Everything about `commune`: its sessions (newest first) and its items per kind."""
        items = self._indexes.items_by_commune.get(commune.code, ())
        return CommuneView(
            commune=commune,
            sessions=self._indexes.sessions_by_commune.get(commune.code, ()),
            items={kind: tuple(i for i in items if i.kind is kind) for kind in Kind},
        )

    # -- sessions ---------------------------------------------------------------------

    def session(self, session_id: str) -> Session | None:
        """The session with this id, or None."""
        return self._indexes.sessions.get(session_id)

    def sessions(self) -> tuple[Session, ...]:
        """All sessions, newest first."""
        return tuple(sorted(self._indexes.sessions.values(), key=lambda s: (s.date, s.id), reverse=True))

    def latest_session(self) -> Session | None:
        """The newest session, or None in an empty store."""
        ordered = self.sessions()
        return ordered[0] if ordered else None

    def communes_of_session(self, session: Session) -> tuple[Commune, ...]:
        """The communes a session covers, in the report's order."""
        return tuple(c for c in (self._registry.commune(code) for code in session.commune_codes) if c)

    def communes_of_item(self, item: Item) -> tuple[Commune, ...]:
        """The communes an item is about, in the report's order (codes the registry lacks left out)."""
        return tuple(c for c in (self._registry.commune(code) for code in item.commune_codes) if c)

    def find_session(self, text: str) -> Session:
        """The session whose id is `text` or starts with it (at least 4 characters)."""
        return by_id_or_prefix(self._indexes.sessions, text, "session", _(" (haicap items --json shows session ids)"))

    def same_session(self, report: SessionReport) -> Session | None:
        """A stored session that `report` reports too (same date and province, communes in
        common, the same leader or one of them naming none): the newest such, or None."""
        leader = fold(report.leader.name)
        codes = {c.code for c in report.communes}
        same_day = self._indexes.sessions_by_day().get((report.date, report.province.code), [])
        for session in sorted(same_day, key=lambda s: s.id, reverse=True):
            if not codes & set(session.commune_codes):
                continue
            theirs = fold(session.leader.name)
            if leader and theirs and leader != theirs:
                continue
            return session
        return None

    def session_texts(self, session_id: str) -> set[str]:
        """The normalised texts of a session's live items (to tell what another outlet adds)."""
        return {
            normalised(item.text)
            for item in self._indexes.items_by_id.values()
            if item.session.id == session_id and not item.deleted
        }

    # -- items ------------------------------------------------------------------------

    def item(self, item_id: str) -> Item | None:
        """The item with this exact id (deleted ones included), or None."""
        return self._indexes.items_by_id.get(item_id)

    def find_item(self, text: str) -> Item:
        """The item whose id is `text` or starts with it (at least 4 characters)."""
        return by_id_or_prefix(self._indexes.items_by_id, text, "item", "")

    def items(
        self,
        *,
        commune_codes: tuple[str, ...] | None = None,
        province_code: str | None = None,
        kinds: tuple[Kind, ...] | None = None,
    ) -> list[Item]:
        """Live (not deleted) items, newest session first, filtered by communes, province, kinds."""
        result = []
        # A province's items are indexed: the overview asks for each of 34 provinces in turn.
        source = self._indexes.items_by_province.get(province_code, []) if province_code else self._indexes.items_by_id.values()
        for item in source:
            if item.deleted:
                continue
            if kinds and item.kind not in kinds:
                continue
            if province_code and item.session.province.code != province_code:
                continue
            if commune_codes and not set(item.commune_codes) & set(commune_codes):
                continue
            result.append(item)
        return result

    def search_items(self, query: str) -> list[Item]:
        """Live items whose text contains every word of `query`, diacritics and case ignored."""
        words = fold(query).split()
        if not words:
            return []
        return [i for i in self.items() if all(w in fold(i.text) for w in words)]

    # -- history ----------------------------------------------------------------------

    def history(self, item_id: str) -> list[HistoryEntry]:
        """Every recorded change of the item, oldest first."""
        return sorted(entries(self._file.rows(), item_id), key=lambda e: (e.revision, e.when))

    def last_change(self) -> HistoryEntry | None:
        """The newest history entry of the whole store (to say who changed what)."""
        return newest(entries(self._file.rows()))
