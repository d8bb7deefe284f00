"""Export the commune or the session on the dashboard: what, in which format, to which file.

The dialog only chooses: it dismisses with an `ExportRequest` (or None), and the screen
that opened it writes the file in a worker (see `haicap.tui.actions.export`). In a
dashboard served to a browser the file goes to the browser, so only its name is asked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, RadioButton, RadioSet, Static

from haicap.store import Commune, Session
from haicap.store.domain.i18n import N_, _
from haicap.tui.dialogs.file_target import target_of
from haicap.tui.literal import literal
from haicap.tui.serving.folders import ServedMode, served_mode
from haicap.tui.widgets.path_input import PathInput

__all__ = ["BY_OWNER", "FORMAT_LABELS", "ExportDialog", "ExportRequest", "ExportScope", "suffix_of"]

BY_OWNER = "xlsx-by-owner"
"""The format of the tracking table split by owner agency: an .xlsx with one sheet per agency."""

FORMAT_LABELS = {
    "docx": N_("Word minutes (.docx)"),
    "xlsx": N_("Excel tracking table (.xlsx)"),
    "md": N_("Text minutes (.md)"),
    "csv": N_("CSV tracking table (.csv)"),
    BY_OWNER: N_("Excel tracking table, one sheet per owner agency (.xlsx)"),
    "yaml": N_("The whole session, for another store (.yaml)"),
}
"""The formats offered, minutes first, as `store.views.exports.render` names them (and the
table split by owner, an .xlsx too); the labels are English marked with `N_`, shown with `_()`."""


def suffix_of(fmt: str) -> str:
    """The file suffix of a format offered: "xlsx" for the table split by owner."""
    return "xlsx" if fmt == BY_OWNER else fmt


@dataclass(frozen=True)
class ExportScope:
    """One thing the dialog can export: a session, a commune within it, or a commune's sessions."""

    label: str
    """How the dialog names it: "xã Vân Du — phiên 25/11/2025"."""
    session: Session | None
    commune: Commune | None


