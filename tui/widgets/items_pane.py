"""One of the four panes: the items of one kind for the selected commune."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from haicap.store import Item, Kind
from haicap.store.domain.dates import DATE_FORMAT
from haicap.store.domain.followup import DeadlineRules, FollowUp, follow_up
from haicap.tui.literal import bounded, literal

__all__ = ["ItemsPane"]


def session_line(item: Item) -> str:
    """The short provenance line under an item: "25/11/2025 · Trịnh Tuấn Sinh".

    Sessions read from free text may name no leader; the line is then just the date.
    """
    date = item.session.date.strftime(DATE_FORMAT)
    leader = item.session.leader.name
    line = f"{date} · {leader}" if leader else date
    return f"{line} · thêm tay" if item.added_by_hand else line


def state_parts(item: Item, state: FollowUp) -> list[str]:
    """The pieces of a request's or directive's state line after its status:
    owner, deadline in force, completion date ("Sở Tài chính", "hạn 04/01/2026")."""
    parts = []
    if item.tracking.owner:
        parts.append(item.tracking.owner)
    if state.deadline is not None:
        parts.append(f"hạn {state.deadline.strftime(DATE_FORMAT)}")
    if item.tracking.done is not None:
        parts.append(f"xong {item.tracking.done.strftime(DATE_FORMAT)}")
    return parts


def state_line(item: Item, state: FollowUp) -> Content:
    """The follow-up line of a request or directive, e.g.
    "Đang giải quyết · Sở Tài chính · hạn 04/01/2026" ("✓ Hoàn thành – đúng hạn · …" when closed)."""
    # An overdue item's label would repeat the mark shown on its first line.
    label = state.status.label_vi if state.overdue else state.label_vi
    rest = literal(" · ".join([label, *state_parts(item, state)]), "$text-muted")
    if not state.is_open:
        return Content.assemble(literal("✓ ", "$text-success"), rest)
    return rest


def overdue_badge(state: FollowUp) -> Content:
    """The mark an overdue item starts with: " ⚠ quá hạn 12 ngày " in the error colours.

    It is text as well as colour, so it survives a monochrome terminal, and it comes first
    so a narrow pane shows it even when the item's text is long.
    """
    return literal(f" {state.mark} ", "bold $text-error on $error-muted")


class ItemsPane(OptionList):
    """The items of one kind, each with the session it came from; enter opens one."""

    HELP_TITLE: ClassVar[str] = "Ô nội dung / Panes"
    """Heading of this widget's keys in the help dialog."""

    # The item keys act through the screen, which owns the store and the selection; they
    # are declared here so help lists them under the panes and they work only in a pane.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("enter", "select", "Details", show=False, tooltip="Open the full text of this item and its state"),
        Binding("s", "screen.set_status", "Status", tooltip="Set the status of this request or directive"),
        Binding(
            "e",
            "screen.edit_item",
            "Edit",
            show=False,
            tooltip="Edit the text and the follow-up fields",
        ),
        Binding("h", "screen.item_history", "History", show=False, tooltip="Show who changed this item, when and how"),
        Binding(
            "K",
            "screen.change_kind",
            "Kind",
            key_display="K",
            show=False,
            tooltip="Move the item to another pane (shift+k: k moves up)",
        ),
        Binding("d", "screen.delete_item", "Delete", show=False, tooltip="Delete this item (u brings it back)"),
        Binding("a", "screen.add_item", "Add", show=False, tooltip="Add an item of this pane's kind to the commune"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | down, j | Next item. |
    | up, k | Previous item. |
    | enter | Open the item's full text, follow-up state and fields, session and source. |
    | s | Set the status of a request or directive. |
    | e | Edit the text and (requests, directives) the follow-up fields. |
    | h | Show the item's history. |
    | K | Change the item's kind (shift+k, since k moves up). |
    | d | Delete the item (`u` on the dashboard restores it). |
    | a | Add an item of this pane's kind. |
    """

    DEFAULT_CSS = """
    ItemsPane {
        height: 1fr;
        & > .option-list--option {
            padding: 0 1 0 0;
        }
    }
    """

    @dataclass
    class Chosen(Message):
        """The user asked to see an item in full."""

        pane: ItemsPane
        item: Item

        @property
        def control(self) -> ItemsPane:
            """The pane that sent the message."""
            return self.pane

    def __init__(self, kind: Kind, number: int, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.kind = kind
        """The kind of item this pane holds."""
        self.number = number
        """The pane's number, also its focus key (1-4)."""
        self._items: tuple[Item, ...] = ()
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
        # The count sits right after the Vietnamese heading, so a narrow pane cuts the
        # English part of the title, never the number of items.
        self.border_title = Content.assemble(
            literal(f"{self.number} ", "dim"),
            literal(self.kind.title_vi, "bold"),
            literal(f" ({len(self._items)})"),
            literal(f" / {self.kind.title_en}", "bold"),
        )
        if not self._items:
            self.set_options([Option(literal("— không có / none", "dim italic"), disabled=True)])
            return
        self.set_options(Option(self._prompt(item, today, rules), id=item.id) for item in self._items)
        index = 0
        if keep is not None:
            ids = [item.id for item in self._items]
            if keep in ids:
                index = ids.index(keep)
            elif old_index is not None:
                index = min(old_index, len(self._items) - 1)
        self.highlighted = index

    def select_item(self, item_id: str) -> bool:
        """Highlight the item with `item_id`; False (cursor unchanged) when it is not shown."""
        for index, item in enumerate(self._items):
            if item.id == item_id:
                self.highlighted = index
                return True
        return False

    @staticmethod
    def _prompt(item: Item, today: dt.date, rules: DeadlineRules | None) -> Content:
        state = follow_up(item, today, rules)
        # Bounded: the pane lays out every item on each redraw (a move of the cursor, a
        # resize), and a 100,000-character item would make each of those take a second.
        text = bounded(item.text)
        if state is not None and state.overdue:
            text = Content.assemble(overdue_badge(state), " ", text)
        lines = [text, literal(session_line(item), "dim italic")]
        if state is not None:
            lines.append(state_line(item, state))
        return Content("\n").join(lines)

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self._items):
            self.post_message(self.Chosen(self, self._items[event.option_index]))
