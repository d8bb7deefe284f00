"""The late table: one row per overdue request or directive, oldest first, then those due
soon, nearest first; its days column says which, in words and colour."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from haicap.store import Kind
from haicap.store.domain.dates import DATE_FORMAT
from haicap.store.domain.i18n import N_, _, pgettext
from haicap.store.views.overview import LateItem
from haicap.tui.literal import short
from haicap.tui.widgets.help_title import HelpTitle

__all__ = ["LateTable", "communes_cell", "days_cell", "headings", "owner_cell", "short_kind"]

COMMUNES_WIDTH = 18
"""Room for the communes of an item: "Ngọc Trạo +2"."""

OWNER_WIDTH = 16
"""Room for who is responsible; longer agency names end with "…"."""

PROVINCE_WIDTH = 12
"""Room for the province, shown only when the table spans every province."""

GAP = "  "
"""What starts every cell but the first of a row: the table has no cell padding."""

MIN_TEXT_WIDTH = 12
"""The item text never gets fewer columns; on a narrow terminal the table scrolls sideways."""

ROOMY_TEXT_WIDTH = 40
"""Below this many columns for the text, the other columns close up (`COMPACT`)."""


@dataclass(frozen=True)
class Layout:
    """How much room the columns other than the text take."""

    gap: str
    """What starts every cell but the first of a row: the table has no cell padding."""
    communes_width: int
    owner_width: int
    short_kinds: bool
    """Whether the kind is its abbreviation ("KN", "CĐ"), as the overview's headings write it."""


ROOMY = Layout(GAP, COMMUNES_WIDTH, OWNER_WIDTH, short_kinds=False)
"""The columns on a wide terminal."""

COMPACT = Layout(" ", 14, 12, short_kinds=True)
"""The columns on a narrow one (80 columns): the text keeps about 30."""

TEXT_HINT = N_("space: read all")
"""Said after the text's heading when a text is cut: the key that shows it whole (the screen's)."""


def short_kind(kind: Kind) -> str:
    """The kind abbreviated as the overview's headings abbreviate it ("KN", "CĐ"); other kinds whole."""
    if kind is Kind.REQUEST:
        return pgettext("short kind", "Req.")
    if kind is Kind.DIRECTIVE:
        return pgettext("short kind", "Dir.")
    return kind.title


def headings(with_province: bool) -> list[str]:
    """The headings of the columns before the text's, in the language spoken (the
    province's only with every province)."""
    names = [pgettext("late table", "Province")] if with_province else []
    return [
        *names,
        pgettext("late table", "Commune"),
        pgettext("late table", "Kind"),
        pgettext("late table", "Days"),
        pgettext("late table", "Deadline"),
        pgettext("late table", "Owner"),
    ]


def communes_cell(late: LateItem) -> str:
    """The first commune's name and how many more the item concerns: "Ngọc Trạo +2"."""
    if not late.communes:
        return "—"
    more = len(late.communes) - 1
    return late.communes[0].name + (f" +{more}" if more else "")


def days_cell(late: LateItem) -> str:
    """What the days column says, in words as well as colour: "quá 31" ("31 late") for an
    overdue item, "còn 3" ("3 left") or "hôm nay" ("today") for one due soon."""
    state = late.state
    if state.overdue:
        return pgettext("late table", "{days} late").format(days=state.late_days)
    if not state.days_left:
        return pgettext("late table", "today")
    return pgettext("late table", "{days} left").format(days=state.days_left)


def owner_cell(late: LateItem) -> str:
    """Who must act: the agency set on a request, else "chưa giao"; a directive's owner, else the commune."""
    owner = late.item.tracking.owner
    if owner:
        return owner
    return _("not assigned") if late.item.kind is Kind.REQUEST else _("commune committee")


