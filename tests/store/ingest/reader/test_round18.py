"""Kinds of mistakes found on synthetic set 18, each proven on sentences written for these
tests (no sentence, person, place or commune of any set).

Credits glued to the sentence after them, most-read blocks and tag lines, a bulletin's
reporter telling (not asking), a transcript's name labels, a contrast that says "still"
after a result, taking asks down is no praise, a topic frame is no problem, hardship in
plain words.
"""

from __future__ import annotations

import datetime as dt

from haicap.store.ingest.reader import extract_text
from haicap.store.ingest.reader.clauses import split_clauses
from haicap.store.ingest.reader.left_out import PAGE
from haicap.store.ingest.reader.sentences import split_sentences

from .helpers import CONCLUSION, INTRO, items, kind_of

A, D, R, DI = "achievement", "difficulty", "request", "directive"


def _extract(*paragraphs: str, registry):
    return extract_text("\n".join(paragraphs), registry, today=dt.date(2026, 6, 1))


# -- credits and page furniture ------------------------------------------------------------


def test_a_credit_glued_to_the_next_sentence_is_cut_off() -> None:
    assert split_sentences("Ảnh: Minh Khang Trạm y tế xã được xây mới, đưa vào sử dụng từ tháng 5.") == [
        "Ảnh: Minh Khang",
        "Trạm y tế xã được xây mới, đưa vào sử dụng từ tháng 5.",
    ]
    assert split_sentences("(Ảnh: Lan Anh) Sau sáp nhập, xã có 14 thôn và 2 tổ dân phố.") == [
        "(Ảnh: Lan Anh)",
        "Sau sáp nhập, xã có 14 thôn và 2 tổ dân phố.",
    ]


def test_a_credit_stays_whole_when_the_name_and_the_sentence_cannot_be_told_apart() -> None:
    assert split_sentences("Ảnh: Thu Hà") == ["Ảnh: Thu Hà"]
    assert split_sentences("Ảnh: Thu Hà Nguyễn Văn Bình phát biểu tại hội nghị.") == [
        "Ảnh: Thu Hà Nguyễn Văn Bình phát biểu tại hội nghị."
    ]
    # A longer run of capitals holds a name: the sentence starts on a word that opens one.
    assert split_sentences("Ảnh: Thu Hà Xã Bình Gia có 20 thôn, 3 tổ dân phố.") == [
        "Ảnh: Thu Hà",
        "Xã Bình Gia có 20 thôn, 3 tổ dân phố.",
    ]


def test_a_result_after_a_glued_credit_is_read() -> None:
    found = items(
        INTRO,
        "Đồng chí Lò Văn Minh phát biểu tại buổi làm việc.",
        "Ảnh: Minh Khang Bộ máy chính quyền xã vận hành ổn định, không để ách tắc hồ sơ.",
    )
    assert (A, "Bộ máy chính quyền xã vận hành ổn định, không để ách tắc hồ sơ.") in found


def test_most_read_headlines_and_a_tag_line_are_furniture(registry) -> None:
    extraction = _extract(
        INTRO,
        "Xã đã hoàn thành 100% kế hoạch thu ngân sách.",
        "Thẻ: #Bình Gia #nông thôn mới #sạt lở",
        "ĐỌC NHIỀU",
        "1. Giá vải thiều tăng mạnh, nhà vườn phấn khởi",
        "2. Cảnh báo lũ quét ở vùng núi phía Bắc",
        registry=registry,
    )
    left = {left.text: left.reason for left in extraction.left_out}
    assert left["Thẻ: #Bình Gia #nông thôn mới #sạt lở"] == PAGE
    assert left["ĐỌC NHIỀU"] == PAGE and left["2. Cảnh báo lũ quét ở vùng núi phía Bắc"] == PAGE
    assert [i.kind for i in extraction.items] == [A]


# -- who speaks in transcripts --------------------------------------------------------------


