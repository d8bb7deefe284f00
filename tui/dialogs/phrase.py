"""A translated sentence whose placeholders are styled pieces of their own.

`_("Sessions with {commune}")` is "Phiên làm việc với {commune}" in Vietnamese; the
commune's name is bold while the words around it are dim, and another language may put
the name elsewhere in the sentence. `phrase` keeps the words of the translation literal
in one style and puts each piece where its placeholder is.
"""

from __future__ import annotations

from string import Formatter

from textual.content import Content

from haicap.tui.literal import literal

__all__ = ["phrase"]


def phrase(template: str, style: str = "", **pieces: Content) -> Content:
    """`template` (already translated) with its words in `style` and each `{name}` replaced
    by `pieces[name]`; a placeholder with no piece is left as written."""
    parts: list[Content] = []
    for text, name, _spec, _conversion in Formatter().parse(template):
        if text:
            parts.append(literal(text, style))
        if name is not None:
            parts.append(pieces[name] if name in pieces else literal(f"{{{name}}}", style))
    return Content.assemble(*parts)
