"""Old Word .doc files (Word 97–2003), turned into text by antiword or LibreOffice.

No Python library reads the old binary format well, so a converter on PATH does it:
antiword when there is one (fast, a few milliseconds), else LibreOffice's `soffice
--convert-to txt` (about a second, and it reads more: antiword gives up on some small files
LibreOffice writes). Each runs without a shell, in a temporary folder removed afterwards,
within a deadline; its UTF-8 text is then read like a text file. Without either converter
the file is refused with the advice to save it as .docx.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from haicap.store.domain.errors import ReportError
from haicap.store.domain.i18n import _
from haicap.store.ingest.documents.blocks import Block
from haicap.store.ingest.documents.plain_text import text_blocks
from haicap.store.ingest.documents.word import docx_blocks

__all__ = ["DOC_DEADLINE_SECONDS", "converters", "doc_blocks"]

DOC_DEADLINE_SECONDS = 120.0
"""A conversion is stopped after this long; LibreOffice's first start on a machine takes several seconds."""

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# antiword draws table rows as "|cell   |cell   "; an image as "[pic]".
_TABLE_ROW = re.compile(r"^\s*\|")
_PICTURE = re.compile(r"\[pic\]")


def converters() -> list[tuple[str, str]]:
    """The converters found on PATH, best first: ("antiword", path) and/or ("soffice", path)."""
    found = []
    antiword = shutil.which("antiword")
    if antiword:
        found.append(("antiword", antiword))
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office:
        found.append(("soffice", office))
    return found


def doc_blocks(raw: bytes, source: str, *, max_text: int) -> tuple[Block, ...]:
    """The blocks of an old Word file's text; ReportError when it is not one or cannot be converted."""
    if raw.startswith(b"PK\x03\x04"):
        from haicap.store.ingest.documents.limits import check_zip_sizes

        check_zip_sizes(raw, source)  # by what it really unpacks to, as for a .docx
        return docx_blocks(raw, source, max_text=max_text)  # a .docx named .doc: Word opens it, and so do we
    if raw.lstrip().startswith(b"{\\rtf"):
        raise ReportError(source, _("an RTF file named .doc, not a Word .doc; open it in Word and save it as .docx"))
    if not raw.startswith(_OLE_MAGIC):
        raise ReportError(source, _("not a Word .doc file (no Word document header)"))
    found = converters()
    if not found:
        reason = _(
            "old Word .doc files need antiword or LibreOffice to be read, and neither is installed; "
            "open it in Word and save it as .docx"
        )
        raise ReportError(source, reason)
    failures = []
    empty = 0
    for name, program in found:
        try:
            text = _convert(name, program, raw, max_text)
        except _Failed as failure:
            failures.append(f"{name}: {failure}")
            continue
        blocks = text_blocks(_tidy(text), markdown=False)
        if blocks:
            return blocks
        nothing = _("no text")
        failures.append(f"{name}: {nothing}")
        empty += 1
    if empty == len(failures):
        raise ReportError(source, _("Word file has no text"))
    reason = _("could not convert the .doc file ({failures}); open it in Word and save it as .docx")
    raise ReportError(source, reason.format(failures="; ".join(failures)))


class _Failed(Exception):
    """A converter did not give text; the message says why, on one line."""


def _convert(name: str, program: str, raw: bytes, max_text: int) -> str:
    with tempfile.TemporaryDirectory(prefix="haicap-doc-", ignore_cleanup_errors=True) as folder:
        work = Path(folder)
        document = work / "report.doc"
        document.write_bytes(raw)
        if name == "antiword":
            # -w 0: a paragraph on one line; -m UTF-8.txt: write UTF-8 whatever the locale.
            output, _errors = _run([program, "-w", "0", "-m", "UTF-8.txt", str(document)], work)
        else:
            # A profile of its own: a LibreOffice the officer has open would otherwise take
            # the job, or lock the profile, and this one would wait or do nothing.
            profile = (work / "profile").as_uri()
            _output, errors = _run(
                [
                    program,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--norestore",
                    "--nolockcheck",
                    # Without it LibreOffice reads a file it cannot parse as plain text, and
                    # "converts" a damaged .doc into a page of garbage.
                    "--infilter=MS Word 97",
                    "--convert-to",
                    "txt:Text (encoded):UTF8",
                    "--outdir",
                    str(work / "out"),
                    str(document),
                ],
                work,
            )
            result = work / "out" / "report.txt"
            if not result.is_file():
                raise _Failed(_first_line(errors, work) or _("it wrote no text"))
            if result.stat().st_size > max_text:
                raise _Failed(_("the text is over {size} MB").format(size=max_text // (1024 * 1024)))
            output = result.read_bytes()
    if len(output) > max_text:
        raise _Failed(_("the text is over {size} MB").format(size=max_text // (1024 * 1024)))
    try:
        return output.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _Failed(_("its output is not UTF-8 text")) from None


def _run(command: list[str], work: Path) -> tuple[bytes, bytes]:
    """Run `command` in `work` within the deadline and return its standard output and error.

    It runs in a session of its own so that on time-out the whole group goes: `soffice` is a
    script that starts the real program, which killing the script alone would leave running.
    """
    env = {**os.environ, "HOME": str(work)}  # LibreOffice and antiword write nothing to the officer's home
    try:
        process = subprocess.Popen(
            command,
            cwd=work,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=os.name == "posix",
        )
    except OSError as error:
        raise _Failed(_("cannot start it ({error})").format(error=error.strerror or error)) from None
    try:
        output, errors = process.communicate(timeout=DOC_DEADLINE_SECONDS)
    except subprocess.TimeoutExpired:
        _kill(process)
        raise _Failed(_("it took longer than {seconds} s").format(seconds=f"{DOC_DEADLINE_SECONDS:.0f}")) from None
    if process.returncode != 0:
        raise _Failed(_first_line(errors, work) or _("exit status {code}").format(code=process.returncode))
    return output, errors


def _kill(process: subprocess.Popen[bytes]) -> None:
    try:
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except OSError:
        pass
    process.communicate()


def _first_line(errors: bytes, work: Path) -> str:
    """The converter's own complaint, minus LibreOffice's noise about Java and the temporary path."""
    text = errors.decode("utf-8", "replace").replace(str(work / "report.doc"), "the file")
    for line in text.splitlines():
        line = " ".join(line.split())
        if line and "javaldx" not in line:
            return line[:120]
    return ""


def _tidy(text: str) -> str:
    """antiword's table rows as "cell; cell" (as Word tables are read), without picture marks."""
    lines = []
    for line in text.splitlines():
        line = _PICTURE.sub("", line)
        if _TABLE_ROW.match(line):
            cells: list[str] = []
            for cell in line.split("|"):
                cell = " ".join(cell.split())
                if cell and cell not in cells:
                    cells.append(cell)
            line = "; ".join(cells)
        lines.append(line)
    return "\n".join(lines)
