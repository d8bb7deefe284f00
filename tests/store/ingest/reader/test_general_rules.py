"""General rules proven on sentences written for these tests (no devset sentence, person or commune).

Each case is one sentence after a short made-up context: the session's opening, then either
the commune's report (REPORT) or the leader's concluding speech (SPEECH). The reader must
give the expected kinds, and each item must be whole clauses of the sentence copied verbatim.
"""

import pytest

from haicap.store.domain.text import clean
from haicap.store.ingest.reader.clauses import split_clauses
from haicap.store.ingest.reader.item_spans import LEADING_CONJUNCTION, LIST_LABEL

from .helpers import items

OPENING = "Sáng 12/5, đồng chí Trần Quốc Hùng, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Nghệ An đã làm việc với xã Hưng Nguyên."
REPORT = (
    "Báo cáo tại buổi làm việc, ông Phan Văn Lâm, Bí thư Đảng ủy xã Hưng Nguyên cho biết, 4 tháng đầu năm xã đạt nhiều kết quả."
)
SPEECH = "Phát biểu kết luận buổi làm việc, đồng chí Trần Quốc Hùng ghi nhận nỗ lực của xã."
CONTEXT = {"opening": [OPENING], "report": [OPENING, REPORT], "speech": [OPENING, SPEECH]}
A, D, R, DI = "achievement", "difficulty", "request", "directive"


def _whole_clauses(sentence: str) -> set[str]:
    """Every run of consecutive clauses of `sentence`, as the reader may give it: verbatim, but
    for a list label ("2. ") and a conjunction at the start of a clause that does not open the
    sentence ("nhưng …")."""
    clauses = split_clauses(sentence)
    runs = {sentence[first.start : last.end].strip(" ,;-–•*+") for i, first in enumerate(clauses) for last in clauses[i:]}
    runs |= {LIST_LABEL.sub("", run) for run in runs}
    return runs | {LEADING_CONJUNCTION.sub("", run) for run in runs if not sentence.startswith(run)}


def _kinds(context: str, sentence: str) -> list[str]:
    found = [(k, t) for k, t in items(*CONTEXT[context], sentence) if t in clean(sentence)]
    allowed = _whole_clauses(clean(sentence))
    for _, text in found:
        assert text in allowed, f"not whole clauses copied verbatim: {text!r}"
    return [k for k, _ in found]


