"""Show text from reports exactly as written, never as markup or terminal commands.

Report text comes from outside (articles, Word files, other people's edits). Rich markup
in it (`[bold]`, `[link=…]`) must show as typed, and control characters (ESC, NUL, bidi
overrides) must not reach the terminal, where they could move the cursor, change colours
or reorder the line. Every widget builds its content from report text through `literal`.
"""

from __future__ import annotations

from textual.content import Content

__all__ = ["visible", "literal"]

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


def visible(text: str) -> str:
    """Return `text` with every control character replaced by a visible stand-in."""
    if text.isprintable():
        return text
    return "".join(_visible_char(char) for char in text)


def literal(text: str, style: str = "") -> Content:
    """Return `text` as Textual content that is displayed literally, optionally styled."""
    content = Content(visible(text))
    return content.stylize(style) if style else content
