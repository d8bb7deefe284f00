"""The lines of a PDF's text layer, with where they sit on the page: run as a child process.

`store.ingest.documents.pdf` starts this file with the PDF's bytes on standard input and reads one
JSON object from standard output. PDF parsers can loop, recurse or swell on a crafted or
broken file, and a thread cannot be stopped; a child process can be killed at a deadline,
and it caps its own memory and CPU time here before it parses anything. The file imports
only the standard library and pdfplumber (run with `python -P`, it needs nothing of haicap).

The answer is `{"pages": [...]}` with, per page, its size, how many characters and images it
has and its text lines (`[text, x0, x1, top, bottom, font size, bold]`, in points from the
top-left corner), or `{"error": CODE, "detail": ...}` with CODE one of "password",
"too_many_pages", "too_much_text", "missing" (pdfplumber is not installed) or "damaged".
"""

from __future__ import annotations

import io
import json
import statistics
import sys
from typing import Any

# Memory and CPU time the child may use before the kernel stops it: 250 pages of dense text
# take about 60 MB and 15 s; a decompression bomb or a loop gets no further.
_MEMORY_LIMIT = 1024 * 1024 * 1024
_CPU_SECONDS = 150


def main() -> None:
    """Read a PDF on stdin, write its lines (or why it cannot be read) as JSON on stdout."""
    _limit_resources()
    max_pages, max_chars = (int(value) for value in sys.argv[1:3])
    raw = sys.stdin.buffer.read()
    try:
        answer = read_lines(raw, max_pages, max_chars)
    except ModuleNotFoundError as error:
        answer = {"error": "missing", "detail": error.name or "pdfplumber"}
    except Exception as error:  # noqa: BLE001 - pdfminer raises anything on a broken file
        answer = {"error": "password" if _is_password_error(error) else "damaged", "detail": _detail(error)}
    sys.stdout.buffer.write(json.dumps(answer, ensure_ascii=False).encode("utf-8"))


def _limit_resources() -> None:
    try:
        import resource
    except ImportError:  # Windows: the parent's deadline still stops the child
        return
    for limit, value in ((resource.RLIMIT_AS, _MEMORY_LIMIT), (resource.RLIMIT_CPU, _CPU_SECONDS)):
        try:
            _, hard = resource.getrlimit(limit)
            resource.setrlimit(limit, (value if hard == resource.RLIM_INFINITY else min(value, hard), hard))
        except (ValueError, OSError):
            pass


def _detail(error: BaseException) -> str:
    """What went wrong, from the error pdfminer raised rather than pdfplumber's wrapper around it."""
    inner = error.args[0] if error.args and isinstance(error.args[0], BaseException) else error.__cause__
    if not isinstance(inner, BaseException):
        inner = error
    if isinstance(inner, MemoryError):
        return "too large when unpacked"
    if isinstance(inner, RecursionError):
        return "nested too deeply"
    return type(inner).__name__


def _is_password_error(error: BaseException) -> bool:
    """pdfplumber wraps pdfminer's errors; look through the wrapping for a password refusal."""
    seen: list[BaseException] = []
    todo: list[Any] = [error]
    while todo and len(seen) < 20:
        item = todo.pop()
        if not isinstance(item, BaseException) or item in seen:
            continue
        seen.append(item)
        if type(item).__name__ in {"PDFPasswordIncorrect", "PDFEncryptionError"}:
            return True
        todo.extend([item.__cause__, item.__context__, *item.args])
    return False


def read_lines(raw: bytes, max_pages: int, max_chars: int) -> dict[str, Any]:
    """The pages of the PDF in `raw` as plain data; see the module docstring."""
    import pdfplumber
    from pdfminer.pdfpage import PDFPage
    from pdfplumber.page import Page

    pages: list[dict[str, Any]] = []
    total = 0
    with pdfplumber.open(io.BytesIO(raw)) as pdf:
        # pdf.pages would build every page first; a file can claim a million of them.
        for number, pdf_page in enumerate(PDFPage.create_pages(pdf.doc), start=1):
            if number > max_pages:
                return {"error": "too_many_pages", "detail": max_pages}
            page = Page(pdf, pdf_page, page_number=number, initial_doctop=0)
            lines = [_line(line) for line in page.extract_text_lines(strip=True, return_chars=True)]
            total += sum(len(line[0]) for line in lines)
            if total > max_chars:
                return {"error": "too_much_text", "detail": max_chars}
            pages.append(
                {
                    "width": float(page.width),
                    "height": float(page.height),
                    "chars": len(page.chars),
                    "unmapped": sum(1 for char in page.chars if str(char.get("text", "")).startswith("(cid:")),
                    "images": len(page.images),
                    "lines": lines,
                }
            )
            page.close()
    return {"pages": pages}


def _line(line: dict[str, Any]) -> list[Any]:
    chars = [char for char in line.get("chars", ()) if str(char.get("text", "")).strip()]
    size = statistics.median(float(char.get("size", 0)) for char in chars) if chars else 0.0
    bold = bool(chars) and all(_is_bold(str(char.get("fontname", ""))) for char in chars)
    return [
        str(line["text"]),
        round(float(line["x0"]), 2),
        round(float(line["x1"]), 2),
        round(float(line["top"]), 2),
        round(float(line["bottom"]), 2),
        round(size, 2),
        bold,
    ]


def _is_bold(fontname: str) -> bool:
    # "ABCDEF+TimesNewRomanPS-BoldMT", "Arial,Bold", "LiberationSerif-Bold", "DejaVuSans-BoldOblique"
    name = fontname.split("+", 1)[-1].lower()
    return any(word in name for word in ("bold", "black", "heavy", "semibold", "demi"))


if __name__ == "__main__":
    main()
