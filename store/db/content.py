"""A store's sessions, items and history: its province files, their indexes and the national
summary, kept in step.

`StoreContent` loads a province's file into the indexes the first time something asks for
that province (`load`), reads it again when another process has written it (`refresh`), and
runs every change of a province as one transaction of its file whose last step writes the
province's row of the national summary (`change`). The order of locks is always the
province's first, the national file's last: two officers of different provinces never
wait on each other longer than the national file's one small write.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import Any

from haicap.store.db.history_log import HISTORY_TABLE, entry_from_row
from haicap.store.db.indexes import Indexes
from haicap.store.db.migrations import province_meta
from haicap.store.db.province_files import ProvinceFiles
from haicap.store.db.store_file import StoreFile
from haicap.store.db.summary import SUMMARY_TABLE, Counts, change_from_row, edited_row, province_row
from haicap.store.db.tables import Tables
from haicap.store.domain.errors import StoreError
from haicap.store.domain.followup import DeadlineRules
from haicap.store.domain.history import HistoryEntry
from haicap.store.domain.models import Item, Session

__all__ = ["StoreContent"]


def _summary_key(code: str) -> str:
    """The document id of a province's summary row: its code as a number ("08" → "8")."""
    return str(int(code))


class StoreContent:
    """Province files, indexes and national summary of one store (see the module docstring)."""

    def __init__(
        self, national: StoreFile, provinces: ProvinceFiles, indexes: Indexes, rules: Callable[[], DeadlineRules]
    ) -> None:
        self.national = national
        """The national file (meta, audit, summary)."""
        self.provinces = provinces
        """The province files."""
        self.indexes = indexes
        """What is loaded of them, as domain objects."""
        self._rules = rules
        self._loading = threading.RLock()
        self._computed: dict[str, dict[str, Any]] = {}
        """Summary rows computed in this process for provinces whose stored row is stale (a viewer cannot write them)."""
        self._open: dict[str, tuple[dict[str, Any] | None, list[int] | None]] = {}
        """For each province with a change under way, its summary row as it stood before it
        (None when it must be computed again whole) and the state of its file then."""
        self._edits: dict[str, list[tuple[Item | None, Item]]] = {}
        """The item edits and additions of each change under way (see `edited`, `added`)."""
        self._new_sessions: dict[str, list[Session]] = {}
        """The sessions each change under way added (see `added`)."""
        self._counted: set[str] = set()
        """Provinces whose change under way said all it did (`edited`, `added`): their
        summary row is updated, not computed again."""

    # -- loading ----------------------------------------------------------------------

    def load(self, code: str) -> None:
        """Index province `code`'s file, unless it is indexed already.

        Thread-safe: the dashboard reads a province in a worker thread while the UI thread
        may ask about it; the second waits for the first's reading rather than doing it again."""
        if code in self.indexes.loaded:
            return
        with self._loading:
            if code in self.indexes.loaded:
                return
            file = self.provinces.file(code)
            file.when_reread(lambda: self.indexes.load(code, file.rows()))
            self.indexes.load(code, file.rows())

    def release(self, code: str) -> None:
        """Let go of province `code`: its indexes and what was read of its file (memory)."""
        self.indexes.forget(code)
        self.provinces.release(code)

    def load_all(self) -> None:
        """Index every province that has a file (a query about the whole country)."""
        for code in self.provinces.on_disk():
            self.load(code)

    def codes(self) -> list[str]:
        """The provinces that have data: a file on disk, or a row in the summary."""
        return sorted(set(self.provinces.on_disk()) | set(self.summary_rows()))

    def province_of_session(self, session_id: str) -> str | None:
        """The province whose file holds session `session_id` (from the summary), or None."""
        for code, row in self.summary_rows().items():
            if session_id in (row.get("sessions") or {}):
                return code
        return None

    def provinces_of_prefix(self, prefix: str) -> list[str]:
        """The provinces holding a session whose id starts with `prefix` (an id typed in part)."""
        return [
            code
            for code, row in self.summary_rows().items()
            if any(str(session).startswith(prefix) or prefix.startswith(str(session)) for session in (row.get("sessions") or {}))
        ]

    def refresh(self) -> None:
        """Read again the national file and every loaded province file another process wrote."""
        if self.national.changed_on_disk():
            self.national.reread()
        for code in sorted(self.indexes.loaded):
            file = self.provinces.file(code)
            if file.changed_on_disk():
                file.reread()
        # The rows this process computed for stale ones give way to a stored row that is the
        # file's again (another process edited the province), and follow a file changed since.
        self._computed.clear()
        self.repair(write=False)

    def changed_on_disk(self) -> bool:
        """Whether another process wrote the national file or a loaded province's file (stats, cheap)."""
        if self.national.changed_on_disk():
            return True
        return any(self.provinces.file(code).changed_on_disk() for code in self.indexes.loaded)

    # -- changing ---------------------------------------------------------------------

    @contextlib.contextmanager
    def change(self, code: str, action: str) -> Iterator[StoreFile]:
        """One change of province `code`: its file's transaction (read again first when
        another process wrote it), whose last step writes the province's summary row.

        Re-entrant: a change inside another of the same province is part of it."""
        file = self.provinces.file(code)
        if code in self._open:
            with file.transaction(action):
                yield file
            return
        with file.transaction(action, then=lambda: self._publish_after(code)):
            # Read here, under the lock, when not read before: a command that changes one item
            # (`haicap set`) then reads its province's file once, not once before the lock
            # and again inside it because another officer wrote meanwhile.
            self.load(code)
            self._open[code] = (self._fresh_row(code), self.provinces.state(code))
            self._edits[code] = []
            try:
                if file.meta("schema_version") is None:
                    # A new province file: its meta table first, which is how its backups are
                    # recognised (store.db.backups) and what says which province it holds.
                    file.db.change(lambda tables: tables.setdefault("meta", {}).__setitem__("1", province_meta(code)))
                yield file
            except BaseException:
                self._end_change(code)
                raise

    def edited(self, code: str, old: Item | None, new: Item) -> None:
        """Say that the change under way of province `code` replaced item `old` by `new`. A
        change that says only this (an officer's edit) updates the province's summary row
        for the items it names; any other (an import, a restore: they never call this) has
        the row computed again whole."""
        edits = self._edits.get(code)
        if edits is not None:
            edits.append((old, new))
            self._counted.add(code)

    def added(self, code: str, sessions: list[Session], items: list[Item]) -> None:
        """Say that the change under way of province `code` added these new sessions and
        items (an import): like `edited`, the summary row counts them in, not the province."""
        edits = self._edits.get(code)
        if edits is not None:
            edits.extend((None, item) for item in items)
            self._new_sessions.setdefault(code, []).extend(sessions)
            self._counted.add(code)

    def _fresh_row(self, code: str) -> dict[str, Any] | None:
        """Province `code`'s stored summary row if it is the file's as it is now, else None."""
        row = self.summary_rows().get(code)
        return row if code not in self._computed and self._is_fresh(code, row) else None

    def _is_fresh(self, code: str, row: dict[str, Any] | None) -> bool:
        """Whether `row` was computed from province `code`'s file as it is now, with the
        answer deadlines in force now."""
        rules = self._rules()
        return (
            row is not None
            and row.get("file_state") == self.provinces.state(code)
            and row.get("rules") == [rules.answer_days, rules.answer_days_with_co]
        )

    def _publish_after(self, code: str) -> None:
        """`publish`, once the province's file holds the change. If the national file cannot
        be written now (a full disk, its lock held by a hung process, a link planted in its
        place), the error is raised as it comes (it names the national file), the change
        stands in the province's file, and the row, stale, is counted again: by this process
        at once, by others when they open the store."""
        try:
            self.publish(code)
        except StoreError:
            self._end_change(code)
            self._computed[code] = self.compute(code)
            raise

    def _end_change(
        self, code: str
    ) -> tuple[tuple[dict[str, Any] | None, list[int] | None], list[tuple[Item | None, Item]] | None, list[Session], bool]:
        """Forget what was noted of province `code`'s change under way, and return it:
        (its row and file state before, its edits, its new sessions, whether it said all it did)."""
        counted = code in self._counted
        self._counted.discard(code)
        return self._open.pop(code, (None, None)), self._edits.pop(code, None), self._new_sessions.pop(code, []), counted

    def publish(self, code: str) -> None:
        """Write province `code`'s summary row into the national file: the stored row with
        the change's edits counted (see `edited`), or computed from the province's indexes."""
        (base, state), edits, sessions, counted = self._end_change(code)
        now = self.provinces.state(code)
        if base is not None and now is not None and now == state:
            return  # the change wrote nothing: the row stands
        if base is not None and counted and edits is not None:
            file = self.provinces.file(code)
            row = edited_row(base, edits, self._rules(), _last_change(file.rows()), now, sessions)
        else:
            row = self.compute(code)
        # No backup: derived data, computed again from the province files if need be.
        with self.national.transaction("summary", backup=False):
            self.national.db.change(lambda tables: tables.setdefault(SUMMARY_TABLE, {}).__setitem__(_summary_key(code), row))
        self._computed.pop(code, None)

    def compute(self, code: str) -> dict[str, Any]:
        """Province `code`'s summary row from its file (loaded for it)."""
        self.load(code)
        sessions = self.indexes.province_sessions(code)
        items = self.indexes.province_items(code)
        file = self.provinces.file(code)
        return province_row(code, sessions, items, self._rules(), _last_change(file.rows()), self.provinces.state(code))

    # -- the summary ------------------------------------------------------------------

    def summary_rows(self) -> dict[str, dict[str, Any]]:
        """The stored summary rows by province code, with this process's own computations
        for stale ones."""
        table = self.national.rows().get(SUMMARY_TABLE) or {}
        rows: dict[str, dict[str, Any]] = {}
        for row in table.values():
            if isinstance(row, dict) and isinstance(row.get("province"), str):
                rows[row["province"]] = row
        rows.update(self._computed)
        return rows

    def stale(self) -> list[str]:
        """Provinces whose summary row is not computed from their file as it is now (or
        with the answer deadlines in force now), or that have a file and no row."""
        rows = self.summary_rows()
        return [code for code in sorted(set(self.provinces.on_disk()) | set(rows)) if not self._is_fresh(code, rows.get(code))]

    def repair(self, *, write: bool) -> list[str]:
        """Compute the stale summary rows again (see `stale`); returns their provinces.

        With `write` (after a migration or a change of the answer deadlines) they are
        written, when this store may write; otherwise they are kept in this process only
        (opening a store to read it never writes), and the next change of the province
        writes its row anyway."""
        stale = self.stale()
        for code in stale:
            if not write or self.national.read_only or self.provinces.file(code).read_only:
                self._computed[code] = self.compute(code)
                continue
            with self.change(code, "summary"):
                self.provinces.file(code).skip_backup()
        return stale

    def counts(self, code: str) -> Counts:
        """The totals of province `code`."""
        return Counts.from_row((self.summary_rows().get(code) or {}).get("totals"))

    def commune_counts(self, code: str) -> dict[str, Counts]:
        """The counts of each commune of province `code` that has data."""
        communes = (self.summary_rows().get(code) or {}).get("communes") or {}
        return {commune: Counts.from_row(row) for commune, row in communes.items()} if isinstance(communes, dict) else {}

    def last_change(self) -> HistoryEntry | None:
        """The newest change of the whole store, from the summary."""
        found = [entry for entry in (change_from_row(r.get("last_change")) for r in self.summary_rows().values()) if entry]
        return max(found, key=lambda entry: entry.when, default=None)

    def session_dates(self) -> dict[str, tuple[str, str, str | None]]:
        """Every session of the store: id → (date, province code, first commune code or
        None), from the summary."""
        found: dict[str, tuple[str, str, str | None]] = {}
        for code, row in self.summary_rows().items():
            sessions = row.get("sessions") or {}
            if not isinstance(sessions, dict):
                continue
            for sid, value in sessions.items():
                day, communes = (value[0], value[1]) if isinstance(value, list) and len(value) == 2 else (value, [])
                first = communes[0] if isinstance(communes, list) and communes else None
                found[str(sid)] = (str(day), code, str(first) if first is not None else None)
        return found


def _last_change(rows: Tables) -> HistoryEntry | None:
    """The history entry written last in a province's file (entries are only ever added)."""
    history = rows.get(HISTORY_TABLE) or {}
    numbered = [int(key) for key in history if str(key).isdigit()]
    for key in sorted(numbered, reverse=True)[:50]:
        row = history.get(str(key))
        entry = entry_from_row(row) if isinstance(row, dict) else None
        if entry is not None:
            return entry
    return None
