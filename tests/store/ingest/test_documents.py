"""haicap.store.ingest.documents: every route a file can take in, and every way it can be refused."""

from __future__ import annotations

import codecs
import json
import os
import random
import tracemalloc
import unicodedata
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from haicap.store.domain.errors import ReportError
from haicap.store.domain.models import Kind
from haicap.store.ingest.documents import MAX_DOCX_BYTES, MAX_TEXT_BYTES, Block, Document, heading_kind, read_document

VIETNAMESE = "Xã Ngọc Trạo đã hoàn thành 3 km đường; khó khăn, vướng mắc về vốn. Đề nghị tỉnh hỗ trợ."


def refused(path: Path | str, reason: str) -> ReportError:
    """Assert that reading `path` fails with a one-line message naming the file and `reason`."""
    with pytest.raises(ReportError) as caught:
        read_document(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: "), message
    assert reason in caught.value.reason, message
    assert "\n" not in message
    return caught.value


def windows_1258(text: str) -> bytes:
    """Encode as Windows does: letters with ă â ê ô ơ ư đ precomposed, tone marks combining.

    cp1258 has no "ọ" and no combining circumflex, so neither NFC nor NFD alone encodes
    "vướng"; split each letter into its toneless letter plus its tone mark.
    """
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for char in unicodedata.normalize("NFC", text):
        marks = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(m for m in marks if m not in tones))
        out.append(base + "".join(m for m in marks if m in tones))
    return "".join(out).encode("cp1258")


def save_docx(document: docx.document.Document, path: Path) -> Path:
    document.save(str(path))
    return path


# -- heading_kind ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("I. KẾT QUẢ ĐẠT ĐƯỢC", Kind.ACHIEVEMENT),
        ("Những việc đã làm trong quý", Kind.ACHIEVEMENT),
        ("2) Khó khăn, vướng mắc", Kind.DIFFICULTY),
        ("Một số tồn tại, bất cập", Kind.DIFFICULTY),
        ("III. Đề xuất, kiến nghị", Kind.REQUEST),
        ("b) Ý kiến chỉ đạo, kết luận của Chủ tịch", Kind.DIRECTIVE),
        ("Phương hướng, nhiệm vụ năm 2026", Kind.DIRECTIVE),
        ("Kết quả thực hiện nhiệm vụ", Kind.ACHIEVEMENT),
        ("Tình hình và kết quả thực hiện nhiệm vụ năm 2025", Kind.ACHIEVEMENT),
        ("Giải pháp khắc phục hạn chế", Kind.DIRECTIVE),
        ("khó khăn", Kind.DIFFICULTY),
        # several kinds: the sentence reader decides per sentence
        ("Khó khăn, vướng mắc và kiến nghị", None),
        ("Tồn tại, hạn chế và giải pháp", None),
        ("Kết quả đạt được; khó khăn, vướng mắc", None),
        # no section word
        ("Giới thiệu chung", None),
        ("", None),
        # more than 15 words is a sentence
        ("Khó khăn lớn nhất của xã trong năm qua là thiếu vốn để làm đường giao thông nông thôn liên thôn", None),
    ],
)
def test_heading_kind(heading: str, kind: Kind | None) -> None:
    assert heading_kind(heading) is kind


def test_heading_kind_matches_whole_words_only() -> None:
    assert heading_kind("Phát triển sản xuất") is None  # "xuat" alone is not "de xuat"
    assert heading_kind("KHÓ KHĂN") is Kind.DIFFICULTY


# -- routes by suffix ------------------------------------------------------------------


