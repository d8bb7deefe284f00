"""Kinds of mistakes found on synthetic set 21 and grouped with those of sets 15–20, each decided
by structure and proven on sentences written for these tests (no sentence, person, place or
commune of any set), with the near misses each rule must leave alone.

Who holds the floor: a verb of saying that opens the words said by a colon or a quote. The mood
of a clause: a frame of time before a verb with no subject, a harm forbidden after a comma, an
urging with nobody's floor to stand in. The scope of a word: what a remedy acts on, which
subject a fall belongs to, what cannot be done, a harm spared. Where a sentence sits: another
item of a bulletin or round-up, a date in a heading, a notice signing off.
"""

from __future__ import annotations

import datetime as dt

import pytest

from haicap.store.domain.registry import load_registry
from haicap.store.ingest.importer import read_as_import
from haicap.store.ingest.reader import extract_text
from haicap.store.ingest.reader.dates import find_session_date
from haicap.store.ingest.reader.page_noise import split_page_noise
from haicap.store.ingest.reader.problems import problem_or_result

from .helpers import CONCLUSION, INTRO, items, kind_of

A, D, R, DI = "achievement", "difficulty", "request", "directive"
COMMUNE_REPORTS = "Báo cáo tại buổi làm việc, Chủ tịch UBND xã Hà Văn Tú cho biết năm 2025 xã hoàn thành 15/17 chỉ tiêu."


# -- who holds the floor ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        'Chủ tịch UBND tỉnh Lò Văn Minh kết luận: "Xã phải coi giải phóng mặt bằng là nhiệm vụ số một của quý II".',
        '10:45 — Chủ tịch UBND tỉnh Lò Văn Minh kết luận: "Hai xã phải hoàn thành cấp nước sạch trước mùa khô".',
        "Chủ tịch UBND tỉnh Lò Văn Minh phát biểu: các xã cần rà soát ngay các hộ sống ven suối.",
        'Chủ tịch UBND tỉnh kết luận: "Việc nào chậm thì phải chỉ ra trách nhiệm của người đứng đầu".',
        'Đồng chí Lò Văn Minh phát biểu: "Thôn nào còn hộ nghèo, xã phải có giải pháp riêng cho thôn đó".',
    ],
)
def test_a_verb_of_saying_before_a_colon_gives_the_leader_the_floor(sentence: str) -> None:
    assert kind_of(sentence, INTRO) == DI


def test_a_commune_officer_who_speaks_after_a_colon_states_the_communes_case() -> None:
    sentence = 'Ông Hà Văn Tú, Chủ tịch UBND xã phát biểu: "Thôn Nà Lầu vẫn thiếu nước sinh hoạt, bà con phải đi gánh nước xa".'
    assert kind_of(sentence, INTRO) == D
    # "kết luận" as a noun, with no colon, turns nobody: the commune's result stays one.
    assert kind_of("Xã đã thực hiện nghiêm kết luận của thanh tra tỉnh, thu hồi 2 tỷ đồng.", INTRO) == A


# -- the mood of a clause ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Ngay sau Tết, ra quân sản xuất vụ đông xuân, gieo cấy đúng lịch.",
        "Khi có mưa lớn, sơ tán ngay các hộ ven suối.",
        "Trước mùa mưa lũ, gia cố xong các điểm sạt lở ở thôn Nà Lầu.",
        "Dịp cuối năm, tăng cường tuần tra, kiểm soát vật liệu nổ.",
    ],
)
def test_a_frame_of_time_before_a_verb_with_no_subject_is_still_an_order(sentence: str) -> None:
    assert kind_of(sentence, INTRO, CONCLUSION) == DI


@pytest.mark.parametrize(
    "sentence",
    ["Năm qua, hoàn thành 12 công trình giao thông nông thôn.", "Trong năm 2025, hoàn thành xóa 40 nhà tạm cho hộ nghèo."],
)
def test_a_past_frame_before_a_bare_verb_reports_a_result(sentence: str) -> None:
    assert kind_of(sentence, INTRO, CONCLUSION) == A


@pytest.mark.parametrize(
    "sentence",
    [
        "Bà con chăm sóc tốt đàn gia súc qua mùa rét, tuyệt đối không để trâu bò chết đói.",
        "Các thôn giữ vững hành lang giao thông, kiên quyết không để tái lấn chiếm.",
    ],
)
def test_a_harm_forbidden_after_a_comma_is_the_leaders_order(sentence: str) -> None:
    assert kind_of(sentence, INTRO, CONCLUSION) == DI


