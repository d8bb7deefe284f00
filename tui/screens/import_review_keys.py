"""The keys of the import review: change a line's kind, communes, owner, deadline and text,
visit the unsure items, store or go back. `?` help and the footer are generated from them."""

from __future__ import annotations

from textual.binding import Binding, BindingType

__all__ = ["KIND_GROUP", "REVIEW_BINDINGS"]

KIND_GROUP = Binding.Group("Loại")
"""The footer shows 1 2 3 4 together under one description (80 columns have room for no
more; help gives each key in both languages)."""

REVIEW_BINDINGS: list[BindingType] = [
    Binding(
        "1",
        "set_kind(1)",
        "Kết quả",
        group=KIND_GROUP,
        tooltip="Thành Kết quả; lấy dòng bỏ ra vào / achievement; takes a left-out line in",
    ),
    Binding("2", "set_kind(2)", "Khó khăn", group=KIND_GROUP, tooltip="Thành Khó khăn / make it a difficulty"),
    Binding("3", "set_kind(3)", "Kiến nghị", group=KIND_GROUP, tooltip="Thành Kiến nghị / make it a request"),
    Binding("4", "set_kind(4)", "Chỉ đạo", group=KIND_GROUP, tooltip="Thành Chỉ đạo / make it a directive"),
    Binding("0", "leave_out", "Bỏ ra", tooltip="Bỏ dòng ra, không lưu / leave the line out"),
    Binding("e", "edit_text", "Sửa", tooltip="Sửa nội dung của dòng / edit the line's text"),
    Binding("c", "communes", "Xã", tooltip="Xã của dòng, thêm xã của tỉnh / the line's communes"),
    Binding("o", "owner", "Chủ trì", show=False, tooltip="Chủ trì, phối hợp (kiến nghị, chỉ đạo) / owner, co-agencies"),
    Binding("d", "deadline", "Hạn", show=False, tooltip="Hạn (kiến nghị, chỉ đạo) / deadline; trống = không hạn"),
    Binding("n", "next_unsure(1)", "Chưa chắc", tooltip="Mục chưa chắc sau; 1–4 xác nhận / next unsure; 1–4 confirm"),
    Binding(
        "N",
        "next_unsure(-1)",
        "Chưa chắc trước",
        key_display="N",
        show=False,
        tooltip="Mục chưa chắc trước đó / previous unsure item",
    ),
    Binding(
        "S",
        "session",
        "Phiên",
        key_display="S",
        show=False,
        tooltip="Ngày, lãnh đạo, xã của phiên / session date, leader, communes",
    ),
    Binding("m", "match", "Phiên đã có", show=False, tooltip="Thêm vào phiên đã có hay lưu riêng / add to it, or apart"),
    Binding("u", "undo", "Hoàn tác", show=False, tooltip="Bỏ thay đổi vừa làm / take back the last change"),
    Binding("ctrl+s", "store", "Lưu", tooltip="Lưu đúng những gì đang hiện / store what the screen shows"),
    Binding("escape,q", "back", "Về", key_display="esc", tooltip="Quay lại, không lưu (hỏi trước) / back, store nothing (asks)"),
    # The app's views and search would close this screen under the officer, and with it
    # the review: they wait until the import is stored or dropped.
    Binding("l,ctrl+f,P", "blocked", "", show=False),
]
