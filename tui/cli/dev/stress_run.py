"""The processes of one `haicap stress` run: writers looping real `haicap set` commands,
readers looping `haicap items --json`, and the kills, each timed whole (see `tui.cli.dev.stress`)."""

from __future__ import annotations

import math
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from haicap.store.domain.i18n import _

__all__ = ["HAICAP", "StressPlan", "StressRun", "progress"]

_KILL_DELAY = (0.02, 0.3)
"""Seconds between two kills, drawn uniformly: random moments, several edits apart."""


def progress(message: str) -> None:
    """One line of progress on standard error."""
    print(f"stress: {message}", file=sys.stderr, flush=True)


# -- the run -----------------------------------------------------------------------------

HAICAP = (sys.executable, "-m", "haicap")
"""How a writer or a reader runs haicap: the interpreter (and install) of this command."""


@dataclass
class Writer:
    """One writer: its `set` commands, one after the other, and what they did."""

    number: int
    made: int = 0
    """Edits it has finished (confirmed, refused or failed; not killed)."""
    confirmed: dict[int, str] = field(default_factory=dict)
    """Edit number -> item id, for each `set` that exited 0."""
    killed: dict[int, str] = field(default_factory=dict)
    """Edit number -> item id, for each `set` killed under way (its edit may be in the store)."""
    refusals: list[str] = field(default_factory=list)
    """`exit N: its line` of each `set` that refused with one line (exit 1 or 2)."""
    failures: list[str] = field(default_factory=list)
    """`exit N: last line of stderr` of each `set` that failed otherwise (a crash, a signal)."""
    commands: int = 0
    """`set` commands it started."""
    times: list[float] = field(default_factory=list)
    """Seconds each confirmed `set` took, whole process."""
    current: subprocess.Popen[bytes] | None = None
    doomed: bool = False
    """The run asked to kill `current`."""


@dataclass
class Reader:
    number: int
    times: list[float] = field(default_factory=list)
    """Seconds each `items --json` took, whole process."""
    failures: list[str] = field(default_factory=list)
    current: subprocess.Popen[bytes] | None = None


