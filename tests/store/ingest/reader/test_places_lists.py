"""Every commune of a list, and only the communes that took part.

The sentences are written for these tests with real communes of the 2025 registry, mostly
of provinces no evaluation set is about (Lai Châu, Điện Biên, Quảng Ninh, Cao Bằng, Khánh
Hòa, Đắk Lắk, Quảng Ngãi). Each test that needs a fact about the registry checks it first.
"""

import datetime as dt
import random
import time

import pytest

from haicap.store.ingest.reader import extract_text
from haicap.store.ingest.reader.commune_mentions import FORMER, PART, PASSING, find_commune_mentions
from haicap.store.ingest.reader.places import detect_province, resolve_communes


def _names(text, registry, province=None):
    """(province name, names of the communes that took part) as the reader finds them."""
    found = registry.find_province(province) if province else detect_province(text, registry)
    names = [c.name for c in resolve_communes(text, registry, found)] if found else []
    return (found.name if found else None), names


def _roles(text):
    return [(" ".join(m.words), m.role) for m in find_commune_mentions(text)]


def _homes(registry, type_, name):
    """The provinces that have a commune of this type and name."""
    return {c.province.name for c in registry.communes if c.type == type_ and c.name == name}


# --- every unit of a list ---------------------------------------------------------------

LISTS = [
    # a count and a colon
    (
        "Đoàn công tác làm việc với 7 phường: Hà Tu, Hà Lầm, Cao Xanh, Hồng Gai, Bãi Cháy, Việt Hưng "
        "và Tuần Châu về công tác chuẩn bị Tết.",
        "Quảng Ninh",
        ["Hà Tu", "Hà Lầm", "Cao Xanh", "Hồng Gai", "Bãi Cháy", "Việt Hưng", "Tuần Châu"],
    ),
    (
        "Đến nay, các xã: Thanh Yên, Sam Mứn và Núa Ngam đã hoàn thành việc lập danh sách cử tri.",
        "Điện Biên",
        ["Thanh Yên", "Sam Mứn", "Núa Ngam"],
    ),
    # "các xã A, B và C"; one type word for two names; a number word
    (
        "Chủ tịch UBND tỉnh kiểm tra các xã Mường Phăng, Thanh Nưa và Núa Ngam.",
        "Điện Biên",
        ["Mường Phăng", "Thanh Nưa", "Núa Ngam"],
    ),
    ("Đoàn thăm, tặng quà các hộ nghèo tại xã Khoen On, Pắc Ta.", "Lai Châu", ["Khoen On", "Pắc Ta"]),
    ("Sáng 12/3, đoàn làm việc với hai xã Tủa Chùa và Sín Chải.", "Điện Biên", ["Tủa Chùa", "Sín Chải"]),
    # each name with its own type word, types mixed
    (
        "Lãnh đạo xã Cam Lâm, xã Suối Dầu và phường Cam Ranh báo cáo tại buổi làm việc.",
        "Khánh Hòa",
        ["Cam Lâm", "Suối Dầu", "Cam Ranh"],
    ),
    (
        "Tỉnh ủy Lai Châu làm việc với các xã, phường Tân Phong, Đoàn Kết và Bản Bo.",
        "Lai Châu",
        ["Tân Phong", "Đoàn Kết", "Bản Bo"],
    ),
    # "cùng", "cùng với"
    ("Đoàn kiểm tra các xã Ba Chẽ, Đầm Hà cùng xã Quảng Hà.", "Quảng Ninh", ["Ba Chẽ", "Đầm Hà", "Quảng Hà"]),
    ("Đoàn làm việc với xã Diên Khánh cùng với xã Diên Lạc.", "Khánh Hòa", ["Diên Khánh", "Diên Lạc"]),
    # digits, apostrophes of both kinds
    (
        "Ban Thường vụ Đảng ủy các phường Móng Cái 1, Móng Cái 2 và Móng Cái 3 báo cáo.",
        "Quảng Ninh",
        ["Móng Cái 1", "Móng Cái 2", "Móng Cái 3"],
    ),
    ("Lãnh đạo các xã M’Drắk, Ea H'Leo và Cư M’gar trình bày kiến nghị.", "Đắk Lắk", ["M’Drắk", "Ea H’Leo", "Cư M’gar"]),
    ("Đoàn thăm xã Phú Hòa 1 và Phú Hòa 2 sau lũ.", "Đắk Lắk", ["Phú Hòa 1", "Phú Hòa 2"]),
    # a description between the plural and the names
    (
        "Đoàn làm việc với các xã bị ảnh hưởng nặng nề bởi cơn bão số 3, gồm Bảo Lạc, Cốc Pàng và Cô Ba.",
        "Cao Bằng",
        ["Bảo Lạc", "Cốc Pàng", "Cô Ba"],
    ),
    ("Tỉnh hỗ trợ 3 xã có tỷ lệ hộ nghèo cao nhất là Khoen On, Pắc Ta và Nậm Sỏ.", "Lai Châu", ["Khoen On", "Pắc Ta", "Nậm Sỏ"]),
    ("Đoàn kiểm tra 3 xã biên giới Sín Thầu, Mường Nhé và Mường Toong.", "Điện Biên", ["Sín Thầu", "Mường Nhé", "Mường Toong"]),
    ("Đoàn làm việc với các xã vùng cao như Tả Lèng, Khun Há và Bản Bo.", "Lai Châu", ["Tả Lèng", "Khun Há", "Bản Bo"]),
    # capitals in a headline
    ("XÃ HOÀNH MÔ VÀ XÃ LỤC HỒN CHUẨN BỊ ĐÓN TẾT", "Quảng Ninh", ["Hoành Mô", "Lục Hồn"]),
]