@dataclass(frozen=True)
class ExportRequest:
    """What the officer chose: the scope, the format and the file (overwrite only if confirmed)."""

    scope: ExportScope
    fmt: str
    """A format `render` writes, or `BY_OWNER`."""
    path: Path
    """The file to write; in a served app, only its name counts (the browser saves it)."""
    force: bool = False


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Choose the scope and format; the file name follows them until the officer edits it.

    A typed name ending in .docx, .xlsx, .md, .csv or .yaml decides the format itself."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), tooltip=N_("Close without exporting")),
        Binding("ctrl+s", "confirm", N_("Export"), tooltip=N_("Write the file (also enter in the file field)")),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Close without exporting. |
    | ctrl+s | Write the file; when it exists, ctrl+s again overwrites it. |
    | tab | Next field; in a list, arrows move and enter or space chooses. |
    """

    DEFAULT_CSS = """
    ExportDialog {
        align: center middle;
        & > Vertical {
            width: 90%;
            max-width: 90;
            height: auto;
            max-height: 95%;
            border: thick $accent;
            background: $surface;
            padding: 0 1;
        }
        & RadioSet {
            width: 1fr;
            border: none;
            padding: 0;
            margin-bottom: 1;
        }
        & RadioSet:focus {
            background: $boost;
        }
        & PathInput {
            margin-bottom: 0;
        }
        & .export-label {
            color: $text-muted;
        }
        & #export-error {
            color: $text-error;
        }
        & #export-hints {
            color: $text-muted;
        }
    }
    """

    def __init__(
        self, scopes: Sequence[ExportScope], file_name: Callable[[ExportScope, str], str], folder: Path | None = None
    ) -> None:
        super().__init__()
        self.scopes = tuple(scopes)
        """What can be exported, the first one chosen at first."""
        self.file_name = file_name
        """The default file name of a scope in a format (made from the session and communes)."""
        self.folder = folder or Path.cwd()
        """Where the default file goes: the folder haicap was started in."""
        self._suggested = ""
        """The path last filled in by the dialog; an officer's own path is kept."""
        self._confirm_overwrite: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical() as frame:
            frame.border_title = _("Export a document")
            yield Static(literal(_("What to export")), classes="export-label")
            with RadioSet(id="export-scope"):
                for number, scope in enumerate(self.scopes):
                    yield RadioButton(literal(scope.label), value=number == 0)
            yield Static(literal(_("Format")), classes="export-label")
            with RadioSet(id="export-format"):
                for number, label in enumerate(FORMAT_LABELS.values()):
                    yield RadioButton(literal(_(label)), value=number == 0)
            if self.served:
                yield Static(literal(_("File, downloaded by the browser")), classes="export-label")
            else:
                yield Static(literal(_("File")), classes="export-label")
            # Served, nothing on the server's disk is suggested (no folder is allowed).
            served = ServedMode() if self.served else None
            yield PathInput(id="export-path", served=served, placeholder=_("file name"))
            yield Static("", id="export-error")
            yield Static(self._hints(), id="export-hints")

    def on_mount(self) -> None:
        self._suggest()
        self.set_focus(self.query_one("#export-scope", RadioSet))

    @staticmethod
    def _hints() -> Content:
        pairs = (("ctrl+s", _("export")), ("tab", _("next field")), ("↑↓ enter", _("choose")), ("esc", _("cancel")))
        return Content(" · ").join(Content.assemble(literal(k, "bold $accent"), literal(" "), literal(w)) for k, w in pairs)

    # -- state ------------------------------------------------------------------------

    @property
    def served(self) -> bool:
        """Whether the dashboard runs for a browser: the file is then sent there, never written."""
        return served_mode(self.app) is not None

    @property
    def scope(self) -> ExportScope:
        """The scope chosen now."""
        index = self.query_one("#export-scope", RadioSet).pressed_index
        return self.scopes[max(index, 0)]

    @property
    def fmt(self) -> str:
        """The format chosen now."""
        index = self.query_one("#export-format", RadioSet).pressed_index
        return list(FORMAT_LABELS)[max(index, 0)]

    def _suggest(self) -> None:
        """Fill in the default file name, unless the officer typed their own."""
        field = self.query_one("#export-path", PathInput)
        if field.value and field.value != self._suggested:
            return
        name = self.file_name(self.scope, self.fmt)
        self._suggested = name if self.served else str(self.folder / name)
        field.value = self._suggested
        field.cursor_position = len(field.value)

    def _error(self, text: str) -> None:
        self.query_one("#export-error", Static).update(literal(text))

    # -- what the user does -----------------------------------------------------------

    @on(RadioSet.Changed)
    def _choice_changed(self) -> None:
        self._confirm_overwrite = None
        self._error("")
        self._suggest()

    @on(Input.Changed, "#export-path")
    def _path_changed(self) -> None:
        self._confirm_overwrite = None
        self._error("")

    @on(Input.Submitted, "#export-path")
    def _path_submitted(self) -> None:
        self.action_confirm()

    def action_confirm(self) -> None:
        """Export to the file given; an existing file is overwritten only on a second ctrl+s."""
        typed = self.query_one("#export-path", PathInput).value
        target = target_of(
            typed, folder=self.folder, served=self.served, named_format=self._named_format, confirmed=self._confirm_overwrite
        )
        if target.path is None:
            self._confirm_overwrite = target.asks
            self._error(target.error)
            return
        self.dismiss(ExportRequest(self.scope, target.fmt, target.path, force=target.force))

    def _named_format(self, path: Path) -> tuple[Path, str]:
        """The file and format a typed name means. "bao-cao.xlsx" means that format (a Word file
        named .xlsx would not open); a name without a suffix gets the chosen format's."""
        named = path.suffix.lower().lstrip(".")
        if named == suffix_of(self.fmt):
            return path, self.fmt  # "….xlsx" with the table split by owner chosen: split it
        if named in FORMAT_LABELS:
            return path, named
        if not path.suffix:
            return path.with_name(f"{path.name}.{suffix_of(self.fmt)}"), self.fmt
        return path, self.fmt

    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)