class StressRun:
    """The writer and reader threads of one run, each driving its commands one at a time."""

    def __init__(self, db_path: Path, ids: list[str], plan: StressPlan, env: dict[str, str]) -> None:
        self.db_path = db_path
        self.ids = ids
        self.plan = plan
        self.env = env
        self.lock = threading.Lock()
        self.stop_reading = threading.Event()
        self.interrupted = threading.Event()
        self.kills_done = 0
        self.deadline = math.inf
        self.writers = [Writer(n) for n in range(plan.writers)]
        self.readers = [Reader(n) for n in range(plan.readers)]
        self.writer_threads: list[threading.Thread] = []

    def writing(self, writer: Writer) -> bool:
        if self.interrupted.is_set():
            return False
        if self.plan.seconds is not None:
            return time.monotonic() < self.deadline
        return writer.made < self.plan.edits or self.kills_done < self.plan.kills

    def write(self, writer: Writer) -> None:
        rng = random.Random(f"{self.plan.seed}/{writer.number}")
        edit = 0
        while self.writing(writer):
            item_id = rng.choice(self.ids)
            argv = [*HAICAP, "--db", str(self.db_path), "set", item_id, "--note", self.plan.note(writer.number, edit)]
            started = time.monotonic()
            with self.lock:
                if self.interrupted.is_set():
                    return
                writer.commands += 1
                process = writer.current = subprocess.Popen(
                    argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=self.env
                )
            _out, err = process.communicate()
            took = time.monotonic() - started
            with self.lock:
                writer.current = None
                doomed, writer.doomed = writer.doomed, False
                if doomed and process.returncode == -signal.SIGKILL:
                    writer.killed[edit] = item_id
                    self.kills_done += 1
                elif process.returncode == 0:
                    writer.confirmed[edit] = item_id
                    writer.times.append(took)
                    writer.made += 1
                else:
                    tail = err.decode("utf-8", errors="replace").strip().splitlines()[-1:] or [_("no message")]
                    said = writer.refusals if process.returncode in (1, 2) else writer.failures
                    said.append(f"exit {process.returncode}: {tail[0]}")
                    writer.made += 1
                    if len(writer.refusals) + len(writer.failures) >= 3:
                        return  # it fails on its own: more of the same would say nothing new
            edit += 1

    def read(self, reader: Reader) -> None:
        argv = [*HAICAP, "--db", str(self.db_path), "items", "--json"]
        while not self.stop_reading.is_set() and not self.interrupted.is_set():
            started = time.monotonic()
            with self.lock:
                if self.interrupted.is_set():
                    return
                process = reader.current = subprocess.Popen(
                    argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env
                )
            out, err = process.communicate()
            took = time.monotonic() - started
            with self.lock:
                reader.current = None
            if self.interrupted.is_set():
                return
            if process.returncode == 0 and out.lstrip()[:1] == b"[" and out.rstrip()[-1:] == b"]":
                reader.times.append(took)
            else:
                tail = err.decode("utf-8", errors="replace").strip().splitlines()[-1:] or [_("no message")]
                reader.failures.append(f"exit {process.returncode}: {tail[0]}")
                if len(reader.failures) >= 3:
                    return

    def kill_some(self, rng: random.Random) -> None:
        """Kill a running `set` at random moments until `kills` of them died of it."""
        reported = 0
        while self.plan.kills and time.monotonic() < self.deadline:
            if self.interrupted.is_set() or not any(t.is_alive() for t in self.writer_threads):
                return
            time.sleep(rng.uniform(*_KILL_DELAY))
            with self.lock:
                # A kill asked counts once its `set` died of it; one that ended first is asked again.
                if self.kills_done + sum(w.doomed for w in self.writers) >= self.plan.kills:
                    if self.kills_done >= self.plan.kills:
                        return
                    continue
                victims = [w for w in self.writers if w.current is not None and not w.doomed]
                if not victims:
                    continue
                victim = rng.choice(victims)
                victim.doomed = True
                assert victim.current is not None
                victim.current.kill()  # by its own pid; the writer thread reaps it
                done = self.kills_done
            if done != reported and (done % 25 == 0):
                reported = done
                progress(_("{done}/{kills} kills").format(done=done, kills=self.plan.kills))
        if self.plan.kills and reported != self.kills_done:
            progress(_("{done}/{kills} kills").format(done=self.kills_done, kills=self.plan.kills))

    def go(self, rng: random.Random) -> float:
        """Run the writers and readers to the end; the seconds it took."""
        started = time.monotonic()
        if self.plan.seconds is not None:
            self.deadline = started + self.plan.seconds
        self.writer_threads = [threading.Thread(target=self.write, args=(w,), daemon=True) for w in self.writers]
        reader_threads = [threading.Thread(target=self.read, args=(r,), daemon=True) for r in self.readers]
        for thread in (*self.writer_threads, *reader_threads):
            thread.start()
        try:
            self.kill_some(rng)
            for thread in self.writer_threads:
                thread.join()
            elapsed = time.monotonic() - started
            self.stop_reading.set()
            for thread in reader_threads:
                thread.join()
        except BaseException:
            self.interrupted.set()
            self.stop_reading.set()
            with self.lock:
                running = [w.current for w in self.writers] + [r.current for r in self.readers]
                for process in running:
                    if process is not None:
                        process.kill()  # by its own pid
            raise
        return elapsed


@dataclass(frozen=True)
class StressPlan:
    """What one run does: how many writers, edits (or seconds), readers and kills, its seed,
    and its id (in every note it writes, so the check finds this run's edits)."""

    writers: int
    edits: int
    seconds: int | None
    readers: int
    kills: int
    seed: int
    run: str

    def note(self, writer: int, edit: int) -> str:
        return f"stress {self.run} w{writer} e{edit}"
