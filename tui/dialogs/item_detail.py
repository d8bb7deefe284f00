"""The full text of one item, with its kind, session and source."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from haicap.store import Commune, FollowUp, Item, Kind
from haicap.store.domain.dates import DATE_FORMAT, format_date
from haicap.tui.dialogs.scrolling_dialog import ScrollingDialog
from haicap.tui.item_lines import overdue_badge
from haicap.tui.literal import DETAIL_LIMIT, bounded, count_text, literal

__all__ = ["ItemDetailDialog"]


class ItemDetailDialog(ScrollingDialog[None]):
    """Shows an item in full; every piece of report text is shown literally."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "dismiss", "Close", tooltip="Back to the dashboard"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape, enter, q | Back to the dashboard. |
    """

    DEFAULT_CSS = """
    ItemDetailDialog {
        & .detail-kind {
            text-style: bold;
            color: $accent;
        }
        & .detail-text {
            margin: 1 0;
        }
        & .detail-meta {
            color: $text-muted;
        }
        & .detail-gap {
            height: 1;
        }
    }
    """

    def __init__(self, item: Item, communes: Sequence[Commune], state: FollowUp | None = None) -> None:
        super().__init__()
        self.item = item
        """The item shown."""
        self.communes = tuple(communes)
        """The communes the item applies to."""
        self.state = state
        """The follow-up state today of a request or directive (None for other kinds)."""

    def compose(self) -> ComposeResult:
        session = self.item.session
        with VerticalScroll() as scroll:
            scroll.border_title = "Chi tiết / Detail"
            scroll.border_subtitle = "esc đóng / close"
            yield Static(literal(self.item.kind.title), classes="detail-kind")
            if len(self.item.text) > DETAIL_LIMIT:
                # Said before the text, so nobody scrolls through it believing it is all there.
                length = f"{count_text(len(self.item.text))} ký tự, chỉ hiện phần đầu / characters, only the beginning shown"
                yield Static(self._meta("Độ dài / Length", length), classes="detail-meta")
            yield Static(bounded(self.item.text, DETAIL_LIMIT), classes="detail-text")
            yield from self._tracking()
            yield Static(
                self._meta("Phiên / Session", f"{session.date.strftime(DATE_FORMAT)} — {session.title}"), classes="detail-meta"
            )
            leader = str(session.leader) if session.leader.name else "—"  # free text may name no leader
            yield Static(self._meta("Lãnh đạo / Leader", leader), classes="detail-meta")
            for person in session.participants:
                yield Static(self._meta("Cùng dự / With", str(person)), classes="detail-meta")
            yield Static(self._meta("Áp dụng / Communes", ", ".join(c.label for c in self.communes)), classes="detail-meta")
            yield Static(self._meta("Nguồn / Source", session.source or "—"), classes="detail-meta")
            origin = "thêm tay / added by hand" if self.item.added_by_hand else "từ báo cáo / from the report"
            yield Static(self._meta("Mã / Id", f"{self.item.id} · {origin}"), classes="detail-meta")

    def _tracking(self) -> ComposeResult:
        """The follow-up state and fields of a request or directive."""
        if self.state is None:
            return
        tracking = self.item.tracking
        state = self.state
        if state.overdue:
            shown = Content.assemble(overdue_badge(state), " ", literal(state.status.label_vi))
        else:
            shown = literal(state.label_vi)
        yield Static(Content.assemble(literal("Tình trạng / State: ", "bold"), shown), classes="detail-state")

        def date(day: dt.date | None) -> str:
            return format_date(day) if day else "—"

        directive = self.item.kind is Kind.DIRECTIVE
        owner = tracking.owner or ("— (xã / the commune)" if directive else "—")
        rows = [
            ("Thực hiện / Owner" if directive else "Chủ trì / Owner", owner),
            ("Phối hợp / With", "; ".join(tracking.co_agencies) or "—"),
            ("Hạn / Deadline", date(state.deadline) + ("" if tracking.deadline or directive else " (mặc định / default)")),
        ]
        if directive:
            rows.append(("Hoàn thành / Done", date(tracking.done)))
        else:
            rows.append(("Trả lời / Answer", tracking.answer or "—"))
        rows.append(("Ghi chú / Note", tracking.note or "—"))
        for name, value in rows:
            yield Static(self._meta(name, value), classes="detail-meta")
        yield Static("", classes="detail-gap")

    @staticmethod
    def _meta(label: str, value: str) -> Content:
        """One "Label: value" line; values (answers, notes, sources) are bounded like the text."""
        return Content.assemble(literal(f"{label}: ", "bold"), bounded(value, DETAIL_LIMIT))
