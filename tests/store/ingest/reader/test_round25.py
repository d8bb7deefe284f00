"""Kinds of mistakes found on synthetic set 25, grouped with those of earlier sets, each proven
on sentences written for these tests (no sentence, person, place or commune of any set), with
near misses the rule must leave alone.

The sentence's mood (a norm the leader holds the commune to, said with "không thể", after a
verb of saying or as "việc gì … thì phải …"), praise said without a verb of praising (the
visitor's feeling at what he sees, a comparison few places match), and a problem told by how
long it has been left (a matter dragging on for years).
"""

from __future__ import annotations

import pytest

from haicap.store.ingest.reader.appraisals import appraises
from haicap.store.ingest.reader.norms import states_norm
from haicap.store.ingest.reader.page_noise import split_page_noise
from haicap.store.ingest.reader.problems import problem_or_result

from .helpers import CONCLUSION, INTRO, items, kind_of

A, D, R, DI = "achievement", "difficulty", "request", "directive"

# The leader holds the floor (an order of his before), so what follows is his.
FLOOR = (INTRO, CONCLUSION)


# -- a norm the commune is held to ------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        '"Xã không thể ngồi chờ tỉnh phân bổ vốn rồi mới triển khai, việc nào làm được thì làm trước", ông Minh nói.',
        "Đồng chí Chủ tịch nhấn mạnh xã không thể để bà con vùng sạt lở tiếp tục sống trong nỗi lo mỗi mùa mưa.",
        "Theo ông Minh, cán bộ xã không nên đùn đẩy những việc khó lên cấp trên.",
        '"Chính quyền không thể đứng ngoài chuyện nước sạch của dân", ông Minh khẳng định.',
        "Việc gì thuộc thẩm quyền của xã thì phải giải quyết ngay, không đẩy lên tỉnh.",
        "Hộ nào đủ điều kiện thì cần hoàn thiện hồ sơ hỗ trợ nhà ở trước ngày 30/6.",
        # No subject, "we", a frame of time first, no excuse allowed.
        "Không thể để người dân chờ đợi mãi chuyện cấp giấy chứng nhận quyền sử dụng đất.",
        "Chúng ta không thể để bà con thiếu nước sinh hoạt thêm một mùa khô nữa.",
        "Theo ông Minh, sau sắp xếp xã không thể làm theo cách cũ.",
        '"Không có lý do gì để chậm trễ chi trả tiền hỗ trợ cho dân", ông Minh nói.',
        # "không được để": must not let.
        "Xã không được để xảy ra tình trạng tái lấn chiếm đất rừng.",
        "Không được để người dân thiếu nước sinh hoạt trong mùa khô.",
    ],
)
def test_a_norm_the_leader_holds_the_commune_to_is_an_order(sentence: str) -> None:
    assert kind_of(sentence, *FLOOR) == DI


@pytest.mark.parametrize(
    "sentence",
    [
        # A means lacking, or its cause: a difficulty, not a norm.
        "Ông Minh cho rằng xã không thể tự cân đối được nguồn vốn làm đường.",
        "Cán bộ xã không thể nắm hết địa bàn vì xã quá rộng, giao thông đi lại khó khăn.",
        # People who bear it are no addressee of a norm.
        "Nhiều hộ không thể sản xuất vụ đông do thiếu nước tưới.",
    ],
)
def test_an_inability_is_no_norm(sentence: str) -> None:
    assert kind_of(sentence, *FLOOR) == D


def test_a_norm_needs_the_communes_side_or_a_whatever_clause() -> None:
    assert states_norm("phường không thể để người dân chịu ngập thêm một mùa mưa nữa")
    assert states_norm("ông a nhấn mạnh, xã không thể chậm trễ trong việc chi trả chế độ")
    assert not states_norm("người dân không thể đi lại khi nước lên")
    assert not states_norm("xã không thể tự làm được con đường này")
    assert not states_norm("xã không thể hoàn thành chỉ tiêu do thiếu vốn")
    # With no subject, only "không thể để" binds: "không thể đi lại" says who cannot.
    assert not states_norm("khi nước lên không thể đi lại giữa hai thôn")
    # "việc gì … thì …" without a modal says how things are, no norm.
    assert not states_norm("việc gì khó thì xã đã báo cáo tỉnh")


