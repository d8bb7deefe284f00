"""`haicap import` of an agency's filled tracking table (.xlsx, .csv): its rows read back into the store.

    haicap import tracking.xlsx [--dry-run]

The plan comes first (one line per changed field, old → new), the refused rows on
standard error (`haicap: FILE: row N (ID): reason`), then what was done. Exit 0 when
every row was applied or unchanged, 1 when any row was refused (the others are applied).
Tracking tables and report files are not mixed in one call: they are different things
(a report adds a session, all or nothing; a table updates items row by row), and a call
that names both is refused before anything is read or written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from haicap.store import StoreError
from haicap.store.domain.file_names import shown_name
from haicap.store.domain.i18n import _
from haicap.tui.cli.commands.common import CommandError, current_day, fail, open_store

__all__ = ["import_tracking", "refuse_mixed"]

_REPORT_OPTIONS = ("commune", "date", "leader", "session_province", "new_session")


def refuse_mixed(args: argparse.Namespace, tables: list[Path], reports: list[Path]) -> None:
    """A CommandError (exit 2) when one call names tracking tables and report files, or
    gives a table the options that correct a report's session."""
    if tables and reports:
        said = _("{table} is a tracking table and {report} a report; import them in two calls (nothing imported)")
        raise CommandError(said.format(table=shown_name(tables[0]), report=shown_name(reports[0])), code=2)
    given = [name for name in _REPORT_OPTIONS if getattr(args, name, None)]
    if tables and given:
        option = "--" + given[0].replace("session_", "").replace("_", "-")
        said = _("{option}: corrects a report's session; a tracking table has none (nothing imported)")
        raise CommandError(said.format(option=option), code=2)


def import_tracking(args: argparse.Namespace, db_path: Path, paths: list[Path]) -> int:
    """Read each table, then plan (`--dry-run`) or apply it, table by table."""
    from haicap.store.ingest.tracking_file import read_tracking_file

    today = current_day(args)
    tables = []
    for path in paths:
        try:
            tables.append(read_tracking_file(path))
        except StoreError as error:
            return fail(_("{error}; nothing imported").format(error=error))
    refused = False
    try:
        with open_store(db_path) as store:
            if store.read_only and not args.dry_run:
                return fail(_("Read-only: nothing can be imported"))
            for table in tables:
                plan = store.plan_tracking(table, today) if args.dry_run else store.apply_tracking(table, today)
                print("\n".join(plan.describe()))
                for line in plan.refusal_lines():
                    fail(line)
                refused = refused or bool(plan.refused)
                print(plan.summary())
    except StoreError as error:
        return fail(str(error))
    if args.dry_run:
        print(_("dry run: nothing written"))
    return 1 if refused else 0
