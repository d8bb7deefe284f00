"""Applying a filled tracking table: planned again under the locks, history naming the file, one write per province."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from haicap.store import Store
from haicap.store.db.tracking_updates import TrackingPlan
from haicap.store.ingest.tracking_file import read_tracking_file
from haicap.store.views.exports import gather, render
from haicap.store.views.exports.by_owner import for_owner

SESSION = "cdb5ed9f"
REQUEST, DIRECTIVE = f"{SESSION}-16", f"{SESSION}-20"
TODAY = dt.date(2026, 1, 10)


def _table(store: Store, folder: Path) -> Path:
    for item_id in (REQUEST, DIRECTIVE):
        store.update_tracking(item_id, owner="Sở Xây dựng", who="lan")
    path = folder / "so-xay-dung.xlsx"
    path.write_bytes(render("xlsx", for_owner(gather(store, TODAY), "Sở Xây dựng")))
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    where = {str(c.value).removesuffix(" ✎"): c.column for c in sheet[1]}
    sheet.cell(2, where["Nội dung trả lời"]).value = "Đã trả lời bằng văn bản."
    sheet.cell(3, where["Trạng thái (cơ quan điền)"]).value = "Hoàn thành"  # no date: done today
    book.save(path)
    return path


def test_a_change_made_between_the_review_and_ctrl_s_is_not_overwritten(seeded_store_path: Path, tmp_path: Path) -> None:
    with Store.open(seeded_store_path) as mine, Store.open(seeded_store_path) as theirs:
        table = read_tracking_file(_table(mine, tmp_path))
        reviewed = mine.plan_tracking(table, TODAY)
        assert [u.item.id for u in reviewed.updates] == [REQUEST, DIRECTIVE] and not reviewed.refused
        theirs.update_tracking(REQUEST, answer="Chờ ý kiến của UBND tỉnh.", who="lan")
        applied = mine.apply_tracking(table, TODAY, who="hoa")
    assert isinstance(applied, TrackingPlan) and applied.applied
    assert [u.item.id for u in applied.updates] == [DIRECTIVE]
    assert [r.where for r in applied.refused] == [f"dòng 2 ({REQUEST})"]
    assert "trong kho 'Chờ ý kiến của UBND tỉnh.', trong tệp 'Đã trả lời bằng văn bản.'" in applied.refused[0].reason
    with Store.open(seeded_store_path) as store:
        assert store.item(REQUEST).tracking.answer == "Chờ ý kiến của UBND tỉnh."
        directive = store.item(DIRECTIVE)
        assert directive.tracking.done == TODAY, "marked done without a date: done on the day it is read back"
        [entry] = [e for e in store.history(DIRECTIVE) if e.source]
        assert (entry.who, entry.field, entry.source, entry.revision) == ("hoa", "done", "so-xay-dung.xlsx", directive.revision)
        assert entry.describe().endswith("→ 2026-01-10 (từ so-xay-dung.xlsx)")
        assert any("so-xay-dung.xlsx" in a.detail for a in store.audit_log())


def test_a_dry_run_plan_writes_nothing(seeded_store_path: Path, tmp_path: Path) -> None:
    with Store.open(seeded_store_path) as store:
        table = read_tracking_file(_table(store, tmp_path))
        files = {p.name: p.read_bytes() for p in seeded_store_path.iterdir() if p.is_file()}
        plan = store.plan_tracking(table, TODAY)
        assert plan.change_count == 2 and not plan.applied
    assert {p.name: p.read_bytes() for p in seeded_store_path.iterdir() if p.is_file()} == files
