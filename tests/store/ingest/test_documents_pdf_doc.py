"""haicap.store.ingest.documents: PDF files (their text layer) and old Word .doc files, and every way they are refused.

The PDFs and the .doc in fixtures/ were made from the real seed article by
fixtures/make_pdf_doc_fixtures.py: `seed-report.pdf` (Word layout exported by LibreOffice:
three pages, a running header, "Trang N/3" footers) and `seed-report.doc` from the same
Word file, whose text is `seed-report.txt`; `seed-hand-placed.pdf` (drawn letter by
letter, lines broken after a hyphen and a dash, a paragraph over the page break); an
image-only scan and two encrypted copies. They go through the real pdfplumber and the
real converters; the converter tests are skipped where antiword or LibreOffice is missing.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import re
import time
import tracemalloc
import unicodedata
from importlib import resources
from pathlib import Path

import docx
import pytest

from haicap.store.domain.errors import ReportError
from haicap.store.domain.models import Kind
from haicap.store.domain.registry import load_registry
from haicap.store.ingest.documents import MAX_PDF_BYTES, Block, Document, legacy_doc, pdf, read_document
from haicap.store.ingest.import_plan import ImportPlan
from haicap.store.ingest.importer import plan_import

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
REPORT_PDF = FIXTURES / "seed-report.pdf"
REPORT_TXT = FIXTURES / "seed-report.txt"
REPORT_DOC = FIXTURES / "seed-report.doc"
HAND_PLACED = FIXTURES / "seed-hand-placed.pdf"
SEED = resources.files("haicap.seeds").joinpath("sources", "2025-11-25-ngoc-trao-van-du-kim-tan.txt").read_text(encoding="utf-8")
SEED_PARAGRAPHS = [line.strip() for line in SEED.splitlines() if line.strip()]
REGISTRY = load_registry()
TODAY = dt.date(2026, 11, 25)
HEADINGS = [
    ("I. KẾT QUẢ ĐẠT ĐƯỢC", Kind.ACHIEVEMENT),
    ("II. KHÓ KHĂN, VƯỚNG MẮC", Kind.DIFFICULTY),
    ("III. KIẾN NGHỊ", Kind.REQUEST),
    ("IV. KẾT LUẬN", Kind.DIRECTIVE),
]


def refused(path: Path | str, reason: str) -> ReportError:
    """Assert that reading `path` fails with a one-line message naming the file and `reason`."""
    with pytest.raises(ReportError) as caught:
        read_document(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: "), message
    assert reason in caught.value.reason, message
    assert "\n" not in message and "Traceback" not in message
    return caught.value


def report_lines() -> list[str]:
    return [line for line in REPORT_TXT.read_text(encoding="utf-8").splitlines() if line]


def sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.;])\s+(?=[A-ZĐÂ0-9])", text)


TEXT_PAGE = b"BT /F1 14 Tf 72 700 Td (Trang bia: bao cao cua xa Van Du) Tj ET"
IMAGE_PAGE = b"q 500 0 0 700 50 80 cm /Im1 Do Q"


def minimal_pdf(pages: int | list[bytes]) -> bytes:
    """A valid PDF with a correct cross-reference table: `pages` blank pages, or one page per
    content stream (text in Helvetica, or a drawn 1×1 grey picture: a scanned page)."""
    contents = [b""] * pages if isinstance(pages, int) else pages
    count = len(contents)
    resources = b"<< /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (5 + 2 * i) for i in range(count)) + b"] /Count %d >>" % count,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        (
            b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8"
            b" /Length 1 >>\nstream\n\x80\nendstream"
        ),
    ]
    for number, content in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources %s /Contents %d 0 R >>"
            % (resources, 6 + 2 * number)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@functools.cache
def read_fixture(path: Path) -> Document:
    """Each fixture read once for all the tests that only look at it (a PDF read starts a process)."""
    return read_document(path)


def copy(source: Path, target: Path) -> Path:
    target.write_bytes(source.read_bytes())
    return target


def test_the_fixture_text_is_the_seed_article() -> None:
    """Everything in seed-report.txt but the section headings is a paragraph of the real article."""
    lines = report_lines()
    headings = [line for line in lines if line.startswith(("I.", "II.", "III.", "IV."))]
    assert headings == [heading for heading, _ in HEADINGS]
    title = lines[0]
    assert SEED_PARAGRAPHS[0].endswith(title)
    assert all(line in SEED_PARAGRAPHS for line in lines[1:] if line not in headings)


# -- PDF with a text layer -------------------------------------------------------------


def test_pdf_reads_as_the_text_it_was_made_from() -> None:
    document = read_fixture(REPORT_PDF)
    assert (document.format, document.encoding, document.data) == ("pdf", None, None)
    # One block per paragraph, as the text file has one line per paragraph: the lines the
    # layout broke are joined, and the header and the "Trang N/3" footers are gone.
    assert [block.text for block in document.blocks] == report_lines()
    assert unicodedata.is_normalized("NFC", document.body())


def test_pdf_sentences_are_whole_and_no_page_furniture_is_left() -> None:
    body = read_fixture(REPORT_PDF).body()
    for line in report_lines():
        for sentence in sentences(line):
            assert sentence in body
    assert "Trang" not in body and "Buổi làm việc với các xã" not in body
    seed_words = set(SEED.split()) | {word for heading, _ in HEADINGS for word in heading.split()}
    assert [word for word in body.split() if word not in seed_words] == []  # no word split or glued


def test_pdf_headings_are_found_as_in_text_files() -> None:
    headings = [(block.text, block.kind) for block in read_fixture(REPORT_PDF).blocks if block.heading]
    assert headings == HEADINGS


def same_import(plan: ImportPlan, text_plan: ImportPlan) -> None:
    """The two plans store the same session and the same lines (only the file name differs)."""
    facts = ("date", "province", "leader", "communes", "title", "participants")
    assert [getattr(plan.session, name) for name in facts] == [getattr(text_plan.session, name) for name in facts]
    assert plan.lines == text_plan.lines  # items and left-out sentences alike, with kinds and communes


def test_pdf_import_gives_the_same_session_as_the_text_file(tmp_path: Path) -> None:
    from_pdf = plan_import(REPORT_PDF, REGISTRY, today=TODAY)
    from_text = plan_import(copy(REPORT_TXT, tmp_path / "seed-report.txt"), REGISTRY, today=TODAY)
    assert from_pdf.format == "pdf" and from_text.format == "text"
    same_import(from_pdf, from_text)
    assert from_pdf.session.date == dt.date(2025, 11, 25)
    assert {line.kind for line in from_pdf.items} == set(Kind)  # one kind per heading


def test_pdf_drawn_letter_by_letter_with_lines_broken_at_hyphens() -> None:
    """No space characters, only gaps; "2025-" / "2030," and "kinh tế -" / "xã hội" at line
    ends; a paragraph running over the page break; paragraphs marked by indent alone."""
    blocks = read_fixture(HAND_PLACED).blocks
    paragraphs = [p for p in SEED_PARAGRAPHS if p.startswith(("Thực hiện nhiệm vụ năm 2025", "Các xã đã chủ động"))]
    directives = [p for p in SEED_PARAGRAPHS if p.startswith(("Trong đó, tập trung", "Đồng thời, khẩn trương"))]
    assert blocks == (
        Block("I. KẾT QUẢ ĐẠT ĐƯỢC", heading=True, kind=Kind.ACHIEVEMENT),
        *(Block(p) for p in paragraphs),
        Block("II. NHIỆM VỤ, GIẢI PHÁP", heading=True, kind=Kind.DIRECTIVE),
        *(Block(p) for p in directives),
    )
    body = "\n".join(block.text for block in blocks)
    assert "giai đoạn 2025-2030, tập trung" in body and "kinh tế - xã hội" in body


def test_pdf_with_only_an_owner_password_is_read() -> None:
    """Many official PDFs are encrypted against editing but open without a password."""
    assert read_document(FIXTURES / "seed-owner-password.pdf").blocks == read_fixture(HAND_PLACED).blocks


def test_pdf_suffix_in_capitals(tmp_path: Path) -> None:
    assert read_document(copy(HAND_PLACED, tmp_path / "BAO-CAO.PDF")).format == "pdf"


# -- refused PDFs ----------------------------------------------------------------------


def test_encrypted_pdf_is_refused() -> None:
    refused(FIXTURES / "seed-password.pdf", "tệp PDF đã mã hóa: cần mật khẩu để mở; hãy lưu một bản không có mật khẩu")


def test_scanned_pdf_is_refused_with_advice() -> None:
    error = refused(FIXTURES / "seed-scanned.pdf", "tệp PDF scan")
    assert "không có lớp chữ" in error.reason and "OCR" in error.reason and ".docx" in error.reason


def test_pdf_without_text_or_images(tmp_path: Path) -> None:
    path = tmp_path / "blank.pdf"
    path.write_bytes(minimal_pdf(2))
    refused(path, "tệp PDF không có chữ")


def test_pdf_mostly_scanned_is_refused(tmp_path: Path) -> None:
    """A typed cover on a scanned report: reading the cover alone would lose the report."""
    path = tmp_path / "mostly-scanned.pdf"
    path.write_bytes(minimal_pdf([TEXT_PAGE, IMAGE_PAGE, IMAGE_PAGE]))
    refused(path, "2 trong 3 trang là ảnh scan; tệp PDF scan")
    # One picture page (photos of the visit) in a typed report is read.
    path.write_bytes(minimal_pdf([TEXT_PAGE, TEXT_PAGE, IMAGE_PAGE]))
    assert read_document(path).blocks == (Block("Trang bia: bao cao cua xa Van Du"),) * 2


def test_truncated_pdf(tmp_path: Path) -> None:
    whole = REPORT_PDF.read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: len(whole) // 2])
    refused(path, "tệp PDF bị hỏng (bị cắt cụt")
    # Cut out of the middle, the end kept: the parser finds the damage.
    path.write_bytes(whole[: len(whole) // 3] + whole[-1500:])
    refused(path, "tệp PDF bị hỏng")


def test_garbage_after_the_pdf_header(tmp_path: Path) -> None:
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.7\n" + random.Random(1258).randbytes(20_000) + b"\n%%EOF\n")
    refused(path, "tệp PDF bị hỏng")


@pytest.mark.parametrize(
    "raw",
    [random.Random(30).randbytes(5000), "Kết quả đạt được".encode(), b"PK\x03\x04" + bytes(100)],
    ids=["random-bytes", "text", "zip"],
)
def test_file_named_pdf_that_is_not_one(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(raw)
    refused(path, "không phải tệp PDF")


def test_too_large_pdf_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.pdf"
    with path.open("wb") as handle:
        handle.truncate(MAX_PDF_BYTES + 1024 * 1024)  # sparse: instant, takes no disk
    tracemalloc.start()
    try:
        refused(path, "tệp nặng 21.0 MB; giới hạn cho tệp PDF là 20 MB")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024, f"read {peak} bytes"


def test_pdf_with_too_many_pages(tmp_path: Path) -> None:
    path = tmp_path / "many.pdf"
    path.write_bytes(minimal_pdf(pdf.MAX_PDF_PAGES + 1))
    refused(path, f"tệp PDF có hơn {pdf.MAX_PDF_PAGES} trang")


def test_pdf_with_too_much_text() -> None:
    with pytest.raises(ReportError) as caught:
        pdf.pdf_blocks(REPORT_PDF.read_bytes(), "r.pdf", max_text=2000)
    assert str(caught.value) == "r.pdf: tệp PDF có hơn 2,000 ký tự; bị từ chối vì quá lớn so với một báo cáo"


def test_pdf_reader_is_stopped_at_its_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    """A crafted PDF can make a parser loop; the child process is killed at the deadline."""
    monkeypatch.setattr(pdf, "PDF_DEADLINE_SECONDS", 0.01)
    started = time.monotonic()
    refused(REPORT_PDF, "đọc tệp PDF quá 0 giây; bị từ chối vì hỏng hoặc quá phức tạp")
    assert time.monotonic() - started < 5


def test_unsupported_suffix_lists_pdf_and_doc(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    path.write_bytes(b"x")
    refused(path, "hãy dùng tệp Word .docx hoặc .doc, tệp PDF có lớp chữ, tệp văn bản (.txt, .md) hoặc báo cáo YAML/JSON")


# -- old Word .doc ---------------------------------------------------------------------


def only(name: str) -> list[tuple[str, str]]:
    """The named converter alone, if it is installed (the test is skipped otherwise)."""
    found = [converter for converter in legacy_doc.converters() if converter[0] == name]
    if not found:
        pytest.skip(f"{name} is not installed")
    return found


def test_doc_without_a_converter_is_refused_with_advice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    refused(
        REPORT_DOC,
        "tệp Word .doc cũ cần antiword hoặc LibreOffice để đọc, và máy chưa cài chương trình nào; "
        "hãy mở bằng Word và lưu lại thành .docx",
    )


@pytest.mark.parametrize("converter", ["antiword", "soffice"])
def test_doc_is_read_through_a_real_converter(converter: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = only(converter)
    monkeypatch.setattr(legacy_doc, "converters", lambda: chosen)
    document = read_document(copy(REPORT_DOC, tmp_path / "BAO-CAO.DOC"))
    assert document.format == "doc"
    assert [block.text for block in document.blocks] == report_lines()
    assert [(block.text, block.kind) for block in document.blocks if block.heading] == HEADINGS
    from_doc = plan_import(tmp_path / "BAO-CAO.DOC", REGISTRY, today=TODAY)
    from_text = plan_import(copy(REPORT_TXT, tmp_path / "seed-report.txt"), REGISTRY, today=TODAY)
    assert from_doc.format == "doc"
    same_import(from_doc, from_text)


def test_damaged_doc_fails_conversion_in_one_line(tmp_path: Path) -> None:
    if not legacy_doc.converters():
        pytest.skip("neither antiword nor LibreOffice is installed")
    path = tmp_path / "hong.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + random.Random(97).randbytes(5000))
    error = refused(path, "không chuyển đổi được tệp .doc (")
    assert "/tmp" not in error.reason and "haicap-doc-" not in error.reason  # no temporary paths
    assert error.reason.endswith("hãy mở bằng Word và lưu lại thành .docx")


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"  # a zombie has ended; only its exit status waits to be collected


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to see the processes")
def test_doc_conversion_is_stopped_at_its_deadline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The deadline, and the kill of the converter's whole process group (soffice is a
    script that starts the real program). The converter is a stand-in that hangs; the real
    conversions are tested above."""
    hanging = tmp_path / "antiword"
    pid_file = tmp_path / "child.pid"
    hanging.write_text(f"#!/bin/sh\nsleep 30 &\necho $! > {pid_file}\nwait\n", encoding="utf-8")
    hanging.chmod(0o755)
    monkeypatch.setattr(legacy_doc, "converters", lambda: [("antiword", str(hanging))])
    monkeypatch.setattr(legacy_doc, "DOC_DEADLINE_SECONDS", 0.5)
    started = time.monotonic()
    refused(REPORT_DOC, "không chuyển đổi được tệp .doc (antiword: chạy quá 0 giây)")
    assert time.monotonic() - started < 3
    child = int(pid_file.read_text())
    deadline = time.monotonic() + 2
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child), "the converter's child process was left running"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (random.Random(6).randbytes(3000), "không phải tệp Word .doc (không có phần đầu của văn bản Word)"),
        (b"\xd0\xcf\x11\xe0", "không phải tệp Word .doc (không có phần đầu của văn bản Word)"),
        (
            b"{\\rtf1\\ansi Ket qua}",
            "đây là tệp RTF mang đuôi .doc, không phải tệp Word .doc; hãy mở bằng Word và lưu lại thành .docx",
        ),
    ],
    ids=["random-bytes", "cut-header", "rtf"],
)
def test_doc_that_is_not_a_word_file(tmp_path: Path, raw: bytes, reason: str) -> None:
    path = tmp_path / "bao-cao.doc"
    path.write_bytes(raw)
    refused(path, reason)


def test_docx_named_doc_is_read_as_word(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("Xã Ngọc Trạo đã làm xong đường.")
    path = tmp_path / "bao-cao.doc"
    word.save(str(path))
    assert read_document(path).blocks == (Block("Xã Ngọc Trạo đã làm xong đường."),)


def test_too_large_doc_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.doc"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    refused(path, "tệp nặng 50.0 MB; giới hạn cho tệp Word là 20 MB")
