"""Kinds of mistakes found on synthetic set 24, grouped with those of sets 15–22, each proven on
sentences written for these tests (no sentence, person, place or commune of any set), with near
misses the rule must leave alone.

Negation by position (a negation before the people in a plight denies the plight; after them it
is what they lack), the hope put to those above after a plight (two clauses, a problem and an
ask), the turns that open an exhortation after praise ("tuy vậy", "dù vậy", "thế nhưng"), the
mood of a verb urged "ngay" before its object, and a service not given ("không được giải
quyết"), which is a problem, not a prohibition.
"""

from __future__ import annotations

import pytest

from haicap.store.ingest.reader.clauses import split_clauses
from haicap.store.ingest.reader.negated_plights import strip_negated_plights
from haicap.store.ingest.reader.problems import problem_or_result

from .helpers import CONCLUSION, INTRO, items

A, D, R, DI = "achievement", "difficulty", "request", "directive"

REPORT = "Báo cáo tại buổi làm việc, ông Hoàng Văn Khải, Chủ tịch UBND xã Bình Gia cho biết:"
VOTERS = "Chiều 2/3, đại biểu HĐND tỉnh Lạng Sơn tiếp xúc cử tri xã Bình Gia."


def _kinds(*paragraphs: str) -> list[tuple[str, str]]:
    """The items of the last paragraph (the ones before it give the context)."""
    last = paragraphs[-1]
    return [(k, t) for k, t in items(*paragraphs) if t in last or last in t]


# -- negation by position -------------------------------------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "xã không còn hộ thiếu nhà ở",
        "năm nay không còn hộ thiếu nhà ở, không có học sinh phải nghỉ học vì đường ngập",
        "không có học sinh phải nghỉ học do mưa lũ",
        "trên địa bàn không còn hộ dân bị thiếu nước sinh hoạt trong mùa khô",
        "xã không còn thôn bị chia cắt khi mưa lớn",
        "cả năm không có một hộ gia đình nào bị ngập sâu",
    ],
)
def test_a_negation_before_the_people_denies_their_plight(clause: str) -> None:
    assert problem_or_result(clause) == A


@pytest.mark.parametrize(
    "clause",
    [
        # After the people, the negation is what they lack.
        "nhiều hộ không có đất canh tác, phải đi làm thuê",
        "nhiều hộ không còn đất sản xuất do sạt lở",
        # What still holds is no denial.
        "xã vẫn còn hộ thiếu nhà ở",
        # A resource not had is a lack, and the scope ends at the consequence.
        "xã không có cán bộ chuyên trách nên việc số hóa còn chậm",
    ],
)
def test_a_negation_after_the_people_or_before_a_resource_is_a_lack(clause: str) -> None:
    assert problem_or_result(clause) == D


def test_only_the_plight_inside_the_scope_is_taken_out() -> None:
    text, denied = strip_negated_plights("xã không còn hộ thiếu đói nhưng đường vào thôn còn sạt lở")
    assert denied and "sạt lở" in text and "thiếu đói" not in text
    # No plight after the people: nothing denied ("không có hộ được hỗ trợ" is no result of this rule).
    assert strip_negated_plights("không có hộ được hỗ trợ làm nhà") == ("không có hộ được hỗ trợ làm nhà", False)


def test_a_denied_plight_in_the_commune_report_is_its_result() -> None:
    found = _kinds(INTRO, REPORT, "Năm 2025, xã không còn hộ thiếu nhà ở, không có học sinh phải nghỉ học vì đường ngập.")
    assert [k for k, _ in found] == [A]


# -- a plight, then the hope put to those above ----------------------------------------------


@pytest.mark.parametrize(
    ("context", "sentence", "ask"),
    [
        ((INTRO, REPORT), "Đường vào thôn Khuổi Lặng xuống cấp, rất mong tỉnh quan tâm bố trí vốn sửa chữa.", "rất mong tỉnh"),
        ((INTRO, REPORT), "Con đường qua khe suối hay sạt lở, kính mong các cấp hỗ trợ kè chống sạt.", "kính mong các cấp"),
        (
            (VOTERS,),
            '"Cứ triều cường là nước tràn vào nhà, mong tỉnh nâng cấp bờ bao", cử tri Lý Văn Lộc nói.',
            "mong tỉnh nâng cấp",
        ),
        ((VOTERS,), "Cử tri phản ánh đường liên thôn xuống cấp, mong tỉnh sớm sửa chữa.", "mong tỉnh sớm"),
    ],
)
def test_a_plight_before_a_hope_put_to_those_above_is_a_problem_of_its_own(context, sentence: str, ask: str) -> None:
    found = _kinds(*context, sentence)
    assert [k for k, _ in found] == [D, R]
    assert found[1][1].startswith(ask)


def test_a_result_before_the_hope_stays_a_result() -> None:
    found = _kinds(INTRO, REPORT, "Xã đã hoàn thành kế hoạch làm nhà, mong tỉnh tiếp tục quan tâm hỗ trợ.")
    assert [k for k, _ in found] == [A, R]


@pytest.mark.parametrize(
    "sentence",
    [
        # A hope of no one above is no new clause; nor is a hope already said with its verb.
        "Người dân mong có việc làm ổn định, thu nhập khá hơn.",
        "Xã mong muốn được tỉnh hỗ trợ kinh phí làm đường, cầu.",
        # "mong" inside a noun phrase or of residents among themselves.
        "Bà con thiếu nước, mong mỏi từng cơn mưa.",
    ],
)
def test_a_hope_of_no_one_above_does_not_cut(sentence: str) -> None:
    assert len(split_clauses(sentence)) == 1


