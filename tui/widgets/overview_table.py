"""The overview table: one row per commune with its sessions, items and follow-up counts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, cast

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from haicap.store import Commune, Kind
from haicap.store.domain.dates import DATE_FORMAT
from haicap.store.domain.i18n import N_, _
from haicap.store.domain.text import sort_key
from haicap.store.views.overview import CommuneOverview
from haicap.tui.literal import visible
from haicap.tui.widgets.help_title import HelpTitle

if TYPE_CHECKING:
    from _typeshed import SupportsRichComparison

__all__ = ["DUE_SOON_MARK", "OVERDUE_MARK", "OVERVIEW_COLUMNS", "OverviewColumn", "OverviewTable", "is_overdue"]

OVERDUE_MARK = "⚠"
"""Put before a commune with overdue items: the row says so without colour too."""

DUE_SOON_MARK = "◷"
"""Put before a commune with items due soon and none overdue."""

NAME_WIDTH = 16
"""Longest commune name shown whole; longer ones end with "…" (a handful of the 3,321)."""


def is_overdue(row: CommuneOverview) -> bool:
    """Whether the commune has an overdue request or directive."""
    return bool(row.overdue_requests or row.overdue_directives)


@dataclass(frozen=True)
class OverviewColumn:
    """A column of the overview: its two-line heading, its name in the header line, its values.

    The heading and the name are kept in English (`N_`) and shown in the language spoken
    (`label`, `name`), so a test or `--lang en` that switches the language after import
    sees its own words."""

    label_msgid: str
    """The heading in English, one or two short lines ("Req.\nopen"); `label` translates it."""
    name_msgid: str
    """The column's name in English ("requests"); `name` translates it."""
    value: Callable[[CommuneOverview], object]
    """The value sorted on (the cell shows it too)."""
    descending: bool = True
    """The first direction of the sort: biggest and newest first, names from A."""

    @property
    def label(self) -> str:
        """The heading, two short lines ("Kiến\nnghị")."""
        return _(self.label_msgid)

    @property
    def name(self) -> str:
        """What the header line calls the column when the table is sorted by it ("kiến nghị")."""
        return _(self.name_msgid)

    def key(self, row: CommuneOverview) -> SupportsRichComparison:
        """A key that orders rows by this column; an empty date sorts as the oldest."""
        value = self.value(row)
        if isinstance(value, str):
            return sort_key(value)
        if value is None:
            return dt.date.min
        return cast("SupportsRichComparison", value)  # the other values are counts and dates


OVERVIEW_COLUMNS: tuple[OverviewColumn, ...] = (
    OverviewColumn(N_("Commune"), N_("commune name"), lambda r: r.commune.name, descending=False),
    OverviewColumn(N_("Ses-\nsions"), N_("number of sessions"), lambda r: r.sessions),
    OverviewColumn(N_("Last\nsession"), N_("last session"), lambda r: r.last_session),
    # "Ach" and "Diff" without a full stop: the two columns it saves make room for "Due soon" in English.
    OverviewColumn(N_("Ach"), N_("achievements"), lambda r: r.counts.get(Kind.ACHIEVEMENT, 0)),
    OverviewColumn(N_("Diff"), N_("difficulties"), lambda r: r.counts.get(Kind.DIFFICULTY, 0)),
    OverviewColumn(N_("Req."), N_("requests"), lambda r: r.counts.get(Kind.REQUEST, 0)),
    OverviewColumn(N_("Dir."), N_("directives"), lambda r: r.counts.get(Kind.DIRECTIVE, 0)),
    OverviewColumn(N_("Req.\nopen"), N_("open requests"), lambda r: r.open_requests),
    OverviewColumn(N_("Req.\nlate"), N_("overdue requests"), lambda r: r.overdue_requests),
    OverviewColumn(N_("Dir.\nopen"), N_("open directives"), lambda r: r.open_directives),
    OverviewColumn(N_("Dir.\nlate"), N_("overdue directives"), lambda r: r.overdue_directives),
    OverviewColumn(N_("Due\nsoon"), N_("due soon"), lambda r: r.due_soon),
)
"""The columns in display order; the number keys sort by the first ten (`s` reaches every one)."""

_OVERDUE_COLUMNS = {8, 10}
"""Indexes of the overdue counts, drawn in the error style when not zero."""

_DUE_SOON_COLUMN = 11
"""Index of the due-soon count (requests and directives), drawn in the warning style when not zero."""

_GROUP_STARTS = {1, 3, 7, 9}
"""Indexes of the first column of each group (sessions, kinds, requests, directives): one more space before them."""


def _gap(index: int) -> str:
    """The spaces that start every cell of column `index` (the table has no cell padding)."""
    return "  " if index in _GROUP_STARTS else " "


