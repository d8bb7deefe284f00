"""Whole made-up articles in several outlets' styles: speaker turns, minutes, quotes, several communes.

Each paragraph is listed with the kinds of the items the reader must find in it, in order.
Provinces, people and communes are invented for these tests or chosen at random.
"""

import datetime as dt

import pytest

from haicap.store.domain.text import clean
from haicap.store.ingest.reader import extract_text

A, D, R, DI = "achievement", "difficulty", "request", "directive"

ARTICLES = {
    "quangninh": [
        ("Chủ tịch UBND tỉnh Quảng Ninh làm việc với xã Quảng Tân", []),
        (
            "Chiều 18/6, đồng chí Phạm Đức Ấn, Chủ tịch UBND tỉnh Quảng Ninh đã có buổi làm việc với Đảng ủy, UBND xã Quảng Tân về tình hình triển khai nhiệm vụ 6 tháng đầu năm.",
            [],
        ),
        (
            "Xã Quảng Tân được thành lập trên cơ sở sáp nhập 3 xã Quảng Tân, Quảng Sơn và Quảng Lâm, có diện tích tự nhiên 168 km2, dân số hơn 18.000 người.",
            [],
        ),
        (
            "Báo cáo tại buổi làm việc, ông Hoàng Văn Tiến, Bí thư Đảng ủy xã Quảng Tân cho biết, sau hơn 1 tháng vận hành, bộ máy chính quyền xã hoạt động ổn định, thông suốt.",
            [A],
        ),
        ("Trung tâm Phục vụ hành chính công xã đã tiếp nhận 1.350 hồ sơ, 100% được giải quyết đúng hạn.", [A]),
        ("Thu ngân sách 6 tháng ước đạt 62% dự toán.", [A]),
        (
            "Tuy nhiên, trụ sở làm việc còn phân tán, đường truyền internet chưa ổn định, đội ngũ công chức chuyên môn về đất đai, xây dựng còn thiếu.",
            [D],
        ),
        ("Xã đề nghị tỉnh quan tâm đầu tư xây dựng trụ sở tập trung; bổ sung 3 biên chế công chức địa chính.", [R]),
        ("Lãnh đạo xã cũng mong muốn tỉnh sớm hỗ trợ kinh phí nâng cấp tuyến đường tỉnh 330.", [R]),
        ("Tại buổi làm việc, lãnh đạo các sở, ngành đã giải đáp, làm rõ các kiến nghị của xã.", []),
        ("Chủ tịch UBND tỉnh Phạm Đức Ấn phát biểu tại buổi làm việc.", []),
        (
            "Kết luận buổi làm việc, đồng chí Phạm Đức Ấn ghi nhận, đánh giá cao những kết quả xã Quảng Tân đạt được trong thời gian đầu vận hành mô hình chính quyền địa phương 2 cấp.",
            [A],
        ),
        (
            "Đồng chí cũng chỉ ra một số hạn chế như tiến độ giải ngân vốn đầu tư công còn chậm, công tác quản lý đất đai còn lúng túng.",
            [D],
        ),
        # A line that only announces a list is left out: the tasks are in the lines that follow.
        ("Thời gian tới, đồng chí yêu cầu Đảng ủy, chính quyền xã tập trung thực hiện tốt một số nhiệm vụ trọng tâm:", []),
        ("- Tiếp tục kiện toàn bộ máy, nâng cao chất lượng đội ngũ cán bộ, công chức.", [DI]),
        ("- Đẩy mạnh phát triển kinh tế lâm nghiệp, trồng rừng gỗ lớn.", [DI]),
        ("- Quan tâm chăm lo đời sống đồng bào dân tộc thiểu số.", [DI]),
        (
            "Đối với các kiến nghị của xã, đồng chí giao Sở Tài chính, Sở Xây dựng nghiên cứu, tham mưu UBND tỉnh xem xét, giải quyết.",
            [DI],
        ),
        ("Đồng chí khẳng định, UBND tỉnh sẽ luôn đồng hành, tạo điều kiện để xã phát triển.", []),
    ],
    "daklak_quote": [
        ("Phó Bí thư Tỉnh ủy Đắk Lắk làm việc với xã Ea Kar", []),
        (
            "Sáng 22/7, đồng chí Huỳnh Thị Chiến Hòa, Phó Bí thư Thường trực Tỉnh ủy Đắk Lắk đã làm việc với Ban Thường vụ Đảng ủy xã Ea Kar.",
            [],
        ),
        (
            "Theo báo cáo của Đảng ủy xã, 6 tháng đầu năm, tổng giá trị sản xuất ước đạt 1.250 tỷ đồng, tăng 8,5% so với cùng kỳ.",
            [A],
        ),
        (
            '"Sau sáp nhập, địa bàn xã rộng, giao thông đi lại khó khăn, nhiều thôn buôn ở xa trung tâm", ông Y Dhăm Niê, Chủ tịch UBND xã Ea Kar cho biết.',
            [D],
        ),
        ("Ông Y Dhăm Niê kiến nghị tỉnh xem xét đầu tư hệ thống thủy lợi phục vụ tưới cho 500 ha cà phê.", [R]),
        (
            "Phát biểu chỉ đạo, đồng chí Huỳnh Thị Chiến Hòa biểu dương tinh thần đoàn kết, nỗ lực của cán bộ, đảng viên xã Ea Kar.",
            [A],
        ),
        ("Đồng chí đề nghị xã tập trung phát triển nông nghiệp công nghệ cao, gắn với xây dựng thương hiệu cà phê.", [DI]),
        ("Xã cần làm tốt công tác dân vận, giữ vững an ninh chính trị vùng đồng bào dân tộc thiểu số.", [DI]),
        (
            '"Cán bộ xã phải sâu sát cơ sở, lắng nghe tâm tư, nguyện vọng của nhân dân", đồng chí Huỳnh Thị Chiến Hòa nhấn mạnh.',
            [DI],
        ),
        ("Lãnh đạo xã cho biết sẽ tiếp thu ý kiến chỉ đạo, khắc phục hạn chế trong thời gian tới.", []),
    ],
    "mixed": [
        ("Bí thư Tỉnh ủy Hà Tĩnh làm việc với xã Cẩm Xuyên", []),
        ("Ngày 5/8, Bí thư Tỉnh ủy Hà Tĩnh Nguyễn Duy Lâm cùng đoàn công tác đã làm việc với xã Cẩm Xuyên.", []),
        (
            "Lãnh đạo xã cho biết, Trung tâm phục vụ hành chính công đã vận hành ổn định, song vẫn còn khó khăn về hạ tầng công nghệ thông tin và mong tỉnh quan tâm đầu tư thiết bị.",
            [A, D, R],
        ),
        ("Thu ngân sách đạt 70% dự toán, tuy nhiên nguồn thu từ đất còn thấp.", [A, D]),
        (
            "Công tác giải phóng mặt bằng cao tốc Bắc - Nam cơ bản hoàn thành, nhưng một số hộ dân chưa nhận tiền bồi thường.",
            [A, D],
        ),
        (
            "Xã đã huy động hơn 5 tỷ đồng làm đường giao thông nông thôn; bên cạnh đó, một số tuyến kênh mương nội đồng bị xuống cấp nghiêm trọng.",
            [A, D],
        ),
        ("Đời sống nhân dân từng bước được cải thiện, song tỷ lệ hộ nghèo vẫn còn cao so với bình quân chung của tỉnh.", [A, D]),
        (
            "Ông Lê Văn Bình, Chủ tịch UBND xã Cẩm Xuyên đề xuất tỉnh xem xét cho phép chuyển đổi 20 ha đất lúa kém hiệu quả sang trồng cây ăn quả.",
            [R],
        ),
        (
            "Phát biểu kết luận, Bí thư Tỉnh ủy Nguyễn Duy Lâm đánh giá cao những kết quả xã đạt được, đồng thời yêu cầu xã khẩn trương khắc phục những hạn chế đã chỉ ra.",
            [A, DI],
        ),
        ("Đồng chí lưu ý xã phải chủ động phòng, chống thiên tai, bảo đảm an toàn cho người dân trong mùa mưa bão.", [DI]),
        ("UBND tỉnh sẽ chỉ đạo các sở xem xét, hỗ trợ xã về nguồn vốn.", []),
        ("Đồng chí giao Sở Nông nghiệp và Môi trường phối hợp với xã hướng dẫn thủ tục chuyển đổi đất lúa.", [DI]),
    ],
    "minutes": [
        ("Phó Chủ tịch UBND tỉnh Lào Cai làm việc với xã Bắc Hà", []),
        (
            "Sáng 9/9, đồng chí Hoàng Quốc Bảo, Phó Chủ tịch UBND tỉnh Lào Cai đã làm việc với xã Bắc Hà về tình hình kinh tế - xã hội.",
            [],
        ),
        ("Theo báo cáo, 8 tháng năm 2025, xã đã giải quyết 2.140 hồ sơ thủ tục hành chính, không có hồ sơ trễ hạn.", [A]),
        ("Xã có một số kiến nghị như sau:", []),
        ("+ Đề nghị tỉnh hỗ trợ kinh phí sửa chữa 5 phòng học bị hư hỏng do mưa lũ.", [R]),
        ("+ Đề nghị Sở Xây dựng hướng dẫn cấp phép xây dựng nhà ở nông thôn.", [R]),
        ("+ Bố trí vốn xây dựng cầu treo qua suối Nậm Khánh.", [R]),
        ("Kết luận buổi làm việc, đồng chí Hoàng Quốc Bảo yêu cầu xã tập trung các nhiệm vụ:", []),
        ("1. Rà soát, hoàn thiện quy hoạch chung xây dựng xã.", [DI]),
        ("2. Đẩy nhanh tiến độ giải ngân vốn các chương trình mục tiêu quốc gia.", [DI]),
        ("3. Làm tốt công tác phòng, chống thiên tai.", [DI]),
        ("Về giao thông: xã phải hoàn thành sửa chữa các điểm sạt lở trước ngày 30/9.", [DI]),
        ("Về giáo dục: bảo đảm đủ phòng học cho năm học mới.", [DI]),
    ],
    "city_ward": [
        ("Bí thư Thành ủy Hải Phòng làm việc với phường Lê Chân", []),
        (
            "Chiều 3/10, ông Lê Tiến Châu, Ủy viên Trung ương Đảng, Bí thư Thành ủy Hải Phòng đã làm việc với Ban Thường vụ Đảng ủy phường Lê Chân.",
            [],
        ),
        (
            "Bà Nguyễn Thị Thu Hà, Bí thư Đảng ủy phường Lê Chân báo cáo, 9 tháng đầu năm, phường thu ngân sách đạt 112% dự toán.",
            [A],
        ),
        ("Phường không gặp khó khăn, vướng mắc trong vận hành mô hình chính quyền hai cấp.", [A]),
        ("Tuy vậy, tình trạng ngập úng cục bộ khi mưa lớn vẫn xảy ra tại một số tuyến phố.", [D]),
        ("Đảng ủy phường kiến nghị Thành phố đầu tư cải tạo hệ thống thoát nước khu vực chợ Hàng.", [R]),
        ("Phát biểu tại buổi làm việc, ông Lê Tiến Châu khen ngợi phường đã hoàn thành tốt nhiệm vụ.", [A]),
        ("Ông yêu cầu phường tập trung chỉnh trang đô thị, xử lý dứt điểm tình trạng lấn chiếm vỉa hè.", [DI]),
        ("Phường cần phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể.", [DI]),
        ("Về kiến nghị của phường, ông Lê Tiến Châu cho biết Thành phố sẽ xem xét, bố trí vốn trong năm 2026.", []),
    ],
    "turns": [
        ("Chủ tịch UBND tỉnh Tây Ninh kiểm tra tình hình hoạt động của xã Tân Biên", []),
        (
            "Ngày 16/7, ông Nguyễn Văn Út, Chủ tịch UBND tỉnh Tây Ninh, dẫn đầu đoàn công tác đến kiểm tra tình hình hoạt động của xã Tân Biên.",
            [],
        ),
        ("Ông Trần Văn Sáu, Chủ tịch UBND xã Tân Biên, cho biết xã đã bố trí đủ cán bộ tại bộ phận một cửa.", [A]),
        ("Theo ông Sáu, phần mềm quản lý văn bản thường xuyên bị lỗi, gây chậm trễ trong xử lý hồ sơ.", [D]),
        ('"Chúng tôi rất mong tỉnh sớm nâng cấp đường truyền và trang bị thêm máy tính cho cán bộ", ông Sáu nói.', [R]),
        (
            "Phát biểu chỉ đạo, ông Nguyễn Văn Út yêu cầu xã rà soát lại quy trình tiếp nhận hồ sơ, không để người dân phải đi lại nhiều lần.",
            [DI],
        ),
        ("Ông Út nhấn mạnh, cán bộ xã phải thay đổi tư duy từ quản lý sang phục vụ.", [DI]),
        ("Bên cạnh đó, xã cần chủ động xây dựng kế hoạch phát triển kinh tế - xã hội giai đoạn 2025-2030.", [DI]),
        (
            "Đối với kiến nghị về đường truyền, ông Út giao Sở Khoa học và Công nghệ khẩn trương kiểm tra, khắc phục trong tháng 7.",
            [DI],
        ),
        (
            "Trao đổi với phóng viên, Bí thư Đảng ủy xã Tân Biên Lê Thị Hoa cho biết, xã sẽ nghiêm túc tiếp thu các ý kiến chỉ đạo.",
            [],
        ),
        ("Bà Hoa cho biết thêm, hiện xã còn 120 hộ nghèo, chiếm 2,1% tổng số hộ.", [D]),
    ],
    "leader_states": [
        ("Phó Bí thư Thường trực Tỉnh ủy Gia Lai làm việc với phường An Nhơn", []),
        (
            "Chiều 21/8, đồng chí Rah Lan Chung, Phó Bí thư Thường trực Tỉnh ủy Gia Lai, đã làm việc với Đảng ủy phường An Nhơn.",
            [],
        ),
        ("Theo báo cáo tại buổi làm việc, phường có 12 khu phố, dân số hơn 45.000 người.", []),
        ("Sau hợp nhất, phường duy trì tốc độ tăng trưởng khá, kinh tế - xã hội tiếp tục phát triển.", [A]),
        ("Tuy nhiên, phường vẫn còn nhiều dự án chậm tiến độ do vướng mắc giải phóng mặt bằng.", [D]),
        ("Lãnh đạo phường kiến nghị tỉnh xem xét điều chỉnh quy hoạch khu công nghiệp Nhơn Hòa.", [R]),
        (
            "Kết luận buổi làm việc, đồng chí Rah Lan Chung đánh giá cao những nỗ lực của Đảng bộ, chính quyền và nhân dân phường.",
            [A],
        ),
        ("Tuy nhiên, đồng chí cũng thẳng thắn chỉ ra công tác quản lý trật tự xây dựng, đô thị vẫn còn hạn chế.", [D]),
        ("Đồng chí đề nghị Đảng ủy phường tập trung lãnh đạo thực hiện thắng lợi nghị quyết đại hội.", [DI]),
        ("Phường phải quyết liệt hơn trong giải phóng mặt bằng, bảo đảm tiến độ các dự án trọng điểm.", [DI]),
        ("Về các kiến nghị của phường, đồng chí đề nghị các sở, ngành liên quan xem xét, giải quyết theo thẩm quyền.", [DI]),
        ("Đồng chí cho biết tỉnh sẽ nghiên cứu, hỗ trợ phường trong thời gian tới.", []),
    ],
    "ask_mixed": [
        ("Bí thư Tỉnh ủy Phú Thọ làm việc với xã Thanh Sơn", []),
        ("Sáng 11/9, đồng chí Đặng Xuân Phong, Bí thư Tỉnh ủy Phú Thọ đã làm việc với Ban Thường vụ Đảng ủy xã Thanh Sơn.", []),
        ("Bí thư Đảng ủy xã Thanh Sơn Hà Văn Thắng cho biết, xã đã hoàn thành sắp xếp 45 thôn, khu dân cư.", [A]),
        (
            "Xã đề nghị tỉnh quan tâm hỗ trợ kinh phí xây dựng nhà văn hóa, đồng thời sớm ban hành quy định về chế độ cho cán bộ không chuyên trách.",
            [R],
        ),
        ("Ngoài ra, xã kiến nghị Sở Giáo dục và Đào tạo bố trí đủ giáo viên cho các trường mầm non.", [R]),
        ("Đồng chí Đặng Xuân Phong ghi nhận kết quả xã đạt được và yêu cầu xã tiếp tục phát huy.", [A, DI]),
        ("Đồng chí đề nghị xã quan tâm phát triển cây chè, cây ăn quả, hình thành vùng nguyên liệu tập trung.", [DI]),
        ("Đồng thời yêu cầu các sở, ngành tháo gỡ vướng mắc cho xã về đất đai.", [DI]),
    ],
    "multi": [
        ("Chủ tịch UBND tỉnh Quảng Trị kiểm tra tình hình hoạt động tại các xã vùng biên", []),
        (
            "Ngày 28/7, đồng chí Võ Văn Hưng, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Quảng Trị cùng đoàn công tác đã đi kiểm tra tình hình hoạt động của bộ máy chính quyền tại xã Lìa và xã A Dơi.",
            [],
        ),
        ("Tại xã Lìa, Chủ tịch UBND xã Hồ Văn Bình cho biết, sau sắp xếp, xã có diện tích 180 km2 với 14 thôn.", []),
        ("Trung tâm Phục vụ hành chính công xã hoạt động ổn định, đã tiếp nhận, giải quyết 420 hồ sơ.", [A]),
        ("Tuy nhiên, đường truyền internet yếu, thường xuyên mất kết nối, ảnh hưởng đến việc giải quyết hồ sơ trực tuyến.", [D]),
        ("Xã đề nghị tỉnh đầu tư hạ tầng viễn thông và bố trí thêm 2 biên chế công chức tư pháp.", [R]),
        ("Tại xã A Dơi, lãnh đạo xã cho biết trụ sở làm việc đang phải tạm mượn trường học cũ.", [D]),
        ("Xã kiến nghị tỉnh hỗ trợ kinh phí sửa chữa trụ sở.", [R]),
        ("Phát biểu tại buổi kiểm tra, đồng chí Võ Văn Hưng biểu dương sự nỗ lực của cán bộ, công chức hai xã.", [A]),
        ("Đồng chí đề nghị các xã tiếp tục rà soát, sắp xếp vị trí việc làm phù hợp với năng lực cán bộ.", [DI]),
        ("Đồng chí giao Sở Khoa học và Công nghệ làm việc với các nhà mạng để nâng cấp đường truyền cho các xã vùng biên.", [DI]),
        ("Các sở, ngành sẽ nghiên cứu, xem xét hỗ trợ kinh phí sửa chữa trụ sở cho xã A Dơi.", []),
    ],
    "vnx": [
        ("Bí thư Thành ủy Đà Nẵng: Phường Hải Châu phải đi đầu chuyển đổi số", []),
        ("Sáng 10/10, Bí thư Thành ủy Đà Nẵng Nguyễn Văn Quảng làm việc với Đảng ủy phường Hải Châu.", []),
        (
            "Ông Lê Văn Trung, Bí thư Đảng ủy phường, nói sau ba tháng vận hành, phường đã giải quyết hơn 8.000 hồ sơ, tỷ lệ đúng hạn đạt 99,6%.",
            [A],
        ),
        ("Theo ông Trung, khó khăn lớn nhất là trụ sở chật, thiếu chỗ để xe cho người dân đến làm thủ tục.", [D]),
        ("Ông đề xuất thành phố cho phường sử dụng trụ sở cũ của quận để bố trí Trung tâm hành chính công.", [R]),
        (
            "Ông Nguyễn Văn Quảng nói phường Hải Châu là trung tâm của thành phố, vì vậy phải đi đầu trong chuyển đổi số và cải cách hành chính.",
            [DI],
        ),
        ("Ông đồng ý chủ trương cho phường sử dụng trụ sở cũ, giao UBND thành phố chỉ đạo thực hiện.", [DI]),
        ('"Người dân đến phường phải được phục vụ tận tình, không để ai phải quay lại lần thứ hai", ông Quảng nói.', [DI]),
    ],
    "nhandan": [
        ("Đồng chí Nguyễn Thị Hà, Phó Chủ tịch UBND tỉnh Thái Nguyên làm việc với xã Định Hóa", []),
        ("Chiều 2/9, đồng chí Nguyễn Thị Hà, Phó Chủ tịch UBND tỉnh Thái Nguyên có buổi làm việc với xã Định Hóa.", []),
        ("Báo cáo của UBND xã cho thấy, 8 tháng, tổng thu ngân sách trên địa bàn đạt 18,5 tỷ đồng, bằng 74% dự toán.", [A]),
        ("Sản xuất nông nghiệp phát triển ổn định, diện tích chè đạt 1.200 ha.", [A]),
        ("Xã cũng gặp không ít khó khăn như: địa hình phức tạp, hạ tầng giao thông chưa đồng bộ, nguồn lực đầu tư hạn chế.", [D]),
        ("Kết luận buổi làm việc, đồng chí Nguyễn Thị Hà đề nghị:", []),  # announces the list that follows
        ("Xã cần quan tâm công tác quy hoạch, quản lý đất đai, tài nguyên khoáng sản.", [DI]),
        ("Phát triển sản phẩm chè theo chuỗi giá trị, gắn với du lịch lịch sử.", [DI]),
        ("Đẩy mạnh thu ngân sách, phấn đấu hoàn thành vượt dự toán năm 2025.", [DI]),
        ("Quan tâm chăm lo công tác an sinh xã hội, không để người dân nào bị bỏ lại phía sau.", [DI]),
    ],
    "sapo": [
        ("Chủ tịch UBND tỉnh Cà Mau làm việc với xã Trần Văn Thời", []),
        (
            "(Báo Cà Mau) - Chiều 14/8, ông Lữ Quang Ngời, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Cà Mau, đã đến làm việc với xã Trần Văn Thời về tình hình thực hiện nhiệm vụ.",
            [],
        ),
        ("Ông Lữ Quang Ngời, Chủ tịch UBND tỉnh phát biểu chỉ đạo tại buổi làm việc.", []),
        ("Theo báo cáo, sau 45 ngày vận hành, xã đã tiếp nhận 1.865 hồ sơ, giải quyết đúng hạn 1.820 hồ sơ.", [A]),
        ("Lãnh đạo xã Trần Văn Thời báo cáo tại buổi làm việc.", []),
        ("Tuy nhiên, nhiều tuyến đê biển bị sạt lở, đe dọa sản xuất của người dân.", [D]),
        ("Xã kiến nghị tỉnh sớm đầu tư kè chống sạt lở đoạn qua ấp Rạch Gốc.", [R]),
        ("Ông Lữ Quang Ngời đề nghị xã tập trung chỉ đạo sản xuất vụ tôm - lúa, bảo đảm hiệu quả;", [DI]),
        ("đồng thời khẩn trương lập danh sách các hộ dân trong vùng nguy cơ sạt lở để có phương án di dời", [DI]),
    ],
}


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_written_article(name, registry):
    paragraphs = ARTICLES[name]
    extraction = extract_text("\n".join(p for p, _ in paragraphs), registry, today=dt.date(2026, 6, 1))
    got = [[i.kind for i in extraction.items if i.text in clean(p)] for p, _ in paragraphs]
    assert got == [kinds for _, kinds in paragraphs]
    assert all(any(i.text in clean(p) for p, _ in paragraphs) for i in extraction.items)