def test_a_harm_the_commune_kept_away_is_its_result_even_with_the_adverb_of_an_order() -> None:
    sentence = "Năm qua, xã đã làm tốt công tác tuần tra, tuyệt đối không để xảy ra cháy rừng."
    assert kind_of(sentence, INTRO) == A
    assert kind_of(sentence, INTRO, CONCLUSION) == A


@pytest.mark.parametrize(
    "headline",
    [
        "Khẩn trương khắc phục hậu quả mưa lũ, sớm ổn định đời sống bà con vùng cao",
        "Khẩn trương khắc phục sạt lở, bảo đảm giao thông thông suốt",
        "Quyết liệt giải phóng mặt bằng tuyến đường liên xã",
    ],
)
def test_an_urging_with_nobodys_floor_to_stand_in_tells_no_fact(headline: str) -> None:
    assert items(headline, INTRO) == []


def test_an_urging_in_the_leaders_words_or_in_a_list_of_asks_keeps_its_kind() -> None:
    assert kind_of("Khẩn trương hoàn thành tuyến đê trước mùa mưa.", INTRO, CONCLUSION) == DI
    found = items(INTRO, "Xã Bình Gia có một số kiến nghị:", "- Sớm bố trí vốn xây trường mầm non thôn Nà Lầu.")
    assert found == [(R, "- Sớm bố trí vốn xây trường mầm non thôn Nà Lầu.")] or found == [
        (R, "Sớm bố trí vốn xây trường mầm non thôn Nà Lầu.")
    ]
    # A report's bare verb of what was done is no urging.
    assert items(INTRO, "Xã Bình Gia báo cáo kết quả năm 2025:", "- Hoàn thành xóa 40 nhà tạm cho hộ nghèo.")[-1][0] == A


# -- the scope of a word ----------------------------------------------------------------------


def test_what_a_remedy_acts_on_includes_the_cause_of_the_damage() -> None:
    assert problem_or_result("bà con tích cực khắc phục hậu quả mưa lũ") == A
    assert problem_or_result("xã đã khắc phục hậu quả hoàn lưu bão số 3") == A
    assert problem_or_result("các hộ đã được hỗ trợ khắc phục thiệt hại do lốc xoáy") == A
    # What the remedy did not reach is still a problem.
    assert problem_or_result("xã đã khắc phục thiệt hại do mưa lũ nhưng nhiều nhà vẫn bị sập") == D


@pytest.mark.parametrize(
    ("clause", "kind"),
    [
        ("vùng nuôi tôm bị xâm nhập mặn, năng suất giảm khoảng 20% so với năm trước", D),
        ("nguồn nước bị ô nhiễm, sản lượng cá giảm 30%", D),
        ("tình trạng lấn chiếm kéo dài, thu nhập của bà con giảm", D),
        # A list of bad things that falls together is still less of them.
        ("tỷ lệ hộ nghèo, cận nghèo giảm mạnh", A),
        ("số vụ tai nạn, va chạm giao thông giảm 3 vụ", A),
        ("số vụ vi phạm giảm 12 vụ, thu nhập tăng 8%", A),
    ],
)
def test_a_fall_belongs_to_the_subject_nearest_it(clause: str, kind: str) -> None:
    assert problem_or_result(clause) == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "Nhiều đoạn kênh không dẫn được nước vào ruộng.",
        "Xe cứu thương không vào được các thôn vùng cao.",
        "Có hôm cả buổi chiều cán bộ không gửi được hồ sơ lên hệ thống.",
        "Bà con trồng lúa gần như không có lãi.",
        "Thôn Nà Lầu đến nay vẫn không có sóng điện thoại.",
    ],
)
def test_what_cannot_be_done_is_a_difficulty(sentence: str) -> None:
    assert kind_of(sentence, INTRO, COMMUNE_REPORTS) == D


def test_negations_that_are_no_inability_keep_their_kind() -> None:
    assert kind_of("Năm nay, xã không bị ảnh hưởng của bão.", INTRO, COMMUNE_REPORTS) == A
    assert kind_of("Xã không để xảy ra dịch bệnh trên đàn gia súc.", INTRO, COMMUNE_REPORTS) == A
    assert kind_of("Tuyệt đối không được xả rác xuống suối.", INTRO, CONCLUSION) == DI
    assert problem_or_result("nhiều hộ bị ảnh hưởng của bão") == D


# -- where a sentence sits --------------------------------------------------------------------


