"""Kinds of mistakes found on synthetic set 19, each proven on sentences written for these
tests (no sentence, person, place or commune of any set).

Credits in initials glued to the next sentence, pictograph bullets, a social post's furniture
and readers' comments, a frame's verb, praise before an ask, a list that keeps the kind its
head names, a promise given as an answer, the reason an ask gives, what a contrast says is
still left, negated harms, a model's income and a harvest up on last season, a vaccine and
"xin liên hệ", a list header naming its addressee, a live report's date.
"""

from __future__ import annotations

import datetime as dt

from haicap.store.ingest.reader import extract_text
from haicap.store.ingest.reader.clauses import split_clauses
from haicap.store.ingest.reader.dates import find_session_date
from haicap.store.ingest.reader.left_out import PAGE
from haicap.store.ingest.reader.page_noise import split_page_noise
from haicap.store.ingest.reader.sentences import split_sentences

from .helpers import CONCLUSION, INTRO, items, kind_of

A, D, R, DI = "achievement", "difficulty", "request", "directive"


def _extract(*paragraphs: str, registry):
    return extract_text("\n".join(paragraphs), registry, today=dt.date(2026, 6, 1))


# -- credits, bullets and a social post's furniture ------------------------------------------


def test_a_credit_in_initials_is_cut_off_the_sentence_glued_after_it() -> None:
    assert split_sentences("Ảnh: P.V.N Tại hội nghị, xã đề nghị tỉnh hỗ trợ kinh phí làm đường.") == [
        "Ảnh: P.V.N",
        "Tại hội nghị, xã đề nghị tỉnh hỗ trợ kinh phí làm đường.",
    ]
    assert split_sentences("Ảnh: TTXVN Xã đã hoàn thành 100% kế hoạch trồng rừng.") == [
        "Ảnh: TTXVN",
        "Xã đã hoàn thành 100% kế hoạch trồng rừng.",
    ]
    # A name after the letters stays with them: "VGP Minh Châu" is one credit.
    assert split_sentences("Ảnh: VGP Minh Châu") == ["Ảnh: VGP Minh Châu"]


def test_a_request_after_a_credit_in_initials_is_read() -> None:
    found = items(INTRO, "Toàn cảnh buổi làm việc. Ảnh: L.T.K Tại buổi làm việc, xã Bình Gia kiến nghị tỉnh bố trí vốn làm cầu.")
    assert (R, "Tại buổi làm việc, xã Bình Gia kiến nghị tỉnh bố trí vốn làm cầu.") in found


def test_pictograph_bullets_are_list_bullets() -> None:
    found = items(
        INTRO,
        "📌 KẾT QUẢ NỔI BẬT:",
        "✅ Thu ngân sách đạt 104% dự toán năm",
        "📌 XÃ ĐỀ XUẤT:",
        "👉 Tỉnh sớm đầu tư nâng cấp đường liên thôn Khuổi Lầy",
        "👉 Hỗ trợ xã kinh phí sửa chữa nhà văn hóa thôn",
        "Phát biểu chỉ đạo, đồng chí Lò Văn Minh đề nghị xã:",
        "🔹 Rà soát, hoàn thiện quy hoạch khu dân cư tập trung",
        "🔹 Đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính",
    )
    assert (A, "Thu ngân sách đạt 104% dự toán năm") in found
    assert (R, "Tỉnh sớm đầu tư nâng cấp đường liên thôn Khuổi Lầy") in found
    assert (R, "Hỗ trợ xã kinh phí sửa chữa nhà văn hóa thôn") in found
    assert (DI, "Rà soát, hoàn thiện quy hoạch khu dân cư tập trung") in found
    assert (DI, "Đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính") in found


def test_pictographs_at_the_end_of_an_item_are_no_part_of_it() -> None:
    found = items(INTRO, "Xã đã hoàn thành 100% kế hoạch làm đường giao thông nông thôn 👏👏")
    assert (A, "Xã đã hoàn thành 100% kế hoạch làm đường giao thông nông thôn") in found


def test_a_social_posts_time_counters_hashtags_and_comments_are_page_furniture() -> None:
    lines = [
        "Trang tin xã Bình Gia",
        "3 tháng 4 lúc 09:12 · 🌏",
        "Xã đã hoàn thành 100% kế hoạch tiêm chủng mở rộng.",
        "#BinhGia #ChuyenDoiSo",
        "👍❤️ 845 · 96 bình luận · 31 lượt chia sẻ",
        "Hoàng Thị Nga",
        "Mong xã sớm sửa cái cầu tràn đầu bản ạ",
        "Thích · Phản hồi · 5 giờ",
        "Trang tin xã Bình Gia",
        "Dạ, xã xin ghi nhận ý kiến của chị.",
        "Thích · Phản hồi · 4 giờ",
    ]
    kept, dropped = split_page_noise(lines)
    assert kept == ["Trang tin xã Bình Gia", "Xã đã hoàn thành 100% kế hoạch tiêm chủng mở rộng."]
    assert "Mong xã sớm sửa cái cầu tràn đầu bản ạ" in dropped
    assert "Dạ, xã xin ghi nhận ý kiến của chị." in dropped


