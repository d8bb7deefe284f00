"""A small form of the review screen: a few labelled fields, enter saves, esc cancels.

Subclasses say which fields there are and `check` what was typed: it returns the value
the dialog dismisses with, or raises `FieldError`, shown on one line in the dialog with
the cursor put back in the field at fault.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from haicap.store.domain.i18n import N_, _
from haicap.store.ingest.import_plan import PlanLine
from haicap.tui.dialogs.edit_item_dialog import ItemTextArea, hints
from haicap.tui.literal import literal, short
from haicap.tui.widgets.plan_lines import kind_tag

__all__ = ["Field", "FieldError", "ReviewFieldsDialog", "about_line"]

ResultType = TypeVar("ResultType")


@dataclass(frozen=True)
class Field:
    """One field of the form."""

    name: str
    label: str
    """What the field is called, in the language spoken."""
    value: str
    """What the field holds when the dialog opens (already made visible)."""
    placeholder: str = ""
    multiline: bool = False
    """A wrapped text box (an item's text) instead of a one-line input."""


class FieldError(ValueError):
    """What was typed in field `field` cannot be used; the message is for the officer."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class ReviewFieldsDialog(ModalScreen[ResultType], Generic[ResultType]):
    """The form; dismisses with what `check` returns, or None on esc."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", N_("Cancel"), tooltip=N_("Close without changing anything")),
        Binding("ctrl+s", "save", N_("Save"), tooltip=N_("Save (enter in a field does too)")),
        # Priority, and the focus moved at once (set_focus, not the deferred focus()): over a slow
        # link "Sở Tài chính<tab>Sở Nội vụ" arrives in one burst, and the letters after the tab
        # must land in the next field.
        Binding("tab", "move_field(1)", N_("Next field"), show=False, priority=True),
        Binding("shift+tab", "move_field(-1)", N_("Previous field"), show=False, priority=True),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Close without changing anything. |
    | enter, ctrl+s | Save. |
    | tab, shift+tab | Next or previous field. |
    """

    DEFAULT_CSS = """
    ReviewFieldsDialog {
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
        & .review-about {
            color: $text-muted;
            margin-bottom: 1;
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
        & ItemTextArea {
            height: 6;
            margin-bottom: 1;
        }
        & .review-row {
            height: 1;
        }
        & .review-row > Static {
            width: 22;
            text-style: bold;
        }
        & .review-row > Input {
            width: 1fr;
            background: $boost;
        }
        & .review-row > Input:focus {
            background: $accent 25%;
        }
        & #review-error {
            color: $text-error;
            height: auto;
        }
        & #review-hints {
            color: $text-muted;
            margin-top: 1;
        }
    }
    """

    def __init__(self, title: str, about: Content, fields: Sequence[Field]) -> None:
        super().__init__()
        self.title_text = title
        """The frame's title (in the language spoken: subclasses translate it)."""
        self.about = about
        """The line above the fields: which line of the import this is about."""
        self.fields = tuple(fields)
        """The fields, in order."""

    def compose(self) -> ComposeResult:
        with Vertical() as frame:
            frame.border_title = self.title_text
            yield Static(self.about, classes="review-about")
            for field in self.fields:
                if field.multiline:
                    yield Static(literal(field.label), classes="review-label")
                    yield ItemTextArea(field.value, id=f"review-{field.name}")
                    continue
                with Horizontal(classes="review-row"):
                    yield Static(literal(field.label))
                    yield Input(field.value, placeholder=field.placeholder, id=f"review-{field.name}", compact=True)
            yield Static("", id="review-error")
            yield Static(hints(("enter", _("save")), ("tab", _("next field")), ("esc", _("cancel"))), id="review-hints")

    def on_mount(self) -> None:
        if self.fields:
            self.set_focus(self.query_one(f"#review-{self.fields[0].name}"))

    def action_move_field(self, step: int) -> None:
        """Put the cursor in the next (or previous) field, wrapping round."""
        widgets = [self.query_one(f"#review-{field.name}") for field in self.fields]
        if not widgets:
            return
        current = next((n for n, widget in enumerate(widgets) if widget is self.focused), -1)
        self.set_focus(widgets[(current + step) % len(widgets)])

    def values(self) -> dict[str, str]:
        """What each field holds now."""
        typed: dict[str, str] = {}
        for field in self.fields:
            widget = self.query_one(f"#review-{field.name}")
            typed[field.name] = widget.text if isinstance(widget, ItemTextArea) else widget.value  # type: ignore[attr-defined]
        return typed

    def check(self, values: dict[str, str]) -> ResultType:
        """The result for what was typed; raise `FieldError` when it cannot be used."""
        raise NotImplementedError

    def show_error(self, field: str, message: str) -> None:
        """Show `message` on the error line and put the cursor in `field`."""
        self.query_one("#review-error", Static).update(literal(message))
        self.set_focus(self.query_one(f"#review-{field}"))

    @on(Input.Submitted)
    @on(ItemTextArea.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        """Check the fields and close with the result, or show why not."""
        try:
            result = self.check(self.values())
        except FieldError as error:
            self.show_error(error.field, str(error))
            return
        self.dismiss(result)


def about_line(line: PlanLine, width: int = 120) -> Content:
    """Which line a dialog is about: its kind (or "bỏ ra", left out) and the start of its text."""
    tag = kind_tag(line.kind) if line.kind is not None else literal(" " + _("left out") + " ", "italic")
    return Content.assemble(tag, " ", literal(short(line.text, width)))
