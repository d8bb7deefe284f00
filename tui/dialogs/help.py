"""The help dialog, built from the bindings the app and its widgets declare.

Nothing here lists keys by hand: what `BINDINGS` say is what help shows, so the two
cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from haicap.store.domain.i18n import N_, _
from haicap.tui.dialogs.scrolling_dialog import ScrollingDialog
from haicap.tui.literal import literal

__all__ = ["HelpDialog", "HelpSection", "bindings_of", "help_sections"]

HelpSection = tuple[str, Sequence[Binding]]
"""A titled group of bindings shown together. The title, and each binding's description
and tooltip, are English marked with `N_` (constants made at import): the dialog shows
them in the language spoken when it opens."""


def bindings_of(owner: type) -> list[Binding]:
    """Return the bindings `owner` declares itself (not inherited), expanded to `Binding`s."""
    declared: Iterable[BindingType] = owner.__dict__.get("BINDINGS", [])
    return [b if isinstance(b, Binding) else Binding(*b) for b in declared]


def help_sections(app: App[Any]) -> list[HelpSection]:
    """The bindings of `app`, its current screen and each kind of widget on it.

    A key the screen binds itself is listed with the screen's meaning only (`o` on
    the overview goes back); a modal dialog blocks the app's keys, so they are left out.
    """
    screen = app.screen
    own = bindings_of(type(screen))
    general = [] if screen.is_modal else _not_rebound(bindings_of(type(app)), own)
    sections: list[HelpSection] = [(_("General"), general + own)]
    seen: set[type] = set()
    for widget in screen.query("*"):
        kind = type(widget)
        title = getattr(kind, "HELP_TITLE", None)
        if title and kind not in seen:
            seen.add(kind)
            sections.append((_(title), bindings_of(kind)))
    return sections


def _not_rebound(bindings: list[Binding], overriding: list[Binding]) -> list[Binding]:
    """`bindings` without the keys `overriding` binds (a binding losing all its keys is dropped)."""
    taken = {key.strip() for binding in overriding for key in binding.key.split(",")}
    kept = []
    for binding in bindings:
        keys = [key.strip() for key in binding.key.split(",") if key.strip() not in taken]
        if keys:
            kept.append(binding if len(keys) == len(binding.key.split(",")) else replace(binding, key=",".join(keys)))
    return kept


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
