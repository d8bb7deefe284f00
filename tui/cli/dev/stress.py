"""`haicap stress`: many processes editing one store at once, then a check that nothing was lost.

    haicap stress --db PATH [--writers N] [--edits N] [--kill] [--kills N] [--seed N]

Starts N writer processes (separate Python interpreters), each opening the store itself and
making its edits through the `Store` API: `update_tracking(item, note=..., who="stress-W")` on
random requests and directives, every note unique, so each edit is exactly one history entry.
A writer appends the number of each edit to its own log (flushed and fsynced) once the store
call has returned: that edit is *confirmed*.

Afterwards the store is opened again and its history read back:

    lost      confirmed edits that have no history entry
    corrupt   1 when the store no longer opens (damaged JSON, a row the store cannot read)

With `--kill`, writers run continuously and a random one (that has opened the store) is
killed with SIGKILL at random moments, `--kills` times, each replaced by a fresh writer; then
the writers still running finish their edits. The edit a killed writer had in flight may be
in the store or not; only confirmed edits count as lost.

stdout gets the summary line, `writers=8 edits=1600 lost=0 corrupt=0` (`kills=100` added with
`--kill`; `edits` counts the confirmed edits), and a line of figures (elapsed time, edits per
second, ...). Exit 0 when nothing was lost, the store loads and every writer did its work.

The command WRITES to the store, so it works only on a store it created itself: given an
explicit `--db` naming a missing or empty folder, it creates a new store there, marked
`created_by: "haicap stress"` in its meta table and seeded with the bundled sessions; a later
run may use that store again. Any other store (a real one, even with a single session, or
the one haicap uses by default) is refused with one line, exit 2, and left untouched.
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
from dataclasses import dataclass, field
from pathlib import Path

from haicap.store.domain.i18n import DEFAULT_LANGUAGE, _, language_of, set_language
from haicap.tui.cli.commands.common import CommandError, parse_count
from haicap.tui.cli.grammar import OneLineParser, Subcommands

__all__ = ["register", "worker_main"]

_WORKER_CODE = "import sys; from haicap.tui.cli.dev.stress import worker_main; sys.exit(worker_main(sys.argv[1:]))"
"""What a writer process runs (`python -c`), so no hidden subcommand shows in `haicap`."""

STRESS_MARK = "haicap stress"
"""What the meta table of a store stress created says in `created_by`."""

_KILL_DELAY = (0.02, 0.3)
"""Seconds between two kills, drawn uniformly: random moments, several edits apart."""


def register(commands: Subcommands, parents: list[OneLineParser]) -> None:
    """Add stress."""
    stress = commands.add_parser(
        "stress",
        help=_("WRITES to a scratch store: concurrent writers (and kills), then check nothing was lost"),
        description=_(
            "Run several writer processes that edit the store at --db at the same time, then check "
            "that every confirmed edit has its history entry and that the store still loads. It WRITES to "
            "the store (notes and history of requests and directives), so it works only on a store it "
            "created: give a new or empty folder with --db, and it creates a seeded store there (which "
            "later runs may use again). Any other store is refused and left untouched."
        ),
    )
    stress.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=_("the scratch store folder (required): a new or empty folder, or one an earlier stress created"),
    )
    stress.add_argument("--writers", metavar="N", default="8", help=_("writer processes at a time (default 8)"))
    stress.add_argument("--edits", metavar="N", default="200", help=_("edits each writer makes (default 200)"))
    stress.add_argument(
        "--kill", action="store_true", help=_("kill random writers with SIGKILL while they write, replacing each")
    )
    stress.add_argument("--kills", metavar="N", default="100", help=_("how many writers --kill kills (default 100)"))
    stress.add_argument("--seed", metavar="N", help=_("seed of the random choices (default: a random one, printed)"))
    stress.set_defaults(handler=_stress)


# -- the command -------------------------------------------------------------------------


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
    from haicap.store.domain.models import TRACKED_KINDS

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
    with Store.open(db_path) as store:
        if new:
            store.mark_created_by(STRESS_MARK)
            added = store.ensure_seeded()
            _progress(_("new store at {path}, seeded with {added} sessions").format(path=db_path, added=added))
        editable = store.items(kinds=TRACKED_KINDS)
    if not editable:
        raise CommandError(_("{path}: the store has no requests or directives to edit").format(path=db_path))


def _progress(message: str) -> None:
    print(f"stress: {message}", file=sys.stderr, flush=True)


@dataclass
class _Writer:
    """One writer process and what it reported."""

    number: int
    process: subprocess.Popen[bytes]
    log: Path
    errors: Path
    killed: bool = False
    confirmed: set[int] = field(default_factory=set)
    refused: list[str] = field(default_factory=list)
    """The store's messages for the edits it refused."""
    last: int = -1
    """The number of the last edit it logged (confirmed or refused)."""
    done: bool = False

    def ready(self) -> bool:
        """Whether it has opened the store (its log is no longer empty)."""
        try:
            return self.log.stat().st_size > 0
        except FileNotFoundError:
            return False

    def read_log(self) -> None:
        for line in self.log.read_text(encoding="utf-8").splitlines(keepends=True):
            if not line.endswith("\n"):
                continue  # cut by a kill while being written
            words = line.split()
            if words[:1] == ["ok"]:
                self.confirmed.add(int(words[1]))
                self.last = int(words[1])
            elif words[:1] == ["refused"]:
                self.refused.append(" ".join(words[2:]))
                self.last = int(words[1])
            elif words == ["done"]:
                self.done = True


