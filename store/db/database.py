"""The store facade: the only way the UI reads or writes haicap data.

A store is a folder holding one TinyDB file (`haicap.json`) with three tables:
`meta` (schema version, when seeds were loaded), `sessions` and `items`. The registry of
communes is reference data read from the package (see `store.domain.registry`). Rows never leave
this module: callers get the dataclasses of `store.domain.models`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from haicap.store.db.audit import plural
from haicap.store.db.editing import ItemEditing
from haicap.store.db.indexes import StoreIndexes
from haicap.store.db.locking import LOCK_FILE, WriteLock
from haicap.store.db.maintenance import StoreMaintenance
from haicap.store.db.migrations import SCHEMA_VERSION
from haicap.store.db.safe_files import refuse_unsafe
from haicap.store.db.storage import STORE_FILE, AtomicJSONStorage, file_state, refuse_world_writable
from haicap.store.domain.clock import now
from haicap.store.domain.errors import StoreError
from haicap.store.domain.history import current_user
from haicap.store.domain.models import Commune, CommuneReport, CommuneSummary, Kind, Province, Session
from haicap.store.domain.registry import Registry, load_registry
from haicap.store.domain.text import fold, matches
from haicap.store.ingest.import_plan import already_there, normalised
from haicap.store.ingest.reports import ParsedItem, SessionReport, bundled_reports

__all__ = ["SCHEMA_VERSION", "STORE_FILE", "Store"]

DEFAULT_PROVINCE = "Thanh Hóa"
"""Province shown when the store has no sessions to suggest one."""


class Store(StoreIndexes, ItemEditing, StoreMaintenance):
    """A haicap store: sessions and items over TinyDB, handed out as domain objects.

    Reading and importing live here; changes to single items (follow-up, corrections,
    history) in `store.db.editing.ItemEditing`; backups, restore and schema migration in
    `store.db.maintenance.StoreMaintenance`; the in-memory indexes in `store.db.indexes`."""

    def __init__(
        self,
        db: TinyDB,
        *,
        registry: Registry | None = None,
        location: Path | None = None,
        lock: WriteLock | None = None,
        read_only: bool = False,
    ) -> None:
        self._db = db
        self._lock = lock
        self.read_only = read_only
        """True for a viewer: every change is refused (`--read-only`, or a store this user cannot write)."""
        self.registry = registry or load_registry()
        """The national registry of provinces and communes."""
        self.location = location
        """The store folder, or None for a store in memory."""
        self._seen_state: tuple[int, int, int] | None = None
        """The store file's state when this process last read it (see changed_on_disk)."""
        self._by_day: dict[tuple[dt.date, str], list[Session]] = {}
        self._by_day_of: dict[str, Session] | None = None
        """The sessions index `_by_day` was built from (see `_sessions_by_day`)."""
        self._check_schema()
        self._reindex()

    # -- opening ----------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, registry: Registry | None = None, read_only: bool = False) -> Store:
        """Open the store folder at `path`, creating it (and its parents) when missing.

        With `read_only`, or when this user may not write the folder or its store file, the
        store is opened as a viewer that never writes (and is never created).
        """
        path = Path(path)
        # A link, FIFO or device planted under a store name is refused, never followed.
        refuse_unsafe(path, folder=True)
        store_file = path / STORE_FILE
        refuse_unsafe(store_file)
        refuse_unsafe(path / LOCK_FILE)
        if path.is_dir() and not read_only:
            # The lock file and the temporary file of each write live in the folder.
            writable = os.access(path, os.W_OK) and (not store_file.exists() or os.access(store_file, os.W_OK))
            read_only = not writable
        if read_only:
            if not store_file.exists():
                raise StoreError(f"{path}: no haicap store here to view (read-only: nothing is created)")
        else:
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(f"{path}: cannot create the store folder ({error.strerror or error})") from None
        refuse_world_writable(store_file)
        db = TinyDB(store_file, storage=AtomicJSONStorage)
        lock = None if read_only else WriteLock(path)
        return cls(db, registry=registry, location=path, lock=lock, read_only=read_only)

    @classmethod
    def in_memory(cls, *, registry: Registry | None = None) -> Store:
        """Open an empty store that lives only in memory (for tests and dry runs)."""
        return cls(TinyDB(storage=MemoryStorage), registry=registry)

    @contextlib.contextmanager
    def _writing(self, action: str = "change") -> Iterator[None]:
        """Hold the store's inter-process lock for one read-modify-write named `action`.

        Other haicap processes (officers over SSH, imports) may have written since this one
        last read; if so, the indexes are rebuilt from the file inside the lock: every change
        is computed from what is on disk now and no update is lost. The change reaches the
        file in one write at the end (none if it fails), after the file as it was is kept
        as a backup (see `store.db.backups`). Re-entrant.
        """
        if self.read_only:
            raise StoreError(f"{self.location}: the store is open read-only; changes are refused")
        if self._lock is None:  # in memory: one process only
            yield
            return
        with self._lock.hold() as outermost:
            if not outermost:
                yield
                return
            if self.changed_on_disk():
                self.refresh()
            storage = self._storage()
            storage.sweep_temp_files()  # left by a writer killed mid-write; none can be in use now
            storage.pending_backup = (action, self.backup_count)
            try:
                with storage.deferred():  # the whole change is one write of the file
                    yield
            except BaseException:
                # A change that failed half-way may have edited the kept content without
                # writing it: read the file again, and rebuild the indexes from it.
                storage.forget()
                self.refresh()
                raise
            finally:
                storage.pending_backup = None
                # Our own write is not news for changed_on_disk (no one can write while we hold the lock).
                self._seen_state = self._file_state()

    def changed_on_disk(self) -> bool:
        """Whether another process has written the store since this one last read it (a stat, cheap)."""
        return self.location is not None and self._file_state() != self._seen_state

    def refresh(self) -> None:
        """Read the store file again, e.g. after `changed_on_disk()`."""
        # TinyDB keeps each table's next document id in its Table object; another process
        # may have used those ids since, and an insert would then overwrite its record.
        # Fresh Table objects count again from the file.
        self._db._tables.clear()
        self._reindex()

    def _file_state(self) -> tuple[int, int, int] | None:
        return file_state(self.location / STORE_FILE) if self.location else None

    def close(self) -> None:
        """Release the database file."""
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- seeds and reports ------------------------------------------------------------

    @property
    def is_seeded(self) -> bool:
        """Whether the bundled seeds have been loaded into this store once already."""
        return self._meta("seeded_at") is not None

    def ensure_seeded(self) -> int:
        """Load the bundled seed sessions on first use; return how many sessions were added.

        Runs once per store: a second call, or a later launch, adds nothing, even if an
        officer has since deleted a seed session on purpose.
        """
        if self.read_only:
            return 0  # a viewer shows what is there
        with self._writing("seed"):
            return self._seed_once()

    def skip_seeds(self) -> None:
        """Never load the bundled seeds into this store: a generated (synthetic) store must
        not have real data mixed in when the dashboard first opens it."""
        with self._writing("config"):
            if not self.is_seeded:
                self._set_meta_unlocked("seeded_at", "skipped")

    def _seed_once(self) -> int:
        if self.is_seeded:
            return 0
        added = sum(1 for session in self.add_reports(bundled_reports(self.registry), origin="seed") if session)
        self._set_meta("seeded_at", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
        return added

    def add_report(self, report: SessionReport, *, origin: str = "import") -> Session | None:
        """Add a validated report as a session with its items; None when it is already here."""
        return self.add_reports([report], origin=origin)[0]

    def add_reports(
        self, reports: list[SessionReport], *, origin: str = "import", who: str | None = None
    ) -> list[Session | None]:
        """Add several validated reports at once; for each, its new session or None when the
        store already holds the same content (a re-import changes nothing).

        A report that `extends` a stored session (another outlet's report of it) adds its
        items to that session instead, skipping texts the session already holds, and the
        session is returned when anything was added. Items bring the history entries
        their report gives them, recorded under `who` (default: the OS user).

        The items and sessions reach the store file in one write (see `_writing`), so the
        store holds all of the reports or none of them.
        """
        with self._writing(origin):
            session_table = self._db.table("sessions")
            known: set[str] = set()
            for row in session_table.all():
                known.add(row.get("content_hash"))
                known.update(row.get("read_hashes", ()))
            session_rows: list[dict[str, Any]] = []
            item_rows: list[dict[str, Any]] = []
            extended: dict[str, dict[str, Any]] = {}
            ids: list[str | None] = []
            for report in reports:
                digest = report.content_hash()
                if digest in known or (report.read_hash and report.read_hash in known):
                    ids.append(None)
                    continue
                known.add(digest)
                if report.read_hash:
                    known.add(report.read_hash)
                if report.extends:
                    target = self._extend(report, origin, item_rows, extended)
                    ids.append(target)
                    continue
                # Short enough to type in `haicap item ID`; 32 bits of the hash, widened in the
                # (unlikely) case two sessions of one store share them.
                session_id = digest[:8]
                while session_id in self._sessions or session_id in ids:
                    session_id = digest[: len(session_id) + 2]
                ids.append(session_id)
                session_rows.append(self._session_row(report, session_id, digest, origin))
                item_rows.extend(
                    self._item_row(item, session_id, number, origin) for number, item in enumerate(report.items, start=1)
                )
            for session_id, changes in extended.items():
                session_table.update(changes, cond=lambda row, wanted=session_id: row.get("id") == wanted)
            if item_rows:
                self._db.table("items").insert_multiple(item_rows)
            if session_rows:
                session_table.insert_multiple(session_rows)
            if item_rows or session_rows or extended:
                self._record_created(item_rows, reports, who)
                self.record_audit(origin, self._import_detail(reports, ids, session_rows, item_rows))
                self._reindex()
        return [self._sessions[i] if i else None for i in ids]

    @staticmethod
    def _import_detail(
        reports: list[SessionReport], ids: list[str | None], session_rows: list[dict[str, Any]], item_rows: list[dict[str, Any]]
    ) -> str:
        """What an import added, for the audit log: "2 sessions, 31 items from a.docx, b.pdf"."""
        files = sorted({r.source_name for r, i in zip(reports, ids) if i and r.source_name})
        shown = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
        added = f"{plural(len(session_rows), 'session')}, {plural(len(item_rows), 'item')}"
        return added + (f" from {shown}" if shown else "")

    @staticmethod
    def _item_row(item: ParsedItem, session_id: str, number: int, origin: str) -> dict[str, Any]:
        return {
            **({"tracking": item.tracking.to_row()} if item.tracking else {}),
            "schema": SCHEMA_VERSION,
            "id": f"{session_id}-{number:02d}",
            "session": session_id,
            "order": number,
            "kind": item.kind.value,
            "text": item.text,
            "communes": [c.code for c in item.communes],
            # Where it came from, on every record: "seed", "import", or
            # "synthetic" (generated for scale tests, never real data).
            "origin": origin,
        }

    def _extend(
        self, report: SessionReport, origin: str, item_rows: list[dict[str, Any]], extended: dict[str, dict[str, Any]]
    ) -> str | None:
        """Add the items of `report` that its stored session lacks to that session; the
        session id, or None when nothing was new. The session row's changes go to `extended`."""
        session_id = report.extends or ""
        session = self._sessions.get(session_id)
        if session is None:
            raise StoreError(f"{report.source_name}: the session {session_id} it adds to is no longer in the store")
        rows = [r for r in self._db.table("items").all() if r["session"] == session_id]
        rows += [r for r in item_rows if r["session"] == session_id]
        there = {normalised(r["text"]) for r in rows if not r.get("deleted")}
        order = max((r["order"] for r in rows), default=0)
        added = 0
        for item in report.items:
            if already_there(item.text, there):
                continue
            there.add(normalised(item.text))
            order += 1
            added += 1
            item_rows.append(self._item_row(item, session_id, order, origin))
        row = next(r for r in self._db.table("sessions").all() if r["id"] == session_id)
        changes = extended.setdefault(
            session_id,
            {
                "read_hashes": list(row.get("read_hashes", ())),
                "also_reported_by": list(row.get("also_reported_by", ())),
                "communes": list(row["communes"]),
            },
        )
        changes["read_hashes"] += [h for h in (report.read_hash, report.content_hash()) if h]
        if report.source and report.source not in changes["also_reported_by"] and report.source != session.source:
            changes["also_reported_by"].append(report.source)
        for commune in report.communes:
            if commune.code not in changes["communes"]:
                changes["communes"].append(commune.code)
        return session_id if added else None

    def _record_created(self, item_rows: list[dict[str, Any]], reports: list[SessionReport], who: str | None) -> None:
        """Write the history entries the reports give their new items (one pass over history)."""
        entries_by_text: dict[tuple[str, str], tuple[tuple[str, str, str], ...]] = {}
        for report in reports:
            for item in report.items:
                if item.history:
                    entries_by_text[(item.kind.value, item.text)] = item.history
        if not entries_by_text:
            return
        tables = self._db.storage.read() or {}
        history = tables.setdefault("history", {})
        next_id = max(map(int, history), default=0) + 1
        when = now().isoformat(timespec="seconds")
        user = who or current_user()
        for row in item_rows:
            for name, old, new in entries_by_text.get((row["kind"], row["text"]), ()):
                history[str(next_id)] = {
                    "schema": SCHEMA_VERSION,
                    "item": row["id"],
                    "revision": 0,
                    "who": user,
                    "when": when,
                    "field": name,
                    "old": old,
                    "new": new,
                }
                next_id += 1
        self._db.storage.write(tables)

    def same_session(self, report: SessionReport) -> Session | None:
        """A stored session that `report` reports too: same date and province, communes in
        common, and the same leader (or one of them names none). The newest such, or None."""
        leader = fold(report.leader.name)
        codes = {c.code for c in report.communes}
        same_day = self._sessions_by_day().get((report.date, report.province.code), [])
        for session in sorted(same_day, key=lambda s: s.id, reverse=True):
            if not codes & set(session.commune_codes):
                continue
            theirs = fold(session.leader.name)
            if leader and theirs and leader != theirs:
                continue
            return session
        return None

    def _sessions_by_day(self) -> dict[tuple[dt.date, str], list[Session]]:
        """Sessions by date and province, rebuilt when the indexes were (an import of 1,000
        articles into a national store asks once per article)."""
        if self._by_day_of is not self._sessions:
            by_day: dict[tuple[dt.date, str], list[Session]] = {}
            for session in self._sessions.values():
                by_day.setdefault((session.date, session.province.code), []).append(session)
            self._by_day, self._by_day_of = by_day, self._sessions
        return self._by_day

    def session_texts(self, session_id: str) -> set[str]:
        """The normalised texts of a session's live items (to tell what another outlet adds)."""
        return {
            normalised(item.text) for item in self._items_by_id.values() if item.session.id == session_id and not item.deleted
        }

    @staticmethod
    def _session_row(report: SessionReport, session_id: str, digest: str, origin: str) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "id": session_id,
            "content_hash": digest,
            "origin": origin,
            "source_file": report.source_name,
            "date": report.date.isoformat(),
            "province": report.province.code,
            "leader": {"name": report.leader.name, "title": report.leader.title},
            "participants": [{"name": p.name, "title": p.title} for p in report.participants],
            "title": report.title,
            "source": report.source,
            "communes": [c.code for c in report.communes],
            # The reading of the file before the officer's review: the same file again is "already there".
            **({"read_hashes": [report.read_hash]} if report.read_hash else {}),
        }

    # -- reading ----------------------------------------------------------------------

    def provinces(self) -> tuple[Province, ...]:
        """All 34 provinces in official order."""
        return self.registry.provinces

    def find_province(self, name: str) -> Province | None:
        """Find a province by name or code, ignoring diacritics, case and "Tỉnh"/"Thành phố"."""
        return self.registry.find_province(name)

    def default_province(self) -> Province:
        """The province of the newest session, or Thanh Hóa when the store is empty."""
        latest = self.latest_session()
        if latest is not None:
            return latest.province
        province = self.registry.find_province(DEFAULT_PROVINCE)
        assert province is not None, "the registry always holds Thanh Hóa"
        return province

    def session_counts_by_province(self) -> Counter[str]:
        """How many sessions each province has, keyed by province code."""
        return Counter(session.province.code for session in self._sessions.values())

    def commune_summaries(self, province: Province) -> list[CommuneSummary]:
        """Every commune of `province` in alphabetical order, with its session and item counts."""
        return [
            CommuneSummary(
                commune=commune,
                session_count=len(self._sessions_by_commune.get(commune.code, ())),
                item_count=len(self._items_by_commune.get(commune.code, ())),
            )
            for commune in self.registry.communes_of(province)
        ]

    def search_communes(self, province: Province, query: str) -> list[CommuneSummary]:
        """The communes of `province` whose type and name match `query`, diacritics and case ignored."""
        return [s for s in self.commune_summaries(province) if matches(query, s.commune.label)]

    def commune(self, code: str) -> Commune | None:
        """The commune with official code `code`, or None."""
        return self.registry.commune(code)

    def report(self, commune: Commune) -> CommuneReport:
        """Everything about `commune`: its sessions (newest first) and its items per kind."""
        items = self._items_by_commune.get(commune.code, ())
        return CommuneReport(
            commune=commune,
            sessions=self._sessions_by_commune.get(commune.code, ()),
            items={kind: tuple(i for i in items if i.kind is kind) for kind in Kind},
        )

    def session(self, session_id: str) -> Session | None:
        """The session with this id, or None."""
        return self._sessions.get(session_id)

    def sessions(self) -> tuple[Session, ...]:
        """All sessions, newest first."""
        return tuple(sorted(self._sessions.values(), key=lambda s: (s.date, s.id), reverse=True))

    def latest_session(self) -> Session | None:
        """The newest session, or None in an empty store."""
        ordered = self.sessions()
        return ordered[0] if ordered else None

    def communes_of_session(self, session: Session) -> tuple[Commune, ...]:
        """The communes a session covers, in the report's order."""
        return tuple(c for c in (self.registry.commune(code) for code in session.commune_codes) if c)

    # -- internals --------------------------------------------------------------------

    def _meta(self, key: str) -> Any:
        rows = self._db.table("meta").get(doc_id=1)
        return (rows or {}).get(key)

    def _set_meta(self, key: str, value: Any) -> None:
        with self._writing("config"):
            self._set_meta_unlocked(key, value)

    def _set_meta_unlocked(self, key: str, value: Any) -> None:
        table = self._db.table("meta")
        if table.get(doc_id=1) is None:
            table.insert({"schema_version": SCHEMA_VERSION})
        table.update({key: value}, doc_ids=[1])
