"""Text files: decoding (UTF-8, UTF-16, Windows-1258) and splitting into blocks."""

from __future__ import annotations

import codecs
import re

from haicap.store.domain.errors import ReportError
from haicap.store.domain.i18n import N_, _
from haicap.store.domain.text import clean
from haicap.store.ingest.documents.blocks import Block
from haicap.store.ingest.documents.headings import heading_kind, make_block, short_section_line, unstyled_heading

__all__ = ["decode", "text_blocks"]

# Magic numbers of files people mistake for text, named so the message helps.
_BINARY_MAGIC = (
    (b"\x89PNG", N_("a PNG image")),
    (b"\xff\xd8\xff", N_("a JPEG image")),
    (b"GIF8", N_("a GIF image")),
    (b"%PDF", N_("a PDF file")),
    (b"PK\x03\x04", N_("a zip archive or Word .docx file")),
    (b"\xd0\xcf\x11\xe0", N_("an old Office file such as .doc or .xls")),
    (b"\x1f\x8b", N_("a gzip archive")),
    (b"\x7fELF", N_("a program")),
)
# C0 controls never occur in real text; \t \n \r and \f (page break in exported text) do.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(raw: bytes, source: str) -> tuple[str, str]:
    """Decode a text file's bytes; return the text and the name of the encoding used."""
    if raw.startswith(codecs.BOM_UTF8):
        return _checked(raw[3:], "utf-8", "UTF-8", source), "UTF-8"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(raw, "utf-16", "UTF-16", source), "UTF-16"
    for magic, name in _BINARY_MAGIC:
        if raw.startswith(magic):
            raise ReportError(source, _("binary file, not text ({what})").format(what=_(name)))
    utf16 = _utf16_without_bom(raw)
    if utf16:
        return _checked(raw, utf16, "UTF-16", source), "UTF-16"
    if b"\0" in raw:
        raise ReportError(source, _("binary file, not text"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _CONTROL.search(text):
            raise ReportError(source, _("binary file, not text"))
        return text, "UTF-8"
    # Old Vietnamese Windows files. cp1258 gives base letters plus combining tone marks;
    # clean() composes them (NFC). Almost any bytes "decode", so insist on plausible text.
    try:
        legacy = raw.decode("cp1258")
    except UnicodeDecodeError:
        legacy = None
    if legacy is not None and not _CONTROL.search(legacy):
        return legacy, "Windows-1258"
    raise ReportError(source, _("not text in UTF-8, UTF-16 or Windows-1258"))


def _checked(raw: bytes, codec: str, name: str, source: str) -> str:
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        raise ReportError(source, _("damaged {encoding} text (invalid bytes)").format(encoding=name)) from None
    if _CONTROL.search(text):
        raise ReportError(source, _("binary file, not text"))
    return text


def _utf16_without_bom(raw: bytes) -> str | None:
    """Guess UTF-16 without a byte order mark from where the NUL bytes fall.

    Vietnamese text is mostly ASCII letters and spaces, whose UTF-16 high byte is 0: in
    UTF-16-LE the NULs sit at odd offsets, in UTF-16-BE at even ones, and hardly ever at both.
    """
    sample = raw[:4096]
    if len(raw) % 2 or len(sample) < 2:
        return None
    pairs = len(sample) // 2
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd >= pairs / 5 and even <= odd / 10:
        return "utf-16-le"
    if even >= pairs / 5 and odd <= even / 10:
        return "utf-16-be"
    return None


# "## Heading ##": the opening hashes; the closing ones are taken off by `_markdown_heading`.
_MD_OPENING = re.compile(r"\s*#{1,6}(?:\s+|$)")
_MD_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(.+)\1\s*$")


def _markdown_heading(line: str) -> str | None:
    r"""The text of a Markdown heading line ("## Khó khăn ##" -> "Khó khăn"), None for other lines.

    Done with string methods: the one pattern it replaces, r"(.*?)(?:\s+#+)?\s*$", tried the
    end of the line from every character, so a heading line with a long run of spaces took
    minutes (40 kB: 11 s).
    """
    opening = _MD_OPENING.match(line)
    if opening is None:
        return None
    rest = line[opening.end() :].rstrip()
    unclosed = rest.rstrip("#")
    if unclosed != rest and unclosed != unclosed.rstrip():
        return unclosed.rstrip()  # closing hashes, after a space: not part of the heading
    return rest


def text_blocks(text: str, *, markdown: bool) -> tuple[Block, ...]:
    """One block per non-empty line; headings by outline marker, capitals or (Markdown) `#`."""
    blocks = []
    for line in text.splitlines():
        if markdown:
            title = _markdown_heading(line)
            if title is not None:
                heading = clean(title)
                if heading:
                    blocks.append(Block(heading, heading=True, kind=heading_kind(heading)))
                continue
            bold = _MD_BOLD_LINE.match(line)
            if bold and short_section_line(clean(bold.group(2))):
                heading = clean(bold.group(2))
                blocks.append(Block(heading, heading=True, kind=heading_kind(heading)))
                continue
        line = clean(line)
        if line:
            blocks.append(make_block(line, heading=unstyled_heading(line)))
    return tuple(blocks)