# 1. "đề nghị" and its kin: the actor and the addressee decide.
ASKING = [
    ("report", "Xã đề nghị tỉnh quan tâm bố trí vốn xây dựng trụ sở mới.", [R]),
    ("report", "Lãnh đạo xã đề nghị UBND tỉnh quan tâm hỗ trợ kinh phí nạo vét kênh mương.", [R]),
    ("report", "Đảng ủy phường kiến nghị Thành phố sớm giải quyết dứt điểm dự án treo.", [R]),
    ("report", "Xã mong muốn tỉnh sớm đầu tư tuyến đường kết nối với quốc lộ 46.", [R]),
    ("report", "Địa phương mong tỉnh quan tâm, hỗ trợ xây dựng nhà văn hóa cộng đồng.", [R]),
    ("report", "UBND xã đề xuất tỉnh xem xét bổ sung biên chế công chức địa chính.", [R]),
    ("report", "Xã cũng kiến nghị cấp trên sớm ban hành hướng dẫn về quản lý đất công.", [R]),
    ("report", "Lãnh đạo xã mong muốn được tỉnh hỗ trợ thêm máy móc, thiết bị phục vụ chuyển đổi số.", [R]),
    ("report", "Xã mong muốn các sở, ngành tiếp tục quan tâm hỗ trợ xã.", [R]),
    ("report", "Lãnh đạo xã đề nghị Đoàn công tác quan tâm, hỗ trợ xã về kinh phí sửa chữa trụ sở.", [R]),
    ("report", "Đề nghị UBND tỉnh chỉ đạo các sở hướng dẫn xã thực hiện thủ tục thu hồi đất.", [R]),
    ("report", "Ông Lâm bày tỏ mong muốn tỉnh quan tâm đầu tư hạ tầng cho vùng đồng bào.", [R]),
    ("report", "Ông Lâm kiến nghị: tỉnh sớm có hướng dẫn cụ thể về việc sử dụng trụ sở dôi dư.", [R]),
    ("report", "Bà Nguyễn Thị Lan, Chủ tịch UBND xã cho rằng, tuyến đê sông Lam cần được đầu tư nâng cấp.", [R]),
    ("speech", "Đồng chí Chủ tịch UBND tỉnh đề nghị xã tập trung giải phóng mặt bằng các dự án trọng điểm.", [DI]),
    ("speech", "Đồng chí yêu cầu Đảng ủy, chính quyền xã nâng cao chất lượng phục vụ người dân.", [DI]),
    ("speech", "Đồng chí giao Sở Nông nghiệp và Môi trường phối hợp với xã rà soát quỹ đất.", [DI]),
    ("speech", "Ông Hùng đề nghị cấp ủy, chính quyền xã quan tâm công tác cán bộ.", [DI]),
    ("speech", "Chủ tịch UBND tỉnh yêu cầu các sở, ngành hỗ trợ xã tháo gỡ vướng mắc về đất đai.", [DI]),
    ("report", "Đồng chí Trần Quốc Hùng đề nghị xã khẩn trương hoàn thành quy hoạch chung.", [DI]),
    ("speech", "Đồng chí mong muốn cấp ủy, chính quyền xã tiếp tục phát huy tinh thần đoàn kết.", [DI]),
    ("speech", "Đồng chí cũng đề nghị các sở, ngành quan tâm hỗ trợ xã trong thu hút đầu tư.", [DI]),
    ("speech", "Đồng chí yêu cầu các cơ quan chuyên môn của tỉnh tiếp thu, giải quyết kiến nghị của xã.", [DI]),
    ("speech", "Đồng chí thống nhất với đề xuất của xã và giao UBND xã lập hồ sơ trình tỉnh.", [DI]),
]

# 2. One sentence, several kinds, cut at the turn.
MIXED = [
    (
        "report",
        "Lãnh đạo xã cho biết, Trung tâm phục vụ hành chính công đã vận hành ổn định, song vẫn còn khó khăn "
        "về hạ tầng công nghệ thông tin và mong tỉnh quan tâm đầu tư thiết bị.",
        [A, D, R],
    ),
    ("report", "Thu ngân sách đạt 70% dự toán, tuy nhiên nguồn thu từ đất còn thấp.", [A, D]),
    ("report", "Công tác giải phóng mặt bằng cơ bản hoàn thành, nhưng một số hộ dân chưa nhận tiền bồi thường.", [A, D]),
    (
        "report",
        "Xã đã huy động hơn 5 tỷ đồng làm đường giao thông nông thôn; bên cạnh đó, một số tuyến kênh mương "
        "nội đồng bị xuống cấp nghiêm trọng.",
        [A, D],
    ),
    ("report", "Đời sống nhân dân từng bước được cải thiện, song tỷ lệ hộ nghèo vẫn còn cao.", [A, D]),
    ("speech", "Đồng chí ghi nhận kết quả xã đạt được và yêu cầu xã tiếp tục phát huy.", [A, DI]),
]

# 3. Negation: a problem that did not happen is a result; an unmet goal is a problem.
NEGATION = [
    ("report", "Việc vận hành chính quyền hai cấp không gặp khó khăn, vướng mắc.", [A]),
    ("report", "Đến nay, xã chưa phát sinh vướng mắc trong giải quyết thủ tục hành chính.", [A]),
    ("report", "Trên địa bàn không còn tình trạng hồ sơ trễ hạn.", [A]),
    ("report", "Xã không để xảy ra điểm nóng về an ninh trật tự.", [A]),
    ("report", "Trên địa bàn không xảy ra cháy rừng.", [A]),
    ("report", "An ninh trật tự được đảm bảo, không xảy ra vụ việc phức tạp.", [A]),
    ("report", "Công tác giải phóng mặt bằng chưa hoàn thành theo kế hoạch.", [D]),
    ("report", "Cơ sở vật chất của trạm y tế chưa đáp ứng yêu cầu khám chữa bệnh.", [D]),
    ("report", "Tiến độ giải ngân vốn đầu tư công còn chậm.", [D]),
    ("report", "Xã chưa có quy hoạch chung được phê duyệt.", [D]),
]

