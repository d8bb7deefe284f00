"""Add an item an officer learnt of to a commune's session."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from haicap.store import Commune, Kind, Session
from haicap.store.domain.i18n import N_, _
from haicap.tui.dialogs.edit_item_dialog import ItemTextArea, hints
from haicap.tui.dialogs.phrase import phrase
from haicap.tui.dialogs.sessions_dialog import session_label
from haicap.tui.literal import literal

__all__ = ["AddItemDialog"]


class AddItemDialog(ModalScreen[str | None]):
    """Asks for the text of a new item of `kind`; dismisses with the text or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", N_("Cancel"), tooltip=N_("Close without adding")),
        Binding("ctrl+s", "save", N_("Add"), tooltip=N_("Add the item (enter does too)")),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Close without adding. |
    | ctrl+s, enter | Add the item. |
    """

    DEFAULT_CSS = """
    AddItemDialog {
        align: center middle;
        & > Vertical {
            width: 90%;
            max-width: 100;
            height: auto;
            border: thick $accent;
            background: $surface;
            padding: 0 1;
        }
        & #add-where {
            color: $text-muted;
            margin-bottom: 1;
        }
        & ItemTextArea {
            height: 4;
        }
        & #add-error {
            color: $text-error;
            height: auto;
        }
        & #add-hints {
            color: $text-muted;
            margin-top: 1;
        }
    }
    """

    def __init__(self, kind: Kind, commune: Commune, session: Session) -> None:
        super().__init__()
        self.kind = kind
        """The kind of the new item (the focused pane's)."""
        self.commune = commune
        """The commune it concerns."""
        self.session = session
        """The session it is added to."""

    def compose(self) -> ComposeResult:
        with Vertical() as frame:
            frame.border_title = _("Add · {kind}").format(kind=self.kind.singular)
            yield Static(
                phrase(
                    _("{commune} · session {session}"),
                    commune=literal(self.commune.label, "bold"),
                    session=literal(session_label(self.session)),
                ),
                id="add-where",
            )
            yield ItemTextArea(id="add-text")
            yield Static("", id="add-error")
            yield Static(hints(("ctrl+s/enter", _("add")), ("esc", _("cancel"))), id="add-hints")

    def on_mount(self) -> None:
        self.set_focus(self.query_one(ItemTextArea))

    @on(ItemTextArea.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        """Close with the text typed, unless it is empty."""
        text = " ".join(self.query_one(ItemTextArea).text.split())
        if not text:
            self.query_one("#add-error", Static).update(literal(_("Type the text first")))
            return
        self.dismiss(text)
