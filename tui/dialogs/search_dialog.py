"""Search the text of every item of every commune; enter shows the chosen item on the dashboard.

The dialog only reads: it dismisses with the chosen `Item` (or None), and the app
decides which commune to show it under.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content, Span
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from haicap.store import Item, Kind, Store
from haicap.store.domain.dates import DATE_FORMAT
from haicap.store.domain.i18n import N_, _, ngettext
from haicap.store.domain.text import fold
from haicap.tui.literal import LIST_LIMIT, clip, literal, marked, visible

__all__ = ["SearchDialog", "first_match", "hit_text", "match_spans"]

MAX_SHOWN = 200
"""Hits listed at most; the count line says how many there are in all."""

SCAN_WINDOW = 5_000
"""Characters `first_match` folds at a time: a match near the start of a huge text is
found without folding all of it (folding costs about 0.2 s per 100,000 characters)."""


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the words of `query` occur in `text`, as (start, end) offsets into `text`.

    Matching ignores diacritics and case like `Store.search_items`, so "ngoc trao"
    marks "Ngọc Trạo". Each character is folded alone to map folded offsets back.
    """
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = " " if char.isspace() else fold(char)
        folded.append(piece)
        origin += [index] * len(piece)
    haystack = "".join(folded)
    spans = []
    for word in fold(query).split():
        start = haystack.find(word)
        while start != -1:
            end = start + len(word)
            spans.append((origin[start], origin[end - 1] + 1))
            start = haystack.find(word, end)
    return sorted(spans)


def first_match(text: str, query: str) -> int:
    """Offset in `text` of the earliest occurrence of any word of `query`, or -1.

    Scans `SCAN_WINDOW` characters at a time; windows overlap by more than a word of the
    query can span, so a word across a window's edge is still found.
    """
    overlap = 4 * len(query) + 16
    for start in range(0, len(text), SCAN_WINDOW):
        spans = match_spans(text[start : start + SCAN_WINDOW + overlap], query)
        if spans:
            return start + spans[0][0]
    return -1


def hit_text(text: str, query: str) -> Content:
    """A hit's text, bounded like a pane's, with the words of `query` in reverse video.

    A long text shows the part around its first match, so the reason it was found is on
    screen; the marks say how much is left out before and after.
    """
    around = first_match(text, query) if len(text) > LIST_LIMIT else 0
    part = clip(text, LIST_LIMIT, around=max(around, 0))
    # Offsets into the visible form, since that is what the content holds.
    spans = [Span(start, end, "bold reverse") for start, end in match_spans(visible(part.text), query)]
    return marked(part, literal(part.text).add_spans(spans))


def _newest_first(item: Item) -> tuple[int, int, str]:
    return (-item.session.date.toordinal(), list(Kind).index(item.kind), item.id)