@pytest.mark.parametrize(("text", "province", "expected"), LISTS)
def test_every_unit_of_a_list_is_found(registry, text, province, expected):
    found, names = _names(text, registry)
    assert found == province
    assert names == expected


def test_dashes_join_a_name_and_spacing_around_them_does_not_matter(registry):
    text = "Đoàn làm việc với phường Văn Miếu - Quốc Tử Giám. Phường Văn Miếu–Quốc Tử Giám báo cáo."
    assert _names(text, registry, "Hà Nội")[1] == ["Văn Miếu - Quốc Tử Giám"]
    assert _names("Làm việc với xã Chân Mây – Lăng Cô.", registry, "Huế")[1] == ["Chân Mây - Lăng Cô"]


def test_lists_in_the_lead_the_body_and_a_caption(registry):
    body = "\n".join(
        [
            "Sáng 5/3, đồng chí Lê Văn Tâm, Chủ tịch UBND tỉnh Lai Châu làm việc với các xã Mường Kim, Than Uyên và Mường Than.",
            "Lãnh đạo xã Khoen On và xã Pắc Ta phát biểu tại buổi làm việc. Ảnh: Minh Khang",
            "Tại buổi làm việc, lãnh đạo 2 xã Tả Lèng, Khun Há kiến nghị tỉnh hỗ trợ kinh phí sửa đường.",
        ]
    )
    ex = extract_text(body, registry, today=dt.date(2026, 6, 1))
    assert ex.province.name == "Lai Châu"
    assert [c.name for c in ex.communes] == [
        "Mường Kim",
        "Than Uyên",
        "Mường Than",
        "Khoen On",
        "Pắc Ta",
        "Tả Lèng",
        "Khun Há",
    ]


# --- only the units that took part ------------------------------------------------------


def test_former_districts_and_towns_are_not_communes(registry):
    assert find_commune_mentions("thuộc thị xã Ninh Hòa cũ; Thị xã Sông Cầu; THỊ XÃ NINH HÒA") == []
    text = "Đoàn làm việc với phường Ninh Hòa (thị xã Ninh Hòa cũ) và xã Khánh Vĩnh (huyện Khánh Vĩnh cũ)."
    assert _names(text, registry) == ("Khánh Hòa", ["Ninh Hòa", "Khánh Vĩnh"])


