"""Choose another kind for an item the reader put in the wrong pane."""

from __future__ import annotations

from textual.content import Content

from haicap.store import Item, Kind
from haicap.store.domain.i18n import _
from haicap.tui.dialogs.choice_dialog import Choice, ChoiceDialog
from haicap.tui.dialogs.status_dialog import about_item
from haicap.tui.literal import literal

__all__ = ["KindDialog"]


class KindDialog(ChoiceDialog[Kind]):
    """The four kinds in pane order, the item's own marked and highlighted first (choosing
    it changes nothing, as in the status dialog); dismisses with the kind chosen or None."""

    def __init__(self, item: Item) -> None:
        kinds = list(Kind)
        start = kinds.index(item.kind)
        super().__init__(_("Kind"), about_item(item), [self._entry(n, kind, item.kind) for n, kind in enumerate(kinds, 1)], start)
        self.item = item
        """The item to move."""

    @staticmethod
    def _entry(number: int, kind: Kind, current: Kind) -> Choice[Kind]:
        here = kind is current
        parts = [
            literal("● " if here else "  ", "$accent"),
            literal(f"{number} ", "dim"),
            literal(kind.singular, "bold"),
        ]
        if here:
            parts.append(literal(" " + _("(current)"), "$accent"))
        return (Content.assemble(*parts), kind, True)
