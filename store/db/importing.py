"""Adding sessions to a store: imported reports, the bundled seeds, another outlet's report of a stored session.

`ReportImport` is the store's part that writes what `store.ingest` read. A whole import
holds the locks of every province it adds to; each province's sessions, items and their
history reach its file in one write, and nothing is written unless every report was
added in memory first. (Files are replaced one after another: an import into several
provinces that the machine loses power in the middle of keeps the provinces written
before it; importing again adds only the rest.)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from typing import Any

from haicap.store.db.audit import AuditLog, plural
from haicap.store.db.content import StoreContent
from haicap.store.db.history_log import add_rows
from haicap.store.db.migrations import SCHEMA_VERSION
from haicap.store.db.session_copies import copy_rows, insert_history, session_row, stored_copy
from haicap.store.db.store_file import StoreFile
from haicap.store.domain.errors import StoreError
from haicap.store.domain.i18n import _
from haicap.store.domain.models import Session
from haicap.store.domain.session_copy import SessionCopy
from haicap.store.ingest.import_plan import already_there, normalised
from haicap.store.ingest.reports import ParsedItem, SessionReport, bundled_reports

__all__ = ["ReportImport"]


class ReportImport:
    """Adding validated reports (and the bundled seeds, once) to one store (see `Store` for each)."""

    def __init__(self, content: StoreContent, audit: AuditLog) -> None:
        self._content = content
        self._file = content.national
        self._indexes = content.indexes
        self._audit = audit

    # -- the bundled seeds ------------------------------------------------------------

    @property
    def is_seeded(self) -> bool:
        """Whether the bundled seeds have been loaded into this store once already."""
        return self._file.meta("seeded_at") is not None

    def ensure_seeded(self) -> int:
        """Load the bundled seed sessions on first use; return how many sessions were added."""
        if self._file.read_only or self.is_seeded:
            return 0  # a viewer shows what is there
        # The provinces' locks come before the national file's (see store.db.content): the
        # seeds are added first, then marked. Two first launches at once add them once:
        # the second finds their content already there.
        added = sum(1 for session in self.add_reports(bundled_reports(self._indexes.registry), origin="seed") if session)
        with self._file.transaction("seed"):
            if not self.is_seeded:
                self._file.set_meta("seeded_at", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
        return added

    def skip_seeds(self) -> None:
        """Never load the bundled seeds into this store."""
        with self._file.transaction("config"):
            if not self.is_seeded:
                self._file.set_meta("seeded_at", "skipped")

    # -- reports ----------------------------------------------------------------------

    def add_reports(
        self, reports: list[SessionReport], *, origin: str = "import", who: str | None = None
    ) -> list[Session | None]:
        """Add several validated reports at once; for each, its new session or None when the
        store already holds the same content (a re-import changes nothing).

        A report that `extends` a stored session (another outlet's report of it) adds its
        items to that session instead, skipping texts the session already holds, and the
        session is returned when anything was added. Items bring the history entries
        their report gives them, recorded under `who` (default: the OS user).

        Each province's items and sessions reach its file in one write (see
        `StoreContent.change`), after every report was added in memory.
        """
        codes = sorted({report.province.code for report in reports})
        with contextlib.ExitStack() as changes:
            files = {code: changes.enter_context(self._content.change(code, origin)) for code in codes}
            taken = set(self._content.session_dates()) | set(self._indexes.sessions)
            known: dict[str, set[str | None]] = {}
            session_rows: dict[str, list[dict[str, Any]]] = {code: [] for code in codes}
            item_rows: dict[str, list[dict[str, Any]]] = {code: [] for code in codes}
            extended: dict[str, dict[str, Any]] = {}
            copies: dict[str, list[SessionCopy]] = {code: [] for code in codes}
            ids: list[str | None] = []
            for report in reports:
                code = report.province.code
                seen = known.get(code)
                if seen is None:
                    seen = known[code] = set()  # a damaged row may lack its hash
                    for row in files[code].table("sessions").all():
                        seen.add(row.get("content_hash"))
                        seen.update(row.get("read_hashes", ()))
                if report.copy is not None:
                    batch = [c for added in copies.values() for c in added]
                    copied = self._add_copy(report, report.copy, seen, taken | {i for i in ids if i}, batch)
                    if copied is not None:
                        session_row, rows = copy_rows(copied)
                        session_rows[code].append(session_row)
                        item_rows[code].extend(rows)
                        copies[code].append(copied)
                    ids.append(copied.session.id if copied else None)
                    continue
                digest = report.content_hash()
                if digest in seen or (report.read_hash and report.read_hash in seen):
                    ids.append(None)
                    continue
                seen.add(digest)
                if report.read_hash:
                    seen.add(report.read_hash)
                if report.extends:
                    target = self._extend(report, files[code], origin, item_rows[code], extended)
                    ids.append(target)
                    continue
                # Short enough to type in `haicap item ID`; 32 bits of the hash, widened in the
                # (unlikely) case two sessions of one store share them.
                session_id = digest[:8]
                while session_id in taken or session_id in ids:
                    session_id = digest[: len(session_id) + 2]
                ids.append(session_id)
                session_rows[code].append(self._session_row(report, session_id, digest, origin))
                item_rows[code].extend(
                    self._item_row(item, session_id, number, origin) for number, item in enumerate(report.items, start=1)
                )
            all_sessions = [row for rows in session_rows.values() for row in rows]
            all_items = [row for rows in item_rows.values() for row in rows]
            for code in codes:
                file = files[code]
                session_table = file.table("sessions")
                for session_id, changed in extended.items():
                    if changed["province"] == code:
                        fields = {k: v for k, v in changed.items() if k != "province"}
                        session_table.update(fields, cond=lambda row, wanted=session_id: row.get("id") == wanted)
                if item_rows[code]:
                    file.table("items").insert_multiple(item_rows[code])
                if session_rows[code]:
                    session_table.insert_multiple(session_rows[code])
                grown = any(c["province"] == code for c in extended.values())
                if item_rows[code] or session_rows[code] or grown:
                    copied_ids = {c.item.id for copy in copies[code] for c in copy.items}
                    for copy in copies[code]:  # their history as the file gives it: who and when kept
                        file.db.change(functools.partial(insert_history, copy=copy))
                    self._record_created(file, [r for r in item_rows[code] if r["id"] not in copied_ids], reports, who)
                    self._indexes.load(code, file.rows())
                    if not grown:  # a grown session may cover more communes: counted again whole
                        new_sessions = [self._indexes.sessions[row["id"]] for row in session_rows[code]]
                        new_items = [found for row in item_rows[code] if (found := self._indexes.item(row["id"]))]
                        self._content.added(code, new_sessions, new_items)
            if all_items or all_sessions or extended:
                self._audit.record(origin, self._import_detail(reports, ids, all_sessions, all_items))
        return [self._indexes.sessions[i] if i else None for i in ids]

    def _add_copy(
        self, report: SessionReport, copy: SessionCopy, seen: set[str | None], taken: set[str], batch: list[SessionCopy]
    ) -> SessionCopy | None:
        """`copy` if it is to be added; None when the store (or the import's `batch` of copies)
        holds the same session already. A store holding other content under its id, or its
        report under another id, refuses it."""
        session_id = copy.session.id
        if copy in batch:
            return None
        session = self._indexes.sessions.get(session_id)
        if session is None and (code := self._content.province_of_session(session_id)) is not None:
            self._content.load(code)
            session = self._indexes.sessions.get(session_id)
        if session is not None:
            tables = self._content.provinces.file(session.province.code).rows()
            if stored_copy(tables, session) == copy:
                return None
        if session is not None or session_id in taken:
            reason = _(
                "{file}: this store holds another session {session} (changed since the file was written, or "
                "another one); nothing imported: compare with `haicap export --session {session} --format yaml`, "
                "or import into another store"
            )
            raise StoreError(reason.format(file=report.source_name, session=session_id))
        if copy.content_hash in seen or any(h in seen for h in copy.read_hashes):
            reason = _("{file}: this store holds the report of session {session} already, under another id; nothing imported")
            raise StoreError(reason.format(file=report.source_name, session=session_id))
        seen.add(copy.content_hash)
        seen.update(copy.read_hashes)
        return copy

    @staticmethod
    def _import_detail(
        reports: list[SessionReport], ids: list[str | None], session_rows: list[dict[str, Any]], item_rows: list[dict[str, Any]]
    ) -> str:
        """What an import added, for the audit log: "2 sessions, 31 items from a.docx, b.pdf"."""
        files = sorted({r.source_name for r, i in zip(reports, ids, strict=True) if i and r.source_name})
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
        self,
        report: SessionReport,
        file: StoreFile,
        origin: str,
        item_rows: list[dict[str, Any]],
        extended: dict[str, dict[str, Any]],
    ) -> str | None:
        """Add the items of `report` that its stored session lacks to that session; the
        session id, or None when nothing was new. The session row's changes go to `extended`."""
        session_id = report.extends or ""
        session = self._indexes.sessions.get(session_id)
        if session is None:
            raise StoreError(
                _("{file}: the session {session} it adds to is no longer in the store").format(
                    file=report.source_name, session=session_id
                )
            )
        rows: list[dict[str, Any]] = [r for r in file.table("items").all() if r["session"] == session_id]
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
        row = next(r for r in file.table("sessions").all() if r["id"] == session_id)
        changes = extended.setdefault(
            session_id,
            {
                "province": session.province.code,
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

    @staticmethod
    def _record_created(file: StoreFile, item_rows: list[dict[str, Any]], reports: list[SessionReport], who: str | None) -> None:
        """Write the history entries the reports give their new items (one pass over history)."""
        entries_by_text: dict[tuple[str, str], tuple[tuple[str, str, str], ...]] = {}
        for report in reports:
            for item in report.items:
                if item.history:
                    entries_by_text[(item.kind.value, item.text)] = item.history
        if not entries_by_text:
            return
        rows = [
            (row["id"], name, old, new)
            for row in item_rows
            for name, old, new in entries_by_text.get((row["kind"], row["text"]), ())
        ]
        file.db.change(lambda tables: add_rows(tables, rows, who, revision=0))

    @staticmethod
    def _session_row(report: SessionReport, session_id: str, digest: str, origin: str) -> dict[str, Any]:
        session = Session(
            id=session_id,
            date=report.date,
            province=report.province,
            leader=report.leader,
            title=report.title,
            source=report.source,
            commune_codes=tuple(c.code for c in report.communes),
            participants=report.participants,
        )
        read = (report.read_hash,) if report.read_hash else ()
        return session_row(session, content_hash=digest, origin=origin, source_file=report.source_name, read_hashes=read)
