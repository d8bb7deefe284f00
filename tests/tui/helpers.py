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


def item_shown(app, kind, index: int = 0) -> str:
    """The plain text the dashboard shows of item `index` of the `kind` pane: its line in
    the pane, then what the preview shows when it is highlighted (state, whole text,
    session and communes)."""
    from haicap.tui.widgets.item_preview import preview_content
    from haicap.tui.widgets.items_pane import ItemsPane

    pane = app.dashboard.query_one(f"#pane-{kind.value}", ItemsPane)
    item = pane.items[index]
    communes = [c.label for c in app.store.communes_of_item(item)]
    preview = preview_content(item, communes, app.calendar.today(), app.store.deadline_rules)
    return pane.line(index).plain + "\n" + preview.plain
