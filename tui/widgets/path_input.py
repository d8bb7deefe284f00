"""A file path field that suggests the rest of the path from the file system."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import ClassVar

from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.suggester import Suggester
from textual.widgets import Input

from haicap.store.domain.i18n import N_
from haicap.tui.serving.folders import ServedMode
from haicap.tui.widgets.help_title import HelpTitle

__all__ = ["IMPORTABLE_SUFFIXES", "PathInput", "PathSuggester", "complete_path"]

IMPORTABLE_SUFFIXES = frozenset({".yaml", ".yml", ".json", ".docx", ".doc", ".pdf", ".txt", ".md"})
"""File types `store.ingest.importer.plan_import` reads; other files are never suggested."""

SCAN_LIMIT = 500
"""At most this many directory entries are looked at per suggestion, so a huge folder
(a Downloads folder, a network share) cannot make typing slow. Suggestions may then miss
a file, which is fine: they are a convenience, the typed path still works."""


def _split(typed: str) -> tuple[str, str]:
    """Split what was typed into its folder part (kept as typed, with its slash) and the name being typed."""
    cut = max(typed.rfind("/"), typed.rfind(os.sep))
    return typed[: cut + 1], typed[cut + 1 :]


def _wanted(entry: os.DirEntry[str]) -> tuple[bool, bool]:
    """Whether to suggest `entry`, and whether it is a folder."""
    try:
        if entry.is_dir():
            return True, True
    except OSError:
        return False, False
    return Path(entry.name).suffix.casefold() in IMPORTABLE_SUFFIXES, False


def complete_path(typed: str, base: Path | None = None, served: ServedMode | None = None) -> str | None:
    """Return `typed` completed to an importable file or a folder (with a trailing `/`), or None.

    Names match without regard to case; the folder part stays exactly as typed (a `~`
    is expanded only to look the folder up), and the completed name is the real one.
    Relative paths are looked up in `base` (default: the working directory). Hidden
    entries are suggested only once a `.` is typed. In a served app (`served`), only
    folders inside those it allows are listed: none at all by default.
    """
    if typed == "~" and served is None:
        return "~/"
    folder, name = _split(typed)
    lookup = Path(os.path.expanduser(folder or "."))
    if base is not None and not lookup.is_absolute():
        lookup = base / lookup
    if served is not None:
        # Resolved, so `..` and links cannot lead the listing out of the allowed folders.
        allowed = served.allowed(lookup)
        if allowed is None:
            return None
        lookup = allowed
    folded = name.casefold()
    best: tuple[bool, str, str] | None = None
    try:
        with os.scandir(lookup) as entries:
            for count, entry in enumerate(entries):
                if count >= SCAN_LIMIT:
                    break
                if not entry.name.casefold().startswith(folded) or (entry.name.startswith(".") and not name.startswith(".")):
                    continue
                wanted, is_dir = _wanted(entry)
                if not wanted:
                    continue
                # Names that match the typed case come first, then in alphabetical order.
                key = (not entry.name.startswith(name), entry.name.casefold(), entry.name + ("/" if is_dir else ""))
                if best is None or key < best:
                    best = key
    except OSError:
        return None
    if best is None or folder + best[2] == typed:
        return None  # nothing to add to what is typed
    return folder + best[2]


class PathSuggester(Suggester):
    """Suggests the completion of a typed path (see `complete_path`), read fresh each time."""

    def __init__(self, base: Path | None = None, served: ServedMode | None = None) -> None:
        # Case is folded in `complete_path`, so the suggestion keeps the user's own text;
        # no cache, so files saved while the dialog is open are seen.
        super().__init__(use_cache=False, case_sensitive=True)
        self.base = base
        """The folder relative paths are looked up in; None for the working directory."""
        self.served = served
        """In a served app, the folders suggestions may come from; None in a terminal."""

    async def get_suggestion(self, value: str) -> str | None:
        # In a thread: even one directory listing can stall on a slow or network disk.
        return await asyncio.to_thread(complete_path, value, self.base, self.served)


class PathInput(Input):
    """An input for a file path; the suggested completion is accepted with tab or →."""

    HELP_TITLE = HelpTitle(N_("Path field"))
    """Heading of this widget's keys in the help dialog, in the language spoken."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "accept_suggestion", N_("Complete"), tooltip=N_("Accept the suggested path (also →)")),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | tab | Accept the suggested path (also →); without a suggestion, move on. |
    """

    def __init__(
        self,
        value: str = "",
        *,
        base: Path | None = None,
        served: ServedMode | None = None,
        placeholder: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(value, placeholder=placeholder, suggester=PathSuggester(base, served), id=id)

    @property
    def suggestion(self) -> str:
        """The whole suggested value, or "" when nothing is suggested beyond what is typed."""
        # Input keeps its suggestion in `_suggestion`; Textual is pinned, so this is stable.
        suggestion = self._suggestion
        return suggestion if len(suggestion) > len(self.value) else ""

    def action_accept_suggestion(self) -> None:
        """Take the suggested path; with none, let tab move the focus as usual."""
        if not self.suggestion or not self.cursor_at_end:
            raise SkipAction()
        self.value = self.suggestion
        self.cursor_position = len(self.value)
