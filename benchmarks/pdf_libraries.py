"""Which PDF library reads Vietnamese better: pypdf or pdfplumber (benchmarks/pdf-libraries.md).

Not part of haicap: run it in a scratch virtualenv that has the candidates and the tools to
make PDFs, with LibreOffice (`soffice`) on PATH:

    python -m venv /tmp/pdfbench
    /tmp/pdfbench/bin/pip install pypdf pdfplumber reportlab fpdf2 python-docx
    /tmp/pdfbench/bin/python benchmarks/pdf_libraries.py make /tmp/pdfbench/pdfs
    /tmp/pdfbench/bin/python benchmarks/pdf_libraries.py measure /tmp/pdfbench/pdfs
    python benchmarks/pdf_libraries.py paragraphs /tmp/pdfbench/pdfs   # in haicap's own virtualenv

`make` turns every real article (shared/devset/articles/*.txt and shared/seed/*.txt) into
PDFs four ways: a Word file (Times New Roman, justified, a page header and a page number
footer) exported by LibreOffice, the same with the text in decomposed Unicode (NFD, what
Unikey's "Unicode tổ hợp" setting types), reportlab and fpdf2 with DejaVu Serif. `measure`
extracts each PDF with each library and compares the words with the source text;
`paragraphs` reads each PDF as haicap does and counts the source paragraphs found whole.
"""

from __future__ import annotations

import difflib
import json
import re
import shutil
import statistics
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
SOURCES = sorted((SHARED / "devset" / "articles").glob("*.txt")) + sorted((SHARED / "seed").glob("*.txt"))
HEADER = "UBND TỈNH THANH HÓA - BÁO CÁO KẾT QUẢ LÀM VIỆC"
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
# Front matter of the devset files ("url: ...", "date: ...") is not the article.
_FRONT = re.compile(r"^\s*(url|date|note|source|title)\b:?", re.IGNORECASE)


def paragraphs(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    while lines and (not lines[0].strip() or _FRONT.match(lines[0])):
        lines.pop(0)
    return [unicodedata.normalize("NFC", line.strip()) for line in lines if line.strip()]


def make(out: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    out.mkdir(parents=True, exist_ok=True)
    docx_dir = out / "docx"
    docx_dir.mkdir(exist_ok=True)
    html_dir = out / "html"
    html_dir.mkdir(exist_ok=True)
    for source in SOURCES:
        paras = paragraphs(source)
        (out / f"{source.stem}.json").write_text(json.dumps(paras, ensure_ascii=False), encoding="utf-8")
        for variant, form in (("lo", "NFC"), ("lo-nfd", "NFD")):
            word = docx.Document()
            style = word.styles["Normal"]
            style.font.name = "Times New Roman"
            style.font.size = Pt(13)
            section = word.sections[0]
            section.header.paragraphs[0].text = unicodedata.normalize(form, HEADER)
            footer = section.footer.paragraphs[0]
            footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
            footer.add_run("Trang ")
            run = footer.add_run()
            for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
                if kind:
                    element = OxmlElement("w:fldChar")
                    element.set(qn("w:fldCharType"), kind)
                else:
                    element = OxmlElement("w:instrText")
                    element.text = text
                run._r.append(element)
            for text in paras:
                paragraph = word.add_paragraph(unicodedata.normalize(form, text))
                paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            word.save(str(docx_dir / f"{source.stem}.{variant}.docx"))
        _mixed_docx(paras, docx_dir / f"{source.stem}.lo-bold.docx")
        _admin_docx(paras, docx_dir / f"{source.stem}.lo-indent.docx", ragged=False)
        _admin_docx(paras, docx_dir / f"{source.stem}.lo-ragged.docx", ragged=True)
        _reportlab(paras, out / f"{source.stem}.reportlab.pdf")
        _fpdf(paras, out / f"{source.stem}.fpdf.pdf")
        _placed(paras, out / f"{source.stem}.words-placed.pdf", per_glyph=False)
        _placed(paras, out / f"{source.stem}.glyphs-placed.pdf", per_glyph=True)
        _html(paras, html_dir / f"{source.stem}.html")
    if shutil.which("chromium"):
        for page in sorted(html_dir.glob("*.html")):
            target = out / f"{page.stem}.chromium.pdf"
            subprocess.run(
                [
                    "chromium",
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-pdf-header-footer",
                    f"--print-to-pdf={target}",
                    page.as_uri(),
                ],
                check=True,
                capture_output=True,
                timeout=120,
            )
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), *map(str, docx_dir.glob("*.docx"))],
        check=True,
        capture_output=True,
        timeout=600,
    )


