"""Rules that make an import trustworthy, each on sentences written for it (no devset text).

Captions and credits, lead and context sentences, descriptions and statistics, voters'
requests, lists of requests, quotes in the leader's first person, concessions, and items
that read on their own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from haicap.store.ingest.reader import extract_text
from haicap.store.ingest.reader.left_out import CAPTION, CONTEXT, META, PAGE, STATISTICS

from .helpers import CONCLUSION, INTRO, items, kind_of


def _extract(*paragraphs: str, registry):
    return extract_text("\n".join(paragraphs), registry, today=dt.date(2026, 6, 1))


def _left(extraction) -> dict[str, str]:
    return {left.text: left.reason for left in extraction.left_out}


# -- captions and credits ------------------------------------------------------------------


@pytest.mark.parametrize(
    "caption",
    [
        "Lãnh đạo xã kiến nghị tỉnh hỗ trợ kinh phí làm đường ẢNH: THANH TÂM",
        "Đồng chí Chủ tịch UBND tỉnh yêu cầu xã đẩy nhanh tiến độ. Ảnh: Minh Khang",
        "Trong ảnh: đồng chí Chủ tịch UBND tỉnh trao quà cho các hộ dân.",
        "Cán bộ xã hướng dẫn người dân làm thủ tục (Ảnh minh họa)",
        "Thực hiện: NGỌC LAN",
    ],
)
def test_a_sentence_with_a_credit_is_a_caption_wherever_it_stands(caption: str, registry) -> None:
    extraction = _extract(INTRO, caption, "Năm 2025, xã đã hoàn thành 18/19 chỉ tiêu kinh tế - xã hội.", registry=registry)
    assert not [i for i in extraction.items if caption.split(" Ảnh")[0][:30] in i.text]
    assert CAPTION in {left.reason for left in extraction.left_out}


def test_words_that_look_like_a_credit_inside_a_sentence_are_not_one(registry) -> None:
    assert kind_of("Hình ảnh: nhiều tuyến đường giao thông nông thôn đã được cứng hóa.", INTRO) == "achievement"
    line = "Cơ quan thực hiện: UBND xã chủ trì rà soát lại quy hoạch."
    assert _left(_extract(INTRO, CONCLUSION, line, registry=registry)).get(line) != CAPTION


def test_a_read_aloud_player_is_page_furniture(registry) -> None:
    extraction = _extract(INTRO, "Giọng nam", "Giọng nữ", "Xã đã hoàn thành xây dựng nông thôn mới nâng cao.", registry=registry)
    assert _left(extraction)["Giọng nam"] == PAGE
    assert "Giọng nữ" in _left(extraction)


def test_a_sentence_opening_with_dang_chu_y_is_content_and_the_bare_heading_is_furniture(registry) -> None:
    worry = "Đáng chú ý, nhiều cử tri tỏ ra lo lắng về giá đền bù của dự án đường vành đai."
    extraction = _extract(INTRO, worry, "Đáng chú ý", "Tin ngắn về một dự án khác", registry=registry)
    assert [i.kind for i in extraction.items if i.text == worry] == ["difficulty"]
    assert _left(extraction)["Đáng chú ý"] == PAGE


# -- lead and context ------------------------------------------------------------------------


def test_the_lead_that_names_a_topic_of_direction_is_context(registry) -> None:
    lead = (
        "Chiều 12/3, Tổ công tác của Ban Thường vụ Tỉnh ủy đã làm việc với Đảng ủy xã Bình Gia về công tác "
        "lãnh đạo, chỉ đạo thực hiện nhiệm vụ chính trị năm 2026."
    )
    extraction = _extract(lead, "Xã đã giải ngân 95% vốn đầu tư công được giao.", registry=registry)
    assert not [i for i in extraction.items if "Tổ công tác" in i.text]
    assert _left(extraction)[lead] == CONTEXT


def test_what_the_delegation_inspected_is_context_even_when_it_names_a_problem(registry) -> None:
    visit = "Đoàn đã trực tiếp kiểm tra tình hình sạt lở bờ sông tại xã Bình Gia."
    extraction = _extract(INTRO, visit, registry=registry)
    assert _left(extraction)[visit] == CONTEXT


def test_the_communes_own_delegation_is_the_communes_work() -> None:
    assert kind_of("Các xã đã thành lập đoàn công tác nắm tình hình đời sống người dân ở các thôn.", INTRO) == "achievement"


def test_an_agency_told_to_inspect_is_a_directive() -> None:
    assert (
        kind_of(
            "Sở Công Thương được giao kiểm tra, xử lý các cơ sở kinh doanh xăng dầu không bảo đảm an toàn.", INTRO, CONCLUSION
        )
        == "directive"
    )


def test_a_report_told_to_the_delegation_is_about_the_meeting(registry) -> None:
    meta = "Tại buổi làm việc, lãnh đạo xã đã báo cáo với đoàn công tác tình hình thực hiện nhiệm vụ 6 tháng đầu năm."
    extraction = _extract(INTRO, meta, registry=registry)
    assert _left(extraction)[meta] == META


# -- descriptions and statistics ---------------------------------------------------------------


def test_the_communes_description_is_statistics_not_an_achievement(registry) -> None:
    description = "Xã có tổng diện tích tự nhiên hơn 12.400 ha, dân số 2.350 hộ với 10.120 khẩu, có 14 thôn."
    extraction = _extract(INTRO, description, registry=registry)
    assert not [i for i in extraction.items if "diện tích" in i.text]
    assert _left(extraction)[description] == STATISTICS


def test_figures_at_or_above_plan_are_achievements() -> None:
    assert kind_of("Thu ngân sách trên địa bàn xã đạt 112% dự toán, vượt kế hoạch đề ra.", INTRO) == "achievement"


def test_a_policy_domain_that_holds_a_faith_word_is_not_statistics() -> None:
    assert kind_of("Công tác dân tộc, tôn giáo trên địa bàn được giữ vững.", INTRO) == "achievement"


# -- requests ------------------------------------------------------------------------------------


def test_voters_asking_the_province_at_a_voter_meeting_are_requests() -> None:
    lead = "Sáng 5/4, Tổ đại biểu HĐND tỉnh Lạng Sơn đã tiếp xúc cử tri xã Bình Gia."
    ask = "Cử tri mong muốn HĐND tỉnh sớm có chính sách hỗ trợ người trồng hồi khi giá xuống thấp."
    assert kind_of(ask, lead) == "request"


def test_a_resident_asking_the_commune_elsewhere_is_no_request_of_the_commune() -> None:
    ask = "Ông Hoàng Văn Tú (thôn Nà Lầu) đề nghị chính quyền xã sửa lại con mương trước nhà."
    assert kind_of(ask, INTRO) != "request"


def test_bullets_after_a_list_header_are_requests_and_the_header_is_left_out(registry) -> None:
    header = "Tại buổi làm việc, xã đề xuất một số nội dung:"
    bullets = [
        "- Tỉnh sớm bố trí kinh phí nâng cấp tuyến đường liên xã đã xuống cấp.",
        "- Tỉnh quan tâm hỗ trợ xây dựng trụ sở làm việc mới cho xã.",
    ]
    extraction = _extract(INTRO, header, *bullets, registry=registry)
    kinds = {i.text: i.kind for i in extraction.items}
    assert kinds["Tỉnh sớm bố trí kinh phí nâng cấp tuyến đường liên xã đã xuống cấp."] == "request"
    assert kinds["Tỉnh quan tâm hỗ trợ xây dựng trụ sở làm việc mới cho xã."] == "request"
    assert _left(extraction)[header] == META


def test_the_leaders_promise_is_not_a_request(registry) -> None:
    promise = "Đồng chí khẳng định tỉnh sẽ quan tâm, xem xét hỗ trợ kinh phí cho xã."
    extraction = _extract(INTRO, CONCLUSION, promise, registry=registry)
    assert not [i for i in extraction.items if i.text == promise]


# -- quotes and speakers -----------------------------------------------------------------------


def test_the_leaders_first_person_asks_the_cadres_in_the_room() -> None:
    quote = "“Tôi đề nghị các đồng chí phải bám sát cơ sở, nắm chắc tâm tư của người dân”, Chủ tịch UBND tỉnh nhấn mạnh."
    assert kind_of(quote, INTRO) == "directive"


def test_the_commune_asking_the_provinces_leaders_is_a_request() -> None:
    ask = "Bí thư Đảng ủy xã đề nghị các đồng chí lãnh đạo tỉnh quan tâm đầu tư trường học cho xã."
    assert kind_of(ask, INTRO) == "request"


def test_praise_and_exhortation_in_one_sentence_are_two_items() -> None:
    found = items(
        INTRO,
        "Chủ tịch UBND tỉnh ghi nhận những kết quả xã đạt được và đề nghị xã tiếp tục đẩy mạnh chuyển đổi cơ cấu cây trồng.",
    )
    assert [kind for kind, _ in found] == ["achievement", "directive"]


def test_direction_and_running_of_affairs_is_an_activity_not_an_order() -> None:
    sentence = "Đội ngũ cán bộ xã chủ động nắm bắt công việc, công tác lãnh đạo, chỉ đạo, điều hành bảo đảm yêu cầu."
    assert kind_of(sentence, INTRO, "Theo báo cáo của xã, sau 6 tháng vận hành bộ máy đã ổn định.") == "achievement"


def test_a_count_of_requests_passed_on_is_not_an_order() -> None:
    sentence = "Tổ đại biểu tổng hợp toàn bộ kiến nghị để gửi các cơ quan có thẩm quyền xem xét."
    assert kind_of(sentence, INTRO) != "directive"


# -- clauses that read on their own ----------------------------------------------------------------


def test_a_concession_gives_its_result_and_its_problem() -> None:
    found = {
        text: kind
        for kind, text in items(
            INTRO, "Theo báo cáo, mặc dù bộ máy mới đã vận hành ổn định, xã vẫn còn thiếu nhiều công chức chuyên môn."
        )
    }
    assert "achievement" in found.values() and "difficulty" in found.values()


def test_no_item_starts_or_ends_on_a_conjunction() -> None:
    found = items(
        INTRO,
        "Năm 2025 thiên tai, dịch bệnh diễn biến phức tạp, nhưng với sự nỗ lực của cả hệ thống chính trị, "
        "sản lượng lương thực của xã vẫn đạt 12.000 tấn.",
    )
    assert [kind for kind, _ in found] == ["difficulty", "achievement"]
    texts = [text for _, text in found]
    assert any(text.startswith("với sự nỗ lực") for text in texts)
    assert not any(text.lower().startswith(("nhưng", "trong khi", "đồng thời")) for text in texts)
    assert not any(text.rstrip(" .").endswith(("đồng thời", " và")) for text in texts)


def test_a_problem_after_a_long_wait_stays_one_clause() -> None:
    found = items(
        INTRO, "Cử tri phản ánh một số dự án đã quy hoạch từ lâu, nhưng chưa được triển khai, gây khó khăn cho người dân."
    )
    assert [kind for kind, _ in found] == ["difficulty"]


def test_residents_worry_is_a_difficulty() -> None:
    assert kind_of("Nhiều hộ dân băn khoăn về mức hỗ trợ tái định cư của dự án hồ chứa nước.", INTRO) == "difficulty"


# -- more of the leader's conclusion ----------------------------------------------------------------


def test_an_agency_named_as_the_doer_in_the_conclusion_is_a_directive() -> None:
    assert kind_of("Sở Xây dựng hướng dẫn xã hoàn thiện hồ sơ điều chỉnh quy hoạch khu dân cư.", INTRO, CONCLUSION) == "directive"
    assert (
        kind_of("Bộ Chỉ huy Quân sự tỉnh phối hợp với xã khảo sát vị trí xây dựng thao trường.", INTRO, CONCLUSION) == "directive"
    )


def test_what_an_agency_did_is_not_a_directive() -> None:
    assert kind_of("Sở Y tế đã hỗ trợ xã 2 xe cứu thương trong năm 2025.", INTRO, CONCLUSION) != "directive"


def test_whatever_must_be_done_in_the_conclusion_is_a_directive() -> None:
    assert kind_of("Công tác tuyển dụng công chức phải thực hiện công khai, minh bạch.", INTRO, CONCLUSION) == "directive"


def test_more_bare_verbs_of_the_conclusion_are_directives() -> None:
    found = items(INTRO, CONCLUSION, "Đồng thời, sử dụng hiệu quả các trụ sở dôi dư sau sắp xếp, tránh lãng phí tài sản công.")
    assert found[-1][0] == "directive"


def test_the_commune_asking_a_provincial_board_is_a_request() -> None:
    assert kind_of("Đảng ủy xã đề nghị Ban Thường vụ Tỉnh ủy sớm cho ý kiến về phương án nhân sự.", INTRO) == "request"


def test_nothing_of_a_problem_happened_is_an_achievement() -> None:
    assert kind_of("Trong dịp Tết, không có hộ dân nào trên địa bàn xã thiếu đói.", INTRO) == "achievement"
    assert kind_of("Năm qua không có tàu cá nào của xã bị bắt giữ ở vùng biển nước ngoài.", INTRO) == "achievement"


def test_work_said_to_be_done_well_is_an_achievement() -> None:
    assert kind_of("Công tác chuẩn bị nhân sự được thực hiện chặt chẽ, đúng quy trình.", INTRO) == "achievement"


def test_a_counted_listening_is_a_result_not_a_meta_remark() -> None:
    assert kind_of("Ban soạn thảo đã tiếp thu 85 lượt ý kiến đóng góp vào dự thảo văn kiện.", INTRO) == "achievement"


def test_a_long_way_and_the_sea_eating_the_shore_are_difficulties() -> None:
    assert kind_of("Sau sắp xếp, người dân ở các thôn xa phải đi hơn 20 km để làm thủ tục.", INTRO) == "difficulty"
    assert kind_of("Nhiều đoạn bờ biển bị xâm thực, biển lấn sâu vào đất liền.", INTRO) == "difficulty"


def test_a_directive_that_names_difficulties_stays_a_directive() -> None:
    sentence = "Đồng thời, báo cáo rõ những khó khăn, vướng mắc thuộc thẩm quyền của tỉnh để được xem xét, tháo gỡ."
    assert kind_of(sentence, INTRO, CONCLUSION) == "directive"


def test_a_verbless_task_of_the_conclusion_is_a_directive() -> None:
    assert kind_of("Tiếp tục rà soát, hoàn thiện quy hoạch chung xã.", INTRO, CONCLUSION) == "directive"


def test_a_tet_visit_wish_is_no_item_and_its_ask_is_a_directive(registry) -> None:
    visit = "Chiều 10/2, đồng chí Lò Văn Minh, Chủ tịch UBND tỉnh Lạng Sơn đã đến thăm, chúc Tết cán bộ và nhân dân xã Bình Gia."
    wish = "Đồng chí chúc cán bộ, đảng viên và nhân dân xã Bình Gia đón Tết vui tươi, an toàn, tiết kiệm."
    ask = "Đồng chí đề nghị xã quan tâm chăm lo Tết cho các gia đình chính sách, hộ nghèo."
    extraction = _extract(visit, wish, ask, registry=registry)
    assert [(i.kind, i.text) for i in extraction.items] == [("directive", ask)]
    assert {wish, visit} <= set(_left(extraction))


# -- notices of conclusions, interviews, reported speech ---------------------------------------------


def test_in_a_notice_of_conclusions_the_communes_tasks_are_directives(registry) -> None:
    notice = [
        "Sáng 9/4, đồng chí Lò Văn Minh, Chủ tịch UBND tỉnh Lạng Sơn chủ trì buổi làm việc với xã Bình Gia.",
        "Sau khi nghe báo cáo, đồng chí Chủ tịch UBND tỉnh kết luận như sau:",
        "2. Nhiệm vụ trọng tâm thời gian tới",
        "2.1. Đảng ủy, UBND xã Bình Gia tập trung chỉ đạo hoàn thành các chỉ tiêu kinh tế - xã hội năm 2026.",
        "2.2. Sở Xây dựng hướng dẫn xã hoàn thiện hồ sơ quy hoạch chung trước ngày 30/6/2026.",
    ]
    kinds = {i.text: i.kind for i in _extract(*notice, registry=registry).items}
    assert kinds["Đảng ủy, UBND xã Bình Gia tập trung chỉ đạo hoàn thành các chỉ tiêu kinh tế - xã hội năm 2026."] == "directive"
    assert kinds["Sở Xây dựng hướng dẫn xã hoàn thiện hồ sơ quy hoạch chung trước ngày 30/6/2026."] == "directive"


def test_a_notices_distribution_list_and_post_details_are_furniture(registry) -> None:
    extraction = _extract(
        INTRO,
        "Ngày đăng: 10/04/2026 | Lượt xem: 120",
        "Xã đã hoàn thành 100% kế hoạch thu ngân sách.",
        "Nơi nhận:",
        "- Thường trực Tỉnh ủy;",
        "- Lưu: VT.",
        registry=registry,
    )
    left = _left(extraction)
    assert left["Ngày đăng: 10/04/2026 | Lượt xem: 120"] == PAGE
    assert left["Nơi nhận:"] == PAGE and left["- Thường trực Tỉnh ủy;"] == PAGE


def test_in_an_interview_the_reporter_asks_and_the_leader_answers(registry) -> None:
    extraction = _extract(
        INTRO,
        "PV: Xin đồng chí cho biết những việc cần làm ngay?",
        "Ban Chỉ huy Quân sự các xã phải nắm chắc địa bàn, không để bị động, bất ngờ.",
        "PV: Xin cảm ơn đồng chí!",
        registry=registry,
    )
    kinds = {i.text: i.kind for i in extraction.items}
    assert kinds == {"Ban Chỉ huy Quân sự các xã phải nắm chắc địa bàn, không để bị động, bất ngờ.": "directive"}


def test_what_a_commune_official_is_reported_to_need_is_a_request() -> None:
    intro_official = "Bà Hà Thị Mai, Chủ tịch UBND xã Bình Gia cho biết xã đã hoàn thành kế hoạch năm."
    need = "Theo bà Mai, xã rất cần được tỉnh hỗ trợ đầu tư một trạm xử lý nước thải."
    assert kind_of(need, INTRO, CONCLUSION, intro_official) == "request"


def test_a_quoted_must_with_its_attribution_is_a_directive() -> None:
    quote = (
        "“Sau sáp nhập, các xã phải rà soát lại toàn bộ tiêu chí nông thôn mới theo quy mô mới”, đồng chí Lò Văn Minh nhấn mạnh."
    )
    assert kind_of(quote, INTRO, CONCLUSION) == "directive"


def test_less_than_wanted_and_damage_are_difficulties() -> None:
    assert kind_of("Giải ngân vốn đầu tư công đến nay mới đạt 48% kế hoạch, thấp hơn bình quân chung.", INTRO) == "difficulty"
    assert kind_of("Sau lũ, 12 hộ có nhà bị cuốn trôi vẫn phải ở nhờ nhà người thân.", INTRO) == "difficulty"


# -- what set 6's shapes showed --------------------------------------------------------------------


def test_damage_the_delegation_saw_is_the_communes_difficulty(registry) -> None:
    seen = "Tại xã Bình Gia, đoàn đã kiểm tra đoạn đường tỉnh bị sụt lún, nhiều vị trí hư hỏng nặng."
    topic = "Đoàn đã kiểm tra tình hình sạt lở tại xã Bình Gia."
    extraction = _extract(INTRO, seen, topic, registry=registry)
    assert [i.kind for i in extraction.items if i.text == seen] == ["difficulty"]
    assert _left(extraction)[topic] == CONTEXT


def test_a_deadline_before_the_verb_of_a_task_keeps_it_a_directive() -> None:
    found = items(
        INTRO,
        CONCLUSION,
        "Đồng chí yêu cầu xã đẩy nhanh giải phóng mặt bằng; ngay trong tháng 12 hoàn thành "
        "chi trả cho các hộ đã có quyết định thu hồi đất; kiên trì đối thoại với các hộ chưa đồng thuận.",
    )
    assert [kind for kind, _ in found][-1] == "directive" and "achievement" not in [k for k, _ in found[1:]]


def test_must_not_is_a_directive_and_what_visitors_must_bear_is_not() -> None:
    assert kind_of("Cán bộ, công chức tuyệt đối không được gây phiền hà cho người dân.", INTRO, CONCLUSION) == "directive"
    assert kind_of("Có ngày du khách phải ngủ lại cảng vì hết vé tàu.", INTRO, CONCLUSION) != "directive"


def test_passive_adversity_and_thin_forces_are_difficulties() -> None:
    assert kind_of("Rừng phòng hộ ven biển bị chết khô trên diện rộng.", INTRO) == "difficulty"
    assert kind_of("Lực lượng bảo vệ rừng chuyên trách của xã còn rất mỏng.", INTRO) == "difficulty"
    assert kind_of("Công chức tiếp nhận hồ sơ đất đai chỉ có 2 người.", INTRO) == "difficulty"


def test_a_poverty_rate_below_average_and_a_signed_pledge_are_results() -> None:
    assert kind_of("Tỷ lệ hộ nghèo giảm còn 2,4%, thấp hơn mức bình quân của tỉnh.", INTRO) == "achievement"
    assert kind_of("Xã đã vận động 100% hộ gia đình ký cam kết không đốt rác thải.", INTRO) == "achievement"


def test_gifts_to_families_in_need_are_not_a_difficulty() -> None:
    assert kind_of("Xã đã trao 300 suất quà cho các hộ gia đình có hoàn cảnh khó khăn.", INTRO) == "achievement"


def test_not_one_left_without_is_an_achievement() -> None:
    assert kind_of("Xã đã kiện toàn ban giám hiệu, không để trường nào thiếu hiệu trưởng.", INTRO) == "achievement"


def test_a_file_of_request_is_no_request() -> None:
    assert (
        kind_of("Trong quý I năm 2026, xã phải hoàn thành hồ sơ đề nghị công nhận xã đạt chuẩn.", INTRO, CONCLUSION)
        == "directive"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Nhiều hộ nuôi tôm thua lỗ, có hộ chỉ hòa vốn sau vụ nuôi.",
        "Một số dự án treo nhiều năm khiến người dân bức xúc.",
        "Còn tình trạng tranh chấp đất đai giữa các hộ giáp ranh.",
        "Giá cà phê biến động thất thường, nông dân không yên tâm sản xuất.",
        "Nhiều diện tích ruộng bị bỏ hoang do lao động trẻ đi làm ăn xa.",
    ],
)
def test_plain_words_of_adversity_are_difficulties(sentence: str) -> None:
    assert kind_of(sentence, INTRO) == "difficulty"


def test_the_readers_cues_are_named_for_an_officer() -> None:
    from haicap.store.ingest.reader.cue_labels import cue_label

    assert cue_label("leader yêu cầu") == "lãnh đạo yêu cầu"
    assert cue_label("heading") == "tiêu đề mục của văn bản"
    assert cue_label("content").startswith("từ ngữ của kết quả")
    assert cue_label("something new") == "something new"


def test_not_a_few_difficulties_are_difficulties() -> None:
    assert (
        kind_of("Tuy nhiên, xã còn gặp không ít khó khăn như: trụ sở làm việc phân tán, thiếu công chức địa chính.", INTRO)
        == "difficulty"
    )


def test_scarcity_stoppages_and_rising_prices_are_difficulties() -> None:
    assert kind_of("Nguồn cát san lấp rất khan hiếm, nhiều công trình phải tạm dừng chờ vật liệu.", INTRO) == "difficulty"
    assert kind_of("Giá vật liệu xây dựng tăng gần gấp đôi so với lúc lập dự toán.", INTRO) == "difficulty"
    assert kind_of("Giá trị sản xuất nông nghiệp tăng 6% so với cùng kỳ.", INTRO) == "achievement"


def test_the_event_that_frames_a_response_is_no_problem_of_it() -> None:
    assert kind_of("Ngay sau khi lũ quét xảy ra, xã đã huy động 300 lượt người giúp dân dọn dẹp nhà cửa.", INTRO) == "achievement"


def test_limiting_something_is_no_shortcoming() -> None:
    assert kind_of("Xã đã vận động 500 hộ xây bể trữ nước, hạn chế khai thác nước ngầm.", INTRO) == "achievement"


# -- what commune reports, minutes and notices showed ------------------------------------------------


def test_asked_upwards_is_a_request_whoever_writes_it_down() -> None:
    assert kind_of("Kiến nghị UBND tỉnh sớm phê duyệt điều chỉnh quy hoạch sử dụng đất của xã.", INTRO, CONCLUSION) == "request"


def test_a_notice_restating_a_communes_request_is_a_request() -> None:
    line = "Về đề nghị của UBND xã Bình Gia bố trí vốn nâng cấp các tuyến kênh tưới bị hư hỏng: giao Sở Tài chính tham mưu."
    found = items(INTRO, CONCLUSION, line)
    assert [kind for kind, _ in found][-2:] == ["request", "directive"]


def test_what_the_commune_directed_is_reported_not_told() -> None:
    assert kind_of("Đảng ủy đã chỉ đạo 100% chi bộ thôn tổ chức sinh hoạt chuyên đề hằng quý.", INTRO) == "achievement"


def test_a_bad_rate_still_left_is_a_difficulty_and_brought_down_a_result() -> None:
    assert kind_of("Xã có đông đồng bào dân tộc thiểu số, tỷ lệ hộ cận nghèo còn 7,2%.", INTRO) == "difficulty"
    assert kind_of("Tỷ lệ hộ nghèo còn 0,9%, giảm 0,5 điểm phần trăm so với năm trước.", INTRO) == "achievement"


def test_less_of_a_good_thing_across_a_comma_is_a_difficulty() -> None:
    assert kind_of("Sản lượng muối: 2.150 tấn, giảm 31% so với cùng kỳ.", INTRO) == "difficulty"


def test_a_steering_committee_and_direction_of_work_are_nouns() -> None:
    praise = "Phát biểu kết luận, đồng chí đánh giá cao sự chủ động của xã trong chỉ đạo sản xuất vụ đông."
    assert kind_of(praise, INTRO) == "achievement"


def test_a_signature_and_a_lone_speech_verb_are_left_out(registry) -> None:
    extraction = _extract(
        INTRO, CONCLUSION, "Đồng chí yêu cầu:", "- Rà soát lại quy hoạch chung xã.", "(Đã ký)", registry=registry
    )
    left = _left(extraction)
    assert left["Đồng chí yêu cầu:"] == META and left["(Đã ký)"] == PAGE
    assert [i.kind for i in extraction.items if i.text.startswith("Rà soát")] == ["directive"]
