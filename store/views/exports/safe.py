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

from haicap.store.domain.text import fold, visible

__all__ = ["safe_text", "slug"]

_SPACES = str.maketrans({"\t": " ", "\r": " ", "\n": " "})
_SPACES_KEEP_NEWLINES = str.maketrans({"\t": " ", "\r": " "})
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
"""Lone surrogates and the two non-characters: not encodable, not XML; shown as �."""


def safe_text(text: str, *, keep_newlines: bool = False) -> str:
    """`text` in NFC with every control character replaced by a visible stand-in.

    Tabs and newlines become spaces (items are one line each), unless `keep_newlines`,
    which keeps newlines for multi-line fields such as a note. The stand-ins are those
    of `store.domain.text.visible`, which the dashboard shows.
    """
    text = unicodedata.normalize("NFC", text)
    if text.isprintable():  # the common case: nothing to do
        return text
    text = text.translate(_SPACES_KEEP_NEWLINES if keep_newlines else _SPACES)
    return visible(_NOT_XML.sub("\ufffd", text))


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """ASCII file-name form: "xã Ngọc Trạo" -> "xa-ngoc-trao" (diacritics and đ folded)."""
    return _NOT_SLUG.sub("-", fold(text)).strip("-")