def test_communes_a_new_one_was_merged_from_do_not_take_part(registry):
    for name in ("Quảng Đức", "Đầm Hà", "Quảng Tân", "Lục Hồn", "Bình Liêu"):
        assert "Quảng Ninh" in _homes(registry, "xã", name)  # the rule matters: all still exist
    texts = [
        "Đoàn làm việc với xã Quảng Hà. Xã Quảng Hà được thành lập trên cơ sở sáp nhập các xã Quảng Đức, Đầm Hà và Quảng Tân.",
        "Đoàn làm việc với xã Quảng Hà (trên cơ sở hợp nhất xã Quảng Đức và xã Đầm Hà).",
        "Đoàn làm việc với xã Quảng Hà (sáp nhập 3 xã Quảng Đức, Đầm Hà và Quảng Tân cũ).",
        "Xã Quảng Hà được thành lập trên cơ sở nguyên trạng diện tích tự nhiên, quy mô dân số của "
        "các xã Quảng Đức và Quảng Tân. Đoàn làm việc với xã Quảng Hà.",
        "Đoàn làm việc với xã Quảng Hà, trước đây là xã Đầm Hà.",
        "Đoàn làm việc với xã Quảng Hà. Xã Quảng Đức được sáp nhập vào xã Quảng Hà.",
        "Sau khi sáp nhập các xã Quảng Đức và Đầm Hà, xã Quảng Hà có diện tích 120 km2.",
        "Đoàn làm việc với xã Quảng Hà về khu vực xã Quảng Tân cũ và xã Đầm Hà (cũ).",
    ]
    for text in texts:
        assert _names(text, registry) == ("Quảng Ninh", ["Quảng Hà"]), text


def test_after_a_merger_the_new_commune_takes_part(registry):
    for text in (
        "Sau sáp nhập, xã Hoành Mô có diện tích hơn 200 km2.",
        "Sau sáp nhập xã Hoành Mô có diện tích hơn 200 km2.",
        "Thu nhập của xã Hoành Mô tăng khá.",
        "Đoàn kiểm tra việc sắp xếp bộ máy của xã Hoành Mô.",
    ):
        assert _names(text, registry) == ("Quảng Ninh", ["Hoành Mô"]), text
    text = "Sau sắp xếp các xã Hoành Mô, Lục Hồn đã vận hành ổn định."
    assert _names(text, registry) == ("Quảng Ninh", ["Hoành Mô", "Lục Hồn"])


def test_a_former_commune_that_gave_its_name_to_the_new_one_still_takes_part(registry):
    text = "Xã Quảng Hà (mới) được thành lập trên cơ sở sáp nhập các xã Quảng Hà (cũ), Quảng Đức và Đầm Hà."
    assert _roles(text) == [
        ("Quảng Hà", PART),
        ("Quảng Hà", FORMER),
        ("Quảng Đức", FORMER),
        ("Đầm Hà", FORMER),
    ]
    assert _names(text, registry)[1] == ["Quảng Hà"]


def test_neighbours_and_comparisons_do_not_take_part(registry):
    texts = [
        "Đoàn làm việc với xã Hoành Mô, địa bàn giáp xã Lục Hồn.",
        "Đoàn làm việc với xã Hoành Mô, nơi có thôn giáp ranh với các xã Lục Hồn, Bình Liêu.",
        "Đoàn làm việc với xã Hoành Mô; tỷ lệ hộ nghèo của xã cao hơn so với xã Bình Liêu.",
        "Đoàn đề nghị xã Hoành Mô làm tốt như xã Lục Hồn.",
        "Đoàn làm việc với xã Hoành Mô và đề nghị học hỏi các xã lân cận như Lục Hồn và Bình Liêu.",
        "Đoàn làm việc với xã Hoành Mô; các xã khác như Lục Hồn, Đầm Hà cần học tập.",
        "Đoàn làm việc với xã Hoành Mô; các xã bạn Lục Hồn, Bình Liêu đã hỗ trợ.",
        "Đoàn làm việc với xã Hoành Mô; tranh chấp đất ở khu vực giáp ranh giữa xã Hoành Mô và xã Lục Hồn còn phức tạp.",
        "Đoàn làm việc với xã Hoành Mô, nơi tuyến đường tiếp giáp giữa hai xã Hoành Mô và Bình Liêu đang xuống cấp.",
    ]
    for text in texts:
        assert _names(text, registry) == ("Quảng Ninh", ["Hoành Mô"]), text


def test_a_neighbour_that_also_takes_part_counts(registry):
    text = "Đoàn làm việc với xã Hoành Mô và xã Lục Hồn. Xã Hoành Mô giáp xã Lục Hồn và xã Bình Liêu."
    assert _names(text, registry) == ("Quảng Ninh", ["Hoành Mô", "Lục Hồn"])


