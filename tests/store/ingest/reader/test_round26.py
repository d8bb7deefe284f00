"""Kinds of mistakes found on synthetic sets 26 and 27, grouped with those of earlier sets, each
proven on sentences written for these tests (no sentence, person, place or commune of any set),
with near misses the rule must leave alone.

Position and structure decide: an order's list ("Bốn là, …", a bare "Cụ thể:" after an order),
the commune's side keeping a harm off in the leader's words, a body told to report back, one
negation over a list of complaints, the plight of what an ask is for, time lived before "nhưng
vẫn chưa", and a passive over the verbs it lists.
"""

from __future__ import annotations

import pytest

from haicap.store.ingest.reader.bodies import body_acts
from haicap.store.ingest.reader.clauses import split_clauses
from haicap.store.ingest.reader.detail_lists import details_follow
from haicap.store.ingest.reader.norms import states_norm

from .helpers import CONCLUSION, INTRO, items, kind_of

A, D, R, DI = "achievement", "difficulty", "request", "directive"

FLOOR = (INTRO, CONCLUSION)
REPORT = (INTRO, "Báo cáo tại buổi làm việc, Chủ tịch UBND xã Bình Gia Hoàng Văn Tú cho biết năm qua xã đạt nhiều kết quả.")


# -- the items of an order's list -------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Bốn là, chăm lo đời sống các gia đình chính sách, không để hộ nào thiếu đói dịp Tết.",
        "Năm là, quan tâm công tác phòng cháy rừng trong mùa khô.",
        "Thứ tư, tăng cường quản lý đất rừng, nhất là ở các thôn giáp biên.",
        "Song song đó, chuẩn bị tốt phương án di dời các hộ ở vùng sạt lở.",
        "Song song với đó, rà soát lại danh sách hộ cận nghèo.",
    ],
)
def test_an_ordinal_or_an_additive_opener_leaves_the_leaders_order_bare(sentence: str) -> None:
    assert kind_of(sentence, *FLOOR) == DI


def test_an_ordinal_before_what_was_done_stays_a_result() -> None:
    assert kind_of("Thứ tư, xã đã hoàn thành bê tông hóa 12 km đường giao thông nông thôn.", *REPORT) == A


ORDER = "Chủ tịch UBND tỉnh yêu cầu xã đẩy nhanh giải ngân vốn đầu tư công."


BULLETS = (
    "- Xã Bình Gia hoàn thiện hồ sơ giao đất ở cho 14 hộ;",
    "- Xã Bình Gia công khai danh sách hộ được hỗ trợ, đối thoại với các hộ chưa đồng thuận;",
)


@pytest.mark.parametrize("header", ["Cụ thể:", "Cụ thể như sau:", "Trong đó:"])
def test_a_bare_line_after_an_order_opens_the_list_of_its_details(header: str) -> None:
    found = items(*FLOOR, ORDER, header, *BULLETS)
    assert (DI, "Xã Bình Gia hoàn thiện hồ sơ giao đất ở cho 14 hộ") in found
    assert (DI, "Xã Bình Gia công khai danh sách hộ được hỗ trợ, đối thoại với các hộ chưa đồng thuận") in found


def test_the_same_line_after_praise_opens_no_orders() -> None:
    praise = "Chủ tịch UBND tỉnh biểu dương xã Bình Gia đã hoàn thành sớm các chỉ tiêu."
    found = items(*FLOOR, praise, "Cụ thể:", *BULLETS)
    assert not any(kind == DI and "Bình Gia" in text for kind, text in found)


def test_only_a_short_line_of_the_leaders_right_after_an_order_announces_details() -> None:
    assert details_follow("Cụ thể:", True, DI)
    assert not details_follow("Cụ thể:", False, DI)  # someone else's words
    assert not details_follow("Cụ thể:", True, A)  # after praise
    assert not details_follow("Xã có một số kiến nghị cụ thể với tỉnh như sau:", True, DI)  # a head of its own
    assert not details_follow("Cụ thể.", True, DI)


# -- the commune's side keeps a harm off ------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "- Các phường không để phát sinh hồ sơ trễ hạn trong tháng cao điểm.",
        "Xã tuyệt đối không để cháy rừng xảy ra trong mùa khô năm nay.",
        "Chính quyền xã không để người dân phải đi lại nhiều lần khi làm thủ tục.",
    ],
)
def test_the_communes_side_that_keeps_a_harm_off_is_told_to_in_the_leaders_words(sentence: str) -> None:
    assert kind_of(sentence, *FLOOR) == DI


def test_the_communes_report_of_a_harm_kept_off_stays_a_result() -> None:
    assert kind_of("Năm qua, xã không để xảy ra cháy rừng.", *REPORT) == A


