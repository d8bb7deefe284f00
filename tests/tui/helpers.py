"""Helpers for driving the app in tests."""

from __future__ import annotations

from textual.pilot import Pilot


async def settle(pilot: Pilot) -> None:
    """Wait until background loading is done and the screen has caught up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def record_notices(app) -> list[str]:
    """Keep every notification's text from now on.

    `app._notifications` loses a notice once its timeout passes, and on a loaded machine
    the test may look later than that; this list keeps them all."""
    seen: list[str] = []
    notify = app.notify

    def recording(message: str, **options) -> None:
        seen.append(str(message))
        notify(message, **options)

    app.notify = recording
    return seen
