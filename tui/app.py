"""The haicap App and `make_app`, the one factory the command line and the tests share."""

from __future__ import annotations

import gc
import io
import os
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from textual import events, on
from textual._files import generate_datetime_filename
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.notifications import Notify, SeverityLevel
from textual.screen import Screen
from textual.theme import Theme, ThemeProvider

from haicap.store import Commune, Item, Province, Store
from haicap.store.domain.clock import Calendar, Clock, set_clock
from haicap.store.domain.i18n import N_, _, set_language
from haicap.store.views.slides import Deck, deck_of_session
from haicap.tui import user_config
from haicap.tui.dialogs.help import HelpDialog, HelpSection, bindings_of
from haicap.tui.dialogs.notice_log_dialog import NoticeLogDialog
from haicap.tui.dialogs.search_dialog import SearchDialog
from haicap.tui.dialogs.too_small_dialog import TooSmallDialog, too_small
from haicap.tui.literal import visible
from haicap.tui.messages import CommunesLoaded, LoadFailed, ProvinceLoaded, ShowOnDashboard
from haicap.tui.notice_log import NoticeLog
from haicap.tui.palette import HaicapCommands, HaicapPalette
from haicap.tui.screens.dashboard import DashboardScreen
from haicap.tui.screens.late import LateScreen
from haicap.tui.screens.overview import OverviewScreen
from haicap.tui.screens.presenter import PresenterScreen
from haicap.tui.serving.folders import ServedMode
from haicap.tui.themes import HAICAP_THEMES

__all__ = ["HaicapApp", "make_app"]

SCREENSHOT = "haicap-screenshot"
"""The name of a screenshot's delivery: not Textual's "screenshot", whose notices are in English."""

ViewTarget = TypeVar("ViewTarget", Commune | None, Item | None)
"""What a view over the dashboard dismisses with: a commune or an item to show there, or None."""


