"""Import a report file or an agency's filled tracking table: type its path, then review it.

The dialog reads the file (and matches it against the stored sessions) in a worker, then
opens `ImportReviewScreen` over itself, or, for a tracking table (.xlsx, .csv),
`TrackingReviewScreen` with what it changes. It dismisses with the review's
`ReportImported` or `TrackingImported` outcome once the store has it, or None; a file that
cannot be read gets one error line here, and going back from the review returns here
with the path kept.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from haicap.store import Store, StoreError
from haicap.store.domain.clock import Calendar
from haicap.store.domain.i18n import N_, _
from haicap.tui.literal import literal
from haicap.tui.messages import ReportImported, TrackingImported
from haicap.tui.serving.folders import NO_FILES_IN_BROWSER, OUTSIDE_FILES, served_mode
from haicap.tui.widgets.path_input import PathInput

if TYPE_CHECKING:
    # The importer and the reader load when a file is read, not when the dashboard starts:
    # they are a third of the imports of its first paint (`haicap bench`'s first_paint_s).
    from haicap.store.db.tracking_updates import TrackingPlan
    from haicap.store.ingest.importer import ImportPlan

__all__ = ["READ_ONLY_IMPORT", "ImportDialog"]

_HINTS = (
    ("enter", N_("read, review")),
    ("tab/→", N_("complete")),
    ("esc", N_("cancel")),
)
"""The key hints under the message area (English marked with `N_`, shown with `_()`)."""

_EMPTY = N_(
    "Type the path of a report file (.yaml .json .docx .doc .pdf .txt .md) and press enter: "
    "every sentence is shown for review before anything is stored. "
    "A tracking table an agency filled in (.xlsx .csv) shows what it changes."
)

READ_ONLY_IMPORT = N_("Read-only: nothing can be imported")
"""Why a viewer (`--read-only`, or a store the user may not write) imports nothing: the
dashboard says it at `i`, before any file is read or reviewed. English marked with `N_`:
show it with `_(READ_ONLY_IMPORT)`."""

_BACK = N_("Review closed, nothing imported. Press enter to read the file again.")


class ImportDialog(ModalScreen[ReportImported | TrackingImported | None]):
    """Asks for a report file, reads it, and opens the review of what importing it would store.

    Reading runs in a thread (a Word file can be large); the result comes back as a
    `PlanReady` or `PlanFailed` message and is used only if the path is still the one read.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), tooltip=N_("Close without importing")),
        Binding("ctrl+s", "read", N_("Read"), tooltip=N_("Read the file and review it (enter too)")),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Close without importing. |
    | enter, ctrl+s | Read the file and open the review screen. |
    | tab, right | Complete the path. |
    """

    DEFAULT_CSS = """
    ImportDialog {
        align: center middle;
        & > Vertical {
            width: 90%;
            max-width: 100;
            height: 80%;
            border: thick $accent;
            background: $surface;
            padding: 0 1;
        }
        & #import-path-row {
            height: auto;
            margin-top: 1;
        }
        & PathInput {
            width: 1fr;
        }
        & #import-message {
            height: 1fr;
            padding: 0 1;
            scrollbar-size-vertical: 1;
        }
        & #import-hints {
            color: $text-muted;
        }
    }
    """

    @dataclass
    class PlanReady(Message):
        """The file at `typed` was read; `plan` is what importing it would store."""

        typed: str
        plan: ImportPlan

    @dataclass
    class TrackingReady(Message):
        """The tracking table at `typed` was read; `plan` is what applying it would change."""

        typed: str
        plan: TrackingPlan

    @dataclass
    class PlanFailed(Message):
        """The file at `typed` cannot be imported; `reason` is one line for the user."""

        typed: str
        reason: str

    def __init__(self, store: Store, start: Path | None = None, *, calendar: Calendar | None = None) -> None:
        super().__init__()
        self.store = store
        """The store a file is matched against (another outlet's report of a stored
        session adds to it) and then written to; its registry checks the communes."""
        self.calendar = calendar or Calendar()
        """Today as haicap counts it: a date written without its year ("Sáng 25/11") is
        read as the latest such day up to today."""
        self.start = start
        """The folder relative paths are read from; None for the working directory."""
        self._plan: ImportPlan | None = None
        self._planned = ""
        """The path text the plan under review (or the error shown) was read from."""

    @property
    def plan(self) -> ImportPlan | None:
        """The plan read from the path typed (under review now), or None."""
        return self._plan

    # -- layout -----------------------------------------------------------------------

    @property
    def refusal(self) -> str | None:
        """Why no file can be imported here at all (in the language spoken), or None.

        A viewer could never store what it reviews, so it reads no file (the dashboard
        refuses `i` already; this keeps any other way in shut). A dashboard served to a
        browser reads files only from the folders `haicap serve --files` named."""
        if self.store.read_only:
            return _(READ_ONLY_IMPORT)
        served = served_mode(self.app)
        if served is None:
            return None
        return None if served.files else _(NO_FILES_IN_BROWSER)

    def compose(self) -> ComposeResult:
        served = served_mode(self.app)
        start = self.start if self.start is not None or served is None else served.start
        refusal = self.refusal
        with Vertical() as frame:
            frame.border_title = _("Import a report")
            with Horizontal(id="import-path-row"):
                field = PathInput(base=start, served=served, placeholder=_("file path"), id="import-path")
                field.disabled = refusal is not None
                yield field
                yield Button(_("Read"), id="import-read", variant="primary", disabled=True)
            with VerticalScroll(id="import-message"):
                if refusal is None:
                    yield Static(literal(_(_EMPTY), "dim italic"), id="import-message-text")
                else:
                    yield Static(literal(refusal, "$text-error"), id="import-message-text")
            yield Static(self._hints(), id="import-hints")

    def on_mount(self) -> None:
        self.set_focus(self.query_one(PathInput))

    @staticmethod
    def _hints() -> Content:
        return Content(" · ").join(Content.assemble(literal(key, "bold $accent"), " ", literal(_(what))) for key, what in _HINTS)

    # -- reading the file -------------------------------------------------------------

    def _path_of(self, typed: str) -> Path:
        # The path is kept relative when it was typed so: the review and errors then
        # name the file as the user wrote it.
        path = Path(os.path.expanduser(typed))
        served = served_mode(self.app)
        start = self.start if self.start is not None or served is None else served.start
        if start is not None and not path.is_absolute():
            path = start / path
        return path

    @work(thread=True, exclusive=True, group="plan", exit_on_error=False)
    def read_plan(self, typed: str, path: Path | None = None) -> None:
        """Read the file at `typed` (or at `path`, what it resolved to), match it against
        the stored sessions, and post what importing it would store, off the UI thread."""
        try:
            from haicap.store.ingest.tracking_file import is_tracking_table, read_tracking_file

            if is_tracking_table(path or self._path_of(typed)):
                table = read_tracking_file(path or self._path_of(typed))
                self.post_message(self.TrackingReady(typed, self.store.plan_tracking(table, self.calendar.today())))
                return
            from haicap.store.ingest.importer import match_stored_session, plan_import

            plan = plan_import(path or self._path_of(typed), self.store.registry, today=self.calendar.today())
            self.post_message(self.PlanReady(typed, match_stored_session(plan, self.store)))
        except StoreError as error:
            self.post_message(self.PlanFailed(typed, str(error)))
        except Exception as error:  # noqa: BLE001
            # The reader is heuristic code run on any file a user has; a bug there must
            # show as an error line, not leave the dialog reading forever.
            reason = _("{path}: cannot read ({error})").format(path=typed, error=f"{type(error).__name__}: {error}")
            self.post_message(self.PlanFailed(typed, reason))

    def _read(self, typed: str) -> None:
        path = None
        served = served_mode(self.app)
        if served is not None:
            # Resolved and checked here, and the resolved path is what is read: a `..` or
            # a link out of the allowed folders reads nothing.
            path = served.allowed(self._path_of(typed))
            if path is None:
                self._planned = typed
                self._show(literal(f"{typed}: {_(OUTSIDE_FILES)}", "$text-error"), failed=True)
                return
        self._show(literal(_("Reading…"), "dim italic"))
        self._planned = typed
        self.read_plan(typed, path)

    def _show(self, content: Content, plan: ImportPlan | None = None, *, failed: bool = False) -> None:
        self._plan = plan
        self.query_one("#import-message-text", Static).update(content)
        # Reading again what just failed would fail again: the button waits for another path.
        self.query_one("#import-read", Button).disabled = failed or not self.query_one(PathInput).value.strip()

    @on(PlanReady)
    def _plan_ready(self, message: PlanReady) -> None:
        if message.typed != self.query_one(PathInput).value:
            return  # the path changed while the file was read
        self._show(literal(_("Reviewing…"), "dim italic"), message.plan)
        from haicap.tui.screens.import_review import ImportReviewScreen

        self.app.push_screen(ImportReviewScreen(message.plan, self.store), self._reviewed)

    @on(TrackingReady)
    def _tracking_ready(self, message: TrackingReady) -> None:
        if message.typed != self.query_one(PathInput).value:
            return
        self._show(literal(_("Reviewing…"), "dim italic"))
        from haicap.tui.screens.tracking_review import TrackingReviewScreen

        self.app.push_screen(TrackingReviewScreen(message.plan, self.store, self.calendar.today()), self._reviewed)

    def _reviewed(self, outcome: ReportImported | TrackingImported | None) -> None:
        if outcome is not None:
            self.dismiss(outcome)
            return
        self._planned = ""
        self._show(literal(_(_BACK), "dim italic"))
        self.set_focus(self.query_one(PathInput))

    @on(PlanFailed)
    def _plan_failed(self, message: PlanFailed) -> None:
        if message.typed == self.query_one(PathInput).value:
            self._show(literal(message.reason, "$text-error"), failed=True)

    # -- what the user does -----------------------------------------------------------

    @on(Input.Changed, "#import-path")
    def _path_changed(self, message: Input.Changed) -> None:
        if message.value != self._planned:
            self._planned = ""
            self._show(literal(_(_EMPTY), "dim italic"))

    @on(Input.Submitted, "#import-path")
    def _path_submitted(self) -> None:
        self.action_read()

    @on(Button.Pressed, "#import-read")
    def _read_pressed(self) -> None:
        self.action_read()

    def action_read(self) -> None:
        """Read the file typed and open its review."""
        typed = self.query_one(PathInput).value
        refusal = self.refusal
        if refusal is not None:
            self._show(literal(refusal, "$text-error"), failed=True)
        elif not typed.strip():
            self._show(literal(_("Type a file path first"), "$text-error"), failed=True)
        else:
            self._read(typed)

    def action_cancel(self) -> None:
        """Close without importing."""
        self.dismiss(None)
