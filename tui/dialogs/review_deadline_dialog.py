"""The deadline of a request or directive under review (`d`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from haicap.store.domain.dates import DATE_FORMAT, parse_date
from haicap.store.domain.i18n import _
from haicap.store.ingest.import_plan import PlanLine
from haicap.tui.dialogs.review_fields_dialog import Field, FieldError, ReviewFieldsDialog, about_line

__all__ = ["DeadlineSet", "ReviewDeadlineDialog", "read_date"]

_DATE_LIKE = re.compile(r"^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}$")


@dataclass(frozen=True)
class DeadlineSet:
    """The deadline chosen: a date, or None to clear it."""

    deadline: dt.date | None


def read_date(field: str, typed: str) -> dt.date:
    """A date typed by the officer (DD/MM/YYYY or YYYY-MM-DD), or `FieldError` saying why not."""
    typed = typed.strip()
    try:
        return parse_date(typed)
    except ValueError:
        if _DATE_LIKE.match(typed):
            raise FieldError(field, _("'{text}' is not a real date").format(text=typed)) from None
        raise FieldError(field, _("'{text}' is not a date (DD/MM/YYYY or YYYY-MM-DD)").format(text=typed)) from None


class ReviewDeadlineDialog(ReviewFieldsDialog[DeadlineSet]):
    """Dismisses with the deadline typed (empty clears it), or None on esc."""

    def __init__(self, line: PlanLine) -> None:
        shown = line.deadline.strftime(DATE_FORMAT) if line.deadline else ""
        super().__init__(
            _("Deadline"),
            about_line(line),
            [Field("deadline", _("Deadline"), shown, _("DD/MM/YYYY or YYYY-MM-DD · empty = none"))],
        )
        self.line = line
        """The line whose deadline is set."""

    def check(self, values: dict[str, str]) -> DeadlineSet:
        typed = values["deadline"].strip()
        return DeadlineSet(read_date("deadline", typed) if typed else None)
