"""The heading a widget's keys get in the help dialog, in the language spoken when it is read."""

from __future__ import annotations

from haicap.store.domain.i18n import _

__all__ = ["HelpTitle"]


class HelpTitle:
    """A class attribute (`HELP_TITLE = HelpTitle(N_("Panes"))`) that keeps its English
    and reads as its translation: "Ô nội dung" in Vietnamese, "Panes" in English.

    The help dialog reads `HELP_TITLE` off the widget's class when it opens, after the
    language is chosen, so the heading needs no `_()` where it is shown (one there is
    harmless: a translation is not itself a message)."""

    def __init__(self, message: str) -> None:
        self.message = message
        """The English heading, as marked for the catalogue."""

    def __get__(self, instance: object, owner: type | None = None) -> str:
        return _(self.message)