# Results and problems in plain words.
CONTENT = [
    ("report", "Năm 2025, xã xây dựng được 30 nhà đại đoàn kết cho hộ nghèo.", [A]),
    ("report", "Thu nhập bình quân đầu người tăng lên 58 triệu đồng/năm.", [A]),
    ("report", "Tình hình an ninh chính trị, trật tự an toàn xã hội được giữ vững.", [A]),
    ("report", "Người dân đồng tình, ủng hộ chủ trương sáp nhập.", [A]),
    ("report", "Xã được công nhận đạt chuẩn nông thôn mới nâng cao năm 2024.", [A]),
    ("report", "Nguồn thu ngân sách của xã thấp, chủ yếu phụ thuộc vào ngân sách cấp trên.", [D]),
    ("report", "Tuy nhiên, đường truyền internet yếu, thường xuyên mất kết nối.", [D]),
    ("report", "Trụ sở làm việc của xã đang phải tạm mượn trường học cũ.", [D]),
    ("report", "Bà Lan cho biết thêm, hiện xã còn 120 hộ nghèo, chiếm 2,1% tổng số hộ.", [D]),
    ("report", "Hạ tầng giao thông, thủy lợi của xã còn yếu, chưa đồng bộ.", [D]),
    ("report", "Số hộ nghèo giảm 45 hộ so với đầu năm.", [A]),
    ("report", "Số vụ tai nạn giao thông tăng 3 vụ so với cùng kỳ.", [D]),
    ("report", "Không có hồ sơ nào bị trễ hạn.", [A]),
    ("report", "Xã chưa xử lý dứt điểm tình trạng ô nhiễm tại bãi rác thôn 3.", [D]),
    ("report", "Kinh tế của xã chủ yếu là sản xuất nông nghiệp.", []),
    ("report", "Xã rất cần nguồn vốn để xây dựng hệ thống thoát nước khu trung tâm.", [R]),
    ("report", "Về khó khăn, ông Lâm cho biết, địa bàn xã rộng, dân cư sống rải rác.", [D]),
]

# 4. None of the four: meta, captions, context, statistics, the province's promises.
NONE = [
    ("opening", "Đoàn công tác đã lắng nghe báo cáo, kiến nghị của xã.", []),
    ("speech", "Tại buổi làm việc, lãnh đạo các sở đã giải đáp các kiến nghị của xã.", []),
    ("speech", "Các kiến nghị, đề xuất của xã đã được các sở, ngành trả lời cụ thể tại buổi làm việc.", []),
    ("opening", "Xã Hưng Nguyên được thành lập trên cơ sở sáp nhập 3 xã, có diện tích 45 km2, dân số hơn 30.000 người.", []),
    ("report", "Xã có 15 thôn, 4.200 hộ với hơn 17.000 nhân khẩu.", []),
    ("speech", "Tỉnh sẽ quan tâm, hỗ trợ xã trong thời gian tới.", []),
    ("speech", "Các sở sẽ xem xét, hỗ trợ xã tháo gỡ khó khăn.", []),
    ("speech", "UBND tỉnh sẽ chỉ đạo các sở liên quan sớm giải quyết kiến nghị của xã.", []),
    ("speech", "Về phía tỉnh, sẽ ưu tiên bố trí nguồn lực để hỗ trợ xã.", []),
    ("speech", "Đây là địa phương có nhiều tiềm năng phát triển du lịch sinh thái.", []),
    ("speech", "Tiếp thu ý kiến chỉ đạo, ông Phan Văn Lâm cho biết xã sẽ khẩn trương triển khai.", []),
    ("report", "Đối với đề nghị của xã về việc hỗ trợ kinh phí, Sở Tài chính cho biết sẽ tham mưu trong tháng tới.", []),
]