def test_examples_and_as_well_as_are_not_comparisons(registry):
    for text in (
        "Đoàn làm việc với một số xã như xã Hoành Mô, xã Lục Hồn.",
        "Đoàn làm việc với các xã vùng cao, như xã Hoành Mô và xã Lục Hồn.",
        "Xã Hoành Mô cũng như xã Lục Hồn cần rà soát hộ nghèo.",
    ):
        assert _names(text, registry) == ("Quảng Ninh", ["Hoành Mô", "Lục Hồn"]), text
    assert _roles("Các xã giáp biên Hoành Mô và Lục Hồn") == [("Hoành Mô", PART), ("Lục Hồn", PART)]
    assert _roles("các xã lân cận Hoành Mô, Lục Hồn") == [("Hoành Mô", PASSING), ("Lục Hồn", PASSING)]


def test_a_list_ends_at_its_last_name(registry):
    # "A và B, xã C": C starts a list of its own, so a cue before A does not reach it.
    text = "Sau khi sáp nhập các xã Quảng Đức và Đầm Hà, xã Quảng Hà có diện tích lớn."
    assert _roles(text) == [("Quảng Đức", FORMER), ("Đầm Hà", FORMER), ("Quảng Hà", PART)]


# --- the province must hold the list ----------------------------------------------------


def test_a_list_the_detected_province_cannot_hold_points_to_the_right_one(registry):
    names = ("Khoen On", "Pắc Ta", "Nậm Sỏ", "Khun Há")
    assert all(_homes(registry, "xã", n) == {"Lai Châu"} for n in names)
    # Five explicit mentions of another province outvote four communes.
    text = (
        "Tỉnh ủy Điện Biên: đoàn của tỉnh Điện Biên do Tỉnh ủy Điện Biên cử, theo kế hoạch của "
        "tỉnh Điện Biên và Tỉnh ủy Điện Biên, làm việc với các xã Khoen On, Pắc Ta, Nậm Sỏ và Khun Há."
    )
    assert _names(text, registry) == ("Lai Châu", list(names))


def test_the_explicit_province_stays_when_it_holds_most_of_the_list(registry):
    text = "Chủ tịch UBND tỉnh Quảng Ninh làm việc với xã Hoành Mô, xã Lục Hồn và xã Quảng Tân."
    assert _homes(registry, "xã", "Quảng Tân") == {"Lâm Đồng", "Quảng Ninh"}
    assert _names(text, registry) == ("Quảng Ninh", ["Hoành Mô", "Lục Hồn", "Quảng Tân"])


def test_communes_named_in_passing_or_former_do_not_vote(registry):
    # xã Nghĩa Hành: Nghệ An and Quảng Ngãi; phường Nghĩa Lộ: Lào Cai and Quảng Ngãi.
    text = "Đoàn làm việc với xã Nghĩa Hành, tỉnh Nghệ An; cách làm giống như phường Nghĩa Lộ."
    assert _names(text, registry) == ("Nghệ An", ["Nghĩa Hành"])


def test_a_list_that_mostly_fails_in_the_province_is_reported(registry):
    text = "Đoàn làm việc với các xã Khoen On, Pắc Ta, Nậm Sỏ và Mường Phăng."
    misses: list[str] = []
    province = registry.find_province("Điện Biên")  # as a caller's hint would give it
    names = [c.name for c in resolve_communes(text, registry, province, misses=misses)]
    assert names == ["Mường Phăng"]
    assert misses == ["xã Khoen On", "xã Pắc Ta", "xã Nậm Sỏ"]
    misses.clear()
    resolve_communes(text, registry, registry.find_province("Lai Châu"), misses=misses)
    assert misses == []  # three of four hold: the fourth is simply another province's


def test_spelling_decides_between_names_that_fold_alike(registry):
    # Both pairs are communes of Quảng Ngãi; without diacritics they are one name.
    assert _homes(registry, "xã", "Sơn Hà") == _homes(registry, "xã", "Sơn Hạ") == {"Quảng Ngãi"}
    assert _names("Tỉnh ủy Quảng Ngãi làm việc với xã Sơn Hà và xã Ba Tơ.", registry)[1] == ["Sơn Hà", "Ba Tơ"]
    assert _names("Tỉnh ủy Quảng Ngãi làm việc với xã Sơn Hạ và xã Ba Tô.", registry)[1] == ["Sơn Hạ", "Ba Tô"]
    # Old-style tone placement is the same spelling.
    assert _names("Tỉnh ủy Khánh Hòa làm việc với phường Hoà Thắng.", registry)[1] == ["Hòa Thắng"]


# --- linear time, never raising ---------------------------------------------------------


def _timed(function):
    """CPU seconds one run takes (this process's only: other work on a shared machine does
    not count). One run: look-ups are cached, so a second run of the same text would time
    the cache."""
    start = time.process_time()
    function()
    return time.process_time() - start