def test_a_bulletins_reporter_tells_what_happened() -> None:
    found = items(
        INTRO,
        "BTV: Kính chào quý vị.",
        "PV: Theo báo cáo, năm nay xã đã hoàn thành 100% chỉ tiêu xóa nhà tạm.",
        "PV: Xã kiến nghị tỉnh hỗ trợ kinh phí nâng cấp chợ trung tâm.",
        "PV: Kết luận buổi làm việc, đồng chí Lò Văn Minh yêu cầu xã rà soát lại quy hoạch khu dân cư.",
    )
    assert [kind for kind, _ in found] == [A, R, DI]


def test_a_reporters_question_still_reports_nothing() -> None:
    assert kind_of("PV: Thưa ông, xã còn những khó khăn gì?", INTRO) is None
    assert kind_of("PV: Xin cảm ơn ông!", INTRO) is None
    # A question without its mark still asks.
    assert kind_of("PV: Ông có thể chia sẻ những khó khăn lớn nhất của xã hiện nay", INTRO) is None


def test_a_name_label_gives_the_floor_to_that_person() -> None:
    intro = (
        "Sau buổi làm việc của Chủ tịch UBND tỉnh với xã Bình Gia, phóng viên đã trao đổi với "
        "bà Hoàng Thị Liên, Chủ tịch UBND xã Bình Gia."
    )
    found = items(
        INTRO,
        intro,
        "PV: Thưa bà, xã còn những khó khăn gì?",
        "Bà Hoàng Thị Liên: Xã còn thiếu giáo viên mầm non.",
        "PV: Tỉnh đã chỉ đạo xã những gì?",
        "Bà Hoàng Thị Liên: Đồng chí Chủ tịch UBND tỉnh yêu cầu xã hoàn thành quy hoạch chung trong quý III.",
        "PV: Bà có kiến nghị gì với tỉnh?",
        "Bà Hoàng Thị Liên: Chúng tôi mong tỉnh sớm hỗ trợ kinh phí xây thêm phòng học.",
    )
    assert [kind for kind, _ in found] == [D, DI, R]


# -- kinds ----------------------------------------------------------------------------------


def test_still_after_a_result_is_a_difficulty() -> None:
    found = items(INTRO, "Số hộ cận nghèo giảm 40 hộ so với năm trước, song vẫn chiếm tỷ lệ cao trong toàn tỉnh.")
    assert [kind for kind, _ in found] == [A, D]
    # "nhưng vẫn đạt" after a problem is not touched: the contrast turns the other way.
    found = items(INTRO, "Mưa lũ làm hư hỏng 3 km kênh mương, nhưng sản lượng lúa vẫn đạt 8.000 tấn.")
    assert [kind for kind, _ in found] == [D, A]


def test_taking_asks_down_is_no_praise() -> None:
    found = items(INTRO, CONCLUSION, "Ghi nhận các kiến nghị của xã, đồng chí cho biết tỉnh sẽ nghiên cứu, xem xét.")
    assert A not in [kind for kind, _ in found[1:]]


def test_a_topic_frame_is_no_problem_of_its_own() -> None:
    found = items(
        INTRO,
        CONCLUSION,
        "Đối với tình trạng ngập úng ở thôn Nà Lầu, đồng chí đề nghị xã khẩn trương khơi thông dòng chảy.",
    )
    assert [kind for kind, _ in found[1:]] == [DI]


def test_hardship_in_plain_words_is_a_difficulty() -> None:
    assert kind_of("Đường vào thôn Khuổi Lừa vẫn là đường đất, mùa mưa rất khó đi.", INTRO) == D
    assert kind_of("Thương lái ngại vào thu mua, bà con phải bán giá thấp.", INTRO) == D
    assert kind_of("Lớp học bị bùn đất tràn vào, học sinh phải nghỉ học hai ngày.", INTRO) == D
    # What was kept out is no damage: "không để nước tràn vào".
    assert kind_of("Xã đã huy động 100 dân quân đắp bao cát, không để nước tràn vào khu dân cư.", INTRO) == A