# 5. The leader's speech: bare instructions, modals, time frames, bullets and minutes.
SPEECH_TURN = [
    ("speech", "Thời gian tới, xã phải đẩy nhanh tiến độ xây dựng nông thôn mới nâng cao.", [DI]),
    ("speech", "Xã cần tập trung phát triển kinh tế nông nghiệp gắn với du lịch sinh thái.", [DI]),
    ("speech", "Tập trung rà soát, hoàn thiện quy hoạch sử dụng đất.", [DI]),
    ("speech", "- Đẩy mạnh cải cách hành chính, chuyển đổi số.", [DI]),
    ("speech", "Phát triển sản phẩm chè theo chuỗi giá trị, gắn với du lịch lịch sử.", [DI]),
    ("speech", "Việc giải phóng mặt bằng cần được triển khai quyết liệt hơn.", [DI]),
    ("speech", "Chủ tịch UBND tỉnh lưu ý, xã phải làm tốt công tác quản lý đất đai, không để lấn chiếm.", [DI]),
    ("speech", "Đồng chí chỉ đạo: xã khẩn trương hoàn thành việc sửa chữa các trường học trước năm học mới.", [DI]),
    ("speech", "2. Đẩy nhanh tiến độ giải ngân vốn các chương trình mục tiêu quốc gia.", [DI]),
    ("speech", "Về giáo dục: bảo đảm đủ phòng học cho năm học mới.", [DI]),
    ("speech", "Lãnh đạo thực hiện tốt nhiệm vụ chính trị của địa phương.", [DI]),
    ("speech", "Ghi nhận những kết quả xã đạt được, đồng chí đề nghị xã tiếp tục đẩy mạnh cải cách hành chính.", [A, DI]),
    ("speech", "Trước đề nghị của xã, đồng chí giao Sở Tài chính cân đối nguồn vốn hỗ trợ.", [DI]),
    ("speech", "Cùng ngày, đoàn công tác đã đến thăm, tặng quà các gia đình chính sách trên địa bàn xã.", []),
    ("speech", "Phát biểu tại buổi làm việc, Giám đốc Sở Nội vụ cho biết sở sẽ hướng dẫn xã trong tháng 6.", []),
    ("report", "+ Đề nghị tỉnh hỗ trợ kinh phí sửa chữa 5 phòng học bị hư hỏng do mưa lũ.", [R]),
    ("report", "- Về giao thông: đề nghị tỉnh đầu tư nâng cấp tuyến đường tỉnh 545.", [R]),
]

# 6. Quoted speech: the speaker named after the quote decides.
QUOTES = [
    ("speech", '"Chúng tôi kiến nghị tỉnh sớm bố trí vốn cho tuyến đường này", ông Phan Văn Lâm, Bí thư Đảng ủy xã nói.', [R]),
    ("report", '"Xã phải làm quyết liệt hơn nữa, không thể để người dân chờ đợi", ông Trần Quốc Hùng nói.', [DI]),
    ("report", '"Xã phải làm quyết liệt hơn nữa, không thể để người dân chờ đợi", Chủ tịch UBND tỉnh nói.', [DI]),
]

# 7. The leader's praise is a result; the shortcomings he states are problems.
PRAISE = [
    ("speech", "Đồng chí ghi nhận, đánh giá cao kết quả xã đạt được trong thời gian qua.", [A]),
    ("speech", "Chủ tịch UBND tỉnh biểu dương tinh thần đoàn kết của cán bộ, nhân dân xã.", [A]),
    ("speech", "Đồng chí đánh giá cao những nỗ lực của Đảng ủy, chính quyền xã sau sáp nhập.", [A]),
    ("speech", "Bên cạnh đó, xã còn một số hạn chế như thu ngân sách thấp, hạ tầng chưa đồng bộ.", [D]),
    ("speech", "Đồng chí cũng chỉ rõ những tồn tại, hạn chế mà xã cần khắc phục trong thời gian tới.", [D]),
]

