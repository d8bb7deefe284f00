"""The notices of this run, newest first (`M`): what a toast said after it went away."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from haicap.store.domain.i18n import N_, _
from haicap.tui.dialogs.scrolling_dialog import ScrollingDialog
from haicap.tui.literal import literal
from haicap.tui.notice_log import Notice

__all__ = ["NoticeLogDialog"]

_MARKS = {"information": ("·", "$text"), "warning": ("!", "$warning"), "error": ("✗", "$error")}
"""A mark per severity, so that a warning reads as one without colour (a projector, a monochrome terminal)."""


class NoticeLogDialog(ScrollingDialog[None]):
    """Every notice of this run, newest first, each with the time it was shown."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q,M", "dismiss", N_("Close"), key_display="esc", tooltip=N_("Back to where you were")),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape, enter, q, M | Back to where you were. |
    """

    DEFAULT_CSS = """
    NoticeLogDialog {
        & .notice-log-title {
            text-style: bold;
            margin-bottom: 1;
        }
    }
    """

    def __init__(self, notices: Sequence[Notice]) -> None:
        super().__init__()
        self._notices = list(notices)

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            title = _("Messages shown ({count})").format(count=len(self._notices))
            yield Static(title, classes="notice-log-title", markup=False)
            if not self._notices:
                yield Static(_("No messages yet."), markup=False)
            for notice in self._notices:
                mark, colour = _MARKS.get(notice.severity, _MARKS["information"])
                line = literal(f"{notice.shown:%H:%M:%S} {mark} ", colour) + literal(notice.text)
                yield Static(line, classes="notice-log-line")