def test_the_communes_own_inability_stays_its_difficulty() -> None:
    # In the commune's words (its chairman reporting), "không thể" is a limit, not the leader's norm.
    assert (
        kind_of(
            "Ông Nông Văn Sáng, Chủ tịch UBND xã, cho biết xã không thể mở rộng trường vì không còn quỹ đất.",
            INTRO,
        )
        == D
    )


# -- praise without a verb of praising --------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        '"Tôi rất vui khi thấy đường vào các thôn đã được cứng hóa", đồng chí nói.',
        "Đồng chí bày tỏ phấn khởi khi được chứng kiến bà con thu hoạch vụ lúa bội thu.",
        "Ông Minh cho biết rất hài lòng trước những đổi thay của vùng biên giới sau hai năm.",
        "Tôi thật sự xúc động khi thấy các cháu được học trong ngôi trường mới.",
        "Ông Minh nói đã đến nhiều địa phương nhưng hiếm có xã nào giữ rừng tốt như ở đây.",
        "Theo ông, ít nơi có phong trào hiến đất làm đường mạnh như xã.",
        "Đồng chí ấn tượng với cách làm của xã trong chuyển đổi số.",
        "Tôi rất vui vì xã đã hoàn thành xóa nhà tạm sớm hơn kế hoạch.",
        # Judged a model.
        '"Đây là mô hình hay, các xã khác nên học tập", ông Minh nói.',
        "Ông Minh đánh giá xã là điểm sáng của tỉnh về chuyển đổi số.",
    ],
)
def test_the_visitors_feeling_or_a_rare_match_is_praise(sentence: str) -> None:
    assert kind_of(sentence, INTRO) == A


def test_a_feeling_about_no_sight_or_a_feeling_denied_is_no_praise() -> None:
    assert not appraises("tôi rất vui được về thăm và làm việc với xã")
    assert not appraises("đồng chí vui mừng khi đoàn về thăm bản")
    assert not appraises("tôi chưa thật sự hài lòng khi thấy tiến độ giải ngân còn chậm")
    assert not appraises("ông không hài lòng khi thấy rác thải ven suối")
    # A comparison of a harm is the harm's: no praise.
    assert not appraises("hiếm nơi nào ngập sâu như ở đây")
    # A lack is no comparison.
    assert not appraises("xã có ít nơi vui chơi cho trẻ em")
    assert appraises("tôi rất vui khi thấy bà con có nhà mới")
    # A model to build is a task, a place judged by its plight no model.
    assert not appraises("xã cần xây dựng mô hình sản xuất liên kết theo chuỗi")
    assert not appraises("xã là địa bàn khó khăn nhất tỉnh")


def test_a_feeling_denied_keeps_the_problem_it_names() -> None:
    sentence = "Ông Minh chưa hài lòng khi thấy tiến độ giải ngân vốn đầu tư công còn chậm."
    assert kind_of(sentence, INTRO) == D


# -- a problem told by how long it has been left ----------------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "chuyện cấp giấy chứng nhận cho khu tái định cư kéo dài hơn một thập kỷ",
        "vụ tranh chấp đất rừng dây dưa nhiều năm nay",
        "dự án nâng cấp chợ treo gần mười năm",
        "bà con chờ đợi hơn 5 năm vẫn chưa có nước sạch",
    ],
)
def test_a_matter_left_for_years_is_a_problem(clause: str) -> None:
    assert problem_or_result(clause) == D


@pytest.mark.parametrize(
    "clause",
    [
        # A plan's span, or a length that is no delay.
        "chương trình kéo dài 3 năm, từ 2026 đến 2028",
        "tuyến đường dài hơn 5 km nối trung tâm xã với các thôn",
    ],
)
def test_a_plans_span_is_no_problem(clause: str) -> None:
    assert problem_or_result(clause) != D


# -- people who cannot, and a plight left behind -------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Khi nước lên, người dân không thể đi lại giữa hai thôn.",
        "Vào mùa mưa, xe tải không thể vào thôn để thu mua nông sản.",
        "Ông Nông Văn Sáng cho biết xã không thể tự cân đối nguồn vốn làm đường.",
    ],
)
def test_people_or_goods_that_cannot_or_a_means_lacking_is_a_difficulty(sentence: str) -> None:
    assert kind_of(sentence, INTRO) == D


