"""haicap's entries in the command palette (ctrl+p): present, go to a commune, import, themes.

Names are matched without diacritics or case, as everywhere in haicap, so "ngoc trao"
finds "Đi tới xã Ngọc Trạo". Textual's own "Theme" entry stays too, listing every theme.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from haicap.store.domain.text import fold, matches
from haicap.tui.literal import literal
from haicap.tui.messages import ShowOnDashboard
from haicap.tui.themes import HAICAP_THEMES

if TYPE_CHECKING:
    from haicap.tui.app import HaicapApp

__all__ = ["HaicapCommands"]

Command = tuple[str, str, Callable[[], object]]
"""What the palette shows, the help line under it, and what choosing it does."""


class HaicapCommands(Provider):
    """Offers haicap's actions where they make sense, and every commune of the dashboard's province."""

    @property
    def haicap(self) -> HaicapApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    def _commands(self) -> list[Command]:
        app = self.haicap
        commands: list[Command] = []
        if app.can_present():
            commands.append(
                ("Trình chiếu / Present", "Show the commune's newest session full screen, slide by slide", app.action_present)
            )
        dashboard = app.dashboard_if_shown()
        if dashboard is not None and not app.store.read_only:
            commands.append(
                ("Nhập báo cáo / Import a report", "Read a report file and add it to the store", dashboard.action_import_report)
            )
        if dashboard is not None and dashboard.selected is not None:
            commands.append(
                (
                    "Xuất văn bản / Export",
                    "Word minutes, Excel tracking table, Markdown or CSV of the commune",
                    dashboard.action_export,
                )
            )
        for theme in HAICAP_THEMES:
            commands.append(
                (
                    f"Giao diện / Theme: {theme.name}",
                    "Switch theme; the choice is remembered",
                    partial(setattr, app, "theme", theme.name),
                )
            )
        return commands

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(literal(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(fold(query))
        for name, help_text, callback in self._commands():
            score = matcher.match(fold(name))
            if score > 0:
                yield Hit(score, literal(name), callback, text=name, help=help_text)
        province = self.haicap.dashboard.province
        if province is None or not fold(query):
            return
        for summary in self.haicap.store.commune_summaries(province):
            commune = summary.commune
            if matches(query, commune.label):
                name = f"Đi tới / Go to {commune.label}"
                help_text = (
                    f"{summary.session_count} phiên / sessions" if summary.has_reports else "chưa có báo cáo / no reports yet"
                )
                # Communes with reports first; below the commands the query names exactly.
                score = 0.6 if summary.has_reports else 0.5
                go_to = partial(self.haicap.post_message, ShowOnDashboard(commune))
                yield Hit(score, literal(name), go_to, text=name, help=help_text)
