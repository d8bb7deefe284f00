"""The tracking review's header: the file, and what reading it back would do."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from haicap.store.db.tracking_updates import TrackingPlan
from haicap.store.domain.i18n import _
from haicap.tui.literal import literal

__all__ = ["TrackingHeader"]


class TrackingHeader(Static):
    """Two lines: the file (a tracking table), then the counts of items, changes, unchanged and refused rows."""

    DEFAULT_CSS = """
    TrackingHeader {
        height: 2;
        padding: 0 1;
        background: $panel;
    }
    """

    def show(self, plan: TrackingPlan, *, applying: bool = False) -> None:
        """Show `plan`'s file and counts; `applying` while the store writes it."""
        title = Content.assemble(
            literal(_("Answers from an agency") + ": ", "bold"),
            literal(plan.table.name, "bold $text-accent"),
            literal(" (" + _("tracking table") + ")", "$text-muted"),
        )
        counts = _("{items} items, {changes} changes · {unchanged} rows unchanged · {refused} refused").format(
            items=len(plan.updates), changes=plan.change_count, unchanged=plan.unchanged, refused=len(plan.refused)
        )
        second = literal(counts, "$text-error" if plan.refused else "")
        if applying:
            second = Content.assemble(second, literal(" · " + _("applying…"), "italic"))
        self.update(Content("\n").join([title, second]))
