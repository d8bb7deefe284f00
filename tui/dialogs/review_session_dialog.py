"""The session facts of an import under review (`S`): date, leader, communes."""

from __future__ import annotations

import re
from typing import Any

from textual.content import Content

from haicap.store import Person
from haicap.store.domain.dates import DATE_FORMAT
from haicap.store.domain.i18n import _
from haicap.store.domain.registry import Registry
from haicap.store.domain.text import clean, visible
from haicap.store.ingest.import_plan import SessionFacts
from haicap.tui.dialogs.review_communes_dialog import find_commune
from haicap.tui.dialogs.review_deadline_dialog import read_date
from haicap.tui.dialogs.review_fields_dialog import Field, FieldError, ReviewFieldsDialog
from haicap.tui.literal import literal

__all__ = ["ReviewSessionDialog"]


class ReviewSessionDialog(ReviewFieldsDialog[dict[str, Any]]):
    """Dismisses with the changed facts, as `ImportPlan.with_session` takes them (empty
    when nothing changed), or None on esc."""

    def __init__(self, session: SessionFacts, registry: Registry) -> None:
        super().__init__(
            _("Working session"),
            Content.assemble(
                literal(session.province.full_name, "bold"), literal(" · " + _("commune names, diacritics optional"))
            ),
            [
                Field("date", _("Date"), session.date.strftime(DATE_FORMAT), _("DD/MM/YYYY or YYYY-MM-DD")),
                Field("leader", _("Leader"), visible(session.leader.name), _("full name")),
                Field(
                    "title",
                    _("Position"),
                    visible(session.leader.title),
                    _("e.g. Vice-Chairman of the provincial People's Committee"),
                ),
                Field(
                    "communes",
                    _("Communes"),
                    "; ".join(c.label for c in session.communes),
                    _("separated by ;, diacritics optional"),
                ),
            ],
        )
        self.session = session
        """The facts as the screen shows them."""
        self.registry = registry
        """Where the province's communes are looked up."""

    def check(self, values: dict[str, str]) -> dict[str, Any]:
        if not values["date"].strip():
            raise FieldError("date", _("The session needs a date"))
        date = read_date("date", values["date"])
        names = [name for name in re.split(r"[;,]", values["communes"]) if name.strip()]
        if not names:
            raise FieldError("communes", _("The session needs at least one commune"))
        communes = []
        for name in names:
            try:
                commune = find_commune(self.registry, self.session.province, name)
            except ValueError as error:
                raise FieldError("communes", str(error)) from None
            if commune not in communes:
                communes.append(commune)
        leader = Person(name=clean(values["leader"]), title=clean(values["title"]))
        changes: dict[str, Any] = {}
        if date != self.session.date:
            changes["date"] = date
        if leader.name != clean(visible(self.session.leader.name)) or leader.title != clean(visible(self.session.leader.title)):
            changes["leader"] = leader
        if tuple(communes) != self.session.communes:
            changes["communes"] = tuple(communes)
        return changes
