"""The lines at the top of the overview and late views: where the user is, then a summary.

Nothing in the header wraps where the terminal happens to end. The first line takes the
longest wording of its facts that fits (`Fact`: "Tỉnh Thanh Hóa", then "Thanh Hóa"); a
summary line too long for the width breaks only where its parts meet (`Summary`), the
rest indented under the first part, so "quá hạn 0" never ends up alone on a line.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from textual.content import Content
from textual.widget import Widget

from haicap.tui.literal import literal

__all__ = ["Fact", "Summary", "ViewHeader"]

SEP = " │ "
"""Between the parts of the first line."""


@dataclass(frozen=True)
class Fact:
    """A fact of the first line in its wordings, longest first; the header shows the
    longest that leaves the line within the width."""

    wordings: tuple[Content, ...]

    @classmethod
    def of(cls, *wordings: Content) -> Fact:
        """The fact worded `wordings`, longest first."""
        return cls(tuple(wordings))


@dataclass(frozen=True)
class Summary:
    """A summary line in parts: on one line when it fits, else a line per run of parts
    that fits, each after the first indented by `indent` columns. On a line, parts are
    joined by a space."""

    parts: tuple[Content, ...]
    indent: int = 0

    def lines(self, width: int) -> list[Content]:
        """The line, or the lines it breaks into, within `width` where the parts allow."""
        lines: list[Content] = []
        current: list[Content] = []
        for part in self.parts:
            if current and Content(" ").join([*current, part]).cell_length > width:
                lines.append(Content(" ").join(current))
                current = [literal(" " * (self.indent - 1))] if self.indent > 1 else []
            current.append(part)
        lines.append(Content(" ").join(current))
        return lines


class ViewHeader(Widget):
    """Says which view this is and what it shows; the parent calls `show` when that changes."""

    DEFAULT_CSS = """
    ViewHeader {
        height: auto;
        padding: 0 1;
        background: $panel;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._title = ""
        self._facts: tuple[Fact, ...] = ()
        self._summary: tuple[Summary, ...] = ()

    def show(self, title: str, facts: Sequence[Content | Fact], summary: Sequence[Content | Summary] = ()) -> None:
        """One line "haicap │ title │ fact │ fact…", then each line of `summary`."""
        self._title = title
        self._facts = tuple(fact if isinstance(fact, Fact) else Fact.of(fact) for fact in facts)
        self._summary = tuple(line if isinstance(line, Summary) else Summary((line,)) for line in summary)
        self.refresh(layout=True)

    def lines(self, width: int) -> list[Content]:
        """What the header shows in `width` columns, line by line."""
        lines = [self._first_line(width)]
        for summary in self._summary:
            lines += summary.lines(width)
        return lines

    def render(self) -> Content:
        return Content("\n").join(self.lines(max(1, self.content_region.width or self.size.width)))

    def get_content_height(self, container, viewport, width: int) -> int:  # type: ignore[no-untyped-def]
        return len(self.lines(max(1, width)))

    def _first_line(self, width: int) -> Content:
        """The first line that fits `width` and gives up the least: each fact's wording
        costs its rank squared (0, 1, 4…: a second shortening of one fact costs more than
        a first one of two), leaving out the "haicap" mark costs 1.5; among equal costs
        the longest line wins. When nothing fits, the last facts are left out ("…")."""
        brand = [literal("haicap", "bold $accent"), literal(SEP)]
        title = literal(self._title, "bold")

        def line(with_brand: bool, wordings: Sequence[Content], complete: bool = True) -> Content:
            parts = [*(brand if with_brand else []), title]
            for wording in wordings:
                parts += [literal(SEP), wording]
            if not complete:
                parts += [literal(SEP), literal("…")]
            return Content.assemble(*parts)

        best: tuple[float, int, Content] | None = None
        for levels in itertools.product(*(range(len(fact.wordings)) for fact in self._facts)):
            wordings = [fact.wordings[level] for fact, level in zip(self._facts, levels, strict=True)]
            for with_brand in (True, False):
                candidate = line(with_brand, wordings)
                if candidate.cell_length > width:
                    continue
                cost = sum(level * level for level in levels) + (0 if with_brand else 1.5)
                if best is None or (cost, -candidate.cell_length) < best[:2]:
                    best = (cost, -candidate.cell_length, candidate)
        if best is not None:
            return best[2]
        shortest = [fact.wordings[-1] for fact in self._facts]
        for count in reversed(range(len(shortest))):
            candidate = line(False, shortest[:count], complete=False)
            if candidate.cell_length <= width or count == 0:
                return candidate
        return line(False, shortest)
