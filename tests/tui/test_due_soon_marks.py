"""Due soon in the dashboard (issue 19): the panes' line, the preview, the item detail, the
late view (`l`), the overview (`o`) and the presenter's slide of open items.

The seed session is of 25/11/2025; its four requests (every commune's) are due on
04/01/2026. Today is 01/01/2026 here, so they are due in 3 days; a Vân Du request added by
`add_late_request` (due 10/12/2025) is 22 days overdue.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from apps import make_app
from helpers import item_shown, settle
from test_overview import LATE_REQUEST, add_late_request

from haicap.store import DeadlineRules, Kind, Store
from haicap.store.domain.i18n import set_language
from haicap.store.views.slides import deck_of_session
from haicap.tui.dialogs.item_detail import ItemDetailDialog
from haicap.tui.item_lines import item_line
from haicap.tui.screens.late import LateScreen
from haicap.tui.widgets.items_pane import ItemsPane
from haicap.tui.widgets.late_table import LateTable
from haicap.tui.widgets.overview_table import OVERVIEW_COLUMNS, OverviewTable
from haicap.tui.widgets.slide_view import entry_detail

TODAY = dt.date(2026, 1, 1)
"""Three days before the seed requests' deadline."""


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    monkeypatch.setenv("HAICAP_TODAY", TODAY.isoformat())
    return TODAY


@pytest.fixture
def store() -> Store:
    seeded = Store.in_memory()
    seeded.ensure_seeded()
    return seeded


def _seed_request(store: Store):
    return store.items(kinds=(Kind.REQUEST,))[0]


# -- the pane's line ---------------------------------------------------------------------------


def test_a_due_soon_request_says_so_in_words_at_every_width(store: Store) -> None:
    request = store.update_tracking(_seed_request(store).id, owner="Sở Tài chính")
    for width in (24, 40, 80):
        line = item_line(request, width, TODAY, store.deadline_rules, owners=12).plain
        assert line.startswith("◷ ") and "còn 3 ngày" in line and len(line) == width, (width, line)
    assert item_line(request, 24, TODAY, store.deadline_rules).plain.startswith("◷ còn 3 ngày Bên cạnh")
    assert item_line(request, 80, TODAY, store.deadline_rules, owners=12).plain.rstrip().endswith("còn 3 ngày")
    on_the_day = item_line(request, 80, dt.date(2026, 1, 4), store.deadline_rules, owners=12).plain
    assert on_the_day.startswith("◷ ") and on_the_day.rstrip().endswith("Sở Tài chính     hôm nay")
    set_language("en")
    assert item_line(request, 80, TODAY, store.deadline_rules, owners=12).plain.rstrip().endswith("3d left")


def test_the_line_is_in_the_warning_colour(store: Store) -> None:
    line = item_line(_seed_request(store), 80, TODAY, store.deadline_rules)
    styles = [str(span.style) for span in line.spans if line.plain[span.start : span.end].strip() in ("◷", "còn 3 ngày")]
    assert len(styles) == 2 and all("$text-warning" in style for style in styles), line.spans


def test_no_mark_before_the_days_or_with_the_setting_off(store: Store) -> None:
    request = _seed_request(store)
    earlier = item_line(request, 80, TODAY - dt.timedelta(days=5), store.deadline_rules).plain
    assert earlier.startswith("· ") and earlier.rstrip().endswith("04/01/2026")
    off = item_line(request, 80, TODAY, DeadlineRules(due_soon_days=0)).plain
    assert off.startswith("· ") and "còn" not in off


# -- the dashboard ----------------------------------------------------------------------------


async def test_the_pane_preview_and_detail_mark_a_request_due_soon(seeded_store_path: Path) -> None:
    app = make_app(seeded_store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        pane = app.screen.query_one(f"#pane-{Kind.REQUEST.value}", ItemsPane)
        assert all(pane.line(i).plain.startswith("◷ ") for i in range(len(pane.items)))
        shown = item_shown(app, Kind.REQUEST)
        assert "◷ sắp đến hạn, còn 3 ngày  Mới tiếp nhận · hạn 04/01/2026" in shown
        preview = str(app.screen.query_one("#preview-text").render())
        assert preview.startswith(" ◷ sắp đến hạn, còn 3 ngày  Mới tiếp nhận")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ItemDetailDialog)
        detail = " ".join(str(static.render()) for static in app.screen.query("Static"))
        assert "Tình trạng:  ◷ sắp đến hạn, còn 3 ngày  Mới tiếp nhận" in detail


# -- the late view ------------------------------------------------------------------------------


