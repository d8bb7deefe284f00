"""`haicap synth`: a SYNTHETIC store for scale tests, real communes with made-up reports.

    haicap synth --db PATH [--preset national|province] [--communes N]
                 [--sessions-per-commune S] [--items-per-session I] [--province NAME] [--seed K]

Generates sessions and items with `store.ingest.synthetic` and writes them through
`Store.add_reports(..., origin="synthetic")`, several provinces per call (`--batch-items`),
so each call rewrites the store once rather than once per session. Every record is marked
synthetic (origin), every session title starts with "[Dữ liệu tổng hợp]".

It refuses: no `--db`; the store haicap uses by default; a folder inside the bundled
`seeds/`; a non-empty folder that is not a haicap store; a store that holds any session that
is neither synthetic nor a bundled seed session, or only seed sessions (real data is never
mixed with made-up data: a generated store is marked so that the dashboard never loads the
seed session into it; one made before that mark may hold it, and is accepted).
Run again on a synthetic store, the same seed adds nothing (each session carries a hash of
its content) and another seed adds more sessions.

Progress goes to stderr; stdout gets one summary line:
`communes=166 sessions=431 items=15936 added=431 seconds=9.8 store_mb=6.1 db=PATH`.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from haicap.store.domain.i18n import _, pgettext
from haicap.tui.cli.commands.common import CommandError, current_day, parse_count
from haicap.tui.cli.grammar import OneLineParser, Subcommands

if TYPE_CHECKING:
    from haicap.store.ingest.reports import SessionReport

__all__ = ["refuse_unsafe_target", "register", "store_size_bytes"]

_Default = TypeVar("_Default", bound=int | None)


def register(commands: Subcommands, parents: list[OneLineParser]) -> None:
    """Add synth."""
    synth = commands.add_parser(
        "synth",
        help=_("generate a SYNTHETIC store (real communes, made-up reports) for scale tests"),
        description=_(
            "Generate made-up sessions and items for real communes of the registry, labelled "
            "synthetic in every record, into the store at --db (required; never your default store). "
            "Presets: national (all 3,321 communes, 4 sessions each, 24 items per commune and session, "
            "about 320,000 items) and province (the 166 communes of Thanh Hóa)."
        ),
    )
    synth.add_argument(
        "--db",
        metavar=pgettext("metavar", "PATH"),
        default=argparse.SUPPRESS,
        help=_("the store folder to create or add to (required; a new, empty or synthetic store)"),
    )
    synth.add_argument("--preset", choices=("national", "province"), help=_("national or province-sized store"))
    synth.add_argument("--communes", metavar="N", help=_("how many communes (the first N of the province or country)"))
    synth.add_argument("--sessions-per-commune", metavar="S", help=_("sessions each commune gets (default 4)"))
    synth.add_argument(
        "--items-per-session",
        metavar="I",
        help=_("items per commune a session covers (default 24); total items = communes × S × I"),
    )
    synth.add_argument(
        "--province", metavar=pgettext("metavar", "NAME"), dest="synth_province", help=_("only communes of this province")
    )
    synth.add_argument("--seed", metavar="K", default="0", help=_("seed of the random choices (default 0)"))
    synth.add_argument(
        "--batch-items",
        metavar="N",
        default="40000",
        help=_("items written per store call (default 40000; whole provinces per call)"),
    )
    synth.set_defaults(handler=_synth)


def _count(text: str | None, option: str, default: _Default, *, minimum: int = 1) -> int | _Default:
    """The count given for `option`, else `default` (None only where "all" is meant: --communes)."""
    return default if text is None else parse_count(text, option, minimum=minimum)


def refuse_unsafe_target(args: argparse.Namespace, db_path: Path, command: str) -> None:
    """Only an explicit --db, never the store haicap uses by default, never inside `seeds/`."""
    from haicap import seeds
    from haicap.store.db.paths import DB_ENV_VAR, default_store_path

    if getattr(args, "db", None) is None:
        raise CommandError(
            _("{command} writes a store: give a scratch store folder with --db PATH").format(command=command), code=2
        )
    defaults = [default_store_path()]
    if os.environ.get(DB_ENV_VAR, "").strip():
        defaults.append(Path(os.environ[DB_ENV_VAR].strip()).expanduser())
    target = db_path.resolve()
    if any(target == d.resolve() for d in defaults):
        raise CommandError(
            _("{path}: is the store haicap uses by default; {command} needs a scratch store folder").format(
                path=db_path, command=command
            )
        )
    seeds_dir = Path(seeds.__file__).resolve().parent
    if target == seeds_dir or seeds_dir in target.parents:
        raise CommandError(_("{path}: is inside the bundled seeds/; write generated stores elsewhere").format(path=db_path))


def _refuse_real_store(db_path: Path) -> int:
    """Return how many sessions the store at `db_path` holds; CommandError unless it is new,
    empty, or holds only synthetic sessions (and the bundled seed sessions)."""
    from haicap.store import Store, StoreError
    from haicap.store.db.storage import STORE_FILE
    from haicap.store.ingest.reports import bundled_reports
    from haicap.store.ingest.synthetic import is_synthetic_title

    if not db_path.exists():
        return 0
    if not db_path.is_dir():
        raise CommandError(_("{path}: is a file; a haicap store is a folder").format(path=db_path))
    if not (db_path / STORE_FILE).exists():
        if any(db_path.iterdir()):
            raise CommandError(_("{path}: is a folder but not a haicap store; give a new or empty folder").format(path=db_path))
        return 0
    try:
        with Store.open(db_path, read_only=True) as store:
            # A synthetic store opened in the dashboard gets the bundled seed session too.
            seeds = {(r.date, r.title) for r in bundled_reports(store.registry)}
            sessions = store.sessions()
            synthetic = [s for s in sessions if is_synthetic_title(s.title)]
            real = [s for s in sessions if not is_synthetic_title(s.title) and (s.date, s.title) not in seeds]
    except StoreError as error:
        raise CommandError(str(error)) from None
    if not synthetic and sessions:
        real = list(sessions)  # the seed sessions alone: a user's new store, not a generated one
    if real:
        raise CommandError(
            _(
                "{path}: holds {count} session(s) that are not synthetic (e.g. {title}); "
                "synth only writes into a new, empty or synthetic store"
            ).format(path=db_path, count=len(real), title=repr(real[0].title[:60]))
        )
    return len(sessions)


def store_size_bytes(path: Path) -> int:
    """Bytes of every file under the store folder, a file hard-linked twice (backups) counted once."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                info = os.stat(os.path.join(root, name))
            except FileNotFoundError:
                continue  # a temporary file renamed meanwhile
            if (info.st_dev, info.st_ino) not in seen:
                seen.add((info.st_dev, info.st_ino))
                total += info.st_size
    return total