def test_another_item_of_a_bulletin_is_not_the_sessions() -> None:
    found = items(
        "Kính thưa bà con!",
        "Tin thứ nhất: Sáng 4/3, đồng chí Lò Văn Minh, Chủ tịch UBND tỉnh đã làm việc với xã Bình Gia.",
        "Chủ tịch UBND xã cho biết đường vào thôn Nà Lầu bị sạt lở nặng.",
        "Tin thứ hai: Kế hoạch tiêm phòng bệnh dịch tả lợn châu Phi đợt 1 năm 2026.",
        "Nhiều hộ chăn nuôi còn chủ quan, chưa khai báo đàn lợn.",
    )
    assert [kind for kind, _ in found] == [D]
    assert "sạt lở" in found[0][1]


def test_another_item_of_a_round_up_is_not_the_sessions() -> None:
    found = items(
        "ĐIỂM TIN CHIỀU 4/3",
        "1. Giá cà phê tăng mạnh, nông dân phấn khởi",
        "Giá cà phê nhân hôm nay đạt 120.000 đồng/kg, tăng 5% so với tuần trước.",
        "2. Chủ tịch UBND tỉnh làm việc với xã Bình Gia",
        "Sáng 4/3, đồng chí Lò Văn Minh, Chủ tịch UBND tỉnh đã làm việc với xã Bình Gia.",
        "Xã Bình Gia kiến nghị tỉnh hỗ trợ kinh phí nâng cấp đường thôn Nà Lầu.",
        "3. Cảnh báo rét đậm ở vùng cao",
        "Nhiều đàn trâu bò có nguy cơ chết rét.",
    )
    assert [kind for kind, _ in found] == [R]


def test_numbered_headings_without_a_round_up_are_sections_of_one_text() -> None:
    found = items(
        INTRO,
        "1. Kết quả đạt được",
        "Năm 2025, xã hoàn thành 15/17 chỉ tiêu, thu nhập bình quân tăng 9% so với năm trước.",
        "2. Khó khăn",
        "Đường vào thôn Nà Lầu bị sạt lở nặng.",
    )
    assert (A, "Năm 2025, xã hoàn thành 15/17 chỉ tiêu, thu nhập bình quân tăng 9% so với năm trước.") in found
    assert (D, "Đường vào thôn Nà Lầu bị sạt lở nặng.") in found


def test_a_date_in_a_heading_of_capitals_is_the_broadcasts_not_the_sessions() -> None:
    body = "BẢN TIN SÁNG THỨ HAI, NGÀY 9/3/2026\nTin thứ nhất: Chiều ngày 5/3, đồng chí Lò Văn Minh đã làm việc với xã Bình Gia."
    assert find_session_date(body, today=dt.date(2026, 3, 9)) == dt.date(2026, 3, 5)
    # Alone, the heading's date is the only one there is.
    assert find_session_date("BẢN TIN SÁNG THỨ HAI, NGÀY 9/3/2026", today=dt.date(2026, 3, 9)) == dt.date(2026, 3, 9)


def test_an_excerpt_cut_before_its_date_is_dated_by_it() -> None:
    body = "ngày 12/2, đồng chí Lò Văn Minh đã làm việc với xã Bình Gia. Xã có 12 thôn."
    assert find_session_date(body, today=dt.date(2026, 2, 12)) == dt.date(2026, 2, 12)
    # Inside a sentence "ngày" stays a reference: "từ ngày 1/7/2025" is when the reform began.
    assert find_session_date("Xã vận hành ổn định từ ngày 1/7/2025.", today=dt.date(2026, 2, 12)) is None


def test_a_notice_signing_off_asks_nothing_though_it_stands_under_the_asks() -> None:
    body = "\n".join(
        [
            "Ngày 16/1, Phó Chủ tịch UBND tỉnh Lò Văn Minh làm việc với xã Bình Gia và kết luận như sau:",
            "3. Về các kiến nghị của xã",
            "a) Xã đề nghị tỉnh hỗ trợ kinh phí sửa chữa trường mầm non: giao Sở Tài chính tham mưu.",
            "Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.",
        ]
    )
    # As `haicap import` reads it: the heading "Về các kiến nghị của xã" makes the lines under it asks.
    found = [(i.kind, i.text) for i in read_as_import(body, load_registry(), dt.date(2026, 1, 20)).items]
    assert (R, "Xã đề nghị tỉnh hỗ trợ kinh phí sửa chữa trường mầm non") in found
    assert not any("thông báo để" in text for _, text in found)


