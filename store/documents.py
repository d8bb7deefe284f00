"""Reading one file an officer wants to import: YAML/JSON, Word .docx or plain text.

`read_document(path)` checks the file carefully (exists, is a regular file, readable, not
empty, not too large, really the format its name claims) and returns a `Document`: the
parsed object for YAML/JSON, or clean blocks of text in reading order for Word and text
files. Every refusal is a `ReportError` whose message is "FILE: reason" on one line.

This module does not interpret content: it only says which section kind a heading
announces (`heading_kind`); sorting sentences into kinds is the reader's job.
"""

from __future__ import annotations

import codecs
import io
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .errors import ReportError
from .models import Kind
from .reports import load_structured
from .text import clean, fold

__all__ = ["MAX_TEXT_BYTES", "MAX_DOCX_BYTES", "Block", "Document", "heading_kind", "read_document"]

MAX_TEXT_BYTES = 5 * 1024 * 1024
""".txt, .md, .yaml and .json files larger than this are refused (a real report is a few kB)."""

MAX_DOCX_BYTES = 20 * 1024 * 1024
""".docx files larger than this are refused; the limit is higher because photos make Word files big."""

# A .docx whose parts unpack to more than this is refused before python-docx loads it all
# into memory: a 20 MB file of photos unpacks to about 20 MB, a zip bomb to gigabytes.
_MAX_DOCX_UNPACKED = 200 * 1024 * 1024

_MB = 1024 * 1024

_STRUCTURED = {".yaml", ".yml", ".json"}
_TEXT = {".txt", ".md", ".text", ""}
_SUPPORTED = "a Word .docx, a text file (.txt, .md) or a YAML/JSON report (.yaml, .yml, .json)"

# Formats officers are likely to try, with what to do instead.
_REFUSED = {
    ".doc": "old Word .doc format is not supported; save it as .docx",
    ".rtf": "RTF is not supported; save it as .docx",
    ".odt": "OpenDocument .odt is not supported; save it as .docx",
    ".pdf": "PDF is not supported; save or copy the text as .docx or .txt",
}

# Headings are short; a longer line is a sentence even if it names a section.
_MAX_HEADING_WORDS = 15
# Unstyled lines (bold, numbered, capitals) must be shorter still to count as headings.
_MAX_UNSTYLED_HEADING_WORDS = 12

# "I.", "IV)", "1.", "2)", "1.2.", "a)", "b." at the start of a line, the usual outline markers.
# Not followed by a digit, so "1.500 hộ dân" is a number, not item 1.
_OUTLINE_MARKER = re.compile(r"^\s*(?:[IVXLC]+|\d+(?:\.\d+)*|[A-Za-zĐđ])\s*[.)](?!\d)\s*")

# Section words, folded. Vietnamese noun phrases put the head first ("kết quả thực hiện
# nhiệm vụ" is a result, "giải pháp khắc phục khó khăn" a measure), so within one phrase
# the earliest section word decides.
_SECTION_WORDS = {
    Kind.ACHIEVEMENT: ("ket qua", "thanh tich", "nhung viec da lam"),
    Kind.DIFFICULTY: ("kho khan", "vuong mac", "han che", "ton tai", "bat cap"),
    Kind.REQUEST: ("kien nghi", "de xuat", "de nghi"),
    Kind.DIRECTIVE: ("nhiem vu", "giai phap", "chi dao", "ket luan", "phuong huong"),
}
_SECTION_PATTERN = re.compile(
    r"\b(" + "|".join(w for words in _SECTION_WORDS.values() for w in words) + r")\b"
)
_WORD_KIND = {word: kind for kind, words in _SECTION_WORDS.items() for word in words}
# What joins two sections in one heading: "Khó khăn, vướng mắc và kiến nghị".
_PHRASE_SEPARATOR = re.compile(r"\s*(?:[,;:/&–—]|\s-\s|\bva\b)\s*")

# Magic numbers of files people mistake for text, named so the message helps.
_BINARY_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a zip archive or Word .docx file"),
    (b"\xd0\xcf\x11\xe0", "an old Office file such as .doc or .xls"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
)
# C0 controls never occur in real text; \t \n \r and \f (page break in exported text) do.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Block:
    """One paragraph or table row of a document, as clean text."""

    text: str
    """The `clean()`ed text of the paragraph or row."""
    heading: bool = False
    """True when the block is a section heading."""
    kind: Kind | None = None
    """For a heading, the kind of section it opens (`heading_kind`); otherwise None."""


