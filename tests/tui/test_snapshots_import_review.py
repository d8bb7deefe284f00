"""Snapshot tests of the import review screen and its dialogs, compared with the committed SVGs.

Each test's docstring says what a correct snapshot shows. The articles are the invented
ones of test_import_review.py, written into the test's folder and typed as relative paths
(`monkeypatch.chdir`), so no temporary folder name is on screen. Update snapshots only
after looking at them: `pytest tests/tui/test_snapshots_import_review.py --snapshot-update`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from apps import make_app
from helpers import settle
from test_import_review import OTHER_OUTLET, write_article
from test_links import ARTICLE as LINKED_ARTICLE

from haicap.store import Store
from haicap.store.ingest.importer import plan_import


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def open_review(path: str, *keys: str, first: tuple[str, ...] = ()):
    """What the snapshot runs first: `first` keys, `i`, the path typed, enter, then `keys`."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        if first:
            await pilot.press(*first)
            await settle(pilot)
        await pilot.press("i", *path, "enter")
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        # The notices of changes expire after a few seconds: not part of the picture.
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


def store_first_article(store_path: Path, folder: Path) -> None:
    """Import ARTICLE as the CLI would, so OTHER_OUTLET reports a stored session."""
    write_article(folder)
    with Store.open(store_path) as store:
        plan = plan_import(Path("hoang-tien.txt"), store.registry, today=dt.date(2025, 12, 15))
        store.add_reports([plan.report])


def test_review_80x24(snap_compare, make_dashboard, tmp_path: Path) -> None:
    """The review of hoang-tien.txt at 80×24: a three-line header (file and format; 03/12/2025 ·
    Tỉnh Thanh Hóa · Nguyễn Văn An │ xã Hoằng Tiến, xã Hoằng Thanh; the count of each kind, of
    the left-out lines and of the unsure ones); one line per item with its coloured kind tag,
    "?" on the unsure directives, the communes ("cả 2 xã / all 2" or one name) and the text cut
    with "…"; the heading "Bỏ ra / Left out (N)" and the left-out lines with their reasons (the
    headline and the "Ảnh:" line as chú thích ảnh, the lead as bối cảnh); the first item's detail
    (place, kind, communes, cue, whole text wrapped); the footer keys, all on one line."""
    write_article(tmp_path)
    assert snap_compare(make_dashboard(), terminal_size=(80, 24), run_before=open_review("hoang-tien.txt"))


def test_review_same_session_80x24(snap_compare, seeded_store_path: Path, tmp_path: Path) -> None:
    """Another outlet's article of a stored session at 80×24: a fourth header line "Cùng phiên
    <id>: 3 mục mới / new items, 2 đã có / already there"; the two lines the stored session has
    (the new-countryside result, the dyke request) say "đã có ·" before their text; the cursor
    on the request, whose detail says "đã có, không thêm lại / already stored" above its
    communes, cue and whole text; at least ten list lines."""
    store_first_article(seeded_store_path, tmp_path)
    write_article(tmp_path, "bao-khac.txt", OTHER_OUTLET)
    app = make_app(seeded_store_path)
    # With two sessions in the store the app opens on the overview: esc goes to the dashboard.
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_review("bao-khac.txt", "j", first=("escape",)))


def test_review_edited_120x40(snap_compare, make_dashboard, tmp_path: Path) -> None:
    """The review at 120×40 after `2` on the third item ("Thu ngân sách…", a Khó khăn), `0` on
    the sixth (the leader's praise, now last of the left-out lines as "bỏ ra khi duyệt") and `4`
    on the last left-out line (the province's promise, now the last item, a Chỉ đạo for "cả 2
    xã / all 2"); the header with the leader's title and the counts after the changes; the
    cursor on the promise, its detail with "cue: đặt khi duyệt / set in review" and owner and
    deadline "—"; no notices."""
    write_article(tmp_path)
    keys = ["j", "j", "2", "j", "j", "j", "0", "end", "4", "end", "k", "k", "k", "k"]
    assert snap_compare(make_dashboard(), terminal_size=(120, 40), run_before=open_review("hoang-tien.txt", *keys))


def test_review_communes_dialog(snap_compare, make_dashboard, tmp_path: Path) -> None:
    """`c` on the request at 80×24: the dialog "Xã của dòng / Communes of the line" with the
    request's tag and text, "[ ] xã Hoằng Tiến" and "[x] xã Hoằng Thanh", "hoang p" typed in
    the box below with the rest of "Hoằng Phú" suggested, the line "1 xã khớp / match: xã Hoằng
    Phú", and the key hints."""
    write_article(tmp_path)
    keys = ["j", "j", "j", "j", "c", "tab", *"hoang p"]
    assert snap_compare(make_dashboard(), terminal_size=(80, 24), run_before=open_review("hoang-tien.txt", *keys))


def test_review_deadline_error(snap_compare, make_dashboard, tmp_path: Path) -> None:
    """`d` on the request, "31/02/2026" typed and enter: the deadline dialog stays open with
    one line in the error colour, "'31/02/2026' không có thật / is not a real date"."""
    write_article(tmp_path)
    keys = ["j", "j", "j", "j", "d", *"31/02/2026", "enter"]
    assert snap_compare(make_dashboard(), terminal_size=(80, 24), run_before=open_review("hoang-tien.txt", *keys))


def test_review_links_dialog(snap_compare, make_dashboard, tmp_path: Path) -> None:
    """`L` on the road request of an invented article, then space, at 80×24: the dialog
    "Chỉ đạo trả lời / Answering directives" with the request's tag and text; "[x] gợi ý
    Về kiến nghị của xã, giao Sở Xây dựng…" (the suggested directive, accepted), then "[ ]" before the
    file's two other directives; the key hints space / enter / esc."""
    write_article(tmp_path, "hoang-tien-2.txt", LINKED_ARTICLE)
    keys = ["j", "j", "L", "space"]
    assert snap_compare(make_dashboard(), terminal_size=(80, 24), run_before=open_review("hoang-tien-2.txt", *keys))