def test_a_comment_footer_takes_at_most_the_comment_and_never_a_lone_label() -> None:
    lines = [
        INTRO,
        "Xã đã cứng hóa 12 km đường thôn.",
        "Xã đã xây mới 3 nhà văn hóa.",
        "Xã đã làm 2 cầu dân sinh.",
        "Vi Văn Tú",
        "Hay quá",
        "Thích · Trả lời · 2 ngày",
    ]
    kept, dropped = split_page_noise(lines)
    assert kept == lines[:4]
    assert dropped == lines[4:]
    # "Trả lời" alone labels an interview's answer: no comment footer, nothing dropped before it.
    assert split_page_noise(["Hỏi: Xã đã làm được gì?", "Trả lời:", "Xã đã làm 2 cầu."])[0][0] == "Hỏi: Xã đã làm được gì?"


def test_readers_comments_under_a_post_give_no_request(registry) -> None:
    ex = _extract(
        INTRO,
        "Xã đã hoàn thành 100% kế hoạch tiêm chủng mở rộng.",
        "👍 120 · 14 bình luận",
        "Nông Văn Thắng",
        "Đề nghị tỉnh làm luôn đường vào bản Nà Pàn ạ",
        "Thích · Phản hồi · 1 giờ",
        registry=registry,
    )
    assert [i.kind for i in ex.items] == [A]
    assert any(left.reason == PAGE and left.text.startswith("Đề nghị tỉnh") for left in ex.left_out)


def test_a_broadcasts_reader_label_does_not_hide_the_task_after_it() -> None:
    found = items(INTRO, CONCLUSION, "PTV (nam): Tiếp tục rà soát các hộ nghèo, hộ cận nghèo trên địa bàn.")
    assert any(kind == DI and text.endswith("Tiếp tục rà soát các hộ nghèo, hộ cận nghèo trên địa bàn.") for kind, text in found)


# -- frames, praise, lists and answers --------------------------------------------------------


def test_a_frames_verb_is_no_order() -> None:
    sentence = "Khảo sát hiện trường, Chủ tịch UBND tỉnh Lò Văn Minh đánh giá cao sự vào cuộc của xã."
    clauses = split_clauses(sentence)
    assert [c.frame for c in clauses] == [True, False]
    found = items(INTRO, CONCLUSION, sentence)
    assert not [text for kind, text in found if kind == DI]
    assert any(kind == A and "đánh giá cao sự vào cuộc của xã" in text for kind, text in found)


def test_praise_that_opens_a_sentence_is_split_from_the_ask_after_it() -> None:
    found = items(
        INTRO,
        CONCLUSION,
        "Khen ngợi tinh thần tự lực của bà con thôn Nà Lạn trong làm đường, đồng chí Lò Văn Minh đề nghị xã "
        "tiếp tục vận động nhân dân hiến đất mở rộng đường.",
    )
    assert (A, "Khen ngợi tinh thần tự lực của bà con thôn Nà Lạn trong làm đường") in found
    assert any(kind == DI and text.startswith("đồng chí Lò Văn Minh đề nghị xã tiếp tục vận động") for kind, text in found)


def test_the_items_of_a_list_keep_the_kind_its_head_names() -> None:
    found = items(
        INTRO,
        "Phó Chủ tịch UBND tỉnh kết luận như sau:",
        "Ghi nhận các kết quả xã đạt được trong 9 tháng: thu ngân sách đạt 118% dự toán; hoàn thành "
        "bàn giao 12 ha mặt bằng cho dự án cụm công nghiệp; đón 15.000 lượt khách.",
    )
    assert (A, "hoàn thành bàn giao 12 ha mặt bằng cho dự án cụm công nghiệp") not in found
    assert any(kind == A and "hoàn thành bàn giao 12 ha mặt bằng" in text for kind, text in found)
    assert not [text for kind, text in found if kind == DI]


def test_an_item_that_says_the_opposite_leaves_the_list_its_head_opened() -> None:
    found = items(
        INTRO,
        CONCLUSION,
        "Ghi nhận những kết quả xã đạt được: giải ngân vốn đầu tư công đạt 86% kế hoạch; việc cấp giấy chứng nhận "
        "quyền sử dụng đất còn chậm.",
    )
    assert any(kind == D and "cấp giấy chứng nhận quyền sử dụng đất còn chậm" in text for kind, text in found)


