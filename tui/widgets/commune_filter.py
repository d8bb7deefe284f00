"""The filter box above the commune list: type to narrow the list, diacritics optional."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input

from haicap.store.domain.i18n import N_, _
from haicap.tui.widgets.help_title import HelpTitle

__all__ = ["CommuneFilter"]


class CommuneFilter(Input):
    """An input whose text filters the communes; the screen owns the filtering itself."""

    HELP_TITLE = HelpTitle(N_("Filter box"))
    """Heading of this widget's keys in the help dialog, in the language spoken."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear_filter", N_("Clear filter"), tooltip=N_("Clear the filter and go back to the list")),
        Binding("down,enter", "done", N_("To list"), tooltip=N_("Keep the filter and go to the list")),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Clear the filter and go back to the list. |
    | down, enter | Keep the filter and go to the list. |
    """

    DEFAULT_CSS = """
    CommuneFilter {
        margin: 0;
    }
    """

    class Done(Message):
        """The user finished typing and wants the list."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.show_language()

    def show_language(self) -> None:
        """Say what the box is for in the language now spoken (the app may switch it live)."""
        self.placeholder = _("/ filter communes")

    def action_clear_filter(self) -> None:
        """Empty the box (which shows every commune again) and hand focus back."""
        self.value = ""
        self.post_message(self.Done())

    def action_done(self) -> None:
        """Hand focus back to the list, keeping the filter."""
        self.post_message(self.Done())
