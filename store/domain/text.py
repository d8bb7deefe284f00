"""Vietnamese text helpers: normalisation on the way in, folding for search, sort keys.

Everything that compares Vietnamese strings goes through this module, so the rules
("ngoc trao" finds "Ngọc Trạo", "Hoà" equals "Hòa") live in one place.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

__all__ = ["ELLIPSIS", "clean", "fold", "matches", "one_line", "shorten", "sort_key", "visible"]

_SPACES = re.compile(r"\s+")

# Letters whose diacritic is not a combining mark after NFD, so stripping marks misses them.
_STROKE_LETTERS = str.maketrans({"đ": "d", "Đ": "D"})

# Old-style tone placement ("hoà", "thuỷ") and new style ("hòa", "thủy") are the same word;
# NFC keeps them distinct, so folding maps both to the same letters (tones are dropped anyway).

# The Vietnamese alphabet in dictionary order; letters with a modifier (ă â đ ê ô ơ ư)
# sort after their base letter. Tone marks only break ties.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_ALPHABET_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng


# Characters that show nothing but split a word for every comparison: zero-width space and
# joiners, the word joiner, a byte-order mark inside a text, the soft hyphen. Web pages and
# word processors leave them in copied text, where "xã\u200b" would no longer be "xã".
_INVISIBLE = str.maketrans(dict.fromkeys(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]))
_FOLD_TABLE = {**_STROKE_LETTERS, **_INVISIBLE}


def clean(text: str) -> str:
    """Return `text` in NFC, without invisible characters, with runs of whitespace collapsed
    to one space and ends trimmed.

    This is what every piece of text from outside goes through before it is stored.
    """
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text.translate(_INVISIBLE))).strip()


def fold(text: str) -> str:
    """Return `text` lower-cased, without diacritics, whitespace collapsed: the search form.

    >>> fold("Ngọc  Trạo")
    'ngoc trao'
    >>> fold("Đông Hà") == fold("dong ha")
    True
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_TABLE))
    # One character class instead of a call per character: the reader folds every sentence of
    # every imported article (twice as fast as `str.translate` with a table of the marks).
    # Marks beyond the BMP are rare; they take the slow way.
    stripped = _marks().sub("", decomposed)
    if not stripped.isascii() and any(ord(ch) > 0xFFFF for ch in stripped):
        stripped = "".join(ch for ch in stripped if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip().casefold()


@cache
def _no_marks() -> dict[int, None]:
    """Every combining mark of the Basic Multilingual Plane, mapped to nothing (see `fold`):
    made on the first fold (3 ms), which many commands (`haicap item ID`, `set ID --note`) never need."""
    return {code: None for code in range(0x10000) if unicodedata.combining(chr(code))}


@cache
def _marks() -> re.Pattern[str]:
    """Runs of the marks of `_no_marks`, as one character class of ranges."""
    codes = sorted(_no_marks())
    ranges: list[tuple[int, int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return re.compile("[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "]+")


def matches(query: str, text: str) -> bool:
    """Tell whether every word of `query` starts a word of `text` or appears inside it, ignoring diacritics and case.

    An empty query matches everything. Words may come in any order, so "tan kim"
    still finds "Kim Tân"; a word may be a fragment ("trao" finds "Ngọc Trạo").
    """
    haystack = fold(text)
    return all(word in haystack for word in fold(query).split())


def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Return a key that sorts Vietnamese words in dictionary order (a ă â b … đ … y).

    Letters compare first without tones; tones break ties in the order
    ngang, huyền, hỏi, ngã, sắc, nặng. Characters outside the alphabet sort after it.
    """
    letters: list[int] = []
    tones: list[int] = []
    for char in unicodedata.normalize("NFC", text).lower():
        # Each character's rank and tone once per process: the registry sorts 3,321 names.
        known = _CHAR_KEYS.get(char)
        if known is None:
            known = _CHAR_KEYS[char] = _char_key(char)
        letters.append(known[0])
        tones.append(known[1])
    return tuple(letters), tuple(tones)


def _char_key(char: str) -> tuple[int, int]:
    """The rank of `char`'s letter without its tone, and the tone (0 for none)."""
    marks = unicodedata.normalize("NFD", char)
    tone = next((_TONES[m] for m in marks if m in _TONES), 0)
    # Recompose without the tone: "ợ" -> "ơ", "ấ" -> "â"; the result is a letter of the alphabet.
    letter = unicodedata.normalize("NFC", "".join(m for m in marks if m not in _TONES))
    if letter in _ALPHABET_RANK:
        return _ALPHABET_RANK[letter], tone
    if letter == " ":
        return -1, tone  # "An Lộc" before "Anh Sơn": a word ends before a longer one
    return len(_ALPHABET) + ord(letter[0]), tone


_CHAR_KEYS: dict[str, tuple[int, int]] = {}
"""`_char_key` of each character `sort_key` has met."""


# -- showing text from outside on a terminal --------------------------------------------
# Item text may hold ESC, NUL or bidi overrides (pasted, imported, edited by hand). The
# dashboard and the command line both print it through `visible`, so it can never move
# the cursor, recolour the terminal or reorder a line.

# Bidirectional controls reorder what follows them; show them as their code point instead.
_BIDI_CONTROLS = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C}


def _visible_char(char: str) -> str:
    code = ord(char)
    if char in "\n\t":
        return char
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures": ␛ for ESC, ␀ for NUL
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0x80 <= code < 0xA0 or code in _BIDI_CONTROLS:
        return f"<U+{code:04X}>"
    return char


_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
"""The characters `_visible_char` replaces (a tab or a newline stays)."""


def visible(text: str) -> str:
    """Return `text` with every control character replaced by a visible stand-in."""
    if text.isprintable() or not _CONTROLS.search(text):
        return text
    return _CONTROLS.sub(lambda match: _visible_char(match.group()), text)


_LINE_BREAKS = str.maketrans({"\t": "\u2409", "\n": "\u240a", "\r": "\u240d"})


ELLIPSIS = "…"
"""What ends a text cut short."""


def shorten(text: str, width: int, *, at_word: bool = False) -> str:
    """`text` cut to at most `width` characters, ending with "…" when cut.

    The one rule for every one-line mention of a longer text (messages, table cells, log
    lines): a space just before the "…" is dropped, so "hai ba…", never "hai ba …".
    With `at_word` (titles, sentences people read), the cut falls between words, so
    "các phường: Bình…" is never "các phường: Bì…"; a text with no space in reach is
    still cut where it must.
    """
    if len(text) <= width:
        return text
    kept = text[: max(0, width - 1)]
    if at_word and not text[len(kept)].isspace():
        space = max(kept.rfind(" "), kept.rfind("\n"))
        if space > 0:
            kept = kept[:space]
    return kept.rstrip() + ELLIPSIS


def one_line(text: str) -> str:
    """`visible`, and tabs and line breaks as control pictures too (␉ ␊ ␍): for what must stay
    on one line, a file name in a message or a cell of a table."""
    return text if text.isprintable() else visible(text.translate(_LINE_BREAKS))
