"""Show text from reports exactly as written, never as markup or terminal commands.

Report text comes from outside (articles, Word files, other people's edits). Rich markup
in it (`[bold]`, `[link=…]`) must show as typed, and control characters (ESC, NUL, bidi
overrides) must not reach the terminal, where they could move the cursor, change colours
or reorder the line. Every widget builds its content from report text through `literal`.

Report text can also be absurdly long: a whole article imported as one item, or a
100,000-character line with no spaces. Laying out such a text costs time on every
keypress that redraws it, so each place shows at most a bounded number of characters
(`LIST_LIMIT` in lists, `DETAIL_LIMIT` in the detail dialog) and says how many it left
out. `clip` is the one rule that decides what is kept; `bounded` and `short` apply it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from textual.content import Content

from haicap.store.domain.i18n import _, language
from haicap.store.domain.text import shorten, visible

__all__ = [
    "DETAIL_LIMIT",
    "LIST_LIMIT",
    "Clip",
    "bounded",
    "clip",
    "count_text",
    "literal",
    "marked",
    "short",
    "visible",
]

LIST_LIMIT = 1_000
"""Characters of an item's text shown in a list (panes, search hits, history values).
Real items are one sentence or clause (the seeds' longest is under 300 characters), so
only an anomaly is cut; 1,000 characters still wrap to about 20 lines of a pane."""

DETAIL_LIMIT = 20_000
"""Characters shown by the item detail dialog: about ten screens to scroll through, laid
out in a fraction of a second. Beyond it, layout grows with the text (about a second per
100,000 characters) and would freeze the screen."""

WORD_SLACK = 40
"""How far back from the limit a cut may move to end at a space instead of mid-word."""

MARK_STYLE = "dim italic"
"""How the "characters left out" marks look: apart from the text, which they are not."""


def literal(text: str, style: str = "") -> Content:
    """Return `text` as Textual content that is displayed literally, optionally styled."""
    content = Content(visible(text))
    return content.stylize(style) if style else content


@dataclass(frozen=True)
class Clip:
    """The part of a text that is shown, and how many characters were left out around it."""

    text: str
    """The characters kept, as stored (not yet made visible)."""
    before: int = 0
    """Characters left out before `text`."""
    after: int = 0
    """Characters left out after `text`."""

    @property
    def whole(self) -> bool:
        """Whether nothing was left out."""
        return not self.before and not self.after


def _start_of_word(text: str, start: int) -> int:
    """Move `start` forward to the next word when it would begin mid-word (a little at most)."""
    if start == 0 or text[start - 1].isspace():
        return start
    space = text.find(" ", start, start + WORD_SLACK)
    return space + 1 if space != -1 else start


def _end_of_word(text: str, start: int, end: int) -> int:
    """Move `end` back to a space when it would cut a word (a little at most), and never
    between a letter and the combining mark that belongs to it."""
    if end >= len(text):
        return len(text)
    space = text.rfind(" ", max(start + 1, end - WORD_SLACK), end + 1)
    if space != -1:
        return space
    while end > start + 1 and unicodedata.combining(text[end]):
        end -= 1
    return end


def clip(text: str, limit: int = LIST_LIMIT, around: int = 0) -> Clip:
    """The part of `text` to show in at most about `limit` characters.

    The part starts at the beginning, or, when `around` is given (a search match), a
    little before that offset so the match shows with some context. Cuts fall between
    words when a space is near, else anywhere (a 100,000-character "word" still shows).
    Counting is on the stored text, so the numbers the marks give are real characters.
    """
    if len(text) <= limit:
        return Clip(text)
    start = 0
    if around > 0:
        # A quarter of the room goes before the match, but never past the text's end.
        start = max(0, min(around - limit // 4, len(text) - limit))
        start = min(_start_of_word(text, start), around) if start else 0
    end = _end_of_word(text, start, start + limit)
    # Stored text has its whitespace collapsed, so a cut at a space leaves none at either end.
    return Clip(text[start:end], before=start, after=len(text) - end)


def count_text(count: int) -> str:
    """A number of characters as the language spoken writes it: "99.000" in Vietnamese,
    "99,000" in English. A space as separator would let the number wrap apart (Textual
    breaks lines at any whitespace, even a no-break space), and a count of characters
    cannot be read as a fraction."""
    grouped = f"{count:,}"
    return grouped if language() == "en" else grouped.replace(",", ".")


def marked(part: Clip, body: Content) -> Content:
    """`body` (the shown part, already literal) between marks saying what was left out:
    "… (+99.000 ký tự)" after it, "(… 45.000 ký tự trước) " before (in the language spoken)."""
    pieces = []
    if part.before:
        before = _("(… {count} characters before)").format(count=count_text(part.before))
        pieces.append(literal(before + " ", MARK_STYLE))
    pieces.append(body)
    if part.after:
        after = _("… (+{count} characters)").format(count=count_text(part.after))
        pieces.append(literal(" " + after, MARK_STYLE))
    return Content.assemble(*pieces) if len(pieces) > 1 else body


def bounded(text: str, limit: int = LIST_LIMIT, style: str = "") -> Content:
    """`literal(text, style)` cut to about `limit` characters, with a mark of what is left out."""
    part = clip(text, limit)
    return marked(part, literal(part.text, style))


def short(text: str, width: int, *, at_word: bool = False) -> str:
    """`text` made visible and cut to `width` characters with "…": for one-line mentions
    (notifications, table cells, dialog headings). Plain text: show it without markup.
    With `at_word`, the cut falls between words (see `shorten`)."""
    return shorten(visible(text[: width + 1]), width, at_word=at_word)  # more is never shown; visible() of it all would be slow
