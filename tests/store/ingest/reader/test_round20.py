"""Kinds of mistakes found on synthetic set 20, each proven on sentences written for these
tests (no sentence, person, place or commune of any set).

A conclusion heading of minutes that names whose it is, agencies told by verbs of doing,
numbered photo captions, not letting a harm happen, "whichever place …, do …", people given
gifts, a byline alone on a line, a task that "gặp khó", a report's frame before its colon,
damage that did not happen, the leader's joy at what was done, "mở lớp" in a list of asks,
the deputy who answers voters, and a bad thing first in a short list that rises sharply.
"""

from __future__ import annotations

from haicap.store.ingest.reader.clauses import split_clauses
from haicap.store.ingest.reader.problems import problem_or_result

from .helpers import CONCLUSION, INTRO, items, kind_of

A, D, R, DI = "achievement", "difficulty", "request", "directive"


# -- who holds the floor ----------------------------------------------------------------------


def test_a_conclusion_heading_gives_the_floor_to_whom_it_names() -> None:
    found = items(
        "Biên bản làm việc của Chủ tịch UBND tỉnh Lò Văn Minh với xã Bình Gia.",
        "2. Ý kiến thảo luận:",
        "- Đ/c Hoàng Văn Tú, Chủ tịch UBND xã: Đường vào thôn Nà Lầu bị sạt lở nặng.",
        "3. Kết luận của đ/c Chủ tịch UBND tỉnh:",
        "- UBND xã khẩn trương dựng lại cầu tạm thôn Nà Lầu, bố trí người trực trước mùa lũ.",
        "- Đề nghị Sở Xây dựng hỗ trợ xã khảo sát lại tuyến đường thôn Nà Lầu.",
    )
    assert (DI, "- UBND xã khẩn trương dựng lại cầu tạm thôn Nà Lầu, bố trí người trực trước mùa lũ.") in found or any(
        kind == DI and "dựng lại cầu tạm" in text for kind, text in found
    )
    assert any(kind == DI and "Sở Xây dựng hỗ trợ xã khảo sát" in text for kind, text in found)
    assert not [text for kind, text in found if kind == R]


def test_the_deputy_who_answers_voters_holds_the_floor() -> None:
    found = items(
        "Sáng 4/3, Tổ đại biểu HĐND tỉnh tiếp xúc cử tri xã Bình Gia.",
        "Cử tri Vi Thị Hoa phản ánh trạm y tế xã xuống cấp, mái dột nhiều năm.",
        "Thay mặt Tổ đại biểu, Phó Chủ tịch HĐND tỉnh Lò Văn Minh tiếp thu, giải trình các ý kiến.",
        "Đối với trạm y tế, ông đề nghị UBND xã Bình Gia lập hồ sơ đề xuất sửa chữa ngay trong quý này.",
    )
    assert any(kind == DI and "lập hồ sơ đề xuất sửa chữa" in text for kind, text in found)


# -- orders in the leader's words -------------------------------------------------------------


def test_an_agency_told_by_a_verb_of_doing_is_assigned_whatever_plight_it_names() -> None:
    found = items(
        INTRO,
        CONCLUSION,
        "Công an tỉnh điều động lực lượng giúp xã di dời các hộ có nhà bị sạt lở.",
        "Sở Nông nghiệp và Môi trường kết nối thương lái tiêu thụ hồi cho bà con, tránh để bị ép giá.",
    )
    assert (DI, "Công an tỉnh điều động lực lượng giúp xã di dời các hộ có nhà bị sạt lở.") in found
    assert any(kind == DI and text.startswith("Sở Nông nghiệp và Môi trường kết nối") for kind, text in found)


def test_a_numbered_photo_caption_is_read_as_any_sentence() -> None:
    found = items(INTRO, CONCLUSION, "Hình 4: Sở Xây dựng cung cấp thiết kế mẫu nhà chống lũ cho các hộ bị ngập.")
    assert any(kind == DI and "cung cấp thiết kế mẫu" in text for kind, text in found)


def test_not_letting_a_harm_happen_is_the_leaders_order() -> None:
    sentence = '"Trước mắt là không để học sinh nào phải bỏ học, không để lớp nào bị dột", Chủ tịch UBND tỉnh Lò Văn Minh nói.'
    assert kind_of(sentence, INTRO) == DI
    # The commune's own record of it, in the past, is a result, no order.
    assert kind_of("Năm qua, xã đã không để xảy ra cháy rừng.", INTRO) == A


