"""Word .docx files through python-docx: paragraphs and tables in reading order."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from haicap.store.domain.errors import ReportError
from haicap.store.domain.i18n import _
from haicap.store.domain.text import clean
from haicap.store.ingest.documents.blocks import Block
from haicap.store.ingest.documents.headings import make_block, short_section_line, unstyled_heading

__all__ = ["docx_blocks"]

_MB = 1024 * 1024

# A .docx whose parts unpack to more than this is refused before python-docx loads it all
# into memory: a 20 MB file of photos unpacks to about 20 MB, a zip bomb to gigabytes.
_MAX_DOCX_UNPACKED = 200 * 1024 * 1024


def docx_blocks(raw: bytes, source: str, *, max_text: int | None = None) -> tuple[Block, ...]:
    """The blocks of a .docx file's body; ReportError when it is not a sound Word file.

    A file with more than `max_text` characters of text is refused: reading stops there
    (a 20 MB file of compressed text holds far more than any report, and reading it all
    would take minutes).
    """
    _check_docx_archive(raw, source)
    import docx  # imported here: only .docx imports pay for python-docx and lxml

    blocks: list[Block] = []
    chars = 0
    try:
        document = docx.Document(io.BytesIO(raw))
        for block in _walk_docx(document.element.body, document, _Styles(document.part)):
            chars += len(block.text)
            if max_text is not None and chars > max_text:
                break
            blocks.append(block)
    except Exception as error:  # noqa: BLE001 - python-docx and lxml raise many types on bad files
        raise ReportError(source, _("damaged Word file ({error})").format(error=type(error).__name__)) from None
    if max_text is not None and chars > max_text:
        raise ReportError(
            source,
            _("Word file has more than {count} characters of text; refused as too large for a report").format(
                count=f"{max_text:,}"
            ),
        )
    if not blocks:
        raise ReportError(source, _("Word file has no text"))
    return tuple(blocks)


def _check_docx_archive(raw: bytes, source: str) -> None:
    """Tell a docx that is not a zip from a zip that is damaged or not a Word document."""
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        # The old binary format, and also what Word writes for a password-protected .docx.
        reason = _("not a Word .docx file (an old .doc or a password-protected file); save it as .docx without a password")
        raise ReportError(source, reason)
    if not raw.startswith(b"PK"):
        raise ReportError(source, _("not a Word .docx file (not a zip archive)"))
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise ReportError(source, _("damaged Word file (the zip archive is truncated or corrupt)")) from None
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        raise ReportError(source, _("not a Word .docx file (a zip archive without a Word document in it)"))
    if unpacked > _MAX_DOCX_UNPACKED:
        raise ReportError(
            source, _("Word file unpacks to {size} MB; refused as damaged or unsafe").format(size=f"{unpacked / _MB:.0f}")
        )


class _Styles:
    """What the document's styles say, looked up once per style rather than once per paragraph.

    python-docx finds a paragraph's or run's style, and the default style a paragraph without
    one has, by reading the attributes of every style of the document (Word's template has
    about 200): that was 1.5 ms per paragraph, 75 s for a file of 50,000 short paragraphs.
    The styles do not change while the file is read, so each answer is kept.
    """

    def __init__(self, part: Any) -> None:
        self._part = part
        self._names: dict[str | None, str] = {}
        self._bold: dict[tuple[str | None, Any], bool | None] = {}

    def name(self, paragraph: Any) -> str:
        """The name of the paragraph's style ("" when it has none that can be read)."""
        style_id = paragraph._p.style
        if style_id not in self._names:
            self._names[style_id] = _style_name(paragraph)
        return self._names[style_id]

    def bold(self, style_id: str | None, style_type: Any) -> bool | None:
        """Whether the style (or the first of its base styles that says) makes text bold; None when none says."""
        key = (style_id, style_type)
        if key not in self._bold:
            self._bold[key] = _style_bold(self._part.get_style(style_id, style_type))
        return self._bold[key]


def _walk_docx(container: Any, parent: Any, styles: _Styles) -> Iterator[Block]:
    """Yield blocks for the paragraphs and tables of `container`, in document order."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            block = _paragraph_block(Paragraph(child, parent), styles)
            if block:
                yield block
        elif child.tag == qn("w:tbl"):
            yield from _table_blocks(Table(child, parent), styles)
        elif child.tag == qn("w:sdt"):
            # Content controls (forms, templates) wrap ordinary paragraphs and tables.
            for content in child.iterchildren(qn("w:sdtContent")):
                yield from _walk_docx(content, parent, styles)


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


def _paragraph_block(paragraph: Any, styles: _Styles) -> Block | None:
    runs = [(run, _run_text(run)) for run in _paragraph_runs(paragraph)]
    text = clean("".join(piece for _style, piece in runs))
    if not text:
        return None
    style = styles.name(paragraph)
    styled = style.lower().startswith("heading") or style.lower() == "title"
    bold = all(_is_bold(run, paragraph, styles) for run, piece in runs if piece.strip())
    heading = styled or (bold and short_section_line(text)) or unstyled_heading(text)
    return make_block(text, heading=heading)


def _style_name(paragraph: Any) -> str:
    try:
        return paragraph.style.name or ""
    except (AttributeError, KeyError):
        return ""


def _is_bold(run: Any, paragraph: Any, styles: _Styles) -> bool:
    """A run is bold when it says so, else when its character style or paragraph style is."""
    from docx.enum.style import WD_STYLE_TYPE

    if run.bold is not None:
        return bool(run.bold)
    for style_id, style_type in ((run._r.style, WD_STYLE_TYPE.CHARACTER), (paragraph._p.style, WD_STYLE_TYPE.PARAGRAPH)):
        bold = styles.bold(style_id, style_type)
        if bold is not None:
            return bold
    return False


def _style_bold(style: Any) -> bool | None:
    """Whether `style`, or the nearest of its base styles that says, makes text bold; None when none says."""
    for _step in range(10):  # follow base styles; a broken file could make them loop
        if style is None:
            break
        if style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return None


def _table_blocks(table: Any, styles: _Styles) -> Iterator[Block]:
    """One block per row: its distinct non-empty cell texts joined with "; "."""
    for row in table.rows:
        texts: list[str] = []
        for cell in _row_cells(row, table):
            text = _cell_text(cell, styles)
            if text and text not in texts:
                texts.append(text)
        if not texts:
            continue
        line = "; ".join(texts)
        yield make_block(line, heading=len(texts) == 1 and short_section_line(line))


def _row_cells(row: Any, table: Any) -> list[Any]:
    """The row's physical cells: a cell spanning columns once, a vertically merged cell only in its first row.

    `row.cells` repeats a spanning cell per grid column and returns the top cell again for
    every row it spans down, which would repeat its text.
    """
    from docx.table import _Cell

    return [_Cell(tc, table) for tc in row._tr.tc_lst if tc.vMerge != "continue"]


def _cell_text(cell: Any, styles: _Styles) -> str:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    parts = []
    for item in cell.iter_inner_content():
        if isinstance(item, Paragraph):
            block = _paragraph_block(item, styles)
            parts.append(block.text if block else "")
        elif isinstance(item, Table):
            parts.extend(block.text for block in _table_blocks(item, styles))
    return clean(" ".join(parts))
