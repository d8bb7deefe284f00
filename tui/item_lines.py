"""How an item reads in one line (a pane) and its follow-up in a few words (the preview,
the detail dialog): the text helpers the panes and the dialogs share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from textual.content import Content

from haicap.store import Item
from haicap.store.domain.dates import DATE_FORMAT
from haicap.store.domain.followup import DeadlineRules, FollowUp, follow_up
from haicap.store.domain.i18n import _, pgettext
from haicap.store.domain.text import shorten
from haicap.tui.literal import literal

__all__ = [
    "OWNER_WIDTH",
    "attention_badge",
    "due_soon_column",
    "item_line",
    "overdue_badge",
    "owner_width",
    "session_line",
    "state_line",
    "state_parts",
]


def session_line(item: Item) -> str:
    """The short provenance line under an item: "25/11/2025 · Trịnh Tuấn Sinh".

    Sessions read from free text may name no leader; the line is then just the date.
    """
    date = item.session.date.strftime(DATE_FORMAT)
    leader = item.session.leader.name
    line = f"{date} · {leader}" if leader else date
    if item.added_by_hand:
        return line + " · " + _("added by hand")
    return line


def state_parts(item: Item, state: FollowUp) -> list[str]:
    """The pieces of a request's or directive's state line after its status:
    owner, deadline in force, completion date ("Sở Tài chính", "hạn 04/01/2026")."""
    parts = []
    if item.tracking.owner:
        parts.append(item.tracking.owner)
    if state.deadline is not None:
        parts.append(_("due {date}").format(date=state.deadline.strftime(DATE_FORMAT)))
    if item.tracking.done is not None:
        parts.append(_("done {date}").format(date=item.tracking.done.strftime(DATE_FORMAT)))
    return parts


def state_line(item: Item, state: FollowUp) -> Content:
    """The follow-up line of a request or directive, e.g.
    "Đang giải quyết · Sở Tài chính · hạn 04/01/2026" ("✓ Hoàn thành – đúng hạn · …" when closed)."""
    # An overdue item's label would repeat the mark shown on its first line.
    label = state.status.label if state.overdue else state.short_label
    rest = literal(" · ".join([label, *state_parts(item, state)]), "$text-muted")
    if not state.is_open:
        return Content.assemble(literal("✓ ", "$text-success"), rest)
    return rest


def overdue_badge(state: FollowUp) -> Content:
    """The mark an overdue item starts with: " ⚠ quá hạn 12 ngày " in the error colours.

    It is text as well as colour, so it survives a monochrome terminal, and it comes first
    so a narrow pane shows it even when the item's text is long.
    """
    return literal(f" {state.mark} ", "bold $text-error on $error-muted")


def attention_badge(state: FollowUp) -> Content | None:
    """The badge an item that needs attention starts with: overdue (`overdue_badge`), or
    " ◷ sắp đến hạn, còn 3 ngày " in the warning colours; None for the others."""
    if state.overdue:
        return overdue_badge(state)
    if state.due_soon:
        return literal(f" {state.mark} ", "bold $text-warning on $warning-muted")
    return None


_LINE_CHARS = 400
"""Characters of an item's text a pane's line starts from (it shows fewer, ending in "…")."""
OWNER_WIDTH = 18
"""The owner column's width, where the pane is wide enough to have one."""
_WIDE, _MEDIUM = 60, 34
"""Pane widths (in cells) from which the owner column, then the deadline column, are shown."""


def _due(state: FollowUp) -> tuple[str, str]:
    """The deadline column of a tracked item, and its style: overdue and due soon in words and colour."""
    if state.overdue:
        return _("{days}d overdue").format(days=state.late_days), "bold $text-error"
    if state.due_soon and state.days_left is not None:
        return due_soon_column(state.days_left), "bold $text-warning"
    if not state.is_open:
        return pgettext("deadline column", "done"), "$text-success"
    if state.deadline is not None:
        return state.deadline.strftime(DATE_FORMAT), "$text-muted"
    return "", ""


def due_soon_column(days_left: int) -> str:
    """ "còn 3 ngày" ("3d left") or "hôm nay" ("due today"): a due-soon item's deadline column."""
    if days_left == 0:
        return pgettext("deadline column", "due today")
    return _("{days}d left").format(days=days_left)


def owner_width(items: Sequence[Item]) -> int:
    """The owner column's width for `items`: the longest owner, at most `OWNER_WIDTH`; 0 when none has one."""
    return min(max((len(item.tracking.owner or "") for item in items), default=0), OWNER_WIDTH)


def item_line(item: Item, width: int, today: dt.date, rules: DeadlineRules | None = None, owners: int = OWNER_WIDTH) -> Content:
    """The one line an item takes in a pane `width` cells wide.

    A mark first (✓ done, ⚠ overdue, ◷ due soon, · otherwise), then the text cut to fit with
    "…", then, for requests and directives, the owner and the deadline in aligned columns when
    the pane is wide enough (`owners` cells for the owner column; 0: none). In a narrow pane
    an overdue item says "quá N ngày" before its text and a due-soon one "còn N ngày", so the
    words are never the part that is cut.
    """
    state = follow_up(item, today, rules)
    # No line is wider than a few hundred cells: the rest of a long text is never looked at.
    text = literal(" ".join(item.text[:_LINE_CHARS].split()))
    if state is None:
        mark = literal("• ", "$text-muted")
        columns = Content("")
    else:
        if state.overdue:
            mark = literal("⚠ ", "bold $text-error")
        elif state.due_soon:
            mark = literal("◷ ", "bold $text-warning")
        elif not state.is_open:
            mark = literal("✓ ", "$text-success")
        else:
            mark = literal("· ", "$text-muted")
        due, due_style = _due(state)
        if width >= _WIDE and owners:
            owner = shorten(item.tracking.owner or "—", owners)
            columns = Content.assemble(" ", literal(owner.ljust(owners), "$text-muted"), " ", literal(due.rjust(11), due_style))
        elif width >= _MEDIUM:
            columns = Content.assemble(" ", literal(due.rjust(11), due_style))
        else:
            columns = Content("")
            if state.overdue or state.due_soon:
                text = Content.assemble(literal(due, due_style), " ", text)
    room = max(width - mark.cell_length - columns.cell_length, 1)
    text = text.truncate(room, ellipsis=True, pad=True)
    return Content.assemble(mark, text, columns)
