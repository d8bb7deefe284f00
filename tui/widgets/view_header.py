"""The lines at the top of the overview and late views: where the user is, then a summary."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from haicap.tui.literal import literal

__all__ = ["ViewHeader"]


class ViewHeader(Static):
    """Says which view this is and what it shows; the parent calls `show` when that changes."""

    DEFAULT_CSS = """
    ViewHeader {
        height: auto;
        padding: 0 1;
        background: $panel;
        color: $foreground;
    }
    """

    def show(self, title: str, facts: Sequence[Content], summary: Content | None = None) -> None:
        """One line "haicap │ title │ fact │ fact…", then `summary` (wrapped) when given."""
        parts: list[Content] = [literal("haicap", "bold $accent"), literal(" │ "), literal(title, "bold")]
        for fact in facts:
            parts += [literal(" │ "), fact]
        line = Content.assemble(*parts)
        self.update(Content("\n").join([line, summary]) if summary is not None else line)
