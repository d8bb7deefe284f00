"""The app's theme: haicap's own themes registered, the one the user picked last put back, a new pick remembered.

`ThemeChoice` belongs to the `HaicapApp`. The choice is kept in the user's config
(`tui.user_config`); in a browser tab of `haicap serve` it is never written, since the
page's user may not write the serving user's files.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.theme import Theme

from haicap.store.domain.i18n import _
from haicap.tui import user_config
from haicap.tui.themes import HAICAP_THEMES

__all__ = ["ThemeChoice"]


class ThemeChoice:
    """Registers haicap's themes on `app`, starts on the remembered one, and remembers changes."""

    def __init__(self, app: App[Any], *, remember: bool) -> None:
        self.app = app
        """The app whose theme this is."""
        self.remember_changes = remember
        """Whether a new choice is written to the user's config (not when served)."""
        for theme in HAICAP_THEMES:
            app.register_theme(theme)
        remembered = user_config.remembered_theme()
        if remembered in app.available_themes:
            app.theme = remembered
        self._remembered = app.theme
        """The theme the config holds (or the default): only a change of it is written."""

    def changed(self, theme: Theme) -> None:
        """Remember `theme`, picked by the user (the app's `theme_changed_signal`)."""
        # The signal also fires for the theme set at start; only a change is written.
        # Served, the page's user may not write the serving user's files, their config included.
        if theme.name != self._remembered and self.remember_changes:
            self._remembered = theme.name
            if not user_config.remember_theme(theme.name):
                self.app.notify(_("{path}: cannot save the theme").format(path=user_config.config_path()), severity="warning")