def test_yaml_and_json_are_structured(tmp_path: Path) -> None:
    (tmp_path / "a.YAML").write_text("format: x\nitems: [1, 2]\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("- Ngọc Trạo\n", encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps({"k": "Vân Du"}), encoding="utf-8")
    a, b, c = (read_document(tmp_path / name) for name in ("a.YAML", "b.yml", "c.json"))
    assert (a.format, a.data, a.blocks, a.encoding) == ("structured", {"format": "x", "items": [1, 2]}, (), None)
    assert b.data == ["Ngọc Trạo"]
    assert c.data == {"k": "Vân Du"} and c.source == str(tmp_path / "c.json")


@pytest.mark.parametrize("name", ["notes.txt", "notes.TXT", "notes.text", "notes.md", "notes"])
def test_text_suffixes_and_no_suffix_are_text(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("  Dòng   một \n\n\tDòng hai\n", encoding="utf-8")
    document = read_document(str(path))
    assert document.format == "text" and document.source == str(path)
    assert document.blocks == (Block("Dòng một"), Block("Dòng hai"))
    assert document.body() == "Dòng một\nDòng hai"


def test_docx_route(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("Xã Ngọc Trạo đã làm xong đường.")
    document = read_document(save_docx(word, tmp_path / "r.DOCX"))
    assert (document.format, document.encoding, document.data) == ("docx", None, None)
    assert document.blocks == (Block("Xã Ngọc Trạo đã làm xong đường."),)


# -- text files ------------------------------------------------------------------------


def test_markdown_headings(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text(
        "# Buổi làm việc tại xã Vân Du\n"
        "## Kết quả đạt được ##\n"
        "Xã hoàn thành 3 km đường.\n"
        "**Khó khăn, vướng mắc**\n"
        "#\n"
        "Thiếu vốn.\n",
        encoding="utf-8",
    )
    assert read_document(path).blocks == (
        Block("Buổi làm việc tại xã Vân Du", heading=True, kind=None),
        Block("Kết quả đạt được", heading=True, kind=Kind.ACHIEVEMENT),
        Block("Xã hoàn thành 3 km đường."),
        Block("Khó khăn, vướng mắc", heading=True, kind=Kind.DIFFICULTY),
        Block("Thiếu vốn."),
    )


def test_text_headings_by_outline_marker_or_capitals(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(
        "# not markdown here\n"
        "II. Khó khăn, vướng mắc\n"
        "1. Hạ tầng giao thông còn hạn chế.\n"  # a list item: it ends like a sentence
        "1.500 hộ dân gặp khó khăn\n"  # a number, not an outline marker
        "a) Kiến nghị\n"
        "KẾT LUẬN\n"
        "3. Giới thiệu chung\n",  # numbered but names no section
        encoding="utf-8",
    )
    assert read_document(path).blocks == (
        Block("# not markdown here"),
        Block("II. Khó khăn, vướng mắc", heading=True, kind=Kind.DIFFICULTY),
        Block("1. Hạ tầng giao thông còn hạn chế."),
        Block("1.500 hộ dân gặp khó khăn"),
        Block("a) Kiến nghị", heading=True, kind=Kind.REQUEST),
        Block("KẾT LUẬN", heading=True, kind=Kind.DIRECTIVE),
        Block("3. Giới thiệu chung"),
    )


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (VIETNAMESE.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + VIETNAMESE.encode("utf-8"), "UTF-8"),
        (VIETNAMESE.encode("utf-16"), "UTF-16"),  # native order, with BOM
        (codecs.BOM_UTF16_LE + VIETNAMESE.encode("utf-16-le"), "UTF-16"),
        (codecs.BOM_UTF16_BE + VIETNAMESE.encode("utf-16-be"), "UTF-16"),
        (VIETNAMESE.encode("utf-16-le"), "UTF-16"),  # no BOM
        (VIETNAMESE.encode("utf-16-be"), "UTF-16"),  # no BOM
        (windows_1258(VIETNAMESE), "Windows-1258"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "cp1258"],
)
def test_text_encodings(tmp_path: Path, raw: bytes, encoding: str) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(raw)
    document = read_document(path)
    assert document.encoding == encoding
    assert document.body() == VIETNAMESE  # no BOM left, NFC
    assert unicodedata.is_normalized("NFC", document.body())


def test_windows_1258_tone_marks_are_composed(tmp_path: Path) -> None:
    raw = unicodedata.normalize("NFD", "Ngọc Trạo").encode("cp1258")
    assert raw == b"Ngo\xf2c Tra\xf2o"  # combining dot below, as Windows writes it
    path = tmp_path / "r.txt"
    path.write_bytes(raw)
    document = read_document(path)
    assert document.encoding == "Windows-1258"
    assert document.blocks[0].text == "Ngọc Trạo" == unicodedata.normalize("NFC", "Ngọc Trạo")


# -- Word files ------------------------------------------------------------------------


def test_docx_headings_by_style_bold_and_outline_marker(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_heading("Làm việc với xã Vân Du", level=0)  # style "Title"
    word.add_heading("Kết quả đạt được", level=1)
    word.add_paragraph("Xã hoàn thành 3 km đường.")
    word.add_paragraph().add_run("Khó khăn, vướng mắc").bold = True
    word.add_paragraph("Thiếu vốn đối ứng.")
    bold_sentence = word.add_paragraph()
    bold_sentence.add_run("Khó khăn lớn nhất là thiếu vốn.").bold = True  # a sentence, not a heading
    mixed = word.add_paragraph()
    mixed.add_run("Kiến nghị").bold = True
    mixed.add_run(" của xã")  # not all bold
    word.add_paragraph("III. Đề xuất, kiến nghị")
    word.add_paragraph("Đề nghị tỉnh hỗ trợ.")
    word.add_paragraph("   ")
    assert read_document(save_docx(word, tmp_path / "r.docx")).blocks == (
        Block("Làm việc với xã Vân Du", heading=True, kind=None),
        Block("Kết quả đạt được", heading=True, kind=Kind.ACHIEVEMENT),
        Block("Xã hoàn thành 3 km đường."),
        Block("Khó khăn, vướng mắc", heading=True, kind=Kind.DIFFICULTY),
        Block("Thiếu vốn đối ứng."),
        Block("Khó khăn lớn nhất là thiếu vốn."),
        Block("Kiến nghị của xã"),
        Block("III. Đề xuất, kiến nghị", heading=True, kind=Kind.REQUEST),
        Block("Đề nghị tỉnh hỗ trợ."),
    )


def test_docx_bold_from_paragraph_style(tmp_path: Path) -> None:
    word = docx.Document()
    style = word.styles.add_style("Mục", 1)  # a paragraph style an officer made
    style.font.bold = True
    style.font.size = Pt(13)
    word.add_paragraph("Nhiệm vụ, giải pháp", style="Mục")
    assert read_document(save_docx(word, tmp_path / "r.docx")).blocks == (
        Block("Nhiệm vụ, giải pháp", heading=True, kind=Kind.DIRECTIVE),
    )


def test_docx_tables_in_reading_order_and_merged_cells_once(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("Trước bảng")
    table = word.add_table(rows=4, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Khó khăn, vướng mắc"  # spans the row
    for column, text in enumerate(["Xã", "Nội dung", "Ghi chú"]):
        table.cell(1, column).text = text
    table.cell(2, 0).text = "Vân Du"
    table.cell(2, 1).text = "Thiếu vốn"
    table.cell(2, 2).merge(table.cell(3, 2)).text = "Chung"  # spans two rows
    table.cell(3, 0).text = "Ngọc Trạo"
    table.cell(3, 1).text = "Thiếu   đất"
    # Word hides whatever a continuation cell of a vertical merge still holds.
    table.rows[3]._tr.tc_lst[2].p_lst[0].add_r().text = "ẩn"
    repeated = table.add_row().cells  # converters copy a merged cell's text into each column
    repeated[0].text = repeated[1].text = "Kim Tân"
    word.add_paragraph("Sau bảng")
    word.add_table(rows=1, cols=2)  # empty table: nothing
    assert read_document(save_docx(word, tmp_path / "r.docx")).blocks == (
        Block("Trước bảng"),
        Block("Khó khăn, vướng mắc", heading=True, kind=Kind.DIFFICULTY),
        Block("Xã; Nội dung; Ghi chú"),
        Block("Vân Du; Thiếu vốn; Chung"),
        Block("Ngọc Trạo; Thiếu đất"),
        Block("Kim Tân"),
        Block("Sau bảng"),
    )


def test_docx_keeps_tracked_insertions(tmp_path: Path) -> None:
    word = docx.Document()
    paragraph = word.add_paragraph("Xã đã làm ")
    # What Word writes when an edit is tracked: the run sits inside <w:ins>.
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    for xml in (
        '<w:ins w:id="1" w:author="A"><w:r><w:t>3 km đường</w:t></w:r></w:ins>',
        '<w:del w:id="2" w:author="A"><w:r><w:delText>2 km</w:delText></w:r></w:del>',
        '<w:moveFrom w:id="3" w:author="A"><w:r><w:t> cũ</w:t></w:r></w:moveFrom>',
    ):
        paragraph._p.append(parse_xml(xml.replace(" ", f" {nsdecls('w')} ", 1)))
    assert read_document(save_docx(word, tmp_path / "r.docx")).body() == "Xã đã làm 3 km đường"


# -- refused files ---------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    refused(tmp_path / "none.txt", "không có tệp này")
    refused(tmp_path / "none.docx", "không có tệp này")
    refused(tmp_path / "none.yaml", "không có tệp này")


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "reports.txt"
    folder.mkdir()
    refused(folder, "là thư mục")
    refused(tmp_path, "là thư mục")  # no suffix: would be text


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Kết quả", encoding="utf-8")
    path.chmod(0)
    try:
        refused(path, "không có quyền")
    finally:
        path.chmod(0o600)


def test_permission_error_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(b"PK\x03\x04")

    def denied(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", denied)
    refused(path, "không đọc được tệp (không có quyền)")


@pytest.mark.parametrize("name", ["empty.txt", "empty.md", "empty.docx", "empty.yaml", "empty.json"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    refused(path, "tệp rỗng")


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\t\r\n   \n")
    refused(path, "tệp rỗng")
    path.write_bytes(" \n \n".encode("utf-16"))
    refused(path, "tệp rỗng")
    yaml_path = tmp_path / "blank.yaml"
    yaml_path.write_text("\n  \n", encoding="utf-8")
    refused(yaml_path, "tệp rỗng")
    yaml_path.write_text("# only a comment\n", encoding="utf-8")
    refused(yaml_path, "không có dữ liệu")


def test_docx_without_text(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("")
    word.add_table(rows=2, cols=2)
    refused(save_docx(word, tmp_path / "blank.docx"), "tệp Word không có chữ")


def test_png_as_text(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    refused(path, "tệp nhị phân, không phải văn bản (một ảnh PNG)")


def test_random_bytes_with_nuls_as_text(tmp_path: Path) -> None:
    noise = random.Random(1258).randbytes(4000)
    path = tmp_path / "noise.txt"
    path.write_bytes(noise[:100] + b"\x00\x00" + noise[100:])
    refused(path, "tệp nhị phân, không phải văn bản")


def test_control_characters_are_not_text(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes("Kết quả\x01\x02".encode())
    refused(path, "tệp nhị phân, không phải văn bản")


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    # Not UTF-8 (a lone continuation byte), and 0x81 is undefined in Windows-1258.
    path.write_bytes(b"K\x81t qu\xe1")
    refused(path, "không phải văn bản UTF-8, UTF-16 hay Windows-1258")
    # Decodes as Windows-1258, but control characters do not occur in text.
    path.write_bytes(b"K\xe1t\x01\x02\x03qu\xe1")
    refused(path, "không phải văn bản UTF-8, UTF-16 hay Windows-1258")


def test_docx_that_is_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_text("Kết quả đạt được", encoding="utf-8")
    refused(path, "không phải tệp Word .docx (không phải tệp nén zip)")


def test_docx_that_is_an_old_doc(tmp_path: Path) -> None:
    path = tmp_path / "renamed.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    refused(path, "tệp .doc cũ")


def test_docx_that_is_another_zip(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    refused(path, "tệp nén zip không chứa văn bản Word")


def test_truncated_docx(tmp_path: Path) -> None:
    word = docx.Document()
    for number in range(50):
        word.add_paragraph(f"Đoạn {number}: xã đã hoàn thành kế hoạch.")
    whole = save_docx(word, tmp_path / "whole.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(whole[: len(whole) // 2])
    refused(path, "tệp Word bị hỏng")


def test_docx_with_broken_xml(tmp_path: Path) -> None:
    import zipfile

    whole = save_docx(docx.Document(), tmp_path / "whole.docx")
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, b"<w:document><oops" if info.filename == "word/document.xml" else data)
    refused(path, "tệp Word bị hỏng")


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("scan.png", "không hỗ trợ loại tệp '.png'; hãy dùng tệp Word .docx hoặc .doc, tệp PDF có lớp chữ, tệp văn bản"),
        ("data.XLSX", "không hỗ trợ loại tệp '.XLSX'"),
        ("r.odt", "không hỗ trợ tệp OpenDocument .odt; hãy lưu lại thành .docx"),
    ],
)
def test_unknown_suffix(tmp_path: Path, name: str, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"x")
    refused(path, reason)


@pytest.mark.parametrize(
    ("name", "limit", "what"),
    [
        ("big.txt", MAX_TEXT_BYTES, "tệp văn bản"),
        ("big.json", MAX_TEXT_BYTES, "tệp YAML/JSON"),
        ("big.docx", MAX_DOCX_BYTES, "tệp Word"),
    ],
)
def test_too_large_file_is_refused_without_reading_it(tmp_path: Path, name: str, limit: int, what: str) -> None:
    path = tmp_path / name
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: instant, takes no disk
    tracemalloc.start()
    try:
        refused(path, f"tệp nặng 50.0 MB; giới hạn cho {what} là {limit // (1024 * 1024)} MB")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024, f"read {peak} bytes"


def test_file_just_within_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "edge.txt"
    line = "Kết quả đạt được.\n".encode()
    path.write_bytes(line + b" " * (MAX_TEXT_BYTES - len(line)))
    assert read_document(path).blocks == (Block("Kết quả đạt được."),)
    path.write_bytes(line + b" " * (MAX_TEXT_BYTES - len(line) + 1))
    refused(path, "giới hạn cho tệp văn bản là 5 MB")


def test_malformed_yaml_and_json(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("session:\n  date: [2025\n", encoding="utf-8")
    refused(path, "YAML sai cú pháp ở dòng")
    path = tmp_path / "bad.json"
    path.write_text('{"a": ', encoding="utf-8")
    refused(path, "JSON sai cú pháp ở dòng 1")


def test_document_is_frozen() -> None:
    document = Document(source="x", format="text", blocks=(Block("a"), Block("b", heading=True)))
    assert document.body() == "a\nb"
    with pytest.raises(AttributeError):
        document.format = "docx"  # type: ignore[misc]
