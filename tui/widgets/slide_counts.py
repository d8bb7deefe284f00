"""The title slide's counts per kind, in big digits."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Static

from haicap.store import Kind
from haicap.tui.literal import literal

__all__ = ["SlideCounts"]


class SlideCounts(Horizontal):
    """One column per kind: the number in `Digits` (three rows tall), its name under it."""

    DEFAULT_CSS = """
    SlideCounts {
        height: auto;
        & > Vertical {
            width: 1fr;
            height: auto;
        }
        & Digits {
            width: 1fr;
            text-align: center;
            color: $accent;
            text-style: bold;
        }
        & .count-label {
            width: 1fr;
            text-align: center;
            text-style: bold;
        }
    }
    """

    def __init__(self, counts: Sequence[tuple[Kind, int]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.counts = tuple(counts)
        """Each kind with its number of items, in pane order."""

    def compose(self) -> ComposeResult:
        for kind, count in self.counts:
            with Vertical():
                yield Digits(str(count))
                yield Static(literal(kind.title), classes="count-label")
