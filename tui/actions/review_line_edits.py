"""The import review's keys on one line: its kind (1–4), leaving it out (0), its communes,
owner, deadline and text.

`ReviewLineEdits` belongs to one `ImportReviewScreen`: it says why a line cannot be changed
(already stored, left out, no owner or deadline for its kind), asks for the change in a
dialog, and gives the screen the new plan (plans are immutable: `ImportPlan.with_line`
makes one) with a notice; the screen shows it and keeps the old one for `u`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from textual.screen import Screen

from haicap.store import Commune, Kind, Store
from haicap.store.domain.dates import DATE_FORMAT
from haicap.store.domain.i18n import _
from haicap.store.domain.models import TRACKED_KINDS
from haicap.store.ingest.import_plan import ImportPlan
from haicap.tui.dialogs.review_communes_dialog import ReviewCommunesDialog
from haicap.tui.dialogs.review_deadline_dialog import DeadlineSet, ReviewDeadlineDialog
from haicap.tui.dialogs.review_owner_dialog import ReviewOwnerDialog
from haicap.tui.dialogs.review_text_dialog import ReviewTextDialog
from haicap.tui.literal import short
from haicap.tui.widgets.plan_lines import PlanLines

__all__ = ["NOTICE_SECONDS", "ApplyPlan", "ReviewLineEdits"]

NOTICE_SECONDS = 3
"""How long the notice of one change stays: the list shows the change itself."""


class ApplyPlan(Protocol):
    """How the review screen takes a changed plan: it shows `plan` from now on, highlighting
    line `keep` or displaying list row `position`, and says `notice` (when not empty)."""

    def __call__(self, plan: ImportPlan, notice: str, *, keep: int | None = None, position: int | None = None) -> None: ...


class ReviewLineEdits:
    """Changes one line of the plan a review screen (`host`) shows, as the officer asks.

    `plan` gives the plan shown now; `apply` hands the changed plan back to the screen.
    Each key gets the line's index in `plan.lines`, None when no line can change (none is
    highlighted, or the plan is being stored).
    """

    def __init__(self, host: Screen[Any], store: Store, plan: Callable[[], ImportPlan], apply: ApplyPlan) -> None:
        self.host = host
        """The review screen: dialogs open over it, notices are its, its list is read."""
        self.store = store
        """The store whose registry lists the communes to choose from."""
        self.plan = plan
        """The plan the screen shows now."""
        self.apply = apply
        """Shows a changed plan on the screen (and keeps the earlier one for `u`)."""

    def change_line(self, index: int, notice: str, *, follow: bool = True, **changes: object) -> None:
        """Change line `index` (see `ImportPlan.with_line`); a refusal is shown, not raised.

        With `follow` the cursor stays on the line; without, it stays where it is on the
        screen (the line moved to the other section, and the next one comes under it)."""
        shown = self.plan()
        try:
            plan = shown.with_line(index, **changes)
        except ValueError as error:
            self.host.notify(str(error), severity="error", timeout=8)
            return
        if plan == shown:
            return  # the same kind again on a line already sure of it
        position = self.host.query_one(PlanLines).highlighted
        self.apply(plan, notice, keep=index if follow else None, position=None if follow else position)

    def editable(self, index: int | None, *, item: bool = False, tracked: bool = False) -> bool:
        """Whether line `index` can be changed this way; if not, say why."""
        if index is None:
            return False
        plan = self.plan()
        line = plan.lines[index]
        if plan.is_known(index):
            self.host.notify(
                _(
                    "This line is already in the stored session {session}: edit it on the dashboard "
                    "after the import, or m to store a separate session"
                ).format(session=plan.match.session_id if plan.match else ""),
                severity="warning",
                timeout=8,
            )
            return False
        if item and not line.taken:
            self.host.notify(
                _("The line is left out: 1–4 take it in first"),
                severity="warning",
                timeout=5,
            )
            return False
        if tracked and line.kind not in TRACKED_KINDS:
            self.host.notify(
                _("{kind} have no owner or deadline: only requests and directives have them").format(
                    kind=line.kind.title if line.kind else ""
                ),
                severity="warning",
                timeout=5,
            )
            return False
        return True

    def set_kind(self, index: int | None, number: int) -> None:
        """Give line `index` kind `number` (1–4); a left-out line is taken in."""
        if not self.editable(index):
            return
        assert index is not None
        kind = list(Kind)[number - 1]
        line = self.plan().lines[index]
        if line.taken:
            notice = _("Line {number} → {kind}").format(number=index + 1, kind=kind.title)
            if line.kind is kind:
                notice = _("Line {number}: {kind} — confirmed").format(number=index + 1, kind=kind.title) if line.unsure else ""
            self.change_line(index, notice, kind=kind)
        else:
            taken = _("Taken in as {kind}: «{text}»").format(kind=kind.title, text=short(line.text, 40))
            self.change_line(index, taken, follow=True, kind=kind)

    def leave_out(self, index: int | None) -> None:
        """Leave line `index` out of what is stored."""
        if not self.editable(index):
            return
        assert index is not None
        line = self.plan().lines[index]
        if not line.taken:
            self.host.notify(_("This line is already left out"), timeout=NOTICE_SECONDS)
            return
        self.change_line(index, _("Left out: «{text}»").format(text=short(line.text, 40)), follow=False, kind=None)

    def communes(self, index: int | None) -> None:
        """Choose item `index`'s communes (or add another commune of the province)."""
        if not self.editable(index, item=True):
            return
        assert index is not None

        def chosen(communes: tuple[Commune, ...] | None) -> None:
            if communes is not None and set(communes) != set(self.plan().lines[index].communes):
                names = ", ".join(c.name for c in communes)
                notice = _("Line {number}: communes → {names}").format(number=index + 1, names=names)
                self.change_line(index, notice, communes=tuple(communes))

        plan = self.plan()
        self.host.app.push_screen(ReviewCommunesDialog(plan.lines[index], plan.session.communes, self.store.registry), chosen)

    def owner(self, index: int | None) -> None:
        """Set request or directive `index`'s owner and co-agencies."""
        if not self.editable(index, item=True, tracked=True):
            return
        assert index is not None

        def chosen(result: tuple[str, tuple[str, ...]] | None) -> None:
            line = self.plan().lines[index]
            if result is not None and result != (line.owner, line.co_agencies):
                owner, co_agencies = result
                notice = _("Line {number}: owner → {owner}").format(number=index + 1, owner=owner or "—")
                self.change_line(index, notice, owner=owner, co_agencies=co_agencies)

        self.host.app.push_screen(ReviewOwnerDialog(self.plan().lines[index]), chosen)

    def deadline(self, index: int | None) -> None:
        """Set or clear request or directive `index`'s deadline."""
        if not self.editable(index, item=True, tracked=True):
            return
        assert index is not None

        def chosen(result: DeadlineSet | None) -> None:
            if result is not None and result.deadline != self.plan().lines[index].deadline:
                shown = result.deadline.strftime(DATE_FORMAT) if result.deadline else "—"
                notice = _("Line {number}: deadline → {deadline}").format(number=index + 1, deadline=shown)
                self.change_line(index, notice, deadline=result.deadline)

        self.host.app.push_screen(ReviewDeadlineDialog(self.plan().lines[index]), chosen)

    def edit_text(self, index: int | None) -> None:
        """Edit line `index`'s text."""
        if not self.editable(index):
            return
        assert index is not None

        def chosen(text: str | None) -> None:
            if text is not None:
                self.change_line(index, _("Line {number}: text edited").format(number=index + 1), text=text)

        self.host.app.push_screen(ReviewTextDialog(self.plan().lines[index]), chosen)
