"""One slide of the presenter, drawn large: a heading band, the entries, the progress mark.

The layout's fixed rows are written down here (`CHROME_ROWS`) next to the CSS that makes
them, so the presenter can ask how much room a page has (`body_rows`) and how much an
entry takes (`entry_rows`) before cutting parts into pages.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from haicap.store.domain.i18n import _
from haicap.store.views.slides import Deck, Entry, Part, Slide, SlideKind
from haicap.tui.literal import literal
from haicap.tui.widgets.slide_counts import SlideCounts

__all__ = ["MAX_WIDTH", "NUMBER_WIDTH", "SlideView"]

PADDING_X = 3
"""Columns left empty on each side of the slide."""

MAX_WIDTH = 96
"""Columns a slide takes at most: lines of about 90 characters, which a room reads at a
glance; on a wider terminal the slide stands in the middle."""

NUMBER_WIDTH = 5
"""Columns of an entry's number ("19." and a gap) before its text."""

CHROME_ROWS = 8
"""Rows of an items slide that are not the body: padding 1 + 1, the heading band 3, the
gaps above and below the body 1 + 1, the footer line 1; plus the `where` line, counted
by `body_rows`."""

COMPACT_BELOW = 30
"""A terminal shorter than this (80×24, a projector's low resolution) gets the compact slide
(the class `-compact`, set by the presenter): no padding above and below, a one-row heading
band and no blank line between entries (their numbers set them apart), so a page holds about
twice as many entries and a part takes half the slides."""

COMPACT_CHROME_ROWS = 4
"""`CHROME_ROWS` of the compact slide: the heading band 1, the gaps above and below the
body 1 + 1, the footer line 1; plus the `where` line."""


def entry_detail(entry: Entry) -> Content | None:
    """The line under an entry's text: its detail, then its overdue or due-soon mark; None when all are empty."""
    parts = []
    if entry.detail:
        parts.append(literal(entry.detail))
    if entry.overdue:
        parts.append(literal(entry.overdue, "bold $error"))
    if entry.due_soon:
        parts.append(literal(entry.due_soon, "bold $warning"))
    return Content("   ").join(parts) if parts else None


class _Body(VerticalScroll, can_focus=False):
    """The slide's body; it scrolls only if one entry is taller than the screen. It never
    takes the focus, so the arrows keep turning pages."""


