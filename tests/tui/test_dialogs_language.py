"""Pilot tests: the dialogs speak Vietnamese by default and English under `set_language("en")`.

Each test drives the real dashboard on the seeds in both languages. "vi" sets nothing: it is
the default (the suite clears the locale, see tests/conftest.py); "en" is chosen before the
app starts, as `haicap --lang en` does.
"""

from __future__ import annotations

import datetime as dt

import pytest
from apps import make_app
from helpers import settle
from test_item_actions import add_second_session, dashboard, open_commune, pane
from textual.content import Content

from haicap.store import DirectiveStatus, Kind, RequestStatus
from haicap.store.domain.i18n import N_, set_language
from haicap.tui.dialogs.edit_item_dialog import EditItemDialog
from haicap.tui.dialogs.export_dialog import ExportDialog
from haicap.tui.dialogs.help import HelpDialog, bindings_of
from haicap.tui.dialogs.history_dialog import HistoryDialog
from haicap.tui.dialogs.phrase import phrase
from haicap.tui.dialogs.search_dialog import SearchDialog
from haicap.tui.dialogs.sessions_dialog import SessionsDialog
from haicap.tui.dialogs.status_dialog import StatusDialog
from haicap.tui.dialogs.too_small_dialog import TooSmallDialog
from haicap.tui.screens.dashboard import DashboardScreen

LANGUAGES = ["vi", "en"]


def dialog_current(code: str) -> str:
    """How a choice dialog marks the current entry."""
    return {"vi": "(hiện tại)", "en": "(current)"}[code]


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """Today is 15/12/2025 (the seed session was on 25/11/2025)."""
    monkeypatch.setenv("HAICAP_TODAY", "2025-12-15")


def texts(screen) -> str:
    """Everything the screen's Static widgets show, one per line."""
    return "\n".join(str(static.render()) for static in screen.query("Static"))


def options(dialog) -> list[str]:
    """The entries of a choice dialog's list, as shown."""
    listed = dialog.query_one("OptionList")
    return [str(listed.get_option_at_index(n).prompt) for n in range(listed.option_count)]


def speak(code: str) -> None:
    """Speak `code`: English is asked for, Vietnamese is what haicap speaks unasked."""
    if code == "en":
        set_language("en")


@pytest.mark.parametrize("code", LANGUAGES)
async def test_help_translates_its_titles_and_every_binding(make_dashboard, code: str) -> None:
    speak(code)
    words = {
        "vi": ("Phím", "esc đóng", "Đóng, không chuyển đi đâu", "Từ ô tìm xuống các kết quả tìm", "Close without jumping"),
        "en": ("Keys", "esc close", "Close without jumping", "From the search box to the hits", "Đóng, không chuyển"),
    }[code]
    title, subtitle, escape, down, other = words
    app = make_dashboard()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f", "f1")  # the search dialog's own keys
        await settle(pilot)
        help_dialog = app.screen
        assert isinstance(help_dialog, HelpDialog)
        body = help_dialog.query_one("VerticalScroll")
        assert (str(body.border_title), str(body.border_subtitle)) == (title, subtitle)
        shown = texts(help_dialog)
        assert escape in shown and down in shown, "each binding's tooltip in the language spoken"
        assert other not in shown, "one language only"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SearchDialog)

        # Section titles come in N_-marked and are translated when the dialog composes.
        app.push_screen(HelpDialog([(N_("History"), bindings_of(HistoryDialog))]))
        await settle(pilot)
        shown = texts(app.screen)
        section, row = {"vi": ("Lịch sử", "Về bảng điều khiển"), "en": ("History", "Back to the dashboard")}[code]
        assert shown.splitlines()[0] == section
        assert row in shown


@pytest.mark.parametrize("code", LANGUAGES)
async def test_export_dialog_in_each_language(make_dashboard, code: str) -> None:
    speak(code)
    title, labels, word_format, empty = {
        "vi": ("Xuất văn bản", ["Nội dung", "Định dạng", "Tệp"], "Biên bản Word (.docx)", "Chưa có tên tệp"),
        "en": ("Export a document", ["What to export", "Format", "File"], "Word minutes (.docx)", "Type a file name"),
    }[code]
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_commune(pilot, "van du", "3")
        await pilot.press("x")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("Vertical").border_title == title
        assert [str(label.render()) for label in dialog.query(".export-label")] == labels
        formats = [str(button.label) for button in dialog.query_one("#export-format").query("RadioButton")]
        assert formats[0] == word_format and len(formats) == 6  # then the table split by owner agency, the session file
        dialog.query_one("#export-path").value = ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog and str(dialog.query_one("#export-error").render()) == empty