class OverviewTable(DataTable[Text]):
    """Shows the rows it is given, in that order, with the sorted column's arrow.

    The parent filters and sorts; this widget reports enter on a row (`Chosen`) and a
    click on a heading (`SortClicked`). Cells are built from `rich.text.Text`, never from
    strings, so a commune name can never be read as markup.
    """

    HELP_TITLE = HelpTitle(N_("Overview table"))
    """Heading of this widget's keys in the help dialog, in the language spoken."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", N_("Open"), tooltip=N_("Show this commune on the dashboard")),
        Binding("down,j", "cursor_down", N_("Down"), show=False),
        Binding("up,k", "cursor_up", N_("Up"), show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | enter | Show this commune on the dashboard. |
    | down, j | Next commune. |
    | up, k | Previous commune. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = DataTable.COMPONENT_CLASSES | {
        "overview-table--overdue",
        "overview-table--soon",
        "overview-table--quiet",
    }
    """`--overdue`: communes and counts that are late; `--soon`: those due soon; `--quiet`:
    zeros and communes without reports."""

    DEFAULT_CSS = """
    OverviewTable {
        height: 1fr;
        scrollbar-size-vertical: 1;
        & > .overview-table--overdue {
            color: $text-error;
            text-style: bold;
        }
        & > .overview-table--soon {
            color: $text-warning;
            text-style: bold;
        }
        & > .overview-table--quiet {
            color: $text-muted;
        }
    }
    """

    @dataclass
    class Chosen(Message):
        """The user pressed enter on a commune's row."""

        table: OverviewTable
        commune: Commune

        @property
        def control(self) -> OverviewTable:
            """The table that sent the message."""
            return self.table

    @dataclass
    class SortClicked(Message):
        """The user clicked the heading of column `column` (0-based)."""

        table: OverviewTable
        column: int

        @property
        def control(self) -> OverviewTable:
            """The table that sent the message."""
            return self.table

    def __init__(self, *, id: str | None = None) -> None:
        # No cell padding: every cell starts with one space of its own, which keeps the
        # twelve columns inside 80 terminal columns.
        super().__init__(id=id, cursor_type="row", header_height=2, cell_padding=0, fixed_columns=1, zebra_stripes=True)
        self._rows: list[CommuneOverview] = []

    @property
    def rows_shown(self) -> Sequence[CommuneOverview]:
        """The rows listed, in display order."""
        return tuple(self._rows)

    @property
    def current(self) -> CommuneOverview | None:
        """The row under the cursor, or None when the table is empty."""
        if not self._rows or not 0 <= self.cursor_row < len(self._rows):
            return None
        return self._rows[self.cursor_row]

    def show(
        self, rows: Sequence[CommuneOverview], sort_column: int | None, descending: bool, keep: Commune | None = None
    ) -> None:
        """List `rows` as given; mark column `sort_column` with the direction; keep the cursor on `keep`."""
        self._rows = list(rows)
        self.clear(columns=True)
        for index, column in enumerate(OVERVIEW_COLUMNS):
            # The arrow takes the place of the label's leading space: the width stays the same.
            arrow = ("▼" if descending else "▲") if index == sort_column else " "
            self.add_column(
                Text(
                    _gap(index)[1:] + arrow + column.label.replace("\n", "\n" + _gap(index)),
                    justify="left" if index == 0 else "right",
                )
            )
        self.add_rows(self._cells(row) for row in self._rows)
        codes = [row.commune.code for row in self._rows]
        if keep is not None and keep.code in codes:
            self.move_cursor(row=codes.index(keep.code), animate=False, scroll=True)
        else:
            self.move_cursor(row=0, animate=False, scroll=True)

    def _text_style(self, component: str) -> Style:
        """The colour and weight of `component`, without its background (rows keep their stripes)."""
        # The full style, not the partial one: only it blends a translucent colour such as $text-muted.
        style = self.get_component_rich_style(component)
        return Style(color=style.color, bold=style.bold)

    def _cells(self, row: CommuneOverview) -> list[Text]:
        overdue_style = self._text_style("overview-table--overdue")
        soon_style = self._text_style("overview-table--soon")
        quiet_style = self._text_style("overview-table--quiet")
        late = is_overdue(row)
        name = visible(row.commune.name)
        if len(name) > NAME_WIDTH:
            name = name[: NAME_WIDTH - 1] + "…"
        if late:
            mark, name_style = OVERDUE_MARK, overdue_style
        elif row.due_soon:
            mark, name_style = DUE_SOON_MARK, soon_style
        else:
            mark, name_style = " ", quiet_style if not row.sessions else Style()
        cells = [Text(f" {mark} {name}", style=name_style, no_wrap=True)]
        for index, column in enumerate(OVERVIEW_COLUMNS[1:], start=1):
            value = column.value(row)
            if isinstance(value, dt.date):
                cells.append(Text(_gap(index) + value.strftime(DATE_FORMAT), justify="right"))
            elif value is None:
                cells.append(Text(_gap(index) + "—", style=quiet_style, justify="right"))
            else:
                if not value:
                    style = quiet_style
                elif index in _OVERDUE_COLUMNS:
                    style = overdue_style
                else:
                    style = soon_style if index == _DUE_SOON_COLUMN else Style()
                cells.append(Text(f"{_gap(index)}{value}", style=style, justify="right"))
        return cells

    def _on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if 0 <= event.cursor_row < len(self._rows):
            self.post_message(self.Chosen(self, self._rows[event.cursor_row].commune))

    def _on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        self.post_message(self.SortClicked(self, event.column_index))
