"""One line per item in a pane: the mark, the text cut to fit, the owner and deadline columns (issue 17)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from haicap.store import Kind, Store
from haicap.tui.item_lines import OWNER_WIDTH, item_line, owner_width

SESSION_DAY = dt.date(2025, 11, 25)


@pytest.fixture
def store():
    store = Store.in_memory()
    store.ensure_seeded()
    return store


def a_request(store: Store, owner: str = "", deadline: dt.date | None = None, done: dt.date | None = None):
    session = store.latest_session()
    item = store.add_item(
        session.id, session.commune_codes[:1], Kind.REQUEST, "Đề nghị tỉnh hỗ trợ kinh phí sửa chữa cầu treo qua suối", who="t"
    )
    changes = {name: value for name, value in (("owner", owner), ("deadline", deadline), ("done", done)) if value}
    return store.update_tracking(item.id, who="t", **changes) if changes else item


def test_an_overdue_request_says_so_in_words_at_every_width(store):
    item = a_request(store, owner="Sở Xây dựng", deadline=dt.date(2025, 12, 10))
    today = dt.date(2025, 12, 20)
    for width in (24, 40, 80):
        line = item_line(item, width, today, owners=owner_width([item])).plain
        assert line.startswith("⚠ ") and "quá 10 ngày" in line and len(line) == width, (width, line)
    narrow = item_line(item, 24, today).plain
    assert narrow.startswith("⚠ quá 10 ngày Đề nghị"), "in a narrow pane the words come before the text"


def test_wide_panes_have_owner_and_deadline_columns_and_narrow_ones_cut_the_text(store):
    item = a_request(store, owner="Sở Tài chính", deadline=dt.date(2026, 1, 15))
    today = dt.date(2025, 12, 20)
    wide = item_line(item, 80, today, owners=owner_width([item])).plain
    assert wide.startswith("· Đề nghị") and wide.rstrip().endswith("Sở Tài chính  15/01/2026")
    medium = item_line(item, 40, today).plain
    assert medium.endswith("15/01/2026") and "Sở Tài chính" not in medium and "…" in medium
    narrow = item_line(item, 20, today).plain
    assert len(narrow) == 20 and narrow.rstrip().endswith("…")


def test_no_owner_column_when_no_item_of_the_pane_has_one(store):
    item = a_request(store, deadline=dt.date(2026, 1, 15))
    assert owner_width([item]) == 0
    line = item_line(item, 80, dt.date(2025, 12, 20), owners=0).plain
    assert "—" not in line and line.endswith("15/01/2026")
    long_owner = dataclasses.replace(item, tracking=dataclasses.replace(item.tracking, owner="Sở Nông nghiệp và Môi trường tỉnh"))
    assert owner_width([item, long_owner]) == OWNER_WIDTH


def test_an_achievement_has_a_plain_mark_and_no_columns(store):
    [achievement, *_] = store.items(kinds=(Kind.ACHIEVEMENT,))
    line = item_line(achievement, 60, dt.date(2025, 12, 20)).plain
    assert line.startswith("• ") and len(line) == 60
    assert "\n" not in line
