"""Every subcommand over a table of bad values: one line on stderr, a non-zero exit, the store untouched.

Each row is a command line (with `{request}`, `{directive}`, `{achievement}` for item ids of
the seeded store and `{files}` for the folder of hostile files made below) and the words
its one line must hold. The rows include the cases of issue 15 that overflowed, hung,
exhausted memory or printed a traceback: `config --answer-days 3000000`, `1e20`,
`--backups 10**12`, `set --done 0001-01-01`, `import --date 31/12/9999`, a report dated
9999, billion-laughs YAML, JSON nested 100,000 deep, duplicate keys, numbers where text
is expected, a zip that unpacks to far more than it says, `export -o x.pdf`, a file name
with a newline or an escape sequence.
"""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path

import pytest

from haicap.store import Store
from haicap.store.domain.models import Kind
from haicap.tui.cli.main import main

_SESSION = """format: haicap-session/1
session:
  date: {date}
  province: Thanh Hóa
  leader: {{name: Trịnh Tuấn Sinh, title: Phó Bí thư Tỉnh ủy}}
  title: {title}
  source: {source}
communes: {communes}
items:
  - {{kind: {kind}, text: {text}}}
"""


def _yaml(**fields: str) -> str:
    values = {
        "date": "2025-11-25",
        "title": "Làm việc với xã Ngọc Trạo",
        "source": "Báo Thanh Hóa",
        "communes": "[xã Ngọc Trạo]",
        "kind": "request",
        "text": "Đề nghị tỉnh hỗ trợ kinh phí.",
    }
    return _SESSION.format(**{**values, **fields})


def _json(**changes: object) -> str:
    data: dict[str, object] = {
        "format": "haicap-session/1",
        "session": {"date": "2025-11-25", "province": "Thanh Hóa", "leader": "Trịnh Tuấn Sinh", "title": "Làm việc"},
        "communes": ["xã Ngọc Trạo"],
        "items": [{"kind": "request", "text": "Đề nghị tỉnh hỗ trợ kinh phí."}],
    }
    for dotted, value in changes.items():
        target: dict = data
        *path, last = dotted.split(".")
        for key in path:
            target = target[key]
        target[last] = value
    return json.dumps(data, ensure_ascii=False)


_LAUGHS = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
)
"""The "billion laughs": 491 bytes that expand to 9**9 strings when aliases are followed."""


