"""Text from outside, made safe for documents: no characters XML refuses, nothing that reorders.

Report text comes from articles, Word files and other officers' edits. Word (.docx) and
Excel (.xlsx) files are XML, and XML 1.0 forbids most C0 control characters (NUL, ESC …):
python-docx and openpyxl raise on them, so one stray byte would make the whole export
fail. Such characters are replaced by the visible stand-ins the dashboard shows (␀, ␛,
<U+202E>), so the officer reading the document sees that something odd was there rather
than losing it silently. Bidirectional controls are made visible too: in a document they
would reorder the text that follows them, exactly as they would on a terminal.
"""

from __future__ import annotations

import re
import unicodedata

from ..text import fold

__all__ = ["safe_text", "slug"]

# Bidirectional controls reorder what follows them; shown as their code point instead.
_BIDI_CONTROLS = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C}


def _stand_in(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures": ␀ for NUL, ␛ for ESC
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
        return "\ufffd"  # a lone surrogate or a non-character: not encodable, not XML
    return f"<U+{code:04X}>"  # C1 controls and bidi controls


def _unsafe(char: str) -> bool:
    code = ord(char)
    return (
        code < 0x20
        or 0x7F <= code < 0xA0
        or code in _BIDI_CONTROLS
        or 0xD800 <= code <= 0xDFFF
        or code in (0xFFFE, 0xFFFF)
    )


def safe_text(text: str, *, keep_newlines: bool = False) -> str:
    """`text` in NFC with every control character replaced by a visible stand-in.

    Tabs and newlines become spaces (items are one line each), unless `keep_newlines`,
    which keeps newlines for multi-line fields such as a note.
    """
    text = unicodedata.normalize("NFC", text)
    if text.isprintable():  # the common case: nothing to do
        return text
    out = []
    for char in text:
        if char == "\n" and keep_newlines:
            out.append(char)
        elif char in "\t\n\r":
            out.append(" ")
        elif _unsafe(char):
            out.append(_stand_in(char))
        else:
            out.append(char)
    return "".join(out)


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """ASCII file-name form: "xã Ngọc Trạo" -> "xa-ngoc-trao" (diacritics and đ folded)."""
    return _NOT_SLUG.sub("-", fold(text)).strip("-")
