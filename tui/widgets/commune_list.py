"""The list of a province's communes, with a mark for those that have reports."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from haicap.store import Commune, CommuneSummary
from haicap.store.domain.i18n import N_
from haicap.tui.literal import literal
from haicap.tui.widgets.help_title import HelpTitle

__all__ = ["CommuneList"]


class CommuneList(OptionList):
    """Communes of one province; the highlighted one is the commune the panes show.

    The parent sets the communes with `show`; this widget reports the highlighted
    commune with `CommuneList.Highlighted` and never touches its siblings.
    """

    HELP_TITLE = HelpTitle(N_("Commune list"))
    """Heading of this widget's keys in the help dialog, in the language spoken."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", N_("Down"), show=False),
        Binding("up,k", "cursor_up", N_("Up"), show=False),
        Binding("enter", "select", N_("Open panes"), show=False, tooltip=N_("Move to the panes of this commune")),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | down, j | Next commune in the list. |
    | up, k | Previous commune in the list. |
    | enter | Move to the panes of this commune. |
    """

    DEFAULT_CSS = """
    CommuneList {
        height: 1fr;
    }
    """

    @dataclass
    class Highlighted(Message):
        """The highlighted commune changed (by keys, mouse or a new list)."""

        commune_list: CommuneList
        commune: Commune

        @property
        def control(self) -> CommuneList:
            """The list that sent the message."""
            return self.commune_list

    @dataclass
    class Chosen(Message):
        """The user pressed enter on a commune: they want to read its panes."""

        commune_list: CommuneList
        commune: Commune

        @property
        def control(self) -> CommuneList:
            """The list that sent the message."""
            return self.commune_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._communes: list[Commune] = []

    @property
    def communes(self) -> Sequence[Commune]:
        """The communes currently listed, in display order."""
        return tuple(self._communes)

    @property
    def current(self) -> Commune | None:
        """The highlighted commune, or None when the list is empty."""
        if self.highlighted is None or not self._communes:
            return None
        return self._communes[self.highlighted]

    def show(self, summaries: Sequence[CommuneSummary], keep: Commune | None = None) -> None:
        """List `summaries`, highlighting `keep` when it is among them, else the first."""
        self._communes = [summary.commune for summary in summaries]
        self.set_options(Option(self._prompt(summary), id=summary.commune.code) for summary in summaries)
        if not self._communes:
            self.highlighted = None
            return
        index = self._communes.index(keep) if keep in self._communes else 0
        unchanged = self.highlighted == index
        self.highlighted = index
        if unchanged:
            # Setting the same index fires no event, but a new list is still a new selection.
            self.post_message(self.Highlighted(self, self._communes[index]))

    def move(self, step: int) -> None:
        """Highlight the commune `step` places away, wrapping around the ends."""
        if not self._communes:
            return
        start = self.highlighted if self.highlighted is not None else -step
        self.highlighted = (start + step) % len(self._communes)

    @staticmethod
    def _prompt(summary: CommuneSummary) -> Content:
        commune = summary.commune
        if summary.has_reports:
            return Content.assemble(
                literal(commune.name, "bold"),
                literal(f" {commune.type} ", "dim"),
                literal(f"●{summary.session_count}", "$accent"),
            )
        return Content.assemble(literal(commune.name), literal(f" {commune.type}", "dim"))

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index < len(self._communes):
            self.post_message(self.Highlighted(self, self._communes[event.option_index]))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self._communes):
            self.post_message(self.Chosen(self, self._communes[event.option_index]))
