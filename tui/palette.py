"""haicap's entries in the command palette (ctrl+p): every action of the dashboard and its views.

Present, import, export, overview, late items, search, province, go to a commune, read-only
state, messages, help and themes; each runs the action its key runs, where that key would work.

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
from haicap.tui.screens.dashboard import DashboardScreen
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
        # The screen the palette was opened over (while the palette is shown, `app.screen`
        # is the palette itself: judged by it, no dashboard action would ever be offered).
        under = self.screen
        dashboard = under if isinstance(under, DashboardScreen) else None
        on_dashboard = dashboard is not None
        # (shown when, name, help, action): an action of the app ("app.…") or of the screen
        # under the palette ("screen.…"), run as its key would run it.
        offered: list[tuple[bool, str, str, str]] = [
            (
                dashboard is not None and app.can_present(dashboard),
                "Trình chiếu / Present",
                "Phiên mới nhất của xã, toàn màn hình (P) / The commune's newest session, full screen",
                "app.present",
            ),
            (
                on_dashboard and not app.store.read_only,
                "Nhập báo cáo / Import a report",
                "Đọc một tệp báo cáo, xem lại rồi lưu (i) / Read a report file, review it, store it",
                "screen.import_report",
            ),
            (
                dashboard is not None and dashboard.selected is not None,
                "Xuất văn bản / Export",
                "Biên bản Word, bảng theo dõi Excel, Markdown, CSV (x) / Word minutes, Excel tracking table…",
                "screen.export",
            ),
            (
                bool(app.check_action("overview", ())),
                "Tổng quan tỉnh / Overview",
                "Các xã của tỉnh với số liệu (o) / The province's communes with their counts",
                "app.overview",
            ),
            (
                bool(app.check_action("late", ())),
                "Quá hạn / Late items",
                "Kiến nghị, chỉ đạo quá hạn, cũ nhất trước (l) / Overdue requests and directives, oldest first",
                "app.late",
            ),
            (
                not under.is_modal,
                "Tìm kiếm / Search",
                "Tìm trong nội dung mọi xã, không cần dấu (ctrl+f) / Search every commune's items",
                "app.search",
            ),
            (
                on_dashboard,
                "Chọn tỉnh / Choose a province",
                "Chuyển sang tỉnh khác (T) / Switch to another province",
                "screen.pick_province",
            ),
            (
                on_dashboard,
                "Đi tới xã / Go to a commune",
                "Lọc danh sách xã theo tên (/); hoặc gõ tên xã ở đây / Filter the commune list; or type a name here",
                "screen.filter",
            ),
            (
                True,
                "Quyền ghi / Read-only state",
                "Dashboard này có được sửa kho không, và vì sao / Whether this dashboard may change the store",
                "app.read_only_state",
            ),
            (
                True,
                "Thông báo đã hiện / Messages",
                "Mọi thông báo của lần chạy này, mới nhất trước (M) / Every message shown in this run",
                "app.notice_log",
            ),
            (True, "Trợ giúp / Help", "Mọi phím, theo màn hình (?) / Every key, by screen", "app.help"),
        ]
        commands: list[Command] = [
            (name, help_text, partial(app.run_action, action)) for shown, name, help_text, action in offered if shown
        ]
        for theme in HAICAP_THEMES:
            commands.append(
                (
                    f"Giao diện / Theme: {theme.name}",
                    "Đổi giao diện; lựa chọn được ghi nhớ / Switch theme; the choice is remembered",
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
