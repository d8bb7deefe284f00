"""The sentence splitter: abbreviations, numbers, ellipses, quotes, captions."""

import pytest

from haicap.store.ingest.reader.sentences import split_paragraphs, split_sentences


def test_splits_at_full_stop_before_capital():
    assert split_sentences("Xã đạt 12 tiêu chí. Thu ngân sách tăng.") == ["Xã đạt 12 tiêu chí.", "Thu ngân sách tăng."]


def test_abbreviations_do_not_end_a_sentence():
    text = "Đoàn công tác của TP. Cần Thơ gồm ThS. Lê Minh và TS. Hà An. Buổi làm việc bắt đầu."
    assert split_sentences(text) == [
        "Đoàn công tác của TP. Cần Thơ gồm ThS. Lê Minh và TS. Hà An.",
        "Buổi làm việc bắt đầu.",
    ]


def test_single_initial_does_not_end_a_sentence():
    assert len(split_sentences("Ông Nguyễn V. Hòa phát biểu. Sau đó đoàn về.")) == 2


def test_numbers_dates_and_periods_stay_whole():
    text = "Sáng 14/3, xã giải quyết 1.250 hồ sơ, giai đoạn 2025-2030 đạt 98,5%. Tiếp theo là phần hỏi đáp."
    assert split_sentences(text)[0] == "Sáng 14/3, xã giải quyết 1.250 hồ sơ, giai đoạn 2025-2030 đạt 98,5%."


def test_ellipsis_before_capital_ends_a_sentence_but_not_before_lower_case():
    assert split_sentences("dự án giao thông... Đại diện sở trả lời.") == ["dự án giao thông...", "Đại diện sở trả lời."]
    assert split_sentences("các công trình... và nhiều việc khác.") == ["các công trình... và nhiều việc khác."]


def test_closing_quote_stays_with_its_sentence():
    assert split_sentences('Ông nói: "Phải làm ngay." Sau đó ông rời đi.') == ['Ông nói: "Phải làm ngay."', "Sau đó ông rời đi."]


def test_photo_credit_is_its_own_sentence():
    assert split_sentences("Lãnh đạo xã báo cáo tại buổi làm việc. Ảnh: Thu Hà") == [
        "Lãnh đạo xã báo cáo tại buổi làm việc.",
        "Ảnh: Thu Hà",
    ]


def test_paragraphs_are_cleaned_lines():
    assert split_paragraphs("  Dòng  một \n\n\nDòng hai\n") == ["Dòng một", "Dòng hai"]


def test_list_labels_do_not_end_a_sentence():
    assert split_sentences("2. Đẩy nhanh tiến độ giải ngân vốn.") == ["2. Đẩy nhanh tiến độ giải ngân vốn."]
    assert split_sentences("II. Nhiệm vụ thời gian tới") == ["II. Nhiệm vụ thời gian tới"]
    assert split_sentences("Xã đạt 98,5%. 100% hồ sơ đúng hạn.") == ["Xã đạt 98,5%.", "100% hồ sơ đúng hạn."]


def test_more_abbreviations_and_quotes():
    assert split_sentences("Tại TP. Thủ Đức và TX. Bến Cát, PGS.TS. Lê An phát biểu. Xong.") == [
        "Tại TP. Thủ Đức và TX. Bến Cát, PGS.TS. Lê An phát biểu.",
        "Xong.",
    ]
    assert split_sentences("“Xã phải làm ngay”, ông An nói. Sau đó ông rời đi.") == [
        "“Xã phải làm ngay”, ông An nói.",
        "Sau đó ông rời đi.",
    ]


def test_line_without_final_punctuation_is_a_sentence():
    assert split_sentences("Tổng vốn là 1,5 tỷ đồng. Đồng chí yêu cầu xã làm tốt") == [
        "Tổng vốn là 1,5 tỷ đồng.",
        "Đồng chí yêu cầu xã làm tốt",
    ]


def test_so_ends_a_sentence_it_is_no_abbreviation():
    text = (
        "Xã đẩy mạnh chuyển đổi số. Người dân nộp hồ sơ trực tuyến. Hỗ trợ 40 hộ dân tộc thiểu số. “Chúng tôi rất vui”, ông nói."
    )
    assert len(split_sentences(text)) == 4


def test_roman_numeral_after_a_common_noun_ends_a_sentence():
    text = "Xã đạt nhiều kết quả trong quý I. Ông Lâm cũng nêu một số hạn chế."
    assert split_sentences(text) == ["Xã đạt nhiều kết quả trong quý I.", "Ông Lâm cũng nêu một số hạn chế."]
    text = "Tỉnh hoàn thành kế hoạch giai đoạn V. Sau đó, đoàn về xã Bình Minh."
    assert len(split_sentences(text)) == 2
    assert len(split_sentences("Bà Hà Thị B. Ngọc phát biểu. Sau đó đoàn về.")) == 2


@pytest.mark.parametrize("opening", ["(", "“", "[", "« ("])
def test_a_bracket_that_opens_the_next_line_is_not_kept_on_this_one(opening):
    # The page broke a caption "(Ảnh: …)" off after its bracket: the sentence ends at its stop.
    paragraph = f"Phường đã hoàn thành việc cấp nước sạch cho các hộ dân. {opening}"
    assert split_sentences(paragraph) == ["Phường đã hoàn thành việc cấp nước sạch cho các hộ dân."]


def test_brackets_that_close_or_hold_text_stay():
    assert split_sentences("Xã đạt 19 tiêu chí (kế hoạch 18).") == ["Xã đạt 19 tiêu chí (kế hoạch 18)."]
    assert split_sentences("Ông An nói: “Xã sẽ làm ngay") == ["Ông An nói: “Xã sẽ làm ngay"]
