"""One of the four panes: the items of one kind for the selected commune, one line each.

Only the lines on screen are drawn (a pane of 10,000 items costs what a pane of 20 costs,
as in toolong's log view); the highlighted item of the focused pane is shown whole in the
dashboard's preview (`widgets.item_preview`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from haicap.store import Item, Kind
from haicap.store.domain.followup import DeadlineRules
from haicap.store.domain.i18n import N_, _
from haicap.store.domain.models import TRACKED_KINDS
from haicap.tui.item_lines import item_line, owner_width
from haicap.tui.literal import literal
from haicap.tui.widgets.help_title import HelpTitle

__all__ = ["NO_STATUS", "ItemsPane"]


NO_STATUS = N_("Only requests and directives have a status")
"""What `s` says on an item that has no status (the pane's key and the screen's action alike);
translated where it is shown: `_(NO_STATUS)`."""


class ItemsPane(ScrollView, can_focus=True):
    """The items of one kind, a line each, with a cursor; enter opens one."""

    HELP_TITLE = HelpTitle(N_("Panes"))
    """Heading of this widget's keys in the help dialog, in the language spoken."""

    # The item keys act through the screen, which owns the store and the selection; they
    # are declared here so help lists them under the panes and they work only in a pane.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", N_("Down"), show=False),
        Binding("up,k", "cursor_up", N_("Up"), show=False),
        Binding("pagedown", "page(1)", N_("Page down"), show=False),
        Binding("pageup", "page(-1)", N_("Page up"), show=False),
        Binding("home", "first", N_("First"), show=False),
        Binding("end", "last", N_("Last"), show=False),
        Binding("enter", "select", N_("Details"), show=False, tooltip=N_("Open the full text of this item and its state")),
        Binding("s", "screen.set_status", N_("Status"), tooltip=N_("Set the status of this request or directive")),
        Binding(
            "e",
            "screen.edit_item",
            N_("Edit"),
            show=False,
            tooltip=N_("Edit the text and the follow-up fields"),
        ),
        Binding("h", "screen.item_history", N_("History"), show=False, tooltip=N_("Show who changed this item, when and how")),
        Binding(
            "K",
            "screen.change_kind",
            N_("Kind"),
            key_display="K",
            show=False,
            tooltip=N_("Move the item to another pane (shift+k: k moves up)"),
        ),
        Binding("d", "screen.delete_item", N_("Delete"), show=False, tooltip=N_("Delete this item (u brings it back)")),
        Binding("a", "screen.add_item", N_("Add"), show=False, tooltip=N_("Add an item of this pane's kind to the commune")),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | down, j | Next item. |
    | up, k | Previous item. |
    | pagedown, pageup, home, end | A page down or up, the first or last item. |
    | enter | Open the item's full text, follow-up state and fields, session and source. |
    | s | Set the status of a request or directive. |
    | e | Edit the text and (requests, directives) the follow-up fields. |
    | h | Show the item's history. |
    | K | Change the item's kind (shift+k, since k moves up). |
    | d | Delete the item (`u` on the dashboard restores it). |
    | a | Add an item of this pane's kind. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"items-pane--cursor", "items-pane--empty"}

    DEFAULT_CSS = """
    ItemsPane {
        height: 1fr;
        /* Lines are cut to the pane's width: never a horizontal scrollbar. */
        overflow-x: hidden;
        & > .items-pane--cursor {
            background: $block-cursor-blurred-background;
        }
        &:focus > .items-pane--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
        & > .items-pane--empty {
            color: $text-muted;
            text-style: italic;
        }
    }
    """

    highlighted: reactive[int | None] = reactive(None, layout=False, init=False)
    """The index of the item under the cursor, or None in an empty pane."""

    @dataclass
    class Chosen(Message):
        """The user asked to see an item in full."""

        pane: ItemsPane
        item: Item

        @property
        def control(self) -> ItemsPane:
            """The pane that sent the message."""
            return self.pane

    @dataclass
    class Highlighted(Message):
        """The cursor moved to another item (or the pane's items changed under it)."""

        pane: ItemsPane
        item: Item | None

        @property
        def control(self) -> ItemsPane:
            """The pane that sent the message."""
            return self.pane

    def __init__(self, kind: Kind, number: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.kind = kind
        """The kind of item this pane holds."""
        self.number = number
        """The pane's number, also its focus key (1-4)."""
        self._items: tuple[Item, ...] = ()
        self._today = dt.date.min
        self._rules: DeadlineRules | None = None
        self._owners = 0
        self._lines: LRUCache[tuple[int, int, str], Strip] = LRUCache(1024)
        self.show((), today=dt.date.min)  # empty: no item's follow-up depends on the day

    @property
    def items(self) -> tuple[Item, ...]:
        """The items shown, in display order."""
        return self._items

    @property
    def current(self) -> Item | None:
        """The highlighted item, or None in an empty pane."""
        if self.highlighted is None or not self._items or self.highlighted >= len(self._items):
            return None
        return self._items[self.highlighted]

    def show(
        self,
        items: Sequence[Item],
        *,
        today: dt.date,
        rules: DeadlineRules | None = None,
        keep: str | None = None,
    ) -> None:
        """Show `items` (from the newest session down) with their follow-up state on `today`.

        The cursor goes to the item with id `keep` when given: to it if it is still shown,
        else to the place it held (a deleted item leaves the cursor on its neighbour).
        Without `keep` the cursor goes to the top.
        """
        old_index = self.highlighted
        self._items = tuple(items)
        self._today, self._rules = today, rules
        self._owners = owner_width(self._items)
        self._lines.clear()
        self.border_title = Content.assemble(
            literal(f"{self.number} ", "dim"),
            literal(self.kind.title, "bold"),
            literal(f" ({len(self._items)})"),
        )
        self.virtual_size = Size(self.scrollable_content_region.width, max(len(self._items), 1))
        index: int | None = None
        if self._items:
            index = 0
            if keep is not None:
                ids = [item.id for item in self._items]
                if keep in ids:
                    index = ids.index(keep)
                elif old_index is not None:
                    index = min(old_index, len(self._items) - 1)
        if index == 0 and keep is None:
            self.scroll_to(y=0, animate=False)
        self.set_reactive(ItemsPane.highlighted, index)
        self._cursor_moved()
        self.refresh()

    def select_item(self, item_id: str) -> bool:
        """Highlight the item with `item_id`; False (cursor unchanged) when it is not shown."""
        for index, item in enumerate(self._items):
            if item.id == item_id:
                self.highlighted = index
                return True
        return False

    def line(self, index: int) -> Content:
        """The line item `index` takes at the pane's present width (what the pane shows)."""
        return item_line(self._items[index], self._line_width(), self._today, self._rules, self._owners)

    # -- drawing ----------------------------------------------------------------------

    def _line_width(self) -> int:
        return max(self.scrollable_content_region.width, 1)

    def render_line(self, y: int) -> Strip:
        width = self._line_width()
        index = int(self.scroll_offset.y) + y
        if not self._items:
            if index != 0:
                return Strip.blank(width, self.rich_style)
            style = self.get_visual_style("items-pane--empty")
            empty = literal(_("— none")).truncate(width, pad=True)
            return Visual.to_strips(self, empty, width, 1, style)[0]
        if index >= len(self._items):
            return Strip.blank(width, self.rich_style)
        cursor = index == self.highlighted
        role = ("focused-cursor" if self.has_focus else "cursor") if cursor else "line"
        key = (index, width, role)
        strip = self._lines.get(key)
        if strip is None:
            style = self.get_visual_style("items-pane--cursor") if cursor else self.visual_style
            strip = Visual.to_strips(self, self.line(index), width, 1, style)[0]
            strip = strip.extend_cell_length(width, style.rich_style).crop(0, width)
            self._lines[key] = strip
        return strip

    def on_resize(self, event: events.Resize) -> None:
        self._lines.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, max(len(self._items), 1))
        self._scroll_to_cursor()

    def _on_focus(self, event: events.Focus) -> None:
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()  # a new theme: the cached lines carry the old colours

    # -- the cursor -------------------------------------------------------------------

    def watch_highlighted(self) -> None:
        self._cursor_moved()
        self.refresh()

    def _cursor_moved(self) -> None:
        self._scroll_to_cursor()
        self.post_message(self.Highlighted(self, self.current))

    def _scroll_to_cursor(self) -> None:
        index, height = self.highlighted, self.scrollable_content_region.height
        if index is None or height <= 0:
            return
        top = int(self.scroll_offset.y)
        if index < top:
            self.scroll_to(y=index, animate=False, immediate=True)
        elif index >= top + height:
            self.scroll_to(y=index - height + 1, animate=False, immediate=True)

    def _move(self, index: int) -> None:
        if self._items:
            self.highlighted = max(0, min(index, len(self._items) - 1))

    def action_cursor_down(self) -> None:
        """Move to the next item."""
        self._move((self.highlighted or 0) + 1)

    def action_cursor_up(self) -> None:
        """Move to the previous item."""
        self._move((self.highlighted or 0) - 1)

    def action_page(self, direction: int) -> None:
        """Move a page down (1) or up (-1)."""
        self._move((self.highlighted or 0) + direction * max(self.scrollable_content_region.height - 1, 1))

    def action_first(self) -> None:
        """Move to the first item."""
        self._move(0)

    def action_last(self) -> None:
        """Move to the last item."""
        self._move(len(self._items) - 1)

    def action_select(self) -> None:
        """Open the highlighted item in full."""
        item = self.current
        if item is not None:
            self.post_message(self.Chosen(self, item))

    def on_key(self, event: events.Key) -> None:
        # `s` is out of the footer where there is no status (the screen's check_action), but
        # an officer who presses it anyway is told why nothing happens.
        if event.key == "s" and self.kind not in TRACKED_KINDS:
            event.stop()
            self.notify(_(NO_STATUS), severity="warning", timeout=4)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = int(self.scroll_offset.y) + offset.y
        if 0 <= index < len(self._items):
            self.highlighted = index
            self.post_message(self.Chosen(self, self._items[index]))
