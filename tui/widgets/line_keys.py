"""The keys that move through a list of lines, shared by the review screens' lists.

| Key(s) | Description |
| :- | :- |
| down, j | Next line. |
| up, k | Previous line. |
| pagedown, pageup | A page down or up. |
| home, end | First or last line. |
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

from haicap.store.domain.i18n import N_

__all__ = ["line_bindings"]


def line_bindings() -> list[BindingType]:
    """The bindings of a list of lines (a new list each call, for a class's own BINDINGS)."""
    return [
        Binding("down,j", "cursor_down", N_("Down"), show=False, tooltip=N_("Next line")),
        Binding("up,k", "cursor_up", N_("Up"), show=False, tooltip=N_("Previous line")),
        Binding("pagedown", "page_down", N_("Page down"), show=False, tooltip=N_("A page down")),
        Binding("pageup", "page_up", N_("Page up"), show=False, tooltip=N_("A page up")),
        Binding("home", "first", N_("First"), show=False, tooltip=N_("First line")),
        Binding("end", "last", N_("Last"), show=False, tooltip=N_("Last line")),
    ]
