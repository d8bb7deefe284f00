"""The file a dialog writes: the name typed in the export and report dialogs, checked.

Both dialogs read a name the same way: for a browser only its last part counts (nothing is
written on the server; the browser downloads it under that name); in a terminal a relative
name is in the dialog's folder, `~` is the officer's home, a folder or a missing folder is
refused, and an existing file is overwritten only when the officer presses `ctrl+s` a second
time on the same name.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from haicap.store.domain.i18n import _

__all__ = ["Target", "target_of"]


@dataclass(frozen=True)
class Target:
    """What a typed name comes to: a file and format to write, or why not."""

    path: Path | None
    """The file to write; None when refused (see `error`)."""
    fmt: str = ""
    error: str = ""
    """The one line the dialog shows when the name is refused or waits for a second ctrl+s."""
    force: bool = False
    """Overwrite: the file exists and the officer confirmed it."""
    asks: Path | None = None
    """The existing file a second ctrl+s will overwrite."""


def target_of(
    typed: str, *, folder: Path, served: bool, named_format: Callable[[Path], tuple[Path, str]], confirmed: Path | None
) -> Target:
    """The file `typed` names: `named_format` gives the file and format a name means (its
    suffix's format, or the chosen one's); `confirmed` is the file the officer already
    pressed ctrl+s on once."""
    typed = typed.strip()
    if not typed:
        return Target(None, error=_("Type a file name"))
    if served:
        name = Path(typed.replace("\\", "/")).name
        if name in ("", ".", ".."):
            return Target(None, error=_("Type a file name"))
        path, fmt = named_format(Path(name))
        return Target(path, fmt)
    path = Path(os.path.expanduser(typed))
    if not path.is_absolute():
        path = folder / path
    path, fmt = named_format(path)
    if path.is_dir():
        return Target(None, fmt, error=_("{path}: is a folder; add a file name").format(path=path))
    if not path.parent.is_dir():
        return Target(None, fmt, error=_("{folder}: no such folder").format(folder=path.parent))
    if path.exists() and confirmed != path:
        return Target(None, fmt, error=_("{name} already exists — ctrl+s again to overwrite").format(name=path.name), asks=path)
    return Target(path, fmt, force=path.exists())