class SlideView(Vertical):
    """Shows one slide; the presenter calls `show` with the slide and where it stands."""

    DEFAULT_CSS = """
    SlideView {
        width: 1fr;
        max-width: 96;
        height: 1fr;
        padding: 1 3;
        background: $background;
        & #slide-where {
            height: auto;
            color: $text-muted;
            text-style: bold;
        }
        & #slide-heading {
            height: auto;
            min-height: 3;
            padding: 1 2;
            background: $primary;
            color: auto;
            text-style: bold;
        }
        & #slide-body {
            height: 1fr;
            margin-top: 1;
            scrollbar-size-vertical: 1;
        }
        & .entry {
            height: auto;
            margin-bottom: 1;
        }
        /* The last entry's gap would overflow a full page and bring a scrollbar. */
        & .entry:last-child {
            margin-bottom: 0;
        }
        &.-compact {
            padding: 0 3;
            & #slide-heading {
                min-height: 1;
                padding: 0 2;
            }
            & .entry {
                margin-bottom: 0;
            }
        }
        & .entry-number {
            width: 5;
            color: $accent;
            text-style: bold;
        }
        & .entry-text {
            width: 1fr;
            height: auto;
        }
        & .entry-detail {
            color: $text-muted;
        }
        & .title-heading {
            text-style: bold;
            color: $primary;
            margin-bottom: 1;
        }
        & .title-fact {
            height: auto;
        }
        & SlideCounts {
            margin-top: 1;
        }
        & .empty {
            color: $text-muted;
            text-style: italic;
        }
        & #slide-footer {
            height: 1;
            margin-top: 1;
        }
        & #slide-context {
            width: 1fr;
            color: $text-muted;
        }
        & #slide-progress {
            width: auto;
            text-style: bold;
            color: $accent;
        }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="slide-where")
        yield Static(id="slide-heading")
        yield _Body(id="slide-body")
        with Horizontal(id="slide-footer"):
            yield Static(id="slide-context")
            yield Static(id="slide-progress")

    # -- measuring ----------------------------------------------------------------------

    @staticmethod
    def slide_width(size: Size) -> int:
        """Columns the slide takes on a screen of `size` (at most `MAX_WIDTH`)."""
        return min(size.width, MAX_WIDTH)

    @staticmethod
    def text_width(size: Size) -> int:
        """Columns an entry's text has on a screen of `size`."""
        return max(10, SlideView.slide_width(size) - 2 * PADDING_X - NUMBER_WIDTH)

    @staticmethod
    def is_compact(size: Size) -> bool:
        """Whether a screen of `size` gets the compact slide (see `COMPACT_BELOW`)."""
        return size.height < COMPACT_BELOW

    @staticmethod
    def entry_gap(size: Size) -> int:
        """The blank rows under each entry on a screen of `size`."""
        return 0 if SlideView.is_compact(size) else 1

    @staticmethod
    def body_rows(size: Size, part: Part) -> int:
        """Rows a page of `part` has on a screen of `size` (the `where` line may wrap)."""
        where_lines = len(literal(part.where).wrap(max(10, SlideView.slide_width(size) - 2 * PADDING_X)))
        chrome = COMPACT_CHROME_ROWS if SlideView.is_compact(size) else CHROME_ROWS
        return max(1, size.height - chrome - where_lines)

    @staticmethod
    def entry_rows(entry: Entry, size: Size) -> int:
        """Rows `entry` takes on a screen of `size`, with the blank line under it (none on a
        compact slide)."""
        width = SlideView.text_width(size)
        detail = entry_detail(entry)
        detail_rows = len(detail.wrap(width)) if detail is not None else 0
        return len(literal(entry.text).wrap(width)) + detail_rows + SlideView.entry_gap(size)

    # -- showing ------------------------------------------------------------------------

    def show(self, deck: Deck, slide: Slide, number: int, total: int) -> None:
        """Show `slide`, the `number`th of `total` (1-based), of `deck`."""
        self.query_one("#slide-context", Static).update(literal(deck.context))
        self.query_one("#slide-progress", Static).update(literal(f"{number} / {total}"))
        body = self.query_one(_Body)
        body.remove_children()
        body.scroll_home(animate=False)
        if slide.kind is SlideKind.TITLE:
            self._show_title(deck, body)
        else:
            self._show_part(slide, body)

    def _show_title(self, deck: Deck, body: _Body) -> None:
        facts = deck.title
        self.query_one("#slide-where", Static).update(literal(facts.kicker.upper()))
        self.query_one("#slide-heading", Static).update(literal(facts.heading))
        body.mount_all([Static(literal(line), classes="title-fact") for line in facts.lines] + [SlideCounts(facts.counts)])

    def _show_part(self, slide: Slide, body: _Body) -> None:
        part = slide.part
        assert part is not None
        self.query_one("#slide-where", Static).update(literal(part.where))
        heading = [literal(part.heading.upper(), "bold")]
        if slide.pages > 1:
            heading.append(literal(f"  ({slide.page}/{slide.pages})"))
        self.query_one("#slide-heading", Static).update(Content.assemble(*heading))
        if not slide.entries:
            body.mount(Static(literal(_("No request or directive is still open")), classes="empty"))
            return
        rows = []
        for offset, entry in enumerate(slide.entries):
            number = Static(literal(f"{slide.first + offset + 1}."), classes="entry-number")
            lines = [Static(literal(entry.text))]
            detail = entry_detail(entry)
            if detail is not None:
                lines.append(Static(detail, classes="entry-detail"))
            rows.append(Horizontal(number, Vertical(*lines, classes="entry-text"), classes="entry"))
        body.mount_all(rows)
