"""`haicap stress`: many real `haicap` commands on one store at once, then a check that nothing was lost.

    haicap stress --db PATH [--writers N] [--edits N | --seconds S] [--readers N]
                  [--preset province|national] [--kill] [--kills N] [--seed N]

Each of the N writers runs real `haicap set ID --note …` commands one after the other (a
separate process each, as an officer's shell would), on random requests and directives,
every note unique, so each edit is exactly one history entry. An edit is *confirmed* when
its `set` exited 0. Each of the `--readers` readers runs `haicap items --json` in a loop
meanwhile. Every write and every read is timed as a whole process.

Writers make `--edits` edits each, or, with `--seconds S`, start new edits for S seconds
(the ones under way then finish). Afterwards the store is opened again and its history read
back:

    lost      confirmed edits that have no history entry
    corrupt   1 when the store no longer opens (damaged JSON, a row the store cannot read)

With `--kill`, a running `set` is killed with SIGKILL at random moments, `--kills` times
(its writer goes on with its next edit), and the writers go on until every kill is done. The
edit a killed `set` had under way may be in the store or not; only confirmed edits count
as lost.

stdout gets a line of figures (elapsed time, edits per second, ...) and then the summary
line, `writers=8 edits=200 lost=0 corrupt=0 write_p50_ms=1135 write_p95_ms=1318 reads=0
read_p95_ms=0` (`kills=100` after `corrupt` with `--kill`; `edits` counts the confirmed
edits; a percentile of no timings is 0). Exit 0 when nothing was lost, the store loads and
every command did its work.

The command WRITES to the store, so it works only on a store it created itself: given an
explicit `--db` naming a missing or empty folder, it creates a new store there, marked
`created_by: "haicap stress"` in its meta table and seeded with the bundled sessions; a later
run may use that store again. With `--preset`, the store is made by `haicap synth --preset …`
instead: in a temporary folder removed afterwards, or in `--db` when given, which synth must
accept (a new, empty or synthetic store: never real data). Any other store (a real one, even
with a single session, or the one haicap uses by default) is refused with one line, exit 2,
and left untouched.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from haicap.store.domain.i18n import _
from haicap.tui.cli.commands.common import CommandError, parse_count
from haicap.tui.cli.dev.benchmarks import percentile as shared_percentile
from haicap.tui.cli.dev.stress_run import HAICAP, StressPlan, StressRun, progress
from haicap.tui.cli.grammar import OneLineParser, Subcommands

__all__ = ["percentile", "register"]

STRESS_MARK = "haicap stress"
"""What the meta table of a store stress created says in `created_by`."""

PRESETS = ("province", "national")
"""The `haicap synth` presets stress can make its scratch store with."""


def register(commands: Subcommands, parents: list[OneLineParser]) -> None:
    """Add stress."""
    stress = commands.add_parser(
        "stress",
        help=_("WRITES to a scratch store: concurrent writers (and kills), then check nothing was lost"),
        description=_(
            "Run several writers, each running haicap set commands one after another, and readers "
            "running haicap items --json, on the store at --db at the same time; time every command, "
            "then check that every confirmed edit has its history entry and that the store still "
            "loads. It WRITES to the store (notes and history of requests and directives), so it works "
            "only on a store it created: give a new or empty folder with --db, and it creates a seeded "
            "store there (which later runs may use again), or --preset to have haicap synth make it. "
            "Any other store is refused and left untouched."
        ),
    )
    stress.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=_("the scratch store folder (required without --preset): a new or empty folder, or one an earlier stress created"),
    )
    stress.add_argument("--writers", metavar="N", default="8", help=_("writers at a time (default 8)"))
    stress.add_argument("--edits", metavar="N", default="25", help=_("edits each writer makes (default 25)"))
    stress.add_argument(
        "--seconds",
        metavar="S",
        help=_("run for S seconds instead of a number of edits (edits under way then finish)"),
    )
    stress.add_argument(
        "--readers", metavar="N", default="0", help=_("readers running haicap items --json meanwhile (default 0)")
    )
    stress.add_argument(
        "--preset",
        metavar="province|national",
        help=_(
            "a synthetic store made by haicap synth --preset: in a temporary folder removed afterwards, "
            "or in --db (new, empty or synthetic)"
        ),
    )
    stress.add_argument("--kill", action="store_true", help=_("kill random haicap set commands with SIGKILL while they write"))
    stress.add_argument("--kills", metavar="N", default="100", help=_("how many commands --kill kills (default 100)"))
    stress.add_argument("--seed", metavar="N", help=_("seed of the random choices (default: a random one, printed)"))
    stress.set_defaults(handler=_stress)


# -- the store ---------------------------------------------------------------------------


def _refuse_default_store(args: argparse.Namespace, db_path: Path) -> None:
    """Only an explicit --db, and never the store haicap would use without one."""
    from haicap.store.db.paths import DB_ENV_VAR, default_store_path

    if getattr(args, "db", None) is None:
        raise CommandError(_("stress writes to the store: give a scratch store folder with --db PATH"), code=2)
    defaults = [default_store_path()]
    if os.environ.get(DB_ENV_VAR, "").strip():
        defaults.append(Path(os.environ[DB_ENV_VAR].strip()).expanduser())
    if any(db_path.resolve() == d.resolve() for d in defaults):
        raise CommandError(
            _("{path}: is the store haicap uses by default; {command} needs a scratch store folder").format(
                path=db_path, command="stress"
            )
        )


def _prepare_store(db_path: Path) -> None:
    """Create, mark and seed a new store in a new or empty folder, or reuse one stress created;
    refuse any other store (it would get stress notes in its real items)."""
    from haicap.store import Store, StoreError
    from haicap.store.db.database import STORE_FILE

    new = not (db_path / STORE_FILE).exists()
    if new and db_path.is_dir() and any(db_path.iterdir()):
        raise CommandError(_("{path}: is a folder but not a haicap store; give a new or empty folder").format(path=db_path))
    if not new:
        try:
            with Store.open(db_path, read_only=True) as viewer:  # looking writes nothing
                creator = viewer.created_by
        except StoreError as error:
            raise CommandError(str(error), code=2) from None
        if creator != STRESS_MARK:
            raise CommandError(
                _(
                    "{path}: is a store stress did not create; stress writes notes into its items, so it "
                    "refuses it (give a new or empty folder with --db)"
                ).format(path=db_path),
                code=2,
            )
    if new:
        with Store.open(db_path) as store:
            store.mark_created_by(STRESS_MARK)
            added = store.ensure_seeded()
        progress(_("new store at {path}, seeded with {added} sessions").format(path=db_path, added=added))


def _synth_store(preset: str, db_path: Path, env: dict[str, str]) -> None:
    """Make (or add nothing to) a synthetic store at `db_path` with the real `haicap synth`
    command; its refusals (real data, a folder that is not a store) become stress's own."""
    started = time.monotonic()
    done = subprocess.run(
        [*HAICAP, "synth", "--preset", preset, "--db", str(db_path)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", errors="replace").strip().splitlines() or [""]
        said = lines[-1].removeprefix("haicap: ")
        raise CommandError(said, code=2 if done.returncode in (1, 2) else 1)
    progress(
        _("{path}: made by haicap synth --preset {preset} in {seconds} s").format(
            path=db_path, preset=preset, seconds=f"{time.monotonic() - started:.1f}"
        )
    )


def _editable_ids(db_path: Path) -> list[str]:
    from haicap.store import Store, StoreError
    from haicap.store.domain.models import TRACKED_KINDS

    try:
        with Store.open(db_path, read_only=True) as store:
            ids = [item.id for item in store.items(kinds=TRACKED_KINDS)]
    except StoreError as error:
        raise CommandError(str(error), code=2) from None
    if not ids:
        raise CommandError(_("{path}: the store has no requests or directives to edit").format(path=db_path))
    return ids


def percentile(values: list[float], percent: float) -> float:
    """The nearest-rank percentile of `values`, `percent` 95 for p95 (0 for none): the one
    `haicap bench` uses, so the two commands' p95 mean the same."""
    return shared_percentile(values, percent / 100)


def _stress(args: argparse.Namespace, db_path: Path) -> int:
    writers = parse_count(args.writers, "--writers")
    edits = parse_count(args.edits, "--edits")
    seconds = parse_count(args.seconds, "--seconds") if args.seconds is not None else None
    readers = parse_count(args.readers, "--readers", minimum=0)
    kills = parse_count(args.kills, "--kills") if args.kill else 0
    if args.preset is not None and args.preset not in PRESETS:
        said = _("--preset: '{value}' is not a preset; use one of: {presets}")
        raise CommandError(said.format(value=args.preset, presets=", ".join(PRESETS)), code=2)
    seed = parse_count(args.seed, "--seed", minimum=0) if args.seed is not None else random.SystemRandom().randrange(10**6)
    from haicap.tui.cli.logging_setup import LOG_ENV_VAR

    env = dict(os.environ)
    scratch: Path | None = None
    if args.preset is None or getattr(args, "db", None) is not None:
        _refuse_default_store(args, db_path)
    # The commands' own log lines go beside the run, not into the user's haicap.log.
    logs = Path(tempfile.mkdtemp(prefix="haicap-stress-log-"))
    env[LOG_ENV_VAR] = str(logs / "haicap.log")
    try:
        if args.preset is None:
            _prepare_store(db_path)
        else:
            from haicap.tui.cli.dev.synth import refuse_unsafe_target

            if getattr(args, "db", None) is None:
                scratch = Path(tempfile.mkdtemp(prefix="haicap-stress-"))
                db_path = scratch / "store"
            else:
                refuse_unsafe_target(args, db_path, "stress")
            _synth_store(args.preset, db_path, env)
        ids = _editable_ids(db_path)
        plan = StressPlan(writers, edits, seconds, readers, kills, seed, uuid.uuid4().hex[:8])
        amount = _("{seconds} s").format(seconds=seconds) if seconds is not None else _("{edits} edits").format(edits=edits)
        progress(
            _("{writers} writers × {amount}, {readers} readers, {kills} kills on {path} (seed {seed}, run {run})").format(
                writers=writers, amount=amount, readers=readers, kills=kills, path=db_path, seed=seed, run=plan.run
            )
        )
        run = StressRun(db_path, ids, plan, env)
        try:
            elapsed = run.go(random.Random(seed))
        except KeyboardInterrupt:
            raise CommandError(
                _("stress interrupted: its writers were stopped; the store holds part of the run"), code=130
            ) from None
        return _check(run, db_path, elapsed)
    finally:
        shutil.rmtree(logs, ignore_errors=True)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


# -- the check ---------------------------------------------------------------------------


def _check(run: StressRun, db_path: Path, elapsed: float) -> int:
    from haicap.store import Store

    progress(_("checking the store"))
    plan = run.plan
    confirmed = {(w.number, e) for w in run.writers for e in w.confirmed}
    in_flight = {(w.number, e) for w in run.writers for e in w.killed}
    touched = {i for w in run.writers for i in (*w.confirmed.values(), *w.killed.values())}
    refusals = [f"w{w.number} {message}" for w in run.writers for message in w.refusals]
    failed = [f"w{w.number} {message}" for w in run.writers for message in w.failures]
    read_failed = [f"r{r.number} {message}" for r in run.readers for message in r.failures]

    note = re.compile(rf"stress {re.escape(plan.run)} w(\d+) e(\d+)")
    present: dict[tuple[int, int], int] = {}
    unrecorded = 0
    corrupt = 0
    try:
        with Store.open(db_path) as store:
            for item in store.items():
                if item.id not in touched and not note.fullmatch(item.tracking.note or ""):
                    continue
                notes = set()
                for entry in store.history(item.id):
                    found = note.fullmatch(entry.new) if entry.field == "note" else None
                    if found:
                        key = (int(found[1]), int(found[2]))
                        present[key] = present.get(key, 0) + 1
                        notes.add(entry.new)
                # The store never holds a change without its record: a stress note must have one.
                if note.fullmatch(item.tracking.note or "") and item.tracking.note not in notes:
                    unrecorded += 1
    except Exception as error:  # noqa: BLE001  # StoreError for a damaged file; anything else is damage too
        corrupt = 1
        reason = " ".join(str(error).splitlines())
        print("haicap: " + _("the store does not load after the stress run: {reason}").format(reason=reason), file=sys.stderr)

    lost = 0 if corrupt else len(confirmed - present.keys())
    # Present but never confirmed: fine for the edit a killed `set` had under way.
    unexpected = len(present.keys() - confirmed - in_flight)
    duplicated = sum(1 for count in present.values() if count > 1)
    temp_files = sum(1 for p in db_path.iterdir() if p.name.endswith(".tmp")) if db_path.is_dir() else 0
    writes = [t for w in run.writers for t in w.times]
    reads = [t for r in run.readers for t in r.times]

    def ms(seconds: float) -> int:
        return round(seconds * 1000)

    rate = len(confirmed) / elapsed if elapsed > 0 else 0.0
    print(
        f"elapsed={elapsed:.1f}s rate={rate:.1f} edits/s processes={sum(w.commands for w in run.writers)} "
        f"refused={len(refusals)} failed={len(failed)} unrecorded={unrecorded} unexpected={unexpected} duplicated={duplicated} "
        f"temp_files={temp_files} readers={plan.readers} read_failed={len(read_failed)} "
        f"write_max_ms={ms(max(writes, default=0.0))} read_p50_ms={ms(percentile(reads, 50))} "
        f"read_max_ms={ms(max(reads, default=0.0))}"
    )
    summary = f"writers={plan.writers} edits={len(confirmed)} lost={lost} corrupt={corrupt}"
    print(
        summary
        + (f" kills={run.kills_done}" if plan.kills else "")
        + f" write_p50_ms={ms(percentile(writes, 50))} write_p95_ms={ms(percentile(writes, 95))}"
        + f" reads={len(reads)} read_p95_ms={ms(percentile(reads, 95))}"
    )
    for message in failed[:5]:
        print("haicap: " + _("writer {message}").format(message=message), file=sys.stderr)
    for message in refusals[:5]:
        print("haicap: " + _("the store refused an edit: {message}").format(message=message), file=sys.stderr)
    for message in read_failed[:5]:
        print("haicap: " + _("reader {message}").format(message=message), file=sys.stderr)
    return 0 if lost == 0 and corrupt == 0 and not failed and not refusals and not read_failed else 1