@pytest.mark.parametrize("code", LANGUAGES)
async def test_status_dialog_marks_and_sets_the_right_state_in_each_language(make_dashboard, code: str) -> None:
    speak(code)
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_commune(pilot, "van du", "3")
        request = pane(app, Kind.REQUEST).current
        await pilot.press("s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, StatusDialog)
        assert dialog.query_one("Vertical").border_title == {"vi": "Trạng thái", "en": "Status"}[code]
        listed = options(dialog)
        assert len(listed) == len(RequestStatus)
        received, in_progress = {"vi": ("Mới tiếp nhận", "Đang giải quyết"), "en": ("Received", "In progress")}[code]
        assert listed[0] == f"● {received} {dialog_current(code)}"
        assert listed[1] == f"  {in_progress}"
        assert dialog.query_one("OptionList").highlighted == 0, "the current state is highlighted"
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.store.item(request.id).tracking.status is RequestStatus.IN_PROGRESS

        # The request's state is now the second one: reopened, the mark and highlight moved.
        await pilot.press("s")
        await settle(pilot)
        listed = options(app.screen)
        assert listed[1] == f"● {in_progress} {dialog_current(code)}" and listed[0] == f"  {received}"
        assert app.screen.query_one("OptionList").highlighted == 1
        await pilot.press("escape")
        await settle(pilot)

        # A directive: its two states, and "done today" on the one that closes it.
        await pilot.press("4")
        directive = pane(app, Kind.DIRECTIVE).current
        await pilot.press("s")
        await settle(pilot)
        doing, done, today = {
            "vi": ("Đang thực hiện", "Hoàn thành", "xong hôm nay"),
            "en": ("In progress", "Done", "done today"),
        }[code]
        assert options(app.screen) == [f"● {doing} {dialog_current(code)}", f"  {done} · {today}"]
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.store.item(directive.id).tracking.done == dt.date(2025, 12, 15)
        assert DirectiveStatus.DONE.label == done


@pytest.mark.parametrize("code", LANGUAGES)
async def test_edit_dialog_in_each_language(make_dashboard, code: str) -> None:
    speak(code)
    title, labels, error = {
        "vi": ("Sửa · Kiến nghị", ["Chủ trì", "Phối hợp", "Hạn", "Trả lời", "Ghi chú"], "'31/02/2026' không phải ngày"),
        "en": ("Edit · Request", ["Owner", "Co-agencies", "Deadline", "Answer", "Note"], "'31/02/2026' is not a date"),
    }[code]
    app = make_dashboard()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("3", "e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, EditItemDialog)
        assert dialog.query_one("Vertical").border_title == title
        assert [str(row.query_one("Static").render()) for row in dialog.query(".edit-row")] == labels
        await pilot.press("tab", "tab", *"31/02/2026", "enter")
        await settle(pilot)
        assert app.screen is dialog and str(dialog.query_one("#edit-error").render()).startswith(error)
        await pilot.press("escape")
        await settle(pilot)

        # A directive's owner is who carries it out.
        await pilot.press("4", "e")
        await settle(pilot)
        owner = str(app.screen.query_one(".edit-row").query_one("Static").render())
        assert owner == {"vi": "Thực hiện", "en": "Owner"}[code]
        assert app.screen.query_one("Vertical").border_title == {"vi": "Sửa · Chỉ đạo", "en": "Edit · Directive"}[code]
        await pilot.press("escape")
        await settle(pilot)
        assert dashboard(app) is app.screen


@pytest.mark.parametrize("code", LANGUAGES)
async def test_too_small_in_each_language(make_dashboard, code: str) -> None:
    speak(code)
    app = make_dashboard()
    async with app.run_test(size=(70, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TooSmallDialog)
        text = str(app.screen.query_one("Static").render())
        expected = {
            "vi": "Cửa sổ quá nhỏ: 70×24, cần 80×24.\nPhóng to cửa sổ hoặc thu nhỏ chữ; q để thoát.",
            "en": "Terminal too small: 70×24, need 80×24.\nEnlarge it or use a smaller font; q quits.",
        }[code]
        assert text == expected


@pytest.mark.parametrize("code", LANGUAGES)
async def test_sessions_dialog_in_each_language(seeded_store_path, code: str) -> None:
    """`t`: the heading names the commune in bold inside the sentence, the legend and the
    counts use the kinds' abbreviations of the language spoken."""
    add_second_session(seeded_store_path)
    speak(code)
    app = make_app(seeded_store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        while not isinstance(app.screen, DashboardScreen):  # a store of several sessions opens on a view
            await app.pop_screen()
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SessionsDialog)
        heading, legend = dialog.about.plain.splitlines()
        listed = options(dialog)
        if code == "vi":
            assert dialog.query_one("Vertical").border_title == "Phiên"
            assert heading == "Phiên làm việc với xã Vân Du"
            assert legend == "KQ kết quả · KK khó khăn · KN kiến nghị · CĐ chỉ đạo"
            assert listed[0] == "● Tất cả các phiên" and "KQ 1 KK 0 KN 1 CĐ 0" in listed[1]
        else:
            assert dialog.query_one("Vertical").border_title == "Sessions"
            assert heading == "Sessions with xã Vân Du"
            assert legend == "AC achievements · DF difficulties · RQ requests · DR directives"
            assert listed[0] == "● All sessions" and "AC 1 DF 0 RQ 1 DR 0" in listed[1]
        start = heading.index("xã Vân Du")
        bold = [span for span in dialog.about.spans if span.style == "bold"]
        assert [(span.start, span.end) for span in bold] == [(start, start + len("xã Vân Du"))], "only the name is bold"


def test_phrase_puts_each_styled_piece_where_its_placeholder_is() -> None:
    """A translation may order the pieces otherwise than the English: each lands in its place."""
    filled = phrase("{session} của {commune}!", "dim", commune=Content("xã A").stylize("bold"), session=Content("phiên 1"))
    assert filled.plain == "phiên 1 của xã A!"
    assert [(span.start, span.end, span.style) for span in filled.spans] == [(7, 12, "dim"), (12, 16, "bold"), (16, 17, "dim")]
    assert phrase("{unknown} left as written").plain == "{unknown} left as written"
