"""haicap's own log: errors and writes, one line each, in the user's log folder.

The file is `haicap.log` in `platformdirs.user_log_path("haicap")` (e.g.
`~/.local/state/haicap/log/haicap.log` on Linux), or the file named by `HAICAP_LOG`; it
rotates at `MAX_BYTES` keeping `BACKUP_COUNT` older files. A line says when, who (the uid's
name), the command, the store and the outcome; option values are cut to `VALUE_WIDTH`
characters so item text never lands there in full. Writing the log never makes a command
fail: a folder that cannot be made or a file that cannot be written is skipped (said once
on stderr with `--verbose`).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path

__all__ = ["BACKUP_COUNT", "LOG_ENV_VAR", "MAX_BYTES", "log_error", "log_path", "log_write", "setup", "summarise_argv"]

LOG_ENV_VAR = "HAICAP_LOG"
"""Environment variable naming another log file (tests, or a sysadmin's choice)."""

MAX_BYTES = 256 * 1024
"""The log rotates past this size: a few hundred kB, kept for a while, never a disk filler."""

BACKUP_COUNT = 2
"""Rotated files kept next to it (`haicap.log.1`, `haicap.log.2`)."""

VALUE_WIDTH = 40
"""Option values longer than this are cut in the log (a `--note` or `--answer` is item text)."""

MESSAGE_WIDTH = 300
"""An error line in the log is cut to this many characters."""

_LOGGER = logging.getLogger("haicap")


def log_path() -> Path:
    """Where the log goes: `$HAICAP_LOG`, else `haicap.log` in the user's log folder."""
    from_env = os.environ.get(LOG_ENV_VAR, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_log_path

    return user_log_path("haicap", appauthor=False) / "haicap.log"


_argv: list[str] = []
"""The command line of this run, for the log's lines (see `setup`)."""


def setup(argv: list[str], *, verbose: bool = False) -> None:
    """Attach the rotating file to the `haicap` logger (once per process; again after a
    change of `HAICAP_LOG`) and remember `argv` for its lines. Problems are swallowed: the
    log is a help, not a duty."""
    _argv[:] = argv
    path = log_path()
    for handler in list(_LOGGER.handlers):
        if getattr(handler, "baseFilename", None) == str(path):
            return
        _LOGGER.removeHandler(handler)
        handler.close()
    _LOGGER.setLevel(logging.INFO)
    _LOGGER.propagate = False  # never onto the terminal through the root logger
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        # A full disk or a removed folder later on is not the command's failure.
        handler.handleError = lambda record: None  # type: ignore[method-assign]
        _LOGGER.addHandler(handler)
    except OSError as error:
        _LOGGER.addHandler(logging.NullHandler())
        if verbose:
            from haicap.store.domain.i18n import _

            warning = _("warning: {path}: cannot write the log ({reason}); going on without")
            print(f"haicap: {warning.format(path=path, reason=error.strerror or error)}", file=sys.stderr)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _cut(value: str) -> str:
    from haicap.store.domain.text import shorten

    return shorten(_one_line(value), VALUE_WIDTH)


def summarise_argv(argv: list[str]) -> str:
    """The command line in one line, each word cut to `VALUE_WIDTH` characters."""
    return " ".join(["haicap", *(_cut(word) or "''" for word in argv)])


def _user() -> str:
    try:
        from haicap.store.domain.history import current_user

        return current_user()
    except Exception:  # noqa: BLE001 - the log must never fail a command
        return str(os.getuid())


def log_write(command: str, store: Path, code: int) -> None:
    """Record a command that may have changed `store` (its exit code says whether it did)."""
    outcome = "done" if code == 0 else f"refused (exit {code})"
    _LOGGER.info("write user=%s store=%s command=%s %s: %s", _user(), store, command, outcome, summarise_argv(_argv))


def log_error(message: str, detail: str | None = None) -> None:
    """Record a refusal or a failure: the one line the user saw, the command and, for an
    unexpected error, its detail (the traceback, on one line). Nothing before `setup`."""
    if not _LOGGER.handlers:
        return  # in-process use without the command line (tests, the dashboard's own code)
    extra = f" [{_one_line(detail)}]" if detail else ""
    _LOGGER.warning("error user=%s (%s): %s%s", _user(), summarise_argv(_argv), _one_line(message)[:MESSAGE_WIDTH], extra)
