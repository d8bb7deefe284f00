"""The tracking table split by owner agency: what each agency (sở, ngành, UBND xã) must handle.

`by_owner(content)` gives one `ExportContent` per owner agency, holding only its rows, in
the order the agencies first appear; items with no owner go to one more part "Chưa giao"
("Unassigned"). `for_owner(content, name)` is one agency's part, the name matched with
diacritics and case ignored. `sheet_names` makes the names Excel accepts for a sheet per
agency, and `ExportContent.file_name` names a file per agency after its slug.
"""

from __future__ import annotations

import re
from dataclasses import replace

from haicap.store.domain.errors import StoreError
from haicap.store.domain.i18n import _, pgettext
from haicap.store.domain.text import fold
from haicap.store.views.exports.content import Entry, ExportContent

__all__ = ["SHEET_NAME_LIMIT", "by_owner", "for_owner", "owner_file_name", "sheet_names", "unassigned"]

SHEET_NAME_LIMIT = 31
"""The most characters Excel allows in a sheet name."""

_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
"""What Excel refuses in a sheet name."""


def unassigned() -> str:
    """The part of the items no agency owns yet: "Chưa giao" ("Unassigned")."""
    return pgettext("owner", "Unassigned")


def _owner_of(entry: Entry) -> str:
    return entry.owner.strip() or unassigned()


def by_owner(content: ExportContent) -> list[ExportContent]:
    """One part of the table per owner agency (owners that differ only in case or diacritics
    are one), in the order they first appear, the unassigned items last."""
    parts: dict[str, list[Entry]] = {}
    names: dict[str, str] = {}
    nobody: list[Entry] = []
    for entry in content.tracked:
        if not entry.owner.strip():
            nobody.append(entry)
            continue
        key = fold(entry.owner)
        names.setdefault(key, entry.owner.strip())
        parts.setdefault(key, []).append(entry)
    found = [replace(content, tracked=tuple(entries), agency=names[key]) for key, entries in parts.items()]
    if nobody:
        found.append(replace(content, tracked=tuple(nobody), agency=unassigned()))
    return found


def for_owner(content: ExportContent, name: str) -> ExportContent:
    """The part of the agency `name` ("so nong nghiep": the whole name, or a part of it that
    names one agency only); a StoreError that lists the agencies when it names none or several."""
    parts = by_owner(content)
    wanted = fold(name)
    exact = [part for part in parts if fold(part.agency) == wanted]
    if exact:
        return exact[0]
    close = [part for part in parts if wanted and wanted in fold(part.agency)]
    if len(close) == 1:
        return close[0]
    agencies = "; ".join(part.agency for part in (close or parts)) or _("none")
    if close:
        raise StoreError(_("--owner: '{name}' names several agencies: {agencies}").format(name=name, agencies=agencies))
    raise StoreError(_("--owner: no row is owned by '{name}'; the owners are: {agencies}").format(name=name, agencies=agencies))


def sheet_names(agencies: list[str], taken: tuple[str, ...] = ()) -> list[str]:
    """A sheet name for each agency: without the characters Excel refuses, at most 31
    characters (cut between words when it can), unique with Excel's case ignored (a
    number added when two agencies' names begin alike), none of `taken`."""
    used = {name.casefold() for name in taken}
    names = []
    for agency in agencies:
        base = _NOT_IN_SHEET_NAMES.sub(" ", agency)
        base = " ".join(base.split()).strip("'") or unassigned()
        name = _cut(base, SHEET_NAME_LIMIT)
        number = 1
        while name.casefold() in used:
            number += 1
            tail = f" ({number})"
            name = _cut(base, SHEET_NAME_LIMIT - len(tail)) + tail
        used.add(name.casefold())
        names.append(name)
    return names


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" '")


def owner_file_name(part: ExportContent, suffix: str) -> str:
    """The file of one agency's part: "theo-doi-2025-11-25-ngoc-trao-so-xay-dung.xlsx"
    (the session's name and the agency's slug, cut to keep the name short)."""
    from haicap.store.views.exports.safe import slug

    agency = slug(part.agency)[:60].strip("-") or "x"
    return f"{pgettext('file name', 'tracking')}-{part.base_name}-{agency}{suffix}"