# 8. Asking permission ("đề xuất được + verb") is a request; "kiến nghị được tiếp thu" is a noun.
PERMISSION = [
    ("report", "Xã đề xuất được sử dụng trụ sở dôi dư làm nhà văn hóa cộng đồng.", [R]),
    ("report", "UBND xã kiến nghị được giao quản lý khu di tích đình làng Yên Lạc.", [R]),
    ("report", "Đảng ủy xã đề nghị được thí điểm mô hình hợp tác xã trồng dược liệu.", [R]),
    ("report", "Phường mong muốn được chủ động bố trí nguồn thu để chỉnh trang vỉa hè.", [R]),
    ("speech", "Các kiến nghị được các sở tiếp thu, trả lời ngay tại buổi làm việc.", []),
]

# 9. In the leader's speech a commune subject + "quan tâm/phối hợp/chú trọng + verb" instructs;
# a speech word used as a noun ("kiến nghị của người dân") does not hand the turn to the commune.
SUBJECT_INSTRUCTION = [
    ("speech", "Đảng ủy xã quan tâm giải quyết kịp thời khiếu nại, kiến nghị của người dân.", [DI]),
    ("speech", "Chính quyền xã phối hợp chặt chẽ với Công an tỉnh giữ vững an ninh nông thôn.", [DI]),
    ("speech", "Các xã chú trọng đào tạo nghề cho lao động nông thôn.", [DI]),
    ("speech", "- Về văn hóa, xã hội: phối hợp với Sở Y tế nâng cao chất lượng trạm y tế.", [DI]),
    ("speech", "- Về giao thông, thủy lợi: rà soát các tuyến kênh bị bồi lắng.", [DI]),
    ("speech", "Các sở, ngành chức năng phối hợp với xã xây dựng phương án tái định cư.", [DI]),
    ("speech", "Thời gian qua, chính quyền xã đã phối hợp tốt với các lực lượng chức năng.", [A]),
    ("report", "Về khó khăn, ông Lâm cho biết: địa bàn xã rộng, dân cư sống rải rác.", [D]),
]

# 10. A bad quantity that stays high is a problem, whatever figure follows; a good one is a result.
HIGH_LEVEL = [
    ("report", "Tuy vậy, tỷ lệ hộ cận nghèo của xã vẫn ở mức cao, gần 25%.", [D]),
    ("report", "Số vụ vi phạm về khai thác cát vẫn ở mức cao.", [D]),
    ("report", "Tỷ lệ trẻ em suy dinh dưỡng ở mức cao so với bình quân của tỉnh.", [D]),
    ("report", "Tỷ lệ giải ngân vốn đầu tư công ở mức cao, đạt 85%.", [A]),
]

# 11. Ending a problem is a result; failing to end it, or the leader asking to end it, is not.
REMEDIES = [
    ("report", "Năm qua, phường đã xử lý dứt điểm tình trạng đổ rác thải sai quy định ven kênh.", [A]),
    ("report", "Xã đã khắc phục tình trạng ngập úng tại khu dân cư chợ mới.", [A]),
    ("report", "Phường đã chấm dứt tình trạng xe tải đỗ trái phép trên tuyến đường ven sông.", [A]),
    ("report", "Tình trạng khai thác cát trái phép được ngăn chặn kịp thời.", [A]),
    ("report", "Xã chưa giải quyết dứt điểm tình trạng lấn chiếm đất công.", [D]),
    ("report", "Tình trạng sạt lở bờ sông vẫn chưa được khắc phục.", [D]),
    ("speech", "Phường cần quyết liệt chỉnh trang đô thị; có giải pháp lâu dài chống sạt lở bờ sông.", [DI]),
    ("speech", "Có giải pháp căn cơ phòng, chống xâm nhập mặn cho vùng lúa.", [DI]),
    ("speech", "Xã khẩn trương rà soát hộ nghèo; có kế hoạch chống xuống cấp các công trình thủy lợi.", [DI]),
    ("report", "Xã chưa có giải pháp hiệu quả chống ngập úng cục bộ.", [D]),
]

