"""Link suggestions between requests and directives (`store.domain.links`).

Every sentence here is written for these tests, in the style of a session's minutes: the
requests a commune makes and the leader's directives. Pairs that answer each other must be
suggested; near misses (the same agency, the same formula, one common word) must not.
"""

from __future__ import annotations

import pytest

from haicap.store.domain.links import THRESHOLD, LinkText, content_terms, suggest_links

ROAD = LinkText(
    "r-road",
    "Đề nghị tỉnh hỗ trợ kinh phí nâng cấp tuyến đường giao thông liên xã từ thôn Đông đến thôn Tây.",
    ("Sở Xây dựng",),
)
PRESCHOOL = LinkText("r-school", "Kiến nghị tỉnh quan tâm đầu tư xây dựng trường mầm non của xã.")
LAND = LinkText("r-land", "Đề nghị tỉnh sớm cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân tái định cư.")
HALL = LinkText("r-hall", "Đề nghị tỉnh hỗ trợ kinh phí sửa chữa nhà văn hóa thôn Đông.", ("Sở Tài chính",))
STAFF = LinkText(
    "r-staff",
    "Kiến nghị tỉnh tiếp tục quan tâm giải quyết chế độ cho người hoạt động không chuyên trách dôi dư.",
    ("Sở Nội vụ",),
)

SURVEY_ROAD = LinkText(
    "d-road",
    "Giao Sở Xây dựng khảo sát, lập phương án nâng cấp tuyến đường liên xã, báo cáo UBND tỉnh trước 31/12/2025.",
    ("Sở Xây dựng",),
)
PRESCHOOL_FUNDS = LinkText(
    "d-school",
    "Giao Sở Giáo dục và Đào tạo rà soát, đề xuất bố trí vốn xây dựng trường mầm non.",
    ("Sở Giáo dục và Đào tạo",),
)
REFORM = LinkText("d-reform", "Yêu cầu xã đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân.")
LAND_PAPERS = LinkText(
    "d-land",
    "Giao Sở Nông nghiệp và Môi trường hướng dẫn xã hoàn thiện hồ sơ cấp giấy chứng nhận quyền sử dụng đất.",
    ("Sở Nông nghiệp và Môi trường",),
)
CLEARANCE = LinkText("d-clear", "Tập trung giải phóng mặt bằng các dự án trọng điểm, bảo đảm tiến độ.")
FUNDS_OTHER = LinkText(
    "d-funds", "Giao Sở Tài chính cân đối, bố trí kinh phí hỗ trợ xã mua sắm trang thiết bị y tế.", ("Sở Tài chính",)
)
TRAINING = LinkText(
    "d-train", "Giao Sở Nội vụ tham mưu tỉnh tiếp tục quan tâm công tác đào tạo, bồi dưỡng cán bộ.", ("Sở Nội vụ",)
)

REQUESTS = [ROAD, PRESCHOOL, LAND, HALL, STAFF]
DIRECTIVES = [SURVEY_ROAD, PRESCHOOL_FUNDS, REFORM, LAND_PAPERS, CLEARANCE, FUNDS_OTHER, TRAINING]


def suggested(requests=REQUESTS, directives=DIRECTIVES, **options) -> dict[str, list[str]]:
    return {key: [s.directive for s in found] for key, found in suggest_links(requests, directives, **options).items()}


@pytest.mark.parametrize(
    ("request_", "directive"),
    [(ROAD, SURVEY_ROAD), (PRESCHOOL, PRESCHOOL_FUNDS), (LAND, LAND_PAPERS)],
    ids=["road", "preschool", "land"],
)
def test_a_directive_on_the_same_subject_is_suggested_first(request_, directive):
    assert suggested()[request_.key][0] == directive.key


@pytest.mark.parametrize("request_", [HALL, STAFF], ids=["same-formula-and-agency", "same-agency-one-word"])
def test_near_misses_are_not_suggested(request_):
    """The hall shares "hỗ trợ kinh phí" and Sở Tài chính with the equipment directive; the
    staff request shares Sở Nội vụ, "tiếp tục quan tâm" and "cán bộ"-like words with the
    training one: formulas and one agency are no subject."""
    assert request_.key not in suggested()


