"""Choose one of the presented communes; the presenter jumps to its first slide (`c`)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from haicap.store import Commune
from haicap.store.domain.i18n import _
from haicap.tui.dialogs.choice_dialog import Choice, ChoiceDialog
from haicap.tui.literal import literal

__all__ = ["CommuneJumpDialog"]


class CommuneJumpDialog(ChoiceDialog[int]):
    """Lists each commune with the number of its first slide; dismisses with that slide's
    index (0-based), or None. A commune with no slide of its own cannot be chosen."""

    def __init__(self, targets: Sequence[tuple[Commune, int | None]], current: Commune | None) -> None:
        entries: list[Choice[int]] = []
        start = 0
        for position, (commune, index) in enumerate(targets):
            if index is not None:
                where = literal("  " + _("slide {number}").format(number=index + 1), "$accent")
            else:
                where = literal("  " + _("no slide"), "dim")
            # A commune without a slide is listed disabled: its value (-1) can never be chosen.
            value = index if index is not None else -1
            entries.append((Content.assemble(literal(commune.label, "bold"), where), value, index is not None))
            if commune == current:
                start = position
        about = literal(_("Jump to the commune's first slide"), "dim")
        super().__init__(_("Communes"), about, entries, start)
