"""The review screen's list: one line per sentence of an import, items first, then the left-out ones.

Each item shows its kind as a coloured tag (with "?" when the reader was unsure and
"đã có" when the matched stored session already holds it), its communes, the owner and
deadline when set, and its text cut to the width; each left-out sentence shows why it
was left out. The full text is for the detail area under the list.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from haicap.store import Kind
from haicap.store.domain.dates import DATE_FORMAT
from haicap.store.domain.i18n import N_, _
from haicap.store.domain.models import TRACKED_KINDS
from haicap.store.domain.text import shorten
from haicap.store.ingest.import_plan import ImportPlan, PlanLine
from haicap.store.ingest.reader.left_out import reason_text
from haicap.tui.literal import clip, literal
from haicap.tui.widgets.help_title import HelpTitle
from haicap.tui.widgets.line_keys import line_bindings

__all__ = ["COMMUNES_WIDTH", "KIND_STYLES", "PlanLines", "communes_short", "kind_tag", "reason_short", "tag_width"]

KIND_STYLES: dict[Kind, str] = {
    Kind.ACHIEVEMENT: "bold $text-success on $success-muted",
    Kind.DIFFICULTY: "bold $text-error on $error-muted",
    Kind.REQUEST: "bold $text-primary on $primary-muted",
    Kind.DIRECTIVE: "bold $text-accent on $accent-muted",
}
"""How each kind's tag looks. The tag is the kind's name too, so a monochrome terminal
still tells the kinds apart."""


def tag_width() -> int:
    """Room for the widest kind name in the language spoken ("Kiến nghị", "Achievements")
    with a space on each side."""
    return max(len(kind.title) for kind in Kind) + 2


COMMUNES_WIDTH = 16
"""Room for an item's communes on its line: "cả 3 xã", "Ngọc Trạo, Vân…"."""

OWNER_WIDTH = 18
"""Room for the owner on a line; longer names end with "…" (the detail area shows all)."""

REASON_WIDTH = 20
"""Room for a left-out line's reason: the longest label ("nói về buổi làm việc") fits."""

UNSURE_STYLE = "bold $text-warning"
"""The "?" of a line the reader was unsure of."""

KNOWN_STYLE = "italic $text-muted"
"""The "đã có" of a line the matched stored session already holds."""


def kind_tag(kind: Kind) -> Content:
    """The coloured tag of a kind: " Kiến nghị " padded to the widest name."""
    return literal(f" {kind.title} ".ljust(tag_width()), KIND_STYLES[kind])


def communes_short(plan: ImportPlan, line: PlanLine) -> str:
    """The communes of an item in few characters: "cả 3 xã", or their names without the
    type word ("Ngọc Trạo, Vân Du")."""
    communes = line.communes or plan.session.communes
    if len(plan.session.communes) > 1 and set(communes) == set(plan.session.communes):
        return _("all {count} communes").format(count=len(communes))
    return ", ".join(c.name for c in communes)


def reason_short(code: str) -> str:
    """The label of a left-out reason in the language spoken ("chú thích ảnh")."""
    return reason_text(code)


def _cell(text: str, width: int) -> str:
    """`text` cut to `width` characters with "…", padded to `width`."""
    return shorten(text, width).ljust(width)


