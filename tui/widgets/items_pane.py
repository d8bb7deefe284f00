"""One of the four panes: the items of one kind for the selected commune."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Sequence

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store import Item, Kind

from ..literal import literal

__all__ = ["ItemsPane"]

DATE_FORMAT = "%d/%m/%Y"
"""Dates as Vietnamese officials write them: 25/11/2025."""


def session_line(item: Item) -> str:
    """The short provenance line under an item: "25/11/2025 · Trịnh Tuấn Sinh".

    Sessions read from free text may name no leader; the line is then just the date.
    """
    date = item.session.date.strftime(DATE_FORMAT)
    leader = item.session.leader.name
    return f"{date} · {leader}" if leader else date


class ItemsPane(OptionList):
    """The items of one kind, each with the session it came from; enter opens one."""

    HELP_TITLE: ClassVar[str] = "Ô nội dung / Panes"
    """Heading of this widget's keys in the help dialog."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("enter", "select", "Details", tooltip="Open the full text of this item"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | down, j | Next item. |
    | up, k | Previous item. |
    | enter | Open the item's full text, kind, session and source. |
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
        self.show(())

    @property
    def items(self) -> tuple[Item, ...]:
        """The items shown, in display order."""
        return self._items

    def show(self, items: Sequence[Item]) -> None:
        """Show `items` (from the newest session down) and reset the cursor to the top."""
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
        self.set_options(Option(self._prompt(item), id=item.id) for item in self._items)
        self.highlighted = 0

    @staticmethod
    def _prompt(item: Item) -> Content:
        return Content.assemble(literal(item.text), "\n", literal(session_line(item), "dim italic"))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self._items):
            self.post_message(self.Chosen(self, self._items[event.option_index]))
