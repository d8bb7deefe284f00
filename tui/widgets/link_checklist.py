"""A list of directives to link to a request: "[x]" linked, "[ ]" not, space links or unlinks.

Enter saves the dialog it is in (its `save` action). Used by the edit dialog of a request (the store's directives) and by the import review's
links dialog (the file's directive lines). Each choice has a key (an item id, a line
number), a mark saying why it is listed ("gợi ý" for a suggestion), its state and its text;
the line is cut to the list's width with "…".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList

from haicap.store.domain.i18n import N_
from haicap.tui.literal import clip, literal
from haicap.tui.widgets.help_title import HelpTitle

__all__ = ["LinkChecklist", "LinkChoice"]

Key = TypeVar("Key")

SUGGESTED_STYLE = "bold $text-warning"
"""The mark of a suggested directive (the mark is a word too: readable without colour)."""


@dataclass(frozen=True)
class LinkChoice(Generic[Key]):
    """One directive the officer may link."""

    key: Key
    text: str
    state: str = ""
    """Its follow-up state in words ("Đang thực hiện – quá hạn 3 ngày"); empty for none."""
    mark: str = ""
    """Why it is listed, in words ("gợi ý"); empty for a directive listed for completeness."""

    @property
    def id_and_state(self) -> str:
        """ "cdb5ed9f-20 · Đang thực hiện": the key and the state, for a line naming the item."""
        return f"{self.key} · {self.state}" if self.state else str(self.key)


class LinkChecklist(OptionList, Generic[Key]):
    """Directives to tick; `linked` holds the keys ticked, in the order they were listed
    (or ticked, for one ticked later)."""

    HELP_TITLE = HelpTitle(N_("Answering directives"))
    """Heading of this widget's keys in the help dialog, in the language spoken."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "tick", N_("Link / unlink"), show=False, tooltip=N_("Link the directive, or unlink it")),
        Binding("enter", "screen.save", N_("Save"), show=False, tooltip=N_("Save the dialog")),
        Binding("j", "cursor_down", N_("Down"), show=False),
        Binding("k", "cursor_up", N_("Up"), show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | space | Link the highlighted directive, or unlink it. |
    | enter | Save the dialog. |
    | down/j, up/k | Move. |
    """

    DEFAULT_CSS = """
    LinkChecklist {
        height: auto;
        max-height: 5;
        border: none;
        padding: 0;
        background: $boost;
        scrollbar-size-vertical: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        &:focus {
            border: none;
            background: $accent 15%;
        }
        & > .option-list--option {
            padding: 0;
        }
    }
    """

    def __init__(self, choices: Sequence[LinkChoice[Key]], linked: Sequence[Key], *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.choices: list[LinkChoice[Key]] = list(choices)
        """The directives listed, in order."""
        self.linked: list[Key] = [c.key for c in self.choices if c.key in linked]
        """The keys ticked."""
        self.add_options(self._prompt(c) for c in self.choices)
        if self.choices:
            self.highlighted = 0

    def _prompt(self, choice: LinkChoice[Key]) -> Content:
        here = choice.key in self.linked
        parts = [literal("[x] " if here else "[ ] ", "bold $accent" if here else "")]
        if choice.mark:
            parts.append(literal(choice.mark + " ", SUGGESTED_STYLE))
        if choice.state:
            parts.append(literal(choice.state + " · ", "$text-muted"))
        parts.append(literal(clip(choice.text, 300).text))  # the list cuts the line to its width
        return Content.assemble(*parts)

    def action_tick(self) -> None:
        """Link the highlighted directive, or unlink it."""
        if self.highlighted is None:
            return
        choice = self.choices[self.highlighted]
        if choice.key in self.linked:
            self.linked.remove(choice.key)
        else:
            self.linked.append(choice.key)
        self.replace_option_prompt_at_index(self.highlighted, self._prompt(choice))