# -- who is told ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Điện lực tỉnh kéo lưới điện về thôn Nà Lầu, nơi 40 hộ còn chưa có điện.",
        "Trung tâm Y tế tỉnh cử bác sĩ về tăng cường cho trạm y tế xã đang thiếu người.",
    ],
)
def test_a_body_of_the_province_named_as_the_subject_of_a_task_is_assigned(sentence: str) -> None:
    assert kind_of(sentence, INTRO, CONCLUSION) == DI


@pytest.mark.parametrize(
    "sentence",
    [
        "Công an tỉnh cho biết đã bắt giữ 3 đối tượng khai thác cát trái phép.",
        "Điện lực tỉnh đã kéo lưới điện về 5 thôn của xã trong năm 2025.",
        "Điện lực tỉnh sẽ kéo lưới điện về thôn Nà Lầu trong quý II.",
    ],
)
def test_a_body_of_the_province_that_reports_did_or_will_do_is_not_assigned(sentence: str) -> None:
    assert kind_of(sentence, INTRO, CONCLUSION) != DI


@pytest.mark.parametrize(
    "sentence",
    [
        "Xã rà soát, lập danh sách đề nghị hỗ trợ các hộ còn khó khăn về nhà ở.",
        "UBND xã Bình Gia bố trí quỹ đất tái định cư cho các hộ sống ven suối.",
    ],
)
def test_the_commune_named_before_the_verb_of_an_order_is_told_to_act(sentence: str) -> None:
    assert kind_of(sentence, INTRO, CONCLUSION) == DI


def test_the_commune_named_before_what_it_did_or_in_a_title_is_not_told() -> None:
    assert kind_of("Xã hoàn thành 15/17 chỉ tiêu, thu nhập bình quân tăng 9%.", INTRO, CONCLUSION) != DI
    assert kind_of("Xã đã tổ chức tốt lễ hội đầu xuân, bảo đảm an toàn.", INTRO, CONCLUSION) != DI
    # A related link has no full stop: "- Xã A ra quân …" is a title.
    assert kind_of("- Xã Bình Gia ra quân làm đường giao thông nông thôn", INTRO, CONCLUSION) != DI


def test_what_was_said_in_results_or_spared_reads_as_a_result() -> None:
    assert kind_of("Không còn hộ nào phải ở nhà tạm.", INTRO, COMMUNE_REPORTS) == A
    quote = '"Từ khi có đường bê tông, bà con bán được quế giá cao hơn hẳn", ông Hà Văn Tú, Chủ tịch UBND xã nói.'
    assert kind_of(quote, INTRO) == A
    assert problem_or_result("giá vật tư cao hơn năm trước") == D


# -- which communes took part -----------------------------------------------------------------


def _communes(*paragraphs: str) -> list[str]:
    ex = extract_text("\n".join(paragraphs), load_registry(), today=dt.date(2026, 3, 5))
    return [c.name for c in ex.communes]


def test_a_commune_held_up_as_a_model_is_named_in_passing() -> None:
    assert _communes(INTRO, "Đồng chí đề nghị xã học tập cách làm của xã Hồng Phong trong phát triển cây hồi.") == ["Bình Gia"]
    assert _communes(INTRO, "Xã cần nhân rộng mô hình của xã Tân Văn về trồng rừng gỗ lớn.") == ["Bình Gia"]
    # The session's commune held up to others is still the session's.
    assert _communes(INTRO, "Các xã trong tỉnh cần học tập cách làm của xã Bình Gia.") == ["Bình Gia"]


def test_a_byline_with_the_writers_workplace_names_no_commune_of_the_session() -> None:
    assert _communes(INTRO, "Xã Bình Gia kiến nghị tỉnh đầu tư đường.", "Nông Văn Hải (Trung tâm VH-TT xã Tân Văn)") == [
        "Bình Gia"
    ]
    kept, dropped = split_page_noise(
        ["Tin, ảnh: Thu Hà - Đài Truyền thanh xã Tân Văn", "Xã Bình Gia (Lạng Sơn) vượt khó", "Lạng Sơn - Xã Bình Gia về đích"]
    )
    assert dropped == ["Tin, ảnh: Thu Hà - Đài Truyền thanh xã Tân Văn"]
    assert kept == ["Xã Bình Gia (Lạng Sơn) vượt khó", "Lạng Sơn - Xã Bình Gia về đích"]


# -- whose tasks ------------------------------------------------------------------------------


