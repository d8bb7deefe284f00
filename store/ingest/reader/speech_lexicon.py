"""General phrases of the two speech acts: the leader's orders and the commune's asks.

Written on 2026-12-02 by the Vietnamese-language helper who wrote `store.ingest.reader.lexicon`
(problems and results), from general knowledge of administrative and press usage, without
seeing the reader's rules, its test sets or the devset. `store.ingest.reader.cues` joins them
into its patterns. All are lower-case NFC.
"""

from __future__ import annotations

__all__ = ["INSTRUCTION_OPENERS", "REQUEST_PHRASES"]


INSTRUCTION_OPENERS: tuple[str, ...] = (
    "nắm chắc",
    "sâu sát",
    "thống kê",
    "phân loại",
    "tổng kết",
    "sơ kết",
    "xác định rõ",
    "chú ý",
    "lắng nghe",
    "đối thoại",
    "đồng hành",
    "cải cách",
    "đa dạng hóa",
    "nhân rộng",
    "chuyển đổi",
    "ứng dụng",
    "cập nhật",
    "đào tạo",
    "chuẩn hóa",
    "phòng ngừa",
    "phòng, chống",
    "thu hồi",
    "sơ tán",
    "hoàn chỉnh",
    "kêu gọi",
    "xúc tiến",
    "quảng bá",
    "kết nối",
    "liên kết",
    "hình thành",
    "phát động",
    "sẵn sàng",
    "bảo tồn",
    "giữ gìn",
    "khôi phục",
    "phục hồi",
    "tránh",
    "hạn chế tối đa",
    "đề cao",
    "nêu cao",
    "gương mẫu",
    "phân công",
    "rõ người",
    "không được",
    "tuyệt đối không",
    "không chủ quan",
)
"""Verbs that open a task without a subject in a leader's conclusion (besides those of cues.IMPERATIVE_START)."""


REQUEST_PHRASES: tuple[str, ...] = (
    "kính mong",
    "mong tỉnh",
    "mong lãnh đạo tỉnh",
    "mong được",
    "rất mong được",
    "rất cần được",
    "rất cần sự hỗ trợ",
    "cần sự quan tâm của tỉnh",
    "cần sự hỗ trợ của tỉnh",
    "xin chủ trương",
    "xin ý kiến",
    "xin phép",
    "xin hỗ trợ",
    "xin bổ sung",
    "đề xuất tỉnh cho phép",
    "kính trình",
    "trình tỉnh",
    "đề đạt",
    "nhờ tỉnh",
    "tỉnh xem xét",
    "xem xét cho chủ trương",
    "cho chủ trương",
    "sớm phê duyệt",
    "sớm ban hành",
    "sớm có hướng dẫn",
    "nâng mức hỗ trợ",
    "nâng mức phụ cấp",
    "ngoài khả năng của xã",
    "xã không đủ nguồn lực",
    "thuộc thẩm quyền của tỉnh",
    "bày tỏ mong muốn",
    "tâm tư, nguyện vọng",
)
"""How a commune asks the province or states a need without the verb kiến nghị."""
