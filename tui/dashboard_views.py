"""The views over the dashboard: the overview, the late items, a presentation and the search,
and the way back to the dashboard with what was chosen in them.

`DashboardViews` belongs to the `HaicapApp`: it opens one view at a time over the dashboard
(closing the one shown before), and when a view dismisses with a commune or an item it
pops back to the dashboard and shows it there (`DashboardScreen.go_to`). It also opens the
overview by itself after the first load of a store holding several sessions.
"""

from __future__ import annotations

from typing import Any, TypeVar

from textual.app import App
from textual.screen import Screen

from haicap.store import Commune, Item, Store
from haicap.store.domain.clock import Calendar
from haicap.store.domain.i18n import _
from haicap.store.views.slides import deck_of_session
from haicap.tui.dialogs.search_dialog import SearchDialog
from haicap.tui.dialogs.too_small_dialog import TooSmallDialog, too_small
from haicap.tui.screens.dashboard import DashboardScreen
from haicap.tui.screens.late import LateScreen
from haicap.tui.screens.overview import OverviewScreen
from haicap.tui.screens.presenter import PresenterScreen

__all__ = ["DashboardViews", "ViewTarget"]

ViewTarget = TypeVar("ViewTarget", Commune | None, Item | None)
"""What a view over the dashboard dismisses with: a commune or an item to show there, or None."""


class DashboardViews:
    """Opens the views over the dashboard of `app` and shows on the dashboard what they chose."""

    def __init__(self, app: App[Any], store: Store, calendar: Calendar) -> None:
        self.app = app
        """The app whose screen stack holds the dashboard and the views over it."""
        self.store = store
        """The store the views read."""
        self.calendar = calendar
        """Which day deadlines are measured against, handed to each view."""
        self._started = False
        """Whether the first load happened (or failed): the overview opens by itself only once."""

    @property
    def dashboard(self) -> DashboardScreen:
        """The dashboard, at the bottom of the screen stack."""
        return next(screen for screen in self.app.screen_stack if isinstance(screen, DashboardScreen))

    def dashboard_if_shown(self) -> DashboardScreen | None:
        """The dashboard when it is the screen on top, else None."""
        screen = self.app.screen
        return screen if isinstance(screen, DashboardScreen) else None

    def province_known(self) -> bool:
        """Whether the dashboard knows its province (after its first load): the overview and
        the late view need it."""
        dashboards = [screen for screen in self.app.screen_stack if isinstance(screen, DashboardScreen)]
        return bool(dashboards) and dashboards[0].province is not None

    def can_present(self, dashboard: DashboardScreen) -> bool:
        """Whether `dashboard`'s commune has a session to present."""
        return dashboard.selected is not None and bool(self.store.commune_view(dashboard.selected).sessions)

    # -- the start --------------------------------------------------------------------

    def loaded(self) -> None:
        """The dashboard listed its province: the first time, a store holding several
        sessions opens on the overview (unless a presentation was opened at start)."""
        if self._started:
            return
        self._started = True
        presenting = any(isinstance(screen, PresenterScreen) for screen in self.app.screen_stack)
        if self.store.session_count() > 1 and not presenting:
            self.overview()

    def load_failed(self) -> None:
        """The dashboard could not read the store: a later successful load is not a start any more."""
        self._started = True

    # -- opening a view, and back -----------------------------------------------------

    def back_to_dashboard(self) -> DashboardScreen:
        """Close whatever is over the dashboard (a view, a dialog) and return the dashboard."""
        dashboard = self.dashboard
        # Popped one by one, now: `Screen.pop_until_active` pops later, and would then take
        # off a view pushed in the meantime instead of the one under it.
        while self.app.screen is not dashboard:
            self.app.pop_screen()
        return dashboard

    def open(self, view: Screen[ViewTarget]) -> None:
        """Show `view` over the dashboard, closing the view shown before."""
        self.back_to_dashboard()
        self.app.push_screen(view, self.show_on_dashboard)
        if too_small(*self.app.size):
            # The overview opens by itself after the first load: still too small, say so over it.
            self.app.push_screen(TooSmallDialog(*self.app.size))

    def show_on_dashboard(self, target: Commune | Item | None) -> None:
        """Go back to the dashboard and show `target` there: a commune, or an item under one of its communes."""
        if target is None:
            return
        dashboard = self.back_to_dashboard()
        if isinstance(target, Commune):
            dashboard.go_to(target)
            return
        communes = self.store.communes_of_item(target)
        if not communes:
            return
        # An item shared by several communes stays under the one already shown, if it is one of them.
        commune = dashboard.selected if dashboard.selected in communes else communes[0]
        dashboard.go_to(commune, target.id)

    # -- the views --------------------------------------------------------------------

    def overview(self) -> None:
        """Show the overview of the dashboard's province; from the overview, go back."""
        if isinstance(self.app.screen, OverviewScreen):
            self.app.screen.dismiss(None)
        elif self.dashboard.province is not None:
            self.open(OverviewScreen(self.store, self.dashboard.province, calendar=self.calendar))

    def late(self) -> None:
        """Show the late items of the dashboard's province; from the late view, go back."""
        if isinstance(self.app.screen, LateScreen):
            self.app.screen.dismiss(None)
        elif self.dashboard.province is not None:
            self.open(LateScreen(self.store, self.dashboard.province, calendar=self.calendar))

    def present(self) -> None:
        """Present the newest session of the dashboard's commune, full screen."""
        dashboard = self.dashboard_if_shown()
        if dashboard is None:
            return
        commune = dashboard.selected
        if commune is None:
            self.app.notify(_("No commune selected"), severity="warning", timeout=3)
            return
        sessions = self.store.commune_view(commune).sessions
        if not sessions:
            self.app.notify(
                _("{commune} has no session to present").format(commune=commune.label),
                severity="warning",
                timeout=4,
            )
            return
        deck = deck_of_session(self.store, sessions[0], self.calendar.today())
        self.app.push_screen(PresenterScreen(deck), self.show_on_dashboard)

    def search(self) -> None:
        """Ask for words and show the chosen item on the dashboard."""
        if not self.app.screen.is_modal:
            self.app.push_screen(SearchDialog(self.store), self.show_on_dashboard)
