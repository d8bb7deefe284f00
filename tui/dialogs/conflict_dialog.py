"""Someone else saved the item while this officer was changing it: show their change, ask what to keep."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from haicap.store import HistoryEntry, Item
from haicap.store.domain.i18n import _, ngettext
from haicap.tui.dialogs.choice_dialog import ChoiceDialog
from haicap.tui.dialogs.history_dialog import describe_entry
from haicap.tui.dialogs.status_dialog import about_item
from haicap.tui.literal import literal

__all__ = ["KEEP_THEIRS", "SAVE_MINE", "ConflictDialog"]

KEEP_THEIRS = "theirs"
"""Dismissed with this: drop this officer's change, show the item as the other one saved it."""

SAVE_MINE = "mine"
"""Dismissed with this: save this officer's change over the other one, knowingly."""

_SHOWN_CHANGES = 6
"""The newest other changes listed; older ones are counted (the history dialog has them all)."""


class ConflictDialog(ChoiceDialog[str]):
    """The other officer's changes since this one opened the item, this one's own change,
    and the choice: keep theirs (the default, and escape) or save mine over them."""

    def __init__(self, item: Item, changes: Sequence[HistoryEntry], mine: str) -> None:
        super().__init__(
            _("Someone else saved first"),
            self._about(item, changes, mine),
            [
                (literal(_("Keep theirs (drop mine)")), KEEP_THEIRS, True),
                (literal(_("Save mine over theirs")), SAVE_MINE, True),
            ],
        )
        self.item = item
        """The item as the store holds it now."""
        self.changes = tuple(changes)
        """The other saves since this officer began, oldest first."""

    @staticmethod
    def _about(item: Item, changes: Sequence[HistoryEntry], mine: str) -> Content:
        lines = [about_item(item), literal("")]
        lines.append(literal(_("Their change:"), "bold"))
        hidden = len(changes) - _SHOWN_CHANGES
        if hidden > 0:
            earlier = ngettext("… {count} earlier change (h: history)", "… {count} earlier changes (h: history)", hidden)
            lines.append(literal(earlier.format(count=hidden), "dim"))
        lines.extend(describe_entry(entry) for entry in changes[-_SHOWN_CHANGES:])
        if not changes:
            # The revision moved without a history entry: a restore of a backup, say.
            lines.append(literal(_("(a backup was restored)"), "dim"))
        lines.extend([literal(""), literal(_("Your change:") + " ", "bold") + literal(mine)])
        return Content("\n").join(lines)
