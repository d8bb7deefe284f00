"""Page furniture pasted with an article is not read; the article itself is untouched."""

from haicap.store.ingest.reader.page_noise import drop_page_noise


def test_breadcrumb_buttons_and_tags_are_dropped():
    lines = [
        "Trang chủ > Chính trị > Địa phương",
        "Chia sẻ",
        "Sáng 2/6, đoàn công tác của tỉnh làm việc với phường Tân Hòa.",
        "In bài",
        "5 bình luận",
        "Từ khóa: phường Tân Hòa, chuyển đổi số",
    ]
    assert drop_page_noise(lines) == ["Sáng 2/6, đoàn công tác của tỉnh làm việc với phường Tân Hòa."]


def test_related_headlines_are_dropped_until_the_article_resumes():
    lines = [
        "Phường đã hoàn thành 9/10 chỉ tiêu.",
        "TIN LIÊN QUAN:",
        "Xã Bình Minh khắc phục sạt lở bờ sông",
        "- Phường Đông Sơn đẩy mạnh cải cách hành chính",
        "Kết luận buổi làm việc, đồng chí Trưởng đoàn yêu cầu phường tập trung giải phóng mặt bằng.",
        "Xem thêm: Tỉnh họp bàn giải ngân vốn đầu tư công",
    ]
    assert drop_page_noise(lines) == [
        "Phường đã hoàn thành 9/10 chỉ tiêu.",
        "Kết luận buổi làm việc, đồng chí Trưởng đoàn yêu cầu phường tập trung giải phóng mặt bằng.",
    ]


def test_a_video_page_lists_its_other_videos_like_related_headlines():
    lines = [
        "Chủ tịch UBND tỉnh yêu cầu xã hoàn thành nạo vét kênh trước mùa mưa.",
        "Video khác:",
        "- Xã Hòa Bình ra quân làm giao thông nông thôn",
        "Clip liên quan",
        "Phường Tân An đối thoại với người dân",
        "Tin, ảnh liên quan:",
        "Xã Hòa Bình tổ chức ngày hội đại đoàn kết",
        "Tin/Video liên quan",
        "Phường Tân An ra quân dọn vệ sinh",
    ]
    assert drop_page_noise(lines) == ["Chủ tịch UBND tỉnh yêu cầu xã hoàn thành nạo vét kênh trước mùa mưa."]


def test_article_lines_that_look_alike_are_kept():
    lines = [
        "Chủ đề của buổi làm việc là chuyển đổi số trong cải cách hành chính.",
        "Lưu ý xã cần rà soát các hộ có nguy cơ tái nghèo.",
        "Theo dõi sát diễn biến thời tiết, chủ động phương án sơ tán dân.",
        "Kết quả thực hiện nhiệm vụ 6 tháng đầu năm",
        "Xã / phường / đặc khu đều phải hoàn thành trước ngày 30/6.",
        "Ảnh khác biệt rõ giữa trước và sau khi chỉnh trang đô thị.",
    ]
    assert drop_page_noise(lines) == lines
