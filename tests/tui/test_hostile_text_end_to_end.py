"""Hostile report text end to end: from a real store file to the screen.

Items carry a 100,000-character line, NUL bytes, a right-to-left override, terminal escape
sequences and Rich markup. Each must show literally (control characters as visible
stand-ins), change nothing on the terminal, and keep the dashboard responsive: the panes,
search hits and history show a bounded part of a huge text and say how much is left out.

(Not named `test_hostile_text.py`: syrupy takes a snapshot whose file stem equals a test
module's name for that module's, so it would call `test_snapshots/test_hostile_text.svg`
unused and delete it on `--snapshot-update`.)
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path

import store_files
from apps import make_app
from helpers import item_shown, settle
from test_dashboard import dashboard, pane

from haicap.store import Kind, Store
from haicap.store.ingest.reports import parse_report
from haicap.tui.dialogs.history_dialog import HistoryDialog
from haicap.tui.dialogs.item_detail import ItemDetailDialog
from haicap.tui.dialogs.search_dialog import SearchDialog, first_match, hit_text
from haicap.tui.literal import DETAIL_LIMIT, LIST_LIMIT, count_text

LONG_LINE = "0123456789" * 10_000
"""A 100,000-character line without a single space: nothing to wrap it at."""

LONG_PROSE = " ".join(["từ"] * 33_333) + " kimcuong " + " ".join(["chữ"] * 16_000)
"""About 164,000 characters of words with one rare word ("kimcuong") past the 100,000th."""

NUL_TEXT = "Khó khăn\x00 về\x00\x00 hồ sơ"
"""NUL bytes inside a sentence, as a broken export might leave them."""

ESCAPES_AND_MARKUP = "Kiến nghị \x1b[2J\x1b[31mđỏ\x1b[0m [bold red]x[/] [link=http://x]y[/link] [@click=app.quit]q[/]"
"""Clear-screen and colour escapes, markup, a link and a click action."""

RTL_OVERRIDE = "Chỉ đạo \u202eabc\u202c xong"
"""A right-to-left override that would show "cba" and reorder the rest of the line."""


def add_long_hostile_session(path: Path) -> None:
    """Add to the store at `path` a session for Vân Du whose items carry every hostile text."""
    items = [
        ("achievement", LONG_LINE),
        ("achievement", LONG_PROSE),
        ("difficulty", NUL_TEXT),
        ("request", ESCAPES_AND_MARKUP),
        ("directive", RTL_OVERRIDE),
    ]
    with Store.open(path) as store:
        report = parse_report(
            {
                "format": "haicap-session/1",
                "session": {
                    "date": dt.date(2025, 12, 1),
                    "province": "Thanh Hóa",
                    "leader": {"name": "Người Thử", "title": "Kiểm thử"},
                    "title": "Phiên thử văn bản dài và độc hại",
                },
                "communes": ["xã Vân Du"],
                "items": [{"kind": kind, "text": text} for kind, text in items],
            },
            store.registry,
            "hostile-long.yaml",
        )
        store.add_report(report)


async def open_van_du(pilot) -> None:
    """From start-up to the dashboard on Vân Du (two sessions: the overview opens first)."""
    await settle(pilot)
    await pilot.press("escape")
    await settle(pilot)
    assert dashboard(pilot.app).selected.name == "Vân Du", "the newest session's commune is shown first"


def prompt_text(app, kind: Kind, index: int = 0) -> str:
    """The plain text of one item as its pane shows it."""
    return item_shown(app, kind, index)


def controls(text: str) -> list[str]:
    """The control and format characters (ESC, NUL, bidi overrides) in `text`, apart from
    the newlines that separate an item's lines."""
    return [char for char in text if unicodedata.category(char) in ("Cc", "Cf") and char != "\n"]


def shown_statics(app) -> str:
    """Every Static of the current screen, as plain text."""
    return "\n".join(str(static.render()) for static in app.screen.query("Static"))


# -- NUL bytes through the real store file ----------------------------------------------


