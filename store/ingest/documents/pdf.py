"""PDF files with a text layer: the lines pdfplumber finds, put back into paragraphs.

A PDF keeps no paragraphs, only lines placed on pages. `pdf_blocks` asks
`pdf_layout` (in a child process, so a crafted or broken file cannot hang or exhaust
haicap) for each page's lines and where they sit, drops what the page layout added
(running headers and footers, page numbers), joins the lines the layout broke and gives
one block per paragraph, with headings found as text files find them (outline marker or
capitals) or as Word files do (a short bold line naming a section).
"""

from __future__ import annotations

import itertools
import json
import re
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from haicap.store.domain.errors import ReportError
from haicap.store.domain.i18n import N_, _
from haicap.store.domain.text import clean
from haicap.store.ingest.documents.blocks import Block
from haicap.store.ingest.documents.headings import make_block, short_section_line, unstyled_heading

__all__ = ["MAX_PDF_PAGES", "PDF_DEADLINE_SECONDS", "pdf_blocks"]

MAX_PDF_PAGES = 500
"""PDFs with more pages are refused: a commune report has a few dozen at most."""

PDF_DEADLINE_SECONDS = 120.0
"""Reading one PDF is stopped after this long; 250 pages of dense text take about 15 s on 2 cores."""

_SCANNED = N_("scanned PDF: its pages are images with no text layer; run OCR on it or use the Word .docx")

_DETAILS = {"too large when unpacked": N_("too large when unpacked"), "nested too deeply": N_("nested too deeply")}
"""The reasons `pdf_layout` gives itself (the others are pdfminer's error names)."""