# 12. Growth is good or bad by what grows.
GROWTH = [
    ("report", "Lượng du khách đến tham quan đồi chè tăng mạnh vào dịp cuối tuần.", [A]),
    ("report", "Doanh thu từ du lịch cộng đồng tăng gấp ba so với năm trước.", [A]),
    ("report", "Thu nhập của người trồng quế tăng nhanh nhờ giá quế ổn định.", [A]),
    ("report", "Sau sáp nhập, khối lượng công việc của công chức tăng gấp đôi.", [D]),
    ("report", "Số hộ tái nghèo tăng mạnh trong năm.", [D]),
    ("report", "Lượng khách lưu trú giảm mạnh so với cùng kỳ.", [D]),
    ("report", "Số hộ tái nghèo giảm mạnh so với cùng kỳ.", [A]),
    ("report", "Dân số cơ học tăng nhanh, trong khi trường học còn thiếu phòng học.", [D]),
    ("report", "Số trẻ em trong độ tuổi mầm non tăng mạnh.", []),
]

# 12b. Worn-out equipment and citizens made to come back are problems; sparing them is a result.
WORN_OUT = [
    ("report", "Hệ thống máy chủ của xã đã cũ, thường xuyên báo lỗi.", [D]),
    ("report", "Trang thiết bị của trạm y tế cũ kỹ, lạc hậu.", [D]),
    ("report", "Nhiều người dân phải đi lại nhiều lần mới làm xong thủ tục.", [D]),
    ("report", "Người dân không phải chờ đợi lâu khi làm thủ tục tại xã.", [A]),
]

# 13. An event held safely or successfully is a result; preparing for one is an instruction.
EVENTS = [
    ("report", "Ngày hội văn hóa các dân tộc được tổ chức an toàn, tiết kiệm, thu hút đông người dân tham gia.", [A]),
    ("report", "Đại hội Đảng bộ xã nhiệm kỳ 2025-2030 diễn ra thành công tốt đẹp.", [A]),
    ("report", "Lễ hội đua thuyền truyền thống để lại ấn tượng tốt với du khách.", [A]),
    ("speech", "Chuẩn bị chu đáo để lễ hội mùa xuân được tổ chức an toàn.", [DI]),
    ("report", "Số du khách đến tham quan làng nghề tăng gấp đôi so với năm trước.", [A]),
]

# 14. Quotes: the commune official named after the quote speaks; mixed content is still cut.
QUOTED_REPORT = [
    (
        "report",
        "“Khối lượng hồ sơ đất đai tăng gấp đôi, nhưng cán bộ đã xử lý đúng hạn”, ông Phan Văn Lâm, Bí thư Đảng ủy xã cho biết.",
        [D, A],
    ),
    ("report", "Bà Nguyễn Thị Lan, Chủ tịch UBND xã cho biết, xã đã bàn giao đất sản xuất cho 95 hộ.", [A]),
    ("report", "Nhiều hộ chưa được cấp giấy chứng nhận, có đơn kiến nghị kéo dài.", [D]),
    ("report", "Bà Lan cũng kiến nghị tỉnh sớm bàn giao đất của nông trường cũ cho xã quản lý.", [R]),
]

CASES = (
    ASKING
    + MIXED
    + NEGATION
    + CONTENT
    + NONE
    + SPEECH_TURN
    + QUOTES
    + PRAISE
    + PERMISSION
    + SUBJECT_INSTRUCTION
    + HIGH_LEVEL
    + REMEDIES
    + GROWTH
    + WORN_OUT
    + EVENTS
    + QUOTED_REPORT
)


@pytest.mark.parametrize("context,sentence,expected", CASES, ids=[c[1][:40] for c in CASES])
def test_kind_of_written_sentence(context, sentence, expected):
    assert _kinds(context, sentence) == expected


def test_speech_noun_does_not_end_the_leaders_speech():
    noun = "Chính quyền xã cần tiếp nhận, xử lý đơn thư, kiến nghị của công dân đúng thời hạn."
    found = items(*CONTEXT["speech"], noun, "Tăng cường tuyên truyền pháp luật cho đồng bào.")
    assert [k for k, _ in found][-2:] == [DI, DI]


def test_sentence_ends_after_so_before_a_capital():
    paragraph = (
        "Xã đã bàn giao đất sản xuất cho 95 hộ đồng bào dân tộc thiểu số. Nhưng nhiều hộ vẫn chưa "
        "được cấp giấy chứng nhận quyền sử dụng đất."
    )
    assert [k for k, _ in items(*CONTEXT["report"], paragraph)][-2:] == [A, D]
