"""The review screen's detail area: the highlighted line in full, with why the reader placed it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from haicap.store.domain.dates import DATE_FORMAT
from haicap.store.domain.i18n import N_, _, ngettext
from haicap.store.domain.models import TRACKED_KINDS, Kind
from haicap.store.ingest.import_plan import ImportPlan
from haicap.store.ingest.reader.cue_labels import cue_label
from haicap.store.ingest.reader.left_out import DUPLICATE, REVIEW
from haicap.tui.literal import bounded, literal
from haicap.tui.widgets.plan_lines import UNSURE_STYLE, kind_tag, reason_short

__all__ = ["LineDetail"]

_FACT_STYLE = "$text-muted"

_CUES = {
    REVIEW: N_("set in review"),
    "structured": N_("structured file"),
}
"""How the cues that are not the reader's own words are named (translated when shown)."""


def _links_words(plan: ImportPlan, index: int, suggested: int) -> str:
    """ "Answered by: 1 directive · 2 suggested (L)": a request's accepted and suggested links
    (nothing when it has neither)."""
    accepted = sum(1 for request, _directive in plan.links if request == index)
    if not accepted and not suggested:
        return ""
    words = ngettext("Answered by: {count} directive", "Answered by: {count} directives", accepted).format(count=accepted)
    if suggested:
        words += " · " + ngettext("{count} suggested (L)", "{count} suggested (L)", suggested).format(count=suggested)
    return words


class LineDetail(VerticalScroll, can_focus=False):
    """The whole text of one line, wrapped, under a line of facts about it: its place, kind
    or reason, the reader's cue, communes, owner, co-agencies and deadline."""

    DEFAULT_CSS = """
    LineDetail {
        height: 30%;
        min-height: 5;
        max-height: 10;
        border-top: solid $panel-lighten-2;
        padding: 0 1;
        scrollbar-size-vertical: 1;
        & > Static {
            width: 1fr;
        }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="line-detail-text")

    def show(self, plan: ImportPlan, index: int | None, *, suggested: int = 0) -> None:
        """Show line `index` of `plan` (nothing when None); `suggested` directives of the
        file are suggested as its answer (a request's)."""
        self.scroll_home(animate=False)
        body = self.query_one("#line-detail-text", Static)
        if index is None:
            body.update("")
            return
        body.update(Content("\n").join(self._lines(plan, index, suggested)))

    @staticmethod
    def _lines(plan: ImportPlan, index: int, suggested: int = 0) -> list[Content]:
        line = plan.lines[index]
        where = _("Line {number}/{count}").format(number=index + 1, count=len(plan.lines))
        facts: list[Content] = [literal(where, _FACT_STYLE)]
        about: list[Content] = []
        if line.kind is None:
            facts.append(literal(_("left out: {reason}").format(reason=reason_short(line.reason)), "bold"))
        else:
            facts.append(kind_tag(line.kind))
            if line.unsure:
                facts.append(literal("? " + _("unsure: guessed from its place"), UNSURE_STYLE))
            if plan.is_known(index):
                facts.append(literal(_("already stored, not added again"), "italic"))
            communes = ", ".join(c.label for c in line.communes or plan.session.communes)
            about.append(literal(_("Communes: {communes}").format(communes=communes)))
            if line.kind in TRACKED_KINDS:
                about.append(literal(_("Owner: {owner}").format(owner=line.owner or "—")))
                if line.co_agencies:
                    about.append(literal(_("With: {agencies}").format(agencies="; ".join(line.co_agencies))))
                deadline = line.deadline.strftime(DATE_FORMAT) if line.deadline else "—"
                about.append(literal(_("Deadline: {date}").format(date=deadline)))
            if line.kind is Kind.REQUEST and not plan.is_known(index) and (links := _links_words(plan, index, suggested)):
                about.append(literal(links))
            if line.reason:
                cue = _(_CUES[line.reason]) if line.reason in _CUES else cue_label(line.reason)
                about.append(literal(_("cue: {cue}").format(cue=cue)))
        lines = [Content(" · ").join(facts)]
        if about:
            lines.append(Content(" · ").join(about).stylize(_FACT_STYLE))
        if line.kind is None and line.reason == DUPLICATE and line.detail:
            lines.append(Content.assemble(literal(_("Repeats:") + " ", _FACT_STYLE), literal(f"«{line.detail}»", "italic")))
        lines.append(bounded(line.text, style="bold" if line.kind is not None else ""))
        return lines