@dataclass(frozen=True)
class Document:
    """What `read_document` found in a file."""

    source: str
    """The path as given, used in messages."""
    format: str
    """"structured" (YAML/JSON), "docx" or "text"."""
    blocks: tuple[Block, ...] = ()
    """For docx and text: the content in reading order."""
    data: Any = None
    """For structured files: the parsed YAML/JSON object."""
    encoding: str | None = None
    """For text files: "UTF-8", "UTF-16" or "Windows-1258"; None otherwise."""

    def body(self) -> str:
        """The text of all blocks, one per line."""
        return "\n".join(block.text for block in self.blocks)


def heading_kind(text: str) -> Kind | None:
    """Tell which kind of section a heading opens, or None when it names none or several.

    "II. Khó khăn, vướng mắc" → DIFFICULTY; "Khó khăn, vướng mắc và kiến nghị" → None
    (the sentence reader decides per sentence); "Kết quả thực hiện nhiệm vụ" → ACHIEVEMENT,
    because the first section word of a phrase is its head. Lines longer than 15 words
    are sentences, not headings, and give None.
    """
    folded = fold(_OUTLINE_MARKER.sub("", clean(text), count=1))
    if not folded or len(folded.split()) > _MAX_HEADING_WORDS:
        return None
    kinds = set()
    for phrase in _PHRASE_SEPARATOR.split(folded):
        first = _SECTION_PATTERN.search(phrase)
        if first:
            kinds.add(_WORD_KIND[first.group(1)])
    return kinds.pop() if len(kinds) == 1 else None


def read_document(path: Path | str) -> Document:
    """Read one file to import and return its content; raise `ReportError` if it cannot be used.

    The suffix decides the format: .yaml/.yml/.json are parsed, .docx is read with
    python-docx, .txt/.md/.text (or no suffix) are decoded as UTF-8, UTF-16 or
    Windows-1258. The size is checked before anything is read.
    """
    source = str(path)
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in _REFUSED:
        raise ReportError(source, _REFUSED[suffix])
    if suffix not in _STRUCTURED | _TEXT | {".docx"}:
        raise ReportError(source, f"unsupported file type '{path.suffix}'; use {_SUPPORTED}")

    if suffix == ".docx":
        raw = _read_bytes(path, source, MAX_DOCX_BYTES, "Word files")
        return Document(source=source, format="docx", blocks=_docx_blocks(raw, source))
    if suffix in _STRUCTURED:
        raw = _read_bytes(path, source, MAX_TEXT_BYTES, "YAML/JSON files")
        data = load_structured(raw, source, suffix)
        if data is None:  # only comments, or "---"
            raise ReportError(source, "file has no data")
        return Document(source=source, format="structured", data=data)
    raw = _read_bytes(path, source, MAX_TEXT_BYTES, "text files")
    text, encoding = _decode(raw, source)
    blocks = _text_blocks(text, markdown=suffix == ".md")
    if not blocks:
        raise ReportError(source, "file is empty (only whitespace)")
    return Document(source=source, format="text", blocks=blocks, encoding=encoding)


# -- reading bytes ---------------------------------------------------------------------


