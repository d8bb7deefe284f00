"""The four panes of a commune in a 2×2 grid, and under them the preview of the item
highlighted in the focused pane; `z` shows one pane alone over the grid's room."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Grid, Vertical

from haicap.store import Item, Kind
from haicap.store.domain.followup import DeadlineRules
from haicap.tui.widgets.item_preview import ItemPreview
from haicap.tui.widgets.items_pane import ItemsPane

__all__ = ["PanesView"]


class PanesView(Vertical):
    """Holds the panes and the preview; the dashboard fills it, it keeps the preview in step."""

    def __init__(self, commune_labels: Callable[[Item], list[str]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._commune_labels = commune_labels
        self._followed: ItemsPane | None = None
        self._today = dt.date.min
        self._rules: DeadlineRules | None = None

    def compose(self) -> ComposeResult:
        with Grid(id="panes"):
            for number, kind in enumerate(Kind, start=1):
                yield ItemsPane(kind, number, id=f"pane-{kind.value}")
        yield ItemPreview(id="preview")

    @property
    def panes(self) -> list[ItemsPane]:
        """The four panes, in pane order."""
        return list(self.query(ItemsPane))

    @property
    def followed(self) -> ItemsPane:
        """The pane the preview follows: the focused one, else the one focused last."""
        focused = self.screen.focused
        if isinstance(focused, ItemsPane):
            self._followed = focused
        if self._followed is None:
            self._followed = self.panes[0]
        return self._followed

    def fill(
        self,
        items_of: Callable[[Kind], Sequence[Item]],
        *,
        today: dt.date,
        rules: DeadlineRules | None,
        changed: Item | None = None,
    ) -> None:
        """Show each kind's items in its pane, with their follow-up on `today`.

        Without `changed` every cursor goes to the top; with it (after an edit) each pane
        keeps its cursor on the item it was on, or where it was if that item left, and
        the changed item's pane highlights it.
        """
        self._today, self._rules = today, rules
        for pane in self.panes:
            keep = None
            if changed is not None:
                current = pane.current
                keep = changed.id if changed.kind is pane.kind and not changed.deleted else (current.id if current else None)
            pane.show(items_of(pane.kind), today=today, rules=rules, keep=keep)

    # -- zoom -------------------------------------------------------------------------

    @property
    def zoomed(self) -> bool:
        """Whether one pane is shown alone."""
        return self.query_one("#panes").has_class("-zoomed")

    def toggle_zoom(self) -> ItemsPane | None:
        """Show the followed pane alone, or all four again; return the pane zoomed, if any."""
        grid = self.query_one("#panes")
        if self.zoomed:
            grid.remove_class("-zoomed")
            for pane in self.panes:
                pane.remove_class("-zoomed")
            return None
        pane = self.followed
        grid.add_class("-zoomed")
        pane.add_class("-zoomed")
        return pane

    def zoom_to(self, pane: ItemsPane) -> None:
        """With a pane zoomed, show `pane` in its place (a pane hidden cannot take the focus)."""
        if self.zoomed:
            for other in self.panes:
                other.set_class(other is pane, "-zoomed")

    # -- the preview ------------------------------------------------------------------

    def _show_preview(self) -> None:
        item = self.followed.current
        labels = self._commune_labels(item) if item is not None else []
        self.query_one(ItemPreview).show(item, labels, today=self._today, rules=self._rules)

    @on(ItemsPane.Highlighted)
    def _item_highlighted(self, message: ItemsPane.Highlighted) -> None:
        # Not stopped: the screen also watches it (its item keys depend on an item being there).
        if message.pane is self.followed:
            self._show_preview()

    @on(events.DescendantFocus)
    def _focus_moved(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, ItemsPane) and event.widget is not self._followed:
            self._followed = event.widget
            self._show_preview()
