"""The tracking review's list: one line per change a filled table makes, then the refused rows.

Each change shows the item id, its communes and the field, old → new; each refused row
shows where it is in the file ("dòng 7 (cdb5ed9f-16)") and why, in the error colour.
Every value is text from outside (an agency's file): shown literally, long ones wrapped.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from haicap.store.db.tracking_updates import FieldChange, RowRefusal, RowUpdate, TrackingPlan, field_name
from haicap.store.domain.i18n import N_, _
from haicap.tui.literal import clip, literal
from haicap.tui.widgets.help_title import HelpTitle
from haicap.tui.widgets.line_keys import line_bindings

__all__ = ["TrackingChanges"]


class TrackingChanges(OptionList):
    """Lists a tracking plan's changes and refusals; the screen calls `show` with the plan."""

    HELP_TITLE = HelpTitle(N_("Changes"))
    """Heading of this widget's keys in the help dialog, in the language spoken."""

    BINDINGS: ClassVar[list[BindingType]] = line_bindings()
    """The keys of `haicap.tui.widgets.line_keys`: down/j, up/k, pagedown, pageup, home, end."""

    DEFAULT_CSS = """
    TrackingChanges {
        height: 1fr;
        border: none;
        padding: 0;
        scrollbar-size-vertical: 1;
        /* A change or a reason is read whole: long ones wrap, under a hanging indent. */
        text-wrap: wrap;
        &:focus {
            border: none;
        }
        & > .option-list--option {
            padding: 0;
        }
        & > .option-list--option-disabled {
            color: $text-muted;
            text-style: bold;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def show(self, plan: TrackingPlan) -> None:
        """List the changes of `plan`, then its refused rows."""
        options: list[Option] = []
        heading = _("Changes ({count})").format(count=plan.change_count)
        options.append(Option(literal(f"── {heading} ──"), disabled=True))
        if not plan.updates:
            options.append(Option(literal(_("— no changes: the store holds these values already"), "italic"), disabled=True))
        for update in plan.updates:
            options += [Option(self._change_prompt(update, change)) for change in update.changes]
        if plan.refused:
            heading = _("Refused rows ({count})").format(count=len(plan.refused))
            options.append(Option(literal(f"── {heading} ──"), disabled=True))
            options += [Option(self._refused_prompt(refusal)) for refusal in plan.refused]
        self.set_options(options)
        choosable = [n for n, option in enumerate(options) if not option.disabled]
        self.highlighted = choosable[0] if choosable else None

    @staticmethod
    def _change_prompt(update: RowUpdate, change: FieldChange) -> Content:
        return Content.assemble(
            literal(f" {update.item.id} ", "bold $text-primary"),
            literal(clip(update.communes, 40).text + " · ", "$text-muted"),
            literal(field_name(change.field) + ": ", "bold"),
            literal(clip(change.old_shown, 60).text, "$text-muted"),
            literal(" → "),
            literal(clip(change.new_shown, 300).text),
        )

    @staticmethod
    def _refused_prompt(refusal: RowRefusal) -> Content:
        return Content.assemble(
            literal(f" {refusal.where}: ", "bold $text-error"),
            literal(clip(refusal.reason, 400).text, "$text-error"),
        )
