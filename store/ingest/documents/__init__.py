"""Reading one file an officer wants to import: YAML/JSON, Word .docx or .doc, PDF or plain text.

`read_document(path)` checks the file carefully (exists, is a regular file, readable, not
empty, not too large, really the format its name claims) and returns a `Document`: the
parsed object for YAML/JSON, or clean blocks of text in reading order for Word, PDF and
text files. Every refusal is a `ReportError` whose message is "FILE: reason" on one line.

The package does not interpret content: it only says which section kind a heading
announces (`heading_kind`); sorting sentences into kinds is the reader's job.
`plain_text` decodes and splits text files, `word` walks .docx files, `pdf` puts the lines
of a PDF's text layer back into paragraphs (`pdf_layout` finds them, in a child process),
`legacy_doc` has antiword or LibreOffice turn an old .doc into text, `headings` knows what
a section heading looks like.
"""

from __future__ import annotations

import stat
from pathlib import Path

from haicap.store.domain.errors import ReportError
from haicap.store.domain.file_names import shown_name
from haicap.store.domain.i18n import N_, _
from haicap.store.ingest.documents.blocks import Block, Document
from haicap.store.ingest.documents.headings import heading_kind
from haicap.store.ingest.documents.legacy_doc import doc_blocks
from haicap.store.ingest.documents.limits import check_zip_sizes
from haicap.store.ingest.documents.minutes_mark import minutes_mark
from haicap.store.ingest.documents.pdf import pdf_blocks
from haicap.store.ingest.documents.plain_text import decode, text_blocks
from haicap.store.ingest.documents.word import docx_blocks
from haicap.store.ingest.reports import load_structured

__all__ = ["MAX_DOCX_BYTES", "MAX_PDF_BYTES", "MAX_TEXT_BYTES", "Block", "Document", "heading_kind", "read_document"]

MAX_TEXT_BYTES = 5 * 1024 * 1024
""".txt, .md, .yaml and .json files larger than this are refused (a real report is a few kB);
Word, PDF and .doc files holding more characters of text than this are refused too."""

MAX_DOCX_BYTES = 20 * 1024 * 1024
""".docx and .doc files larger than this are refused; the limit is higher because photos make Word files big."""

MAX_PDF_BYTES = 20 * 1024 * 1024
""".pdf files larger than this are refused before they are read; photos and fonts make PDFs big too."""

_MB = 1024 * 1024

_STRUCTURED = {".yaml", ".yml", ".json"}
_TEXT = {".txt", ".md", ".text", ""}

# Formats officers are likely to try, with what to do instead.
_REFUSED = {
    ".rtf": N_("RTF is not supported; save it as .docx"),
    ".odt": N_("OpenDocument .odt is not supported; save it as .docx"),
}


def read_document(path: Path | str) -> Document:
    """Read one file to import and return its content; raise `ReportError` if it cannot be used.

    The suffix decides the format: .yaml/.yml/.json are parsed, .docx is read with
    python-docx, .pdf with pdfplumber (its text layer; a scanned PDF is refused), .doc
    through antiword or LibreOffice when one is installed, .txt/.md/.text (or no suffix)
    are decoded as UTF-8, UTF-16 or Windows-1258. The size is checked before anything is read.
    """
    source = shown_name(path)  # a name with a newline or an escape must not split or colour a message
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in _REFUSED:
        raise ReportError(source, _(_REFUSED[suffix]))
    if suffix not in _STRUCTURED | _TEXT | {".docx", ".doc", ".pdf"}:
        reason = _(
            "unsupported file type '{suffix}'; use a Word .docx or .doc, a PDF with a text layer, "
            "a text file (.txt, .md) or a YAML/JSON report (.yaml, .yml, .json)"
        )
        raise ReportError(source, reason.format(suffix=path.suffix))

    if suffix == ".docx":
        raw = _read_bytes(path, source, MAX_DOCX_BYTES, N_("Word files"))
        if raw.startswith(b"PK"):  # what is not a zip, word.py names (an old .doc, a protected file)
            check_zip_sizes(raw, source)
            mark = minutes_mark(raw)
            if mark is not None:  # haicap's own minutes are never read as text (see minutes_mark)
                return Document(source=source, format="docx", minutes=mark)
        return Document(source=source, format="docx", blocks=docx_blocks(raw, source, max_text=MAX_TEXT_BYTES))
    if suffix == ".pdf":
        raw = _read_bytes(path, source, MAX_PDF_BYTES, N_("PDF files"))
        return Document(source=source, format="pdf", blocks=pdf_blocks(raw, source, max_text=MAX_TEXT_BYTES))
    if suffix == ".doc":
        raw = _read_bytes(path, source, MAX_DOCX_BYTES, N_("Word files"))
        return Document(source=source, format="doc", blocks=doc_blocks(raw, source, max_text=MAX_TEXT_BYTES))
    if suffix in _STRUCTURED:
        raw = _read_bytes(path, source, MAX_TEXT_BYTES, N_("YAML/JSON files"))
        data = load_structured(raw, source, suffix)
        if data is None:  # only comments, or "---"
            raise ReportError(source, _("file has no data"))
        return Document(source=source, format="structured", data=data)
    raw = _read_bytes(path, source, MAX_TEXT_BYTES, N_("text files"))
    text, encoding = decode(raw, source)
    blocks = text_blocks(text, markdown=suffix == ".md")
    if not blocks:
        raise ReportError(source, _("file is empty (only whitespace)"))
    return Document(source=source, format="text", blocks=blocks, encoding=encoding)


def _read_bytes(path: Path, source: str, limit: int, what: str) -> bytes:
    """Return the file's bytes after checking it is a readable, non-empty file within `limit`."""
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise ReportError(source, _("no such file")) from None
    except OSError as error:
        raise ReportError(source, _os_reason(error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise ReportError(source, _("is a directory, not a file"))
    if not stat.S_ISREG(info.st_mode):
        # A FIFO would block forever and /dev/zero never ends.
        raise ReportError(source, _("not a regular file"))
    if info.st_size == 0:
        raise ReportError(source, _("file is empty"))
    if info.st_size > limit:
        raise ReportError(source, _too_large(info.st_size, limit, what))
    try:
        with path.open("rb") as handle:
            # One byte more than allowed: a file that grew after stat() is still caught.
            raw = handle.read(limit + 1)
    except OSError as error:
        raise ReportError(source, _os_reason(error)) from None
    if len(raw) > limit:
        raise ReportError(source, _too_large(len(raw), limit, what))
    return raw


def _too_large(size: int, limit: int, what: str) -> str:
    """`what` is one of the N_() names of a kind of file above."""
    return _("file is {size} MB; the limit for {what} is {limit} MB").format(
        size=f"{size / _MB:.1f}", what=_(what), limit=limit // _MB
    )


def _os_reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return _("cannot read the file (permission denied)")
    return (error.strerror or str(error)).replace("\n", " ")
