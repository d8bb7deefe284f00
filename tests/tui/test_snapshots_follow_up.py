"""Snapshot tests of following items up: overdue marks, state lines and the item dialogs.

Each test's docstring says what a correct snapshot shows. Today is 15/12/2025 (the
session was on 25/11/2025); the changes are written before the app starts, by "lan", at
a fixed time shown in UTC. Update only after looking:
`pytest tests/tui/test_snapshots_follow_up.py --snapshot-update`.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from apps import make_app
from helpers import settle

from haicap.store import Kind, Store

OPEN_VAN_DU = ["slash", *"van du", "enter"]
"""Keys that select Vân Du in the list."""


@pytest.fixture
def followed_up(seeded_store_path: Path, set_now) -> Iterator[Path]:
    """The seed store after an officer followed Vân Du up: its first request in progress at
    the Sở Nông nghiệp và Môi trường with a deadline of 03/12/2025 (12 days overdue), a
    directive due 10/01/2026 and one done late."""
    # History written in the tests is dated 01/12/2025 08:30 UTC (a clock injected, see store.clock).
    set_now("2025-12-01T08:30:00+00:00")
    # History shows local times: UTC here, whatever the machine's zone.
    local_zone = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    with Store.open(seeded_store_path) as opened:
        van_du = next(c for c in opened.registry.communes_of(opened.default_province()) if c.name == "Vân Du")
        report = opened.commune_view(van_du)
        request = report.of_kind(Kind.REQUEST)[0]
        opened.set_status(request.id, "in_progress", who="lan")
        opened.update_tracking(request.id, who="lan", owner="Sở Nông nghiệp và Môi trường", deadline=dt.date(2025, 12, 3))
        first, second = report.of_kind(Kind.DIRECTIVE)[:2]
        opened.update_tracking(first.id, who="lan", owner="UBND xã", deadline=dt.date(2026, 1, 10))
        opened.update_tracking(second.id, who="lan", deadline=dt.date(2025, 12, 1), done=dt.date(2025, 12, 5))
    yield seeded_store_path
    if local_zone is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = local_zone
    time.tzset()


def test_overdue_request_80x24(snap_compare, followed_up: Path) -> None:
    """Vân Du, requests pane focused: the first request starts with the badge
    " ⚠ quá hạn 12 ngày " in the error colours; the directives pane shows
    "Đang thực hiện – trong hạn · UBND xã · hạn 10/01/2026"; footer ends with "? Help"."""
    assert snap_compare(make_app(followed_up), terminal_size=(80, 24), run_before=settle, press=[*OPEN_VAN_DU, "3"])


def test_overdue_request_120x40(snap_compare, followed_up: Path) -> None:
    """The same at 120×40: under the overdue request's session line,
    "Đang giải quyết · Sở Nông nghiệp và Môi trường · hạn 03/12/2025"; the next requests
    "Mới tiếp nhận · hạn 04/01/2026"; the second directive "✓ Hoàn thành – quá hạn ·
    hạn 01/12/2025 · xong 05/12/2025"."""
    assert snap_compare(make_app(followed_up), terminal_size=(120, 40), run_before=settle, press=[*OPEN_VAN_DU, "3"])


def test_status_dialog(snap_compare, followed_up: Path) -> None:
    """`s` on the overdue request: the five request states, "● Đang giải quyết / In progress
    (hiện tại / current)" highlighted, the item's text cut with "…" above them."""
    assert snap_compare(make_app(followed_up), terminal_size=(80, 24), run_before=settle, press=[*OPEN_VAN_DU, "3", "s"])


def test_directive_status_dialog(snap_compare, followed_up: Path) -> None:
    """`s` on a directive in progress: "● Đang thực hiện" (current) and "Hoàn thành / Done ·
    xong hôm nay / done today"."""
    assert snap_compare(make_app(followed_up), terminal_size=(80, 24), run_before=settle, press=[*OPEN_VAN_DU, "4", "s"])


def test_history_dialog(snap_compare, followed_up: Path) -> None:
    """`h` on the overdue request: three entries at 01/12/2025 08:30 by lan — status
    "Mới tiếp nhận → Đang giải quyết", owner "— → Sở Nông nghiệp và Môi trường",
    deadline "— → 2025-12-03"."""
    assert snap_compare(make_app(followed_up), terminal_size=(80, 24), run_before=settle, press=[*OPEN_VAN_DU, "3", "h"])


def test_edit_dialog(snap_compare, followed_up: Path) -> None:
    """`e` on the overdue request: its text in a wrapped box; owner (focused), co-agencies
    (placeholder), deadline 03/12/2025, answer (placeholder) and note rows; under them "Chỉ đạo
    trả lời · space: nối / bỏ nối" and five lines of the session's directives, "[ ]" and their
    state, cut with "…", none marked "gợi ý" (none is on the request's subject: only "Bên
    cạnh đó" is shared); the hints line; the item id in the frame's subtitle."""
    assert snap_compare(make_app(followed_up), terminal_size=(80, 24), run_before=settle, press=[*OPEN_VAN_DU, "3", "e"])


def test_item_detail_with_follow_up(snap_compare, followed_up: Path) -> None:
    """enter on the overdue request: under its text "Tình trạng / State: ⚠ quá hạn 12 ngày
    Đang giải quyết", then owner, co-agencies "—", deadline 03/12/2025, answer and note."""
    assert snap_compare(make_app(followed_up), terminal_size=(80, 24), run_before=settle, press=[*OPEN_VAN_DU, "3", "enter"])


def test_due_soon_requests_80x24(snap_compare, followed_up: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On 01/01/2026, Vân Du, requests pane focused: the first request "⚠" in the error colour
    with "quá 29 ngày", the three others "◷" in the warning colour with "còn 3 ngày" in the
    deadline column; the preview starts with the badge " ⚠ quá hạn 29 ngày "; the directive due
    10/01/2026 (9 days away) has no mark."""
    monkeypatch.setenv("HAICAP_TODAY", "2026-01-01")
    assert snap_compare(make_app(followed_up), terminal_size=(80, 24), run_before=settle, press=[*OPEN_VAN_DU, "3", "j"])
