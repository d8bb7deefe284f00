"""The plain forms: the minutes as Markdown, the tracking table as CSV.

Markdown: report text is escaped so that a renderer shows it as typed (a `*` or `[x](y)`
in a report is not emphasis or a link). CSV: UTF-8 with a byte-order mark when written to
a file, because Excel on Windows reads a CSV without one in the ANSI code page and turns
every Vietnamese letter into mojibake; LibreOffice, Python's `utf-8-sig` and pandas read
the mark as intended. On standard output no mark is written: a pipe feeds programs, for
which the mark would be a stray character in the first header.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

from haicap.store.domain.dates import format_date
from haicap.store.domain.i18n import _, pgettext
from haicap.store.domain.models import TRACKED_KINDS, Kind
from haicap.store.views.exports.content import Entry, ExportContent, Group, SessionBlock, join_list, kind_heading
from haicap.store.views.exports.tracking_table import columns, rows

__all__ = ["ROMAN", "build_csv", "build_markdown", "comrade", "escape_markdown"]

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")

# Characters that start inline markup anywhere in a line (CommonMark lets a backslash
# escape any ASCII punctuation, so escaping them is always safe).
_INLINE = re.compile(r"([\\`*_\[\]<>&|~])")
# What would open a block (heading, quote, list, rule) when it starts the text.
_BLOCK_START = re.compile(r"^(#|[-+]|\d+[.)])")


def escape_markdown(text: str) -> str:
    """`text` escaped so a Markdown renderer shows it literally, on one line."""
    text = _INLINE.sub(r"\\\1", " ".join(text.split()))
    marker = _BLOCK_START.match(text)
    if marker is None:
        return text
    if marker.group(0)[0].isdigit():  # "1. x" would be a numbered list: "1\. x"
        end = marker.end() - 1
        return text[:end] + "\\" + text[end:]
    return "\\" + text


def _day(day: dt.date | None) -> str:
    return format_date(day) if day else ""


def follow_up_line(entry: Entry) -> str:
    """The follow-up facts of a request or directive, in one line, in the language spoken now."""
    if entry.kind is Kind.REQUEST:
        parts = [_("Responsible agency: {owner}").format(owner=entry.owner or _("(not assigned)"))]
        if entry.co_agencies:
            parts.append(_("co-operating: {agencies}").format(agencies="; ".join(entry.co_agencies)))
        parts.append(_("deadline: {date}").format(date=_day(entry.deadline)))
    else:
        parts = [
            _("Carried out by: {owner}").format(owner=entry.owner or _("the commune authorities")),
            _("deadline: {date}").format(date=_day(entry.deadline) or _("none set")),
        ]
        if entry.done:  # an open directive says so in its state
            parts.append(_("completed: {date}").format(date=_day(entry.done)))
    parts.append(_("state: {state}").format(state=entry.state))
    return "; ".join(parts) + "."


def comrade(name: str) -> str:
    """ "đồng chí Trịnh Tuấn Sinh" ("comrade …"), as minutes name a leader or a participant."""
    return _("comrade {name}").format(name=name)


def leader_line(block: SessionBlock) -> str:
    """ "đồng chí Trịnh Tuấn Sinh, Phó Bí thư Tỉnh ủy …"."""
    session = block.session
    return comrade(session.leader_name) + (f", {session.leader_title}" if session.leader_title else "")


def _group_md(group: Group, level: int, roman: bool, out: list[str]) -> None:
    number = 0
    for kind in Kind:
        entries = group.of_kind(kind)
        if not entries:
            continue
        number += 1
        label = f"{ROMAN[number - 1]}." if roman else f"{number}."
        out += ["", f"{'#' * level} {label} {kind_heading(kind)}", ""]
        for entry in entries:
            if kind in TRACKED_KINDS:
                # A trailing backslash is CommonMark's line break: the facts go under the text.
                out.append(f"- {escape_markdown(entry.text)}\\")
                out.append(f"  *{escape_markdown(follow_up_line(entry))}*")
            else:
                out.append(f"- {escape_markdown(entry.text)}")


def _block_md(content: ExportContent, index: int, block: SessionBlock, out: list[str]) -> None:
    session = block.session
    if not content.single_session:
        out += ["", "## " + _("Part {number}. Working session of {date}").format(number=ROMAN[index], date=_day(session.date))]
    facts = [
        (_("Subject"), session.title),
        (_("Time"), pgettext("the day of a session", "{date}").format(date=_day(session.date))),
        (_("Chaired by"), leader_line(block)),
        (_("Participants"), "; ".join(comrade(p) for p in session.participants) or "—"),
        (_("Working with"), join_list(session.communes)),
        (_("Source"), session.source or "—"),
    ]
    out.append("")
    out += [f"- **{label}:** {escape_markdown(value)}" for label, value in facts]
    level = 2 if content.single_session else 3
    groups = [g for g in block.groups if g.entries]
    if not groups:
        out += ["", _("Nothing was recorded.")]
    for number, group in enumerate(groups):
        if group.heading:
            out += ["", f"{'#' * level} {ROMAN[number]}. {escape_markdown(group.heading)}"]
            _group_md(group, level + 1, False, out)
        else:
            _group_md(group, level, True, out)


def build_markdown(content: ExportContent) -> str:
    """The minutes in Markdown."""
    out = [f"# {content.title}", "", f"**{escape_markdown(content.scope)}**"]
    for index, block in enumerate(content.blocks):
        _block_md(content, index, block, out)
    footer = _("Follow-up state as of {date}. Made with haicap.").format(date=_day(content.today))
    out += ["", "---", "", f"*{footer}*", ""]
    return "\n".join(out)


# Excel runs a cell that starts with one of these as a formula ("CSV injection"); a leading
# apostrophe makes it text, as OWASP recommends. Only the CSV needs this: the .xlsx types
# its cells as text explicitly.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()  # ISO: read the same by Excel in every locale
    text = str(value)
    if isinstance(value, str) and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def build_csv(content: ExportContent, *, bom: bool = True) -> str:
    """The tracking table as CSV (comma-separated, CRLF rows as RFC 4180 says), with a BOM unless `bom=False`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([column.header for column in columns(content)])
    for values in rows(content):
        writer.writerow([_csv_cell(value) for value in values])
    return ("\ufeff" if bom else "") + buffer.getvalue()