# What sits at the top or bottom of a page only to number it: "3", "- 3 -", "Trang 2/5",
# "Trang 2 trên 5", "Page 2 of 5", "2/5".
_PAGE_NUMBER = re.compile(r"^[-–—(\[\s]*(?:(?:trang|page)\s*)?\d{1,4}(?:\s*(?:/|trên|of)\s*\d{1,4})?[-–—)\]\s]*$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
# Lines at most this far from the top or bottom edge (as a share of the page height) may be
# running headers, footers or page numbers; body text never reaches that far.
_EDGE_ZONE = 0.15
# Only the first and last few lines of a page are looked at for headers and footers.
_EDGE_LINES = 3
# A line ending so: the sentence ends there, so a paragraph may end too.
_SENTENCE_END = (".", "!", "?", ":", ";", "…", '"', "”", "»", ")")
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_UNMAPPED = re.compile(r"\(cid:\d+\)")


@dataclass(frozen=True)
class _Line:
    """One line of text on a page, in points from the page's top-left corner."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    page: int


def pdf_blocks(raw: bytes, source: str, *, max_text: int) -> tuple[Block, ...]:
    """The paragraphs of a PDF's text layer; ReportError when it has none or cannot be read.

    A PDF with more than `MAX_PDF_PAGES` pages or more than `max_text` characters of text
    is refused: the reader stops there rather than read on.
    """
    _check_pdf_bytes(raw, source)
    answer = _layout(raw, source, max_text)
    pages = answer["pages"]
    if not pages:
        raise ReportError(source, _("damaged PDF (no pages); save it again as PDF from Word, or use the .docx"))
    chars = sum(page["chars"] for page in pages)
    scanned = sum(1 for page in pages if page["images"] and not page["chars"])
    if chars == 0:
        raise ReportError(source, _(_SCANNED) if scanned else _("PDF has no text"))
    if scanned * 2 >= len(pages):
        # A typed cover on a scanned report: reading the cover alone would lose the report.
        raise ReportError(
            source,
            _("{scanned} of its {pages} pages are scanned images; {advice}").format(
                scanned=scanned, pages=len(pages), advice=_(_SCANNED)
            ),
        )
    if sum(page["unmapped"] for page in pages) > chars / 5:
        # The fonts give no Unicode for their glyphs: the text cannot be told from its shapes.
        raise ReportError(source, _("the PDF's text cannot be read (its fonts have no character map); use the .docx or OCR"))
    lines = _body_lines(pages)
    blocks = tuple(_blocks(lines, pages))
    if not blocks:
        raise ReportError(source, _(_SCANNED) if scanned else _("PDF has no text"))
    return blocks


def _check_pdf_bytes(raw: bytes, source: str) -> None:
    """Refuse what is not a PDF, or a PDF cut short, before a parser tries to make sense of it."""
    if b"%PDF-" not in raw[:1024]:
        raise ReportError(source, _("not a PDF file (it does not start with %PDF)"))
    # Every PDF ends with %%EOF (readers allow some bytes after it); a cut-off download does not.
    if b"%%EOF" not in raw[-2048:]:
        raise ReportError(
            source, _("damaged PDF (truncated: the end of the file is missing); save it again as PDF from Word, or use the .docx")
        )


def _layout(raw: bytes, source: str, max_text: int) -> dict[str, Any]:
    """Run `pdf_layout` on `raw` in a child process within the deadline; return its answer."""
    script = Path(__file__).with_name("pdf_layout.py")
    # -P: the script's folder is not put on sys.path, so no module here shadows a library's.
    command = [sys.executable, "-P", str(script), str(MAX_PDF_PAGES), str(max_text)]
    try:
        done = subprocess.run(
            command,
            input=raw,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            timeout=PDF_DEADLINE_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        reason = _("reading the PDF took longer than {seconds} s; refused as damaged or too complex").format(
            seconds=f"{PDF_DEADLINE_SECONDS:.0f}"
        )
        raise ReportError(source, reason) from None
    except OSError as error:
        raise ReportError(source, _("cannot start the PDF reader ({error})").format(error=error.strerror or error)) from None
    try:
        answer = json.loads(done.stdout.decode("utf-8")) if done.returncode == 0 else None
    except (UnicodeDecodeError, ValueError):
        answer = None
    if not isinstance(answer, dict):
        # Killed by its memory or CPU limit, or crashed: the file is what made it.
        if done.returncode != 0:
            why = _(
                "damaged or too complex PDF (the reader ran out of memory or time); save it again as PDF from Word, or use the .docx"
            )
        else:
            why = _("damaged or too complex PDF (the reader gave no answer); save it again as PDF from Word, or use the .docx")
        raise ReportError(source, why)
    code = answer.get("error")
    if code == "password":
        raise ReportError(source, _("encrypted PDF: it needs a password to open; save a copy without the password"))
    if code == "too_many_pages":
        raise ReportError(
            source, _("PDF has more than {count} pages; refused as too large for a report").format(count=MAX_PDF_PAGES)
        )
    if code == "too_much_text":
        raise ReportError(
            source,
            _("PDF has more than {count} characters of text; refused as too large for a report").format(count=f"{max_text:,}"),
        )
    if code == "missing":
        raise ReportError(
            source,
            _("cannot read PDF files: {module} is not installed (pip install pdfplumber)").format(module=answer.get("detail")),
        )
    if code:
        detail = re.sub(r"[^\w .-]", "", str(answer.get("detail", "")))[:60]
        detail = _(_DETAILS[detail]) if detail in _DETAILS else detail or _("unreadable")
        reason = _("damaged PDF ({detail}); save it again as PDF from Word, or use the .docx")
        raise ReportError(source, reason.format(detail=detail))
    return answer


# -- from lines on pages to paragraphs -------------------------------------------------


def _body_lines(pages: list[dict[str, Any]]) -> list[_Line]:
    """The lines of every page in reading order, without running headers, footers and page numbers."""
    per_page: list[list[_Line]] = []
    for number, page in enumerate(pages):
        lines = []
        for text, x0, x1, top, bottom, size, bold in page["lines"]:
            text = clean(_UNMAPPED.sub("", str(text)).translate(_LIGATURES))
            if text:
                lines.append(_Line(text, float(x0), float(x1), float(top), float(bottom), float(size), bool(bold), number))
        per_page.append(lines)
    pitch = _usual_pitch([line for lines in per_page for line in lines])
    margins = [_margins(lines, page["height"], pitch) for lines, page in zip(per_page, pages, strict=True)]
    running = _running(margins)
    kept: list[_Line] = []
    for lines, (top, bottom) in zip(per_page, margins, strict=True):
        for line in lines:
            edge = "top" if line in top else "bottom" if line in bottom else None
            if edge and ((edge, _key(line.text)) in running or _PAGE_NUMBER.match(line.text)):
                continue
            kept.append(line)
    return kept


def _margins(lines: list[_Line], height: float, pitch: float | None) -> tuple[list[_Line], list[_Line]]:
    """The lines in the page's top and bottom margins: near the edge, and set apart from the body.

    A running header is separated from the text by more than the space between two lines
    (or is in another size of type); the first line of a paragraph at the top of a page is
    not, however often the same words begin a paragraph.
    """
    if not lines:
        return [], []
    step = pitch or 1.2 * statistics.median(line.bottom - line.top for line in lines)

    def apart(a: _Line, b: _Line) -> bool:
        return abs(b.top - a.top) > 1.5 * step or abs(a.size - b.size) >= 1

    top: list[_Line] = []
    for index, line in enumerate(lines[:_EDGE_LINES]):
        if line.top >= height * _EDGE_ZONE:
            break
        if index + 1 == len(lines) or apart(line, lines[index + 1]):
            top = lines[: index + 1]
            break
    bottom: list[_Line] = []
    for index in range(len(lines) - 1, max(len(lines) - 1 - _EDGE_LINES, len(top) - 1), -1):
        line = lines[index]
        if line.bottom <= height * (1 - _EDGE_ZONE):
            break
        if index == len(top) or apart(lines[index - 1], line):
            bottom = lines[index:]
            break
    # A page number alone by the edge needs no gap: nothing else on a page looks like "- 3 -".
    for index, line in enumerate(lines):
        near = line.top < height * _EDGE_ZONE if index < _EDGE_LINES else line.bottom > height * (1 - _EDGE_ZONE)
        edge_line = index < _EDGE_LINES or index >= len(lines) - _EDGE_LINES
        if edge_line and near and _PAGE_NUMBER.match(line.text) and line not in top and line not in bottom:
            (top if index < _EDGE_LINES else bottom).append(line)
    return top, bottom


def _key(text: str) -> str:
    # "Báo cáo số 12 - Trang 3" and "... Trang 4" are the same running footer.
    return _DIGITS.sub("#", text.casefold())


def _running(margins: list[tuple[list[_Line], list[_Line]]]) -> set[tuple[str, str]]:
    """(edge, text) of margin lines repeated on at least half the pages, and on two or more."""
    counts: dict[tuple[str, str], int] = {}
    for top, bottom in margins:
        seen = {("top", _key(line.text)) for line in top} | {("bottom", _key(line.text)) for line in bottom}
        for item in seen:
            counts[item] = counts.get(item, 0) + 1
    needed = max(2, (len(margins) + 1) // 2)
    return {item for item, count in counts.items() if count >= needed}


def _blocks(lines: list[_Line], pages: list[dict[str, Any]]) -> list[Block]:
    """Join lines into paragraphs and make one block of each."""
    if not lines:
        return []
    pitch = _usual_pitch(lines)
    right = _right_edges(lines, pages)
    widths = {number: float(page["width"]) for number, page in enumerate(pages)}
    blocks = []
    paragraph = [lines[0]]
    for previous, line in itertools.pairwise(lines):
        if _breaks(previous, line, pitch, right, widths):
            blocks.append(_block(paragraph))
            paragraph = [line]
        else:
            paragraph.append(line)
    blocks.append(_block(paragraph))
    return blocks


def _usual_pitch(lines: list[_Line]) -> float | None:
    """The most usual distance from one line's top to the next within a paragraph, if there are enough lines."""
    pitches = [
        b.top - a.top for a, b in itertools.pairwise(lines) if a.page == b.page and b.top > a.top and abs(a.size - b.size) < 1
    ]
    return statistics.median(pitches) if len(pitches) >= 3 else None


def _right_edges(lines: list[_Line], pages: list[dict[str, Any]]) -> dict[int, float]:
    """Where the text of each page ends on the right: its widest line, or that of pages of its
    size if wider (the last page may hold only the short end of a paragraph)."""
    widest: dict[int, float] = {}
    for line in lines:
        widest[line.page] = max(widest.get(line.page, 0.0), line.x1)
    usual: dict[float, float] = {}
    for width in {pages[number]["width"] for number in widest}:
        usual[width] = statistics.median(x1 for number, x1 in widest.items() if pages[number]["width"] == width)
    return {number: max(x1, usual[pages[number]["width"]]) for number, x1 in widest.items()}


def _breaks(previous: _Line, line: _Line, pitch: float | None, right: dict[int, float], widths: dict[int, float]) -> bool:
    """Whether `line` starts a new paragraph rather than going on with `previous`.

    The layout breaks a line only when the next word does not fit: when the first word of
    `line` would have fitted at the end of `previous`, the writer ended the paragraph there.
    Breaking wrongly would cut a sentence in two, so when in doubt the lines are joined.
    """
    if abs(previous.size - line.size) >= 1:
        return True  # a title in a larger type, or a footnote in a smaller one
    if _ended_early(previous, line, right[previous.page]):
        return True
    if line.page != previous.page:
        # A full last line goes on on the next page; a short page (a cover, a title) does not,
        # even when its one line is the widest on it.
        return previous.x1 - previous.x0 < 0.5 * widths[previous.page]
    if pitch is not None:
        step = line.top - previous.top
        if step <= 0 or step > pitch + max(3.0, 0.2 * pitch):
            return True  # a new column, or the space between paragraphs
    # A first-line indent after a sentence's end.
    return previous.text.endswith(_SENTENCE_END) and line.x0 > previous.x0 + 0.5 * max(line.size, 1.0)


def _ended_early(previous: _Line, line: _Line, right: float) -> bool:
    char_width = (previous.x1 - previous.x0) / max(len(previous.text), 1)
    first_word = line.text.split(" ", 1)[0]
    # Measured generously (capitals are wide), so that only a clear gap ends a paragraph;
    # after a sentence's end, where paragraphs do end, a plain measure is enough.
    margin = 1.0 if previous.text.endswith(_SENTENCE_END) else 1.3
    letters = sum(1.5 if char.isupper() or char in "mwMW" else 1.0 for char in first_word) + 1  # and its space
    return previous.x1 + letters * char_width * margin < right


def _block(paragraph: list[_Line]) -> Block:
    text = paragraph[0].text
    for line in paragraph[1:]:
        text = _join(text, line.text)
    text = clean(text)
    bold = all(line.bold for line in paragraph)
    return make_block(text, heading=unstyled_heading(text) or (bold and short_section_line(text)))


def _join(text: str, more: str) -> str:
    """Join two lines of a paragraph: with a space, or without one after a hyphen the line broke at.

    Vietnamese is not hyphenated (its words are syllables apart), so a hyphen at the end of
    a line belongs to the word, which the layout broke after it ("Ê-" / "đê", "2025-" /
    "2030"), and is kept; a spaced dash ("kinh tế -" / "xã hội") is punctuation and keeps
    its spaces. A soft hyphen (U+00AD) was only a place to break, and goes.
    """
    if text.endswith("\u00ad"):
        return text[:-1] + more
    if len(text) >= 2 and text.endswith("-") and text[-2].isalnum() and more[:1].isalnum():
        return text + more
    return f"{text} {more}"
