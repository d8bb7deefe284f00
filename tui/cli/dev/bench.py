"""`haicap bench`: how fast haicap is on a given store, measured in one run.

    haicap bench --db PATH [--json] [--runs N] [--switches N] [--filter-words N]
                 [--edits N] [--articles N] [--seed K] [--budget-s S] [--append FILE]

Each figure comes from fresh processes (see `tui.cli.dev.benchmarks.probes`), so imports and the
store's load count:

    floor_s            launch to the first frame of a one-line Textual app, headless (median of --runs)
    first_paint_s      launch to the first frame of the dashboard with the commune list and four
                       panes drawn, headless through Textual's test harness (median of --runs)
    switch_p50/p95_ms  key `n` to the panes showing the next commune (--switches, 200)
    filter_p95_ms      each keystroke of 4-letter filters in the commune list (--filter-words, 5)
    overview_s         the overview of every province of the country, computed from the open store
    overview_screen_s  key `o` to the overview screen drawn, on the store's largest province
    edit_p95_ms        one durable `set_status` on a random request (--edits, 50; stops after --budget-s)
    import_per_s       free-text articles per second through `haicap import` (--articles, 1000)
    rss_mb             peak resident memory of the measuring processes
    store_mb           the store folder's size on disk

The dashboard is opened read-only, and edits and imports go to a copy of the store in a
temporary folder: the bench never changes the store it measures. `--json` prints one flat
object: the figures, "store", "machine" (cpus, python, platform, load) and "when".
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from haicap.store.domain.i18n import N_, _, pgettext
from haicap.tui.cli.commands.common import CommandError, current_day, parse_count
from haicap.tui.cli.dev.benchmarks import percentile
from haicap.tui.cli.dev.synth import store_size_bytes
from haicap.tui.cli.grammar import OneLineParser, Subcommands

__all__ = ["percentile", "register"]

_IMPORT_CODE = "import sys; from haicap.tui.cli.main import main; sys.exit(main(sys.argv[1:]))"
_SIZE = (100, 30)
"""Terminal size of the headless app (the dashboard fits 80×24; a little more is common)."""


_COUNTS = (
    ("--runs", "3", N_("launches measured for floor_s and first_paint_s (median)")),
    ("--switches", "200", N_("presses of n measured")),
    ("--filter-words", "5", N_("4-letter filters typed (each keystroke measured)")),
    ("--overview-runs", "3", N_("openings of the overview screen measured")),
    ("--edits", "50", N_("status changes measured")),
    ("--articles", "1000", N_("free-text articles imported")),
    ("--seed", "0", N_("seed of the random choices")),
    ("--budget-s", "300", N_("stop measuring edits after this many seconds")),
    ("--timeout-s", "1800", N_("give up on a measuring process after this many seconds")),
)
"""The options that take a number: option, default, what it counts (translated when shown)."""


def register(commands: Subcommands, parents: list[OneLineParser]) -> None:
    """Add bench."""
    bench = commands.add_parser(
        "bench",
        parents=[parents[0]],
        help=_("measure launch, switching, filtering, overview, edits, imports and memory on a store"),
        description=_(
            "Measure haicap on the store at --db in fresh processes. The store is never "
            "changed: the dashboard is opened read-only, edits and imports go to a temporary copy."
        ),
    )
    bench.add_argument("--json", action="store_true", help=_("print one JSON object instead of a table"))
    for option, default, text in _COUNTS:
        bench.add_argument(
            option, metavar="N", default=default, help=_("{what} (default {default})").format(what=_(text), default=default)
        )
    bench.add_argument(
        "--append", metavar=pgettext("metavar", "FILE"), type=Path, help=_("also append the JSON object as a line to FILE")
    )
    bench.add_argument(
        "--label", metavar=pgettext("metavar", "TEXT"), default="", help=_("a name for this run, kept in --append's line")
    )
    bench.set_defaults(handler=_bench)


def _number(args: argparse.Namespace, name: str, minimum: int = 0) -> int:
    return parse_count(getattr(args, name), "--" + name.replace("_", "-"), minimum=minimum)


def _progress(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


class _Runner:
    """Starts the measuring processes and keeps the peak memory any of them reported."""

    def __init__(self, workdir: Path, timeout: float) -> None:
        self.workdir = workdir
        self.timeout = timeout
        self.rss_mb = 0.0
        self.env = dict(os.environ)
        # The probes import `tui` the way this process did, installed or from a checkout.
        root = str(Path(__file__).resolve().parents[2])
        self.env["PYTHONPATH"] = os.pathsep.join(p for p in (root, self.env.get("PYTHONPATH", "")) if p)
        self._count = 0

    def _run(self, argv: list[str], what: str) -> float:
        """Run a process to its end; return the monotonic time it was started at."""
        import subprocess  # here and below, not at the top: every haicap command imports this module

        errors = self.workdir / f"{what}.err"
        started = time.monotonic()
        with open(errors, "wb") as err:
            try:
                done = subprocess.run(
                    argv,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=err,
                    env=self.env,
                    timeout=self.timeout,
                    check=False,
                )
            except subprocess.TimeoutExpired:
                raise CommandError(
                    _("bench: {what} took more than {seconds} s; gave up").format(what=what, seconds=f"{self.timeout:.0f}")
                ) from None
        if done.returncode != 0:
            tail = errors.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-1:] or [_("no message")]
            raise CommandError(
                _("bench: {what} failed (exit {code}): {reason}").format(what=what, code=done.returncode, reason=tail[0])
            )
        return started

    def probe(self, kind: str, **request: Any) -> tuple[dict[str, Any], float]:
        """Run probe `kind` in a fresh process; return its result and when it was launched."""
        from haicap.tui.cli.dev.benchmarks.probes import PROBE_CODE

        self._count += 1
        out = self.workdir / f"{kind}-{self._count}.json"
        request_file = self.workdir / f"{kind}-{self._count}.request.json"
        request_file.write_text(json.dumps({**request, "out": str(out), "size": _SIZE}), encoding="utf-8")
        started = self._run([sys.executable, "-c", PROBE_CODE, kind, str(request_file)], kind)
        result = json.loads(out.read_text(encoding="utf-8"))
        self.rss_mb = max(self.rss_mb, result.get("rss_mb", 0.0))
        return result, started

    def timed(self, argv: list[str], what: str) -> float:
        """Run `argv` in a fresh process and return its wall time."""
        started = self._run(argv, what)
        return time.monotonic() - started


def _copy_store(db_path: Path, target: Path) -> Path:
    """A copy of the store folder, without its backups (the copy needs none)."""
    from haicap.store.db.backups import BACKUP_DIR

    shutil.copytree(db_path, target, ignore=shutil.ignore_patterns(BACKUP_DIR, "*.lock", "*.tmp"))
    return target


def _measure(args: argparse.Namespace, db_path: Path, workdir: Path) -> dict[str, Any]:
    import resource
    import statistics

    from haicap.tui.cli.dev.benchmarks.articles import write_articles

    runs, seed = _number(args, "runs", 1), _number(args, "seed")
    runner = _Runner(workdir, float(_number(args, "timeout_s", 1)))
    figures: dict[str, Any] = {}

    _progress(_("store: opening it and computing the overview of every province"))
    facts, _launched = runner.probe(
        "store", db=str(db_path), seed=seed, filter_words=_number(args, "filter_words"), today=current_day(args).isoformat()
    )
    figures["overview_s"] = facts["overview_s"]
    _progress(
        _("store: {sessions} sessions, {items} items, opened in {seconds} s; largest province {province}").format(
            sessions=f"{facts['sessions']:,}",
            items=f"{facts['items']:,}",
            seconds=f"{facts['open_s']:.2f}",
            province=facts["province"],
        )
    )

    floors = []
    for _run in range(runs):
        result, started = runner.probe("floor")
        floors.append(result["painted_at"] - started)
    figures["floor_s"] = statistics.median(floors)
    _progress(_("floor: {times} s").format(times=", ".join(f"{t:.2f}" for t in floors)))

    app_request = {
        "db": str(db_path),
        "province": facts["province"],
        "switches": _number(args, "switches", 1),
        "filter_words": facts["filter_words"],
        "overview_runs": _number(args, "overview_runs", 1),
    }
    paints = []
    full, started = runner.probe("app", full=True, **app_request)
    paints.append(full["painted_at"] - started)
    for _run in range(runs - 1):
        result, started = runner.probe("app", full=False, **app_request)
        paints.append(result["painted_at"] - started)
    figures["first_paint_s"] = statistics.median(paints)
    _progress(_("first paint: {times} s").format(times=", ".join(f"{t:.2f}" for t in paints)))
    switches = [t * 1000 for t in full["switches"]]
    figures["switch_p50_ms"] = percentile(switches, 0.5)
    figures["switch_p95_ms"] = percentile(switches, 0.95)
    filters = [t * 1000 for t in full["filters"]]
    figures["filter_p95_ms"] = percentile(filters, 0.95) if filters else 0.0
    figures["overview_screen_s"] = statistics.median(full["overview_screen"])

    _progress(_("copying the store for edits and imports"))
    copy = _copy_store(db_path, workdir / "store-copy")
    edits, _launched = runner.probe(
        "edit",
        db=str(copy),
        seed=seed,
        province=facts["province"],
        edits=_number(args, "edits", 1),
        budget_s=_number(args, "budget_s", 1),
    )
    times = [t * 1000 for t in edits["edits"]]
    figures["edit_p95_ms"] = percentile(times, 0.95) if times else 0.0
    median = f"{statistics.median(times) if times else 0:.0f}"
    _progress(_("edits: {count} measured, median {median} ms").format(count=len(times), median=median))

    count = _number(args, "articles", 1)
    articles = write_articles(workdir / "articles", count, seed, current_day(args))
    _progress(_("importing {count} articles into the copy").format(count=len(articles)))
    try:
        wall = runner.timed([sys.executable, "-c", _IMPORT_CODE, "import", "--db", str(copy), *map(str, articles)], "import")
        figures["import_per_s"] = len(articles) / wall
    except CommandError as error:  # the other figures are still worth having
        _progress(_("import not measured: {reason}").format(reason=error))
        figures["import_per_s"] = 0.0

    own_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    figures["rss_mb"] = max(runner.rss_mb, own_children)
    figures["store_mb"] = store_size_bytes(db_path) / 1e6
    from haicap.store.db.backups import BACKUP_DIR

    backups_mb = store_size_bytes(db_path / BACKUP_DIR) / 1e6 if (db_path / BACKUP_DIR).is_dir() else 0.0
    figures["_detail"] = {
        "open_s": facts["open_s"],
        "province": facts["province"],
        "sessions": facts["sessions"],
        "items": facts["items"],
        "edits": len(times),
        "articles": len(articles),
        "switches": len(switches),
        "keystrokes": len(filters),
        "backups_mb": round(backups_mb, 1),
    }
    return figures


def _machine() -> dict[str, Any]:
    import platform

    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load": [round(x, 2) for x in load],
    }


def _bench(args: argparse.Namespace, db_path: Path) -> int:
    import tempfile

    from haicap.store.db.storage import STORE_FILE
    from haicap.tui.cli.dev.benchmarks import FIGURES

    if not (db_path / STORE_FILE).exists():
        raise CommandError(_("{path}: no haicap store here to measure").format(path=db_path))
    machine_before = _machine()
    workdir = Path(tempfile.mkdtemp(prefix="haicap-bench-"))
    try:
        figures = _measure(args, db_path, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    detail = figures.pop("_detail")
    machine = _machine()
    machine["load_before"] = machine_before["load"]
    output: dict[str, Any] = {key: round(float(figures[key]), 4) for key in FIGURES}
    output.update(store=str(db_path), machine=machine, when=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    if args.append:
        line = {**output, "label": args.label, "detail": detail}
        with open(args.append, "a", encoding="utf-8") as log:
            log.write(json.dumps(line, ensure_ascii=False) + "\n")
    if args.json:
        print(json.dumps(output, ensure_ascii=False))
    else:
        _print_table(output, detail)
    return 0


def _print_table(output: dict[str, Any], detail: dict[str, Any]) -> None:
    from haicap.tui.cli.dev.benchmarks import FIGURES, TARGETS

    # The figures' names, their values and targets stay as they are (README and
    # benchmarks/results.md quote them); the words around them are in the language spoken.
    notes = {
        "floor_s": _("one-line Textual app, launch to first frame"),
        "first_paint_s": _("dashboard, launch to list + 4 panes drawn"),
        "switch_p50_ms": _("n → next commune's panes ({count} switches)").format(count=detail["switches"]),
        "switch_p95_ms": "",
        "filter_p95_ms": _("per keystroke of a 4-letter filter ({count} keys)").format(count=detail["keystrokes"]),
        "overview_s": _("overview of every province of the country (computed)"),
        "overview_screen_s": _("o → overview screen drawn, {province}").format(province=detail["province"]),
        "edit_p95_ms": _("durable set_status on a copy ({count} edits)").format(count=detail["edits"]),
        "import_per_s": _("{count} free-text articles via haicap import, on a copy").format(count=detail["articles"]),
        "rss_mb": _("peak resident memory of the measuring processes"),
        "store_mb": _("store folder on disk ({backups} MB of it backups)").format(backups=f"{detail['backups_mb']:.1f}"),
    }
    print(
        _("store  {path}  ({sessions} sessions, {items} items, opens in {seconds} s)").format(
            path=output["store"],
            sessions=f"{detail['sessions']:,}",
            items=f"{detail['items']:,}",
            seconds=f"{detail['open_s']:.2f}",
        )
    )
    for key in FIGURES:
        print(f"{key:<18} {output[key]:>10.3f}  {TARGETS.get(key, ''):<14} {notes[key]}")
    machine = output["machine"]
    print(
        _("machine  {cpus} cpus, Python {python}, {platform}, load {before} → {after}  ({when})").format(
            cpus=machine["cpus"],
            python=machine["python"],
            platform=machine["platform"],
            before=machine["load_before"],
            after=machine["load"],
            when=output["when"],
        )
    )
