"""What a terminal smaller than 80×24 shows instead of cut panes."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Static

from haicap.store.domain.i18n import N_, _

__all__ = ["MIN_HEIGHT", "MIN_WIDTH", "TooSmallDialog", "too_small"]

MIN_WIDTH, MIN_HEIGHT = 80, 24
"""The smallest terminal every screen is laid out for."""


def too_small(width: int, height: int) -> bool:
    """Whether a terminal of this size would cut the dashboard's widgets."""
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmallDialog(ModalScreen[None]):
    """Covers the app while the terminal is too small; goes away by itself once it is big enough."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "app.quit", N_("Quit"))]

    DEFAULT_CSS = """
    TooSmallDialog {
        align: center middle;
        background: $background;
        & > Static {
            width: 100%;
            text-align: center;
            color: $warning;
        }
    }
    """

    def __init__(self, width: int, height: int) -> None:
        super().__init__()
        self._terminal = (width, height)

    def compose(self) -> ComposeResult:
        yield Static(self._message(*self._terminal), markup=False)

    def show_size(self, width: int, height: int) -> None:
        """Say the terminal's new size (it is still too small)."""
        self._terminal = (width, height)
        self.query_one(Static).update(self._message(width, height))

    @staticmethod
    def _message(width: int, height: int) -> str:
        size = _("Terminal too small: {width}×{height}, need {min_width}×{min_height}.").format(
            width=width, height=height, min_width=MIN_WIDTH, min_height=MIN_HEIGHT
        )
        return size + "\n" + _("Enlarge it or use a smaller font; q quits.")