def test_an_answer_that_promises_is_no_task() -> None:
    found = items(
        INTRO,
        "3. Về các kiến nghị của xã",
        "a) Đề nghị đầu tư kè bờ suối Bản Chu: UBND tỉnh ghi nhận, sẽ xem xét bố trí vốn năm 2027.",
        "b) Đề nghị bổ sung biên chế: Giao Sở Nội vụ tham mưu UBND tỉnh xem xét.",
    )
    assert not [text for kind, text in found if kind == DI and "sẽ xem xét" in text]
    assert any(kind == DI and text.startswith("Giao Sở Nội vụ tham mưu") for kind, text in found)


# -- reasons, contrasts, negations, results ---------------------------------------------------


def test_the_reason_an_ask_gives_is_a_difficulty() -> None:
    found = items(
        INTRO, "Xã đề nghị tỉnh hỗ trợ kinh phí làm lại cầu treo Nà Lạn vì cầu đã xuống cấp, người dân đi lại nguy hiểm."
    )
    assert (R, "Xã đề nghị tỉnh hỗ trợ kinh phí làm lại cầu treo Nà Lạn") in found
    assert any(kind == D and "cầu đã xuống cấp, người dân đi lại nguy hiểm" in text for kind, text in found)


def test_a_reason_that_names_no_problem_stays_with_the_ask() -> None:
    found = items(INTRO, "Xã đề nghị tỉnh hỗ trợ kinh phí xây nhà văn hóa vì đây là nơi sinh hoạt chung của ba thôn.")
    assert [kind for kind, _ in found] == [R]


def test_a_reason_in_a_leaders_order_stays_in_the_order() -> None:
    found = items(INTRO, CONCLUSION, "Đồng chí yêu cầu xã di dời ngay các hộ ở ven suối vì nguy cơ lũ quét rất cao.")
    assert [kind for kind, _ in found if kind != A] == [DI]


def test_what_a_contrast_says_is_still_left_is_a_difficulty() -> None:
    assert kind_of("Tuy nhiên, tỷ lệ hộ cận nghèo của xã vẫn còn 12,4%.", INTRO, "Thu ngân sách của xã đạt 110% dự toán.") == D
    # Not a negated problem: "vẫn còn" with nothing bad left is no difficulty.
    assert kind_of("Tuy nhiên, xã vẫn không còn hộ nghèo.", INTRO) == A


def test_a_mangrove_forest_is_no_flood() -> None:
    assert kind_of("Xã đã trồng mới 20 ha rừng ngập mặn, đạt 100% kế hoạch.", INTRO) == A
    assert kind_of("Hơn 40 ha lúa của xã bị ngập mặn.", INTRO) == D


def test_harms_that_did_not_happen_are_achievements() -> None:
    assert kind_of("Trong mùa mưa lũ, trên địa bàn không có người bị đuối nước.", INTRO) == A
    # "không phải" is no modal order: nobody had to.
    assert kind_of("Năm qua, xã không phải sơ tán hộ nào vì sạt lở.", INTRO) == A


def test_a_models_income_is_a_result() -> None:
    assert kind_of("Mô hình trồng gừng dưới tán rừng cho thu nhập hơn 90 triệu đồng/ha.", INTRO) == A


def test_a_harvest_up_on_last_season_is_a_result_not_a_description() -> None:
    sentence = "Vụ mùa năm nay, bà con thu hoạch 1.240 ha lúa, năng suất 5,9 tấn/ha, cao hơn vụ trước 0,3 tấn."
    assert kind_of(sentence, INTRO) == A
    # The commune's size stays a description.
    assert kind_of("Xã có 1.240 ha đất nông nghiệp, 18 thôn.", INTRO) is None


def test_the_leaders_counted_gifts_are_context_and_the_communes_own_are_its_work() -> None:
    found = items(INTRO, "Dịp này, đồng chí Lò Văn Minh trao 80 suất quà cho các hộ có nhà bị lũ cuốn trôi.")
    assert found == []
    assert kind_of("Dịp Tết, xã đã trao 320 suất quà cho hộ nghèo, gia đình chính sách.", INTRO) == A


def test_voters_asking_the_national_level_make_no_request() -> None:
    meeting = "Chiều 4/3, đại biểu HĐND tỉnh Lạng Sơn tiếp xúc cử tri xã Bình Gia."
    found = items(
        meeting,
        "Cử tri kiến nghị Quốc hội sớm sửa đổi quy định về mức phụ cấp của trưởng thôn.",
        "Cử tri kiến nghị tỉnh sớm đầu tư nâng cấp đường vào thôn Nà Pàn.",
    )
    assert [kind for kind, _ in found] == [R]
    assert found[0][1].startswith("Cử tri kiến nghị tỉnh")


