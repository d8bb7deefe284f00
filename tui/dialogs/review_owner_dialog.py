"""The owner and co-operating agencies of a request or directive under review (`o`)."""

from __future__ import annotations

from haicap.store import Kind
from haicap.store.domain.i18n import _
from haicap.store.domain.text import clean, visible
from haicap.store.ingest.import_plan import PlanLine
from haicap.tui.dialogs.edit_item_dialog import split_agencies
from haicap.tui.dialogs.review_fields_dialog import Field, ReviewFieldsDialog, about_line

__all__ = ["ReviewOwnerDialog"]


class ReviewOwnerDialog(ReviewFieldsDialog[tuple[str, tuple[str, ...]]]):
    """Dismisses with (owner, co-agencies); an empty owner means none named."""

    def __init__(self, line: PlanLine) -> None:
        owner_hint = _("responsible agency") if line.kind is Kind.REQUEST else _("empty = the commune")
        super().__init__(
            _("Owner and co-agencies"),
            about_line(line),
            [
                Field("owner", _("Owner"), visible(line.owner), owner_hint),
                Field("co_agencies", _("Co-agencies"), visible("; ".join(line.co_agencies)), _("separated by ;")),
            ],
        )
        self.line = line
        """The line whose owner is set."""

    def check(self, values: dict[str, str]) -> tuple[str, tuple[str, ...]]:
        return clean(values["owner"]), split_agencies(values["co_agencies"])
