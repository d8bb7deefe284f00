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
from haicap.store.domain.i18n import N_, _, pgettext
from haicap.tui.dialogs.scrolling_dialog import ScrollingDialog
from haicap.tui.item_lines import attention_badge
from haicap.tui.literal import DETAIL_LIMIT, bounded, count_text, literal
from haicap.tui.widgets.link_checklist import LinkChoice

__all__ = ["ItemDetailDialog"]


class ItemDetailDialog(ScrollingDialog[None]):
    """Shows an item in full; every piece of report text is shown literally."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "dismiss", N_("Close"), tooltip=N_("Back to the dashboard")),
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

    def __init__(
        self, item: Item, communes: Sequence[Commune], state: FollowUp | None = None, links: Sequence[LinkChoice[str]] = ()
    ) -> None:
        super().__init__()
        self.item = item
        """The item shown."""
        self.communes = tuple(communes)
        """The communes the item applies to."""
        self.state = state
        """The follow-up state today of a request or directive (None for other kinds)."""
        self.links = tuple(links)
        """A request's answering directives, or the requests a directive answers."""

    def compose(self) -> ComposeResult:
        session = self.item.session
        with VerticalScroll() as scroll:
            scroll.border_title = _("Detail")
            scroll.border_subtitle = _("esc close")
            yield Static(literal(self.item.kind.singular), classes="detail-kind")
            if len(self.item.text) > DETAIL_LIMIT:
                # Said before the text, so nobody scrolls through it believing it is all there.
                length = _("{count} characters, only the beginning shown").format(count=count_text(len(self.item.text)))
                yield Static(self._meta(_("Length"), length), classes="detail-meta")
            yield Static(bounded(self.item.text, DETAIL_LIMIT), classes="detail-text")
            yield from self._tracking()
            yield Static(
                self._meta(_("Session"), f"{session.date.strftime(DATE_FORMAT)} — {session.title}"), classes="detail-meta"
            )
            leader = str(session.leader) if session.leader.name else "—"  # free text may name no leader
            yield Static(self._meta(_("Leader"), leader), classes="detail-meta")
            for person in session.participants:
                yield Static(self._meta(pgettext("participants", "With"), str(person)), classes="detail-meta")
            yield Static(self._meta(_("Applies to"), ", ".join(c.label for c in self.communes)), classes="detail-meta")
            yield Static(self._meta(_("Source"), session.source or "—"), classes="detail-meta")
            origin = _("added by hand") if self.item.added_by_hand else _("from the report")
            yield Static(self._meta(_("Id"), f"{self.item.id} · {origin}"), classes="detail-meta")

    def _tracking(self) -> ComposeResult:
        """The follow-up state and fields of a request or directive."""
        if self.state is None:
            return
        tracking = self.item.tracking
        state = self.state
        badge = attention_badge(state)
        # An overdue item's label would repeat its badge's days.
        state_label = literal(state.status.label if state.overdue else state.label)
        shown = Content.assemble(badge, " ", state_label) if badge is not None else state_label
        yield Static(Content.assemble(literal(_("State") + ": ", "bold"), shown), classes="detail-state")

        def date(day: dt.date | None) -> str:
            return format_date(day) if day else "—"

        directive = self.item.kind is Kind.DIRECTIVE
        owner = tracking.owner or ("— (" + _("the commune") + ")" if directive else "—")
        default = "" if tracking.deadline or directive else " (" + _("default") + ")"
        rows = [
            (pgettext("directive", "Owner") if directive else _("Owner"), owner),
            (_("Co-agencies"), "; ".join(tracking.co_agencies) or "—"),
            (_("Deadline"), date(state.deadline) + default),
        ]
        if directive:
            rows.append((_("Done"), date(tracking.done)))
        else:
            rows.append((_("Answer"), tracking.answer or "—"))
        rows.append((_("Note"), tracking.note or "—"))
        label = _("Answers") if directive else _("Answered by")
        rows += [(label, f"{link.id_and_state} · {link.text}") for link in self.links]
        for name, value in rows:
            yield Static(self._meta(name, value), classes="detail-meta")
        yield Static("", classes="detail-gap")

    @staticmethod
    def _meta(label: str, value: str) -> Content:
        """One "Label: value" line; values (answers, notes, sources) are bounded like the text."""
        return Content.assemble(literal(f"{label}: ", "bold"), bounded(value, DETAIL_LIMIT))