@pytest.mark.parametrize(
    "sentence",
    [
        "Năm nay học sinh không còn cảnh phải lội suối đến trường.",
        "Có nước máy, bà con không còn phải gánh nước từ khe suối.",
        "Xã đã làm xong cầu, học sinh không còn cảnh nghỉ học mỗi mùa lũ.",
    ],
)
def test_a_plight_left_behind_is_a_result(sentence: str) -> None:
    assert kind_of(sentence, INTRO) == A


def test_a_plight_still_there_stays_a_difficulty() -> None:
    assert kind_of("Nhiều hộ vẫn còn cảnh thiếu nước sinh hoạt vào mùa khô.", INTRO) == D
    # Not letting a harm happen, in the leader's words, stays an order.
    assert kind_of("Không được để người dân phải gánh nước thêm một mùa khô nữa.", *FLOOR) == DI


# -- a bare header of asks, and the bullets under it --------------------------------------------

REPORTS = "Ông Nông Văn Sáng, Chủ tịch UBND xã Bình Gia, cho biết năm nay xã gặp nhiều khó khăn do mưa lũ."


@pytest.mark.parametrize("header", ["Xã đề xuất:", "Xã kiến nghị tỉnh:", "UBND xã mong muốn:"])
def test_a_bare_header_of_asks_is_no_item_and_opens_a_list(header: str) -> None:
    found = items(INTRO, REPORTS, header, "- Hỗ trợ 3 tỷ đồng làm cầu treo qua suối.")
    assert not [text for _, text in found if text.rstrip(":") == header.rstrip(":")]
    assert (R, "Hỗ trợ 3 tỷ đồng làm cầu treo qua suối.") in [(k, t.lstrip("- ")) for k, t in found]


@pytest.mark.parametrize(
    "bullet",
    [
        # A figure in the ask is no statistic; leave asked for opens on "Cho (phép) xã …".
        "- Cho phép xã chuyển mục đích sử dụng 2 ha đất rừng sản xuất để làm khu tái định cư.",
        "- Cho xã được vay vốn ưu đãi để làm đường vào thôn.",
        "+ Bố trí 5 tỷ đồng sửa chữa trạm bơm.",
        # A level asked raised.
        "- Tăng biên chế công chức địa chính cho xã.",
        "- Nâng mức phụ cấp cho trưởng thôn, người hoạt động không chuyên trách.",
    ],
)
def test_the_bullets_of_asks_are_requests_whatever_figure_they_hold(bullet: str) -> None:
    assert kind_of(bullet, INTRO, REPORTS, "Xã có một số kiến nghị:") == R


def test_a_statistic_outside_a_list_of_asks_stays_none() -> None:
    assert kind_of("Xã có diện tích tự nhiên 125 km2, dân số hơn 12.000 người.", INTRO) is None
    # A rise reported is a result, in a list of asks too.
    assert kind_of("- Tăng 12% so với cùng kỳ năm trước.", INTRO, REPORTS, "Xã có một số kiến nghị:") != R


def test_a_norm_after_a_comma_holds_though_the_clause_opens_on_what_was_done() -> None:
    quote = '"Bà con đã hiến đất làm đường, chính quyền không thể để con đường ấy dở dang", ông Minh nói.'
    assert kind_of(quote, *FLOOR) == DI
    assert kind_of("Tình hình còn nhiều khó khăn, nhưng cán bộ xã không nên trông chờ vào cấp trên.", *FLOOR) == DI
    # What was done, then people who cannot, or an inability with its cause: no norm.
    assert kind_of("Nước lũ đã rút, nhưng người dân vẫn không thể trở về nhà.", *FLOOR) == D
    assert kind_of("Xã đã cố gắng, nhưng cán bộ không thể làm hết việc vì thiếu người.", *FLOOR) == D


# -- a headline quoting a speaker ---------------------------------------------------------------