# -- turns that open an exhortation after praise --------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "order"),
    [
        ("Ông Minh khen xã làm tốt công tác dân vận, tuy vậy xã không được chủ quan.", "xã không được chủ quan."),
        (
            "Đồng chí biểu dương xã vượt chỉ tiêu thu ngân sách, dù vậy không được thỏa mãn với thành tích.",
            "không được thỏa mãn với thành tích.",
        ),
        (
            '"Xã làm đường rất tốt, thế nhưng không được để người dân phải góp tiền quá sức", ông Minh nói.',
            'không được để người dân phải góp tiền quá sức", ông Minh nói.',
        ),
    ],
)
def test_praise_then_a_turn_then_an_exhortation(sentence: str, order: str) -> None:
    found = _kinds(INTRO, CONCLUSION, sentence)
    assert [k for k, _ in found] == [A, DI]
    assert found[1][1] == order  # the conjunction that joined it is not part of the clause


def test_a_turn_after_a_result_to_what_still_holds_is_a_problem() -> None:
    found = _kinds(INTRO, REPORT, "Xã đã về đích sớm, tuy vậy tỷ lệ hộ nghèo vẫn còn cao.")
    assert [k for k, _ in found] == [A, D]


def test_the_turn_thế_nhưng_is_not_cut_inside() -> None:
    clauses = [c.text for c in split_clauses("Đường đã làm xong thế nhưng nhiều đoạn vẫn lầy lội khi mưa.")]
    assert not any(text == "thế" or text.endswith(" thế") for text in clauses)


# -- a verb urged "ngay" before its object --------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Đưa ngay các hộ ở sát taluy về nơi ở tạm.",
        "Sửa chữa ngay tuyến kè bị sạt lở trước mùa mưa.",
        "Khơi thông ngay toàn bộ cống thoát nước bị bùn đất vùi lấp.",
        "Tổ chức ngay cho các hộ bị ngập nơi ở tạm.",
    ],
)
def test_a_verb_urged_at_once_opens_an_order_in_the_conclusion(sentence: str) -> None:
    assert [k for k, _ in _kinds(INTRO, CONCLUSION, sentence)] == [DI]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Xã đã đưa ngay 12 hộ ở sát taluy về nhà văn hóa thôn.", A),  # done, with its subject
        ("Nhà ngay cạnh suối đã bị cuốn trôi.", D),  # "ngay" of place
        ("Ngay sau trận mưa, xã đã cử người thông cống.", A),  # "ngay" of time
    ],
)
def test_ngay_of_a_report_place_or_time_gives_no_order(sentence: str, kind: str) -> None:
    assert [k for k, _ in _kinds(INTRO, REPORT, sentence)] == [kind]


# -- a service not given is a problem, not a prohibition ------------------------------------


@pytest.mark.parametrize(
    ("context", "sentence"),
    [
        ((INTRO, CONCLUSION), "Ông chỉ ra, nhiều hồ sơ đất đai nộp từ lâu nhưng không được giải quyết."),
        ((INTRO, REPORT), "Nhiều hộ bị ngập, không được hỗ trợ kịp thời."),
        ((INTRO, REPORT), "Nhiều hộ ở thôn Pác Nặm không được tiếp cận nước sạch."),
    ],
)
def test_a_service_not_given_is_a_problem(context, sentence: str) -> None:
    assert [k for k, _ in _kinds(*context, sentence)] == [D]


def test_a_prohibition_in_the_leaders_words_is_still_an_order() -> None:
    found = _kinds(INTRO, CONCLUSION, '"Các thôn không được lơ là công tác phòng cháy rừng", ông Minh nói.')
    assert [k for k, _ in found] == [DI]
    found = _kinds(INTRO, CONCLUSION, "Đừng trông chờ, ỷ lại vào cấp trên trong việc làm đường nội thôn.")
    assert [k for k, _ in found] == [DI]


# -- the first task named, then given -------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Việc quan trọng nhất lúc này là ổn định đời sống người dân.",
        "Theo đồng chí, việc cấp bách nhất là di dời các hộ ở vùng sạt lở.",
        "Ông Minh cho biết, nhiệm vụ trọng tâm hàng đầu năm 2026 là hoàn thành đường liên xã.",
        '"Điều then chốt nhất bây giờ là giữ rừng đầu nguồn", ông Minh nói.',
    ],
)
def test_the_first_task_named_in_the_leaders_words_is_an_order(sentence: str) -> None:
    assert [k for k, _ in _kinds(INTRO, CONCLUSION, sentence)] == [DI]


@pytest.mark.parametrize(
    "sentence",
    [
        # The commune's chairman naming its own first task says what it needs or plans: no order.
        "Việc cấp bách nhất của xã hiện nay là sửa chữa cầu treo bị hư hỏng.",
        # The greatest difficulty is a difficulty ("khó khăn lớn nhất là …"), no task.
        "Khó khăn lớn nhất là thiếu vốn đối ứng cho các công trình.",
    ],
)
def test_a_first_task_or_worst_problem_outside_the_leaders_words_gives_no_order(sentence: str) -> None:
    assert DI not in [k for k, _ in _kinds(INTRO, REPORT, sentence)]