async def test_the_late_view_lists_the_overdue_then_the_due_soon(seeded_store_path: Path) -> None:
    late_id = add_late_request(seeded_store_path)
    with Store.open(seeded_store_path) as store:
        seed_requests = [i.id for i in store.items(kinds=(Kind.REQUEST,)) if i.id != late_id]
        directive = store.items(kinds=(Kind.DIRECTIVE,))[0]
        store.update_tracking(directive.id, deadline=TODAY, who="test")  # due today: before the requests
    app = make_app(seeded_store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LateScreen)
        table = app.screen.query_one(LateTable)
        assert [late.item.id for late in table.late_items] == [late_id, directive.id, *sorted(seed_requests)]
        rows = [[cell.plain.strip() for cell in table.get_row_at(row)] for row in range(len(table.late_items))]
        assert [row[2] for row in rows] == ["quá 22", "hôm nay", "còn 3", "còn 3", "còn 3", "còn 3"]
        assert LATE_REQUEST.startswith(rows[0][-1].rstrip("…"))
        headings = [column.label.plain.strip() for column in table.columns.values()]
        assert headings[2] == "Số ngày"
        header = str(app.screen.query_one("ViewHeader").render())
        assert "⚠ Quá hạn: 1 kiến nghị, 0 chỉ đạo — cũ nhất trước" in header
        assert "◷ Sắp đến hạn (trong 7 ngày): 4 kiến nghị, 1 chỉ đạo — gần hạn nhất trước" in header
        # The days column: the error colour for the overdue, the warning colour for the due soon.
        late_style, soon_style = table.get_row_at(0)[2].style, table.get_row_at(1)[2].style
        assert late_style != soon_style and late_style.bold and soon_style.bold
        await pilot.press("j", "space")
        await settle(pilot)
        assert isinstance(app.screen, ItemDetailDialog)
        detail = " ".join(str(static.render()) for static in app.screen.query("Static"))
        assert "◷ hôm nay đến hạn" in detail


async def test_the_late_view_says_when_nothing_is_overdue_but_some_are_due_soon(seeded_store_path: Path) -> None:
    app = make_app(seeded_store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        table = app.screen.query_one(LateTable)
        assert len(table.late_items) == 4 and all(late.state.due_soon for late in table.late_items)
        assert table.virtual_size.width <= table.scrollable_content_region.width, "no sideways scrolling at 80x24"
        header = str(app.screen.query_one("ViewHeader").render())
        assert "Không có kiến nghị hay chỉ đạo nào quá hạn" in header and "◷ Sắp đến hạn (trong 7 ngày): 4 kiến nghị" in header


# -- the overview ---------------------------------------------------------------------------------


async def test_the_overview_counts_and_marks_the_due_soon(seeded_store_path: Path) -> None:
    add_late_request(seeded_store_path)
    app = make_app(seeded_store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        table = app.screen.query_one(OverviewTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width, "twelve columns in 80"
        assert OVERVIEW_COLUMNS[-1].label == "Sắp\nhạn" and OVERVIEW_COLUMNS[-1].name == "sắp đến hạn"
        rows = [[cell.plain.strip() for cell in table.get_row_at(index)] for index in range(3)]
        # Vân Du has the overdue request (its own, not due soon); every commune has the four seed requests due soon.
        assert [(row[0], row[-1]) for row in rows] == [("⚠ Vân Du", "4"), ("◷ Kim Tân", "4"), ("◷ Ngọc Trạo", "4")]
        by_name = {row.commune.name: row for row in table.rows_shown}
        assert by_name["Vân Du"].overdue_requests == 1 and by_name["Vân Du"].due_soon_requests == 4
        header = str(app.screen.query_one("ViewHeader").render())
        assert "quá hạn 1, sắp đến hạn 4" in header and "quá hạn 0, sắp đến hạn 0" in header
        # `s` reaches the new column; the header names it.
        for _ in OVERVIEW_COLUMNS:
            await pilot.press("s")
        await settle(pilot)
        assert "xếp: sắp đến hạn ↓" in str(app.screen.query_one("ViewHeader").render())


# -- the presenter ----------------------------------------------------------------------------------


def test_the_slide_of_open_items_marks_the_due_soon(store: Store) -> None:
    deck = deck_of_session(store, store.latest_session(), TODAY)
    closing = deck.parts[-1]
    requests = [entry for entry in closing.entries if entry.detail.startswith("Kiến nghị")]
    assert len(requests) == 4 and all(entry.due_soon == "◷ sắp đến hạn, còn 3 ngày" for entry in requests)
    assert all(entry.overdue == "" for entry in requests)
    detail = entry_detail(requests[0])
    assert detail is not None and detail.plain.endswith("◷ sắp đến hạn, còn 3 ngày")
    assert any("$warning" in str(span.style) for span in detail.spans)
    # The slides of each kind keep only the overdue mark.
    assert all(entry.due_soon == "" for part in deck.parts[:-1] for entry in part.entries)