class LateTable(DataTable[Text]):
    """Lists the late items it is given; the text column takes the width that is left,
    the other columns closing up on a narrow terminal (`COMPACT`).

    The parent chooses the items; this widget reports enter on a row with `Chosen`.
    Every cell is a `rich.text.Text` built from plain strings, so report text is never
    read as markup.
    """

    HELP_TITLE = HelpTitle(N_("Late table"))
    """Heading of this widget's keys in the help dialog, in the language spoken."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", N_("Open"), tooltip=N_("Show this item on the dashboard")),
        Binding("down,j", "cursor_down", N_("Down"), show=False),
        Binding("up,k", "cursor_up", N_("Up"), show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | enter | Show this item on the dashboard. |
    | down, j | Next item. |
    | up, k | Previous item. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = DataTable.COMPONENT_CLASSES | {"late-table--days", "late-table--soon"}
    """`--days`: the days overdue; `--soon`: the days left of an item due soon."""

    DEFAULT_CSS = """
    LateTable {
        height: 1fr;
        scrollbar-size-vertical: 1;
        & > .late-table--days {
            color: $text-error;
            text-style: bold;
        }
        & > .late-table--soon {
            color: $text-warning;
            text-style: bold;
        }
    }
    """

    @dataclass
    class Chosen(Message):
        """The user pressed enter on a late item's row."""

        table: LateTable
        late: LateItem

        @property
        def control(self) -> LateTable:
            """The table that sent the message."""
            return self.table

    def __init__(self, *, id: str | None = None) -> None:
        # Each cell brings its own leading space instead of the default padding (see OverviewTable).
        super().__init__(id=id, cursor_type="row", cell_padding=0, zebra_stripes=True)
        self._late: list[LateItem] = []
        self._with_province = False
        self._built_for_width = 0

    @property
    def late_items(self) -> Sequence[LateItem]:
        """The items listed, in display order."""
        return tuple(self._late)

    @property
    def current(self) -> LateItem | None:
        """The item under the cursor, or None when the table is empty."""
        if not self._late or not 0 <= self.cursor_row < len(self._late):
            return None
        return self._late[self.cursor_row]

    def show(self, late: Sequence[LateItem], *, with_province: bool = False) -> None:
        """List `late` as given; `with_province` adds the province column (every province shown)."""
        keep = self.current
        self._late = list(late)
        self._with_province = with_province
        self._build()
        ids = [entry.item.id for entry in self._late]
        if keep is not None and keep.item.id in ids:
            self.move_cursor(row=ids.index(keep.item.id), animate=False)

    def _fixed_cells(self, late: LateItem, styles: tuple[Style, Style], layout: Layout) -> list[Text]:
        """Every cell of a row but the item text; only the row's first cell starts with one space.
        `styles`: the state's when overdue, when due soon."""
        kind = late.item.kind
        values = [
            (short(communes_cell(late), layout.communes_width), Style()),
            (short_kind(kind) if layout.short_kinds else kind.title, Style()),
            (days_cell(late), styles[0] if late.state.overdue else styles[1]),
            (late.state.deadline.strftime(DATE_FORMAT) if late.state.deadline else "—", Style()),
            (short(owner_cell(late), layout.owner_width), Style()),
        ]
        if self._with_province:
            values.insert(0, (short(late.item.session.province.name, PROVINCE_WIDTH), Style()))
        cells = [
            Text((" " if index == 0 else layout.gap) + value, style=style, no_wrap=True)
            for index, (value, style) in enumerate(values)
        ]
        cells[-3].justify = "right"  # the days overdue or left
        return cells

    def _columns(self, days_style: tuple[Style, Style], layout: Layout) -> tuple[list[str], list[list[Text]], list[int], int]:
        """The headings, the rows' fixed cells, their widths and the text's width, in `layout`."""
        names = headings(self._with_province)
        labels = [(" " if index == 0 else layout.gap) + name for index, name in enumerate(names)]
        rows = [self._fixed_cells(late, days_style, layout) for late in self._late]
        widths = [max([len(label)] + [row[i].cell_len for row in rows]) for i, label in enumerate(labels)]
        # The text takes what is left, less a column for the scrollbar.
        return labels, rows, widths, self.size.width - sum(widths) - 1

    def _build(self) -> None:
        self._built_for_width = self.size.width
        days, soon = (self.get_component_rich_style(name) for name in ("late-table--days", "late-table--soon"))
        # Without the background: rows keep their stripes.
        days_style = (Style(color=days.color, bold=days.bold), Style(color=soon.color, bold=soon.bold))
        layout = ROOMY
        labels, rows, widths, text_width = self._columns(days_style, layout)
        if text_width < ROOMY_TEXT_WIDTH:
            layout = COMPACT
            labels, rows, widths, text_width = self._columns(days_style, layout)
        text_width = max(MIN_TEXT_WIDTH, text_width)
        self.clear(columns=True)
        for label, width in zip(labels, widths, strict=False):
            self.add_column(Text(label), width=width)
        texts = [short(late.item.text, text_width - len(layout.gap), at_word=True) for late in self._late]
        cut = any(text.endswith("…") and text != late.item.text for text, late in zip(texts, self._late, strict=True))
        heading, hint = pgettext("late table", "Text"), f" · {_(TEXT_HINT)}"
        heading = layout.gap + heading + (hint if cut and len(heading + hint) < text_width else "")
        self.add_column(Text(heading), width=text_width)
        for late, cells, text in zip(self._late, rows, texts, strict=False):
            self.add_row(*cells, Text(layout.gap + text, no_wrap=True), key=late.item.id)

    def on_resize(self, event: events.Resize) -> None:
        # The text column fills the width that is left, so a new width needs new cells.
        if self._late and event.size.width != self._built_for_width:
            keep = self.cursor_row
            self._build()
            self.move_cursor(row=keep, animate=False)

    def _on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if 0 <= event.cursor_row < len(self._late):
            self.post_message(self.Chosen(self, self._late[event.cursor_row]))