class _Load:
    """The writer processes of one run."""

    def __init__(self, db_path: Path, workdir: Path, edits: int, seed: int, run: str) -> None:
        self.db_path = db_path
        self.workdir = workdir
        self.edits = edits
        self.seed = seed
        self.run = run
        self.writers: list[_Writer] = []
        self.go = workdir / "go"
        """Created once the first writers have all opened the store: they start editing together."""
        self.env = dict(os.environ)
        # The writers import `tui` the way this process did, installed or from a checkout.
        root = str(Path(__file__).resolve().parents[2])
        self.env["PYTHONPATH"] = os.pathsep.join(p for p in (root, self.env.get("PYTHONPATH", "")) if p)

    def start(self) -> _Writer:
        number = len(self.writers)
        log = self.workdir / f"w{number}.log"
        errors = self.workdir / f"w{number}.err"
        argv = [str(self.db_path), str(log), str(self.go), str(number), str(self.edits), str(self.seed), self.run]
        with open(errors, "wb") as err:
            process = subprocess.Popen(
                [sys.executable, "-c", _WORKER_CODE, *argv],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=err,
                env=self.env,
            )
        writer = _Writer(number, process, log, errors)
        self.writers.append(writer)
        return writer

    def start_together(self) -> None:
        """Let the writers edit, once each has started Python and opened the store (or ended)."""
        while not all(w.ready() or w.process.poll() is not None for w in self.writers):
            time.sleep(0.005)
        self.go.touch()

    def running(self) -> list[_Writer]:
        return [w for w in self.writers if w.process.poll() is None]

    def wait(self) -> None:
        for writer in self.writers:
            writer.process.wait()

    def stop(self) -> None:
        """Kill (by their own pid) the writers still running: the command was interrupted."""
        for writer in self.running():
            writer.process.kill()
        for writer in self.writers:
            writer.process.wait()


def _stress(args: argparse.Namespace, db_path: Path) -> int:
    writers = parse_count(args.writers, "--writers")
    edits = parse_count(args.edits, "--edits")
    kills = parse_count(args.kills, "--kills") if args.kill else 0
    seed = parse_count(args.seed, "--seed", minimum=0) if args.seed is not None else random.SystemRandom().randrange(10**6)
    _refuse_default_store(args, db_path)
    _prepare_store(db_path)
    run = uuid.uuid4().hex[:8]
    rng = random.Random(seed)
    if kills:
        plan = _("{writers} writers × {edits} edits, {kills} kills on {path} (seed {seed}, run {run})")
    else:
        plan = _("{writers} writers × {edits} edits on {path} (seed {seed}, run {run})")
    _progress(plan.format(writers=writers, edits=edits, kills=kills, path=db_path, seed=seed, run=run))

    workdir = Path(tempfile.mkdtemp(prefix="haicap-stress-"))
    load = _Load(db_path, workdir, edits, seed, run)
    try:
        for _writer in range(writers):
            load.start()
        load.start_together()
        started = time.monotonic()
        done_kills = 0
        while done_kills < kills:
            if any(w.process.poll() not in (0, None) and not w.killed for w in load.writers):
                break  # a writer failed on its own: replacing it would fail again (reported below)
            # Keep `writers` at work: a writer that finished is replaced too.
            for _missing in range(writers - len(load.running())):
                load.start()
            time.sleep(rng.uniform(*_KILL_DELAY))
            # A writer that has opened the store: killed while it edits, not while Python starts.
            victims = [w for w in load.running() if w.ready()]
            if not victims:
                continue
            victim = rng.choice(victims)
            victim.process.kill()
            victim.process.wait()
            victim.killed = True
            done_kills += 1
            load.start()
            if done_kills % 25 == 0 or done_kills == kills:
                _progress(_("{done}/{kills} kills").format(done=done_kills, kills=kills))
        load.wait()
    except KeyboardInterrupt:
        load.stop()
        shutil.rmtree(workdir, ignore_errors=True)
        raise CommandError(_("stress interrupted: its writers were stopped; the store holds part of the run"), code=130) from None
    except BaseException:
        load.stop()
        shutil.rmtree(workdir, ignore_errors=True)
        raise
    elapsed = time.monotonic() - started
    try:
        return _check(load, writers, kills, elapsed)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


