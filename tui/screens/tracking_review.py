"""The review of an agency's filled tracking table: what reading it back changes, before it is applied.

One line per change (item id, communes, field: old → new), the refused rows below with
their reasons. ctrl+s applies every change that is not refused (the store plans the table
again under its locks, so what another officer wrote meanwhile is not overwritten: a row
that meets it is refused then); esc goes back, and asks first when there are changes.

It dismisses with the `TrackingImported` outcome once the store has applied the table,
or None when the officer goes back.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen

from haicap.store import Store, StoreError
from haicap.store.db.tracking_updates import TrackingPlan
from haicap.store.domain.i18n import N_, _
from haicap.tui.dialogs.choice_dialog import Choice, ChoiceDialog
from haicap.tui.literal import literal
from haicap.tui.messages import ImportFailed, StoreChanged, TrackingImported
from haicap.tui.widgets.key_bar import KeyBar
from haicap.tui.widgets.tracking_changes import TrackingChanges
from haicap.tui.widgets.tracking_header import TrackingHeader

__all__ = ["TrackingReviewScreen"]

_KEEP, _DROP = "keep", "drop"


class TrackingReviewScreen(Screen[TrackingImported | None]):
    """Shows what a filled tracking table changes and refuses; applies it on ctrl+s."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "apply", N_("Apply"), tooltip=N_("Apply every change that is not refused")),
        Binding("escape,q", "back", N_("Back"), key_display="esc", tooltip=N_("Go back, change nothing (asks first)")),
        # The app's views and search would close this screen under the officer.
        Binding("l,ctrl+f,P", "blocked", "", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | ctrl+s | Apply every change that is not refused. |
    | escape, q | Go back without changing anything (asks when there are changes). |
    """

    def __init__(self, plan: TrackingPlan, store: Store, today: dt.date) -> None:
        super().__init__()
        self.plan = plan
        """What the table changes, as the screen shows it."""
        self.store = store
        """The store the table is applied to."""
        self.today = today
        """Today as haicap counts it: a directive marked done without a date is done today."""
        self._applying = False

    def compose(self) -> ComposeResult:
        yield TrackingHeader(id="tracking-header")
        yield TrackingChanges(id="tracking-changes")
        yield KeyBar()

    def on_mount(self) -> None:
        self._show()
        self.set_focus(self.query_one(TrackingChanges))

    def _show(self) -> None:
        self.query_one(TrackingHeader).show(self.plan, applying=self._applying)
        self.query_one(TrackingChanges).show(self.plan)

    def show_language(self) -> None:
        """Show the plan again in the language now spoken."""
        self._show()

    # -- leaving ------------------------------------------------------------------------

    def action_back(self) -> None:
        """Go back without applying; with changes to apply, ask first."""
        if self._applying:
            return
        if not self.plan.updates:
            self.dismiss(None)
            return
        choices: list[Choice[str]] = [
            (literal(_("Keep reviewing"), "bold"), _KEEP, True),
            (literal(_("Go back, change nothing"), "bold"), _DROP, True),
        ]
        about = literal(_("The table's changes are not applied"))

        def chosen(choice: str | None) -> None:
            if choice == _DROP:
                self.dismiss(None)

        self.app.push_screen(ChoiceDialog(_("Drop changes?"), about, choices), chosen)

    def action_blocked(self) -> None:
        """Say why the app's views wait."""
        self.notify(_("Reviewing a tracking table: ctrl+s to apply or esc to go back first"), timeout=4)

    def action_apply(self) -> None:
        """Apply every change that is not refused, in a worker."""
        if self._applying:
            return
        if not self.plan.updates:
            self.notify(_("Nothing to apply: the store holds these values already"), severity="warning", timeout=5)
            return
        self._applying = True
        self.query_one(TrackingHeader).show(self.plan, applying=True)
        self.apply_plan()

    @work(thread=True, exclusive=True, group="tracking-apply", exit_on_error=False)
    def apply_plan(self) -> None:
        """Apply the table to the store, off the UI thread, and post the outcome."""
        try:
            applied = self.store.apply_tracking(self.plan.table, self.today)
        except StoreError as error:
            self.post_message(ImportFailed(str(error)))
            return
        self.post_message(TrackingImported(applied))

    @on(TrackingImported)
    def _applied(self, message: TrackingImported) -> None:
        message.stop()
        self.dismiss(message)

    @on(ImportFailed)
    def _apply_failed(self, message: ImportFailed) -> None:
        message.stop()
        self._applying = False
        self._show()
        self.notify(message.reason, title=_("Nothing changed"), severity="error", timeout=30)

    @on(StoreChanged)
    def _store_changed(self) -> None:
        """Another process wrote the store: plan the table again, so the screen says what
        ctrl+s will really do."""
        if self._applying:
            return
        try:
            self.plan = self.store.plan_tracking(self.plan.table, self.today)
        except StoreError:
            return
        self._show()
