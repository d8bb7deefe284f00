"""The line at the top of the dashboard: province, commune, its code and its sessions, the narrowing."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from haicap.store import Commune, Province, Session
from haicap.tui.literal import literal

__all__ = ["DashboardHeader"]


class DashboardHeader(Static):
    """Says where the user is; the parent calls `show` whenever the selection changes."""

    DEFAULT_CSS = """
    DashboardHeader {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $foreground;
    }
    """

    def show(
        self,
        province: Province | None,
        commune: Commune | None,
        session_count: int,
        *,
        only_reported: bool = False,
        filter_text: str = "",
        read_only: bool = False,
        session: Session | None = None,
    ) -> None:
        """Describe the current province and commune (and say so when the store is read-only,
        and which `session` the panes are narrowed to, when they are)."""
        parts: list[Content | str] = [literal("haicap", "bold $accent")]
        if read_only:
            parts.append(literal(" [chỉ xem / read-only]", "bold $warning"))
        if province is not None:
            parts += [literal(" │ "), literal(province.full_name, "bold")]
        if commune is not None:
            parts += [
                literal(" │ "),
                literal(commune.label, "bold"),
                literal(f" · mã {commune.code} · {session_count} phiên", ""),
            ]
        elif province is not None:
            parts.append(literal(" │ không có xã nào khớp / no commune matches", "italic"))
        if only_reported:
            parts.append(literal(" │ ● chỉ xã có báo cáo", "$accent"))
        if filter_text:
            parts += [literal(" │ lọc: ", "dim"), literal(filter_text)]
        if session is not None:
            parts += [literal(" │ "), literal(f"◆ phiên {session.date:%d/%m/%Y}", "bold $accent")]
        self.update(Content.assemble(*parts))