def test_a_harm_kept_off_binds_a_subject_and_no_cause() -> None:
    assert states_norm("các xã không để xảy ra sai sót trong khâu lập danh sách")
    assert not states_norm("không để người dân chờ lâu")  # no subject: `holds_to_norm` asks that itself
    assert not states_norm("xã không để người dân phải chờ vì thiếu cán bộ")  # a cause: a plight


# -- a body told to report back ---------------------------------------------------------------


def test_a_body_told_to_report_back_is_assigned_whatever_its_verb() -> None:
    assert body_acts("sở văn hóa, thể thao và du lịch đo đạc lại khu di tích, báo cáo ubnd tỉnh trước ngày 20/7")
    assert body_acts("ban quản lý dự án thẩm tra lại hồ sơ và báo cáo kết quả về thường trực tỉnh ủy")


def test_a_body_that_did_it_or_a_body_without_a_report_back_is_not() -> None:
    assert not body_acts("sở y tế đã đo đạc lại khu đất, báo cáo ubnd tỉnh")
    assert not body_acts("sở văn hóa, thể thao và du lịch đo đạc lại khu di tích")
    assert not body_acts("trạm y tế xã xuống cấp, báo cáo ubnd tỉnh nhiều lần")


def test_in_the_leaders_words_the_body_reporting_back_is_an_order() -> None:
    assert kind_of("Sở Tài nguyên đo đạc lại ranh giới rừng phòng hộ, báo cáo UBND tỉnh trong tháng 8.", *FLOOR) == DI


# -- one negation over a list of complaints ---------------------------------------------------


def test_no_complaint_and_no_petition_is_one_result() -> None:
    sentence = "Bộ phận một cửa giải quyết đúng hạn 100% hồ sơ; không có phản ánh, kiến nghị về thái độ của cán bộ."
    assert [c.text for c in split_clauses(sentence)][-1] == "không có phản ánh, kiến nghị về thái độ của cán bộ."
    found = items(*REPORT, sentence)
    assert any(kind == A and text.endswith("không có phản ánh, kiến nghị về thái độ của cán bộ.") for kind, text in found)
    assert not any(kind == R for kind, _ in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Lãnh đạo xã phản ánh, kiến nghị tỉnh sớm sửa chữa cầu treo bản Khuổi Lùng.",
        "Xã không có kinh phí, kiến nghị tỉnh hỗ trợ sửa chữa trụ sở.",
    ],
)
def test_a_petition_after_a_complaint_or_a_lack_stays_a_request(sentence: str) -> None:
    assert any(kind == R for kind, _ in items(*REPORT, sentence))


# -- the plight of what an ask is for ---------------------------------------------------------


def test_how_the_thing_asked_for_is_now_is_a_difficulty() -> None:
    found = items(
        *REPORT, "Xã đề nghị tỉnh quan tâm nâng cấp trường mầm non thôn Khuổi Lùng, hiện đã xuống cấp, thiếu phòng học."
    )
    assert (R, "Xã đề nghị tỉnh quan tâm nâng cấp trường mầm non thôn Khuổi Lùng") in found
    assert (D, "hiện đã xuống cấp, thiếu phòng học.") in found


def test_how_things_are_now_without_a_plight_or_without_an_ask_is_not_cut() -> None:
    assert len(split_clauses("Xã đề nghị tỉnh hỗ trợ kinh phí làm đường, hiện xã đã hoàn thành hồ sơ.")) == 1
    assert len(split_clauses("Trạm y tế xã được xây mới năm 2024, hiện đã xuống cấp một phần.")) == 1


# -- time lived before "nhưng vẫn chưa" -------------------------------------------------------


def test_decades_waited_before_still_not_are_the_premise_of_one_problem() -> None:
    sentence = "Bà con thôn Nà Pàn đã định cư mấy chục năm nhưng vẫn chưa có điện lưới quốc gia."
    assert len(split_clauses(sentence)) == 1
    assert kind_of(sentence, *REPORT) == D


def test_a_result_before_still_not_is_cut_from_the_problem() -> None:
    assert len(split_clauses("Xã đã hoàn thành 5 km đường nhưng vẫn chưa có kinh phí làm cầu.")) == 2


# -- a passive over the verbs it lists --------------------------------------------------------


def test_people_given_visits_and_gifts_are_the_communes_result() -> None:
    assert kind_of("Dịp Tết, 100% hộ nghèo của xã đều được thăm hỏi, tặng quà.", *REPORT) == A


def test_the_leader_visiting_and_giving_gifts_stays_a_visit() -> None:
    assert kind_of("Chủ tịch UBND tỉnh đã thăm hỏi, tặng quà các hộ nghèo thôn Nà Pàn.", *FLOOR) is None
