"""The full text of one item, with its kind, session and source."""

from __future__ import annotations

from typing import ClassVar, Sequence

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from store import Commune, Item

from ..literal import literal
from .scrolling_dialog import ScrollingDialog
from ..widgets.items_pane import DATE_FORMAT

__all__ = ["ItemDetailDialog"]


class ItemDetailDialog(ScrollingDialog[None]):
    """Shows an item in full; every piece of report text is shown literally."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "dismiss", "Close", tooltip="Back to the dashboard"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape, enter, q | Back to the dashboard. |
    """

    DEFAULT_CSS = """
    ItemDetailDialog {
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
        & .detail-kind {
            text-style: bold;
            color: $accent;
        }
        & .detail-text {
            margin: 1 0;
        }
        & .detail-meta {
            color: $text-muted;
        }
    }
    """

    def __init__(self, item: Item, communes: Sequence[Commune]) -> None:
        super().__init__()
        self.item = item
        """The item shown."""
        self.communes = tuple(communes)
        """The communes the item applies to."""

    def compose(self) -> ComposeResult:
        session = self.item.session
        with VerticalScroll() as scroll:
            scroll.border_title = "Chi tiết / Detail"
            scroll.border_subtitle = "esc đóng / close"
            yield Static(literal(self.item.kind.title), classes="detail-kind")
            yield Static(literal(self.item.text), classes="detail-text")
            yield Static(self._meta("Phiên / Session", f"{session.date.strftime(DATE_FORMAT)} — {session.title}"), classes="detail-meta")
            leader = str(session.leader) if session.leader.name else "—"  # free text may name no leader
            yield Static(self._meta("Lãnh đạo / Leader", leader), classes="detail-meta")
            for person in session.participants:
                yield Static(self._meta("Cùng dự / With", str(person)), classes="detail-meta")
            yield Static(self._meta("Áp dụng / Communes", ", ".join(c.label for c in self.communes)), classes="detail-meta")
            yield Static(self._meta("Nguồn / Source", session.source or "—"), classes="detail-meta")

    @staticmethod
    def _meta(label: str, value: str) -> Content:
        return Content.assemble(literal(f"{label}: ", "bold"), literal(value))
