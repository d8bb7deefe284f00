"""A report of a period in Markdown: the title, the scope, then each section's tables."""

from __future__ import annotations

from haicap.store.domain.dates import format_date
from haicap.store.domain.i18n import _
from haicap.store.views.exports.plain import escape_markdown
from haicap.store.views.period_report.gather import PeriodReport
from haicap.store.views.period_report.sections import Cell, Table, scope_words, sections, title

__all__ = ["build_markdown", "markdown_cell"]


def markdown_cell(value: Cell) -> str:
    """A cell as a Markdown table writes it: a day as DD/MM/YYYY, text escaped, "|" kept literal."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    if not isinstance(value, str):
        return format_date(value)
    return escape_markdown(value) if value else ""


def _table(table: Table, out: list[str]) -> None:
    out += ["", f"**{escape_markdown(table.caption)}**", ""]
    if not table.rows:
        out.append("*" + _("Nothing in this period.") + "*")
        return
    out.append("| " + " | ".join(markdown_cell(c.header) for c in table.columns) + " |")
    out.append("|" + "|".join("---:" if c.kind == "count" else "---" for c in table.columns) + "|")
    for row in table.rows:
        out.append("| " + " | ".join(markdown_cell(value) for value in row) + " |")


def build_markdown(report: PeriodReport) -> str:
    """The report in Markdown."""
    period = report.period.words()
    period = period[:1].upper() + period[1:]
    out = [f"# {title()}", "", f"**{escape_markdown(period)}**", "", escape_markdown(scope_words(report))]
    for section in sections(report):
        out += ["", f"## {escape_markdown(section.heading)}"]
        for table in section.tables:
            _table(table, out)
    footer = _("Made with haicap on {date}.").format(date=format_date(report.made_on))
    out += ["", "---", "", f"*{footer}*", ""]
    return "\n".join(out)
