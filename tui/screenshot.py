"""The palette's "Screenshot": an SVG picture of the screen, and haicap's notice of where it went.

Textual's own `deliver_screenshot` says so in English; `Screenshots` delivers the picture
under a name of haicap's (`SCREENSHOT`) so that the app's delivery handlers recognise it
and say where it went in the language spoken.
"""

from __future__ import annotations

import io
from typing import Any

from textual import events
from textual._files import generate_datetime_filename
from textual.app import App

from haicap.store.domain.i18n import _

__all__ = ["SCREENSHOT", "Screenshots"]

SCREENSHOT = "haicap-screenshot"
"""The name of a screenshot's delivery: not Textual's "screenshot", whose notices are in English."""


class Screenshots:
    """Takes a screenshot of `app` and says where it was saved."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        """The app whose screen is pictured and whose notices say where it went."""

    def take(self) -> None:
        """Deliver an SVG picture of the screen (a file, or the browser's download when served)."""
        app = self.app
        app.deliver_text(
            io.StringIO(app.export_screenshot()),
            save_filename=generate_datetime_filename(app.title, ".svg"),
            open_method="browser",
            mime_type="image/svg+xml",
            name=SCREENSHOT,
        )

    def saved(self, event: events.DeliveryComplete) -> None:
        """Say where a screenshot went (other deliveries are not ours to tell)."""
        if event.name == SCREENSHOT:
            if event.path is None:
                self.app.notify(_("Screenshot saved"))
            else:
                self.app.notify(_("Screenshot saved: {path}").format(path=event.path))

    def failed(self, event: events.DeliveryFailed) -> None:
        """Say that a screenshot could not be saved."""
        if event.name == SCREENSHOT:
            self.app.notify(_("Could not save the screenshot"), severity="error")
