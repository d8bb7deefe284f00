"""The report of a period: counts in the national two-axis form, overdue items, what changed.

    period = Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    report = gather(store, period, Filters(province=...), today)   # plain domain numbers
    data = render("xlsx", report)                                   # the file's bytes
    name = file_name(period, filters, "xlsx")                       # "bao-cao-2026-q1-thanh-hoa.xlsx"

`scope` says what a period covers and how a state is read as of its end, `gather` counts,
`sections` lays the numbers out as numbered tables, and one module per format writes them.
Nothing here knows Textual: `haicap report` and the overview's dialog share it.
"""

from __future__ import annotations

from haicap.store.domain.errors import StoreError
from haicap.store.domain.i18n import _, pgettext
from haicap.store.views.exports.safe import slug
from haicap.store.views.period_report.gather import Filters, PeriodReport, gather
from haicap.store.views.period_report.scope import DirectiveState, Period, quarter_of

__all__ = ["FORMATS", "DirectiveState", "Filters", "Period", "PeriodReport", "file_name", "gather", "quarter_of", "render"]

FORMATS = ("docx", "xlsx", "md")
"""The formats a report is written in."""


def render(fmt: str, report: PeriodReport) -> bytes:
    """The bytes of `report` in format `fmt`."""
    if fmt == "docx":
        from haicap.store.views.period_report.docx import build_docx

        return build_docx(report)
    if fmt == "xlsx":
        from haicap.store.views.period_report.xlsx import build_xlsx

        return build_xlsx(report)
    if fmt == "md":
        from haicap.store.views.period_report.markdown import build_markdown

        return build_markdown(report).encode("utf-8")
    raise StoreError(_("unknown report format '{format}'; use one of: {formats}").format(format=fmt, formats=", ".join(FORMATS)))


def file_name(period: Period, filters: Filters, fmt: str) -> str:
    """The default file name of a report: "bao-cao-2026-q1-thanh-hoa.docx" ("report-…" in English), ASCII."""
    if filters.commune is not None:
        where = slug(filters.commune.name)
    elif filters.province is not None:
        where = slug(filters.province.name)
    else:
        where = pgettext("file name", "whole-country")
    parts = [pgettext("file name", "report"), period.file_part(), where]
    if filters.owner:
        parts.append(slug(filters.owner)[:40].strip("-"))
    return "-".join(part for part in parts if part) + f".{fmt}"
