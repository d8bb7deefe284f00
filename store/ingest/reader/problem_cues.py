"""What a clause reports: the words of problems and results, and of problems fixed, reduced or
absent. All patterns run on lower-cased NFC text; `store.ingest.reader.problems` weighs them.
"""

from __future__ import annotations

import re

from haicap.store.ingest.reader.lexicon import PROBLEM_PHRASES, RESULT_PHRASES
from haicap.store.ingest.reader.pattern_text import phrases as _phrases

__all__ = ["DEMAND_GROWTH", "NEGATED_PROBLEM", "NOT_GIVEN", "NOT_GIVEN_START", "PROBLEM", "REDUCED", "REMEDY", "RESULT", "SHARE"]

_REMEDY_VERB = (
    r"(?:tháo gỡ|khắc phục|giải quyết|vượt qua|vượt|xử lý|hỗ trợ|ứng phó|phòng, chống|phòng chống|"
    r"giảm thiểu|hạn chế thấp nhất|chấm dứt|ngăn chặn|đẩy lùi|kiềm chế|xóa bỏ|dẹp bỏ|chống|"
    # Rescue: "tìm kiếm người mất tích", "cứu chữa người bị thương".
    r"tìm kiếm|cứu chữa|cấp cứu|cứu hộ|cứu nạn)"
)
REMEDY = re.compile(
    # A fire or a spill caught in time: "các vụ cháy đều được phát hiện sớm, dập tắt kịp thời".
    r"\b(?:vụ cháy|đám cháy|sự cố)\b[^;.]{0,40}?\b(?:được phát hiện sớm|được dập tắt|được khống chế|dập tắt|khống chế)\b[^;.]*|"
    # Gifts to people in need: "trao 1.200 suất quà cho lao động có hoàn cảnh khó khăn".
    r"\b(?:cho|tặng|trao|thăm hỏi|giúp đỡ)\b[^;.]{0,50}?\b(?:hoàn cảnh|gia đình|hộ|hộ gia đình)\s+(?:đặc biệt\s+)?khó khăn\b|"
    # (A figure's thousands dot is no full stop: "giải quyết xong 2.300 hồ sơ tồn đọng".)
    r"\b" + _REMEDY_VERB + r"\b(?:(?:[^;.]|(?<=\d)\.(?=\d)){0,25}?)\b(?:"
    # "giải quyết dứt điểm tình trạng X": the whole of X is what was ended.
    r"tình trạng\b[^,;.]*"
    r"|(?:khó khăn|vướng mắc|hạn chế|sạt lở|tồn tại|bất cập|sự cố|ô nhiễm|tồn đọng|"
    r"tranh chấp|khiếu nại|đơn thư|vụ phá rừng|phá rừng|vi phạm|người mất tích|mất tích|người bị thương|bị thương|"
    r"thiên tai|dịch bệnh|bão|lũ|cháy nổ|tội phạm|ngập úng|ngập|xâm nhập mặn|xuống cấp|lấn chiếm|ùn tắc|"
    r"ách tắc)\b"
    # The damage's cause belongs to what is remedied: "khắc phục hậu quả mưa lũ", "thiệt hại do bão".
    r"|(?:hậu quả|thiệt hại)\b(?:(?!\s(?:nhưng|song|mà|tuy nhiên|còn|vẫn|chưa)\b)[^,;.])*)"
    # The same, passive: "tình trạng X được ngăn chặn" (not "chưa được khắc phục").
    r"|\btình trạng\b[^,;.]{0,50}?(?<!chưa )(?<!không )\bđược\s+(?:ngăn chặn|xử lý|giải quyết|khắc phục|"
    r"đẩy lùi|chấm dứt|kiềm chế|kiểm soát)\b"
    r"|\bhạn chế (?:thấp nhất|tối đa)\b"
    # Bringing people back from a plight: "vận động 43 học sinh bỏ học trở lại lớp".
    r"|\b(?:vận động|đưa|giúp|hỗ trợ)\b[^;.]{0,40}?\b(?:trở lại|quay lại|đi học lại|ra lớp)\b[^,;.]*"
    # Turning what worked badly into something else: "chuyển đổi 215 ha đất lúa kém hiệu quả sang
    # trồng cây ăn trái" names the land converted, not a problem of the commune.
    r"|\b(?:chuyển đổi|chuyển)\s+(?:[^;.]{0,40}?\s)?(?:kém hiệu quả|kém năng suất|năng suất thấp|bạc màu|"
    r"hoang hóa|bỏ hoang)\b(?=[^;.]{0,25}?\bsang\b)"
    # "hạn chế" as a verb: "hạn chế khai thác nước ngầm" limits something, it is no shortcoming.
    r"|\bhạn chế\s+(?:khai thác|sử dụng|việc|đi lại|xả|đốt|chặt|tập trung|thấp)\b"
)
_BAD_THING = (
    r"(?:tai nạn|vi phạm|tội phạm|hộ nghèo|hộ cận nghèo|tái nghèo|ô nhiễm|vụ cháy|dịch bệnh|khiếu nại|đơn thư|"
    r"tệ nạn|thất nghiệp|nợ đọng|nợ xấu|hồ sơ trễ hạn|hồ sơ quá hạn|nhà tạm|suy dinh dưỡng|bỏ học|tảo hôn|"
    r"ma túy|khối lượng công việc|khối lượng hồ sơ|áp lực|chi phí|giá vật tư|giá phân bón|giá thức ăn|"
    r"thiệt hại|rừng bị thiệt hại|phá rừng|đuối nước|độ mặn|xâm nhập mặn)"
)
"""Quantities that are bad: more of them is a problem, less a result."""
_GOOD_THING = (
    r"(?:lượng khách|lượt khách|du khách|khách du lịch|doanh thu|thu nhập|nguồn thu|thu ngân sách|sản lượng|"
    r"năng suất|đơn hàng|kim ngạch|giá trị sản xuất)"
)
"""Quantities that are good: less of them is a problem (more is a result, see RESULT)."""
# Less of a bad thing is a result, whatever words name it: "số hộ tái nghèo giảm mạnh".
REDUCED = re.compile(
    # "Tình trạng chèo kéo, nâng giá … đã giảm rõ rệt": whatever the "tình trạng" is.
    # (Not "tuy giảm nhưng vẫn còn": a concession, the problem stays.)
    r"\btình trạng\b(?:(?!,\s*"
    + _GOOD_THING
    + r"\b)[^;.]){0,60}?\b(?:đã\s+)?(?<!tuy )(?:giảm|được kéo giảm|được đẩy lùi|chấm dứt)\b(?![^;.]*\bnhưng\b)|"
    # The fall is the bad thing's only when no good thing is named between them as the subject of
    # its own clause: in "bị xâm nhập mặn, năng suất giảm 20%" it is the yield that falls.
    r"(?<!\w)(?:" + _phrases(PROBLEM_PHRASES) + r"|" + _BAD_THING + r")(?!\w)"
    r"(?:(?!,\s*" + _GOOD_THING + r"\b)(?:[^;.]|\.(?=\d))){0,40}?"
    r"\b(?:giảm|kéo giảm|được kéo giảm|được đẩy lùi|được khắc phục)\b"
    # "không còn", "chỉ còn" only within the phrase: in "hồ xuống cấp, dung tích chỉ còn 40%" it
    # is the capacity that is left, not the problem.
    r"|(?<!\w)(?:" + _phrases(PROBLEM_PHRASES) + r"|" + _BAD_THING + r")(?!\w)(?:[^,;.]|\.(?=\d)){0,40}?"
    r"\b(?:không còn|chỉ còn)\b"
)
# More of a demand is neither: "số học sinh tăng nhanh" is the premise of a problem that follows.
# A share of the population or the land is a plain statistic, not a result: "90% dân số là đồng bào".
SHARE = re.compile(
    r"(?:chiếm\s+)?(?:hơn\s+|gần\s+|trên\s+|khoảng\s+)?\d+(?:[.,]\d+)?\s?%\s+(?:tổng\s+)?"
    r"(?:dân số|diện tích|số dân|là đồng bào|là người)\b"
    # "đồng bào dân tộc Hà Nhì, Thái chiếm 91%": who lives there, not a result.
    r"|\b(?:đồng bào|dân tộc|người dân tộc)\b[^;.]{0,50}?\bchiếm\s+(?:hơn\s+|gần\s+|trên\s+|khoảng\s+)?"
    r"\d+(?:[.,]\d+)?\s?%"
)
DEMAND_GROWTH = re.compile(
    r"\b(?:học sinh|trẻ em|dân số|dân cư|nhân khẩu|nhu cầu|người nhập cư|lao động nhập cư)\b[^,;.]{0,30}\btăng\b"
    r"(?:\s+(?:mạnh|nhanh|cao|đáng kể|vọt|đột biến|gấp \w+))?"
)
_PROBLEM_NOUN = (
    r"(?:khó khăn|vướng mắc|sự cố|gián đoạn|ùn tắc|kẹt xe|tồn đọng|sai sót|trễ hạn|quá hạn|vi phạm|"
    r"khiếu nại|phức tạp|điểm nóng|bức xúc|thiệt hại|thương vong|cháy nổ|cháy rừng|cháy|ô nhiễm|sạt lở|"
    # People harmed: "không có người chết hay bị thương", "không có ai mất tích".
    r"người chết|chết|bị thương|mất tích|"
    r"ngập|dịch bệnh|tai nạn|tội phạm|đơn thư|phản ánh|chậm trễ|chồng chéo|ách tắc|phát sinh|khiếu kiện|tranh chấp|"
    r"lấn chiếm|tái lấn chiếm|phiền hà|nhũng nhiễu|đình trệ|thất thu|thua lỗ|rủi ro|"
    # "không bị thiếu nước tưới", "không để hộ nào thiếu đói".
    r"thiếu nước|thiếu đói|thiếu ăn|"
    # "Không có trẻ em bị đuối nước", "không có ca ngộ độc thực phẩm".
    r"đuối nước|ngộ độc|"
    # "xã không có nhà dân bị sập đổ", "không có người mất tích": damage that did not happen.
    r"sập đổ|đổ sập|tốc mái|cuốn trôi|mất tích)"
)
# A negation scopes over a list of problems ("không gặp khó khăn, vướng mắc") and over the
# whole noun phrase of an event that should not happen ("không để xảy ra tình trạng ...").
NEGATED_PROBLEM = re.compile(
    # "không xảy ra sự cố đuối nước hay ngộ độc thực phẩm": the whole rest of the clause (first,
    # so that a list of problems after it is not cut at its first noun).
    # "học sinh không còn cảnh phải lội suối", "bà con không còn phải gánh nước": a plight left behind.
    r"\b(?:không|chưa|không hề|chưa hề)\s+(?:để\s+)?(?:xảy ra|còn tình trạng|để tình trạng|phát sinh|"
    r"còn cảnh|còn chuyện|còn nỗi lo|còn phải)\b[^;.]*"
    # "không để tồn đọng hồ sơ quá hạn", "không có đơn thư khiếu nại vượt cấp": the negation holds
    # over the rest of the noun phrase, up to a turn ("nhưng …").
    # (Over a noun phrase of a few words: "không có hồ sơ thủ tục hành chính trễ hạn", but not past a
    # purpose or a turn: "không có kinh phí để sửa trụ sở xuống cấp" lacks the money.)
    r"|\b(?:không để|không có)\s+(?:(?!(?:để|cho|nên|vì|mà|nhưng|song)\b)\w+\s+){0,8}?"
    + _PROBLEM_NOUN
    + r"\b(?:(?!\s(?:nhưng|song|tuy nhiên|mà)\b)[^,;.])*"
    r"(?:\s*(?:,|và|hay|hoặc)\s*" + _PROBLEM_NOUN + r"\b(?:(?!\s(?:nhưng|song|tuy nhiên|mà)\b)[^,;.])*)*"
    r"|\b(?:không|chưa|không hề|chưa hề|không để)\s+(?!ít\b|nhỏ\b)(?:(?:có|gặp|xảy ra|phát sinh|để xảy ra|để|bị|còn|"
    r"ghi nhận)\s+)*(?:\w+\s+){0,3}?" + _PROBLEM_NOUN + r"\b(?:\s*(?:,|và|hay|hoặc)\s*" + _PROBLEM_NOUN + r"\b)*"
    r"|\bkhông có\s+(?:\w+\s+){1,3}?nào\s+(?:bị\s+|phải\s+)?"
    + _PROBLEM_NOUN  # "không có hồ sơ nào bị trễ hạn"
    # "Không có hộ nào thiếu đói", "không có tàu cá nào bị bắt giữ": whatever follows "không có … nào".
    # "không phải cứu trợ hộ nào vì thiếu đói": nobody needed it.
    # ("vẫn chưa có nhà đầu tư nào quan tâm": still none of what is wanted, a lack.)
    + r"|\b(?:không|(?<!vẫn )chưa) (?:có|để|phải|còn|một)\s+[^,;.]{1,40}?\bnào\b[^,;.]*"
    + r"|\bchưa phát sinh\b|\bkhông phát sinh\b"
    # "không còn thôn nào chưa có đường ô tô": none left that lacks it; the negation holds over the lack.
    + r"|\bkhông còn\s+(?:[^\s,;.]+\s+){1,4}?nào\s+(?:còn\s+)?(?:chưa|không|phải|bị|thiếu)\b[^,;.]*"
    # "Toàn xã không còn hộ nghèo", "3 thôn không có hộ nghèo": none of a bad thing left, or had.
    + r"|\bkhông (?:còn|có)\s+(?:(?!(?:để|cho|nên|vì|mà|nhưng|song)\b)\w+\s+){0,4}?"
    + _BAD_THING
    + r"\b[^,;.]*"
    # "không có học sinh tiểu học bỏ học", "không có hộ tái nghèo": no one in that plight.
    + r"|\b(?:không|chưa) có\s+(?:học sinh|trẻ em|hộ|hộ dân|người|trường hợp|lao động)\b[^,;.]{0,25}?"
    r"\b(?:bỏ học|tái nghèo|thiếu đói|tảo hôn|đói|vô gia cư)\b"
    # Citizens spared a burden: "người dân không phải chờ đợi lâu".
    r"|\bkhông (?:còn )?phải\s+(?:chờ đợi|chờ|đi lại)\b"
    # Spared a harm: "năm nay xã không bị ảnh hưởng của bão".
    r"|\b(?:không|chưa|không hề) bị ảnh hưởng\b[^,;.]*"
    r"|\bkhông để\s+(?:người dân|bà con|nhân dân|doanh nghiệp)\s+phải\b[^,;.]*"
    # Whatever is not let happen is a harm kept off: "không để nước biển tràn vào khu dân cư".
    r"|\b(?:không|chưa) để\s+[^,;.]*"
)
_SERVICES = (
    r"(?:hỗ trợ|giải quyết|cấp|đầu tư|quan tâm|xử lý|bồi thường|đền bù|chi trả|phê duyệt|bố trí|sửa chữa|nâng cấp|"
    r"tiếp cận|hưởng|công nhận|thanh toán|nghiệm thu)"
)
NOT_GIVEN = r"(?!\s+" + _SERVICES + r"\b)"
"""After "không được": not the passive of a service not given ("không được hỗ trợ"), a problem and no order."""
NOT_GIVEN_START = r"(?!không được\s+" + _SERVICES + r"\b)"
"""At a clause's start: no prohibition when "không được" is a service not given."""
PROBLEM = re.compile(
    r"\b(?:khó khăn|vướng mắc|hạn chế|bất cập|yếu kém|còn thiếu|thiếu|không đáp ứng|chưa đáp ứng|"
    # "rừng ngập mặn" is a mangrove forest, no flood ("bị ngập mặn" is caught below, as "bị ngập").
    r"không đồng đều|không đủ|xuống cấp|hư hỏng|sạt lở|thiệt hại|ngập(?! mặn)|ô nhiễm|quá tải|vất vả|áp lực|"
    r"phức tạp|chậm(?! nhất)|dàn trải|manh mún|tình trạng|bị ảnh hưởng|mưa lũ|thiên tai|dịch bệnh|"
    r"mới đáp ứng|trở ngại|lúng túng|tồn tại, hạn chế|tồn đọng|còn thấp|ở mức thấp|còn yếu|rất rộng|sau sáp nhập rộng|"
    r"địa bàn rộng|chưa|bất cập|nan giải|thiếu hụt|cao hơn nhu cầu|phụ thuộc|nguy cơ|thách thức|"
    r"mất kết nối|chật hẹp|chật chội|tạm mượn|phải mượn|phải thuê|đã cũ|cũ kỹ|cũ nát|lạc hậu|"
    # Problems named by their own word: lax control, shaky prices, a thin or monotonous offer.
    r"buông lỏng|lỏng lẻo|bấp bênh|chập chờn|ép giá|đơn điệu|nghèo nàn|sơ sài|manh nha|"
    # What residents feel about a problem: "nhiều cử tri lo lắng về giá đền bù".
    r"lo lắng|lo ngại|băn khoăn|bức xúc|trăn trở|bất an|chưa thỏa đáng|chưa thật sự thỏa đáng|dở dang|"
    r"bất tiện|cách trở|chia cắt|hẻo lánh|bồi lắng|bồi lấp|biển lấn|xâm thực|sụt lún|xói lở|"
    r"lún sâu|lún nứt|bị lún|sạt lún|"
    # Damage and its burden: "nhà bị cuốn trôi", "vẫn phải ở nhờ".
    r"cuốn trôi|tốc mái|đổ sập|vùi lấp|mất trắng|ở nhờ|gần như không còn|"
    # Less than wanted: "mới đạt 62% kế hoạch", "chỉ xử lý được một nửa", "thấp hơn mức bình quân".
    # ("rừng trồng mới đạt 320 ha", "nhà xây mới đạt …": "mới" after a verb of making is "new".)
    r"(?<!trồng )(?<!xây )(?<!làm )(?<!cấp )(?<!thành lập )(?<!kết nạp )(?<!mở )mới đạt|chỉ đạt|chỉ xử lý được|chỉ đáp ứng|"
    # Wear and damage in plain words: "cầu tạm đã mục nát", "nước tràn vào 30 ngôi nhà".
    r"mục nát|mục ruỗng|nứt toác|nứt nẻ|tràn vào|rất nguy hiểm|mất an toàn|"
    # Crops and trees laid flat, people harmed: "300 ha lúa bị đổ ngã", "2 người bị thương".
    r"đổ ngã|ngã đổ|gãy đổ|bị đổ|bị gãy|bị thương|mất tích|người chết|"
    # Adversity in the passive: "kè bị sụt chân", "rừng bị chết khô", "tiền điện bị tính cao".
    r"bị (?:sụt|lở|chết|mất|hư|hỏng|vỡ|sập|cuốn|ngập|cháy|xâm hại|chặt phá|phá|lấn chiếm|tính cao|ép|"
    r"đình trệ|gián đoạn|tụt|ảnh hưởng|thiệt hại|ô nhiễm|bồi lấp)|"
    r"chết khô|mất hoàn toàn|lở mái|hiểm trở|không có chỗ|chật|trễ hạn|quá hạn|hết vé|phải đóng cửa|"
    r"không chạy được|không nhỏ|"
    # Adversity in plain words: losses, stalls, disputes, officials who shirk.
    r"thua lỗ|hòa vốn|lãi thấp|rủi ro|sụt giảm|đình trệ|ngừng hoạt động|bỏ hoang|bỏ dở|dự án treo|"
    r"tranh chấp|khiếu kiện|né tránh|đùn đẩy|nhũng nhiễu|phiền hà|chây ì|tái lấn chiếm|thất thu|"
    r"thiếu việc làm|không có việc làm|ế|mất mùa|mất giá|rớt giá|biến động thất thường|thất thường|"
    r"khan hiếm|tạm dừng|dừng thi công|phải dừng|vắng khách|mang tính mùa vụ|mất mát|còn vướng|vướng|"
    # Little left of what is needed, and fire risk: "hồ chỉ còn 6% dung tích", "thực bì khô nẻ, dễ bắt lửa".
    r"chỉ còn|chỉ bằng|dễ bắt lửa|dễ cháy|khô nẻ|phủ kín|bất lợi|chịu ảnh hưởng|phân bổ muộn|"
    r"mới giải ngân được|"
    # Plain words for a problem: what falls short, the hardest part, what caved in, the young who stay away.
    r"không bảo đảm|không đảm bảo|khó nhất là|cái khó|điểm nghẽn|nút thắt|quá nhỏ|quá hẹp|không mặn mà|"
    r"sụp xuống|đổ sụp|sụp đổ|tiềm ẩn|xin chuyển công tác|xin nghỉ việc|xin thôi việc|"
    # Records that do not match, a burden borne, a link that keeps failing.
    r"không đồng bộ|chưa đồng bộ|chồng lấn|tốn thêm|tốn kém|vẫn phải|đã phải|"
    # Patchy, unchecked, stalled, cracked, leaking, ageing, hard to muster, afraid to invest.
    r"chắp vá|trôi nổi|khó kiểm soát|chững lại|vết nứt|bị nứt|nứt hết|nứt tường|tường nứt|rò rỉ|lớn tuổi|khó huy động|không dám|tiếng ồn|gay gắt|"
    # Run dry, scarce, jammed.
    r"đã cạn|cạn kiệt|đã khô|bị khô|rất hiếm|ùn ứ|"
    # Hard going and what it costs: "mùa mưa xe máy cũng khó đi", "thương lái ngại vào, người dân
    # phải bán giá thấp", "học sinh phải nghỉ học", "đất tràn vào"; the hardest part, named.
    r"khó nhất|khó đi|khó đi lại|khó tiếp cận|khó tiêu thụ|khó bán|ngại vào|ngại đến|ngại đầu tư|"
    r"phải bán giá thấp|phải bán với giá thấp|phải bán rẻ|phải nghỉ học|đất tràn vào|bùn tràn vào|đất đá tràn vào|vẫn là đường đất|còn là đường đất)\b"
    # Only part of the work done: "khu tái định cư mới giải phóng được 60% mặt bằng".
    r"|\bmới\s+\w+(?:\s+\w+)?\s+được\s+(?:khoảng\s+)?\d"
    # What cannot be done: "nhiều đoạn kênh không dẫn được nước", "xe không vào được" (not a negated
    # harm, "không bị ảnh hưởng", nor "không được xả rác", a ban).
    r"|\bkhông\s+(?:thể\s+)?(?!(?:để|được|có|còn|phải|bị|chỉ|những|ai|hề|ngừng)\b)\w+(?:\s+\w+)?\s+được\b"
    # What a living lacks: "bà con gần như không có lãi", "thôn không có sóng điện thoại".
    r"|\bkhông có\s+(?:lãi|lời|đầu ra|nguồn nước|nước sạch|nước sinh hoạt|nước tưới|điện|sóng|đất sản xuất|đất ở)\b"
    r"|\bchỉ (?:khoảng |còn )?(?:một phần (?:ba|tư|năm)|một nửa)\b"
    r"|(?<!không )(?<!không bị )\bgián đoạn\b"
    # Procedures that drag on (not the rain: "trong lúc mưa còn kéo dài").
    r"|\b(?:thủ tục|thời gian|tiến độ|việc|quá trình)\b[^,;.]{0,40}\bcòn kéo dài\b"
    # A benefit withheld: "xã không được cấp kinh phí", "các hộ không được bồi thường".
    r"|\bkhông được\s+(?:cấp|hỗ trợ|bố trí|đầu tư|phân bổ|bồi thường|chi trả|giải quyết|hưởng)\b"
    # A means lacking: "xã không thể tự cân đối nguồn vốn" (not "không thể tự ý", a ban); people
    # or goods that cannot move or work: "người dân không thể đi lại khi nước lên".
    r"|\bkhông thể tự\s+(?!ý\b)\w+"
    r"|\b(?:người dân|bà con|nhân dân|học sinh|các em|hộ dân|phương tiện|xe|hàng hóa|nông sản)\b[^,;.]{0,30}?"
    r"\bkhông thể\s+(?!để\b|thiếu\b)\w+"
    # A matter left for years: "chuyện đất dịch vụ kéo dài hơn một thập kỷ", "dây dưa nhiều năm nay"
    # (not a plan's span, "chương trình kéo dài 3 năm": only a span said to be long).
    r"|\b(?:kéo dài|dây dưa|tồn tại|chờ đợi|treo)\s+(?:suốt\s+|đã\s+)?(?:hơn|gần|trên|nhiều|mấy|hàng|cả)\s+"
    r"(?:\S+\s+)?(?:năm|thập kỷ|thập niên)\b"
    # Few of what is needed: "mới có 4/12 sản phẩm", "xã chỉ có một cán bộ".
    r"|\bmới có\s+\d+\s*/\s*\d+"
    r"|\bchỉ (?:có\s+)?(?:một|hai|ba|\d)\s+(?:người|cán bộ|công chức|giáo viên|bác sĩ|y sĩ|nhân viên)\b"
    # Money or land already spent: "nguồn vốn đầu tư công năm 2026 đã phân bổ hết".
    r"|\b(?:vốn|nguồn vốn|kinh phí|quỹ đất|ngân sách)\b[^,;.]{0,40}\bđã\s+(?:phân bổ|giao|sử dụng|bố trí|chi)\s+hết\b"
    # Prices going up (not "giá trị sản xuất tăng"): "giá vật liệu tăng gần gấp đôi".
    r"|\bgiá(?!\s+trị)\b[^,;.]{0,30}\btăng\s+(?:cao|mạnh|gần|gấp|đột biến)"
    # The general problem phrases of the lexicon (store.reader.lexicon).
    r"|(?<!\w)(?:" + _phrases(PROBLEM_PHRASES) + r")(?!\w)"
    # Too few hands: "chỉ có 2 người", "lực lượng ... mỏng"; too little money: "mức hỗ trợ ... thấp".
    r"|\bchỉ có\s+\d+\s+(?:người|cán bộ|công chức|biên chế|giáo viên|bác sĩ)\b"
    r"|\b(?:lực lượng|biên chế|đội ngũ|cán bộ)\b[^,;.]{0,60}\bmỏng\b"
    r"|\b(?:mức hỗ trợ|mức chi|mức khoán|phụ cấp|tiền lương|giá thu mua)\b[^,;]{0,40}\bthấp\b"
    # A long way for citizens: "người dân phải đi hơn 15 km".
    r"|\bphải\s+(?:đi bộ|đi|di chuyển|đi lại)\s+(?:xa\s+)?(?:hơn|gần|trên|khoảng)?\s*\d"
    # Citizens bearing a burden: "người dân phải đi lại nhiều lần" (not "không phải chờ đợi").
    r"|(?<!không )(?<!không còn )\bphải\s+(?:chờ đợi|đi lại nhiều lần|quay lại)\b"
    # "yếu" is weak, but "điểm xung yếu" is where the danger is, a place (not "chủ yếu", "yếu tố").
    r"|(?<!chủ )(?<!xung )\byếu\b(?!\s+(?:tố|thế))"
    # More of a bad thing: "số vụ tai nạn giao thông tăng 3 vụ", "tỷ lệ hộ nghèo vẫn ở mức cao".
    r"|\b" + _BAD_THING + r"\b[^,;.]{0,30}\b(?:tăng|ở mức cao|(?:vẫn|rất|khá) cao|cao hơn|vượt|vào sâu)\b"
    # ... first in a short list: "giá phân bón, thuốc bảo vệ thực vật tăng cao".
    r"|\b" + _BAD_THING + r"\b[^,;.]{0,20}?(?:,\s*[^,;.]{1,40}?){1,2}\s+tăng (?:cao|mạnh|vọt)\b"
    # A bad thing that stays at a level: "tỷ lệ hộ nghèo vẫn ở mức trên 40%" (not "giảm hơn 40 hộ").
    r"|\b" + _BAD_THING + r"\b[^,;.]{0,30}\b(?:vẫn(?:\s+còn|\s+ở mức|\s+duy trì ở mức)?|ở mức|duy trì ở mức)\s+"
    r"(?:trên|hơn|gần|xấp xỉ)\s+\d"
    # Still at a level, whatever the figure: "tỷ lệ hộ nghèo vẫn ở mức 27,4%".
    r"|\b" + _BAD_THING + r"\b[^,;.]{0,30}\bvẫn\s+(?:còn\s+)?(?:ở mức|duy trì ở mức)\s+\d"
    # Less of a good thing: "lượng khách lưu trú giảm mạnh".
    r"|\b" + _GOOD_THING + r"\b(?:[^;.]|\.(?=\d)){0,40}?\bgiảm\b"  # "2.150 tấn, giảm": a dot of a number is no end
    # What is left of a bad thing: "tỷ lệ hộ cận nghèo còn 7,2%" (not "giảm còn 2%": see REDUCED).
    r"|\b" + _BAD_THING + r"\b[^,;.]{0,30}\b(?<!giảm )còn\s+(?:khoảng\s+)?\d"
    # Low where more is wanted: "nguồn thu ngân sách của xã thấp".
    r"|\b(?:nguồn thu|thu ngân sách|thu nhập|năng suất|chất lượng|giá trị)\b[^,;]{0,25}\bthấp\b"
    # "còn" + a degree word: something that should have changed has not ("tỷ lệ hộ nghèo còn cao").
    r"|\b(?:vẫn còn|còn)\s+(?:(?:rất|khá|quá|khá là)\s+)?(?:cao|nhiều|ít|chậm|thấp|yếu|khó|dàn trải|lúng túng|tồn tại|mỏng|hạn chế|nhỏ lẻ|"
    r"manh mún|hình thức|hẹp|khiêm tốn|phân tán|chồng chéo|rườm rà|bị động|hạn hẹp)\b"
    # What is left of a burden: "hiện còn 120 hộ nghèo", "còn 3 dự án".
    r"|\b(?:vẫn còn|hiện còn|còn)\s+(?:hơn\s+|gần\s+)?[\d.,]+\s+(?:hộ nghèo|hộ cận nghèo|nhà tạm|hộ thiếu|"
    r"hồ sơ|dự án|tiêu chí|trường hợp|hộ dân chưa|km đường)"
    # A service not given: "nộp từ lâu nhưng không được giải quyết", "không được hỗ trợ kịp thời".
    r"|\bkhông được(?=\s+" + _SERVICES + r"\b)"
)
RESULT = re.compile(
    # Up on last year ("đón 48.000 lượt khách, tăng 35% so với cùng kỳ"); a bad thing going up
    # is caught first, as a problem.
    r"\btăng\s+(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?\d+(?:[.,]\d+)?\s?%\s+so với\b|"
    r"\b(?:đã|đạt|vượt|hoàn thành|ổn định|thông suốt|hiệu quả|tích cực|được nâng cao|nhanh hơn|"
    r"nhanh chóng|thuận lợi|kịp thời|bài bản|đồng bộ|rất tốt|khởi sắc|chuyển biến|có bước phát triển|"
    r"nâng lên|cải thiện|đi vào nền nếp|đáp ứng được|cơ bản đáp ứng|được triển khai|được tiếp nhận|"
    r"được đầu tư|được xử lý|được giải quyết|được kiện toàn|được quan tâm|tăng trưởng|đúng hạn|"
    r"trước hạn|không gián đoạn|duy trì|giữ vững|đồng tình|ủng hộ|đồng thuận|hưởng ứng|đạt chuẩn|"
    r"được công nhận|về đích|tăng lên|tăng hơn|thoát nghèo|có thêm|"
    # Growth of whatever is not a bad thing (those are caught first as problems).
    r"tăng mạnh|tăng nhanh|tăng gấp|tăng đáng kể|tăng vọt|tăng đột biến|"
    # An event that went well: "lễ hội được tổ chức an toàn", "đại hội diễn ra thành công".
    r"được tổ chức (?:an toàn|thành công|chu đáo|trang trọng)|diễn ra (?:an toàn|thành công|sôi nổi|trang trọng)|"
    r"thành công tốt đẹp|ấn tượng tốt|ở mức cao|"
    # Growth and renewal in plain words: "nghề mộc phát triển mạnh", "công tác dân vận được đổi mới".
    r"phát triển mạnh|phát triển nhanh|phát triển tốt|phát triển ổn định|phát triển đúng hướng|"
    r"được đổi mới|được củng cố|được tăng cường|được nâng chất|được mở rộng|được cải thiện|được chú trọng|"
    r"được đẩy mạnh|được phát huy|được nâng cấp|được hoàn thiện|"
    # How the work was done, in the officials' words of praise: "phân công rõ ràng", "đúng luật định".
    r"rõ ràng|thành công|nghiêm túc|đúng luật định|trơn tru|"
    r"đúng tiến độ|vượt tiến độ|giải quyết tốt|tin tưởng|phấn khởi|đáp ứng yêu cầu|"
    r"đảm bảo yêu cầu|bảo đảm yêu cầu|từng bước ổn định|đi vào ổn định|dân chủ, đúng|an toàn, đúng)\b"
    # Work said to have been done well: "được thực hiện chặt chẽ", "được xây dựng công phu".
    r"|\bđược\s+(?:thực hiện|triển khai|tổ chức|xây dựng|chuẩn bị|tiến hành|quán triệt)\s+(?:rất\s+)?(?:chặt chẽ|"
    r"nghiêm túc|đúng|tốt|hiệu quả|bài bản|kịp thời|công phu|chu đáo|khẩn trương|kỹ lưỡng|đồng bộ)\b"
    r"|\d+(?:[.,]\d+)?\s?%"
    # The general result phrases of the lexicon (store.reader.lexicon).
    r"|(?<!\w)(?:" + _phrases(RESULT_PHRASES) + r")(?!\w)"
    # Up on an earlier season or year: "năng suất 6,8 tấn/ha, cao hơn vụ trước 0,4 tấn".
    r"|\b(?:cao hơn|nhiều hơn|tăng hơn|vượt)\s+(?:so với\s+)?(?:vụ|năm|kỳ|cùng kỳ|tháng|quý|mùa)\s+(?:trước|ngoái|qua)\b"
    # Produce that sells better: "bà con bán được quế giá cao hơn hẳn", "giá bán cao hơn năm trước".
    r"|\bbán được\s+(?:[^,;.]{0,20}?\s)?(?:giá|với giá)\s+(?:cao|tốt|ổn định)\b|\bgiá bán\b[^,;.]{0,20}\bcao hơn\b"
    # What a model earns, counted: "mô hình … cho thu nhập 180 triệu đồng/ha".
    r"|\b(?:cho|mang lại|đem lại)\s+(?:thu nhập|lợi nhuận|doanh thu|lãi)\s+(?:bình quân\s+)?"
    r"(?:từ\s+|hơn\s+|gần\s+|trên\s+|khoảng\s+)?\d"
    # Visitors or investment drawn, counted: "thu hút hơn 300 lượt khách".
    r"|\bthu hút\s+(?:được\s+)?(?:hơn\s+|gần\s+|trên\s+|khoảng\s+)?\d"
    # A counted outcome: "xây dựng được 30 nhà", "tăng 12 tỷ đồng".
    r"|\bđược\s+(?:hơn\s+|gần\s+|trên\s+)?\d|\btăng\s+(?:hơn\s+|gần\s+|trên\s+)?\d"
    # Less of a bad thing: "số hộ nghèo giảm 45 hộ".
    r"|\b" + _BAD_THING + r"\b[^,;.]{0,30}\bgiảm\b"
    # Services that reach everyone, or most: "các bản đều có điện lưới", "9 trên 11 bản có đường ô tô".
    r"|\b(?:đều|100%\s+(?:số\s+)?(?:thôn|bản|ấp|hộ|trường)|toàn bộ\s+(?:các\s+)?(?:thôn|bản|ấp))\s+(?:đã\s+)?(?:có|được dùng|sử dụng)\s+"
    r"(?:điện|đường|nước sạch|nước hợp vệ sinh|trường|trạm y tế|nhà văn hóa|sóng)"
    r"|\b\d+\s*(?:trên|/)\s*\d+\s+(?:thôn|bản|ấp|xã|hộ|trường|khu dân cư)\s+(?:đã\s+)?(?:có|đạt)\b"
)