@pytest.mark.parametrize(
    "headline",
    [
        "Bí thư Tỉnh ủy Lạng Sơn: 'Không để người dân nào thiếu Tết'",
        'Chủ tịch tỉnh: "Xã phải xong đường vào thôn trước mùa mưa"',
        "Phó chủ tịch UBND tỉnh: “Không có lý do gì để chậm chi trả cho dân”",
    ],
)
def test_a_headline_quoting_a_speaker_is_page_furniture(headline: str) -> None:
    kept, dropped = split_page_noise([headline, INTRO])
    assert dropped == [headline]
    assert kept == [INTRO]


@pytest.mark.parametrize(
    "line",
    [
        # A speaker's turn in minutes or an interview ends its sentence; a line with a verb before
        # its colon is the text's own.
        "Ông Nông Văn Sáng: “Năm nay xã đã làm xong 12 km đường bê tông.”",
        "Đ/c Lò Văn Minh: 'Xã cần rà soát lại quỹ đất.'",
        "Đồng chí nhấn mạnh: “Không để người dân nào thiếu đói”.",
        "Đồng chí nhấn mạnh: “Không để người dân nào thiếu đói”",
    ],
)
def test_a_speakers_turn_stays_in_the_text(line: str) -> None:
    kept, _ = split_page_noise([line])
    assert kept == [line]


# -- a bare verb goes on with the report of results before it -----------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Thời gian qua, xã đã thu ngân sách đạt 56% dự toán; hoàn thành 38 căn nhà cho hộ nghèo.",
        "Năm 2025, xã đã cứng hóa 14 km đường giao thông nông thôn; trồng mới 120 ha rừng.",
        "Đồng chí ghi nhận xã đã giải ngân 82% vốn đầu tư công; giải quyết 1.240 hồ sơ hành chính đúng hạn.",
    ],
)
def test_a_bare_verb_after_results_counts_one_more_result(sentence: str) -> None:
    found = [k for k, t in items(INTRO, CONCLUSION, sentence) if t in sentence]
    assert found and set(found) == {A}, found


@pytest.mark.parametrize(
    "sentence",
    [
        # A time still to come, an aim, a deadline: the order after the results.
        "Xã đã thu ngân sách đạt 56% dự toán; phấn đấu hoàn thành 100% dự toán trong quý III.",
        "Xã đã làm được 38 căn nhà; hoàn thành 20 căn còn lại trước ngày 30/6.",
        "Xã đã có 12 hợp tác xã; tiếp tục phát triển thêm 3 hợp tác xã trong năm tới.",
    ],
)
def test_a_task_after_results_stays_an_order(sentence: str) -> None:
    found = items(INTRO, CONCLUSION, sentence)
    assert [k for k, t in found if t in sentence][-1] == DI


# -- a dated lead after an outlet's tag; a home cracked -----------------------------------------


@pytest.mark.parametrize("tag", ["TUỔI TRẺ - ", "VOV.VN - ", "(Báo Lạng Sơn) - ", "LẠNG SƠN – "])
def test_a_dated_lead_after_any_outlets_tag_is_the_leaders_visit(tag: str) -> None:
    lead = f"{tag}Ngày 14/8, Chủ tịch UBND tỉnh Lò Văn Minh đi kiểm tra khu vực sạt lở tại xã Bình Gia."
    assert kind_of(lead) is None


def test_damage_the_leader_saw_is_still_the_communes_difficulty() -> None:
    seen = "Đoàn đã kiểm tra đoạn kè bờ suối bị sụt lở dài 40 m tại thôn Nà Pàn."
    assert kind_of(seen, INTRO) == D


def test_a_home_cracked_is_a_difficulty() -> None:
    quote = '"Nhà tôi nứt hết tường, đêm nào cả nhà cũng phải sang nhà văn hóa ngủ", bà Lan kể.'
    assert kind_of(quote, INTRO) == D


@pytest.mark.parametrize(
    "sentence",
    ["Xã không được cấp kinh phí sửa chữa trường học.", "Nhiều hộ không được bồi thường khi thu hồi đất làm đường."],
)
def test_a_benefit_withheld_is_a_difficulty_not_a_ban(sentence: str) -> None:
    assert kind_of(sentence, INTRO) == D