async def test_nul_bytes_survive_the_store_file_and_show_as_control_pictures(seeded_store_path: Path) -> None:
    add_long_hostile_session(seeded_store_path)
    stored = store_files.province_path(seeded_store_path).read_text(encoding="utf-8")
    assert "\\u0000" in stored and "\x00" not in stored, "JSON escapes NUL in the file"
    texts = [doc["text"] for table in json.loads(stored).values() for doc in table.values() if "text" in doc]
    assert NUL_TEXT in texts, "and reads it back unchanged"
    app = make_app(seeded_store_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_van_du(pilot)
        shown = prompt_text(app, Kind.DIFFICULTY)
        assert "\x00" not in shown
        assert "Khó khăn␀ về␀␀ hồ sơ" in shown
        await pilot.press("2", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ItemDetailDialog)
        assert "Khó khăn␀ về␀␀ hồ sơ" in shown_statics(app) and "\x00" not in shown_statics(app)


async def test_escapes_markup_and_bidi_overrides_show_as_typed(seeded_store_path: Path) -> None:
    add_long_hostile_session(seeded_store_path)
    app = make_app(seeded_store_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_van_du(pilot)
        request = prompt_text(app, Kind.REQUEST)
        assert "␛[2J␛[31mđỏ␛[0m [bold red]x[/] [link=http://x]y[/link] [@click=app.quit]q[/]" in request
        assert "Chỉ đạo <U+202E>abc<U+202C> xong" in prompt_text(app, Kind.DIRECTIVE)
        for kind in Kind:
            for index in range(len(pane(app, kind).items)):
                assert not controls(prompt_text(app, kind, index)), "no control character reaches the screen"


# -- 100,000-character lines -----------------------------------------------------------


async def test_a_100k_character_line_is_bounded_in_its_pane(seeded_store_path: Path) -> None:
    add_long_hostile_session(seeded_store_path)
    app = make_app(seeded_store_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_van_du(pilot)
        achievements = pane(app, Kind.ACHIEVEMENT)
        # In the pane, one line each; in the preview, the text bounded with a mark of the rest.
        width = achievements.scrollable_content_region.width
        assert all(achievements.line(index).cell_length == width for index in range(len(achievements.items)))
        line = prompt_text(app, Kind.ACHIEVEMENT, 0).split("\n")[1]
        prose = prompt_text(app, Kind.ACHIEVEMENT, 1).split("\n")[1]
        assert line.startswith(LONG_LINE[:LIST_LIMIT] + " … (+")
        assert f"(+{count_text(len(LONG_LINE) - LIST_LIMIT)} ký tự)" in line
        assert len(line) < LIST_LIMIT + 100 and len(prose) < LIST_LIMIT + 100
        assert "ký tự)" in prose and " tộ" not in prose, "prose is cut between words"
        await pilot.press("1", "j", "k")
        await settle(pilot)
        assert achievements.highlighted == 0 and achievements.scroll_y == 0


async def test_the_detail_shows_the_beginning_of_a_huge_text_and_says_so(seeded_store_path: Path) -> None:
    add_long_hostile_session(seeded_store_path)
    app = make_app(seeded_store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_van_du(pilot)
        await pilot.press("1", "j", "enter")  # the long prose
        await settle(pilot)
        assert isinstance(app.screen, ItemDetailDialog)
        text = str(app.screen.query_one(".detail-text").render())
        assert text.startswith("từ từ") and len(text) < DETAIL_LIMIT + 100
        left_out = len(LONG_PROSE) - len(text.split(" … (+")[0])
        assert text.endswith(f" … (+{count_text(left_out)} ký tự)")
        assert f"{count_text(len(LONG_PROSE))} ký tự, chỉ hiện phần đầu" in shown_statics(app)
        await pilot.press("j", "j", "escape")
        await settle(pilot)
        assert not isinstance(app.screen, ItemDetailDialog)


async def test_a_search_hit_deep_in_a_huge_text_shows_the_part_around_it(seeded_store_path: Path) -> None:
    add_long_hostile_session(seeded_store_path)
    app = make_app(seeded_store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_van_du(pilot)
        await pilot.press("ctrl+f", *"kimcuong")
        await settle(pilot)
        assert isinstance(app.screen, SearchDialog) and len(app.screen.hits) == 1
        hit = app.screen.query_one("#search-hits").get_option_at_index(0).prompt
        assert "kimcuong" in hit.plain and "ký tự trước) từ" in hit.plain
        assert len(hit.plain) < LIST_LIMIT + 300
        start = hit.plain.index("kimcuong")
        assert any(span.start == start and span.end == start + len("kimcuong") for span in hit.spans), "the match is marked"


async def test_history_of_a_huge_text_edit_is_bounded(seeded_store_path: Path) -> None:
    add_long_hostile_session(seeded_store_path)
    with Store.open(seeded_store_path) as store:
        item = next(i for i in store.items() if i.text == NUL_TEXT)
        store.edit_text(item.id, LONG_LINE, who="thử")
    app = make_app(seeded_store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_van_du(pilot)
        await pilot.press("2", "h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryDialog)
        shown = shown_statics(app)
        assert "Khó khăn␀ về␀␀ hồ sơ →" in shown
        assert f"… (+{count_text(len(LONG_LINE) - LIST_LIMIT)} ký tự)" in shown
        assert len(shown) < 3 * LIST_LIMIT


def test_first_match_finds_a_word_across_scan_windows() -> None:
    text = "a" * 4_998 + " Kim Cương " + "b" * 20_000
    assert first_match(text, "kim cuong") == 4_999
    assert first_match(text, "zzz") == -1
    assert "Kim Cương" in hit_text(text, "cuong").plain


# -- snapshots -------------------------------------------------------------------------


def test_hostile_long_text_dashboard(snap_compare, seeded_store_path: Path) -> None:
    """Vân Du's panes, newest session first. Kết quả: the digit line 0123456789… cut after
    1,000 characters and ending "… (+99.000 ký tự)" in dim italic, then the
    prose item cut the same way. Khó khăn: "Khó khăn␀ về␀␀ hồ sơ". Kiến nghị:
    "␛[2J␛[31mđỏ␛[0m [bold red]x[/] [link=http://x]y[/link] [@click=app.quit]q[/]" as typed,
    not red, not cleared. Chỉ đạo: "Chỉ đạo <U+202E>abc<U+202C> xong", left to right."""
    add_long_hostile_session(seeded_store_path)
    # Tall and wide enough for the whole bounded digit line and its mark to fit in the pane.
    assert snap_compare(make_app(seeded_store_path), terminal_size=(160, 50), run_before=open_van_du)


def test_hostile_long_text_detail(snap_compare, seeded_store_path: Path) -> None:
    """The detail of the 100,000-character digit line at 80×24: the kind "Kết quả /
    Achievements", then "Độ dài / Length: 100.000 ký tự, chỉ hiện phần đầu / characters,
    only the beginning shown", then the digits wrapped over the rest of the box."""
    add_long_hostile_session(seeded_store_path)

    async def open_detail(pilot) -> None:
        await open_van_du(pilot)
        await pilot.press("1", "enter")
        await settle(pilot)

    assert snap_compare(make_app(seeded_store_path), terminal_size=(80, 24), run_before=open_detail)


def test_hostile_long_text_search(snap_compare, seeded_store_path: Path) -> None:
    """ctrl+f "kimcuong" at 100×30: one hit, Kết quả in Vân Du; its text starts with
    "(… 99.750 ký tự trước)", shows "kimcuong" in reverse video among
    "từ" and "chữ", and ends with "… (+… ký tự)"."""
    add_long_hostile_session(seeded_store_path)

    async def search(pilot) -> None:
        await open_van_du(pilot)
        await pilot.press("ctrl+f", *"kimcuong")
        await settle(pilot)

    assert snap_compare(make_app(seeded_store_path), terminal_size=(100, 30), run_before=search)
