"""Reports in: `haicap import`, `haicap extract` and `haicap eval`.

haicap import FILE... [--dry-run] [--link] [...]  add reports to the store (all or nothing)
haicap extract FILE [--json]                  what the reader understands; touches no store
haicap eval DIR                               score the reader on labelled articles
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

from haicap.store import Kind, StoreError
from haicap.store.domain.file_names import shown_name
from haicap.store.domain.i18n import _, pgettext
from haicap.store.ingest.reader.left_out import reason_text
from haicap.tui.cli.commands.common import CommandError, current_day, fail, parse_day
from haicap.tui.cli.grammar import OneLineParser, Subcommands

if TYPE_CHECKING:
    from haicap.store import Session, Store
    from haicap.store.domain.registry import Registry
    from haicap.store.ingest.import_plan import ImportPlan
    from haicap.store.ingest.importer import Overrides

__all__ = ["register"]


def _date_argument(text: str) -> dt.date:
    """argparse type for --date: YYYY-MM-DD or DD/MM/YYYY, a day that exists, within years
    2000–2100 (see `parse_day`); what was typed is echoed with escape sequences made visible."""
    try:
        day = parse_day(text, "--date")
    except CommandError as error:
        raise argparse.ArgumentTypeError(str(error).removeprefix("--date: ")) from None
    assert day is not None
    return day


def _session_options(parser: argparse.ArgumentParser) -> None:
    """The options that correct what was detected in a file (import and extract)."""
    parser.add_argument(
        "--commune",
        metavar=pgettext("metavar", "COMMUNE"),
        action="append",
        default=[],
        help=_("the commune the session is with, e.g. 'xã Ngọc Trạo' or its code; repeat for several"),
    )
    parser.add_argument(
        "--date",
        metavar=pgettext("metavar", "DATE"),
        type=_date_argument,
        help=_("session date, YYYY-MM-DD or DD/MM/YYYY"),
    )
    parser.add_argument("--leader", metavar=pgettext("metavar", "NAME"), help=_("the provincial leader who held the session"))
    parser.add_argument(
        "--province",
        metavar=pgettext("metavar", "NAME"),
        dest="session_province",
        help=_("the province of the session"),
    )


def register(commands: Subcommands, parents: list[OneLineParser]) -> None:
    """Add import, extract and eval."""
    importer = commands.add_parser(
        "import",
        parents=parents,
        help=_(
            "add report files (.yaml/.json, .docx, .txt/.md) to the store, all or nothing; "
            "or read back an agency's filled tracking table (.xlsx, .csv)"
        ),
        description=_(
            "Read each file, show what was understood, and add the sessions to the store. "
            "If any file cannot be read, nothing is written."
        ),
    )
    importer.add_argument("files", metavar=pgettext("metavar", "FILE"), nargs="+", type=Path)
    importer.add_argument(
        "--dry-run",
        action="store_true",
        help=_("show every item and every left-out sentence that would be imported; write nothing"),
    )
    importer.add_argument(
        "--new-session",
        action="store_true",
        help=_("store each file as a session of its own, even when it reports a session already stored"),
    )
    importer.add_argument(
        "--link",
        action="store_true",
        help=_(
            "store the suggested links: each request responds to the directives of its file "
            "suggested under the plan (without it they are only shown)"
        ),
    )
    _session_options(importer)
    importer.set_defaults(handler=_import)

    extract = commands.add_parser(
        "extract",
        help=_("print what the reader finds in one file, without touching any store"),
    )
    extract.add_argument("file", metavar=pgettext("metavar", "FILE"), type=Path)
    extract.add_argument("--json", action="store_true", help=_("print one JSON object (date, province, leader, communes, items)"))
    _session_options(extract)
    extract.set_defaults(handler=_extract)

    evaluate = commands.add_parser(
        "eval",
        help=_("score the reader on labelled articles (NN_*.txt with .key.json answer keys)"),
    )
    evaluate.add_argument("folder", metavar=pgettext("metavar", "DIR"), type=Path)
    evaluate.add_argument(
        "--as-import",
        action="store_true",
        help=_("read each body as `haicap import` reads a text file (section headings decide kinds), not with the reader alone"),
    )
    evaluate.set_defaults(handler=_eval)


def _overrides(args: argparse.Namespace) -> Overrides:
    from haicap.store.ingest.importer import Overrides

    return Overrides(
        communes=tuple(args.commune),
        date=args.date,
        leader=args.leader,
        province=args.session_province or args.province,
    )


def _import(args: argparse.Namespace, db_path: Path) -> int:
    from haicap.store.ingest.tracking_file import is_tracking_table

    tables = [path for path in args.files if is_tracking_table(path)]
    if tables:
        from haicap.tui.cli.commands.tracking_import import import_tracking, refuse_mixed

        refuse_mixed(args, tables, [path for path in args.files if path not in tables])
        return import_tracking(args, db_path, tables)
    return _import_reports(args, db_path)


def _import_reports(args: argparse.Namespace, db_path: Path) -> int:
    from haicap.store.domain.registry import load_registry
    from haicap.store.ingest.importer import match_stored_session, plan_import
    from haicap.store.ingest.plan_links import accept_all, describe_suggestions
    from haicap.store.views.links import session_item_ids, store_import_links

    registry = load_registry()
    overrides = _overrides(args)
    day = current_day(args)  # gives a year to "Sáng 25/11" when the text has none (--today, HAICAP_TODAY)
    plans, errors = [], []
    for path in args.files:
        try:
            plans.append(plan_import(path, registry, overrides=overrides, today=day))
        except StoreError as error:
            errors.append(str(error))
        except Exception as error:  # noqa: BLE001
            # The reader is heuristic code run on any file a user has: a bug there is one
            # line naming the file, never a traceback, and nothing is written.
            errors.append(_cannot_read(path, error))
    if errors:
        if len(args.files) == 1:
            return fail(_("{error}; nothing imported").format(error=errors[0]))  # one file, one line
        for plan in plans:
            print("\n".join(plan.describe()))
        for message in errors:
            fail(message)
        refused = _("nothing imported: {refused} of {files} files refused")
        return fail(refused.format(refused=len(errors), files=len(args.files)))
    try:
        store = _store_to_match(db_path, args.dry_run, registry)
    except StoreError as error:
        return fail(str(error))
    added: list[Session | None] = [None] * len(plans)
    linked = 0
    with store if store is not None else contextlib.nullcontext():
        # Province by province: each one's file is read, matched, written and let go before
        # the next, so importing a thousand articles from the whole country holds one
        # province in memory (see Store.each_province).
        by_province: dict[str, list[int]] = {}
        for number, plan in enumerate(plans):
            by_province.setdefault(plan.report.province.code, []).append(number)
        try:
            for numbers in by_province.values() if store is not None else ():
                assert store is not None  # (a dry run without a store matches nothing)
                province = plans[numbers[0]].report.province
                was_loaded = store.is_loaded(province)
                if not args.new_session:
                    for number in numbers:
                        plans[number] = match_stored_session(plans[number], store)
                if not args.dry_run:
                    # The ids a stored session had, to tell the new items from them (only to link).
                    before = {n: session_item_ids(store, _matched_session(plans[n])) for n in numbers if args.link}
                    for number, session in zip(numbers, store.add_reports([plans[n].report for n in numbers]), strict=True):
                        added[number] = session
                        if session is not None and args.link:
                            linked += len(store_import_links(store, accept_all(plans[number]), session, before.get(number, ())))
                if not was_loaded:
                    store.release_province(province)
        except StoreError as error:
            return fail(str(error))
        for plan in plans:
            print("\n".join(plan.describe() + describe_suggestions(plan)))
        if args.dry_run:
            print(_("dry run: {files} file(s) read, nothing written").format(files=len(plans)))
            return 0
    new = sum(1 for plan, session in zip(plans, added, strict=True) if session and plan.match is None)
    extended = sum(1 for plan, session in zip(plans, added, strict=True) if session and plan.match is not None)
    already = len(added) - new - extended
    parts = [_("imported {count} session(s) into {path}").format(count=new, path=db_path)]
    if extended:
        parts.append(_("{count} added to a session already stored").format(count=extended))
    if already:
        parts.append(_("{count} already there").format(count=already))
    if linked:
        parts.append(_("{count} request(s) linked to their directives").format(count=linked))
    print("; ".join(parts))
    return 0


def _matched_session(plan: ImportPlan) -> str | None:
    """The id of the stored session `plan` adds to, if any."""
    return plan.match.session_id if plan.match else None


def _store_to_match(db_path: Path, dry_run: bool, registry: Registry) -> Store | None:
    """The store an import is compared with and written to. A dry run only reads it, and
    only if it exists: it never creates a store."""
    from haicap.store import Store
    from haicap.store.db.storage import STORE_FILE

    if dry_run:
        if not (db_path / STORE_FILE).is_file():
            return None
        return Store.open(db_path, registry=registry, read_only=True)
    return Store.open(db_path, registry=registry)


def _extract(args: argparse.Namespace, db_path: Path) -> int:
    from haicap.store.domain.registry import load_registry
    from haicap.store.ingest.importer import extraction_of

    try:
        extraction = extraction_of(args.file, load_registry(), overrides=_overrides(args), today=current_day(args))
    except StoreError as error:
        return fail(str(error))
    except Exception as error:  # noqa: BLE001 - see _import
        return fail(_cannot_read(args.file, error))
    data = extraction.to_json()
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    communes = ", ".join(f"{c['type']} {c['name']}" for c in data["communes"]) or pgettext("cli", "none found")
    missing = pgettext("cli", "not found")
    found = _("date: {date} · province: {province} · leader: {leader}").format(
        date=data["date"] or missing, province=data["province"] or missing, leader=data["leader"] or missing
    )
    print(f"{args.file}\n  {found}\n  " + _("communes: {communes}").format(communes=communes))
    for item in data["items"]:
        follow = []
        if item["owner"]:
            follow.append(_("owner: {owner}").format(owner=item["owner"]))
        if item["deadline"]:
            follow.append(_("deadline: {deadline}").format(deadline=item["deadline"]))
        if item["co_agencies"]:
            follow.append(_("with: {agencies}").format(agencies=", ".join(item["co_agencies"])))
        mark = " ?" if item["unsure"] else ""
        # The JSON's slugs ("request", "caption") in the language spoken, as `haicap import` shows them.
        kind = Kind(item["kind"]).singular
        print(f"  [{kind}{mark}] " + (f"({'; '.join(follow)}) " if follow else "") + item["text"])
    for left in data["left_out"]:
        print("  [" + _("left out: {reason}").format(reason=reason_text(left["reason"])) + f"] {left['text']}")
    return 0


def _cannot_read(path: Path, error: Exception) -> str:
    """One line for a bug of the reader on a file: its name and the error."""
    said = _("{file}: cannot read ({error})")
    return said.format(file=shown_name(path), error=f"{type(error).__name__}: {error}")


def _eval(args: argparse.Namespace, db_path: Path) -> int:
    from haicap.store.domain.registry import load_registry
    from haicap.store.ingest.reader.evaluate import evaluate_dir, format_scores

    if not args.folder.is_dir():
        return fail(_("{folder}: not a folder of labelled articles").format(folder=args.folder))
    if args.as_import:
        from haicap.store.ingest.importer import read_as_import

        report = evaluate_dir(args.folder, load_registry(), read_as_import)
    else:
        report = evaluate_dir(args.folder, load_registry())
    if not report.articles:
        return fail(_("{folder}: no article with a .key.json answer key").format(folder=args.folder))
    print(format_scores(report))
    return 0
