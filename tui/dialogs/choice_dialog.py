"""A small modal list to choose one value from: status, kind, session."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from haicap.store.domain.i18n import N_, _

__all__ = ["Choice", "ChoiceDialog"]

ChoiceType = TypeVar("ChoiceType")

Choice = tuple[Content, ChoiceType, bool]
"""One entry: what the list shows, the value chosen, and whether it can be chosen."""


class ChoiceDialog(ModalScreen[ChoiceType | None], Generic[ChoiceType]):
    """Lists choices under a line saying what they are for; dismisses with the chosen
    value, or None on escape. Subclasses build the entries."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss(None)", N_("Cancel"), tooltip=N_("Close without changing anything")),
        Binding("j", "move(1)", N_("Down"), show=False),
        Binding("k", "move(-1)", N_("Up"), show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape, q | Close without changing anything. |
    | down/j, up/k | Move in the list. |
    | enter | Choose the highlighted entry. |
    """

    DEFAULT_CSS = """
    ChoiceDialog {
        align: center middle;
        & > Vertical {
            width: 72;
            max-width: 95%;
            height: auto;
            max-height: 90%;
            border: thick $accent;
            background: $surface;
            padding: 0 1;
        }
        & .choice-about {
            color: $text-muted;
            margin-bottom: 1;
        }
        & OptionList, & OptionList:focus {
            height: auto;
            max-height: 18;
            border: none;
            padding: 0;
            background: $surface;
        }
    }
    """

    def __init__(self, title: str, about: Content, choices: Sequence[Choice[ChoiceType]], start: int = 0) -> None:
        super().__init__()
        self.title_text = title
        """The frame's title (in the language spoken: subclasses translate it)."""
        self.about = about
        """The line above the list: what is being chosen for."""
        self.choices = tuple(choices)
        """The entries, in display order."""
        self.start = start
        """The entry highlighted first."""

    def compose(self) -> ComposeResult:
        with Vertical() as frame:
            frame.border_title = self.title_text
            frame.border_subtitle = _("enter choose · esc cancel")
            yield Static(self.about, classes="choice-about")
            yield OptionList(
                *(Option(prompt, disabled=not enabled) for prompt, _value, enabled in self.choices),
                markup=False,
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if self.choices and self.choices[self.start][2]:
            options.highlighted = self.start
        self.set_focus(options)

    def action_move(self, step: int) -> None:
        """Move the highlight down (1) or up (-1)."""
        options = self.query_one(OptionList)
        options.action_cursor_down() if step > 0 else options.action_cursor_up()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[event.option_index][1])
