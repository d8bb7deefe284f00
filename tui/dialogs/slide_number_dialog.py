"""Ask for a slide number to go to (the presenter's `g`)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from haicap.store.domain.i18n import N_, _
from haicap.tui.literal import literal

__all__ = ["SlideNumberDialog"]


class SlideNumberDialog(ModalScreen[int | None]):
    """A one-line box for a number from 1 to `total`; dismisses with the slide's index
    (0-based), or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", N_("Cancel"), tooltip=N_("Close without moving")),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Close without moving. |
    | enter | Go to the slide typed. |
    """

    DEFAULT_CSS = """
    SlideNumberDialog {
        align: center middle;
        & > Vertical {
            width: 40;
            max-width: 95%;
            height: auto;
            border: thick $accent;
            background: $surface;
            padding: 0 1;
        }
        & Input {
            margin-top: 1;
        }
        & #slide-number-error {
            color: $error;
            height: auto;
        }
    }
    """

    def __init__(self, current: int, total: int) -> None:
        super().__init__()
        self.current = current
        """The slide shown now (1-based), offered as the starting text."""
        self.total = total
        """How many slides there are."""

    def compose(self) -> ComposeResult:
        with Vertical() as frame:
            frame.border_title = _("Go to slide")
            frame.border_subtitle = _("enter go · esc cancel")
            yield Static(literal(_("Slide number 1–{total}").format(total=self.total)))
            yield Input(str(self.current), type="integer", select_on_focus=True, id="slide-number")
            yield Static(id="slide-number-error")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        number = int(text) if text.lstrip("-").isdigit() else 0
        if 1 <= number <= self.total:
            self.dismiss(number - 1)
            return
        self.query_one("#slide-number-error", Static).update(literal(_("No slide '{text}'").format(text=text)))
