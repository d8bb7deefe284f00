"""The review of an import: every sentence of a file, as an item of a kind or left out, before storing.

The officer reads what the reader understood, one line per sentence, corrects it with a
key per change (kind, communes, owner, deadline, text, session facts, which stored
session it adds to), and stores exactly what the screen shows with ctrl+s. The screen
owns the `ImportPlan`; every change makes a new plan (plans are immutable, so `u` can
take changes back), and the widgets are told what to show. The keys on one line are
`ReviewLineEdits`' (`tui.actions.review_line_edits`), the suggested links `ReviewLinks`'.

It dismisses with the `ReportImported` outcome once the store has written the report,
or None when the officer goes back without storing.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList

from haicap.store import Kind, Store, StoreError
from haicap.store.domain.history import current_user
from haicap.store.domain.i18n import _
from haicap.store.ingest.import_plan import ImportPlan, SessionMatch
from haicap.store.ingest.importer import match_stored_session
from haicap.store.views.links import session_item_ids, store_import_links
from haicap.tui.actions.review_line_edits import NOTICE_SECONDS, ReviewLineEdits
from haicap.tui.dialogs.choice_dialog import Choice, ChoiceDialog
from haicap.tui.dialogs.review_session_dialog import ReviewSessionDialog
from haicap.tui.literal import literal
from haicap.tui.messages import ImportFailed, ReportImported, StoreChanged
from haicap.tui.screens.import_review_keys import REVIEW_BINDINGS, REVIEW_EXTRA_KEYS
from haicap.tui.screens.review_links import ReviewLinks
from haicap.tui.widgets.key_bar import KeyBar
from haicap.tui.widgets.line_detail import LineDetail
from haicap.tui.widgets.plan_lines import PlanLines
from haicap.tui.widgets.review_header import ReviewHeader

__all__ = ["ImportReviewScreen"]

_KEEP, _DROP = "keep", "drop"
_ADD, _SEPARATE = "add", "separate"


class ImportReviewScreen(Screen[ReportImported | None]):
    """Shows an import line by line, changes it as the officer says, and stores it on ctrl+s."""

    BINDINGS: ClassVar[list[BindingType]] = REVIEW_BINDINGS
    """
    | Key(s) | Description |
    | :- | :- |
    | 1 2 3 4 | Set the kind of the highlighted line (a left-out line is taken in). |
    | 0 | Leave the line out. |
    | c | The line's communes. |
    | o | Owner and co-agencies (requests, directives). |
    | d | Deadline (requests, directives). |
    | e | Edit the line's text. |
    | n, N | Next or previous unsure item. |
    | S | Session facts: date, leader, communes. |
    | m | Add to the matched stored session, or store a separate session. |
    | L | On a request: accept or drop the directives suggested as its answer. |
    | u | Take back the last change. |
    | ctrl+s | Store what the screen shows. |
    | escape, q | Go back without storing. |
    """

    def __init__(self, plan: ImportPlan, store: Store) -> None:
        super().__init__()
        self.store = store
        """The store the plan is written to, and its registry of communes."""
        self.original = plan
        """The plan as read, to tell whether the officer changed anything."""
        self.plan = plan
        """The plan as the screen shows it: what ctrl+s stores."""
        self.found: SessionMatch | None = plan.match
        """The stored session the file reports too, even when the officer chose to store a
        separate session (then `plan.match` is None)."""
        self.separate = False
        """The officer chose to store the file as a session of its own (`m`)."""
        self._undo: list[tuple[ImportPlan, bool]] = []
        """Earlier (plan, separate) states, the last one last."""
        self._storing = False
        self.links = ReviewLinks(self)
        """The suggested links of the plan shown, and `L`."""
        self.line_edits = ReviewLineEdits(self, store, lambda: self.plan, self._apply)
        """The keys on the highlighted line: kind, leave out, communes, owner, deadline, text."""

    # -- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield ReviewHeader(id="review-header")
        yield PlanLines(id="review-lines")
        yield LineDetail(id="review-detail")
        yield KeyBar(extra=REVIEW_EXTRA_KEYS)

    def on_mount(self) -> None:
        self._show()
        self.set_focus(self.query_one(PlanLines))

    def _show(self, *, keep: int | None = None, position: int | None = None) -> None:
        """Tell every widget what the plan now is; highlight line `keep` or display `position`."""
        self.query_one(ReviewHeader).show(self.plan, self.found, storing=self._storing)
        lines = self.query_one(PlanLines)
        lines.show(self.plan, keep=keep, position=position)
        self._show_detail()

    def _show_detail(self) -> None:
        current = self.query_one(PlanLines).current
        suggested = self.links.count(self.plan, current) if current is not None else 0
        self.query_one(LineDetail).show(self.plan, current, suggested=suggested)

    def show_language(self) -> None:
        """Show the plan again in the language now spoken, on the same line."""
        self._show(keep=self._current())

    @on(OptionList.OptionHighlighted, "#review-lines")
    def _highlighted(self) -> None:
        self._show_detail()

    @property
    def changed(self) -> bool:
        """Whether the officer changed anything: a line, the session, or chose a separate
        session (a match found again after another officer's write is no change of theirs)."""
        plan, read = self.plan, self.original
        return plan.lines != read.lines or plan.session != read.session or plan.links != read.links or self.separate

    # -- changing the plan --------------------------------------------------------------

    def _current(self) -> int | None:
        return self.query_one(PlanLines).current

    def _apply(
        self, plan: ImportPlan, notice: str, *, keep: int | None = None, position: int | None = None, separate: bool | None = None
    ) -> None:
        """Show `plan` from now on (the earlier one can be taken back with `u`)."""
        self._undo.append((self.plan, self.separate))
        self.plan = plan
        if separate is not None:
            self.separate = separate
        self._show(keep=keep, position=position)
        if notice:
            self.notify(notice, timeout=NOTICE_SECONDS)

    def _line(self) -> int | None:
        """The highlighted line, for a key that changes it; None while the plan is being stored."""
        return None if self._storing else self._current()

    def action_set_kind(self, number: int) -> None:
        """Give the highlighted line kind `number` (1–4); a left-out line is taken in."""
        self.line_edits.set_kind(self._line(), number)

    def action_leave_out(self) -> None:
        """Leave the highlighted line out of what is stored."""
        self.line_edits.leave_out(self._line())

    def action_communes(self) -> None:
        """Choose the highlighted item's communes (or add another commune of the province)."""
        self.line_edits.communes(self._line())

    def action_owner(self) -> None:
        """Set the highlighted request's or directive's owner and co-agencies."""
        self.line_edits.owner(self._line())

    def action_deadline(self) -> None:
        """Set or clear the highlighted request's or directive's deadline."""
        self.line_edits.deadline(self._line())

    def action_edit_text(self) -> None:
        """Edit the highlighted line's text."""
        self.line_edits.edit_text(self._line())

    def action_session(self) -> None:
        """Change the session's date, leader or communes."""
        if self._storing:
            return

        def chosen(changes: dict[str, Any] | None) -> None:
            if not changes:
                return
            try:
                plan = self._matched(self.plan.with_session(**changes))
            except ValueError as error:
                self.notify(str(error), severity="error", timeout=8)
                return
            self._apply(plan, _("Session changed"), keep=self._current())

        self.app.push_screen(ReviewSessionDialog(self.plan.session, self.store.registry), chosen)

    def _matched(self, plan: ImportPlan) -> ImportPlan:
        """`plan` matched again against the store (unless the officer chose a separate
        session): changed session facts may name another stored session, or none."""
        matched = match_stored_session(plan, self.store)
        self.found = matched.match
        return plan.with_match(None) if self.separate else matched

    def action_match(self) -> None:
        """Choose between adding to the matched stored session and a separate session."""
        if self._storing:
            return
        found = self.found
        if found is None:
            self.notify(_("No stored session reports this meeting"), timeout=5)
            return
        choices: list[Choice[str]] = [
            (
                Content.assemble(literal(_("Add to the stored session") + " ", "bold"), literal(found.label)),
                _ADD,
                True,
            ),
            (literal(_("Store as a separate session"), "bold"), _SEPARATE, True),
        ]
        about = literal(_("This file reports a session already stored"))

        def chosen(choice: str | None) -> None:
            if choice == _ADD and self.separate:
                self._apply(
                    self.plan.with_match(found),
                    _("Will add to session {session}").format(session=found.session_id),
                    keep=self._current(),
                    separate=False,
                )
            elif choice == _SEPARATE and not self.separate:
                self._apply(
                    self.plan.with_match(None),
                    _("Will store a separate session"),
                    keep=self._current(),
                    separate=True,
                )

        self.app.push_screen(ChoiceDialog(_("Stored session"), about, choices, 1 if self.separate else 0), chosen)

    def action_links(self) -> None:
        """On a request: accept or drop the directives of the file suggested as its answer."""
        if not self._storing:
            self.links.choose(self.plan, self._current(), lambda plan, notice: self._apply(plan, notice, keep=self._current()))

    def action_undo(self) -> None:
        """Take back the last change."""
        if self._storing:
            return
        if not self._undo:
            self.notify(_("Nothing to take back"), timeout=NOTICE_SECONDS)
            return
        self.plan, self.separate = self._undo.pop()
        self.found = self.plan.match or self.found
        self._show(keep=self._current())
        self.notify(_("Change taken back"), timeout=NOTICE_SECONDS)

    def action_next_unsure(self, step: int) -> None:
        """Move to the next (1) or previous (-1) item the reader was unsure of."""
        unsure = self.plan.unsure_lines()
        if not unsure:
            self.notify(_("No unsure items left"), timeout=NOTICE_SECONDS)
            return
        current = self._current()
        taken = current is not None and self.plan.lines[current].taken
        if step > 0:
            later = [index for index in unsure if taken and index > current]  # type: ignore[operator]
            target = later[0] if later else unsure[0]
        else:
            earlier = [index for index in unsure if taken and index < current]  # type: ignore[operator]
            target = earlier[-1] if earlier else unsure[-1]
        self.query_one(PlanLines).select_line(target)
        position = unsure.index(target) + 1
        self.notify(
            _("Unsure {position}/{count}: 1–4 confirm or change").format(position=position, count=len(unsure)),
            timeout=NOTICE_SECONDS,
        )

    def action_blocked(self) -> None:
        """Say why the app's views wait."""
        self.notify(_("Reviewing an import: ctrl+s to store or esc to go back first"), timeout=4)

    # -- leaving ------------------------------------------------------------------------

    def action_back(self) -> None:
        """Go back without storing; with changes, ask first."""
        if self._storing:
            return
        if not self.changed:
            self.dismiss(None)
            return
        choices: list[Choice[str]] = [
            (literal(_("Keep reviewing"), "bold"), _KEEP, True),
            (literal(_("Drop the changes, import nothing"), "bold"), _DROP, True),
        ]
        about = literal(_("Your changes are not stored"))

        def chosen(choice: str | None) -> None:
            if choice == _DROP:
                self.dismiss(None)

        self.app.push_screen(ChoiceDialog(_("Drop changes?"), about, choices), chosen)

    def action_store(self) -> None:
        """Store exactly what the screen shows, in a worker."""
        if self._storing:
            return
        if not self.plan.items:
            self.notify(
                _("Nothing to import: 1–4 take a line in"),
                severity="warning",
                timeout=5,
            )
            return
        # Every line already stored (the same file again): the store says so and adds nothing.
        self._storing = True
        self.query_one(ReviewHeader).show(self.plan, self.found, storing=True)
        self.store_plan(self.plan.reviewed(current_user()))

    @work(thread=True, exclusive=True, group="review-store", exit_on_error=False)
    def store_plan(self, plan: ImportPlan) -> None:
        """Write the reviewed plan's report to the store, off the UI thread, and post the outcome."""
        report = plan.report
        try:
            before = self.store.session_texts(plan.match.session_id) if plan.match else set()
            ids_before = session_item_ids(self.store, plan.match.session_id if plan.match else None) if plan.links else set()
            [session] = self.store.add_reports([report])
            if session is not None:
                store_import_links(self.store, plan, session, ids_before)
            communes = tuple(self.store.communes_of_session(session)) if session else tuple(report.communes)
            added = len(self.store.session_texts(session.id) - before) if session and plan.match else len(report.items)
        except StoreError as error:
            self.post_message(ImportFailed(str(error)))
            return
        counts = {kind: sum(1 for item in report.items if item.kind is kind) for kind in Kind}
        added_to = plan.match.label if plan.match else None
        self.post_message(ReportImported(session, communes, counts, added_to=added_to, added=added))

    @on(ReportImported)
    def _stored(self, message: ReportImported) -> None:
        message.stop()
        self.dismiss(message)

    @on(ImportFailed)
    def _store_failed(self, message: ImportFailed) -> None:
        message.stop()
        self._storing = False
        self.query_one(ReviewHeader).show(self.plan, self.found)
        self.notify(message.reason, title=_("Nothing imported"), severity="error", timeout=30)

    @on(StoreChanged)
    def _store_changed(self) -> None:
        """Another process wrote the store (the dashboard re-read it): match the file again,
        so the header and the "đã có" marks say what ctrl+s will really add."""
        if self._storing:
            return
        plan = self._matched(self.plan)
        if plan != self.plan:
            self.plan = plan
            self._show(keep=self._current())
