"""The whole of the highlighted item of the focused pane, under the panes (lazygit's main view)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from haicap.store import Item
from haicap.store.domain.followup import DeadlineRules, follow_up
from haicap.store.domain.i18n import N_, _
from haicap.tui.item_lines import attention_badge, session_line, state_line
from haicap.tui.literal import bounded, literal

__all__ = ["ItemPreview", "preview_content"]

EMPTY = N_("Highlight an item in a pane to read it whole")
"""What the preview says with no item (translated when shown)."""


def preview_content(item: Item, communes: Sequence[str], today: dt.date, rules: DeadlineRules | None = None) -> Content:
    """What the preview shows of `item`: its state (requests, directives), its text whole,
    then the session it came from and its communes."""
    lines: list[Content] = []
    state = follow_up(item, today, rules)
    if state is not None:
        head = state_line(item, state)
        badge = attention_badge(state)
        lines.append(Content.assemble(badge, " ", head) if badge is not None else head)
    lines.append(bounded(item.text))
    where = session_line(item)
    if communes:
        where += " · " + ", ".join(communes)
    lines.append(literal(where, "dim italic"))
    return Content("\n").join(lines)


class ItemPreview(VerticalScroll, can_focus=False):
    """Shows one item whole, wrapped; it scrolls when the text is longer than the room."""

    DEFAULT_CSS = """
    ItemPreview {
        height: auto;
        & > Static {
            width: 1fr;
        }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(literal(_(EMPTY), "dim italic"), id="preview-text")

    def show(
        self, item: Item | None, communes: Sequence[str] = (), *, today: dt.date, rules: DeadlineRules | None = None
    ) -> None:
        """Show `item` (None: say how to choose one)."""
        # Set at each show, so a live switch of language (the app's) reaches it too.
        self.border_title = _("Full text")
        text = self.query_one("#preview-text", Static)
        if item is None:
            text.update(literal(_(EMPTY), "dim italic"))
        else:
            text.update(preview_content(item, communes, today, rules))
        self.scroll_home(animate=False)