def _mixed_docx(paras: list[str], path: Path) -> None:
    """Every fifth word bold and every seventh italic: runs change font in mid-line."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    word = docx.Document()
    word.styles["Normal"].font.name = "Times New Roman"
    word.styles["Normal"].font.size = Pt(13)
    for text in paras:
        paragraph = word.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        for number, token in enumerate(text.split(" ")):
            run = paragraph.add_run(("" if number == 0 else " ") + token)
            run.bold = number % 5 == 4
            run.italic = number % 7 == 6
    word.save(str(path))


def _admin_docx(paras: list[str], path: Path, *, ragged: bool) -> None:
    """The layout of Vietnamese official documents (Nghị định 30/2020): no space between
    paragraphs, single line spacing, the page number at the top from page 2 on; justified
    with a first-line indent, or (ragged) left-aligned without one, the hardest to rejoin."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    word = docx.Document()
    normal = word.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    section = word.sections[0]
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = header.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.text = text
        run._r.append(element)
    for text in paras:
        paragraph = word.add_paragraph(text)
        if ragged:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        else:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.first_line_indent = Cm(1.27)
    word.save(str(path))


def _placed(paras: list[str], path: Path, *, per_glyph: bool) -> None:
    """No space characters at all: each word (or each letter) is drawn at its own position,
    as TeX and some PDF printers do; only the gaps tell words apart."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas as pdfcanvas

    pdfmetrics.registerFont(TTFont("DejaVuSerif", DEJAVU))
    size, left, right, top, bottom = 12, 60, A4[0] - 60, A4[1] - 70, 60
    canvas = pdfcanvas.Canvas(str(path), pagesize=A4)
    y = top

    def width(text: str) -> float:
        return pdfmetrics.stringWidth(text, "DejaVuSerif", size)

    gap = width(" ")
    for text in paras:
        words = text.split()
        while words:
            line: list[str] = []
            while words and width(" ".join([*line, words[0]])) <= right - left:
                line.append(words.pop(0))
            if not line:
                line.append(words.pop(0))
            if y < bottom:
                canvas.showPage()
                y = top
            spare = (right - left) - sum(width(w) for w in line) - gap * (len(line) - 1)
            extra = spare / (len(line) - 1) if words and len(line) > 1 else 0  # justified but the last line
            x = left
            canvas.setFont("DejaVuSerif", size)
            for word in line:
                if per_glyph:
                    for char in word:
                        canvas.drawString(x, y, char)
                        x += width(char) + 0.2  # a little letter-spacing, as justified text gets
                    x -= 0.2
                else:
                    canvas.drawString(x, y, word)
                    x += width(word)
                x += gap + extra
            y -= size * 1.35
        y -= size * 0.6
    canvas.showPage()
    canvas.save()


def _html(paras: list[str], path: Path) -> None:
    """A page as a browser prints it (Skia's PDF writer): what an officer gets from "Print to PDF"."""
    import html

    body = "\n".join(f"<p>{html.escape(text)}</p>" for text in paras)
    path.write_text(
        "<!doctype html><meta charset=utf-8><style>body{font:13pt 'Liberation Serif';text-align:justify}"
        f"</style><body>{body}</body>",
        encoding="utf-8",
    )


def _reportlab(paras: list[str], path: Path) -> None:
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(TTFont("DejaVuSerif", DEJAVU))
    style = ParagraphStyle("body", fontName="DejaVuSerif", fontSize=12, leading=16, alignment=TA_JUSTIFY, spaceAfter=6)

    def page(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.setFont("DejaVuSerif", 9)
        canvas.drawString(72, A4[1] - 40, HEADER)
        canvas.drawCentredString(A4[0] / 2, 30, f"- {doc.page} -")

    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph(p, style) for p in paras], onFirstPage=page, onLaterPages=page)


def _fpdf(paras: list[str], path: Path) -> None:
    from fpdf import FPDF

    class Report(FPDF):
        def header(self) -> None:
            self.set_font("dejavu", size=9)
            self.cell(0, 8, HEADER)
            self.ln(12)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("dejavu", size=9)
            self.cell(0, 8, f"Trang {self.page_no()}", align="C")

    pdf = Report(format="A4")
    pdf.add_font("dejavu", fname=DEJAVU)
    pdf.add_page()
    pdf.set_font("dejavu", size=12)
    for text in paras:
        pdf.multi_cell(0, 6, text, align="J")
        pdf.ln(3)
    pdf.output(str(path))


# -- measuring -------------------------------------------------------------------------

_PAGE_LINE = re.compile(r"^\s*(?:-\s*\d+\s*-|Trang\s+\d+(?:\s*/\s*\d+)?|\d+)\s*$")


def _pypdf(path: Path, mode: str) -> list[str]:
    import pypdf

    reader = pypdf.PdfReader(str(path))
    return [page.extract_text(extraction_mode=mode) or "" for page in reader.pages]