def test_a_communes_own_report_sets_its_own_tasks_which_are_no_orders() -> None:
    found = items(
        "BÁO CÁO",
        "Kết quả 6 tháng đầu năm 2026 của xã Bình Gia, phục vụ buổi làm việc với Thường trực Tỉnh ủy",
        "I. KẾT QUẢ ĐẠT ĐƯỢC",
        "1. Trồng mới 120 ha rừng, đạt 80% kế hoạch năm.",
        "II. NHIỆM VỤ 6 THÁNG CUỐI NĂM",
        "1. Tập trung giải ngân vốn đầu tư công đạt 100% kế hoạch.",
        "2. Phấn đấu trồng mới 30 ha rừng.",
        "III. KIẾN NGHỊ",
        "1. Tỉnh sớm phân bổ vốn làm đường thôn Nà Lầu.",
    )
    # The asks after the plans are the commune's again.
    assert found == [(A, "Trồng mới 120 ha rừng, đạt 80% kế hoạch năm."), (R, "Tỉnh sớm phân bổ vốn làm đường thôn Nà Lầu.")]


def test_tasks_set_after_the_leader_has_spoken_are_the_leaders_orders() -> None:
    found = items(
        "Ngày 16/1, Phó Chủ tịch UBND tỉnh Lò Văn Minh làm việc với xã Bình Gia.",
        "Phó Chủ tịch UBND tỉnh kết luận như sau:",
        "1. Đánh giá chung",
        "Năm 2025, xã hoàn thành 15/17 chỉ tiêu.",
        "2. Nhiệm vụ thời gian tới",
        "a) Tập trung giải ngân vốn đầu tư công đạt 100% kế hoạch trước ngày 31/1.",
    )
    assert any(kind == DI and "giải ngân vốn đầu tư công" in text for kind, text in found)


def test_tasks_in_a_report_that_names_the_leader_are_the_sessions_orders() -> None:
    found = items(
        "Báo cáo kết quả buổi làm việc của đoàn công tác tỉnh với xã Bình Gia",
        "Ngày 5/3/2026, đồng chí Lò Văn Minh, Phó Chủ tịch UBND tỉnh đã làm việc với xã Bình Gia.",
        "IV. Nhiệm vụ, giải pháp",
        "Tập trung hoàn thành giải phóng mặt bằng trong quý II.",
    )
    assert (DI, "Tập trung hoàn thành giải phóng mặt bằng trong quý II.") in found


def test_words_in_quotes_are_whoever_a_short_attribution_after_them_names() -> None:
    sentence = '"Tết đến, không ai bị bỏ lại phía sau; các đồng chí phải chăm lo cho từng hộ khó khăn", đồng chí dặn dò.'
    assert kind_of(sentence, INTRO, "Đồng chí Lò Văn Minh chúc mừng những kết quả xã đạt được.") == DI
    # A quoted name with no one after it gives nobody the floor.
    found = items(INTRO, CONCLUSION, '"Ngày hội đại đoàn kết", hoạt động thường niên của xã, đã được tổ chức ở 14 thôn.')
    assert not any(kind == DI for kind, text in found if "Ngày hội" in text)


def test_a_topic_before_the_leaders_order_is_the_orders_not_a_difficulty() -> None:
    found = items(INTRO, CONCLUSION, "Đối với những hộ còn khó khăn về nhà ở, xã rà soát, lập danh sách đề nghị hỗ trợ.")
    assert [kind for kind, _ in found[1:]] == [DI]
    # Before the commune's own words the topic tells what follows.
    found = items(INTRO, "Về khó khăn, ông Hà Văn Tú, Chủ tịch UBND xã cho biết đường vào thôn Nà Lầu bị sạt lở nặng.")
    assert any(kind == D for kind, _ in found)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Không một hộ dân nào phải di dời khẩn cấp trong mùa mưa.", A),
        ("Trong năm, không có học sinh nào phải nghỉ học vì đường sạt lở.", A),
        # Still none of what is wanted, or lacking what a living needs: a difficulty.
        ("Đến nay vẫn chưa có nhà đầu tư nào quan tâm khu du lịch sinh thái.", D),
        ("Nhiều hộ không có đất sản xuất, phải đi làm thuê.", D),
    ],
)
def test_none_of_a_harm_is_a_result_and_none_of_a_need_a_difficulty(sentence: str, kind: str) -> None:
    assert kind_of(sentence, INTRO, COMMUNE_REPORTS) == kind
