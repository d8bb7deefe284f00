"""Session dates: time-of-day openers, year from hint, article, full dates or today."""

import datetime as dt

from haicap.store.ingest.reader.dates import find_session_date


def test_time_of_day_date_takes_the_year_hint():
    assert find_session_date("Sáng 25/11, đoàn công tác làm việc.", year_hint=2030) == dt.date(2030, 11, 25)


def test_dash_dates_and_sentence_opening_ngay():
    assert find_session_date("Chiều 7-4, ông A làm việc.", year_hint=2026) == dt.date(2026, 4, 7)
    assert find_session_date("Ngày 3-2, bà B thăm xã.", year_hint=2026) == dt.date(2026, 2, 3)


def test_year_comes_from_the_article_before_today():
    body = "Sáng 10/6, đoàn làm việc với xã. Kết quả 5 tháng đầu năm 2026 khả quan, kế hoạch năm 2026 đạt."
    assert find_session_date(body, today=dt.date(2030, 1, 1)) == dt.date(2026, 6, 10)


def test_target_years_and_plan_periods_are_not_the_article_year():
    body = "Sáng 10/6, đoàn làm việc. Đến năm 2030 xã phấn đấu; nhiệm kỳ 2025-2030."
    assert find_session_date(body, today=dt.date(2027, 8, 1)) == dt.date(2027, 6, 10)


def test_year_from_today_never_puts_the_session_in_the_future():
    assert find_session_date("Chiều 20/12, đoàn làm việc.", today=dt.date(2027, 1, 5)) == dt.date(2026, 12, 20)
    assert find_session_date("Chiều 2/1, đoàn làm việc.", today=dt.date(2027, 1, 5)) == dt.date(2027, 1, 2)


def test_reference_dates_are_not_session_dates():
    body = "Các phường được thành lập từ ngày 1/7/2025 theo nghị quyết."
    assert find_session_date(body, today=dt.date(2026, 1, 1)) is None


def test_full_date_elsewhere_is_used_when_no_opener():
    assert find_session_date("Tin đăng 17/09/2026 16:33. Đoàn đã đến xã.") == dt.date(2026, 9, 17)


def test_wordy_date():
    assert find_session_date("Sáng ngày 2 tháng 12 năm 2026, đoàn làm việc.") == dt.date(2026, 12, 2)


def test_january_session_reviewing_last_year():
    body = "Chiều 15/1, đoàn làm việc với phường về kết quả công tác năm 2025."
    assert find_session_date(body, today=dt.date(2026, 3, 1)) == dt.date(2026, 1, 15)
    # No today: the article's year would put it before the communes existed, so the next.
    assert find_session_date(body) == dt.date(2026, 1, 15)


def test_date_in_brackets_after_sang_nay():
    body = "(TTXVN) - Sáng nay (8/4), đoàn công tác của tỉnh làm việc với phường."
    assert find_session_date(body, today=dt.date(2026, 4, 8)) == dt.date(2026, 4, 8)


def test_a_plan_year_does_not_put_the_session_in_the_future():
    body = "Chiều 3/10, đoàn làm việc với xã. Tỉnh sẽ bố trí vốn trong năm 2027."
    assert find_session_date(body, today=dt.date(2026, 10, 5)) == dt.date(2026, 10, 3)


def test_impossible_session_dates_are_named():
    from haicap.store.ingest.reader.dates import impossible_session_date

    assert impossible_session_date("Sáng 31/2, đoàn làm việc với xã.") == "Sáng 31/2"
    assert impossible_session_date("Chiều 30/4/2026, đoàn làm việc.") is None
    assert impossible_session_date("Chiều 29/2, đoàn làm việc.") is None  # exists in leap years
    assert impossible_session_date("Đoàn làm việc với xã.") is None


def test_a_full_date_in_words_inside_a_sentence():
    body = "Đoàn đã khảo sát mô hình tại phường Tân An ngày 4 tháng 9 năm 2026. Từ ngày 1 tháng 7 năm 2025, phường mới đi vào hoạt động."
    assert find_session_date(body) == dt.date(2026, 9, 4)


def test_a_day_with_no_year_never_falls_before_the_two_tier_communes():
    body = "Ngày 9/4, lãnh đạo tỉnh làm việc với phường Hòa Bình về kết quả năm 2025 và kế hoạch năm 2025."
    assert find_session_date(body, today=dt.date(2026, 6, 1)) == dt.date(2026, 4, 9)
    # After 1 July the year the article talks of stands.
    body = "Chiều 20/8, đoàn làm việc với xã về kết quả 6 tháng cuối năm 2025."
    assert find_session_date(body, today=dt.date(2026, 6, 1)) == dt.date(2025, 8, 20)
    # A full date is what the text says, even before the reform.
    assert find_session_date("Ngày 3/3/2025, huyện họp.") == dt.date(2025, 3, 3)


def test_a_report_for_a_session_gives_the_session_date_not_its_signing_date():
    body = (
        "UBND XÃ AN BÌNH\nAn Bình, ngày 5 tháng 10 năm 2026\nBÁO CÁO\n"
        "(Phục vụ cuộc làm việc với Thường trực HĐND tỉnh, ngày 8/10/2026)\n"
        "Thực hiện Công văn số 12/VP ngày 1/10/2026 về chuẩn bị nội dung làm việc, xã báo cáo như sau:"
    )
    assert find_session_date(body) == dt.date(2026, 10, 8)
    signed_only = "UBND XÃ AN BÌNH\nAn Bình, ngày 5 tháng 10 năm 2026\nBÁO CÁO\nKết quả thực hiện nhiệm vụ quý III."
    assert find_session_date(signed_only) == dt.date(2026, 10, 5)


def test_a_date_set_off_by_commas_before_the_actor_is_the_session():
    body = "Trong không khí phấn khởi đón năm mới, ngày 12/1, đồng chí Hà Văn Sơn cùng đoàn công tác đến thăm xã."
    assert find_session_date(body, today=dt.date(2027, 1, 20)) == dt.date(2027, 1, 12)
    # A date between commas that no actor follows is a reference.
    assert find_session_date("Theo kế hoạch, ngày 30/6, hồ sơ phải hoàn tất.", today=dt.date(2027, 1, 20)) is None


def test_the_day_of_the_session_named_without_its_year():
    body = "Sau buổi làm việc của Chủ tịch UBND tỉnh với xã ngày 8/3, phóng viên đã trao đổi với Chủ tịch xã."
    assert find_session_date(body, today=dt.date(2027, 3, 15)) == dt.date(2027, 3, 8)


def test_a_reform_date_named_near_the_session_is_not_its_day():
    body = (
        "Tại buổi làm việc, lãnh đạo xã báo cáo kết quả thực hiện nhiệm vụ kể từ ngày 1/7/2025, "
        "khi xã mới được thành lập. Buổi làm việc diễn ra trong không khí cởi mở."
    )
    assert find_session_date(body, today=dt.date(2026, 3, 10)) is None
    later = body + " Tại buổi làm việc ngày 9/3, đồng chí Bí thư ghi nhận kết quả của xã."
    assert find_session_date(later, today=dt.date(2026, 3, 10)) == dt.date(2026, 3, 9)
