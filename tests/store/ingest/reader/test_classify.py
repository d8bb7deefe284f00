"""Classification rules, each with a case where it applies and one where it must not.

Sentences are written for these tests in the style of provincial newspapers.
"""

from .helpers import CONCLUSION, INTRO, items, kind_of

REPORT = "Bí thư Đảng ủy xã Bình Gia Hoàng Văn Sơn cho biết, quý I xã đạt nhiều kết quả."


# --- request or directive: decided by actor and addressee -----------------------------
def test_commune_asking_the_province_is_a_request():
    assert kind_of("Xã đề nghị tỉnh hỗ trợ kinh phí sửa chữa trường mầm non.", INTRO, REPORT) == "request"


def test_leader_asking_the_commune_is_a_directive():
    s = "Chủ tịch UBND tỉnh đề nghị cấp ủy, chính quyền xã tập trung thu ngân sách."
    assert kind_of(s, INTRO, REPORT) == "directive"


def test_addressee_decides_when_no_actor_is_named():
    assert kind_of("Đề nghị tỉnh sớm phân bổ vốn cho tuyến đường liên thôn.", INTRO) == "request"
    assert kind_of("Đề nghị các xã rà soát hộ nghèo trước tháng 6.", INTRO, CONCLUSION) == "directive"


def test_leader_ordering_provincial_agencies_is_a_directive():
    s = "Đồng chí giao Sở Xây dựng phối hợp với xã khảo sát tuyến kè."
    assert kind_of(s, INTRO, CONCLUSION) == "directive"


def test_giao_thong_is_not_an_order():
    assert kind_of("Hệ thống giao thông nông thôn đã được bê tông hóa 95%.", INTRO, REPORT) == "achievement"


# --- one sentence, several kinds --------------------------------------------------------
def test_mixed_sentence_is_split_into_clauses():
    s = "Lãnh đạo xã cho biết trạm y tế đã hoạt động ổn định, song vẫn còn thiếu bác sĩ và mong tỉnh quan tâm bổ sung nhân lực."
    found = items(INTRO, s)
    assert [k for k, _ in found[-3:]] == ["achievement", "difficulty", "request"]
    assert found[-2][1] == "vẫn còn thiếu bác sĩ"  # no leading "song": each item reads on its own


def test_homogeneous_sentence_stays_whole():
    s = "Trong khi đó, đường liên thôn xuống cấp, trụ sở chật hẹp, thiếu phòng họp."
    assert items(INTRO, REPORT, s)[-1] == ("difficulty", s)


# --- negation and remedies --------------------------------------------------------------
def test_negated_problem_is_an_achievement():
    assert kind_of("Xã không gặp khó khăn trong tiếp nhận hồ sơ trực tuyến.", INTRO, REPORT) == "achievement"
    assert kind_of("Đến nay chưa phát sinh vướng mắc về thủ tục đất đai.", INTRO, REPORT) == "achievement"


def test_negated_positive_is_a_difficulty():
    assert kind_of("Số phòng học hiện nay không đáp ứng đủ nhu cầu.", INTRO, REPORT) == "difficulty"


def test_fixing_a_problem_is_not_having_one():
    assert kind_of("Xã đã khắc phục xong thiệt hại sau bão.", INTRO, REPORT) == "achievement"
    assert kind_of("Bão số 3 gây thiệt hại 30 ha lúa của xã.", INTRO, REPORT) == "difficulty"


def test_meeting_people_or_preventing_disasters_is_not_a_difficulty():
    assert kind_of("Xã đã chủ động phòng, chống thiên tai, không để thiệt hại về người.", INTRO, REPORT) == "achievement"
    assert kind_of("Đồng chí gặp gỡ, trò chuyện với bà con trong thôn.", INTRO) is None
    assert kind_of("Xã gặp nhiều trở ngại trong giải phóng mặt bằng.", INTRO, REPORT) == "difficulty"