def test_converting_what_worked_badly_is_a_result() -> None:
    assert kind_of("Năm qua, xã đã chuyển đổi 120 ha đất trồng lúa kém hiệu quả sang trồng cây ăn quả.", INTRO) == A
    assert kind_of("Nhiều diện tích lúa kém hiệu quả nhưng bà con chưa muốn chuyển đổi.", INTRO) == D


def test_a_verbless_order_on_a_site_is_a_directive() -> None:
    assert kind_of("Cắm biển cảnh báo tại các điểm có nguy cơ sạt lở.", INTRO, CONCLUSION) == DI
    assert kind_of("Khơi thông dòng chảy các tuyến mương bị bồi lấp trước mùa mưa.", INTRO, CONCLUSION) == DI


def test_an_ask_with_only_its_addressee_opens_a_list() -> None:
    found = items(
        INTRO,
        "III. KIẾN NGHỊ",
        "2. Đề nghị Sở Tài chính:",
        "- Bổ sung kinh phí hoạt động thường xuyên cho xã trong năm 2026.",
    )
    assert found == [(R, "Bổ sung kinh phí hoạt động thường xuyên cho xã trong năm 2026.")]


def test_a_courtesy_is_no_ask() -> None:
    assert kind_of("BTV: Chương trình của chúng tôi xin được kết thúc tại đây.", INTRO) is None


def test_services_that_reach_every_hamlet_are_results() -> None:
    assert kind_of("Cả 12 thôn đều có điện lưới quốc gia.", INTRO) == A
    assert kind_of("Hiện 8/10 thôn có đường bê tông đến trung tâm xã.", INTRO) == A


def test_a_body_named_as_a_partner_does_not_take_the_floor() -> None:
    found = items(
        INTRO,
        "Phó Chủ tịch UBND tỉnh kết luận như sau:",
        "1. UBND xã tập trung hoàn thành quy hoạch chung xã trong năm 2026.",
        "2. Sở Y tế phối hợp với UBND xã rà soát nhu cầu khám chữa bệnh, đề xuất bổ sung trang thiết bị cho trạm y tế.",
    )
    assert [kind for kind, _ in found] == [DI, DI]


def test_a_contrast_without_its_comma_still_turns() -> None:
    found = items(INTRO, "Năm nay thôn không bị thiếu nước tưới nhưng chi phí bơm tát rất cao.")
    assert [kind for kind, _ in found] == [A, D]


def test_a_turn_without_a_comma_stays_in_a_concession_or_before_what_has_not_come() -> None:
    assert len(split_clauses("Việc sáp nhập tuy còn khó khăn ban đầu nhưng sẽ mang lại nhiều lợi ích cho người dân.")) == 1
    assert len(split_clauses("Trạm bơm được đầu tư từ năm 2022 nhưng đến nay chưa vận hành được vì thiếu điện.")) == 1


def test_placing_a_duty_on_the_commune_is_a_directive() -> None:
    quote = (
        "“Kè bờ là việc của tỉnh, nhưng giữ cho dân an toàn mùa lũ là trách nhiệm trước hết của xã”, đồng chí Lò Văn Minh lưu ý."
    )
    assert kind_of(quote, INTRO, CONCLUSION) == DI
    warning = "“Xã nào để học sinh bỏ học mà không vận động trở lại là phải chịu trách nhiệm”, đồng chí Lò Văn Minh nói."
    assert kind_of(warning, INTRO, CONCLUSION) == DI


def test_a_bulletin_signing_off_reports_nothing() -> None:
    assert kind_of("BTV: Bản tin thời sự xin được tạm dừng tại đây.", INTRO) is None


def test_a_reports_title_naming_its_parts_is_no_item() -> None:
    title = "Kết quả 9 tháng thực hiện nhiệm vụ năm 2026; khó khăn, vướng mắc và kiến nghị, đề xuất"
    assert kind_of(title, INTRO) is None


def test_the_provinces_promise_stays_a_promise_whatever_damage_it_names() -> None:
    promise = "Đồng chí cho biết tỉnh sẽ hỗ trợ ngay mỗi hộ có nhà bị cuốn trôi 30 triệu đồng."
    assert kind_of(promise, INTRO, CONCLUSION) is None
