"""The presenter: a session or a commune, full screen, one slide at a time, for a projector.

The deck (`store.views.slides`) knows what to say; this screen cuts it into slides for the
terminal's size and cuts it again when the terminal is resized, staying on the slide
that shows what was on screen. There is no footer: `?` lists the keys.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.screen import Screen

from haicap.store import Commune
from haicap.store.domain.i18n import N_
from haicap.store.views.slides import Deck, Slide, find_again, first_slide_of
from haicap.tui.dialogs.commune_jump_dialog import CommuneJumpDialog
from haicap.tui.dialogs.slide_number_dialog import SlideNumberDialog
from haicap.tui.themes import next_theme
from haicap.tui.widgets.slide_view import SlideView

__all__ = ["PresenterScreen"]


class PresenterScreen(Screen[Commune | None]):
    """Shows a `Deck` slide by slide; dismisses with the commune of the slide shown (so the
    dashboard can show it), or None when the slide is not about a single commune."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space,right,n", "move(1)", N_("Next"), tooltip=N_("Next slide (space, → or n)")),
        Binding("left,p", "move(-1)", N_("Previous"), tooltip=N_("Previous slide (← or p)")),
        Binding("home", "go(0)", N_("First"), show=False, tooltip=N_("The title slide")),
        Binding("end", "go(-1)", N_("Last"), show=False, tooltip=N_("The last slide")),
        Binding("g", "go_to_slide", N_("Go to"), tooltip=N_("Go to a slide by its number")),
        Binding("c", "jump_to_commune", N_("Commune"), tooltip=N_("Jump to the first slide of one of the communes")),
        Binding("t", "toggle_theme", N_("Theme"), tooltip=N_("Switch theme: dark, light, projector (remembered)")),
        Binding("down,j", "scroll(1)", N_("Scroll"), show=False, tooltip=N_("Scroll a slide taller than the screen (↓/j, ↑/k)")),
        Binding("up,k", "scroll(-1)", "", show=False),
        Binding("escape", "back", N_("Back"), key_display="esc", tooltip=N_("Back to the dashboard")),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | space, →, n | Next slide. |
    | ←, p | Previous slide. |
    | home, end | First, last slide. |
    | g | Go to a slide by number. |
    | c | Jump to a commune's first slide. |
    | t | Switch theme (dark, light, projector); remembered. |
    | ↓/j, ↑/k | Scroll a slide taller than the screen. |
    | escape | Back to the dashboard. |
    """

    def __init__(self, deck: Deck, start: int = 0) -> None:
        super().__init__()
        self.deck = deck
        """What is presented."""
        self.slides: tuple[Slide, ...] = ()
        """The deck cut for the current terminal size."""
        self.index = start
        """The slide shown (0-based)."""
        self._paginated_for: Size | None = None

    def compose(self) -> ComposeResult:
        yield SlideView()

    def on_mount(self) -> None:
        self._paginate(self.size)

    def on_resize(self, event: events.Resize) -> None:
        self._paginate(event.size)

    # -- pages for the size -----------------------------------------------------------

    def _paginate(self, size: Size) -> None:
        if size == self._paginated_for or size.width <= 0 or size.height <= 0:
            return
        shown = self.slides[self.index] if self.slides else None
        self.query_one(SlideView).set_class(SlideView.is_compact(size), "-compact")
        self.slides = self.deck.paginate(
            lambda entry: SlideView.entry_rows(entry, size),
            # The blank line under a page's last entry may fall off the bottom.
            lambda part: SlideView.body_rows(size, part) + SlideView.entry_gap(size),
        )
        self._paginated_for = size
        if shown is not None:
            self.index = find_again(self.slides, shown)
        self.index = min(max(0, self.index), len(self.slides) - 1)
        self._show()

    def show_language(self) -> None:
        """Show the slide again in the language now spoken."""
        if self.slides:
            self._show()

    def _show(self) -> None:
        self.query_one(SlideView).show(self.deck, self.slides[self.index], self.index + 1, len(self.slides))

    @property
    def slide(self) -> Slide:
        """The slide on screen."""
        return self.slides[self.index]

    @property
    def commune(self) -> Commune | None:
        """The commune the slide on screen is about, when it is about exactly one."""
        part = self.slide.part
        if part is None or len(part.commune_codes) != 1:
            return None
        return next((c for c in self.deck.communes if c.code == part.commune_codes[0]), None)

    # -- actions ----------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        """Show the next (1) or previous (-1) slide; nothing past either end."""
        self.action_go(self.index + step if 0 <= self.index + step < len(self.slides) else self.index)

    def action_go(self, index: int) -> None:
        """Show slide `index` (0-based; -1 is the last)."""
        index = len(self.slides) - 1 if index < 0 else min(index, len(self.slides) - 1)
        if index != self.index:
            self.index = index
            self._show()

    def action_go_to_slide(self) -> None:
        """Ask for a slide number and go there."""
        self.app.push_screen(SlideNumberDialog(self.index + 1, len(self.slides)), self._chosen)

    def action_jump_to_commune(self) -> None:
        """Ask for one of the communes and go to its first slide."""
        targets = [(commune, first_slide_of(self.slides, commune.code)) for commune in self.deck.communes]
        self.app.push_screen(CommuneJumpDialog(targets, self.commune), self._chosen)

    def _chosen(self, index: int | None) -> None:
        if index is not None:
            self.action_go(index)

    def action_toggle_theme(self) -> None:
        """Switch to the next of haicap's themes (the app remembers the choice)."""
        self.app.theme = next_theme(self.app.theme)

    def action_scroll(self, step: int) -> None:
        """Scroll the slide's body, for an entry taller than the screen."""
        body = self.query_one("#slide-body")
        body.scroll_relative(y=step, animate=False)

    def action_back(self) -> None:
        """Back to the dashboard, on the commune shown when there is one."""
        self.dismiss(self.commune)