def test_still_high_is_a_difficulty():
    assert kind_of("Tỷ lệ hộ nghèo của xã còn cao, chiếm 16%.", INTRO, REPORT) == "difficulty"
    assert kind_of("Thu ngân sách đạt 105% dự toán.", INTRO, REPORT) == "achievement"


def test_plain_statistics_are_not_content():
    assert kind_of("Xã có diện tích 120 km2 với 12.000 nhân khẩu.", INTRO, REPORT) is None


# --- not any of the four ----------------------------------------------------------------
def test_meta_sentence_is_none_but_a_real_request_is_not_meta():
    assert kind_of("Đoàn công tác đã lắng nghe báo cáo, kiến nghị của xã.", INTRO) is None
    assert kind_of("Đồng chí làm rõ những kiến nghị mà xã nêu.", INTRO, CONCLUSION) is None
    assert kind_of("Xã kiến nghị tỉnh đầu tư trạm bơm.", INTRO, REPORT) == "request"


def test_reporting_on_the_situation_is_meta_not_a_result():
    s = "Tại buổi làm việc, lãnh đạo xã đã báo cáo tình hình thực hiện nhiệm vụ 6 tháng đầu năm."
    assert kind_of(s, INTRO) is None
    assert kind_of("Lãnh đạo xã cho biết xã đã hoàn thành 6 tháng đầu năm.", INTRO) == "achievement"


def test_leader_promise_is_none():
    assert kind_of("Đồng chí khẳng định tỉnh sẽ quan tâm hỗ trợ xã.", INTRO, CONCLUSION) is None
    assert kind_of("Đồng chí yêu cầu xã sớm hoàn thành kè.", INTRO, CONCLUSION) == "directive"
    s = "Đồng chí cho biết, trường học của xã sẽ được đầu tư hoàn thành trong năm 2027."
    assert kind_of(s, INTRO, CONCLUSION) is None


def test_visits_and_gifts_are_context():
    assert kind_of("Dịp này, đồng chí đã đến thăm, tặng quà 20 gia đình chính sách.", INTRO, CONCLUSION) is None
    assert kind_of("Đồng chí cùng đoàn đã kiểm tra công trình trường học.", INTRO) is None


def test_potential_is_context_but_using_it_is_a_directive():
    assert kind_of("Xã có tiềm năng, lợi thế về du lịch, hạ tầng giao thông đồng bộ.", INTRO, REPORT) is None
    assert kind_of("Phát huy tiềm năng, lợi thế để phát triển du lịch.", INTRO, CONCLUSION) == "directive"


def test_caption_is_skipped_and_does_not_move_the_speaker():
    caption = "Chủ tịch UBND tỉnh Lò Văn Minh phát biểu tại buổi làm việc."
    found = items(INTRO, REPORT, caption, "Sớm triển khai dự án nước sạch.")
    assert all(caption not in text for _, text in found)
    assert not any(k == "directive" for k, _ in found)


def test_photo_credit_paragraph_is_a_caption():
    assert kind_of("Đồng chí yêu cầu xã làm tốt. Ảnh: Thu Hà", INTRO, CONCLUSION) is None


# --- the speaker -------------------------------------------------------------------------
def test_after_concluding_speech_bare_instructions_are_directives():
    assert kind_of("Đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính.", INTRO, CONCLUSION) == "directive"
    assert kind_of("Các xã tiếp tục rà soát đất công.", INTRO, CONCLUSION) == "directive"


def test_before_the_speech_bare_instructions_are_not_directives():
    assert kind_of("Đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính.", INTRO, REPORT) is None


def test_bare_instruction_after_a_request_continues_the_list():
    request = "Xã đề nghị tỉnh hỗ trợ kinh phí làm đường."
    assert kind_of("Sớm ban hành hướng dẫn về biên chế công chức.", INTRO, REPORT, request) == "request"


def test_speaker_turns_back_to_the_commune():
    back = "Ông Hoàng Văn Sơn, Bí thư Đảng ủy xã, cho biết xã sẽ tiếp thu."
    assert kind_of("Sớm triển khai dự án nước sạch.", INTRO, CONCLUSION, back) is None