class HaicapApp(App[None]):
    """The haicap dashboard. It owns the store and closes it when the app ends."""

    TITLE = "haicap"
    CSS_PATH = Path(__file__).parent / "app.tcss"
    COMMANDS = App.COMMANDS | {HaicapCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", N_("Quit"), tooltip=N_("Quit haicap (ctrl+q works everywhere)")),
        Binding("question_mark", "help", N_("Help"), key_display="?", tooltip=N_("Show every key")),
        # Out of the dashboard's footer at 80 columns, which has no room left; a wider one
        # shows them (KeyBar's `extra`), and the overview and late views show them in theirs.
        Binding("o", "overview", N_("Overview"), show=False, tooltip=N_("Overview of the province's communes, with totals")),
        Binding(
            "l",
            "late",
            N_("Late"),
            show=False,
            tooltip=N_("Overdue items, oldest first, then those due soon"),
        ),
        Binding("ctrl+f", "search", N_("Search"), show=False, tooltip=N_("Search the text of every item of every commune")),
        Binding(
            "P",
            "present",
            N_("Present"),
            key_display="P",
            show=False,
            tooltip=N_("Present the commune's newest session full screen"),
        ),
        Binding(
            "M",
            "notice_log",
            N_("Messages"),
            key_display="M",
            show=False,
            tooltip=N_("Every message shown in this run, newest first"),
        ),
    ]
    """Keys that work on every screen; the help dialog lists them first."""

    def __init__(
        self,
        store: Store,
        province: Province | None = None,
        *,
        served: ServedMode | None = None,
        calendar: Calendar | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        """The store every screen reads."""
        self.calendar = calendar or Calendar()
        """Which day deadlines are measured against (the command line's `--today`), handed to each screen."""
        self.served = served
        """How this app runs for a browser tab of `haicap serve`, or None in a terminal."""
        self.start_province = province
        """The province asked for on the command line, or None for the default."""
        self._started = False
        self.notices = NoticeLog()
        """Every notice shown in this run (`M` lists them)."""
        self.start_deck: Deck | None = None
        """A presentation to open over the dashboard at start (`haicap present`), or None."""
        for theme in HAICAP_THEMES:
            self.register_theme(theme)
        remembered = user_config.remembered_theme()
        if remembered in self.available_themes:
            self.theme = remembered
        self._remembered_theme = self.theme

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.start_deck is not None:
            self.push_screen(PresenterScreen(self.start_deck), self._show_on_dashboard)

    @on(events.Resize)
    def _check_size(self, event: events.Resize) -> None:
        # Under 80×24 the panes would be cut mid-word; say so instead, until it grows.
        width, height = event.size
        shown = next((screen for screen in self.screen_stack if isinstance(screen, TooSmallDialog)), None)
        if too_small(width, height):
            if shown is None:
                self.push_screen(TooSmallDialog(width, height))
            else:
                shown.show_size(width, height)
        elif shown is not None and self.screen is shown:
            shown.dismiss(None)

    def _remember_theme(self, theme: Theme) -> None:
        # The signal also fires for the theme set at start; only a change is written.
        # Served, the page's user may not write the serving user's files, their config included.
        if theme.name != self._remembered_theme and self.served is None:
            self._remembered_theme = theme.name
            if not user_config.remember_theme(theme.name):
                self.notify(_("{path}: cannot save the theme").format(path=user_config.config_path()), severity="warning")

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a notification, always as plain text.

        Notices quote item text, other officers' values and file names, which may hold
        Rich markup or control characters; none of haicap's own notices uses markup, so
        every one is shown literally, with control characters made visible. Each is kept in
        `notices` too, so that one that went away while the officer looked elsewhere is not lost."""
        shown, heading = visible(message), visible(title)
        self.notices.add(f"{heading}: {shown}" if heading else shown, severity)
        super().notify(shown, title=heading, severity=severity, timeout=timeout, markup=False)

    def _on_notify(self, event: Notify) -> None:
        # One notice at a time on the status line (app.tcss): the newest replaces the one
        # shown, which stays in `notices`. Textual adds a notice when its message arrives,
        # so the others are dropped here, not in `notify` (Textual is pinned exactly).
        self._notifications.clear()
        super()._on_notify(event)

    # -- Textual's own words, in the language spoken ------------------------------------

    def action_command_palette(self) -> None:
        """The palette (ctrl+p), its placeholder in the language spoken."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(HaicapPalette(id="--command-palette", placeholder=_("Search for commands…")))

    def action_change_theme(self) -> None:
        """The palette of themes (the palette's "Theme")."""
        self.push_screen(HaicapPalette(providers=[ThemeProvider], placeholder=_("Search for themes…")))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's entries of the palette, in the language spoken. Its "Keys" panel is left
        out: it would list the keys' descriptions untranslated, and haicap's help (`?`, the
        palette's "Help") lists every key of the screen."""
        yield SystemCommand(_("Theme"), _("Change the theme, choosing among all of them"), self.action_change_theme)
        yield SystemCommand(_("Quit"), _("Quit haicap"), self.action_quit)
        if screen.maximized is not None:
            yield SystemCommand(_("Minimize"), _("Give the widget its usual size again"), screen.action_minimize)
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand(_("Maximize"), _("Show the focused widget over the whole screen"), screen.action_maximize)
        yield SystemCommand(
            _("Screenshot"), _("Save an SVG picture of the screen"), lambda: self.set_timer(0.1, self._deliver_screenshot)
        )

    def _deliver_screenshot(self) -> None:
        # Textual's `deliver_screenshot`, under a name of haicap's so that haicap says where it went.
        self.deliver_text(
            io.StringIO(self.export_screenshot()),
            save_filename=generate_datetime_filename(self.title, ".svg"),
            open_method="browser",
            mime_type="image/svg+xml",
            name=SCREENSHOT,
        )

    @on(events.DeliveryComplete)
    def _screenshot_saved(self, event: events.DeliveryComplete) -> None:
        if event.name == SCREENSHOT:
            if event.path is None:
                self.notify(_("Screenshot saved"))
            else:
                self.notify(_("Screenshot saved: {path}").format(path=event.path))

    @on(events.DeliveryFailed)
    def _screenshot_failed(self, event: events.DeliveryFailed) -> None:
        if event.name == SCREENSHOT:
            self.notify(_("Could not save the screenshot"), severity="error")

    def action_help_quit(self) -> None:
        """ctrl+c outside a text field: say which key quits (Textual's, in the language spoken)."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(_("Press {key} to quit haicap").format(key=key))
                return

    def get_default_screen(self) -> Screen[None]:
        return DashboardScreen(self.store, self.start_province, calendar=self.calendar)

    def on_unmount(self) -> None:
        self.store.close()

    @property
    def dashboard(self) -> DashboardScreen:
        """The dashboard, at the bottom of the screen stack."""
        return next(screen for screen in self.screen_stack if isinstance(screen, DashboardScreen))

    # -- the views over the dashboard -------------------------------------------------

    @on(CommunesLoaded)
    def _first_load(self) -> None:
        # The dashboard's load message bubbles up here once the dashboard has shown it.
        # After the first one, a store holding several sessions opens on the overview.
        if self._started:
            return
        self._started = True
        presenting = any(isinstance(screen, PresenterScreen) for screen in self.screen_stack)
        if self.store.session_count() > 1 and not presenting:
            self.action_overview()

    @on(ProvinceLoaded)
    def _province_read(self) -> None:
        # A province's indexes are loaded: tens of thousands of objects that live as long as
        # the app. Frozen, the garbage collector stops walking them on every full
        # collection, which otherwise stalls a keypress now and then (benchmarks/).
        gc.freeze()

    @on(LoadFailed)
    def _first_load_failed(self) -> None:
        # The dashboard shows the error; a later successful load is not a start any more.
        self._started = True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("overview", "late"):
            # Both need the dashboard's province, known after its first load.
            dashboards = [screen for screen in self.screen_stack if isinstance(screen, DashboardScreen)]
            return bool(dashboards) and dashboards[0].province is not None
        if action == "search":
            return not self.screen.is_modal
        if action == "present":
            # On the dashboard even for a commune without sessions: `P` then says so.
            return self.dashboard_if_shown() is not None
        return True

    def can_present(self, dashboard: DashboardScreen) -> bool:
        """Whether `dashboard`'s commune has a session to present."""
        return dashboard.selected is not None and bool(self.store.commune_view(dashboard.selected).sessions)

    def _back_to_dashboard(self) -> DashboardScreen:
        """Close whatever is over the dashboard (a view, a dialog) and return the dashboard."""
        dashboard = self.dashboard
        # Popped one by one, now: `Screen.pop_until_active` pops later, and would then take
        # off a view pushed in the meantime instead of the one under it.
        while self.screen is not dashboard:
            self.pop_screen()
        return dashboard

    def _open_view(self, view: Screen[ViewTarget]) -> None:
        """Show `view` over the dashboard, closing the view shown before."""
        self._back_to_dashboard()
        self.push_screen(view, self._show_on_dashboard)
        if too_small(*self.size):
            # The overview opens by itself after the first load: still too small, say so over it.
            self.push_screen(TooSmallDialog(*self.size))

    def _show_on_dashboard(self, target: Commune | Item | None) -> None:
        """Go back to the dashboard and show `target` there: a commune, or an item under one of its communes."""
        if target is None:
            return
        dashboard = self._back_to_dashboard()
        if isinstance(target, Commune):
            dashboard.go_to(target)
            return
        communes = self.store.communes_of_item(target)
        if not communes:
            return
        # An item shared by several communes stays under the one already shown, if it is one of them.
        commune = dashboard.selected if dashboard.selected in communes else communes[0]
        dashboard.go_to(commune, target.id)

    def action_overview(self) -> None:
        """Show the overview of the dashboard's province; from the overview, go back."""
        if isinstance(self.screen, OverviewScreen):
            self.screen.dismiss(None)
        elif self.dashboard.province is not None:
            self._open_view(OverviewScreen(self.store, self.dashboard.province, calendar=self.calendar))

    def action_late(self) -> None:
        """Show the late items of the dashboard's province; from the late view, go back."""
        if isinstance(self.screen, LateScreen):
            self.screen.dismiss(None)
        elif self.dashboard.province is not None:
            self._open_view(LateScreen(self.store, self.dashboard.province, calendar=self.calendar))

    def dashboard_if_shown(self) -> DashboardScreen | None:
        """The dashboard when it is the screen on top, else None."""
        return self.screen if isinstance(self.screen, DashboardScreen) else None

    @on(ShowOnDashboard)
    def _show_target(self, message: ShowOnDashboard) -> None:
        self._show_on_dashboard(message.target)

    def action_present(self) -> None:
        """Present the newest session of the dashboard's commune, full screen."""
        dashboard = self.dashboard_if_shown()
        if dashboard is None:
            return
        commune = dashboard.selected
        if commune is None:
            self.notify(_("No commune selected"), severity="warning", timeout=3)
            return
        sessions = self.store.commune_view(commune).sessions
        if not sessions:
            self.notify(
                _("{commune} has no session to present").format(commune=commune.label),
                severity="warning",
                timeout=4,
            )
            return
        deck = deck_of_session(self.store, sessions[0], self.calendar.today())
        self.push_screen(PresenterScreen(deck), self._show_on_dashboard)

    def action_search(self) -> None:
        """Ask for words and show the chosen item on the dashboard."""
        if not self.screen.is_modal:
            self.push_screen(SearchDialog(self.store), self._show_on_dashboard)

    def action_notice_log(self) -> None:
        """List every notice of this run, newest first; from the list, go back."""
        if isinstance(self.screen, NoticeLogDialog):
            self.screen.dismiss(None)
        else:
            self.push_screen(NoticeLogDialog(self.notices.newest_first()))

    def action_read_only_state(self) -> None:
        """Say whether this dashboard may change the store, and why not when it may not."""
        where = str(self.store.location) if self.store.location else _("memory")
        if not self.store.read_only:
            self.notify(_("The store can be changed: {where}").format(where=where))
        elif self.store.location is not None and os.access(self.store.location, os.W_OK):
            self.notify(_("Read-only: opened with --read-only ({where})").format(where=where))
        else:
            self.notify(_("Read-only: this user may not write {where}").format(where=where))

    def speak(self, code: str) -> None:
        """Speak `code` ("vi" or "en") from now on, remember it, and show every screen in it.

        The footers are rebuilt from the bindings; each of haicap's screens shows its state
        again (`show_language`), keeping the commune, the cursor and the sort. A dialog open
        over a screen keeps its words until it closes."""
        set_language(code)
        # Served, the page's user may not write the serving user's files, their config included.
        if self.served is None and not user_config.remember_language(code):
            self.notify(_("{path}: cannot save the language").format(path=user_config.config_path()), severity="warning")
        for screen in self.screen_stack:
            show_language = getattr(screen, "show_language", None)
            if callable(show_language):
                show_language()
        self.refresh_bindings()

    # -- help -------------------------------------------------------------------------

    def help_sections(self) -> list[HelpSection]:
        """The bindings of the app, the current screen and each kind of widget on it.

        A key the screen binds itself is listed with the screen's meaning only (`o` on
        the overview goes back); a modal dialog blocks the app's keys, so they are left out.
        """
        screen = self.screen
        own = bindings_of(type(screen))
        general = [] if screen.is_modal else _not_rebound(bindings_of(type(self)), own)
        sections: list[HelpSection] = [(_("General"), general + own)]
        seen: set[type] = set()
        for widget in screen.query("*"):
            kind = type(widget)
            title = getattr(kind, "HELP_TITLE", None)
            if title and kind not in seen:
                seen.add(kind)
                sections.append((_(title), bindings_of(kind)))
        return sections

    def action_help(self) -> None:
        """Show the keys, generated from the bindings in force."""
        if not isinstance(self.screen, HelpDialog):
            self.push_screen(HelpDialog(self.help_sections()))


def _not_rebound(bindings: list[Binding], overriding: list[Binding]) -> list[Binding]:
    """`bindings` without the keys `overriding` binds (a binding losing all its keys is dropped)."""
    taken = {key.strip() for binding in overriding for key in binding.key.split(",")}
    kept = []
    for binding in bindings:
        keys = [key.strip() for key in binding.key.split(",") if key.strip() not in taken]
        if keys:
            kept.append(binding if len(keys) == len(binding.key.split(",")) else replace(binding, key=",".join(keys)))
    return kept


def make_app(
    db_path: Path,
    province_name: str | None = None,
    *,
    read_only: bool = False,
    served: ServedMode | None = None,
    clock: Clock | None = None,
    calendar: Calendar | None = None,
) -> HaicapApp:
    """Open the store at `db_path` and build the app on it (a viewer that never writes
    when `read_only`, or when the user may not write the store; for a browser tab of
    `haicap serve` when `served`).

    `calendar` says which day deadlines are measured against (default: the machine's date);
    `clock` fixes the times history and the audit log record, for this process (snapshot
    tests; see `store.domain.clock.set_clock`): code can inject one, the environment cannot.

    Raises `store.StoreError` when the store cannot be opened and `ValueError` when the
    province is unknown, so the command line can report either on one line.
    """
    if clock is not None:
        set_clock(clock)
    store = Store.open(db_path, read_only=read_only)
    province = None
    if province_name:
        province = store.find_province(province_name)
        if province is None:
            store.close()
            raise ValueError(
                _("unknown province '{name}' (names match without diacritics, e.g. 'thanh hoa')").format(name=province_name)
            )
    return HaicapApp(store, province, served=served, calendar=calendar)
