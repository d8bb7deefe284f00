"""The dashboard app as the `haicap` command builds it, for tests that drive it in-process.

The command line reads `--today` and `$HAICAP_TODAY` into a `Calendar` and hands it to the
app (`haicap.tui.cli.main`); `make_app` here does the same from the environment the test
set (tests/conftest.py fixes HAICAP_TODAY for every test), so deadlines and "overdue" in
Pilot and snapshot tests never move with the real date.
"""

from __future__ import annotations

import os
from typing import Any

from haicap.tui import app
from haicap.tui.cli.commands.common import run_calendar

__all__ = ["make_app"]


def make_app(*args: Any, **options: Any) -> app.HaicapApp:
    """`haicap.tui.app.make_app`, with the calendar the command line would build."""
    options.setdefault("calendar", run_calendar(None, os.environ))
    return app.make_app(*args, **options)
