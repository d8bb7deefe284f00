"""The leader: a named person with a provincial title, in either word order."""

from haicap.store.ingest.reader.leader import find_leader


def test_name_then_title():
    s = ["Chiều 3/4, đồng chí Lò Văn Minh, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh đã làm việc với xã."]
    assert find_leader(s) == "Lò Văn Minh (Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh)"


def test_title_then_name_and_longer_title_wins():
    s = ["Chủ tịch UBND tỉnh Hà Văn Lâm thăm xã", "Sáng 2/5, ông Hà Văn Lâm, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, đã đến."]
    assert find_leader(s) == "Hà Văn Lâm (Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh)"


def test_commune_officials_are_not_the_leader():
    s = ["Ông Đinh Văn Tú, Bí thư Đảng ủy xã, cho biết xã đạt kết quả tốt."]
    assert find_leader(s) is None


def test_city_abbreviation_inside_a_title():
    s = ["Sáng 20-10, Bí thư Thành ủy TP.HCM Nguyễn Văn Được đã làm việc với đặc khu."]
    assert find_leader(s) == "Nguyễn Văn Được (Bí thư Thành ủy TP.HCM)"


def test_place_between_title_and_name_is_part_of_the_title():
    s = ["Ngày 5/8, Bí thư Tỉnh ủy Hà Tĩnh Nguyễn Duy Lâm cùng đoàn công tác đã làm việc với xã."]
    assert find_leader(s) == "Nguyễn Duy Lâm (Bí thư Tỉnh ủy Hà Tĩnh)"
    s = ["Chiều 3/4, Chủ tịch UBND thành phố Huế Nguyễn Văn Phương làm việc với phường."]
    assert find_leader(s) == "Nguyễn Văn Phương (Chủ tịch UBND thành phố Huế)"


def test_headline_place_is_not_a_two_word_name():
    s = ["Bí thư Tỉnh ủy Hà Tĩnh làm việc với xã", "Sáng 5/8, đồng chí Nguyễn Duy Lâm, Bí thư Tỉnh ủy Hà Tĩnh đã đến."]
    assert find_leader(s) == "Nguyễn Duy Lâm (Bí thư Tỉnh ủy Hà Tĩnh)"


def test_ethnic_minority_family_names():
    s = ["Chiều 21/8, đồng chí Rah Lan Chung, Phó Bí thư Thường trực Tỉnh ủy Gia Lai, đã làm việc với phường."]
    assert find_leader(s) == "Rah Lan Chung (Phó Bí thư Thường trực Tỉnh ủy Gia Lai)"