def test_no_request_is_linked_to_an_unrelated_directive():
    found = suggested()
    for key in (REFORM.key, CLEARANCE.key):
        assert all(key not in directives for directives in found.values())


def test_reasons_are_given_folded_and_the_agency_counts():
    [road] = suggest_links([ROAD], DIRECTIVES)[ROAD.key]
    assert road.score >= THRESHOLD
    assert "nang cap" in road.words and "tuyen duong" in road.words
    assert road.agencies == ("so xay dung",)


def test_diacritics_and_case_do_not_matter():
    shouting = LinkText("r", "ĐỀ NGHỊ NÂNG CẤP TUYẾN ĐƯỜNG LIÊN XÃ THÔN ĐÔNG")
    plain = LinkText("d", "nang cap tuyen duong lien xa thon Dong, bao cao truoc 30/6")
    assert suggested([shouting], [plain]) == {"r": ["d"]}


def test_words_every_item_shares_weigh_nothing():
    """A session whose every sentence names the "khu kinh tế Nghi Sơn" links nothing by that name."""
    refrain = "tại khu kinh tế Nghi Sơn"
    requests = [LinkText("r", f"Đề nghị bố trí quỹ đất tái định cư {refrain}.")]
    directives = [
        LinkText("d1", f"Đẩy mạnh thu hút nhà đầu tư hạ tầng {refrain}."),
        LinkText("d2", f"Kiểm tra công tác phòng cháy chữa cháy {refrain}."),
    ]
    others = [f"Sản lượng điện {refrain} tăng 12%.", f"Thiếu lao động kỹ thuật {refrain}."]
    assert suggested(requests, directives, others=others) == {}
    # The same pair alone, without the session around it, does share a rare phrase.
    assert suggested(requests, directives[:1]) == {"r": ["d1"]}


def test_agency_names_are_not_content():
    """ "Sở Xây dựng" named as owner of both is an agency cue, not the words "xây dựng"."""
    assert "xay dung" not in content_terms("Giao Sở Xây dựng kiểm tra", ("Sở Xây dựng",))
    assert "xay dung" in content_terms("xây dựng nhà văn hóa")


def test_sentences_joined_the_same_way_are_not_on_the_same_subject():
    request = LinkText("r", "Bên cạnh đó, xã đề nghị tỉnh hỗ trợ khắc phục sạt lở bờ sông.")
    directive = LinkText("d", "Bên cạnh đó, các xã tiếp tục bồi dưỡng nghiệp vụ cho đội ngũ cán bộ.")
    assert suggested([request], [directive]) == {}


def test_formulas_function_words_and_digits_are_not_content():
    terms = content_terms("Đề nghị tỉnh tiếp tục quan tâm, hỗ trợ kinh phí cho xã trước ngày 31/12/2025.")
    assert terms == frozenset()


def test_at_most_the_limit_best_first():
    request = LinkText("r", "Nạo vét kênh tiêu úng Bắc Sơn, kè bờ sông Mã đoạn qua thôn Trung")
    directives = [
        LinkText("some", "Kiểm tra tiến độ nạo vét kênh tiêu úng trước mùa mưa."),
        LinkText("most", "Lập dự án nạo vét kênh tiêu úng Bắc Sơn và kè bờ sông Mã."),
        LinkText("other", "Đôn đốc thu ngân sách, chống thất thu thuế."),
        LinkText("fewer", "Khảo sát kè bờ sông Mã."),
        LinkText("unrelated", "Tổ chức đại hội thể dục thể thao cấp cơ sở."),
    ]
    others = ["Thu ngân sách đạt 105% dự toán.", "Hoàn thành 12 km đường bê tông.", "Thiếu giáo viên tiểu học."]
    found = suggest_links([request], directives, others=others, limit=2)["r"]
    assert [s.directive for s in found] == ["most", "some"]
    assert found[0].score > found[1].score
    every = suggest_links([request], directives, others=others)["r"]
    assert [s.directive for s in every] == ["most", "some", "fewer"]


def test_an_empty_session_suggests_nothing():
    assert suggest_links([], DIRECTIVES) == {}
    assert suggest_links(REQUESTS, []) == {}
