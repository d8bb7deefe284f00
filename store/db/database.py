"""The store facade: the only way the UI reads or writes haicap data.

A store is a folder holding a national TinyDB file (`haicap.json`: `meta` with the schema
version and settings, `audit`, and the national `summary`) and one TinyDB file per
province with data (`province-38.json`: its `sessions`, `items` and `history`); see
`store.db.layout`. The registry of communes is reference data read from the package (see
`store.domain.registry`). Rows never leave `store.db`: callers get the dataclasses of
`store.domain.models`.

`Store` owns its parts and hands each call to one of them:

- `StoreFile` (`store.db.store_file`): one TinyDB file, its write lock and its backups;
  every change is one `transaction(action)` of it.
- `StoreContent` (`store.db.content`): the province files (`store.db.province_files`),
  read when first asked about, their `Indexes` (`store.db.indexes`: sessions and items as
  domain objects) and the national summary (`store.db.summary`), written in the same
  locked change as each province's file.
- `StoreQueries` (`store.db.queries`): everything read.
- `ItemEditing` (`store.db.editing`), `ReportImport` (`store.db.importing`),
  `StoreSettings` (`store.db.settings`), `StoreMaintenance` (`store.db.maintenance`) and
  `AuditLog` (`store.db.audit`): the changes.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb.storages import MemoryStorage

from haicap.store.db.audit import AuditEntry, AuditLog
from haicap.store.db.backups import Backup
from haicap.store.db.content import StoreContent
from haicap.store.db.editing import ItemEditing
from haicap.store.db.importing import ReportImport
from haicap.store.db.indexes import Indexes
from haicap.store.db.locking import LOCK_FILE, WriteLock
from haicap.store.db.maintenance import StoreMaintenance
from haicap.store.db.migrations import SCHEMA_VERSION, UNPLACED_TABLE
from haicap.store.db.province_files import ProvinceFiles
from haicap.store.db.queries import StoreQueries
from haicap.store.db.safe_files import refuse_unsafe
from haicap.store.db.session_copies import stored_copy
from haicap.store.db.settings import StoreSettings
from haicap.store.db.storage import STORE_FILE, AtomicJSONStorage, refuse_world_writable
from haicap.store.db.store_file import StoreFile
from haicap.store.db.summary import Counts
from haicap.store.db.tables import StoreDatabase
from haicap.store.domain.checkup import store_problems
from haicap.store.domain.errors import StoreError
from haicap.store.domain.followup import DeadlineRules
from haicap.store.domain.history import HistoryEntry
from haicap.store.domain.i18n import _
from haicap.store.domain.models import Commune, CommuneSummary, CommuneView, Item, Kind, Province, Session
from haicap.store.domain.registry import Registry, load_registry
from haicap.store.domain.session_copy import SessionCopy
from haicap.store.domain.tracking import DirectiveStatus, RequestStatus
from haicap.store.ingest.reports import SessionReport

if TYPE_CHECKING:
    # Loaded when a filled tracking table is read back, not at every command's start.
    from haicap.store.db.tracking_updates import TrackingPlan, TrackingUpdates
    from haicap.store.ingest.tracking_file import TrackingFile

__all__ = ["SCHEMA_VERSION", "STORE_FILE", "Store"]


class Store:
    """A haicap store: sessions and items over TinyDB, handed out as domain objects."""

    def __init__(
        self,
        db: StoreDatabase,
        *,
        registry: Registry | None = None,
        location: Path | None = None,
        lock: WriteLock | None = None,
        read_only: bool = False,
    ) -> None:
        self.read_only = read_only
        """True for a viewer: every change is refused (`--read-only`, or a store this user cannot write)."""
        self.registry = registry or load_registry()
        """The national registry of provinces and communes."""
        self.location = location
        """The store folder, or None for a store in memory."""
        self._file = StoreFile(db, location=location, lock=lock, read_only=read_only)
        provinces = ProvinceFiles(location, read_only=read_only, backup_count=lambda: self._file.backup_count)
        self._maintenance = StoreMaintenance(self._file, provinces)
        # Before anything is read: an older store is migrated first, a newer one refused.
        migrated = self._maintenance.check_schema()
        self._audit = AuditLog(self._file)
        self._settings = StoreSettings(self._file, self._audit, lambda: [provinces.file(code) for code in provinces.on_disk()])
        self._content = StoreContent(
            self._file, provinces, Indexes(self.registry, location or "store"), lambda: self._settings.deadline_rules
        )
        self._maintenance.attach(self._content)
        # A summary row left stale (a writer killed between a province's file and the
        # national one, a file copied by hand) is computed again now; after a migration,
        # the new summary is written.
        self._content.repair(write=migrated)
        self._queries = StoreQueries(self._content)
        self._editing = ItemEditing(self._content, self._queries)
        self._import = ReportImport(self._content, self._audit)

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
                raise StoreError(_("{path}: no haicap store here to view (read-only: nothing is created)").format(path=path))
        else:
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(
                    _("{path}: cannot create the store folder ({why})").format(path=path, why=error.strerror or error)
                ) from None
        refuse_world_writable(store_file)
        db = StoreDatabase(store_file, storage=AtomicJSONStorage)
        lock = None if read_only else WriteLock(path)
        return cls(db, registry=registry, location=path, lock=lock, read_only=read_only)

    @classmethod
    def in_memory(cls, *, registry: Registry | None = None) -> Store:
        """Open an empty store that lives only in memory (for tests and dry runs)."""
        return cls(StoreDatabase(storage=MemoryStorage), registry=registry)

    def changed_on_disk(self) -> bool:
        """Whether another process has written the store (the national file or a loaded
        province's) since this one last read it (stats, cheap)."""
        return self._content.changed_on_disk()

    def refresh(self) -> None:
        """Read again the files another process wrote, e.g. after `changed_on_disk()`."""
        self._content.refresh()

    def load_province(self, province: Province) -> None:
        """Read `province`'s file now (the dashboard does it in a worker before showing it);
        any question about the province does it too, when it has not been done."""
        self._content.load(province.code)

    def release_province(self, province: Province) -> None:
        """Let go of what was read of `province`'s file (memory); any later question about
        it reads the file again."""
        self._content.release(province.code)

    def is_loaded(self, province: Province) -> bool:
        """Whether `province`'s file has been read into this process."""
        return province.code in self._content.indexes.loaded

    def close(self) -> None:
        """Release the database files."""
        self._content.provinces.close()
        self._file.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- seeds and reports ------------------------------------------------------------

    @property
    def is_seeded(self) -> bool:
        """Whether the bundled seeds have been loaded into this store once already."""
        return self._import.is_seeded

    def ensure_seeded(self) -> int:
        """Load the bundled seed sessions on first use; return how many sessions were added.

        Runs once per store: a second call, or a later launch, adds nothing, even if an
        officer has since deleted a seed session on purpose.
        """
        return self._import.ensure_seeded()

    def skip_seeds(self) -> None:
        """Never load the bundled seeds into this store: a generated (synthetic) store must
        not have real data mixed in when the dashboard first opens it."""
        self._import.skip_seeds()

    def add_report(self, report: SessionReport, *, origin: str = "import") -> Session | None:
        """Add a validated report as a session with its items; None when it is already here."""
        return self._import.add_reports([report], origin=origin)[0]

    def add_reports(
        self, reports: list[SessionReport], *, origin: str = "import", who: str | None = None
    ) -> list[Session | None]:
        """Add several validated reports at once; for each, its new session or None when the
        store already holds the same content (a re-import changes nothing).

        A report that `extends` a stored session (another outlet's report of it) adds its
        items to that session instead, skipping texts the session already holds, and the
        session is returned when anything was added. Items bring the history entries
        their report gives them, recorded under `who` (default: the OS user). The store
        holds all of the reports or none of them.
        """
        return self._import.add_reports(reports, origin=origin, who=who)

    def same_session(self, report: SessionReport) -> Session | None:
        """A stored session that `report` reports too: same date and province, communes in
        common, and the same leader (or one of them names none). The newest such, or None."""
        return self._queries.same_session(report)

    def session_texts(self, session_id: str) -> set[str]:
        """The normalised texts of a session's live items (to tell what another outlet adds)."""
        return self._queries.session_texts(session_id)

    # -- provinces, communes, sessions ------------------------------------------------

    def provinces(self) -> tuple[Province, ...]:
        """All 34 provinces in official order."""
        return self.registry.provinces

    def find_province(self, name: str) -> Province | None:
        """Find a province by name or code, ignoring diacritics, case and "Tỉnh"/"Thành phố"."""
        return self.registry.find_province(name)

    def default_province(self) -> Province:
        """The province of the newest session, or Thanh Hóa when the store is empty."""
        return self._queries.default_province()

    def session_counts_by_province(self) -> Counter[str]:
        """How many sessions each province has, keyed by province code."""
        return self._queries.session_counts_by_province()

    def session_count(self) -> int:
        """How many sessions the store holds (from the national summary: no province is read)."""
        return self._queries.session_count()

    def province_counts(self, province: Province) -> Counts:
        """Sessions, items and follow-up counts of `province`, from the national summary
        (`Counts.overdue(kind, day)` gives what is late on any day)."""
        return self._content.counts(province.code)

    def totals(self) -> Counts:
        """The counts of the whole store, from the national summary."""
        found = Counts()
        for code in self._content.codes():
            found.add(self._content.counts(code))
        return found

    def commune_counts(self, commune: Commune) -> Counts:
        """The same counts for one commune, from the national summary."""
        return self._content.commune_counts(commune.province.code).get(commune.code, Counts())

    def commune_summaries(self, province: Province) -> list[CommuneSummary]:
        """Every commune of `province` in alphabetical order, with its session and item counts."""
        return self._queries.commune_summaries(province)

    def search_communes(self, province: Province, query: str) -> list[CommuneSummary]:
        """The communes of `province` whose type and name match `query`, diacritics and case ignored."""
        return self._queries.search_communes(province, query)

    def commune(self, code: str) -> Commune | None:
        """The commune with official code `code`, or None."""
        return self.registry.commune(code)

    def commune_view(self, commune: Commune) -> CommuneView:
        """Everything about `commune`: its sessions (newest first) and its items per kind."""
        return self._queries.commune_view(commune)

    def session(self, session_id: str) -> Session | None:
        """The session with this id, or None."""
        return self._queries.session(session_id)

    def sessions(self) -> tuple[Session, ...]:
        """All sessions, newest first: every province's file is read (see `sessions_of` and
        `session_count`, which need none or one)."""
        return self._queries.sessions()

    def sessions_of(self, province: Province) -> tuple[Session, ...]:
        """The sessions of `province`, newest first (its file only is read)."""
        return self._queries.sessions_of(province)

    def latest_session(self) -> Session | None:
        """The newest session, or None in an empty store."""
        return self._queries.latest_session()

    def start_commune(self, province: Province) -> Commune | None:
        """The first commune of `province`'s newest session, or None: where the dashboard
        starts (from the national summary, before the province's file is read)."""
        return self._queries.start_commune(province)

    def communes_of_session(self, session: Session) -> tuple[Commune, ...]:
        """The communes a session covers, in the report's order."""
        return self._queries.communes_of_session(session)

    def communes_of_item(self, item: Item) -> tuple[Commune, ...]:
        """The communes an item is about, in the report's order."""
        return self._queries.communes_of_item(item)

    def find_session(self, text: str) -> Session:
        """The session whose id is `text` or starts with it (at least 4 characters); StoreError
        naming the reason when there is none or several."""
        return self._queries.find_session(text)

    def session_copy(self, session: Session) -> SessionCopy:
        """The whole of `session`: its items (deleted ones too) and every history row, with
        what the store keeps beside them (`haicap export --format yaml|json`)."""
        code = session.province.code
        self._content.load(code)
        copy = stored_copy(self._content.provinces.file(code).rows(), session)
        if copy is None:
            raise StoreError(_("session {session} is no longer in the store").format(session=session.id))
        return copy

    # -- items and their history ------------------------------------------------------

    def item(self, item_id: str) -> Item | None:
        """The item with this exact id (deleted ones included), or None."""
        return self._queries.item(item_id)

    def find_item(self, text: str) -> Item:
        """The item whose id is `text` or starts with it (at least 4 characters); StoreError
        naming the reason when there is none or several."""
        return self._queries.find_item(text)

    def items(
        self,
        *,
        commune_codes: tuple[str, ...] | None = None,
        province_code: str | None = None,
        kinds: tuple[Kind, ...] | None = None,
    ) -> list[Item]:
        """Live (not deleted) items, newest session first, filtered by communes, province, kinds."""
        return self._queries.items(commune_codes=commune_codes, province_code=province_code, kinds=kinds)

    def search_items(self, query: str) -> list[Item]:
        """Live items whose text contains every word of `query`, diacritics and case ignored.

        Reads every province, one at a time (see `each_province`)."""
        return self._queries.search_items(query)

    def each_matching(self, query: str) -> Iterator[tuple[str, list[Item]]]:
        """(province code, its live items whose text holds every word of `query`, diacritics
        and case ignored) for every province with data, one at a time (see `each_province`)."""
        return self._queries.each_matching(query)

    def each_province(self, kinds: tuple[Kind, ...] | None = None) -> Iterator[tuple[str, list[Item]]]:
        """(province code, its live items) for every province with data, one at a time: a
        province read only for this is let go before the next, so a pass over the whole
        country holds one province in memory."""
        return self._queries.each_province(kinds)

    def history(self, item_id: str) -> list[HistoryEntry]:
        """Every recorded change of the item, oldest first."""
        return self._queries.history(item_id)

    def province_history(self, province_code: str) -> dict[str, list[HistoryEntry]]:
        """Every recorded change of the items of a province, by item id, each oldest first."""
        return self._queries.province_history(province_code)

    def last_change(self) -> HistoryEntry | None:
        """The newest history entry of the whole store (to say who changed what)."""
        return self._queries.last_change()

    # -- changing items ---------------------------------------------------------------
    # With `expected_revision` (the item's revision when the officer began), a save made by
    # someone else since raises `EditConflict` and writes nothing; without it the last save wins.

    def set_status(
        self,
        item_id: str,
        status: str | RequestStatus | DirectiveStatus,
        *,
        who: str | None = None,
        today: dt.date | None = None,
        expected_revision: int | None = None,
    ) -> Item:
        """Set a request's status, or mark a directive done (completion date `today`) or in progress."""
        return self._editing.set_status(item_id, status, who=who, today=today, expected_revision=expected_revision)

    def update_tracking(
        self, item_id: str, *, who: str | None = None, expected_revision: int | None = None, **changes: Any
    ) -> Item:
        """Change follow-up fields (owner, co_agencies, deadline, done, status, answer, note,
        responds_to) of a request or directive, recording each change in history."""
        return self._editing.update_tracking(item_id, who=who, expected_revision=expected_revision, **changes)

    def _tracking(self) -> TrackingUpdates:
        from haicap.store.db.tracking_updates import TrackingUpdates

        return TrackingUpdates(self._content, self._queries, self._editing, self._audit)

    def plan_tracking(self, table: TrackingFile, today: dt.date) -> TrackingPlan:
        """What an agency's filled tracking table would change (see `store.db.tracking_updates`); writes nothing."""
        return self._tracking().plan(table, today)

    def apply_tracking(self, table: TrackingFile, today: dt.date, *, who: str | None = None) -> TrackingPlan:
        """Apply the rows of a filled tracking table that are not refused, each change in its
        item's history as coming from the file, by `who` (default: the OS user); the plan applied."""
        return self._tracking().apply(table, today, who=who)

    def change_kind(self, item_id: str, kind: Kind, *, who: str | None = None, expected_revision: int | None = None) -> Item:
        """Move an item to another pane (the reader got its kind wrong)."""
        return self._editing.change_kind(item_id, kind, who=who, expected_revision=expected_revision)

    def edit_text(self, item_id: str, text: str, *, who: str | None = None, expected_revision: int | None = None) -> Item:
        """Replace an item's text (NFC, whitespace collapsed); an empty text is refused."""
        return self._editing.edit_text(item_id, text, who=who, expected_revision=expected_revision)

    def edit_item(
        self,
        item_id: str,
        *,
        text: str | None = None,
        who: str | None = None,
        expected_revision: int | None = None,
        **tracking: Any,
    ) -> Item:
        """Save one edit of an item: follow-up fields (checked by the store) and text, as one
        change under one lock, so no one else's save can come in between the two."""
        return self._editing.edit_item(item_id, text=text, who=who, expected_revision=expected_revision, **tracking)

    def delete_item(self, item_id: str, *, who: str | None = None, expected_revision: int | None = None) -> Item:
        """Hide an item from every view; it stays in the store with its history (see restore_item)."""
        return self._editing.delete_item(item_id, who=who, expected_revision=expected_revision)

    def restore_item(self, item_id: str, *, who: str | None = None) -> Item:
        """Bring a deleted item back."""
        return self._editing.restore_item(item_id, who=who)

    def add_item(self, session_id: str, commune_codes: tuple[str, ...], kind: Kind, text: str, *, who: str | None = None) -> Item:
        """Add an item an officer learnt of to a session, for some of its communes."""
        return self._editing.add_item(session_id, commune_codes, kind, text, who=who)

    # -- settings ---------------------------------------------------------------------

    @property
    def deadline_rules(self) -> DeadlineRules:
        """Days an agency has to answer a request, as set for this store (40 and 50 by
        default), and days before a deadline an item is due soon (7)."""
        return self._settings.deadline_rules

    def deadline_rules_damaged(self) -> bool:
        """Whether the stored rules hold a value `deadline_rules` cannot use (so the defaults
        stand in for it): setting the same rules again then repairs the store."""
        return self._settings.deadline_rules_damaged()

    def set_deadline_rules(self, rules: DeadlineRules) -> None:
        """Change the default answer deadlines of requests (days after the session, 1 to
        `MAX_ANSWER_DAYS`); a value out of range is refused and nothing is written."""
        self._settings.set_deadline_rules(rules)
        # The summary's request deadlines follow the rules: computed again, province by province.
        self._content.repair(write=True)

    def due_soon_days_damaged(self) -> bool:
        """Whether the stored due-soon days are a value `deadline_rules` cannot use (so the
        default stands in for it): setting it again then repairs the store."""
        return self._settings.due_soon_days_damaged()

    def set_due_soon_days(self, days: int) -> None:
        """Mark open requests and directives due soon from `days` days before their deadline
        (0 to `MAX_DUE_SOON_DAYS`; 0 turns the mark off); `deadline_rules` then carries it."""
        self._settings.set_due_soon_days(days)

    @property
    def backup_count(self) -> int:
        """How many previous versions of each store file are kept (5 unless configured, never
        fewer than 1: a 0 stored by an older haicap reads as 1)."""
        return self._file.backup_count

    def set_backup_count(self, count: int) -> None:
        """Keep `count` backups (at least 1) from now on; extra old ones are deleted at once.

        Recorded in the audit log, with how many backups went."""
        self._settings.set_backup_count(count)

    @property
    def created_by(self) -> str | None:
        """The tool that created this store when it was a scratch store ("haicap stress"), else None."""
        return self._settings.created_by

    def mark_created_by(self, creator: str) -> None:
        """Record that `creator` made this store, which must hold nothing yet: a tool that
        writes test data (stress) works only on stores it marked so (see `created_by`)."""
        self._settings.mark_created_by(creator)

    def _meta(self, key: str) -> Any:
        """A raw value of the store's `meta` table (for tests of what is recorded there)."""
        return self._file.meta(key)

    # -- backups, restore, audit, checkup ---------------------------------------------

    def backups(self) -> list[Backup]:
        """The kept versions of the store's files (national and provinces), newest first
        (none for a store in memory)."""
        found = list(self._file.backups())
        for code in self._content.provinces.on_disk():
            found += self._content.provinces.file(code).backups()
        return sorted(found, key=lambda backup: (backup.taken, backup.path.name), reverse=True)

    def restore(self, backup: Backup) -> None:
        """Make `backup` the store's content again, as a recorded, undoable change.

        The store as it is now is kept as a backup first (at least one is always kept), so a
        restore can be undone too. The audit log is not restored with the rest: the
        restored file gets the log as it is now plus an entry for this restore, so going
        back never erases the record. A backup from an older haicap is migrated like any
        older store.
        """
        self._maintenance.restore(backup)

    def audit_log(self) -> list[AuditEntry]:
        """The store's audit log (restores, settings, imports), newest first."""
        return self._audit.entries()

    def record_audit(self, action: str, detail: str) -> None:
        """Add an entry to the audit log, within the change under way (or as a change of its own)."""
        self._audit.record(action, detail)

    def damaged_values(self) -> list[str]:
        """What the store file holds that no haicap command writes (a deadline in 9999, a null
        record, a malformed history row): one sentence each, with the fix. The store works
        around them (see `store.domain.checkup`); the command line warns about them."""
        problems = store_problems(self._file.rows())
        for code in sorted(self._content.indexes.loaded):
            problems += [p for p in store_problems(self._content.provinces.file(code).rows()) if p not in problems]
        unplaced = self._file.rows().get(UNPLACED_TABLE) or {}
        if unplaced:
            problems.append(
                _(
                    "{count} damaged records could not be placed in a province's file when the store was split; "
                    "they are kept in table '{table}' of {file}"
                ).format(count=len(unplaced), table=UNPLACED_TABLE, file=STORE_FILE)
            )
        return problems
