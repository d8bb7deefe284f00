"""Import a report file: type its path, read what would be stored, then confirm.

The dialog only reads: it dismisses with the `ImportPlan` the user confirmed (or None),
and the screen that opened it writes the plan's report to the store.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from store import StoreError
from store.importer import ImportPlan, plan_import
from store.registry import Registry

from ..literal import literal
from ..widgets.path_input import PathInput

__all__ = ["ImportDialog"]

_HINTS = (
    ("enter", "preview"),
    ("ctrl+s", "import"),
    ("tab/→", "complete"),
    ("esc", "cancel"),
)
"""The key hints under the preview, in English like the footer so they fit on one line."""

_EMPTY = (
    "Gõ đường dẫn của một tệp báo cáo (.yaml .json .docx .txt .md) rồi nhấn enter để xem trước.\n"
    "Type the path of a report file and press enter to see what would be imported."
)


class ImportDialog(ModalScreen[ImportPlan | None]):
    """Asks for a report file, previews what importing it would store, and returns the plan.

    Reading runs in a thread (a Word file can be large); the result comes back as a
    `PlanReady` or `PlanFailed` message and is shown only if the path is still the one read.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without importing"),
        Binding("ctrl+s", "confirm", "Import", tooltip="Import the previewed report (also enter, or the Import button)"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Close without importing. |
    | ctrl+s | Import the previewed report (enter again does too); without a preview, read the file first. |
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
        & #import-preview {
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
    class PlanFailed(Message):
        """The file at `typed` cannot be imported; `reason` is one line for the user."""

        typed: str
        reason: str

    def __init__(self, registry: Registry, start: Path | None = None) -> None:
        super().__init__()
        self.registry = registry
        """The registry reports are checked against."""
        self.start = start
        """The folder relative paths are read from; None for the working directory."""
        self._plan: ImportPlan | None = None
        self._planned = ""
        """The path text the shown plan (or error) was read from."""

    @property
    def plan(self) -> ImportPlan | None:
        """The plan shown in the preview, or None."""
        return self._plan

    # -- layout -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical() as frame:
            frame.border_title = "Nhập báo cáo / Import a report"
            with Horizontal(id="import-path-row"):
                yield PathInput(base=self.start, placeholder="đường dẫn tệp · file path", id="import-path")
                yield Button("Nhập / Import", id="import-confirm", variant="primary", disabled=True)
            with VerticalScroll(id="import-preview"):
                yield Static(literal(_EMPTY, "dim italic"), id="import-preview-text")
            yield Static(self._hints(), id="import-hints")

    def on_mount(self) -> None:
        self.set_focus(self.query_one(PathInput))

    @staticmethod
    def _hints() -> Content:
        return Content(" · ").join(
            Content.assemble(literal(key, "bold $accent"), " ", literal(what)) for key, what in _HINTS
        )

    # -- reading the file -------------------------------------------------------------

    def _path_of(self, typed: str) -> Path:
        # The path is kept relative when it was typed so: the preview and errors then
        # name the file as the user wrote it.
        path = Path(os.path.expanduser(typed))
        if self.start is not None and not path.is_absolute():
            path = self.start / path
        return path

    @work(thread=True, exclusive=True, group="plan", exit_on_error=False)
    def read_plan(self, typed: str) -> None:
        """Read the file at `typed` and post what importing it would store, off the UI thread."""
        try:
            self.post_message(self.PlanReady(typed, plan_import(self._path_of(typed), self.registry)))
        except StoreError as error:
            self.post_message(self.PlanFailed(typed, str(error)))
        except Exception as error:  # noqa: BLE001
            # The reader is heuristic code run on any file a user has; a bug there must
            # show as an error line, not leave the dialog reading forever.
            self.post_message(self.PlanFailed(typed, f"{typed}: cannot read ({type(error).__name__}: {error})"))

    def _preview(self, typed: str) -> None:
        self._show(literal("Đang đọc… / reading…", "dim italic"))
        self._planned = typed
        self.read_plan(typed)

    def _show(self, content: Content, plan: ImportPlan | None = None) -> None:
        self._plan = plan
        self.query_one("#import-preview-text", Static).update(content)
        self.query_one("#import-confirm", Button).disabled = plan is None

    @on(PlanReady)
    def _plan_ready(self, message: PlanReady) -> None:
        if message.typed != self.query_one(PathInput).value:
            return  # the path changed while the file was read
        lines = [literal(line) for line in message.plan.describe()]
        lines[0] = lines[0].stylize("bold")
        lines += [Content(""), literal("ctrl+s hoặc enter để nhập / ctrl+s or enter to import", "$accent")]
        self._show(Content("\n").join(lines), message.plan)

    @on(PlanFailed)
    def _plan_failed(self, message: PlanFailed) -> None:
        if message.typed == self.query_one(PathInput).value:
            self._show(literal(message.reason, "$text-error"))

    # -- what the user does -----------------------------------------------------------

    @on(Input.Changed, "#import-path")
    def _path_changed(self, message: Input.Changed) -> None:
        if message.value != self._planned:
            self._planned = ""
            self._show(literal(_EMPTY, "dim italic"))

    @on(Input.Submitted, "#import-path")
    def _path_submitted(self, message: Input.Submitted) -> None:
        if self._plan is not None and message.value == self._planned:
            self.dismiss(self._plan)
        elif not message.value.strip():
            self._show(literal("Chưa có đường dẫn / type a file path first", "$text-error"))
        else:
            self._preview(message.value)

    @on(Button.Pressed, "#import-confirm")
    def _confirm_pressed(self) -> None:
        self.action_confirm()

    def action_confirm(self) -> None:
        """Import the previewed plan; with no preview yet, read the file first."""
        if self._plan is not None:
            self.dismiss(self._plan)
            return
        typed = self.query_one(PathInput).value
        if typed.strip():
            self._preview(typed)

    def action_cancel(self) -> None:
        """Close without importing."""
        self.dismiss(None)
