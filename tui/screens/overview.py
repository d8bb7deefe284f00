"""The overview: every commune of a province in one table, with the province's follow-up totals.

It is pushed over the dashboard (`o`, or at start when the store holds several
sessions) and dismisses with the commune to show there, or None to go back.
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
from textual.widgets import Input

from haicap.store import Calendar, Commune, Province, Store, StoreError
from haicap.store.domain.dates import DATE_FORMAT
from haicap.store.domain.i18n import N_, _
from haicap.store.domain.text import matches, sort_key
from haicap.store.views.overview import CommuneOverview, ProvinceTotals, province_overview
from haicap.tui.actions.period_report import PeriodReportWriter
from haicap.tui.literal import literal, short
from haicap.tui.messages import StoreChanged
from haicap.tui.widgets.commune_filter import CommuneFilter
from haicap.tui.widgets.key_bar import KeyBar
from haicap.tui.widgets.overview_table import OVERVIEW_COLUMNS, OverviewTable
from haicap.tui.widgets.view_header import Fact, Summary, ViewHeader

__all__ = ["OverviewScreen", "attention_order"]

DEFAULT_SORT_NAME = N_("overdue first")
"""How the header line names the order the overview opens with (translated where shown)."""


def attention_order(row: CommuneOverview) -> tuple[int, int, int, int, tuple[tuple[int, ...], tuple[int, ...]]]:
    """The opening order: most overdue items first, then most due soon, then communes with
    sessions, newest first."""
    overdue = row.overdue_requests + row.overdue_directives
    last = row.last_session.toordinal() if row.last_session else 0
    return (-overdue, -row.due_soon, -row.sessions, -last, sort_key(row.commune.name))


def _totals_line(text: str) -> Summary:
    """ "Chỉ đạo: 19 — hoàn thành…; đang thực hiện…" as a line that may break after the
    "; ", the rest indented under what follows the "— "."""
    head, _, rest = text.partition(" — ")
    first, *others = rest.split("; ")
    pieces = [f"{head} — {first}", *others]
    parts = [literal(piece + (";" if index < len(pieces) - 1 else "")) for index, piece in enumerate(pieces)]
    return Summary(tuple(parts), indent=len(head) + 3)


def _sort_bindings() -> list[Binding]:
    """1–9 and 0 sort by the first ten columns; only "1" carries the text help shows."""
    bindings = []
    for number in range(1, 11):
        key = str(number % 10)
        if number == 1:
            bindings.append(
                Binding(
                    key,
                    "sort_by(1)",
                    N_("Sort by column"),
                    show=False,
                    tooltip=N_("1–9, 0: sort by column 1–10; the same key again reverses"),
                )
            )
        else:
            bindings.append(Binding(key, f"sort_by({number})", "", show=False))
    return bindings


class OverviewScreen(Screen[Commune | None]):
    """Owns the overview's state (rows, sort, filter) and hands it to the table and header.

    Reading the province runs in a worker (the whole country will be slow); the result
    comes back as `Loaded`. Sorting and filtering work on the rows in memory.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,o", "back", N_("Back"), key_display="esc", tooltip=N_("Back to the dashboard (also o)")),
        Binding(
            "slash",
            "filter",
            N_("Filter"),
            key_display="/",
            priority=True,
            tooltip=N_("Filter communes by name, diacritics optional"),
        ),
        Binding("s", "cycle_sort(1)", N_("Sort"), tooltip=N_("Sort by the next column (the header line names the sort)")),
        Binding("S", "cycle_sort(-1)", N_("Sort back"), key_display="S", show=False, tooltip=N_("Sort by the previous column")),
        *_sort_bindings(),
        Binding(
            "x",
            "report",
            N_("Report"),
            show=False,
            tooltip=N_("Report a period: two-axis counts, overdue, changes (Word, Excel, Markdown)"),
        ),
        Binding("l", "app.late", N_("Late"), tooltip=N_("List every overdue request and directive, then those due soon")),
        Binding("ctrl+f", "app.search", N_("Search"), tooltip=N_("Search the text of every item")),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape, o | Back to the dashboard. |
    | / | Filter communes by name, diacritics optional. |
    | s, S | Sort by the next (previous) column; after the last, the opening order again. |
    | 1–9, 0 | Sort by column 1–10; the same key again reverses the sort. |
    | x | Report a period of the province (the current quarter at first) to Word, Excel or Markdown. |
    | l | The late view. |
    | ctrl+f | Search the text of every item. |
    """

    @dataclass
    class Loaded(Message):
        """The province's rows and totals, read on `day` (posted by the loading worker)."""

        province: Province
        rows: list[CommuneOverview]
        totals: ProvinceTotals
        day: dt.date

    @dataclass
    class LoadFailed(Message):
        """The overview could not be read; the text is for the user."""

        reason: str

    def __init__(self, store: Store, province: Province, *, calendar: Calendar | None = None) -> None:
        super().__init__()
        self.store = store
        """The store the overview reads."""
        self.calendar = calendar or Calendar()
        """Which day deadlines are measured against."""
        self.province = province
        """The province shown."""
        self.sort_column: int | None = None
        """The column sorted on (0-based), or None for the opening order (`attention_order`)."""
        self.reversed = False
        """Whether the sort runs against the column's first direction."""
        self.reports = PeriodReportWriter(self, store)
        """`x`: a report of a period of the province."""
        self._rows: list[CommuneOverview] = []
        self._totals: ProvinceTotals | None = None
        self._day: dt.date | None = None

    # -- layout -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield ViewHeader(id="overview-header")
        yield CommuneFilter(id="overview-filter")
        yield OverviewTable(id="overview-table")
        yield KeyBar(extra=("cycle_sort", "notice_log"))

    def on_mount(self) -> None:
        self._update_header()
        self.query_one(OverviewTable).loading = True
        self.load(self.province)

    # -- loading ----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="overview", exit_on_error=False)
    def load(self, province: Province) -> None:
        """Count every commune's sessions, items and follow-up states, off the UI thread."""
        try:
            day = self.calendar.today()
            rows, totals = province_overview(self.store, province, day)
        except StoreError as error:
            self.post_message(self.LoadFailed(str(error)))
            return
        self.post_message(self.Loaded(province, rows, totals, day))

    @on(StoreChanged)
    def _store_changed(self) -> None:
        """Another process wrote the store (the dashboard re-read it): count again, keeping
        the sort, the filter and the commune under the cursor."""
        self.load(self.province)

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self._rows, self._totals, self._day = message.rows, message.totals, message.day
        table = self.query_one(OverviewTable)
        first = table.loading
        table.loading = False
        self._refresh_table()
        if first:  # a refresh must not take the focus from the filter being typed
            self.set_focus(table)

    @on(LoadFailed)
    def _load_failed(self, message: LoadFailed) -> None:
        self.query_one(OverviewTable).loading = False
        self.notify(message.reason, title=_("Cannot read the overview"), severity="error", timeout=30)

    # -- state to widgets -------------------------------------------------------------

    @property
    def rows(self) -> list[CommuneOverview]:
        """Every commune of the province, as loaded (unsorted, unfiltered)."""
        return list(self._rows)

    @property
    def descending(self) -> bool:
        """Whether the table shows the biggest (or last) value first."""
        if self.sort_column is None:
            return True
        return OVERVIEW_COLUMNS[self.sort_column].descending != self.reversed

    def visible_rows(self) -> list[CommuneOverview]:
        """The rows the filter keeps, in the current sort order."""
        query = self.query_one(CommuneFilter).value
        shown = [row for row in self._rows if matches(query, row.commune.label)]
        if self.sort_column is None:
            return sorted(shown, key=attention_order)
        column = OVERVIEW_COLUMNS[self.sort_column]
        # Ties keep the opening order, so the interesting rows stay on top within a value.
        shown.sort(key=attention_order)
        return sorted(shown, key=column.key, reverse=self.descending)

    def _refresh_table(self) -> None:
        table = self.query_one(OverviewTable)
        current = table.current
        visible = self.visible_rows()
        table.show(visible, self.sort_column, self.descending, keep=current.commune if current else None)
        self._update_header(len(visible))

    def _update_header(self, shown: int | None = None) -> None:
        province = self.province
        facts: list[Content | Fact] = [Fact.of(literal(province.full_name, "bold"), literal(province.name, "bold"))]
        if self._day is not None:
            facts.append(Fact.of(literal(self._day.strftime(DATE_FORMAT)), literal(self._day.strftime("%d/%m"))))
        if self.sort_column is None:
            facts.append(literal(_("sort: {order} {arrow}").format(order=_(DEFAULT_SORT_NAME), arrow="↓"), "$accent"))
        else:
            arrow = "↓" if self.descending else "↑"
            column = OVERVIEW_COLUMNS[self.sort_column]
            # The heading's own words ("KN mở") when the name ("kiến nghị đang giải quyết") is too long.
            heading = _(column.label).replace("\n", " ")
            sort = _("sort: {order} {arrow}")
            facts.append(
                Fact.of(
                    literal(sort.format(order=_(column.name), arrow=arrow), "$accent"),
                    literal(sort.format(order=heading, arrow=arrow), "$accent"),
                )
            )
        query = self.query_one(CommuneFilter).value
        if query:
            count = f"{shown}/{len(self._rows)}"
            label = literal(_("filter: "), "dim")
            facts.append(
                Fact.of(
                    Content.assemble(label, literal(query), literal(" " + _("({count}\u00a0communes)").format(count=count))),
                    Content.assemble(label, literal(short(query, 12)), literal(f" ({count})")),
                    Content.assemble(label, literal(count)),
                )
            )
        if self._totals is not None:
            # Requests and directives each on their own line; one too long for the width
            # breaks after its "đã trả lời…;" / "hoàn thành…;" part, never inside a count.
            summary: list[Content | Summary] = [_totals_line(part) for part in self._totals.describe().split(" · ")]
        else:
            summary = [literal(_("Reading…"), "dim italic")]
        self.query_one(ViewHeader).show(_("Overview"), facts, summary)

    def show_language(self) -> None:
        """Show the header and the table again in the language now spoken, keeping the sort,
        the filter and the commune under the cursor."""
        self.query_one(CommuneFilter).show_language()
        if self._totals is None:
            self._update_header()
        else:
            self._refresh_table()

    # -- messages from widgets --------------------------------------------------------

    @on(OverviewTable.Chosen)
    def _commune_chosen(self, message: OverviewTable.Chosen) -> None:
        self.dismiss(message.commune)

    @on(OverviewTable.SortClicked)
    def _sort_clicked(self, message: OverviewTable.SortClicked) -> None:
        self.action_sort_by(message.column + 1)

    @on(Input.Changed, "#overview-filter")
    def _filter_changed(self) -> None:
        self._refresh_table()

    @on(CommuneFilter.Done)
    def _filter_done(self) -> None:
        self.set_focus(self.query_one(OverviewTable))

    # -- actions ----------------------------------------------------------------------

    def action_back(self) -> None:
        """Go back to the dashboard."""
        self.dismiss(None)

    def action_report(self) -> None:
        """Report a period of the province: ask the days, the format and the file, then write it."""
        self.reports.choose(self.province, self.calendar.today())

    def action_filter(self) -> None:
        """Put the cursor in the filter box."""
        self.set_focus(self.query_one(CommuneFilter))

    def action_sort_by(self, number: int) -> None:
        """Sort by column `number` (1-based); when it already is, reverse the sort."""
        column = number - 1
        if not 0 <= column < len(OVERVIEW_COLUMNS):
            return
        if self.sort_column == column:
            self.reversed = not self.reversed
        else:
            self.sort_column, self.reversed = column, False
        self._refresh_table()

    def action_cycle_sort(self, step: int) -> None:
        """Sort by the next (`step`=1) or previous (-1) column; past either end, the opening order."""
        # Positions 0..n-1 are columns; position n is the opening order.
        count = len(OVERVIEW_COLUMNS)
        position = count if self.sort_column is None else self.sort_column
        position = (position + step) % (count + 1)
        self.sort_column = None if position == count else position
        self.reversed = False
        self._refresh_table()
