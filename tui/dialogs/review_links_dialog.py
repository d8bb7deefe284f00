"""The directives of an import that answer one of its requests (`L` in the review).

The request is named on top; under it, the file's directives: those suggested as its
answer first (marked "gợi ý", best first), then the others, each "[x]" when accepted.
Space accepts or drops one, enter or ctrl+s keeps the choice, esc changes nothing. What
is accepted is stored with the import, as the request's `responds_to`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from haicap.store.domain.i18n import N_, _
from haicap.store.domain.links import LinkSuggestion
from haicap.store.domain.models import Kind
from haicap.store.ingest.import_plan import ImportPlan
from haicap.store.ingest.plan_links import stored_lines
from haicap.tui.dialogs.edit_item_dialog import hints
from haicap.tui.dialogs.review_fields_dialog import about_line
from haicap.tui.widgets.link_checklist import LinkChecklist, LinkChoice

__all__ = ["ReviewLinksDialog", "link_choices"]


def link_choices(plan: ImportPlan, suggestions: Sequence[LinkSuggestion[int]]) -> list[LinkChoice[int]]:
    """The directive lines to be stored, the suggested ones first (best first), then the others in text order."""
    suggested = [s.directive for s in suggestions]
    others = [i for i in stored_lines(plan) if plan.lines[i].kind is Kind.DIRECTIVE and i not in suggested]
    mark = _("suggested")
    return [LinkChoice(i, plan.lines[i].text, mark=mark) for i in suggested] + [LinkChoice(i, plan.lines[i].text) for i in others]


class ReviewLinksDialog(ModalScreen[frozenset[int] | None]):
    """Dismisses with the directive lines accepted as answers of the request, or None on esc."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", N_("Cancel"), tooltip=N_("Close without changing anything")),
        Binding("ctrl+s", "save", N_("Save"), tooltip=N_("Keep the links accepted (enter does too)")),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Close without changing anything. |
    | space | Accept or drop the highlighted directive. |
    | enter, ctrl+s | Keep the links accepted. |
    """

    DEFAULT_CSS = """
    ReviewLinksDialog {
        align: center middle;
        & > Vertical {
            width: 90%;
            max-width: 100;
            height: auto;
            max-height: 100%;
            border: thick $accent;
            background: $surface;
            padding: 0 1;
        }
        & LinkChecklist {
            max-height: 10;
            margin-top: 1;
        }
        & #links-hints {
            color: $text-muted;
            margin-top: 1;
        }
    }
    """

    def __init__(self, plan: ImportPlan, request: int, suggestions: Sequence[LinkSuggestion[int]]) -> None:
        super().__init__()
        self.plan = plan
        """The plan under review."""
        self.request = request
        """The request's line."""
        self.choices = link_choices(plan, suggestions)
        """The directive lines listed."""

    def compose(self) -> ComposeResult:
        accepted = sorted(d for r, d in self.plan.links if r == self.request)
        with Vertical() as frame:
            frame.border_title = _("Answering directives")
            yield Static(about_line(self.plan.lines[self.request]))
            if self.choices:
                yield LinkChecklist(self.choices, accepted, id="links-list")
            else:
                yield Static(_("The file has no directive to link."), id="links-none")
            yield Static(
                hints(("space", _("accept / drop")), ("enter", _("keep")), ("esc", _("cancel"))),
                id="links-hints",
            )

    def on_mount(self) -> None:
        lists = self.query(LinkChecklist)
        if lists:
            self.set_focus(lists.first())

    def action_save(self) -> None:
        """Close with the directive lines ticked."""
        lists = self.query(LinkChecklist)
        self.dismiss(frozenset(lists.first().linked) if lists else None)