class SearchDialog(ModalScreen[Item | None]):
    """Type words; every item whose text holds them all is listed with its kind and communes.

    The search runs in a thread on each change (a whole country of items takes a while);
    results come back as `Found` and are shown only if the query is still the one typed.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", N_("Cancel"), tooltip=N_("Close without jumping")),
        Binding("down", "to_list", N_("To list"), show=False, tooltip=N_("From the search box to the hits")),
        Binding("f1", "app.help", N_("Help"), tooltip=N_("Show these keys")),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Close without jumping. |
    | down | From the search box to the hits. |
    | enter | Show the highlighted hit on the dashboard (from the box: the first hit). |
    | f1 | Help. |
    """

    DEFAULT_CSS = """
    SearchDialog {
        align: center middle;
        & > Vertical {
            width: 90%;
            max-width: 110;
            height: 90%;
            border: thick $accent;
            background: $surface;
        }
        & #search-count {
            padding: 0 1;
            color: $text-muted;
        }
        & OptionList {
            height: 1fr;
            scrollbar-size-vertical: 1;
        }
        & OptionList > .option-list--option {
            padding: 0 1;
        }
    }
    """

    @dataclass
    class Found(Message):
        """The items whose text holds every word of `query` (posted by the search worker)."""

        query: str
        items: list[Item]
        left: int = 0
        """Provinces still to be searched (the hits so far are shown meanwhile)."""

    def __init__(self, store: Store, query: str = "") -> None:
        super().__init__()
        self.store = store
        """The store searched."""
        self.initial_query = query
        """Text put in the box when the dialog opens."""
        self._hits: list[Item] = []

    @property
    def hits(self) -> Sequence[Item]:
        """The items found for the text in the box (every one, not only those listed)."""
        return tuple(self._hits)

    def compose(self) -> ComposeResult:
        with Vertical() as frame:
            frame.border_title = _("Search items")
            frame.border_subtitle = _("enter open · ↓ list · esc close")
            yield Input(self.initial_query, placeholder=_("words to find, diacritics optional"), id="search-query")
            yield Static(id="search-count")
            yield OptionList(id="search-hits", markup=False)

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#search-query", Input))
        self._start(self.initial_query)

    # -- searching --------------------------------------------------------------------

    def _start(self, query: str) -> None:
        if not fold(query):
            self._show(query, [])
            return
        self.query_one("#search-count", Static).update(literal(_("Searching…"), "italic"))
        self.search(query)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def search(self, query: str) -> None:
        """Search every item's text for `query`, off the UI thread, province by province
        (one in memory at a time: see `Store.each_province`); the hits so far are shown
        after each province, with how many are left."""
        provinces = len(self.store.session_counts_by_province())
        hits: list[Item] = []
        worker = get_current_worker()
        for done, (_code, found) in enumerate(self.store.each_matching(query), start=1):
            if worker.is_cancelled:
                return  # a newer query took over
            hits += found
            if done < provinces:
                self.post_message(self.Found(query, sorted(hits, key=_newest_first), provinces - done))
        self.post_message(self.Found(query, sorted(hits, key=_newest_first)))

    @on(Found)
    def _found(self, message: Found) -> None:
        if message.query == self.query_one("#search-query", Input).value:
            self._show(message.query, message.items, message.left)

    def _show(self, query: str, items: list[Item], left: int = 0) -> None:
        self._hits = items
        hits = self.query_one("#search-hits", OptionList)
        hits.set_options(Option(self._prompt(item, query), id=item.id) for item in items[:MAX_SHOWN])
        if items:
            hits.highlighted = 0
        line = self._count_line(query, len(items))
        if left:
            searching = ngettext("searching: {count} province left…", "searching: {count} provinces left…", left)
            line = Content.assemble(line, literal(" · " + searching.format(count=left), "italic"))
        self.query_one("#search-count", Static).update(line)

    @staticmethod
    def _count_line(query: str, count: int) -> Content:
        if not fold(query):
            return literal(_("Type words to search for"), "italic")
        if count == 0:
            return literal(_("No item matches"), "italic")
        line = ngettext("{count} hit", "{count} hits", count).format(count=count)
        if count > MAX_SHOWN:
            line += " " + _("(showing the newest {shown})").format(shown=MAX_SHOWN)
        return literal(line)

    def _prompt(self, item: Item, query: str) -> Content:
        communes = self.store.communes_of_item(item)
        where = ", ".join(c.name for c in communes) or "—"
        head = Content.assemble(
            literal(item.kind.singular, "bold $accent"),
            literal(f" · {where} · {item.session.province.name} · {item.session.date.strftime(DATE_FORMAT)}", "dim"),
        )
        return Content("\n").join([head, hit_text(item.text, query)])

    # -- what the user does -----------------------------------------------------------

    @on(Input.Changed, "#search-query")
    def _query_changed(self, message: Input.Changed) -> None:
        self._start(message.value)

    @on(Input.Submitted, "#search-query")
    def _query_submitted(self) -> None:
        hits = self.query_one("#search-hits", OptionList)
        if hits.option_count:
            self._choose(hits.highlighted or 0)

    @on(OptionList.OptionSelected, "#search-hits")
    def _hit_selected(self, message: OptionList.OptionSelected) -> None:
        self._choose(message.option_index)

    def _choose(self, index: int) -> None:
        if 0 <= index < len(self._hits):
            self.dismiss(self._hits[index])

    def action_to_list(self) -> None:
        """Move from the search box to the hits."""
        self.query_one("#search-hits", OptionList).focus()
