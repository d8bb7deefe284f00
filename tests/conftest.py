"""Fixtures shared by every test: an isolated data directory and seeded stores in tmp_path.

No test may read or write the user's real haicap data, so HAICAP_DB and XDG_DATA_HOME
point into the test's own temporary folder for every test.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import textual._wait
from textual.widgets import Input

from haicap.store import Store
from haicap.store.domain.clock import fixed_clock, set_clock
from haicap.store.domain.i18n import set_language


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every default location at the test's temporary folder."""
    data_home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    monkeypatch.setenv("HAICAP_DB", str(tmp_path / "default-store"))
    return data_home


@pytest.fixture(autouse=True)
def isolated_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """haicap's log file (see `tui.cli.logging_setup`) goes into the test's folder, never the user's."""
    path = tmp_path / "log" / "haicap.log"
    monkeypatch.setenv("HAICAP_LOG", str(path))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    return path


@pytest.fixture(autouse=True)
def vietnamese(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test speaks Vietnamese, the default, whatever the developer's locale: a test
    of English calls `set_language("en")` (or runs `haicap --lang en`) itself."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    set_language("vi")
    yield
    set_language("vi")


@pytest.fixture
def fake_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let `haicap` start the dashboard in-process as if stdin and stdout were a terminal
    (it refuses to without one; see `tui.cli.main._has_terminal`)."""
    monkeypatch.setattr("haicap.tui.cli.main._has_terminal", lambda: True)


@pytest.fixture(autouse=True)
def isolated_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the user's settings file (the theme) into the test's folder: a test never reads
    the developer's choice nor writes the real home."""
    path = tmp_path / "user-config" / "haicap.json"
    monkeypatch.setenv("HAICAP_CONFIG", str(path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    return path


FIXED_TODAY = "2025-12-15"
"""Today for every test, unless a test sets HAICAP_TODAY itself: 20 days after the seed
session of 25/11/2025, so its requests are open and not yet overdue (default deadline
04/01/2026). Without it, overdue marks in snapshots would change every day."""


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fix the date deadlines are measured against (see `store.domain.clock`)."""
    monkeypatch.setenv("HAICAP_TODAY", FIXED_TODAY)


@pytest.fixture(autouse=True)
def real_clock_after() -> Iterator[None]:
    """Whatever clock a test injects (`set_now`, `make_app(clock=)`), the next test starts
    on the real one."""
    yield
    set_clock(None)


@pytest.fixture
def set_now() -> Callable[[str], None]:
    """Fix the times history and the audit log record: `set_now("2025-12-01T08:30:00+00:00")`.
    Injected in code (`store.domain.clock.set_clock`): haicap reads no time from the environment."""

    def fix(moment: str) -> None:
        set_clock(fixed_clock(moment))

    return fix


@pytest.fixture
def as_user(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Make history and the audit log record `name` as the user (haicap takes it from the
    process's uid, never from USER or LOGNAME): `as_user("lan")`."""

    def become(name: str) -> None:
        monkeypatch.setattr("haicap.store.domain.history._whoami", lambda: name)

    return become


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor makes snapshots depend on timing; keep it steady."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Two test workers per core for `-n auto` (pyproject's `addopts`).

    A Pilot test spends part of its time waiting for the app to be idle and the command-line
    tests wait for the processes they start; with one worker per core a core sits idle then.
    Two per core keep both busy (measured on two cores: see README "Gates and tests")."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return 2 * (cores or 1)


# Pilot's `press` and `pause` wait until the process looks idle: they sleep in slices of
# `SLEEP_GRANULARITY` (20 ms) until one slice used almost no CPU. Each key press waits two
# such slices at least, so most of a Pilot test's wall time was sleep. Slices of 5 ms keep
# the same test (a slice with under 5% CPU), four times as often; Textual is pinned exactly
# in pyproject.toml, so these two module attributes cannot move under us.
textual._wait.SLEEP_GRANULARITY = 0.005
textual._wait.SLEEP_IDLE = textual._wait.SLEEP_GRANULARITY / 20


@pytest.fixture
def seeded_store_path(tmp_path: Path) -> Path:
    """A store folder already loaded with the bundled seeds (so the app shows no first-run notice)."""
    path = tmp_path / "store"
    with Store.open(path) as store:
        store.ensure_seeded()
    return path


@pytest.fixture
def make_dashboard(seeded_store_path: Path) -> Callable[..., object]:
    """Build the real app the way the `haicap` command does, on the seeded store."""
    from apps import make_app

    def factory(province: str | None = None):
        return make_app(seeded_store_path, province)

    return factory
