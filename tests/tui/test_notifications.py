"""Notifications quote item text and other officers' values: always literally."""

from __future__ import annotations

from pathlib import Path

from apps import make_app
from helpers import settle
from test_dashboard import add_hostile_session, pane

from haicap.store import Kind


async def test_a_notice_quoting_hostile_text_shows_it_as_typed(seeded_store_path: Path) -> None:
    add_hostile_session(seeded_store_path)
    app = make_app(seeded_store_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # two sessions: the overview opens first
        await settle(pilot)
        await pilot.press("2")
        assert "[bold red]" in pane(app, Kind.DIFFICULTY).current.text
        await pilot.press("d")  # the notice quotes the deleted item's text
        await settle(pilot)
        [notice] = [n.text for n in app.notices if "Đã xoá" in n.text]
        assert all(not shown.markup for shown in app._notifications), "never read as Rich markup"
        assert "[bold red]x[/]" in notice
        assert "\x1b" not in notice, "escape characters never reach the terminal"