def test_past_results_in_the_speech_are_not_directives():
    assert kind_of("Thời gian qua, xã đã hoàn thành 19 tiêu chí nông thôn mới.", INTRO, CONCLUSION) == "achievement"


def test_praise_is_an_achievement():
    s = "Chủ tịch UBND tỉnh đánh giá cao những kết quả xã đạt được trong 6 tháng."
    assert kind_of(s, INTRO, CONCLUSION) == "achievement"


def test_emphasis_is_a_directive_only_when_it_instructs():
    assert kind_of("Đồng chí nhấn mạnh, xã cần giữ vững an ninh trật tự.", INTRO, CONCLUSION) == "directive"
    s = "Đồng chí nhấn mạnh: mô hình mới tuy còn bỡ ngỡ nhưng sẽ mang lại lợi ích cho người dân."
    assert kind_of(s, INTRO, CONCLUSION) != "directive"


def test_encouragement_is_a_directive_only_towards_the_commune():
    assert kind_of("Đồng chí động viên cán bộ xã tiếp tục nỗ lực.", INTRO, CONCLUSION) == "directive"
    assert kind_of("Đồng chí động viên người dân vượt khó sau bão.", INTRO, CONCLUSION) is None


def test_commune_stating_a_need_is_a_request():
    assert kind_of("Ông Sơn cho rằng tuyến đê cần được đầu tư nâng cấp.", INTRO, REPORT) == "request"
    assert kind_of("Xã cần tập trung thu ngân sách.", INTRO, CONCLUSION) == "directive"


def test_speech_frame_is_not_an_item():
    found = items(INTRO, "Phát biểu chỉ đạo, ông Lò Văn Minh đánh giá cao sự nỗ lực của xã.")
    assert found[-1][0] == "achievement" and found[-1][1].startswith("Phát biểu chỉ đạo")


def test_report_frame_then_commune_official_turns_to_the_commune():
    report = "Báo cáo tại buổi làm việc, bà Lê Thị Hồng, Bí thư Đảng ủy xã, cho biết xã vận hành ổn định."
    assert kind_of("Sớm triển khai dự án nước sạch.", INTRO, CONCLUSION, report) is None


def test_announced_list_of_requests_continues_as_requests():
    header = "Tại buổi làm việc, xã có một số kiến nghị như sau:"
    assert kind_of("- Hỗ trợ kinh phí sửa chữa trụ sở.", INTRO, REPORT, header) == "request"
    assert kind_of("- Hỗ trợ kinh phí sửa chữa trụ sở.", INTRO, REPORT, "Xã có 12 thôn, 3.000 hộ.") is None


def test_photo_credit_marks_only_the_sentence_it_credits():
    found = items(INTRO, "Xã đã hoàn thành kè đúng hạn. Lãnh đạo xã đề nghị tỉnh hỗ trợ kinh phí. Ảnh: Thu Hà")
    assert [k for k, _ in found] == ["achievement"]


def test_bare_dong_chi_is_whoever_is_speaking():
    paragraph = (
        "Đồng chí Vũ Minh Tâm, Bí thư Đảng ủy xã Bình Gia báo cáo kết quả công tác năm 2025. "
        "Đồng chí cũng kiến nghị tỉnh sớm phê duyệt đề án chợ."
    )
    assert items(INTRO, paragraph)[-1][0] == "request"
    assert kind_of("Đồng chí cũng đề nghị các sở sớm phê duyệt đề án chợ.", INTRO, CONCLUSION) == "directive"


def test_future_order_is_a_promise():
    assert kind_of("Thường trực Tỉnh ủy sẽ chỉ đạo các sở xem xét đề xuất của xã.", INTRO, CONCLUSION) is None


def test_asking_the_commune_is_never_the_commune_asking():
    # A commune marker stands right before the verb, yet the addressee is the commune.
    s = "Đối với xã Bình Gia đề nghị cấp ủy tập trung giảm nghèo bền vững."
    assert kind_of(s, INTRO, REPORT) == "directive"
