"""Documents offices use after a session: minutes (.docx, .md) and the tracking table (.xlsx, .csv).

    content = gather(store, today, session=..., commune=...)   # plain domain data
    data = render("docx", content)                              # the file's bytes
    path = write_new(Path(content.file_name(".docx")), data)    # never overwrites unless asked

`content` gathers what is exported (`content.py`), `tracking_table` its table form, and
one module per format lays it out. Nothing here knows Textual: the `export` command and
the dashboard's dialog share it.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from haicap.store.domain.errors import StoreError
from haicap.store.domain.i18n import _
from haicap.store.views.exports.content import Entry, ExportContent, Group, SessionBlock, SessionFacts, find_session, gather
from haicap.store.views.exports.safe import safe_text, slug

__all__ = [
    "FORMATS",
    "Entry",
    "ExportContent",
    "Group",
    "SessionBlock",
    "SessionFacts",
    "find_session",
    "gather",
    "render",
    "safe_text",
    "slug",
    "write_new",
]

FORMATS = ("docx", "xlsx", "md", "csv")
"""The formats `render` writes: minutes in .docx and .md, the tracking table in .xlsx and .csv."""


def render(fmt: str, content: ExportContent, *, to_stdout: bool = False, parts: list[ExportContent] | None = None) -> bytes:
    """The bytes of `content` in format `fmt`; `to_stdout` leaves the CSV's byte-order mark out;
    `parts` (an .xlsx split by owner: `by_owner.by_owner`) gives each agency a sheet."""
    if fmt == "docx":
        from haicap.store.views.exports.docx_minutes import build_docx

        return build_docx(content)
    if fmt == "xlsx":
        from haicap.store.views.exports.xlsx_table import build_xlsx

        return build_xlsx(content, parts=parts)
    from haicap.store.views.exports.plain import build_csv, build_markdown

    if fmt == "md":
        return build_markdown(content).encode("utf-8")
    if fmt == "csv":
        return build_csv(content, bom=not to_stdout).encode("utf-8")
    raise StoreError(_("unknown export format '{format}'; use one of: {formats}").format(format=fmt, formats=", ".join(FORMATS)))


def _why(error: OSError) -> str:
    return error.strerror or str(error)


def write_new(path: Path, data: bytes, *, force: bool = False) -> Path:
    """Write `data` to `path` and return it; an existing file is refused unless `force`.

    Without `force` the file is created exclusively, so a file that appears meanwhile is
    not overwritten either. With `force` the new content goes to a temporary file that
    then replaces the old one, so a failed write never leaves half a document behind.
    Every failure is a StoreError of one line that names the file.
    """
    if path.is_dir():
        raise StoreError(_("{path}: is a folder; give a file name").format(path=path))
    if not path.parent.is_dir():
        raise StoreError(_("{path}: the folder {folder} does not exist").format(path=path, folder=path.parent))
    if not force:
        try:
            with open(path, "xb") as handle:
                try:
                    handle.write(data)
                except BaseException:
                    handle.close()
                    path.unlink(missing_ok=True)
                    raise
        except FileExistsError:
            raise StoreError(
                _("{path}: already exists; give another name with -o or add --force to overwrite it").format(path=path)
            ) from None
        except OSError as error:
            raise StoreError(_("{path}: cannot write ({why})").format(path=path, why=_why(error))) from None
        return path
    # Opened like any new file (mode 0666 less the umask), under a name no one else uses.
    temporary = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        with open(temporary, "xb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise StoreError(_("{path}: cannot write ({why})").format(path=path, why=_why(error))) from None
    return path
