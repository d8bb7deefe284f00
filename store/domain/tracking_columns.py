"""The columns of the tracking table the agencies fill in and send back, by key and header.

The table itself is laid out by `store.views.exports.tracking_table`; its headers are made
here so that reading a filled table back (`store.ingest.tracking_file`) recognises them in
Vietnamese or English (`column_key`), whatever language it was exported in.
"""

from __future__ import annotations

from functools import cache

from haicap.store.domain.i18n import LANGUAGES, _, pgettext, spoken_in
from haicap.store.domain.text import fold

__all__ = ["EDITABLE", "EDIT_MARK", "HEADERS", "column_key", "header"]

EDIT_MARK = "✎"
"""Ends the header of every column the agency fills."""

EDITABLE = ("set_status", "done", "answer", "note")
"""The keys of the columns the agency fills, in order."""


# (key, context, English): the headers, each made in the language spoken (`header`) or in
# every language (`column_key`). The table's days-overdue header also names a day (`tracking_table.columns`).
HEADERS: tuple[tuple[str, str | None, str], ...] = (
    ("number", None, "No."),
    ("communes", None, "Commune, ward"),
    ("kind", "column", "Kind"),
    ("text", "column", "Text"),
    ("owner", None, "Responsible agency / carried out by"),
    ("co_agencies", None, "Co-operating agencies"),
    ("deadline", "column", "Deadline"),
    ("status", "column", "State"),
    ("days_overdue", None, "Days overdue"),
    ("session_date", None, "Session date"),
    ("id", None, "ID"),
    ("revision", "column", "Revision"),
    ("set_status", "column", "Status (to fill in)"),
    ("done", None, "Completed on"),
    ("answer", "column", "Answer"),
    ("note", "column", "Note"),
)


def header(key: str) -> str:
    """The header of column `key` in the language spoken now (the columns to fill end with the mark)."""
    # The messages are written out for the catalogue's extractor, which reads literals only.
    text = {
        "number": _("No."),
        "communes": _("Commune, ward"),
        "kind": pgettext("column", "Kind"),
        "text": pgettext("column", "Text"),
        "owner": _("Responsible agency / carried out by"),
        "co_agencies": _("Co-operating agencies"),
        "deadline": pgettext("column", "Deadline"),
        "status": pgettext("column", "State"),
        "days_overdue": _("Days overdue"),
        "session_date": _("Session date"),
        "id": _("ID"),
        "revision": pgettext("column", "Revision"),
        "set_status": pgettext("column", "Status (to fill in)"),
        "done": _("Completed on"),
        "answer": pgettext("column", "Answer"),
        "note": pgettext("column", "Note"),
    }[key]
    return f"{text} {EDIT_MARK}" if key in EDITABLE else text


def _folded(header: str) -> str:
    """A header as `column_key` compares it: without the edit mark (or the "?" it becomes in
    a code page without it) or a "*" someone added, diacritics and case ignored."""
    text = header.replace(EDIT_MARK, "").replace("*", "")
    # Saved in a code page without "✎" (Excel's "CSV" on Windows), the mark is a "?".
    return fold(text).removesuffix("?").strip()


@cache
def _known() -> dict[str, str]:
    known: dict[str, str] = {}
    for code in LANGUAGES:
        for key, context, english in HEADERS:
            known.setdefault(_folded(spoken_in(code, english, context)), key)
    return known


def column_key(header: object) -> str | None:
    """The key of the column whose header is `header`, in Vietnamese or English ("Mã" and
    "ID" are "id"; "Số ngày quá hạn (đến 10/01/2026)" is "days_overdue"), or None."""
    if not isinstance(header, str) or not header.strip():
        return None
    folded = _folded(header)
    known = _known()
    if folded in known:
        return known[folded]
    # "Days overdue (as of 10/01/2026)": the day it was counted on follows in brackets.
    head = folded.split(" (", 1)[0].strip()
    found = known.get(head)
    return found if found == "days_overdue" else None