def _read_bytes(path: Path, source: str, limit: int, what: str) -> bytes:
    """Return the file's bytes after checking it is a readable, non-empty file within `limit`."""
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise ReportError(source, "no such file") from None
    except OSError as error:
        raise ReportError(source, _os_reason(error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise ReportError(source, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        # A FIFO would block forever and /dev/zero never ends.
        raise ReportError(source, "not a regular file")
    if info.st_size == 0:
        raise ReportError(source, "file is empty")
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
    return f"file is {size / _MB:.1f} MB; the limit for {what} is {limit // _MB} MB"


def _os_reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "cannot read the file (permission denied)"
    return (error.strerror or str(error)).replace("\n", " ")


# -- text files ------------------------------------------------------------------------


def _decode(raw: bytes, source: str) -> tuple[str, str]:
    """Decode a text file's bytes; return the text and the name of the encoding used."""
    if raw.startswith(codecs.BOM_UTF8):
        return _checked(raw[3:], "utf-8", "UTF-8", source), "UTF-8"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(raw, "utf-16", "UTF-16", source), "UTF-16"
    for magic, name in _BINARY_MAGIC:
        if raw.startswith(magic):
            raise ReportError(source, f"binary file, not text ({name})")
    utf16 = _utf16_without_bom(raw)
    if utf16:
        return _checked(raw, utf16, "UTF-16", source), "UTF-16"
    if b"\0" in raw:
        raise ReportError(source, "binary file, not text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _CONTROL.search(text):
            raise ReportError(source, "binary file, not text")
        return text, "UTF-8"
    # Old Vietnamese Windows files. cp1258 gives base letters plus combining tone marks;
    # clean() composes them (NFC). Almost any bytes "decode", so insist on plausible text.
    try:
        text = raw.decode("cp1258")
    except UnicodeDecodeError:
        text = None
    if text is not None and not _CONTROL.search(text):
        return text, "Windows-1258"
    raise ReportError(source, "not text in UTF-8, UTF-16 or Windows-1258")


def _checked(raw: bytes, codec: str, name: str, source: str) -> str:
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        raise ReportError(source, f"damaged {name} text (invalid bytes)") from None
    if _CONTROL.search(text):
        raise ReportError(source, "binary file, not text")
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


_MD_HEADING = re.compile(r"^\s*#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$")
_MD_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(.+)\1\s*$")


def _text_blocks(text: str, *, markdown: bool) -> tuple[Block, ...]:
    blocks = []
    for line in text.splitlines():
        if markdown:
            match = _MD_HEADING.match(line)
            if match:
                heading = clean(match.group(1))
                if heading:
                    blocks.append(Block(heading, heading=True, kind=heading_kind(heading)))
                continue
            bold = _MD_BOLD_LINE.match(line)
            if bold and _short_section_line(clean(bold.group(2))):
                heading = clean(bold.group(2))
                blocks.append(Block(heading, heading=True, kind=heading_kind(heading)))
                continue
        line = clean(line)
        if line:
            blocks.append(_block(line, heading=_unstyled_heading(line)))
    return tuple(blocks)


# -- headings without a style ----------------------------------------------------------


def _short_section_line(text: str) -> bool:
    """A short line naming a section that does not read as a sentence.

    "1. Kết quả thu ngân sách đạt 95%." is a list item, not a heading: sentence
    punctuation at the end rules a line out, unless it is all capitals ("I. KẾT QUẢ.").
    """
    if len(text.split()) > _MAX_UNSTYLED_HEADING_WORDS or heading_kind(text) is None:
        return False
    return not text.endswith((".", ";", "!", "?")) or text.isupper()


def _unstyled_heading(text: str) -> bool:
    """Plain text marks headings with an outline marker ("II.", "2)", "a)") or capitals."""
    return bool(_OUTLINE_MARKER.match(text) or text.isupper()) and _short_section_line(text)


def _block(text: str, *, heading: bool) -> Block:
    if heading and len(text.split()) <= _MAX_HEADING_WORDS:
        return Block(text, heading=True, kind=heading_kind(text))
    return Block(text)


# -- Word files ------------------------------------------------------------------------


def _docx_blocks(raw: bytes, source: str) -> tuple[Block, ...]:
    _check_docx_archive(raw, source)
    import docx  # imported here: only .docx imports pay for python-docx and lxml

    try:
        document = docx.Document(io.BytesIO(raw))
        blocks = tuple(_walk_docx(document.element.body, document))
    except Exception as error:  # noqa: BLE001 - python-docx and lxml raise many types on bad files
        raise ReportError(source, f"damaged Word file ({type(error).__name__})") from None
    if not blocks:
        raise ReportError(source, "Word file has no text")
    return blocks


def _check_docx_archive(raw: bytes, source: str) -> None:
    """Tell a docx that is not a zip from a zip that is damaged or not a Word document."""
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        # The old binary format, and also what Word writes for a password-protected .docx.
        reason = "not a Word .docx file (an old .doc or a password-protected file)"
        raise ReportError(source, f"{reason}; save it as .docx without a password")
    if not raw.startswith(b"PK"):
        raise ReportError(source, "not a Word .docx file (not a zip archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise ReportError(source, "damaged Word file (the zip archive is truncated or corrupt)") from None
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        raise ReportError(source, "not a Word .docx file (a zip archive without a Word document in it)")
    if unpacked > _MAX_DOCX_UNPACKED:
        raise ReportError(source, f"Word file unpacks to {unpacked / _MB:.0f} MB; refused as damaged or unsafe")


def _walk_docx(container: Any, parent: Any) -> Iterator[Block]:
    """Yield blocks for the paragraphs and tables of `container`, in document order."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            block = _paragraph_block(Paragraph(child, parent))
            if block:
                yield block
        elif child.tag == qn("w:tbl"):
            yield from _table_blocks(Table(child, parent))
        elif child.tag == qn("w:sdt"):
            # Content controls (forms, templates) wrap ordinary paragraphs and tables.
            for content in child.iterchildren(qn("w:sdtContent")):
                yield from _walk_docx(content, parent)


def _paragraph_runs(paragraph: Any) -> list[Any]:
    """The runs of a paragraph that show text, including tracked insertions and fields.

    python-docx's `Paragraph.text` sees only direct runs and hyperlinks; reports that went
    through review keep text inside <w:ins>, <w:smartTag> or simple fields. Deleted text
    (<w:delText>) is not text, and text boxes are left out: they float outside the flow.
    """
    from docx.text.run import Run

    hidden = "ancestor::w:txbxContent or ancestor::w:del or ancestor::w:moveFrom"
    elements = paragraph._p.xpath(f".//w:r[not({hidden})]")
    return [Run(r, paragraph) for r in elements]


def _run_text(run: Any) -> str:
    from docx.oxml.ns import qn

    pieces = []
    for child in run._r.iterchildren():
        if child.tag == qn("w:t"):
            pieces.append(child.text or "")
        elif child.tag in (qn("w:tab"), qn("w:br"), qn("w:cr")):
            pieces.append(" ")
    return "".join(pieces)


def _paragraph_block(paragraph: Any) -> Block | None:
    runs = [(run, _run_text(run)) for run in _paragraph_runs(paragraph)]
    text = clean("".join(piece for _, piece in runs))
    if not text:
        return None
    style = _style_name(paragraph)
    styled = style.lower().startswith("heading") or style.lower() == "title"
    bold = all(_is_bold(run, paragraph) for run, piece in runs if piece.strip())
    heading = styled or (bold and _short_section_line(text)) or _unstyled_heading(text)
    return _block(text, heading=heading)


def _style_name(paragraph: Any) -> str:
    try:
        return paragraph.style.name or ""
    except (AttributeError, KeyError):
        return ""


def _is_bold(run: Any, paragraph: Any) -> bool:
    """A run is bold when it says so, else when its character style or paragraph style is."""
    if run.bold is not None:
        return bool(run.bold)
    for style in (run.style, paragraph.style):
        for _ in range(10):  # follow base styles; a broken file could make them loop
            if style is None:
                break
            if style.font.bold is not None:
                return bool(style.font.bold)
            style = style.base_style
    return False


def _table_blocks(table: Any) -> Iterator[Block]:
    """One block per row: its distinct non-empty cell texts joined with "; "."""
    for row in table.rows:
        texts: list[str] = []
        for cell in _row_cells(row, table):
            text = _cell_text(cell)
            if text and text not in texts:
                texts.append(text)
        if not texts:
            continue
        line = "; ".join(texts)
        yield _block(line, heading=len(texts) == 1 and _short_section_line(line))


def _row_cells(row: Any, table: Any) -> list[Any]:
    """The row's physical cells: a cell spanning columns once, a vertically merged cell only in its first row.

    `row.cells` repeats a spanning cell per grid column and returns the top cell again for
    every row it spans down, which would repeat its text.
    """
    from docx.table import _Cell

    return [_Cell(tc, table) for tc in row._tr.tc_lst if tc.vMerge != "continue"]


def _cell_text(cell: Any) -> str:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    parts = []
    for item in cell.iter_inner_content():
        if isinstance(item, Paragraph):
            block = _paragraph_block(item)
            parts.append(block.text if block else "")
        elif isinstance(item, Table):
            parts.extend(block.text for block in _table_blocks(item))
    return clean(" ".join(parts))
