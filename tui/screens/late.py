"""The late view: every overdue request and directive, oldest first, then those due soon
(within the store's due-soon days), nearest first.

It is pushed over the dashboard (`l`) for the dashboard's province; `a` widens it to
every province. It dismisses with the item to show on the dashboard, or None.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen

from haicap.store import Calendar, Item, Kind, Province, Store, StoreError
from haicap.store.domain.dates import DATE_FORMAT
from haicap.store.domain.i18n import N_, _, ngettext
from haicap.store.views.overview import LateItem, attention_items
from haicap.tui.dialogs.item_detail import ItemDetailDialog
from haicap.tui.literal import literal
from haicap.tui.messages import StoreChanged
from haicap.tui.widgets.key_bar import KeyBar
from haicap.tui.widgets.late_table import LateTable
from haicap.tui.widgets.view_header import Fact, ViewHeader

__all__ = ["LateScreen"]


class LateScreen(Screen[Item | None]):
    """Owns which items are listed (one province or all) and hands them to the table.

    Reading runs in a worker; the result comes back as `Loaded`.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,l", "back", N_("Back"), key_display="esc", tooltip=N_("Back to the dashboard (also l)")),
        # Not in the footer at 80 columns (it would push "Help" off): the text's heading says
        # it when a text is cut; a wider footer shows it.
        Binding(
            "space",
            "detail",
            N_("Detail"),
            show=False,
            tooltip=N_("The whole text of the highlighted item, with its follow-up"),
        ),
        Binding("a", "toggle_all", N_("All provinces"), tooltip=N_("Every province, or only the dashboard's again")),
        Binding("o", "app.overview", N_("Overview"), tooltip=N_("The overview of the province's communes")),
        Binding("ctrl+f", "app.search", N_("Search"), tooltip=N_("Search the text of every item")),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape, l | Back to the dashboard. |
    | space | The whole text of the highlighted item, with its follow-up. |
    | a | List every province's late items, or only the dashboard's province again. |
    | o | The overview. |
    | ctrl+f | Search the text of every item. |
    """

    @dataclass
    class Loaded(Message):
        """The late and due-soon items of `province` (None: every province) on `day`."""

        province: Province | None
        late: list[LateItem]
        day: dt.date
        due_soon_days: int
        """The store's due-soon days the list was made with."""

    @dataclass
    class LoadFailed(Message):
        """The late items could not be read; the text is for the user."""

        reason: str

    def __init__(self, store: Store, province: Province, *, calendar: Calendar | None = None) -> None:
        super().__init__()
        self.store = store
        """The store the view reads."""
        self.calendar = calendar or Calendar()
        """Which day lateness is counted to."""
        self.province = province
        """The dashboard's province, listed unless `all_provinces`."""
        self.all_provinces = False
        """Whether every province's late items are listed (`a`)."""
        self._late: list[LateItem] | None = None
        self._day: dt.date | None = None
        self._due_soon_days = 0

    def compose(self) -> ComposeResult:
        yield ViewHeader(id="late-header")
        yield LateTable(id="late-table")
        yield KeyBar(extra=("detail", "notice_log"))

    def on_mount(self) -> None:
        self._reload()

    # -- loading ----------------------------------------------------------------------

    def _reload(self) -> None:
        self._late = None
        self._update_header()
        self.query_one(LateTable).loading = True
        self.load(None if self.all_provinces else self.province)

    @on(StoreChanged)
    def _store_changed(self) -> None:
        """Another process wrote the store (the dashboard re-read it): list again, keeping
        the item under the cursor."""
        self.load(None if self.all_provinces else self.province)

    @work(thread=True, exclusive=True, group="late", exit_on_error=False)
    def load(self, province: Province | None) -> None:
        """Find the overdue and due-soon items of `province` (or everywhere), off the UI thread."""
        try:
            day = self.calendar.today()
            late = attention_items(self.store, day, province)
            days = self.store.deadline_rules.due_soon_days
        except StoreError as error:
            self.post_message(self.LoadFailed(str(error)))
            return
        self.post_message(self.Loaded(province, late, day, days))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        if (message.province is None) != self.all_provinces:
            return  # `a` was pressed again while this was read
        self._late, self._day, self._due_soon_days = message.late, message.day, message.due_soon_days
        table = self.query_one(LateTable)
        first = table.loading
        table.loading = False
        table.show(message.late, with_province=self.all_provinces)
        self._update_header()
        if first:
            self.set_focus(table)

    @on(LoadFailed)
    def _load_failed(self, message: LoadFailed) -> None:
        self.query_one(LateTable).loading = False
        self.notify(message.reason, title=_("Cannot read the late items"), severity="error", timeout=30)

    def _update_header(self) -> None:
        if self.all_provinces:
            where = Fact.of(literal(_("every province"), "bold"), literal(_("all provinces"), "bold"))
        else:
            where = Fact.of(literal(self.province.full_name, "bold"), literal(self.province.name, "bold"))
        facts: list[Content | Fact] = [where]
        if self._day is not None:
            facts.append(literal(self._day.strftime(DATE_FORMAT)))
        self.query_one(ViewHeader).show(_("Late"), facts, self._summary())

    def _summary(self) -> list[Content]:
        """The header's lines under the facts: how many are overdue, then how many due soon (when any)."""
        if self._late is None:
            return [literal(_("Reading…"), "dim italic")]
        late = [entry for entry in self._late if entry.state.overdue]
        soon = [entry for entry in self._late if not entry.state.overdue]
        lines = []
        if late:
            requests = sum(1 for entry in late if entry.item.kind is Kind.REQUEST)
            said = _("⚠ Overdue: {requests} requests, {directives} directives — oldest first")
            lines.append(literal(said.format(requests=requests, directives=len(late) - requests), "$text-error"))
        else:
            lines.append(literal(_("No request or directive is overdue"), "italic"))
        if soon:
            requests = sum(1 for entry in soon if entry.item.kind is Kind.REQUEST)
            said = ngettext(
                "◷ Due soon (within {days} day): {requests} requests, {directives} directives — nearest first",
                "◷ Due soon (within {days} days): {requests} requests, {directives} directives — nearest first",
                self._due_soon_days,
            )
            counts = {"days": self._due_soon_days, "requests": requests, "directives": len(soon) - requests}
            lines.append(literal(said.format(**counts), "$text-warning"))
        return lines

    def show_language(self) -> None:
        """Show the header and the table again in the language now spoken."""
        if self._late is not None:
            self.query_one(LateTable).show(self._late, with_province=self.all_provinces)
        self._update_header()

    # -- messages and actions ---------------------------------------------------------

    @on(LateTable.Chosen)
    def _late_chosen(self, message: LateTable.Chosen) -> None:
        self.dismiss(message.late.item)

    def action_back(self) -> None:
        """Go back to the dashboard."""
        self.dismiss(None)

    def action_detail(self) -> None:
        """Show the highlighted item in full (the table has room for the start of its text only)."""
        late = self.query_one(LateTable).current
        if late is not None:
            self.app.push_screen(ItemDetailDialog(late.item, late.communes, late.state))

    def action_toggle_all(self) -> None:
        """List every province's late items, or the dashboard's province's again."""
        self.all_provinces = not self.all_provinces
        self._reload()