# -- asks that are none, list headers, dates -------------------------------------------------


def test_a_vaccine_and_please_contact_are_no_asks() -> None:
    found = items(
        INTRO,
        "Trạm Y tế xã tổ chức tiêm vắc xin phòng bạch hầu cho trẻ dưới 5 tuổi.",
        "Hộ nào cần hỗ trợ giống cây xin liên hệ trưởng thôn.",
        "Đề nghị phụ huynh đưa trẻ đến đúng giờ.",
    )
    assert not [text for kind, text in found if kind == R]


def test_a_list_header_may_name_whom_it_goes_to(registry) -> None:
    ex = _extract(
        INTRO,
        CONCLUSION,
        "Đồng chí Lò Văn Minh đề nghị xã:",
        "- Làm tốt công tác giải phóng mặt bằng tuyến đường tránh thị trấn.",
        registry=registry,
    )
    assert not [i for i in ex.items if i.text.endswith("đề nghị xã:")]
    assert any(i.kind == DI and i.text.startswith("Làm tốt công tác giải phóng mặt bằng") for i in ex.items)


def test_a_live_report_is_dated_the_day_it_is_read() -> None:
    live = "10:45\nChào mừng bạn đọc theo dõi tường thuật trực tiếp buổi làm việc của Chủ tịch UBND tỉnh với xã."
    assert find_session_date(live, today=dt.date(2026, 5, 6)) == dt.date(2026, 5, 6)
    assert find_session_date(live) is None
    # A day the text names still wins.
    assert find_session_date("Sáng 4/5, tường thuật trực tiếp hội nghị.", today=dt.date(2026, 5, 6)) == dt.date(2026, 5, 4)
    # Without a live report, no day is guessed.
    assert find_session_date("Đồng chí đã làm việc với xã.", today=dt.date(2026, 5, 6)) is None


def test_a_heading_that_names_the_asks_as_a_noun_opens_a_list_of_them() -> None:
    found = items(INTRO, "II. KIẾN NGHỊ CỦA XÃ", "- Hỗ trợ xã kinh phí sửa chữa trạm bơm Nà Lạn")
    assert (R, "Hỗ trợ xã kinh phí sửa chữa trạm bơm Nà Lạn") in found


# -- read as import: headings ---------------------------------------------------------------


def test_under_a_heading_of_asks_the_leaders_bare_instructions_stay_directives(registry) -> None:
    from haicap.store.ingest.importer import read_as_import

    body = "\n".join(
        [
            INTRO,
            "II. KIẾN NGHỊ CỦA XÃ",
            "- Hỗ trợ xã kinh phí làm đường vào thôn Khuổi Lầy",
            "Phát biểu chỉ đạo, đồng chí Lò Văn Minh đề nghị xã:",
            "- Rà soát, hoàn thiện quy hoạch khu dân cư tập trung của xã",
        ]
    )
    found = [(i.kind, i.text) for i in read_as_import(body, registry, dt.date(2026, 6, 1)).items]
    assert (R, "Hỗ trợ xã kinh phí làm đường vào thôn Khuổi Lầy") in found
    assert (DI, "Rà soát, hoàn thiện quy hoạch khu dân cư tập trung của xã") in found


def test_a_line_met_again_under_a_heading_keeps_what_it_was_the_first_time(registry) -> None:
    from haicap.store.ingest.importer import read_as_import

    body = "\n".join(
        [
            "Cổng thông tin điện tử xã Bình Gia huyện cũ",
            INTRO,
            "II. KIẾN NGHỊ CỦA XÃ",
            "- Hỗ trợ xã kinh phí làm đường vào thôn Khuổi Lầy",
            "Cổng thông tin điện tử xã Bình Gia huyện cũ",
        ]
    )
    found = [(i.kind, i.text) for i in read_as_import(body, registry, dt.date(2026, 6, 1)).items]
    assert [text for kind, text in found if kind == R] == ["Hỗ trợ xã kinh phí làm đường vào thôn Khuổi Lầy"]


def test_the_new_cues_are_named_for_officers() -> None:
    from haicap.store.ingest.reader.cue_labels import cue_label

    assert cue_label("listed") == "trong danh sách mà tiêu đề đã gọi tên"
    assert cue_label("reason for the ask") == "lý do xã nêu cho kiến nghị của mình"
    assert cue_label("still left, after a contrast").startswith("điều vẫn còn tồn tại")
