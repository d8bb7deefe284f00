"""The user's own settings (the theme, the language), kept in a small JSON file.

The file is `haicap.json` in the user's config directory (platformdirs, e.g.
`~/.config/haicap/` on Linux); `HAICAP_CONFIG` names another file, which tests use so they
never touch the real home. Settings are a convenience: an unreadable or unwritable file
is ignored rather than stopping haicap.

    {"theme": "haicap-dark", "language": "en"}

"theme" is remembered by the dashboard when the user picks one; "language" by
`haicap lang en|vi` (and removed by `haicap lang --forget`), read before anything is said
(see `tui.cli.language_option.choose_language`).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from platformdirs import user_config_path

from haicap.store.domain.i18n import language_of

__all__ = [
    "CONFIG_ENV_VAR",
    "config_path",
    "load",
    "remember_language",
    "remember_theme",
    "remembered_language",
    "remembered_theme",
    "save",
]

CONFIG_ENV_VAR = "HAICAP_CONFIG"
"""Environment variable naming the settings file to use instead of the default one."""


def config_path() -> Path:
    """The settings file: `$HAICAP_CONFIG`, else `haicap.json` in the user's config directory."""
    from_env = os.environ.get(CONFIG_ENV_VAR, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return user_config_path("haicap", appauthor=False) / "haicap.json"


def load() -> dict[str, Any]:
    """The settings, or {} when there is no file or it cannot be read."""
    try:
        values = json.loads(config_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return values if isinstance(values, dict) else {}


def save(changes: dict[str, Any]) -> bool:
    """Merge `changes` into the settings file; False when it could not be written."""
    return _write({**load(), **changes})


def _write(values: dict[str, Any]) -> bool:
    """Write `values` as the whole settings file; False when it could not be written."""
    path = config_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written beside and renamed, so a crash never leaves half a file.
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as out:
            json.dump(values, out, ensure_ascii=False, indent=2)
        os.replace(out.name, path)
    except OSError:
        return False
    return True


def remembered_theme() -> str | None:
    """The theme the user chose last, or None."""
    theme = load().get("theme")
    return theme if isinstance(theme, str) and theme else None


def remember_theme(name: str) -> bool:
    """Remember `name` as the user's theme; False when the file could not be written."""
    return save({"theme": name})


LANGUAGE_KEY = "language"
"""The key of the remembered language ("vi" or "en")."""


def remembered_language() -> str | None:
    """The language the user chose to keep (`haicap lang en`), or None."""
    value = load().get(LANGUAGE_KEY)
    return language_of(value) if isinstance(value, str) else None


def remember_language(code: str | None) -> bool:
    """Remember `code` ("vi" or "en") as the user's language, or forget the one remembered
    (None); False when the file could not be written."""
    if code is not None:
        return save({LANGUAGE_KEY: code})
    values = load()
    if LANGUAGE_KEY not in values:
        return True
    del values[LANGUAGE_KEY]
    return _write(values)