# -- the check ---------------------------------------------------------------------------


def _check(load: _Load, writers: int, kills: int, elapsed: float) -> int:
    from haicap.store import Store
    from haicap.store.domain.models import TRACKED_KINDS

    _progress(_("checking the store"))
    failed = []
    for writer in load.writers:
        writer.read_log()
        if not writer.killed and (writer.process.returncode != 0 or not writer.done):
            tail = writer.errors.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-1:] or [_("no message")]
            failed.append(f"w{writer.number} (exit {writer.process.returncode}): {tail[0]}")
    confirmed = {(w.number, e) for w in load.writers for e in w.confirmed}
    refusals = [message for w in load.writers for message in w.refused]
    refused = len(refusals)

    note = re.compile(rf"stress {re.escape(load.run)} w(\d+) e(\d+)")
    present: dict[tuple[int, int], int] = {}
    unrecorded = 0
    corrupt = 0
    try:
        with Store.open(load.db_path) as store:
            for item in store.items(kinds=TRACKED_KINDS):
                notes = set()
                for entry in store.history(item.id):
                    found = note.fullmatch(entry.new) if entry.field == "note" else None
                    if found and entry.who == f"stress-{found[1]}":
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
    # Present but never confirmed: fine for the one edit a killed writer had in flight.
    in_flight = {(w.number, w.last + 1) for w in load.writers if w.killed}
    unexpected = len(present.keys() - confirmed - in_flight)
    duplicated = sum(1 for count in present.values() if count > 1)
    temp_files = sum(1 for p in load.db_path.iterdir() if p.name.endswith(".tmp"))

    summary = f"writers={writers} edits={len(confirmed)} lost={lost} corrupt={corrupt}"
    print(summary + (f" kills={kills}" if kills else ""))
    rate = len(confirmed) / elapsed if elapsed > 0 else 0.0
    print(
        f"elapsed={elapsed:.1f}s rate={rate:.1f} edits/s processes={len(load.writers)} refused={refused} "
        f"failed={len(failed)} unrecorded={unrecorded} unexpected={unexpected} duplicated={duplicated} "
        f"temp_files={temp_files}"
    )
    for message in failed[:5]:
        print("haicap: " + _("writer {message}").format(message=message), file=sys.stderr)
    for message in refusals[:5]:
        print("haicap: " + _("the store refused an edit: {message}").format(message=message), file=sys.stderr)
    return 0 if lost == 0 and corrupt == 0 and not failed and refused == 0 else 1


# -- a writer process --------------------------------------------------------------------


def worker_main(argv: list[str]) -> int:
    """One writer: `DB LOG GO NUMBER EDITS SEED RUN`. Opens the store and logs `ready`, waits for
    the file GO, then logs `ok E ITEM` after each edit the store accepted (`refused E ...` for
    one it refused), then `done`."""
    from haicap.store import Store, StoreError
    from haicap.store.domain.models import TRACKED_KINDS

    db, log, go, number, edits, seed, run = argv
    # The language of the command that started it (set_language put it in LANGUAGE).
    set_language(language_of(os.environ.get("LANGUAGE")) or DEFAULT_LANGUAGE)
    rng = random.Random(f"{seed}/{number}")
    with open(log, "a", encoding="utf-8") as out:

        def mark(line: str) -> None:
            out.write(line + "\n")
            out.flush()
            os.fsync(out.fileno())

        with Store.open(Path(db)) as store:
            if store.created_by != STRESS_MARK:  # never a real store, however this code is started
                raise StoreError(_("{path}: is a store stress did not create; refusing to write to it").format(path=db))
            ids = [item.id for item in store.items(kinds=TRACKED_KINDS)]
            mark("ready")
            while not os.path.exists(go):
                time.sleep(0.005)
            for edit in range(int(edits)):
                item_id = rng.choice(ids)
                try:
                    store.update_tracking(item_id, note=f"stress {run} w{number} e{edit}", who=f"stress-{number}")
                except StoreError as error:
                    mark(f"refused {edit} {' '.join(str(error).split())}")
                    continue
                mark(f"ok {edit} {item_id}")
            mark("done")
    return 0
