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
from haicap.store.domain.i18n import N_, _
from haicap.tui.dialogs.scrolling_dialog import ScrollingDialog
from haicap.tui.dialogs.status_dialog import about_item
from haicap.tui.literal import bounded, literal

__all__ = ["FIELD_LABELS", "HistoryDialog", "describe_entry", "field_label"]

FIELD_LABELS = {
    "status": N_("Status"),
    "owner": N_("Owner"),
    "co_agencies": N_("Co-agencies"),
    "deadline": N_("Deadline"),
    "done": N_("Done"),
    "answer": N_("Answer"),
    "note": N_("Note"),
    "responds_to": N_("Responding directives"),
    "kind": N_("Kind"),
    "text": N_("Text"),
    "deleted": N_("Deleted"),
    "created": N_("Added"),
}
"""How history names the fields the store records: English marked with `N_`, shown with
`field_label` (or `_()`) in the language spoken."""


def field_label(field: str) -> str:
    """The name of a recorded field in the language spoken ("owner" → "Chủ trì"); a field
    this version does not know is shown as the store wrote it."""
    label = FIELD_LABELS.get(field)
    return _(label) if label else field


class HistoryDialog(ScrollingDialog[None]):
    """The item's changes, oldest first; every value is shown literally."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q,h", "dismiss", N_("Close"), tooltip=N_("Back to the dashboard")),
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
            scroll.border_title = _("History")
            scroll.border_subtitle = _("esc close")
            yield Static(about_item(self.item, 80), classes="history-about")
            if not self.entries:
                yield Static(literal(_("No changes yet"), "dim italic"))
            for entry in self.entries:
                yield Static(describe_entry(entry), classes="history-entry")


def describe_entry(entry: HistoryEntry) -> Content:
    """Two lines: when · who · field (· from FILE), then old → new, every value literal."""
    # Stored in UTC, shown in the local time of whoever reads it.
    when = entry.when.astimezone().strftime("%d/%m/%Y %H:%M")
    head = Content.assemble(
        literal(when, "bold"),
        literal(" · "),
        literal(entry.who, "$accent"),
        literal(" · "),
        literal(field_label(entry.field), "bold"),
        # The file a change came from (an agency's filled table), named as it was.
        literal(f" · {entry.source_shown}" if entry.source else "", "italic $text-muted"),
    )
    # Values are bounded like the panes' text: an edit of a huge text records it twice.
    change = Content.assemble(
        literal("  "),
        bounded(entry.old_shown or "—", style="$text-muted"),
        literal(" → "),
        bounded(entry.new_shown or "—"),
    )
    return Content("\n").join([head, change])
