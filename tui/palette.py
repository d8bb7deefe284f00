"""haicap's entries in the command palette (ctrl+p): every action of the dashboard and its views.

Present, import, export, overview, late items, search, province, go to a commune, read-only
state, messages, help, themes and the other language; each runs the action its key runs,
where that key would work. They are shown in the language spoken (Vietnamese by default);
the language entry is named in the language it switches to ("English", "Tiếng Việt").

Names are matched without diacritics or case, as everywhere in haicap, so "ngoc trao"
finds "Đi tới Ngọc Trạo". Textual's own "Theme" entry stays too, listing every theme;
Textual's entries (theme, quit, maximize, screenshot) are `system_commands`, in the language spoken.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from rich.align import Align
from rich.text import Text
from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen
from textual.widgets.option_list import Option

from haicap.store.domain.i18n import N_, _, language, ngettext
from haicap.store.domain.text import fold, matches
from haicap.tui.literal import literal
from haicap.tui.messages import ShowOnDashboard
from haicap.tui.screens.dashboard import DashboardScreen
from haicap.tui.screens.overview import OverviewScreen
from haicap.tui.themes import HAICAP_THEMES

if TYPE_CHECKING:
    from haicap.tui.app import HaicapApp

__all__ = ["HaicapCommands", "HaicapPalette", "system_commands"]

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
                N_("Present"),
                N_("The commune's newest session, full screen (P)"),
                "app.present",
            ),
            (
                on_dashboard and not app.store.read_only,
                N_("Import a report"),
                N_("Read a report file, review it, store it (i)"),
                "screen.import_report",
            ),
            (
                dashboard is not None and dashboard.selected is not None,
                N_("Export a document"),
                N_("Word minutes, Excel tracking table, Markdown, CSV (x)"),
                "screen.export",
            ),
            (
                isinstance(under, OverviewScreen),
                N_("Report a period"),
                N_("The province's two-axis counts, overdue items and changes of a period (x)"),
                "screen.report",
            ),
            (
                bool(app.check_action("overview", ())),
                N_("Province overview"),
                N_("The province's communes with their counts (o)"),
                "app.overview",
            ),
            (
                bool(app.check_action("late", ())),
                N_("Late items"),
                N_("Overdue requests and directives, oldest first (l)"),
                "app.late",
            ),
            (
                not under.is_modal,
                N_("Search"),
                N_("Search the items of every commune, diacritics optional (ctrl+f)"),
                "app.search",
            ),
            (
                on_dashboard,
                N_("Choose a province"),
                N_("Switch to another province (T)"),
                "screen.pick_province",
            ),
            (
                on_dashboard,
                N_("Go to a commune"),
                N_("Filter the commune list by name (/); or type a commune's name here"),
                "screen.filter",
            ),
            (
                True,
                N_("Read-only state"),
                N_("Whether this dashboard may change the store, and why"),
                "app.read_only_state",
            ),
            (
                True,
                N_("Messages shown"),
                N_("Every message shown in this run, newest first (M)"),
                "app.notice_log",
            ),
            (True, N_("Help"), N_("Every key, by screen (?)"), "app.help"),
        ]
        commands: list[Command] = [
            (_(name), _(help_text), partial(app.run_action, action)) for shown, name, help_text, action in offered if shown
        ]
        for theme in HAICAP_THEMES:
            commands.append(
                (
                    _("Theme: {name}").format(name=theme.name),
                    _("Switch theme; the choice is remembered"),
                    partial(setattr, app, "theme", theme.name),
                )
            )
        # Named in the language it switches to, so that it is found by who needs it.
        if language() == "vi":
            commands.append(("English", _("Speak English from now on; the choice is remembered"), partial(app.speak, "en")))
        else:
            commands.append(("Tiếng Việt", _("Speak Vietnamese from now on; the choice is remembered"), partial(app.speak, "vi")))
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
                name = _("Go to {commune}").format(commune=commune.label)
                if summary.has_reports:
                    count = summary.session_count
                    help_text = ngettext("{count} session", "{count} sessions", count).format(count=count)
                else:
                    help_text = _("no reports yet")
                # Communes with reports first; below the commands the query names exactly.
                score = 0.6 if summary.has_reports else 0.5
                go_to = partial(self.haicap.post_message, ShowOnDashboard(commune))
                yield Hit(score, literal(name), go_to, text=name, help=help_text)


class HaicapPalette(CommandPalette):
    """Textual's command palette, saying "No matches found" in the language spoken (its
    placeholder is given by whoever opens it: `HaicapApp.action_command_palette`)."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own, with its one English sentence translated (Textual is pinned exactly).
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                no_matches = Option(
                    Align.center(Text(_("No matches found"), style="not bold")), disabled=True, id=self._NO_MATCHES
                )
                self.query_one(CommandList).add_option(no_matches)
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)


def system_commands(app: HaicapApp, screen: Screen[Any]) -> Iterable[SystemCommand]:
    """Textual's entries of the palette, in the language spoken. Its "Keys" panel is left
    out: it would list the keys' descriptions untranslated, and haicap's help (`?`, the
    palette's "Help") lists every key of the screen."""
    yield SystemCommand(_("Theme"), _("Change the theme, choosing among all of them"), app.action_change_theme)
    yield SystemCommand(_("Quit"), _("Quit haicap"), app.action_quit)
    if screen.maximized is not None:
        yield SystemCommand(_("Minimize"), _("Give the widget its usual size again"), screen.action_minimize)
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield SystemCommand(_("Maximize"), _("Show the focused widget over the whole screen"), screen.action_maximize)
    yield SystemCommand(_("Screenshot"), _("Save an SVG picture of the screen"), lambda: app.set_timer(0.1, app.screenshots.take))
