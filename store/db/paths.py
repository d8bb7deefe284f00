"""The one module that knows where haicap keeps data.

A store is a folder. Its location comes, in order, from `--db PATH`, the `HAICAP_DB`
environment variable, or the user's data directory (platformdirs), e.g.
`~/.local/share/haicap/store` on Linux.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

__all__ = ["APP_NAME", "DB_ENV_VAR", "default_store_path", "resolve_store_path"]

APP_NAME = "haicap"
"""Name used for the per-user data directory."""

DB_ENV_VAR = "HAICAP_DB"
"""Environment variable that points haicap at another store."""


def default_store_path() -> Path:
    """Return the store folder inside the user's data directory (not created here)."""
    return user_data_path(APP_NAME, appauthor=False) / "store"


def resolve_store_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """Return the store path chosen by the command line, the environment, or the default."""
    if cli_value:
        return Path(cli_value).expanduser()
    from_env = os.environ.get(DB_ENV_VAR, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return default_store_path()
