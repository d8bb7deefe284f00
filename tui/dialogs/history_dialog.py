"""Every recorded change of one item: who, when, which field, old → new."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from haicap.store import HistoryEntry, Item
from haicap.tui.dialogs.scrolling_dialog import ScrollingDialog
from haicap.tui.dialogs.status_dialog import about_item
from haicap.tui.literal import bounded, literal

__all__ = ["FIELD_LABELS", "HistoryDialog", "describe_entry"]

FIELD_LABELS = {
    "status": "Trạng thái / status",
    "owner": "Chủ trì / owner",
    "co_agencies": "Phối hợp / co-agencies",
    "deadline": "Hạn / deadline",
    "done": "Hoàn thành / done",
    "answer": "Trả lời / answer",
    "note": "Ghi chú / note",
    "responds_to": "Chỉ đạo trả lời / responding directives",
    "kind": "Loại / kind",
    "text": "Nội dung / text",
    "deleted": "Xoá / deleted",
    "created": "Thêm / added",
}
"""How history names the fields the store records."""


class HistoryDialog(ScrollingDialog[None]):
    """The item's changes, oldest first; every value is shown literally."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q,h", "dismiss", "Close", tooltip="Back to the dashboard"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape, enter, q, h | Back to the dashboard. |
    """

    DEFAULT_CSS = """
    HistoryDialog {
        & .history-about {
            color: $text-muted;
            margin-bottom: 1;
        }
        & .history-entry {
            margin-bottom: 1;
        }
    }
    """

    def __init__(self, item: Item, entries: Sequence[HistoryEntry]) -> None:
        super().__init__()
        self.item = item
        """The item whose history is shown."""
        self.entries = tuple(entries)
        """Its changes, oldest first."""

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Lịch sử / History"
            scroll.border_subtitle = "esc đóng / close"
            yield Static(about_item(self.item, 80), classes="history-about")
            if not self.entries:
                yield Static(literal("Chưa có thay đổi nào / no changes yet", "dim italic"))
            for entry in self.entries:
                yield Static(describe_entry(entry), classes="history-entry")


def describe_entry(entry: HistoryEntry) -> Content:
    """Two lines: when · who · field, then old → new, every value literal."""
    # Stored in UTC, shown in the local time of whoever reads it.
    when = entry.when.astimezone().strftime("%d/%m/%Y %H:%M")
    head = Content.assemble(
        literal(when, "bold"),
        literal(" · "),
        literal(entry.who, "$accent"),
        literal(" · "),
        literal(FIELD_LABELS.get(entry.field, entry.field), "bold"),
    )
    # Values are bounded like the panes' text: an edit of a huge text records it twice.
    change = Content.assemble(
        literal("  "),
        bounded(entry.old or "—", style="$text-muted"),
        literal(" → "),
        bounded(entry.new or "—"),
    )
    return Content("\n").join([head, change])
