"""History keeps a kind or a status in the officials' Vietnamese: it is shown in the language spoken."""

from __future__ import annotations

import datetime as dt

from haicap.store.domain.history import HistoryEntry, value_shown
from haicap.store.domain.i18n import set_language


def entry(field: str, old: str, new: str) -> HistoryEntry:
    return HistoryEntry("x-1", "lan", dt.datetime(2026, 1, 10, tzinfo=dt.UTC), field, old, new)


def test_vietnamese_values_stay_as_recorded() -> None:
    status = entry("status", "Mới tiếp nhận", "Đang giải quyết")
    assert (status.old_shown, status.new_shown) == ("Mới tiếp nhận", "Đang giải quyết")
    assert "status: Mới tiếp nhận → Đang giải quyết" in status.describe()
    assert value_shown("deleted", "yes") == "có"


def test_english_shows_haicap_s_words_in_english_and_data_as_written() -> None:
    set_language("en")
    assert value_shown("status", "Đang giải quyết") == "In progress"
    assert value_shown("status", "Đang thực hiện") == "In progress"
    assert value_shown("status", "Đã giải quyết dứt điểm") == "Resolved"
    assert value_shown("kind", "Chỉ đạo") == "Directive"
    assert value_shown("created", "Kiến nghị: Xây cầu") == "Request: Xây cầu"
    assert value_shown("deleted", "no") == "no"
    assert value_shown("owner", "Sở Tài chính") == "Sở Tài chính", "data is never translated"
    assert value_shown("text", "Đang giải quyết") == "Đang giải quyết", "only a status field is a status"