class PlanLines(OptionList):
    """Lists a plan's lines: the items in text order, then a heading and the left-out lines.

    The screen owns the plan and calls `show` after each change; `current` is the index
    (in `plan.lines`) of the highlighted line. Headings cannot be highlighted.
    """

    HELP_TITLE = HelpTitle(N_("Lines"))
    """Heading of this widget's keys in the help dialog, in the language spoken."""

    BINDINGS: ClassVar[list[BindingType]] = line_bindings()
    """The keys of `haicap.tui.widgets.line_keys`: down/j, up/k, pagedown, pageup, home, end."""

    DEFAULT_CSS = """
    PlanLines {
        height: 1fr;
        border: none;
        padding: 0;
        scrollbar-size-vertical: 1;
        /* One screen line per sentence: the text is cut with "…", the detail shows it all. */
        text-wrap: nowrap;
        text-overflow: ellipsis;
        &:focus {
            border: none;
        }
        & > .option-list--option {
            padding: 0;
        }
        & > .option-list--option-disabled {
            color: $text-muted;
            text-style: bold;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._order: list[int | None] = []
        """For each option, the index of its line in the plan (None for a heading)."""

    @property
    def order(self) -> tuple[int | None, ...]:
        """The plan line shown by each option, in display order (None: a heading)."""
        return tuple(self._order)

    @property
    def current(self) -> int | None:
        """The index in `plan.lines` of the highlighted line, or None."""
        if self.highlighted is None or self.highlighted >= len(self._order):
            return None
        return self._order[self.highlighted]

    def show(self, plan: ImportPlan, *, keep: int | None = None, position: int | None = None) -> None:
        """List `plan`'s lines; highlight line `keep`, else the line at display `position`
        (the one after a line that moved to the other section), else the first line."""
        items = [index for index, line in enumerate(plan.lines) if line.taken]
        left = [index for index, line in enumerate(plan.lines) if not line.taken]
        options: list[Option] = []
        order: list[int | None] = []
        if not items:
            options.append(Option(literal(_("— no items yet: 1–4 take a line in"), "italic"), disabled=True))
            order.append(None)
        for index in items:
            options.append(Option(self._item_prompt(plan, index)))
            order.append(index)
        options.append(Option(literal("── " + _("Left out ({count})").format(count=len(left)) + " ──"), disabled=True))
        order.append(None)
        if not left:
            options.append(Option(literal(_("— none"), "italic"), disabled=True))
            order.append(None)
        for index in left:
            options.append(Option(self._left_out_prompt(plan.lines[index])))
            order.append(index)
        self._order = order
        self.set_options(options)
        self.highlighted = self._place(keep, position)

    def _place(self, keep: int | None, position: int | None) -> int | None:
        """The option to highlight: line `keep`, else the first line at or after `position`."""
        if keep is not None and keep in self._order:
            return self._order.index(keep)
        choosable = [n for n, index in enumerate(self._order) if index is not None]
        if not choosable:
            return None
        if position is not None:
            after = [n for n in choosable if n >= position]
            # Past the end of a section: the line before, so the cursor stays near.
            return after[0] if after else choosable[-1]
        return choosable[0]

    def select_line(self, index: int) -> None:
        """Highlight line `index` of the plan (and scroll it into view)."""
        if index in self._order:
            self.highlighted = self._order.index(index)

    # -- one line each -------------------------------------------------------------------

    @staticmethod
    def _item_prompt(plan: ImportPlan, index: int) -> Content:
        line = plan.lines[index]
        assert line.kind is not None
        parts = [
            kind_tag(line.kind),
            literal("?" if line.unsure else " ", UNSURE_STYLE),
            literal(" " + _cell(communes_short(plan, line), COMMUNES_WIDTH) + " ", "$text-muted"),
        ]
        if plan.is_known(index):
            parts.append(literal(_("already stored") + " · ", KNOWN_STYLE))
        if line.kind in TRACKED_KINDS:
            if line.owner:
                parts.append(literal("→ " + _cell(line.owner, OWNER_WIDTH).rstrip() + " · ", "$text-primary"))
            if line.deadline:
                due = _("due {date}").format(date=line.deadline.strftime(DATE_FORMAT))
                parts.append(literal(f"{due} · ", "$text-primary"))
        # The line is cut to the width by the list; a few hundred characters are plenty.
        parts.append(literal(clip(line.text, 400).text))
        return Content.assemble(*parts)

    @staticmethod
    def _left_out_prompt(line: PlanLine) -> Content:
        return Content.assemble(
            literal(" " + _cell(reason_short(line.reason), REASON_WIDTH) + " ", "italic $text-muted"),
            literal(clip(line.text, 400).text),
        )