def _pdfplumber(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


EXTRACTORS = {
    "pypdf": lambda p: _pypdf(p, "plain"),
    "pypdf-layout": lambda p: _pypdf(p, "layout"),
    "pdfplumber": _pdfplumber,
}


def _words(pages: list[str]) -> list[str]:
    """The words of the body: page header and page-number lines removed, as a reader of the library would."""
    words: list[str] = []
    for page in pages:
        lines = [line for line in page.splitlines() if line.strip()]
        for number, line in enumerate(lines):
            edge = number < 2 or number >= len(lines) - 2  # a bare number inside the text is text
            if edge and (_PAGE_LINE.match(line) or unicodedata.normalize("NFC", line).strip() == HEADER):
                continue
            words.extend(line.split())
    return words


def _score(source: list[str], raw: list[str]) -> dict[str, float]:
    nfc = [unicodedata.normalize("NFC", w) for w in raw]
    matcher = difflib.SequenceMatcher(None, source, nfc, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    vocabulary = set(source)

    def marked(words: list[str]) -> int:
        return sum(1 for w in words for c in unicodedata.normalize("NFD", w) if unicodedata.combining(c) or c in "đĐ")

    return {
        "words_in_order": matched / len(source),
        "foreign_tokens": sum(1 for w in nfc if w not in vocabulary) / len(source),
        "raw_nfc": sum(1 for w in raw if unicodedata.is_normalized("NFC", w)) / max(1, len(raw)),
        "marks_kept": marked(nfc) / max(1, marked(source)),
    }


def measure(folder: Path) -> None:
    results: dict[tuple[str, str], list[dict[str, float]]] = {}
    examples: dict[tuple[str, str], list[str]] = {}
    for truth in sorted(folder.glob("*.json")):
        source = " ".join(json.loads(truth.read_text(encoding="utf-8"))).split()
        vocabulary = set(source)
        for pdf in sorted(folder.glob(f"{truth.stem}.*.pdf")):
            variant = pdf.name[len(truth.stem) + 1 : -len(".pdf")]
            for name, extract in EXTRACTORS.items():
                started = time.perf_counter()
                pages = extract(pdf)
                elapsed = time.perf_counter() - started
                score = _score(source, _words(pages))
                score["seconds"] = elapsed
                results.setdefault((variant, name), []).append(score)
                bad = [w for w in (unicodedata.normalize("NFC", w) for w in _words(pages)) if w not in vocabulary]
                examples.setdefault((variant, name), []).extend(bad[:3])
    print("| PDF made by | library | words in order | tokens not in the source | raw output NFC | tone marks kept | s per file |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for (variant, name), scores in sorted(results.items()):
        mean = {key: statistics.mean(s[key] for s in scores) for key in scores[0]}
        print(
            f"| {variant} | {name} | {mean['words_in_order']:.2%} | {mean['foreign_tokens']:.2%} "
            f"| {mean['raw_nfc']:.2%} | {mean['marks_kept']:.2%} | {mean['seconds']:.3f} |"
        )
    print()
    for key, bad in sorted(examples.items()):
        print(key, bad[:8])


def paragraphs_read(folder: Path) -> None:
    """haicap's own reading (store.documents.read_document, on pdfplumber): is each paragraph one block?

    A paragraph joined to its neighbour still has its sentences whole; a paragraph cut in
    two gives the reader two halves of a sentence, the worse mistake.
    """
    from store.documents import read_document

    results: dict[str, list[tuple[int, ...]]] = {}
    misses: dict[str, list[str]] = {}
    for truth in sorted(folder.glob("*.json")):
        source = json.loads(truth.read_text(encoding="utf-8"))
        for pdf in sorted(folder.glob(f"{truth.stem}.*.pdf")):
            variant = pdf.name[len(truth.stem) + 1 : -len(".pdf")]
            blocks = [block.text for block in read_document(pdf).blocks]
            whole = sum(1 for text in source if text in blocks)
            joined = sum(1 for text in source if text not in blocks and any(text in block for block in blocks))
            left = sum(1 for text in blocks if _PAGE_LINE.match(text) or text == HEADER)
            pages = len(_pdfplumber(pdf)) if variant in {"lo", "lo-nfd", "fpdf", "reportlab"} else 0
            results.setdefault(variant, []).append((len(source), whole, joined, len(source) - whole - joined, left, pages))
            misses.setdefault(variant, []).extend(t[:70] for t in source if not any(t in block for block in blocks))
    print("| PDF made by | source paragraphs | one block each | joined to a neighbour | cut in two | page lines left |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for variant, rows in sorted(results.items()):
        total, whole, joined, cut, left = (sum(row[i] for row in rows) for i in range(5))
        single = sum(1 for row in rows if row[4] and row[5] == 1)
        note = f" ({single} on one-page files)" if single else ""
        print(f"| {variant} | {total} | {whole} ({whole / total:.1%}) | {joined} | {cut} | {left}{note} |")
    for variant, texts in sorted(misses.items()):
        if texts:
            print("cut:", variant, texts[:6])


if __name__ == "__main__":
    command, folder = sys.argv[1], Path(sys.argv[2])
    {"make": make, "measure": measure, "paragraphs": paragraphs_read}[command](folder)
