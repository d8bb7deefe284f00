"""The haicap App and `make_app`, the one factory the command line and the tests share."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.notifications import Notify, SeverityLevel
from textual.screen import Screen
from textual.theme import ThemeProvider

from haicap.store import Province, Store
from haicap.store.domain.clock import Calendar, Clock, set_clock
from haicap.store.domain.i18n import N_, _, set_language
from haicap.store.views.slides import Deck
from haicap.tui import user_config
from haicap.tui.dashboard_views import DashboardViews
from haicap.tui.dialogs.help import HelpDialog, HelpSection, help_sections
from haicap.tui.dialogs.notice_log_dialog import NoticeLogDialog
from haicap.tui.dialogs.too_small_dialog import TooSmallDialog, too_small
from haicap.tui.literal import visible
from haicap.tui.messages import CommunesLoaded, LoadFailed, ProvinceLoaded, ShowOnDashboard
from haicap.tui.notice_log import NoticeLog
from haicap.tui.palette import HaicapCommands, HaicapPalette, system_commands
from haicap.tui.screens.dashboard import DashboardScreen
from haicap.tui.screens.presenter import PresenterScreen
from haicap.tui.screenshot import Screenshots
from haicap.tui.serving.folders import ServedMode
from haicap.tui.theme_choice import ThemeChoice

__all__ = ["HaicapApp", "make_app"]


class HaicapApp(App[None]):
    """The haicap dashboard. It owns the store and closes it when the app ends.

    Its concerns are objects it owns: `views` (the views over the dashboard and the way
    back), `themes` (haicap's themes and the one remembered) and `screenshots`; the
    palette's entries are `tui.palette`'s, the help's sections `dialogs.help`'s. What
    Textual calls on the app itself (actions, handlers, hooks) stays here and delegates.
    """

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
        self.notices = NoticeLog()
        """Every notice shown in this run (`M` lists them)."""
        self.start_deck: Deck | None = None
        """A presentation to open over the dashboard at start (`haicap present`), or None."""
        self.views = DashboardViews(self, store, self.calendar)
        """Opens the overview, the late items, a presentation and the search over the dashboard."""
        self.screenshots = Screenshots(self)
        """The palette's "Screenshot"."""
        self.themes = ThemeChoice(self, remember=served is None)
        """haicap's themes, the remembered one at start, and each new choice remembered."""

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self.themes.changed)
        if self.start_deck is not None:
            self.push_screen(PresenterScreen(self.start_deck), self.views.show_on_dashboard)

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
        """Textual's entries of the palette, in the language spoken (see `palette.system_commands`)."""
        return system_commands(self, screen)

    @on(events.DeliveryComplete)
    def _screenshot_saved(self, event: events.DeliveryComplete) -> None:
        self.screenshots.saved(event)

    @on(events.DeliveryFailed)
    def _screenshot_failed(self, event: events.DeliveryFailed) -> None:
        self.screenshots.failed(event)

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
        return self.views.dashboard

    def dashboard_if_shown(self) -> DashboardScreen | None:
        """The dashboard when it is the screen on top, else None."""
        return self.views.dashboard_if_shown()

    def can_present(self, dashboard: DashboardScreen) -> bool:
        """Whether `dashboard`'s commune has a session to present."""
        return self.views.can_present(dashboard)

    # -- the views over the dashboard -------------------------------------------------

    @on(CommunesLoaded)
    def _first_load(self) -> None:
        # The dashboard's load message bubbles up here once the dashboard has shown it.
        # After the first one, a store holding several sessions opens on the overview.
        self.views.loaded()

    @on(ProvinceLoaded)
    def _province_read(self) -> None:
        # A province's indexes are loaded: tens of thousands of objects that live as long as
        # the app. Frozen, the garbage collector stops walking them on every full
        # collection, which otherwise stalls a keypress now and then (benchmarks/).
        gc.freeze()

    @on(LoadFailed)
    def _first_load_failed(self) -> None:
        # The dashboard shows the error; a later successful load is not a start any more.
        self.views.load_failed()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("overview", "late"):
            # Both need the dashboard's province, known after its first load.
            return self.views.province_known()
        if action == "search":
            return not self.screen.is_modal
        if action == "present":
            # On the dashboard even for a commune without sessions: `P` then says so.
            return self.dashboard_if_shown() is not None
        return True

    @on(ShowOnDashboard)
    def _show_target(self, message: ShowOnDashboard) -> None:
        self.views.show_on_dashboard(message.target)

    def action_overview(self) -> None:
        """Show the overview of the dashboard's province; from the overview, go back."""
        self.views.overview()

    def action_late(self) -> None:
        """Show the late items of the dashboard's province; from the late view, go back."""
        self.views.late()

    def action_present(self) -> None:
        """Present the newest session of the dashboard's commune, full screen."""
        self.views.present()

    def action_search(self) -> None:
        """Ask for words and show the chosen item on the dashboard."""
        self.views.search()

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
        """The bindings of the app, the current screen and each kind of widget on it (see `dialogs.help.help_sections`)."""
        return help_sections(self)

    def action_help(self) -> None:
        """Show the keys, generated from the bindings in force."""
        if not isinstance(self.screen, HelpDialog):
            self.push_screen(HelpDialog(self.help_sections()))


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
