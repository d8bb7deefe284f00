"""The widgets speak Vietnamese by default and English under `set_language("en")`: the
panes, the dashboard's header, the preview, the overview and late tables (whose headings still fit 80 columns in
both), the serving refusals and the marks of text left out.

The language is chosen before the app starts, as `haicap --lang en` does; the suite's
`vietnamese` fixture puts Vietnamese back after each test.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from apps import make_app
from helpers import settle
from test_overview import add_late_request, fixed_today, open_overview  # noqa: F401  (fixed_today: autouse)
from textual.content import Content

from haicap.store import Kind, Store
from haicap.store.domain.i18n import set_language
from haicap.tui.literal import bounded
from haicap.tui.serving.origin import Gate, PublicUrlError, parse_public_url
from haicap.tui.widgets.dashboard_header import DashboardHeader
from haicap.tui.widgets.item_preview import ItemPreview
from haicap.tui.widgets.items_pane import ItemsPane
from haicap.tui.widgets.late_table import LateTable
from haicap.tui.widgets.overview_table import OverviewTable

WORDS = {
    "vi": {
        "titles": ["Kết quả", "Khó khăn", "Kiến nghị", "Chỉ đạo"],
        "preview": "Toàn văn",
        "state": "Đang giải quyết · Sở Xây dựng · hạn 10/12/2025",
        "badge": "⚠ quá hạn 10 ngày",
        "overview": ["Xã", "Số", "phiên", "Kiến", "nghị", "KN", "mở", "CĐ", "Sắp", "hạn"],
        "late": ["Xã", "Loại", "Số ngày", "Hạn", "Phụ trách", "Nội dung"],
        "late_row": ["KN", "quá 10", "Sở Xây dựng"],
        "refusal": "sai hoặc thiếu mã truy cập (token)",
        "left_out": "… (+99.000 ký tự)",
        "header": ["xã Vân Du · mã 15190 · 1 phiên", "lọc: van du"],
    },
    "en": {
        "titles": ["Achievements", "Difficulties", "Requests", "Directives"],
        "preview": "Full text",
        "state": "In progress · Sở Xây dựng · due 10/12/2025",
        "badge": "⚠ 10 days overdue",
        "overview": ["Commune", "Ses-", "sions", "Ach", "Diff", "Req.", "open", "late", "Dir.", "Due", "soon"],
        "late": ["Commune", "Kind", "Days", "Deadline", "Owner", "Text"],
        "late_row": ["Req.", "10 late", "Sở Xây dựng"],
        "refusal": "wrong or missing token",
        "left_out": "… (+99,000 characters)",
        "header": ["xã Vân Du · code 15190 · 1 session", "filter: van du"],
    },
}
"""What each language shows; the data (names, agencies, report text) is never translated."""


@pytest.fixture
def store(seeded_store_path) -> Iterator[Store]:
    with Store.open(seeded_store_path) as opened:
        yield opened


def lines_of(widget, count: int) -> list[str]:
    """The first `count` lines `widget` draws, as plain text."""
    return ["".join(segment.text for segment in widget.render_line(y)) for y in range(count)]


def set_in_progress(path, item_id: str) -> None:
    from haicap.store.domain.tracking import RequestStatus

    with Store.open(path) as store:
        store.update_tracking(item_id, status=RequestStatus.IN_PROGRESS, who="test")


@pytest.mark.parametrize("language", ["vi", "en"])
async def test_panes_and_preview_speak_the_language_chosen(seeded_store_path, language: str) -> None:
    item_id = add_late_request(seeded_store_path)
    set_in_progress(seeded_store_path, item_id)
    if language == "en":
        set_language("en")
    words = WORDS[language]
    app = make_app(seeded_store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        panes = list(app.screen.query(ItemsPane))
        titles = [Content.from_markup(str(pane.border_title)).plain for pane in panes]
        for number, (title, kind_title) in enumerate(zip(titles, words["titles"], strict=True), start=1):
            assert title.startswith(f"{number} {kind_title} ("), title
        other = {"vi": "en", "en": "vi"}[language]
        assert not any(word in " ".join(titles) for word in WORDS[other]["titles"]), "one language, not two"
        await pilot.press("slash", *"van du", "enter")
        await settle(pilot)
        header = str(app.screen.query_one(DashboardHeader).render())
        assert all(part in header for part in words["header"]), header
        await pilot.press("3")
        await settle(pilot)
        requests = app.screen.query_one(f"#pane-{Kind.REQUEST.value}", ItemsPane)
        assert requests.select_item(item_id)
        await settle(pilot)
        preview = app.screen.query_one(ItemPreview)
        shown = str(preview.query_one("#preview-text").render())
        assert preview.border_title == words["preview"]
        assert words["badge"] in shown and words["state"] in shown, shown
        assert "Đề nghị tỉnh hỗ trợ kinh phí" in shown, "the item's text is data, never translated"


@pytest.mark.parametrize("language", ["vi", "en"])
async def test_an_empty_pane_says_none_in_the_language_chosen(store, language: str) -> None:
    if language == "en":
        set_language("en")
    pane = ItemsPane(Kind.REQUEST, 3)
    from textual.app import App

    class One(App[None]):
        def compose(self):
            yield pane

    async with One().run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        assert lines_of(pane, 1)[0].strip() == {"vi": "— không có", "en": "— none"}[language]


@pytest.mark.parametrize("language", ["vi", "en"])
async def test_overview_and_late_tables_speak_the_language_chosen_and_fit_80_columns(seeded_store_path, language: str) -> None:
    add_late_request(seeded_store_path)
    if language == "en":
        set_language("en")
    words = WORDS[language]
    app = make_app(seeded_store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(app, pilot)
        table = app.screen.query_one(OverviewTable)
        heading = " ".join(lines_of(table, 2)).split()
        assert all(word in heading for word in words["overview"]), heading
        # Every column inside 80 terminal columns (one is the scrollbar's): no heading cut.
        assert table.virtual_size.width <= table.size.width - 1, (table.virtual_size.width, lines_of(table, 2))
        await pilot.press("l")
        await settle(pilot)
        late = app.screen.query_one(LateTable)
        head, row = lines_of(late, 2)
        assert " ".join(head.split()).startswith(" ".join(words["late"])), head
        assert all(word in row for word in words["late_row"]), row
        assert late.virtual_size.width <= late.size.width, (late.virtual_size.width, head)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_serving_refusals_and_url_errors_speak_the_language_chosen(language: str) -> None:
    if language == "en":
        set_language("en")
    gate = Gate.for_server("127.0.0.1", 8000, None, "secret")
    assert gate.page_refusal({"Host": "127.0.0.1:8000"}, "guess") == WORDS[language]["refusal"]
    with pytest.raises(PublicUrlError) as error:
        parse_public_url("ftp://example.org")
    assert ("không phải URL" if language == "vi" else "is not an http:// or https:// URL") in str(error.value)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_mark_of_text_left_out_speaks_the_language_chosen(language: str) -> None:
    if language == "en":
        set_language("en")
    assert bounded("x" * 100_000).plain.endswith(" " + WORDS[language]["left_out"])


def test_follow_up_words_switch_with_the_language(store) -> None:
    """The pane's line and the preview's state line of a closed directive."""
    from haicap.store.domain.followup import follow_up
    from haicap.tui.item_lines import item_line, state_line

    session = store.latest_session()
    item = store.add_item(session.id, session.commune_codes[:1], Kind.DIRECTIVE, "Giao Sở Xây dựng rà soát", who="t")
    item = store.update_tracking(item.id, deadline=dt.date(2025, 12, 1), done=dt.date(2025, 11, 30), who="t")
    today = dt.date(2025, 12, 20)
    state = follow_up(item, today)
    assert state is not None
    assert state_line(item, state).plain.startswith("✓ Hoàn thành – đúng hạn") and item_line(
        item, 60, today
    ).plain.rstrip().endswith("xong")
    set_language("en")
    assert state_line(item, state).plain.startswith("✓ Done – on time") and item_line(item, 60, today).plain.rstrip().endswith(
        "done"
    )
