"""The line at the top of the dashboard: province, commune, its code and its sessions, the narrowing."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widgets import Static

from haicap.store import Commune, Province, Session
from haicap.store.domain.i18n import _, ngettext
from haicap.tui.literal import literal, short

__all__ = ["DashboardHeader"]

FILTER_SHOWN = 16
"""At most this many characters of the filter text in the header (the filter box shows it all)."""


class DashboardHeader(Static):
    """Says where the user is; the parent calls `show` whenever the selection changes.

    The line has two parts: where the user is (province, commune) and the marks that say
    what narrows the list or the panes (`r`, the filter, a session) and how to undo it.
    When the line is wider than the header, the first part gives way (shorter, then cut
    with "…"): the marks are never cut, at 80 columns too.
    """

    DEFAULT_CSS = """
    DashboardHeader {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $foreground;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._where: tuple[Content, ...] = (Content(),)
        """Where the user is, from the fullest way of saying it to the shortest (see `show`)."""
        self._marks = Content()
        """What narrows the list or the panes; always shown whole."""

    def show(
        self,
        province: Province | None,
        commune: Commune | None,
        session_count: int,
        *,
        only_reported: bool = False,
        reported_hides_matches: bool = False,
        filter_text: str = "",
        read_only: bool = False,
        session: Session | None = None,
    ) -> None:
        """Describe the current province and commune (and say so when the store is read-only,
        and which `session` the panes are narrowed to, when they are).

        `reported_hides_matches`: no commune is listed, but some would be without `r`; the
        `r` mark then says that `r` shows them."""
        brand = literal("haicap", "bold $accent")
        viewer = literal(" " + _("[read-only]") if read_only else "", "bold $warning")
        where = Content.assemble(literal(" │ "), literal(province.full_name, "bold")) if province else Content()
        sessions = ngettext("{count} session", "{count} sessions", session_count).format(count=session_count)
        if commune is not None:
            label = Content.assemble(literal(" │ "), literal(commune.label, "bold"))
            code = _("code {code}").format(code=commune.code)
            full = Content.assemble(label, literal(f" · {code} · {sessions}"))
            shorter = shortest = Content.assemble(label, literal(f" · {sessions}"))
        elif province is not None:
            full = shorter = literal(" │ " + _("no commune matches"), "italic")
            shortest = Content()
        else:
            full = shorter = shortest = Content()
        # When the line is too wide: the commune's code goes, the no-match text (the
        # empty list says it), then the province while a commune is shown.
        self._where = (
            Content.assemble(brand, viewer, where, full),
            Content.assemble(brand, viewer, where, shorter),
            Content.assemble(brand, viewer, where, shortest),
            Content.assemble(brand, viewer, shortest if commune is not None else where),
        )
        marks: list[Content] = []
        if only_reported:
            marks.append(literal(" │ ● " + _("only communes with reports"), "$accent"))
            if reported_hides_matches:
                marks.append(literal(" · " + _("r: all communes"), "bold $accent"))
        if filter_text:
            marks += [literal(" │ " + _("filter:") + " ", "dim"), literal(short(filter_text, FILTER_SHOWN))]
        if session is not None:
            marks += [literal(" │ "), literal("◆ " + _("session {date}").format(date=f"{session.date:%d/%m/%Y}"), "bold $accent")]
        self._marks = Content.assemble(*marks)
        self._fit()

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        """Show the line in the header's width (whole while the width is not known yet)."""
        width, marks = self.content_size.width, self._marks
        room = width - marks.cell_length
        fitting = (where for where in self._where if where.cell_length <= room)
        where = self._where[0] if not width else next(fitting, self._where[-1].truncate(max(room, 0), ellipsis=True))
        self.update(Content.assemble(where, marks), layout=False)
