"""The import review's links: the suggestions of the plan shown, and `L` on a request.

`ReviewLinks` belongs to one `ImportReviewScreen`: it remembers the suggestions of the
plan last asked about (plans are immutable, so a plan met again is the same one), opens
`ReviewLinksDialog` on a request line, and gives the screen the plan with the links the
officer accepted. The screen stores them with the import (`store.views.links`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from haicap.store.domain.i18n import _, ngettext
from haicap.store.domain.links import LinkSuggestion
from haicap.store.domain.models import Kind
from haicap.store.ingest.import_plan import ImportPlan
from haicap.store.ingest.plan_links import plan_suggestions
from haicap.tui.dialogs.review_links_dialog import ReviewLinksDialog

__all__ = ["ReviewLinks"]

NOTICE_SECONDS = 3


class ReviewLinks:
    """Suggestions and accepted links of the plan a review screen shows."""

    def __init__(self, host: Screen[Any]) -> None:
        self.host = host
        """The review screen: dialogs open over it, notices are its."""
        self._plan: ImportPlan | None = None
        self._suggestions: dict[int, tuple[LinkSuggestion[int], ...]] = {}

    def suggestions(self, plan: ImportPlan) -> dict[int, tuple[LinkSuggestion[int], ...]]:
        """The directive lines suggested for each request line of `plan` (computed once per plan)."""
        if plan is not self._plan:
            self._plan, self._suggestions = plan, plan_suggestions(plan)
        return self._suggestions

    def count(self, plan: ImportPlan, index: int) -> int:
        """How many directives are suggested for line `index`."""
        return len(self.suggestions(plan).get(index, ()))

    def choose(self, plan: ImportPlan, index: int | None, apply: Callable[[ImportPlan, str], None]) -> None:
        """On a request line, let the officer accept or drop its suggested directives; `apply`
        gets the plan with the links chosen and a notice, when they changed."""
        if index is None:
            return
        line = plan.lines[index]
        if line.kind is not Kind.REQUEST or plan.is_known(index):
            self.host.notify(_("L works on a request of the file: it lists the directives that may answer it"), timeout=5)
            return
        before = frozenset(d for r, d in plan.links if r == index)

        def chosen(accepted: frozenset[int] | None) -> None:
            if accepted is None or accepted == before:
                return
            count = len(accepted)
            notice = ngettext(
                "Line {number}: answered by {count} directive", "Line {number}: answered by {count} directives", count
            ).format(number=index + 1, count=count)
            apply(plan.with_links(index, accepted), notice)

        self.host.app.push_screen(ReviewLinksDialog(plan, index, self.suggestions(plan).get(index, ())), chosen)
        if not self.suggestions(plan).get(index):
            self.host.notify(_("No directive of the file is on the same subject: tick one yourself"), timeout=NOTICE_SECONDS)
