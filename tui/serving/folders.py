"""What a dashboard run for a browser tab may read from the server's disk.

A served dashboard runs as the user who started `haicap serve`, but is driven by whoever
holds the page: its import dialog would read (and its path completion list) any file that
user can, and its export would write where that user may. So a served app reads files
only inside the folders named with `haicap serve --files DIR` (none by default), and its
exports go to the browser instead of the server's disk.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from haicap.store.domain.i18n import N_

__all__ = ["NO_FILES_IN_BROWSER", "OUTSIDE_FILES", "ServedMode", "served_mode"]

NO_FILES_IN_BROWSER = N_("Import from files is not available in the browser (haicap serve --files DIR)")
"""What the import dialog says in a served app started without `--files` (`_()` where shown)."""

OUTSIDE_FILES = N_("outside the folders haicap serve --files allows")
"""Why a path typed in a served app is refused (`_()` where shown)."""


@dataclass(frozen=True)
class ServedMode:
    """How a dashboard behaves when it runs for a browser tab of `haicap serve`."""

    files: tuple[Path, ...] = ()
    """The folders files may be imported from (resolved); none: no import from files."""

    @property
    def start(self) -> Path | None:
        """The folder relative paths are read from: the first one allowed, or None."""
        return self.files[0] if self.files else None

    def allowed(self, path: Path) -> Path | None:
        """`path` with every symlink and `..` resolved, if that is inside an allowed folder; else None.

        Resolved first, so `DIR/../secret` and a link in DIR pointing out are both refused;
        the caller reads the returned path, not the one typed."""
        try:
            real = Path(os.path.realpath(os.path.expanduser(path)))
        except (OSError, ValueError):
            return None
        return real if any(real == root or real.is_relative_to(root) for root in self.files) else None

    @classmethod
    def of_folders(cls, folders: list[str] | None) -> ServedMode:
        """The served mode allowing `folders` (resolved now, so a later symlink swap of the name cannot widen it)."""
        return cls(tuple(Path(os.path.realpath(folder)) for folder in folders or ()))


def served_mode(app: object) -> ServedMode | None:
    """The served mode of `app` (a `HaicapApp`), or None when it runs in a terminal."""
    mode = getattr(app, "served", None)
    return mode if isinstance(mode, ServedMode) else None
