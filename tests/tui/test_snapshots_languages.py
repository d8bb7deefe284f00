"""Every screen in both languages at both sizes: Vietnamese (the default) and English
(`--lang en`), at 80×24 and 160×48.

The screens are the dashboard, its help, the overview, the late view, the import review and
the presenter (title and a directives slide). A correct Vietnamese snapshot has no English
word of haicap's own on it (the footer, titles, headings, notices: only data such as a
commune's name or an item's text stays as the report wrote it); a correct English one has
no Vietnamese of haicap's own. Nothing is cut mid-word at 80×24. Update only after looking:
`pytest tests/tui/test_snapshots_languages.py --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from apps import make_app
from helpers import settle
from test_import_review import write_article
from test_overview import add_late_request
from test_presenter import directive_pages, presenter_app

from haicap.store.domain.i18n import set_language

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]


@pytest.fixture(params=["vi", "en"])
def language(request: pytest.FixtureRequest) -> str:
    """The language the app speaks, chosen before it is built (as `haicap --lang` does)."""
    set_language(request.param)
    return request.param


def pressing(*keys: str) -> Callable:
    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_dashboard(snap_compare, seeded_store_path: Path, language: str, size: tuple[int, int]) -> None:
    """The seed session's commune: the header, the commune list, four panes titled in the
    language (Kết quả … / Achievements …), the preview and the footer's keys."""
    assert snap_compare(make_app(seeded_store_path), terminal_size=size, run_before=pressing("3"))


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, seeded_store_path: Path, language: str, size: tuple[int, int]) -> None:
    """`?`: every key with what it does, grouped by screen, in the language."""
    assert snap_compare(make_app(seeded_store_path), terminal_size=size, run_before=pressing("question_mark"))


@pytest.mark.parametrize("size", SIZES)
def test_overview(
    snap_compare, seeded_store_path: Path, language: str, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`o` on 20/12/2025: the province's communes with their counts and the totals in the
    officials' wording, one overdue request at Vân Du."""
    monkeypatch.setenv("HAICAP_TODAY", "2025-12-20")
    add_late_request(seeded_store_path)
    assert snap_compare(make_app(seeded_store_path), terminal_size=size, run_before=pressing("o"))


@pytest.mark.parametrize("size", SIZES)
def test_late_view(
    snap_compare, seeded_store_path: Path, language: str, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`l` on 10/01/2026: the overdue requests, oldest first, "quá N ngày" / "N days late"."""
    add_late_request(seeded_store_path)
    monkeypatch.setenv("HAICAP_TODAY", "2026-01-10")
    assert snap_compare(make_app(seeded_store_path), terminal_size=size, run_before=pressing("l"))


@pytest.mark.parametrize("size", SIZES)
def test_import_review(
    snap_compare, seeded_store_path: Path, language: str, size: tuple[int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`i` and an invented article: the review's header, its items with their kinds and the
    left-out lines with their reasons, in the language (the article's text stays Vietnamese)."""
    monkeypatch.chdir(tmp_path)
    write_article(tmp_path)
    keys = ("i", *"hoang-tien.txt", "enter")
    assert snap_compare(make_app(seeded_store_path), terminal_size=size, run_before=pressing(*keys))


@pytest.mark.parametrize("size", SIZES)
def test_presenter_title(snap_compare, seeded_store_path: Path, language: str, size: tuple[int, int]) -> None:
    """The presenter's title slide of the seed session: its words in the language."""
    assert snap_compare(presenter_app(seeded_store_path), terminal_size=size, run_before=pressing())


@pytest.mark.parametrize("size", SIZES)
def test_presenter_directives(snap_compare, seeded_store_path: Path, language: str, size: tuple[int, int]) -> None:
    """The first directives slide: the kind's heading and counts in the language."""

    async def on_first_directives(pilot) -> None:
        await settle(pilot)
        screen = pilot.app.screen
        screen.action_go(screen.slides.index(directive_pages(screen)[0]))
        await settle(pilot)

    assert snap_compare(presenter_app(seeded_store_path), terminal_size=size, run_before=on_first_directives)