def test_whichever_place_is_in_a_state_is_told_what_to_do() -> None:
    sentence = "Thôn nào chưa có nhà văn hóa, bố trí tạm điểm sinh hoạt cộng đồng ngay trong tháng này."
    assert kind_of(sentence, INTRO, CONCLUSION) == DI
    # Without an order after it, the state is just a state.
    assert kind_of("Thôn nào cũng đã có nhà văn hóa, sân thể thao.", INTRO) != DI


# -- results and problems ---------------------------------------------------------------------


def test_people_given_gifts_are_the_communes_doing_and_no_visit() -> None:
    found = items(INTRO, "Dịp lễ, xã không có hộ nào thiếu ăn, 100% gia đình chính sách được tặng quà.")
    assert any(kind == A and "không có hộ nào thiếu ăn" in text for kind, text in found)
    # The leader's own gifts stay a visit.
    assert not items(INTRO, "Đồng chí Lò Văn Minh tặng quà các gia đình chính sách của xã.")


def test_a_name_alone_on_a_line_is_a_byline() -> None:
    # (A name may hold a word of results: "Đạt" is "achieved".)
    found = items(INTRO, "Xã đã hoàn thành 100% kế hoạch trồng rừng.", "Nguyễn Tiến Đạt")
    assert found == [(A, "Xã đã hoàn thành 100% kế hoạch trồng rừng.")]


def test_a_task_that_meets_trouble_is_a_difficulty() -> None:
    assert kind_of("Ở các thôn xa, việc thu thập thông tin đất đai gặp khó.", INTRO) == D


def test_a_reports_frame_before_its_colon_is_cut_off_what_it_reports() -> None:
    sentence = "1. Đ/c Hà Văn Cường, Chủ tịch UBND xã báo cáo tóm tắt: năm qua, thu nhập bình quân tăng 9% so với năm trước."
    assert [c.text for c in split_clauses(sentence)] == [
        "1. Đ/c Hà Văn Cường, Chủ tịch UBND xã báo cáo tóm tắt:",
        "năm qua, thu nhập bình quân tăng 9% so với năm trước.",
    ]
    found = items(INTRO, sentence)
    assert (A, "năm qua, thu nhập bình quân tăng 9% so với năm trước.") in found
    # A short remainder is no content of its own: nothing is cut.
    assert len(split_clauses("Xã báo cáo tóm tắt: như trên.")) == 1


def test_damage_that_did_not_happen_is_a_result() -> None:
    assert problem_or_result("sau cơn bão, xã không có nhà bị tốc mái") == A
    assert problem_or_result("không có người mất tích") == A
    assert problem_or_result("nhiều nhà bị tốc mái") == D


def test_the_leaders_joy_at_what_was_done_is_praise() -> None:
    sentence = 'Đồng chí Lò Văn Minh chia sẻ: "Tôi rất mừng vì thấy đường vào thôn đã được đổ bê tông".'
    assert kind_of(sentence, INTRO) == A
    assert kind_of('Đồng chí Lò Văn Minh nói: "Tôi rất vui mừng khi thấy trường lớp của xã được xây mới".', INTRO) == A


def test_a_bare_class_to_open_in_a_list_of_asks_is_one_more_ask() -> None:
    found = items(
        INTRO,
        "UBND xã đề xuất một số nội dung:",
        "1. Đề nghị UBND tỉnh hỗ trợ kinh phí làm kênh mương thôn Nà Lầu.",
        "2. Mở lớp dạy nghề may cho lao động nữ của xã trong năm 2027.",
    )
    assert (R, "2. Mở lớp dạy nghề may cho lao động nữ của xã trong năm 2027.") in found or any(
        kind == R and "Mở lớp dạy nghề may" in text for kind, text in found
    )


def test_a_bad_thing_first_in_a_short_list_that_rises_sharply_is_a_problem() -> None:
    assert problem_or_result("giá thức ăn chăn nuôi, con giống tăng mạnh, người nuôi bị lỗ") == D
    # A list of good things rising stays a result.
    assert problem_or_result("doanh thu, lượt khách tăng mạnh so với năm trước") == A
