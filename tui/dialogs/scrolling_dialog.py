"""A modal dialog whose body scrolls with the keyboard; help and item detail build on it."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

from haicap.store.domain.i18n import N_

__all__ = ["ScrollingDialog"]

ResultType = TypeVar("ResultType")


class ScrollingDialog(ModalScreen[ResultType]):
    """A modal screen with one `VerticalScroll` body that j/k and the arrows scroll."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll('down')", N_("Scroll down"), show=False),
        Binding("up,k", "scroll('up')", N_("Scroll up"), show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | down/j, up/k | Scroll a body taller than the screen. |
    """

    # The box every scrolling dialog shares; a dialog may size it otherwise (help does).
    DEFAULT_CSS = """
    ScrollingDialog {
        align: center middle;
        & > VerticalScroll {
            width: 90%;
            max-width: 100;
            height: auto;
            max-height: 90%;
            border: thick $accent;
            background: $surface;
            padding: 0 1;
        }
    }
    """

    def action_scroll(self, direction: str) -> None:
        """Scroll the body one line down or up."""
        body = self.query_one(VerticalScroll)
        body.scroll_down() if direction == "down" else body.scroll_up()