def _read(text, registry):
    mentions = find_commune_mentions(text)
    province = detect_province(text, registry, mentions)
    if province:
        resolve_communes(text, registry, province, mentions)


ARTICLE = (
    "Sáng 5/3 đồng chí Chủ tịch UBND tỉnh Lai Châu làm việc với các xã Mường Kim Than Uyên và "
    "Mường Than Đoàn đã làm việc với các xã bị thiệt hại nặng trong đợt mưa lũ vừa qua gồm "
    "Khoen On Pắc Ta và Nậm Sỏ xã Tả Lèng được thành lập trên cơ sở sáp nhập các xã cũ giáp xã "
    "Khun Há như xã Bản Bo thị xã cũ huyện cũ các xã khác như Tân Phong "
)


def test_400_kb_without_punctuation_is_read_in_well_under_a_second(registry):
    text = (ARTICLE * (400_000 // len(ARTICLE) + 1))[:400_000]
    _read("Tỉnh ủy Lai Châu làm việc với xã Pắc Ta.", registry)  # indexes are built once, untimed
    assert _timed(lambda: _read(text, registry)) < 1.0


ODD_SHAPES = {  # (start, unit repeated after it)
    "type words only": ("", "xã "),
    "type word and a name": ("", "xã Hoành Mô "),
    "a capitalised run after a type word": ("xã ", "Hòa "),
    "a capitalised run after a province word": ("Tỉnh ", "Hòa "),
    "a list that never ends": ("xã Hòa, ", "Hòa, "),
    "descriptions that never reach a list": ("", "các xã bị thiệt hại nặng "),
    "merger cues": ("", "sáp nhập các xã "),
    "neighbour cues": ("", "giáp các xã lân cận như "),
    "examples": ("", "các xã như xã Hòa "),
    "province words": ("", "Tỉnh "),
    "numbers": ("", "xã 1 "),
    "dashes": ("", "phường Văn - "),
    "brackets": ("", "(Hòa) "),
}


def _repeat(start, unit, size):
    return (start + unit * (size // len(unit) + 1))[:size]


@pytest.mark.parametrize(("start", "unit"), ODD_SHAPES.values(), ids=ODD_SHAPES.keys())
def test_time_grows_linearly_with_the_text(registry, start, unit):
    small, large = _repeat(start, unit, 50_000), _repeat(start, unit, 200_000)
    _read("Tỉnh ủy Lai Châu làm việc với xã Pắc Ta.", registry)
    small_time, large_time = _timed(lambda: _read(small, registry)), _timed(lambda: _read(large, registry))
    assert large_time < 1.0
    assert large_time < 8 * small_time + 0.1  # four times the text: about four times the time


def test_odd_input_never_raises(registry):
    odd = [
        "",
        " ",
        "xã",
        "xã ",
        "xã,",
        "xã:",
        "các xã:",
        "Xã (",
        "((((",
        ")))",
        "\x00\x01",
        "🙂 xã 🙂",
        "thị",
        "thị xã",
        "xã A,",
        "xã A và",
        "xã A, B và",
        "sáp nhập",
        "giáp xã",
        "như xã",
        "xã\n\nA",
        "xã Hòa (cũ",
        "xã Hòa cũ",
        "7 phường: ",
        "các xã bị hại, gồm",
        "phường - - -",
        "xã 1 2 3",
    ]
    words = [
        "xã",
        "phường",
        "đặc khu",
        "Xã",
        "các",
        "7",
        "Hòa",
        "Mô",
        "M’Drắk",
        "và",
        "cùng",
        ",",
        ":",
        "(",
        ")",
        "cũ",
        "(cũ)",
        "gồm",
        "như",
        "giáp",
        "sáp nhập",
        "thị",
        "tỉnh",
        "Tỉnh ủy",
        "-",
        "\n",
        "2",
    ]
    rng = random.Random(7)
    odd += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 40))) for _ in range(300)]
    for text in odd:
        mentions = find_commune_mentions(text)
        province = detect_province(text, registry, mentions) or registry.provinces[0]
        resolve_communes(text, registry, province, mentions, misses=[])
    assert find_commune_mentions(None) == []  # type: ignore[arg-type]
    assert detect_province(None, registry) is None  # type: ignore[arg-type]
    assert resolve_communes(None, registry, registry.provinces[0]) == []  # type: ignore[arg-type]
