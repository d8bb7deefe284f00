"""The text of a line under review (`e`): a wrapped box, enter saves."""

from __future__ import annotations

from haicap.store.domain.i18n import _
from haicap.store.domain.text import clean, visible
from haicap.store.ingest.import_plan import PlanLine
from haicap.tui.dialogs.review_fields_dialog import Field, FieldError, ReviewFieldsDialog, about_line

__all__ = ["ReviewTextDialog"]


class ReviewTextDialog(ReviewFieldsDialog[str]):
    """Dismisses with the new text (whitespace collapsed), or None on esc or when unchanged."""

    def __init__(self, line: PlanLine) -> None:
        # Control characters show as visible stand-ins; the text is changed only if the
        # officer changed what was shown (see check).
        self.shown = visible(line.text)
        """The text as the box showed it first."""
        super().__init__(
            _("Edit the text"),
            about_line(line, 60),
            [Field("text", _("Text"), self.shown, multiline=True)],
        )
        self.line = line
        """The line edited."""

    def check(self, values: dict[str, str]) -> str | None:  # type: ignore[override]
        text = clean(values["text"])
        if not text:
            raise FieldError("text", _("The text cannot be empty (0 leaves the line out)"))
        return None if text == clean(self.shown) else text
