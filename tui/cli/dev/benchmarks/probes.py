"""What each measuring process of `haicap bench` runs: `python -c PROBE_CODE KIND REQUEST.json`.

Every probe is a fresh interpreter, so imports and the store's load are in what it measures.
A probe writes its figures as JSON to the `out` path named in its request (stdout stays free
for Textual's headless driver) and reports its own peak resident memory (`ru_maxrss`).
Times that start at the launch are `time.monotonic()` stamps: on Linux that clock is
system-wide, so the parent subtracts the moment it started the process.

Keys are sent straight to the app's driver, as a terminal would send them, not through
`Pilot.press`, whose idle waits (20 ms each) would be measured too. A change counts as shown
once the state is right (the panes hold the new commune's items, the list holds the filtered
communes), the app has handled every message queued so far, and the screen has been
composited once more.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import random
import resource
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from haicap.store.domain.models import Commune

__all__ = ["PROBE_CODE", "main"]

PROBE_CODE = "import sys; from haicap.tui.cli.dev.benchmarks.probes import main; sys.exit(main(sys.argv[1:]))"
"""What the parent runs with `python -c`, followed by KIND and the request file."""

_POLL_S = 0.0005
"""How often a waiting probe looks at the app again."""


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def main(argv: list[str]) -> int:
    """Run probe `argv[0]` with the request in the JSON file `argv[1]`; write its result."""
    kind, request_path = argv
    if kind != "floor":  # the floor imports nothing of haicap's store: its time is Textual's alone
        from haicap.store.domain.i18n import DEFAULT_LANGUAGE, language_of, set_language

        # The language of the bench that started it (set_language put it in LANGUAGE).
        set_language(language_of(os.environ.get("LANGUAGE")) or DEFAULT_LANGUAGE)
    request = json.loads(Path(request_path).read_text(encoding="utf-8"))
    probe = {"floor": _floor, "app": _app, "store": _store, "edit": _edit}[kind]
    result = probe(request)
    result["rss_mb"] = _rss_mb()
    Path(request["out"]).write_text(json.dumps(result), encoding="utf-8")
    return 0


# -- waiting for the screen ------------------------------------------------------------


async def _until(condition: Callable[[], bool], timeout: float = 600.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            from haicap.store.domain.i18n import _

            raise TimeoutError(_("the app never reached the state the probe waits for"))
        await asyncio.sleep(_POLL_S)


async def _frame(pilot: Any) -> float:
    """Let the app handle what is queued, composite the screen once, and return the time."""
    await pilot._wait_for_screen()
    pilot.app.screen._on_timer_update()
    return time.monotonic()


def _key(app: Any, key: str, char: str | None) -> None:
    from textual import events

    event = events.Key(key, char)
    event.set_sender(app)
    app._driver.send_message(event)


# -- the floor: a one-line app ----------------------------------------------------------


def _floor(request: dict[str, Any]) -> dict[str, Any]:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Floor(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("haicap bench: floor", id="line")

    async def run() -> float:
        app = Floor()
        async with app.run_test(headless=True, size=tuple(request["size"])) as pilot:
            await _until(lambda: bool(app.screen.query("#line")))
            return await _frame(pilot)

    return {"painted_at": asyncio.run(run())}


# -- the dashboard --------------------------------------------------------------------


def _app(request: dict[str, Any]) -> dict[str, Any]:
    return asyncio.run(_drive_app(request))


async def _drive_app(request: dict[str, Any]) -> dict[str, Any]:
    from haicap.store.domain.text import matches
    from haicap.tui.app import make_app
    from haicap.tui.screens.overview import OverviewScreen
    from haicap.tui.widgets.commune_filter import CommuneFilter
    from haicap.tui.widgets.commune_list import CommuneList
    from haicap.tui.widgets.items_pane import ItemsPane

    # Read-only: the bench never writes the user's store (the dashboard would seed it).
    app = make_app(Path(request["db"]), request["province"], read_only=True)
    result: dict[str, Any] = {}
    async with app.run_test(headless=True, size=tuple(request["size"])) as pilot:
        dashboard = app.dashboard
        communes = dashboard.query_one(CommuneList)
        panes = list(dashboard.query(ItemsPane))

        def panes_show(commune: Commune | None) -> bool:
            if commune is None or dashboard.selected != commune or not app.store.is_loaded(commune.province):
                return False  # (its province's file is read by the dashboard's worker)
            report = app.store.commune_view(commune)
            return all(pane.items == report.of_kind(pane.kind) for pane in panes)

        def dashboard_drawn() -> bool:
            return not communes.loading and communes.option_count > 0 and panes_show(dashboard.selected)

        await _until(dashboard_drawn)
        result["painted_at"] = await _frame(pilot)
        if not request["full"]:
            return result

        def overview_loaded() -> bool:
            screen = app.screen
            if not isinstance(screen, OverviewScreen):
                return False
            # Pushed but not yet composed (a loaded machine): its table is not there yet.
            tables = screen.query("#overview-table")
            return bool(tables) and not tables.first().loading and bool(screen.rows)

        # A store with several sessions opens on the overview: wait for it, then go back.
        await _frame(pilot)
        if app.store.session_count() > 1:
            await _until(overview_loaded)
        overview_times = []
        for _ in range(request["overview_runs"]):
            if isinstance(app.screen, OverviewScreen):
                _key(app, "escape", None)
                await _until(lambda: app.screen is dashboard)
                await _frame(pilot)
            started = time.monotonic()
            _key(app, "o", "o")
            await _until(overview_loaded)
            overview_times.append(await _frame(pilot) - started)
        _key(app, "escape", None)
        await _until(lambda: app.screen is dashboard)
        dashboard.set_focus(communes)
        await _frame(pilot)

        switch_times = []
        for _ in range(request["switches"]):
            before = dashboard.selected
            index = communes.highlighted or 0
            target = communes.communes[(index + 1) % len(communes.communes)]
            started = time.monotonic()
            _key(app, "n", "n")

            # Awaited within the iteration; the defaults only make the binding explicit (B023).
            def switched(before: Commune | None = before, target: Commune = target) -> bool:
                return dashboard.selected is not before and panes_show(target)

            await _until(switched)
            switch_times.append(await _frame(pilot) - started)

        filter_times = []
        province = dashboard.province
        assert province is not None  # the first load, awaited above, picked it
        summaries = app.store.commune_summaries(province)
        for word in request["filter_words"]:
            _key(app, "slash", "/")
            await _frame(pilot)
            for end in range(1, len(word) + 1):
                expected = sum(1 for s in summaries if matches(word[:end], s.commune.label))
                started = time.monotonic()
                _key(app, word[end - 1], word[end - 1])
                typed = word[:end]

                def filtered(expected: int = expected, typed: str = typed) -> bool:
                    return communes.option_count == expected and dashboard.query_one("#filter", CommuneFilter).value == typed

                await _until(filtered)
                filter_times.append(await _frame(pilot) - started)
            _key(app, "escape", None)  # clears the filter
            await _until(lambda: communes.option_count == len(summaries))
            await _frame(pilot)
        result.update(overview_screen=overview_times, switches=switch_times, filters=filter_times)
        app.exit()
    return result


# -- store-level measures ------------------------------------------------------------


def _store(request: dict[str, Any]) -> dict[str, Any]:
    """Open the store, compute the overview of every province of the country (from the
    national summary), and describe the store."""
    from haicap.store import Store
    from haicap.store.domain.text import fold
    from haicap.store.views.overview import national_overview

    started = time.monotonic()
    store = Store.open(Path(request["db"]), read_only=True)
    opened = time.monotonic()
    day = dt.date.fromisoformat(request["today"])  # the bench's day (its --today), passed down
    lines = national_overview(store, day)
    overview_s = time.monotonic() - opened
    biggest = max(lines, key=lambda line: (line.items, line.province.code))
    province = biggest.province if biggest.items else store.default_province()
    names = sorted({fold(c.name).replace(" ", "")[:4] for c in store.registry.communes_of(province)})
    names = [name for name in names if len(name) == 4 and name.isalpha()]
    rng = random.Random(request["seed"])
    words = rng.sample(names, min(request["filter_words"], len(names)))
    figures = {
        "open_s": opened - started,
        "overview_s": overview_s,
        "province": province.name,
        "filter_words": words,
        "sessions": store.session_count(),
        "items": sum(line.items for line in lines),
    }
    store.close()
    return figures


def _edit(request: dict[str, Any]) -> dict[str, Any]:
    """Set the status of random requests on the copy of the store, each written durably."""
    from haicap.store import Kind, RequestStatus, Store

    rng = random.Random(request["seed"])
    times: list[float] = []
    with Store.open(Path(request["db"])) as store:
        # The requests of one province, as an officer's haicap edits them: the largest one's.
        province = store.find_province(request["province"]) if request.get("province") else None
        code = province.code if province is not None else None
        ids = sorted(item.id for item in store.items(province_code=code, kinds=(Kind.REQUEST,)))
        if not ids:
            return {"edits": times, "skipped": "no request to edit"}
        started = time.monotonic()
        for _ in range(request["edits"]):
            item = store.item(rng.choice(ids))
            assert item is not None  # its id was listed above, and nothing deletes it
            choices = [s for s in RequestStatus if s != (item.tracking.status or RequestStatus.NEW)]
            begun = time.monotonic()
            store.set_status(item.id, rng.choice(choices), who="haicap-bench")
            times.append(time.monotonic() - begun)
            if time.monotonic() - started > request["budget_s"]:
                break
    return {"edits": times}
