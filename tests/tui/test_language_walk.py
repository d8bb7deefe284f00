"""One walk through every screen and dialog in each language, reading all that is shown.

The dashboard (each pane, zoom, filter, `r`, `T`, `t`, `enter`, `s`, `e`, `h`, `K`, `a`,
`d` and `u`, `x`), the palette (with Textual's own entries and a search that finds
nothing), `ctrl+c`, the notice log, help, the presenter and its dialogs, the overview and
the late view, search, the import dialog and the review with its dialogs: every screen's
text and every notice of the run are collected, and none may hold a word of haicap's own in
the other language. Data (commune names, the items' text, leaders' titles) is Vietnamese in
both: the words checked are ones no data here holds (the test checks that too).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml
from apps import make_app
from helpers import settle
from test_import_review import ARTICLE, write_article

import haicap.seeds
from haicap.store.domain.i18n import set_language
from haicap.tui.widgets.path_input import PathInput

ENGLISH = (
    # Textual's own entries of the palette, its placeholder and "no matches", ctrl+c
    "Quit the application",
    "Search for commands",
    "Screenshot",
    "Maximize",
    "Change the current theme",
    "Show help for the focused widget",
    "No matches found",
    "to quit",
    # haicap's own
    "Dashboard",
    "Received",
    "In progress",
    "Requests",
    "Directives",
    "Achievements",
    "Difficulties",
    "Owner",
    "Deadline",
    "Status",
    "History",
    "Export",
    "Import",
    "Search",
    "Close",
    "cancel",
    "choose",
    "Filter",
    "Back",
    "Help",
    "overdue",
    "session",
    "commune",
    "Deleted",
    "Restored",
    "undo",
    "Saved",
    "Theme",
)
"""English of haicap (and of the Textual parts it shows) that a Vietnamese screen never shows."""

VIETNAMESE = (
    "Mới tiếp nhận",
    "Đang giải quyết",
    "Đang thực hiện",
    "Trạng thái",
    "Lịch sử",
    "Chủ trì",
    "quá hạn",
    "hoàn tác",
    "Thoát",
    "Tìm kiếm",
    "Trợ giúp",
    "huỷ",
    "Giao diện",
    "bảng điều khiển",
    "phiên",
    "bien-ban",
    "Đã xoá",
    "Đã lưu",
    "Xuất",
    "Nhập",
)
"""Vietnamese of haicap that an English screen never shows."""


def screen_text(app) -> str:
    """Every line of the screen as a person reads it (the text of its SVG screenshot)."""
    rows: dict[float, list[tuple[float, str]]] = {}
    for found in re.finditer(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>', app.export_screenshot()):
        rows.setdefault(float(found[2]), []).append((float(found[1]), html.unescape(found[3])))
    return "\n".join("".join(text for _, text in sorted(rows[y])).replace("\xa0", " ") for y in sorted(rows))


async def walk(app, work: Path) -> str:
    """Drive `app` through every screen and dialog; everything shown, then every notice."""
    seen: list[str] = []
    async with app.run_test(size=(140, 45)) as pilot:

        async def step(*keys: str, typed: str = "", wait: float = 0) -> None:
            for key in keys:
                await pilot.press(key)
                await settle(pilot)
            if typed:
                await pilot.press(*typed)
                await settle(pilot)
            if wait:
                await pilot.pause(wait)
            # A field shows the start of a long value (a path): its whole value is read too.
            fields = "\n".join(str(field.value) for field in app.screen.query("Input"))
            seen.append(f"--- {keys} {typed} [{type(app.screen).__name__}]\n" + screen_text(app) + "\n" + fields)

        await settle(pilot)
        for key in "12343":
            await step(key)
        await step("z")
        await step("z")
        await step("slash", typed="xyz")
        await step("escape")
        await step("r")
        await step("r")
        await step("T")
        await step("escape")
        await step("t")
        await step("escape")
        await step("3", "enter")
        await step("escape")
        await step("s")
        await step("down", "enter")
        await step("h")  # the status change, old → new
        await step("escape")
        await step("4", "s")
        await step("down", "enter")
        await step("3", "e")
        await step("tab", "tab", typed="31/02/2026")
        await step("enter")
        await step("escape")
        await step("K")
        await step("escape")
        await step("a")
        await step("ctrl+s")
        await step("escape")
        await step("d")
        await step("u")
        await step("x")  # the default file name
        await step("escape")
        await step("ctrl+p")  # haicap's entries and Textual's
        await step(typed="qqqzzz", wait=0.8)  # "no matches"
        await step("escape")
        await step("ctrl+c")
        await step("P")
        await step("space")
        await step("c")
        await step("escape")
        await step("g", typed="999")
        await step("enter")
        await step("escape", "escape")
        await step("o")
        await step("s")
        await step("l")
        await step("escape")
        await step("escape")
        await step("ctrl+f", typed="qqqzzz")
        await step("escape")
        await step("M")
        await step("escape")
        await step("question_mark")
        await step("escape")
        write_article(work)
        await step("i", typed="nope.txt")
        await step("enter")
        app.screen.query_one(PathInput).value = "hoang-tien.txt"
        await step("enter")
        for key in ("o", "d", "S", "c", "e"):
            await step("3", key)
            await step("escape")
        await step("n")
        await step("0")
        await step("u")
        await step("question_mark")
        await step("escape")
        await step("escape")
        await step("escape")
        seen.append("--- notices\n" + "\n".join(notice.text for notice in app.notices))
    return "\n".join(seen)


def data_text() -> str:
    """The text of every report the walk shows (the seeds and the imported article)."""
    texts = [ARTICLE]

    def strings(value: object) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for key, inner in value.items():
                if key != "format":  # "haicap-session/1"
                    strings(inner)
        elif isinstance(value, list):
            for inner in value:
                strings(inner)

    for path in (Path(haicap.seeds.__file__).parent / "sessions").glob("*.yaml"):
        strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    return "\n".join(texts)


def leftovers(shown: str, words: tuple[str, ...]) -> list[str]:
    """The lines of `shown` holding one of `words` (as a whole word), each with its word."""
    found = []
    for word in words:
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
        found += [f"{word!r}: {line.strip()}" for line in shown.splitlines() if pattern.search(line)]
    return found


@pytest.fixture
def walking(seeded_store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("HAICAP_TODAY", "2026-01-10")  # the seed's requests are overdue
    monkeypatch.chdir(tmp_path)

    async def run() -> str:
        return await walk(make_app(seeded_store_path), tmp_path)

    return run


def test_the_checked_words_are_in_no_data() -> None:
    data = data_text()
    assert data.count("Kim Tân") > 0, "the seed is read"
    assert leftovers(data, VIETNAMESE) == []
    assert leftovers(data, ENGLISH) == []


async def test_vietnamese_screens_show_no_english_of_haicap(walking) -> None:
    shown = await walking()
    assert leftovers(shown, ENGLISH) == []
    assert "Kết quả" in shown and "Không tìm thấy" in shown and "Bấm ctrl+q để thoát haicap" in shown


async def test_english_screens_show_no_vietnamese_of_haicap(walking) -> None:
    set_language("en")
    shown = await walking()
    assert leftovers(shown, VIETNAMESE) == []
    assert "Achievements" in shown and "No matches found" in shown and "Received → In progress" in shown
    assert "/minutes-2025-11-25-" in shown, "the export's default file name"
