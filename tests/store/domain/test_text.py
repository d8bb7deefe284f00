"""haicap.store.domain.text: normalisation, folding for search, and Vietnamese dictionary order."""

from __future__ import annotations

import unicodedata

import pytest

from haicap.store.domain.text import clean, fold, matches, shorten, sort_key

# -- clean ---------------------------------------------------------------------------


def test_clean_turns_nfd_into_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Thôn Đồng Bưởi")
    assert decomposed != "Thôn Đồng Bưởi"  # the test input really is decomposed
    cleaned = clean(decomposed)
    assert cleaned == "Thôn Đồng Bưởi"
    assert unicodedata.is_normalized("NFC", cleaned)


def test_clean_collapses_whitespace_and_trims() -> None:
    assert clean("  xã \t Ngọc\n\nTrạo\u00a0 ") == "xã Ngọc Trạo"


def test_clean_keeps_text_that_is_already_clean() -> None:
    assert clean("Đê sông Bưởi bị sạt lở.") == "Đê sông Bưởi bị sạt lở."


# -- fold ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Ngọc Trạo", "ngoc trao"),
        ("ĐẮK LẮK", "dak lak"),
        ("đường Đồng Bưởi", "duong dong buoi"),
        ("Ủy ban  nhân dân\txã", "uy ban nhan dan xa"),
        (unicodedata.normalize("NFD", "Thủy Nguyên"), "thuy nguyen"),
    ],
)
def test_fold_strips_diacritics_case_and_extra_spaces(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_handles_d_with_stroke_in_both_cases() -> None:
    assert fold("Đđ") == "dd"
    assert fold("Điện Biên") == fold("dien bien") == fold("DIEN BIEN")


def test_fold_makes_old_and_new_tone_placement_equal() -> None:
    assert "Hoà" != "Hòa"  # different code points in NFC
    assert fold("Hoà") == fold("Hòa") == "hoa"
    assert fold("Khánh Hoà") == fold("Khánh Hòa")
    assert fold("thuỷ") == fold("thủy")


# -- matches -------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["ngoc trao", "Ngoc Trao", "ngọc trạo", "NGỌC TRẠO", "trao", "  ngoc   ", ""])
def test_matches_finds_ngoc_trao_however_typed(query: str) -> None:
    assert matches(query, "Ngọc Trạo")


def test_matches_accepts_words_in_any_order() -> None:
    assert matches("tan kim", "xã Kim Tân")
    assert matches("xa tan", "xã Kim Tân")


@pytest.mark.parametrize("query", ["kim tam", "ngoc trai", "phuong", "vân du"])
def test_matches_rejects_words_that_are_not_there(query: str) -> None:
    assert not matches(query, "xã Kim Tân")


def test_matches_ignores_tone_placement() -> None:
    assert matches("hoà", "Khánh Hòa")
    assert matches("hòa", "Khánh Hoà")


# -- sort_key ------------------------------------------------------------------------


def _order(*words: str) -> list[str]:
    return sorted(words, key=sort_key)


def test_sort_key_puts_modified_vowels_after_their_base_letter() -> None:
    assert _order("b", "â", "ă", "a") == ["a", "ă", "â", "b"]
    assert _order("e", "đ", "d") == ["d", "đ", "e"]
    assert _order("ơ", "p", "ô", "o") == ["o", "ô", "ơ", "p"]
    assert _order("v", "ư", "u") == ["u", "ư", "v"]
    assert _order("Đông Sơn", "Điện Biên", "Duy Tân", "Eo Gió") == ["Duy Tân", "Điện Biên", "Đông Sơn", "Eo Gió"]


def test_sort_key_puts_a_shorter_word_before_a_longer_one() -> None:
    assert _order("Anh Sơn", "An Lộc") == ["An Lộc", "Anh Sơn"]


def test_sort_key_orders_tones_ngang_huyen_hoi_nga_sac_nang() -> None:
    assert _order("mạ", "má", "mã", "mả", "mà", "ma") == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_sort_key_compares_letters_before_tones() -> None:
    # "Thạch" has the heaviest tone but "c" < "n" decides first.
    assert _order("Thanh", "Thạch") == ["Thạch", "Thanh"]
    assert _order("bà", "ba", "bả", "bác") == ["ba", "bà", "bả", "bác"]


def test_sort_key_ignores_case_and_normalisation_form() -> None:
    assert sort_key("Ăn Đông") == sort_key("ăn đông")
    assert sort_key(unicodedata.normalize("NFD", "Ngọc Trạo")) == sort_key("Ngọc Trạo")


def test_sort_key_differs_from_code_point_order() -> None:
    words = ["Yên Định", "Đông Tiến", "Ân Tín", "Bá Thước"]
    assert sorted(words) != _order(*words)  # plain sort puts Đ and Â after Y
    assert _order(*words) == ["Ân Tín", "Bá Thước", "Đông Tiến", "Yên Định"]


# -- shorten ----------------------------------------------------------------------------


def test_shorten_keeps_a_text_that_fits() -> None:
    assert shorten("Ngọc Trạo", 9) == "Ngọc Trạo"


def test_shorten_cuts_to_the_width_with_an_ellipsis() -> None:
    cut = shorten("Ủy ban nhân dân xã Ngọc Trạo", 12)
    assert cut == "Ủy ban nhân…" and len(cut) <= 12


def test_shorten_drops_the_space_before_the_ellipsis() -> None:
    assert shorten("hai ba bốn năm", 8) == "hai ba…"


def test_shorten_to_nothing_is_only_the_ellipsis() -> None:
    assert shorten("dài", 0) == "…"


def test_shorten_at_word_cuts_between_words() -> None:
    text = "Chủ tịch UBND tỉnh làm việc với các phường: Bình Minh, Hòa Lạc"
    cut = shorten(text, 48, at_word=True)
    assert cut == "Chủ tịch UBND tỉnh làm việc với các phường:…" and len(cut) <= 48
    assert shorten(text, 48) == "Chủ tịch UBND tỉnh làm việc với các phường: Bìn…", "without at_word, the cut is exact"


def test_shorten_at_word_keeps_a_word_that_ends_at_the_cut() -> None:
    assert shorten("hai ba bốn năm", 7, at_word=True) == "hai ba…"


def test_shorten_at_word_cuts_a_text_without_spaces_where_it_must() -> None:
    assert shorten("Ngọc-Trạo-Vân-Du", 8, at_word=True) == "Ngọc-Tr…"


def test_invisible_characters_from_copied_pages_do_not_split_words():
    copied = "Đảng\u00a0ủy x\u200bã Hòa\u00adBình\ufeff "
    assert clean(copied) == "Đảng ủy xã HòaBình"
    assert fold("x\u200bã Ngọc\u2060 Trạo") == fold("xã Ngọc Trạo") == "xa ngoc trao"
