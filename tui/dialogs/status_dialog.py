"""Choose the status of a request or a directive; the current one is marked."""

from __future__ import annotations

from textual.content import Content

from haicap.store import DirectiveStatus, Item, Kind, RequestStatus
from haicap.store.domain.i18n import _
from haicap.tui.dialogs.choice_dialog import Choice, ChoiceDialog
from haicap.tui.literal import literal, short

__all__ = ["StatusDialog", "current_status"]

Status = RequestStatus | DirectiveStatus


def current_status(item: Item) -> Status:
    """What an officer last set: a request's status ("Mới tiếp nhận" when unset), or
    whether a directive is done."""
    if item.kind is Kind.DIRECTIVE:
        return DirectiveStatus.DONE if item.tracking.done else DirectiveStatus.IN_PROGRESS
    return item.tracking.status or RequestStatus.NEW


def about_item(item: Item, width: int = 60) -> Content:
    """A line naming the item a dialog acts on: "Kiến nghị: Đề nghị tỉnh hỗ trợ…"
    ("Request: …" in English)."""
    return Content.assemble(literal(f"{item.kind.singular}: ", "bold"), literal(short(item.text, width)))


class StatusDialog(ChoiceDialog[Status]):
    """The states allowed for the item's kind: the five of a request, or a directive's
    "Đang thực hiện" / "Hoàn thành". Dismisses with the chosen status or None."""

    def __init__(self, item: Item) -> None:
        states: list[Status] = list(DirectiveStatus if item.kind is Kind.DIRECTIVE else RequestStatus)
        current = current_status(item)
        super().__init__(
            _("Status"),
            about_item(item),
            [self._entry(state, state == current, item) for state in states],
            start=states.index(current),
        )
        self.item = item
        """The request or directive whose status is chosen."""

    @staticmethod
    def _entry(state: Status, current: bool, item: Item) -> Choice[Status]:
        mark = literal("● " if current else "  ", "$accent")
        parts = [mark, literal(state.label, "bold" if current else "")]
        if current:
            parts.append(literal(" " + _("(current)"), "$accent"))
        if state is DirectiveStatus.DONE and not item.tracking.done:
            parts.append(literal(" · " + _("done today"), "dim"))
        return (Content.assemble(*parts), state, True)
