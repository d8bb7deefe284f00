"""The tracking table split by owner agency: parts, sheet names Excel accepts, headers recognised in both languages."""

from __future__ import annotations

import datetime as dt

import pytest

from haicap.store import Store, StoreError
from haicap.store.domain.i18n import set_language
from haicap.store.views.exports import gather
from haicap.store.views.exports.by_owner import SHEET_NAME_LIMIT, by_owner, for_owner, owner_file_name, sheet_names
from haicap.store.views.exports.tracking_table import column_key, columns

TODAY = dt.date(2026, 1, 10)
SESSION = "cdb5ed9f"


@pytest.fixture
def store() -> Store:
    seeded = Store.in_memory()
    seeded.ensure_seeded()
    seeded.update_tracking(f"{SESSION}-16", owner="Sở Xây dựng", who="lan")
    seeded.update_tracking(f"{SESSION}-20", owner="sở xây dựng", who="lan")  # the same agency, typed otherwise
    seeded.update_tracking(f"{SESSION}-21", owner="Sở Tài chính", who="lan")
    return seeded


def test_each_agency_gets_its_rows_and_the_unassigned_come_last(store: Store) -> None:
    parts = by_owner(gather(store, TODAY))
    assert [(p.agency, len(p.tracked)) for p in parts] == [("Sở Xây dựng", 2), ("Sở Tài chính", 1), ("Chưa giao", 20)]
    assert sum(len(p.tracked) for p in parts) == 23, "every row is in exactly one part"
    assert owner_file_name(parts[0], ".csv") == "theo-doi-2025-11-25-ngoc-trao-van-du-kim-tan-so-xay-dung.csv"


def test_an_agency_is_found_without_diacritics_or_by_a_part_naming_it_alone(store: Store) -> None:
    content = gather(store, TODAY)
    assert for_owner(content, "SO TAI CHINH").agency == "Sở Tài chính"
    assert for_owner(content, "xây").agency == "Sở Xây dựng"
    with pytest.raises(StoreError, match="khớp với nhiều cơ quan: Sở Xây dựng; Sở Tài chính"):
        for_owner(content, "sở")
    with pytest.raises(StoreError, match="không có dòng nào do 'Sở Y tế' chủ trì"):
        for_owner(content, "Sở Y tế")


def test_sheet_names_are_valid_short_and_unique() -> None:
    long = "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh"
    names = sheet_names([long, long + " (khu vực 2)", "UBND xã A/B: [tạm]", "  ", "Thông tin", "THÔNG TIN"], taken=("Thông tin",))
    assert all(0 < len(name) <= SHEET_NAME_LIMIT for name in names)
    assert len({name.casefold() for name in names} | {"thông tin"}) == len(names) + 1, "unique, Excel's case ignored"
    assert names[0] == "Ban Quản lý dự án đầu tư xây"
    assert names[1] == "Ban Quản lý dự án đầu tư (2)"
    assert names[2] == "UBND xã A B tạm"
    assert names[3] == "Chưa giao"
    assert not any(ch in name for name in names for ch in "[]:*?/\\")


def test_headers_are_recognised_in_both_languages_with_or_without_the_mark(store: Store) -> None:
    vietnamese = [c.header for c in columns(gather(store, TODAY))]
    set_language("en")
    english = [c.header for c in columns(gather(store, TODAY))]
    keys = [c.key for c in columns(gather(store, TODAY))]
    assert [column_key(h) for h in vietnamese] == keys == [column_key(h) for h in english]
    assert column_key("trang thai (co quan dien)") == "set_status"
    assert column_key("Ngày hoàn thành ✎ ") == column_key("COMPLETED ON") == "done"
    assert column_key("Số ngày quá hạn (đến 01/02/2027)") == "days_overdue"
    assert column_key("Mã (xem ghi chú)") is None and column_key(3) is None
