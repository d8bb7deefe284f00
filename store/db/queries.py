"""Reading a store: provinces and communes, sessions, items, history; by id or id prefix, filtered, searched.

`StoreQueries` answers from the national summary (counts), the indexes of the provinces
it loads for the question (`store.db.content`) and the registry; the history is read from
the `history` table of the item's province file. It changes nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from typing import TypeVar

from haicap.store.db.content import StoreContent
from haicap.store.db.history_log import entries
from haicap.store.db.indexes import Indexes
from haicap.store.db.summary import Counts
from haicap.store.domain.errors import StoreError
from haicap.store.domain.history import HistoryEntry
from haicap.store.domain.i18n import _
from haicap.store.domain.models import Commune, CommuneSummary, CommuneView, Item, Kind, Province, Session
from haicap.store.domain.text import fold, matches
from haicap.store.ingest.reports import SessionReport

__all__ = ["DEFAULT_PROVINCE", "MIN_ID_PREFIX", "StoreQueries", "by_id_or_prefix", "session_of"]

MIN_ID_PREFIX = 4
"""Shortest id prefix accepted where an item id is typed."""

DEFAULT_PROVINCE = "Thanh Hóa"
"""Province shown when the store has no sessions to suggest one."""

Found = TypeVar("Found")


def by_id_or_prefix(table: Mapping[str, Found], text: str, noun: str, hint: str) -> Found:
    """The value of `table` whose id is `text`, or the only one whose id starts with it
    (at least MIN_ID_PREFIX characters); StoreError naming the reason otherwise."""
    wanted = text.strip()
    if wanted in table:
        return table[wanted]
    found = [table[key] for key in table if key.startswith(wanted)] if len(wanted) >= MIN_ID_PREFIX else []
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
    """Everything the UI and the command line read from a store (see `Store` for each).

    A question about one province loads that province's file only; the counts of the
    commune list and the overview come from the national summary; a question about the
    whole country goes through the provinces one after another (`each_province`)."""

    def __init__(self, content: StoreContent) -> None:
        self._content = content
        self._indexes = content.indexes
        self._registry = content.indexes.registry

    # -- provinces and communes -------------------------------------------------------

    def default_province(self) -> Province:
        """The province of the newest session, or Thanh Hóa when the store is empty."""
        sessions = self._content.session_dates()
        if sessions:
            newest = max(sessions.items(), key=lambda pair: (pair[1][0], pair[0]))
            found = self._registry.find_province(newest[1][1])
            if found is not None:
                return found
        province = self._registry.find_province(DEFAULT_PROVINCE)
        assert province is not None, "the registry always holds Thanh Hóa"
        return province

    def session_counts_by_province(self) -> Counter[str]:
        """How many sessions each province has, keyed by province code (from the summary)."""
        return Counter({code: len(row.get("sessions") or {}) for code, row in self._content.summary_rows().items()})

    def session_count(self) -> int:
        """How many sessions the store holds (from the summary)."""
        return len(self._content.session_dates())

    def commune_summaries(self, province: Province) -> list[CommuneSummary]:
        """Every commune of `province` in alphabetical order, with its session and item counts."""
        counts = self._content.commune_counts(province.code)
        empty = Counts()
        return [
            CommuneSummary(
                commune=commune,
                session_count=counts.get(commune.code, empty).sessions,
                item_count=counts.get(commune.code, empty).items,
            )
            for commune in self._registry.communes_of(province)
        ]

    def search_communes(self, province: Province, query: str) -> list[CommuneSummary]:
        """The communes of `province` whose type and name match `query`, diacritics and case ignored."""
        return [s for s in self.commune_summaries(province) if matches(query, s.commune.label)]

    def commune_view(self, commune: Commune) -> CommuneView:
        """Everything about `commune`: its sessions (newest first) and its items per kind."""
        self._content.load(commune.province.code)
        items = self._indexes.commune_items(commune.code)
        return CommuneView(
            commune=commune,
            sessions=self._indexes.commune_sessions(commune.code),
            items={kind: tuple(i for i in items if i.kind is kind) for kind in Kind},
        )

    # -- sessions ---------------------------------------------------------------------

    def session(self, session_id: str) -> Session | None:
        """The session with this id, or None."""
        code = self._content.province_of_session(session_id)
        if code is None:
            return None
        self._content.load(code)
        return self._indexes.sessions.get(session_id)

    def sessions(self) -> tuple[Session, ...]:
        """All sessions, newest first (every province is loaded)."""
        self._content.load_all()
        return tuple(sorted(self._indexes.sessions.values(), key=lambda s: (s.date, s.id), reverse=True))

    def sessions_of(self, province: Province) -> tuple[Session, ...]:
        """The sessions of `province`, newest first (its file only is read)."""
        self._content.load(province.code)
        sessions = self._indexes.province_sessions(province.code)
        return tuple(sorted(sessions, key=lambda s: (s.date, s.id), reverse=True))

    def latest_session(self) -> Session | None:
        """The newest session, or None in an empty store."""
        sessions = self._content.session_dates()
        if not sessions:
            return None
        newest = max(sessions.items(), key=lambda pair: (pair[1][0], pair[0]))
        return self.session(newest[0])

    def start_commune(self, province: Province) -> Commune | None:
        """The first commune of `province`'s newest session (where the dashboard starts), from
        the national summary: no province file is read."""
        own = [(day, sid, first) for sid, (day, code, first) in self._content.session_dates().items() if code == province.code]
        for _day, _sid, first in sorted(own, reverse=True):
            commune = self._registry.commune(first) if first else None
            if commune is not None:
                return commune
        return None

    def communes_of_session(self, session: Session) -> tuple[Commune, ...]:
        """The communes a session covers, in the report's order."""
        return tuple(c for c in (self._registry.commune(code) for code in session.commune_codes) if c)

    def communes_of_item(self, item: Item) -> tuple[Commune, ...]:
        """The communes an item is about, in the report's order (codes the registry lacks left out)."""
        return tuple(c for c in (self._registry.commune(code) for code in item.commune_codes) if c)

    def find_session(self, text: str) -> Session:
        """The session whose id is `text` or starts with it (at least 4 characters)."""
        self._load_prefix(text.strip())
        return by_id_or_prefix(self._indexes.sessions, text, "session", _(" (haicap items --json shows session ids)"))

    def same_session(self, report: SessionReport) -> Session | None:
        """A stored session that `report` reports too (same date and province, communes in
        common, the same leader or one of them naming none): the newest such, or None."""
        self._content.load(report.province.code)
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
        # Here, not at the top: it brings in the reader, which commands that never import
        # (set, items) need not load.
        from haicap.store.ingest.import_plan import normalised

        session = self.session(session_id)
        if session is None:
            return set()
        return {
            normalised(item.text)
            for item in self._indexes.province_items(session.province.code)
            if item.session.id == session_id and not item.deleted
        }

    # -- items ------------------------------------------------------------------------

    def item(self, item_id: str) -> Item | None:
        """The item with this exact id (deleted ones included), or None."""
        code = self._content.province_of_session(session_of(item_id))
        if code is None:
            return None
        self._content.load(code)
        return self._indexes.item(item_id)

    def find_item(self, text: str) -> Item:
        """The item whose id is `text` or starts with it (at least 4 characters)."""
        self._load_prefix(session_of(text.strip()))
        return by_id_or_prefix(_ItemsById(self._indexes), text, "item", "")

    def items(
        self,
        *,
        commune_codes: tuple[str, ...] | None = None,
        province_code: str | None = None,
        kinds: tuple[Kind, ...] | None = None,
    ) -> list[Item]:
        """Live (not deleted) items, newest session first, filtered by communes, province, kinds.

        Only the provinces asked about are loaded (every one when neither communes nor a
        province is given)."""
        if province_code:
            codes = [province_code]
        elif commune_codes:
            codes = sorted({c.province.code for c in map(self._registry.commune, commune_codes) if c is not None})
        else:
            codes = self._content.codes()
        result: list[Item] = []
        for code in codes:
            self._content.load(code)
            if commune_codes and len(commune_codes) == 1:
                # A commune's items are indexed: its panes, `haicap items --commune X`.
                result.extend(self._filtered(list(self._indexes.commune_items(commune_codes[0])), None, kinds))
                continue
            result.extend(self._filtered(self._indexes.province_items(code), commune_codes, kinds))
        return result

    def each_province(self, kinds: tuple[Kind, ...] | None = None) -> Iterator[tuple[str, list[Item]]]:
        """The live items of every province, one province at a time (see `_one_by_one`)."""
        return self._one_by_one(lambda code: self._filtered(self._indexes.province_items(code), None, kinds))

    def search_items(self, query: str) -> list[Item]:
        """Live items whose text contains every word of `query`, diacritics and case ignored
        (province by province: see `each_matching`)."""
        return [item for _code, items in self.each_matching(query) for item in items]

    def each_matching(self, query: str) -> Iterator[tuple[str, list[Item]]]:
        """(province code, its live items whose text holds every word of `query`) for every
        province with data, one at a time, as `each_province` (nothing for an empty query)."""
        words = fold(query).split()
        if not words:
            return iter(())
        return self._one_by_one(lambda code: self._indexes.matching(code, words))

    def _one_by_one(self, pick: Callable[[str], list[Item]]) -> Iterator[tuple[str, list[Item]]]:
        """(code, `pick(code)`) for every province with data: a province loaded only for
        this is let go once its items are handed out, so a pass over the whole country
        holds one province in memory, not 34."""
        for code in self._content.codes():
            was_loaded = code in self._indexes.loaded
            self._content.load(code)
            found = pick(code)
            if not was_loaded:
                self._content.release(code)
            yield code, found

    @staticmethod
    def _filtered(source: list[Item], commune_codes: tuple[str, ...] | None, kinds: tuple[Kind, ...] | None) -> list[Item]:
        wanted = set(commune_codes or ())
        return [
            item
            for item in source
            if not item.deleted
            and (not kinds or item.kind in kinds)
            and (not wanted or not wanted.isdisjoint(item.commune_codes))
        ]

    def _load_prefix(self, prefix: str) -> None:
        """Load the provinces that hold a session whose id starts with `prefix` (or is its start)."""
        if len(prefix) < MIN_ID_PREFIX:
            return
        for code in self._content.provinces_of_prefix(prefix):
            self._content.load(code)

    # -- history ----------------------------------------------------------------------

    def history(self, item_id: str) -> list[HistoryEntry]:
        """Every recorded change of the item, oldest first."""
        code = self._content.province_of_session(session_of(item_id))
        if code is None:
            return []
        rows = self._content.provinces.file(code).rows()
        return sorted(entries(rows, item_id), key=lambda e: (e.revision, e.when))

    def province_history(self, province_code: str) -> dict[str, list[HistoryEntry]]:
        """Every recorded change of the province's items, by item id, each oldest first
        (one read of the file: a report of a period asks about every item at once)."""
        rows = self._content.provinces.file(province_code).rows()
        found: dict[str, list[HistoryEntry]] = {}
        for entry in entries(rows):
            found.setdefault(entry.item_id, []).append(entry)
        for item_entries in found.values():
            item_entries.sort(key=lambda e: (e.revision, e.when))
        return found

    def last_change(self) -> HistoryEntry | None:
        """The newest history entry of the whole store (to say who changed what)."""
        return self._content.last_change()


class _ItemsById(Mapping[str, Item]):
    """The loaded items by id, built only when looked up (see `Indexes.item`)."""

    def __init__(self, indexes: Indexes) -> None:
        self._indexes = indexes

    def __getitem__(self, item_id: str) -> Item:
        item = self._indexes.item(item_id)
        if item is None:
            raise KeyError(item_id)
        return item

    def __contains__(self, item_id: object) -> bool:
        return isinstance(item_id, str) and self._indexes.item(item_id) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._indexes.item_ids())

    def __len__(self) -> int:
        return len(self._indexes.item_ids())


def session_of(item_id: str) -> str:
    """The session part of an item id ("70a7ce85-31" → "70a7ce85"; a session id stays itself)."""
    return item_id.split("-", 1)[0]
