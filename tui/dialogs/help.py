"""The help dialog, built from the bindings the app and its widgets declare.

Nothing here lists keys by hand: what `BINDINGS` say is what help shows, so the two
cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from haicap.store.domain.i18n import N_, _
from haicap.tui.dialogs.scrolling_dialog import ScrollingDialog
from haicap.tui.literal import literal

__all__ = ["HelpDialog", "HelpSection", "bindings_of"]

HelpSection = tuple[str, Sequence[Binding]]
"""A titled group of bindings shown together. The title, and each binding's description
and tooltip, are English marked with `N_` (constants made at import): the dialog shows
them in the language spoken when it opens."""


def bindings_of(owner: type) -> list[Binding]:
    """Return the bindings `owner` declares itself (not inherited), expanded to `Binding`s."""
    declared: Iterable[BindingType] = owner.__dict__.get("BINDINGS", [])
    return [b if isinstance(b, Binding) else Binding(*b) for b in declared]


class HelpDialog(ScrollingDialog[None]):
    """Lists each section's keys with what they do."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", N_("Close"), tooltip=N_("Close help")),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape, ?, q | Close help. |
    """

    DEFAULT_CSS = """
    HelpDialog {
        align: center middle;
        & > VerticalScroll {
            width: 76;
            max-width: 98%;
            height: auto;
            max-height: 95%;
            border: thick $accent;
            background: $surface;
            padding: 0 1;
        }
        & .help-section {
            text-style: bold;
            color: $accent;
            margin-top: 1;
        }
    }
    """

    def __init__(self, sections: Sequence[HelpSection]) -> None:
        super().__init__()
        self.sections = tuple(sections)
        """The groups of bindings to list."""

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = _("Keys")
            scroll.border_subtitle = _("esc close")
            for title, bindings in self.sections:
                rows = [self._row(binding) for binding in bindings if binding.description]
                if rows:
                    yield Static(literal(_(title)), classes="help-section")
                    yield Static(Content("\n").join(rows))

    def _row(self, binding: Binding) -> Content:
        # Each key of "n,right_square_bracket" on its own, without the binding's key_display,
        # which names only the first key and would hide the aliases.
        keys = ", ".join(self.app.get_key_display(Binding(key.strip(), binding.action)) for key in binding.key.split(","))
        explanation = _(binding.tooltip or binding.description)
        return Content.assemble(literal(f"{keys:>14}", "bold $accent"), "  ", literal(explanation))