def _progress(message: str) -> None:
    print(f"synth: {message}", file=sys.stderr, flush=True)


def _synth(args: argparse.Namespace, db_path: Path) -> int:
    from haicap.store import Store, StoreError
    from haicap.store.db.backups import MIN_KEEP
    from haicap.store.domain.registry import load_registry
    from haicap.store.ingest.synthetic import PRESETS, SynthOptions, choose_communes, generate

    base = PRESETS[args.preset] if args.preset else SynthOptions()
    options = SynthOptions(
        communes=_count(args.communes, "--communes", base.communes),
        sessions_per_commune=_count(args.sessions_per_commune, "--sessions-per-commune", base.sessions_per_commune),
        items_per_session=_count(args.items_per_session, "--items-per-session", base.items_per_session),
        seed=_count(args.seed, "--seed", 0, minimum=0),
        province=args.synth_province or base.province,
    )
    batch_items = _count(args.batch_items, "--batch-items", 40000)
    refuse_unsafe_target(args, db_path, "synth")
    registry = load_registry()
    try:
        communes = choose_communes(registry, options)
    except ValueError as error:
        raise CommandError(str(error), code=2) from None
    before = _refuse_real_store(db_path)
    day = current_day(args)
    total = len(communes) * options.sessions_per_commune * options.items_per_session
    _progress(
        _(
            "{communes} communes × {sessions} sessions × {items} items = {total} items into {path} "
            "(seed {seed}, today {day}; {before} sessions there already)"
        ).format(
            communes=len(communes),
            sessions=options.sessions_per_commune,
            items=options.items_per_session,
            total=f"{total:,}",
            path=db_path,
            seed=options.seed,
            day=day,
            before=before,
        )
    )
    started = time.monotonic()
    sessions = items = added = 0
    try:
        with Store.open(db_path, registry=registry) as store:
            store.skip_seeds()  # made-up data only: the dashboard must not add the real session
            # Each batch rewrites the whole file; keeping the versions in between would only
            # fill the disk (5 × 125 MB nationally): the fewest a store may keep (1) while
            # generating. The setting is put back at the end.
            keep = store.backup_count
            store.set_backup_count(MIN_KEEP)
            batch: list[SessionReport] = []

            def flush() -> None:
                nonlocal added
                if batch:
                    added += sum(1 for session in store.add_reports(batch, origin="synthetic") if session)
                    batch.clear()

            for province, reports in generate(registry, options, day):
                batch.extend(reports)
                sessions += len(reports)
                items += sum(len(report.items) for report in reports)
                if sum(len(r.items) for r in batch) >= batch_items:
                    flush()
                    _progress(
                        _("{province}: {sessions} sessions, {items} items, {seconds} s").format(
                            province=province.name,
                            sessions=f"{sessions:,}",
                            items=f"{items:,}",
                            seconds=f"{time.monotonic() - started:.1f}",
                        )
                    )
            flush()
            store.set_backup_count(keep)
    except StoreError as error:
        raise CommandError(str(error)) from None
    seconds = time.monotonic() - started
    size = store_size_bytes(db_path) / 1e6
    print(
        f"communes={len(communes)} sessions={sessions} items={items} added={added} "
        f"seconds={seconds:.1f} store_mb={size:.1f} db={db_path}"
    )
    return 0
