"""A Word file of many short paragraphs is read in seconds, in time that grows with its size (issue 15).

python-docx found each paragraph's style, and each run's, by reading every style of the
document: 1.5 ms per paragraph, so a .docx of 50,000 short paragraphs took minutes.
The files are written here directly (python-docx writes a template, the body is put in
with zipfile): building 50,000 paragraphs through python-docx would itself take a minute.
"""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import pytest
from deadlines import deadline

from haicap.store.domain.errors import ReportError
from haicap.store.ingest.documents import read_document

LINES = (
    "Xã Ngọc Trạo đã hoàn thành 3 km đường giao thông nông thôn",
    "Khó khăn, vướng mắc về vốn đầu tư công",
    "Đề nghị tỉnh hỗ trợ kinh phí sửa chữa trường học",
    "Giao Sở Tài chính chủ trì, phối hợp với các sở, ngành liên quan",
)


def write_docx(path: Path, paragraphs: int) -> Path:
    """A .docx of `paragraphs` short paragraphs (one run each, the template's styles)."""
    template = io.BytesIO()
    docx.Document().save(template)
    with zipfile.ZipFile(template) as source:
        xml = source.read("word/document.xml").decode()
        body = "".join(
            f'<w:p><w:r><w:t xml:space="preserve">{escape(LINES[i % len(LINES)])} ({i}).</w:t></w:r></w:p>'
            for i in range(paragraphs)
        )
        start = xml.index("<w:body>") + len("<w:body>")
        xml = xml[:start] + body + xml[start:]
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for info in source.infolist():
                out.writestr(info, xml if info.filename == "word/document.xml" else source.read(info.filename))
    return path


@pytest.fixture(scope="module")
def word_files(tmp_path_factory) -> dict[int, Path]:
    """Files of 4,000 and 20,000 short paragraphs, written once for the module.

    At the old 1.5 ms a paragraph the larger took 30 s; five times the paragraphs in five
    times the time is what the test checks, and a reader that is quadratic again fails it."""
    folder = tmp_path_factory.mktemp("docx_speed")
    return {n: write_docx(folder / f"p{n}.docx", n) for n in (4_000, 20_000)}


def _read_time(path: Path, limit: float) -> tuple[float, int]:
    """CPU seconds reading `path` took (a loaded machine slows the clock, not the work), and its blocks."""
    start = time.process_time()
    with deadline(limit):
        document = read_document(path)
    return time.process_time() - start, len(document.blocks)


def test_twenty_thousand_short_paragraphs_read_in_seconds(word_files):
    small_time, small_blocks = _read_time(word_files[4_000], 10)
    large_time, large_blocks = _read_time(word_files[20_000], 20)
    assert (small_blocks, large_blocks) == (4_000, 20_000)
    assert large_time < 6 * small_time + 0.5, (small_time, large_time)


def test_styles_still_decide_headings_and_bold(tmp_path):
    # The cache of styles must keep what each paragraph's own style says.
    document = docx.Document()
    document.add_heading("Khó khăn, vướng mắc", level=1)
    document.add_paragraph("Thiếu vốn đầu tư công cho các công trình giao thông.")
    bold = document.add_paragraph()
    bold.add_run("Kiến nghị, đề xuất").bold = True
    document.add_paragraph("Đề nghị tỉnh hỗ trợ kinh phí.")
    path = tmp_path / "styled.docx"
    document.save(str(path))
    blocks = read_document(path).blocks
    assert [(b.text, b.heading) for b in blocks] == [
        ("Khó khăn, vướng mắc", True),
        ("Thiếu vốn đầu tư công cho các công trình giao thông.", False),
        ("Kiến nghị, đề xuất", True),
        ("Đề nghị tỉnh hỗ trợ kinh phí.", False),
    ]


def test_a_word_file_with_more_text_than_a_report_is_refused_in_one_line(tmp_path):
    # 6 MB of text compresses into a file well under the 20 MB limit for Word files;
    # refused like a PDF with too much text, before the reader spends a minute on it.
    path = tmp_path / "huge.docx"
    template = io.BytesIO()
    docx.Document().save(template)
    paragraph = "Xã đã hoàn thành kế hoạch xây dựng nông thôn mới. " * 20
    with zipfile.ZipFile(template) as source:
        xml = source.read("word/document.xml").decode()
        start = xml.index("<w:body>") + len("<w:body>")
        body = f"<w:p><w:r><w:t>{paragraph}</w:t></w:r></w:p>" * 6_000
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for info in source.infolist():
                data = xml[:start] + body + xml[start:] if info.filename == "word/document.xml" else source.read(info.filename)
                out.writestr(info, data)
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(ReportError) as caught, deadline(20):
        read_document(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: tệp Word có hơn 5,242,880 ký tự"), message
    assert "\n" not in message


def test_a_markdown_heading_with_a_long_run_of_spaces_reads_at_once(tmp_path):
    # The heading pattern tried the end of the line from every character: 40 kB took 11 s.
    path = tmp_path / "report.md"
    path.write_text("# Khó khăn" + " " * 200_000 + "vướng mắc ##\n\nThiếu vốn đầu tư.\n", encoding="utf-8")
    with deadline(5):
        blocks = read_document(path).blocks
    assert [(b.text, b.heading) for b in blocks] == [("Khó khăn vướng mắc", True), ("Thiếu vốn đầu tư.", False)]