def _docx(document_xml: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _inflating_docx() -> bytes:
    """A 40 MB part that its zip stores in 40 kB: under the old 200 MB directory check,
    python-docx parsed all of it (seconds and hundreds of MB for nothing)."""
    body = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    return _docx(body + b" " * (40 * 1024 * 1024) + b"</w:body></w:document>")


def _hostile_files(folder: Path) -> None:
    folder.mkdir()
    files: dict[str, str | bytes] = {
        "laughs-communes.yaml": _LAUGHS + _yaml(communes="*i"),
        "laughs-kind.yaml": _LAUGHS.replace("\n", "\n", 1) + _yaml(kind="*i"),
        "anchor.yaml": _yaml(title="&t Làm việc"),
        "deep.json": "[" * 100_000 + "]" * 100_000,
        "deep-object.json": '{"a":' * 100_000 + "1" + "}" * 100_000,
        "deep-flow.yaml": "[" * 100_000 + "]" * 100_000,
        "deep-block.yaml": "- " * 100_000 + "x\n",
        "duplicate.json": _json().replace('"format"', '"items": [], "format"', 1),
        "duplicate.yaml": _yaml() + "items: []\n",
        "title-number.yaml": _yaml(title="2025"),
        "source-bool.yaml": _yaml(source="no"),
        "text-number.json": _json(items=[{"kind": "request", "text": 5}]),
        "text-bool.yaml": _yaml(text="yes"),
        "commune-number.json": _json(communes=[15250]),
        "kind-number.json": _json(items=[{"kind": 3, "text": "Đề nghị."}]),
        "leader-list.json": _json(**{"session.leader": ["a", "b"]}),
        "date-9999.yaml": _yaml(date="9999-12-31"),
        "date-0001.json": _json(**{"session.date": "0001-01-01"}),
        "date-1999.yaml": _yaml(date="1999-12-31"),
        "date-2101.json": _json(**{"session.date": "2101-01-01"}),
        "date-feb-30.yaml": _yaml(date="2025-02-30"),
        "date-number.json": _json(**{"session.date": 20251125}),
        "not-utf8.yaml": _yaml().encode("utf-16"),
        "huge.yaml": b"# " + b"x" * (6 * 1024 * 1024),
        "empty.json": b"",
        "list.json": "[1, 2, 3]",
        "scalar.yaml": "just text\n",
        "inflating.docx": _inflating_docx(),
        "many-parts.docx": _docx(b"<w:document/>", {f"p/{n}.xml": b"" for n in range(6000)}),
        "not-a-zip.docx": b"PK\x03\x04 this is no zip",
        "inflating.doc": _inflating_docx(),
        "report.pdf.exe": b"MZ",
        "text-9999.txt": "Ngày 31/12/9999, đồng chí Chủ tịch UBND tỉnh Thanh Hóa làm việc với xã Ngọc Trạo.\n"
        "Xã đề nghị tỉnh hỗ trợ kinh phí khắc phục sạt lở.\n",
        "name\nwith newline.yaml": "",
        "name-\x1b[31mred.yaml": "",
    }
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A seeded store and the hostile files, made once for the whole table."""
    root = tmp_path_factory.mktemp("bad-values")
    store_path = root / "store"
    with Store.open(store_path) as store:
        store.ensure_seeded()
        ids = {
            name: next(item.id for item in store.items() if item.kind is kind)
            for name, kind in (("request", Kind.REQUEST), ("directive", Kind.DIRECTIVE), ("achievement", Kind.ACHIEVEMENT))
        }
    _hostile_files(root / "files")
    return store_path, {**ids, "files": str(root / "files")}


# (command line, words the one line must hold, exit code)
BAD: list[tuple[str, tuple[str, ...], int]] = [
    # -- config: bounds on settings ------------------------------------------------------
    ("config --answer-days 3000000", ("--answer-days", "at most 3650"), 2),
    ("config --answer-days 1e20", ("--answer-days", "'1e20'", "not a whole number"), 2),
    ("config --answer-days 10**12", ("--answer-days", "not a whole number"), 2),
    ("config --answer-days 3651", ("at most 3650",), 2),
    ("config --answer-days 0", ("positive",), 2),
    ("config --answer-days -1", ("positive",), 2),
    ("config --answer-days abc", ("'abc'",), 2),
    ("config --answer-days 1_000", ("'1_000'",), 2),
    ("config --answer-days 40.5", ("'40.5'",), 2),
    ("config --answer-days ٤٠", ("not a whole number",), 2),
    ("config --answer-days 99999999999999999999999999999999", ("far too large",), 2),
    ("config --answer-days-with-co 3000000", ("--answer-days-with-co", "at most 3650"), 2),
    ("config --answer-days-with-co 1e20", ("--answer-days-with-co",), 2),
    ("config --answer-days 40 --answer-days-with-co 0", ("--answer-days-with-co",), 2),
    ("config --backups 1000000000000", ("--backups", "at most 1000"), 2),
    ("config --backups 1001", ("at most 1000",), 2),
    ("config --backups 0", ("at least 1",), 2),
    ("config --backups -5", ("at least 1",), 2),
    ("config --backups 1e3", ("not a whole number",), 2),
    # -- set: dates and the session ------------------------------------------------------
    ("set {directive} --done 0001-01-01", ("--done", "nằm ngoài các năm 2000–2100"), 2),
    ("set {directive} --done 9999-12-31", ("--done", "nằm ngoài các năm 2000–2100"), 2),
    ("set {directive} --done 2025-01-01", ("--done", "trước ngày phiên làm việc của mục"), 2),
    ("set {request} --deadline 9999-12-31", ("--deadline", "nằm ngoài"), 2),
    ("set {request} --deadline 31/12/1999", ("--deadline", "1999-12-31", "nằm ngoài"), 2),
    ("set {request} --deadline 2101-01-01", ("nằm ngoài",), 2),
    ("set {request} --deadline 2025-02-30", ("không phải là ngày có thật",), 2),
    ("set {request} --deadline tomorrow", ("'tomorrow'", "không phải là ngày"), 2),
    ("set {request} --deadline \x1b[2J", ("␛[2J",), 2),
    ("set {request} --done 2024-12-31", ("trước ngày phiên làm việc của mục",), 2),
    ("set {directive} --status done --done none", ("mâu thuẫn",), 1),
    ("set {directive} --answer x", ("chỉ kiến nghị",), 1),
    ("set {achievement} --owner x", ("chỉ kiến nghị và chỉ đạo",), 1),
    ("set {request} --status nonsense", ("không phải là tình trạng của kiến nghị",), 1),
    ("set {request}", ("không có gì để thay đổi",), 2),
    ("set zzzz --note x", ("zzzz",), 1),
    ("set ab --note x", ("không có mục nào",), 1),
    # -- --today and the listing commands ------------------------------------------------
    ("items --today 9999-12-31", ("--today", "nằm ngoài"), 2),
    ("items --today 0001-01-01", ("--today", "nằm ngoài"), 2),
    ("items --today 2025-13-01", ("--today",), 2),
    ("items --kind nonsense", ("--kind", "not a kind"), 2),
    ("items --status nonsense", ("--status",), 2),
    ("items --commune nowhere-at-all", ("--commune",), 2),
    ("items --province Atlantis", ("--province", "Atlantis"), 2),
    ("items --commune \x1b]0;pwned\x07", ("␛]0;pwned␇",), 2),
    ("item zzzzzz", ("zzzzzz",), 1),
    ("item ab", ("không có mục nào",), 1),
    ("restore-item zzzzzz", ("zzzzzz",), 1),
    ("search --today 9999-01-01 ngoc", ("--today", "nằm ngoài"), 2),
    ("restore 1000000000000", ("no backup",), 1),
    ("restore abc", ("'abc'",), 2),
    ("restore 0", ("positive",), 2),
    ("present --session zzzz", ("zzzz",), 1),
    ("synth --communes 1e20 --db {files}/synth", ("--communes",), 2),
    ("stress --writers 1e20 --db {files}/stress", ("--writers",), 2),
    # -- export ----------------------------------------------------------------------------
    ("export -o {files}/minutes.pdf", ("-o", ".pdf", "cannot write"), 2),
    ("export -o {files}/minutes.txt", (".txt",), 2),
    ("export -o {files}/minutes.docx.exe", (".exe",), 2),
    ("export --format pdf -o {files}/m.docx", ("--format", "'pdf'"), 2),
    ("export -o - --format docx", ("binary",), 2),
    ("export --session zzzz -o {files}/m.md", ("zzzz",), 1),
    ("export --today 9999-12-31 -o {files}/m.md", ("nằm ngoài",), 2),
    # -- import and extract: hostile files -----------------------------------------------
    ("import {files}/laughs-communes.yaml", ("laughs-communes.yaml", "neo YAML"), 1),
    ("import {files}/laughs-kind.yaml", ("laughs-kind.yaml", "không được dùng"), 1),
    ("import {files}/anchor.yaml", ("neo YAML",), 1),
    ("import {files}/deep.json", ("deep.json", "lồng nhau quá 50"), 1),
    ("import {files}/deep-object.json", ("lồng nhau quá 50",), 1),
    ("import {files}/deep-flow.yaml", ("lồng nhau quá 50",), 1),
    ("import {files}/deep-block.yaml", ("lồng nhau quá 50",), 1),
    ("import {files}/duplicate.json", ("khóa 'items' bị lặp",), 1),
    ("import {files}/duplicate.yaml", ("khóa 'items' bị lặp",), 1),
    ("import {files}/title-number.yaml", ("session.title", "phải là chữ", "int"), 1),
    ("import {files}/source-bool.yaml", ("session.source", "có/không"), 1),
    ("import {files}/text-number.json", ("items[1].text", "phải là chữ"), 1),
    ("import {files}/text-bool.yaml", ("items[1].text", "có/không"), 1),
    ("import {files}/commune-number.json", ("communes", "bằng chữ"), 1),
    ("import {files}/kind-number.json", ("loại 3",), 1),
    ("import {files}/leader-list.json", ("session.leader",), 1),
    ("import {files}/date-9999.yaml", ("9999-12-31", "nằm ngoài các năm 2000–2100"), 1),
    ("import {files}/date-0001.json", ("0001-01-01", "nằm ngoài"), 1),
    ("import {files}/date-1999.yaml", ("1999-12-31", "nằm ngoài"), 1),
    ("import {files}/date-2101.json", ("2101-01-01", "nằm ngoài"), 1),
    ("import {files}/date-feb-30.yaml", ("date-feb-30.yaml",), 1),
    ("import {files}/date-number.json", ("session.date", "phải là chữ"), 1),
    ("import {files}/not-utf8.yaml", ("không phải văn bản UTF-8",), 1),
    ("import {files}/huge.yaml", ("MB",), 1),
    ("import {files}/empty.json", ("rỗng",), 1),
    ("import {files}/list.json", ("bảng khóa–giá trị",), 1),
    ("import {files}/scalar.yaml", ("bảng khóa–giá trị",), 1),
    ("import {files}/inflating.docx", ("giải nén ra hơn 32 MB",), 1),
    ("import {files}/inflating.doc", ("giải nén ra hơn 32 MB",), 1),
    ("import {files}/many-parts.docx", ("6002 phần",), 1),
    ("import {files}/not-a-zip.docx", ("bị hỏng",), 1),
    ("import {files}/report.pdf.exe", ("không hỗ trợ",), 1),
    ("import {files}/text-9999.txt", ("text-9999.txt",), 1),
    ("import {files}/no-such-file.yaml", ("không có tệp này",), 1),
    ("import {files}", ("thư mục",), 1),
    ("import {files}/name\nwith newline.yaml", ("name␊with newline.yaml", "rỗng"), 1),
    ("import {files}/name-\x1b[31mred.yaml", ("name-␛[31mred.yaml",), 1),
    ("import --date 01/02/2025 {files}/deep.json", ("lồng nhau",), 1),
    ("extract {files}/laughs-communes.yaml", ("neo YAML",), 1),
    ("extract {files}/deep.json", ("lồng nhau",), 1),
    ("extract {files}/inflating.docx", ("giải nén",), 1),
    ("extract {files}/name\nwith newline.yaml", ("␊",), 1),
    ("eval {files}/no-such-folder", ("not a folder",), 1),
]

_ARGPARSE: list[tuple[str, tuple[str, ...]]] = [
    # argparse reports these itself (usage line + error line), before any handler runs.
    ("import --date 31/12/9999 {files}/date-9999.yaml", ("9999-12-31", "nằm ngoài các năm 2000–2100")),
    ("import --date 01/01/0001 {files}/date-9999.yaml", ("nằm ngoài",)),
    ("import --date \x1b[31m {files}/date-9999.yaml", ("␛[31m",)),
    ("extract --date 31/12/9999 {files}/text-9999.txt", ("nằm ngoài",)),
]


def _argv(line: str, db: Path, names: dict[str, str]) -> list[str]:
    # Split on spaces, except inside the two file names made to hold odd characters.
    marked = line.replace("name\nwith newline", "name\nwith\0newline")
    return ["--db", str(db)] + [part.replace("\0", " ").format(**names) for part in marked.split(" ")]


def _run(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as stop:  # argparse
        return int(stop.code or 0)


@pytest.mark.parametrize(("line", "words", "code"), BAD, ids=[row[0][:60] for row in BAD])
def test_a_bad_value_is_one_line_and_leaves_the_store_alone(
    line: str, words: tuple[str, ...], code: int, seeded: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    db, names = seeded
    before = (db / "haicap.json").read_bytes()
    started = time.monotonic()
    assert _run(_argv(line, db, names)) == code
    elapsed = time.monotonic() - started
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("haicap: ")
    assert "Traceback" not in captured.err + captured.out
    assert "\x1b" not in captured.err
    for word in words:
        assert word.format(**names) in lines[0]
    assert (db / "haicap.json").read_bytes() == before
    assert elapsed < 2.0, f"took {elapsed:.1f} s"


@pytest.mark.parametrize(("line", "words"), _ARGPARSE, ids=[row[0][:50] for row in _ARGPARSE])
def test_a_bad_option_value_is_a_usage_error_naming_it(
    line: str, words: tuple[str, ...], seeded: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    db, names = seeded
    before = (db / "haicap.json").read_bytes()
    assert _run(_argv(line, db, names)) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "\x1b" not in err
    error_line = err.strip().splitlines()[-1]
    assert "--date" in error_line
    for word in words:
        assert word in error_line
    assert (db / "haicap.json").read_bytes() == before


def test_the_table_covers_every_subcommand_that_takes_values() -> None:
    commands = {line.split(" ", 1)[0] for line, _, _ in BAD}
    wanted = {
        "config",
        "set",
        "items",
        "item",
        "restore-item",
        "search",
        "restore",
        "present",
        "synth",
        "stress",
        "export",
        "import",
        "extract",
        "eval",
    }
    assert wanted <= commands
    assert len(BAD) + len(_ARGPARSE) >= 60
