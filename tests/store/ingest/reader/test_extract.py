"""The whole pipeline on a made-up article: session facts, verbatim items, JSON shape."""

import datetime as dt
import subprocess
import sys
from pathlib import Path

from haicap.store.domain.registry import load_registry
from haicap.store.domain.text import clean
from haicap.store.ingest.reader import ExtractedItem, Extraction, extract_text

ARTICLE = """Bí thư Tỉnh ủy làm việc với các xã Nghĩa Hành và phường Nghĩa Lộ

Chiều 9/4, đồng chí Đinh Văn Hải, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Quảng Ngãi đã làm việc với xã Nghĩa Hành và phường Nghĩa Lộ.

Bí thư Đảng ủy xã Nghĩa Hành báo cáo tại buổi làm việc. Ảnh: Quốc Việt

Theo báo cáo của UBND xã Nghĩa Hành, quý I, thu ngân sách đạt 41% dự toán. Xã đã giải quyết 980 hồ sơ, 100% đúng hạn.
Tuy nhiên, trụ sở làm việc của xã xuống cấp, thiếu công chức địa chính.
Lãnh đạo phường Nghĩa Lộ kiến nghị tỉnh sớm bố trí vốn nâng cấp tuyến kè; hỗ trợ kinh phí lắp đặt camera an ninh.

Kết luận buổi làm việc, Bí thư Tỉnh ủy Đinh Văn Hải biểu dương những kết quả hai địa phương đạt được.
Đồng chí yêu cầu cấp ủy, chính quyền hai địa phương tập trung cải cách hành chính.
Xã Nghĩa Hành cần rà soát, sắp xếp trụ sở dôi dư.
Đồng chí khẳng định tỉnh sẽ quan tâm hỗ trợ các địa phương.
"""


def _extract():
    return extract_text(ARTICLE, load_registry(), today=dt.date(2026, 12, 1))


def test_session_facts():
    ex = _extract()
    assert isinstance(ex, Extraction)
    assert ex.date == dt.date(2026, 4, 9)
    assert ex.province.name == "Quảng Ngãi"
    assert ex.leader == "Đinh Văn Hải (Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Quảng Ngãi)"
    assert [c.label for c in ex.communes] == ["xã Nghĩa Hành", "phường Nghĩa Lộ"]


def test_items_are_verbatim_and_kinds_are_right():
    ex = _extract()
    body = clean(ARTICLE)
    assert all(isinstance(i, ExtractedItem) and i.text in body for i in ex.items)
    kinds = [(i.kind, i.text[:30]) for i in ex.items]
    assert kinds == [
        ("achievement", "Theo báo cáo của UBND xã Nghĩa"),
        ("achievement", "Xã đã giải quyết 980 hồ sơ, 10"),
        ("difficulty", "Tuy nhiên, trụ sở làm việc của"),
        ("request", "Lãnh đạo phường Nghĩa Lộ kiến "),
        ("achievement", "Kết luận buổi làm việc, Bí thư"),
        ("directive", "Đồng chí yêu cầu cấp ủy, chính"),
        ("directive", "Xã Nghĩa Hành cần rà soát, sắp"),
    ]


def test_items_name_the_communes_they_concern():
    ex = _extract()
    by_text = {i.text[:20]: i.communes for i in ex.items}
    assert by_text["Xã đã giải quyết 980"] == ("Nghĩa Hành",)  # the running report is Nghĩa Hành's
    assert by_text["Lãnh đạo phường Nghĩ"] == ("Nghĩa Lộ",)
    assert by_text["Đồng chí yêu cầu cấp"] == ("Nghĩa Hành", "Nghĩa Lộ")


def test_to_json_shape():
    data = _extract().to_json()
    assert set(data) == {"date", "province", "leader", "communes", "items", "left_out"}
    assert data["date"] == "2026-04-09" and data["province"] == "Quảng Ngãi"
    assert data["communes"][0] == {"type": "xã", "name": "Nghĩa Hành", "code": data["communes"][0]["code"]}
    assert set(data["items"][0]) == {"kind", "text", "communes", "owner", "co_agencies", "deadline", "unsure"}
    assert isinstance(data["items"][0]["communes"], list) and isinstance(data["items"][0]["co_agencies"], list)
    assert all(set(left) <= {"text", "reason", "detail"} for left in data["left_out"])


def test_province_hint_overrides_detection(registry):
    province = registry.find_province("Nghệ An")
    ex = extract_text("Đoàn làm việc với xã Nghĩa Hành.", registry, province_hint=province)
    assert ex.province == province and [c.province for c in ex.communes] == [province]


def test_empty_body(registry):
    ex = extract_text("", registry)
    assert ex.items == [] and ex.communes == [] and ex.province is None and ex.date is None


def test_reader_imports_no_ui_library():
    code = "import sys, haicap.store.ingest.reader, haicap.store.ingest.reader.evaluate; print(any(m in sys.modules for m in ('textual', 'rich')))"
    repo = Path(__file__).resolve().parents[4]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=repo)
    assert out.stdout.strip() == "False"


# Another outlet's style: a special zone of a city, a woman secretary, bullets, a frame.
SPECIAL_ZONE = """Bí thư Thành ủy: Đặc khu Côn Đảo cần phát triển du lịch xanh

Sáng 20-10, Bí thư Thành ủy TP.HCM Nguyễn Văn Được đã làm việc với Ban Thường vụ Đảng ủy đặc khu Côn Đảo.

Báo cáo tại buổi làm việc, bà Lê Thị Hồng, Bí thư Đảng ủy đặc khu, cho biết sau hơn 3 tháng hoạt động, bộ máy của đặc khu vận hành thông suốt. 9 tháng, đặc khu đón hơn 450.000 lượt khách, tăng 12% so với cùng kỳ.

Tuy vậy, nguồn điện, nước ngọt phục vụ sinh hoạt và du lịch còn thiếu; giá vật liệu xây dựng cao do phải vận chuyển từ đất liền.

Đặc khu kiến nghị thành phố sớm đầu tư dự án cấp nước; đồng thời xem xét cơ chế đặc thù về đất đai cho đặc khu.

Bà Hồng cũng đề xuất Thành phố hỗ trợ kinh phí nâng cấp cảng tàu khách.

Phát biểu chỉ đạo, ông Nguyễn Văn Được đánh giá cao sự nỗ lực của đặc khu trong thời gian đầu vận hành mô hình mới.

Ông yêu cầu đặc khu phải bảo vệ nghiêm ngặt hệ sinh thái rừng và biển, không để xảy ra tình trạng xây dựng trái phép.

- Rà soát quy hoạch, ưu tiên phát triển du lịch xanh, du lịch tâm linh.

- Nâng cao chất lượng phục vụ người dân, doanh nghiệp tại Trung tâm phục vụ hành chính công.

Đối với các kiến nghị của đặc khu, Bí thư Thành ủy giao UBND TP.HCM chỉ đạo các sở, ngành nghiên cứu, giải quyết trong tháng 11.
"""


def test_special_zone_article():
    ex = extract_text(SPECIAL_ZONE, load_registry(), today=dt.date(2026, 12, 1))
    assert ex.province.name == "Hồ Chí Minh"
    assert [c.label for c in ex.communes] == ["đặc khu Côn Đảo"]
    assert ex.leader == "Nguyễn Văn Được (Bí thư Thành ủy TP.HCM)"
    # The headline carries the leader's words: "… cần phát triển du lịch xanh" is a directive.
    assert [i.kind for i in ex.items] == [
        "directive",
        "achievement",
        "achievement",
        "difficulty",
        "request",
        "request",
        "achievement",
        "directive",
        "directive",
        "directive",
        "directive",
    ]
    assert ex.items[8].text.startswith("Rà soát quy hoạch")  # the bullet is not part of the item
    assert ex.items[3].text.endswith("do phải vận chuyển từ đất liền.")  # cue-less clause joins its neighbour


def test_a_page_copied_with_its_entities_and_invisible_spaces_reads_like_the_plain_text(registry):
    plain = (
        "Sáng 12/3, Chủ tịch UBND tỉnh làm việc với xã Tân Phú.\n"
        "“Xã cần khẩn trương hoàn thành giải phóng mặt bằng trước ngày 30/4”, Chủ tịch UBND tỉnh yêu cầu.\n"
        "Xã kiến nghị tỉnh hỗ trợ kinh phí nâng cấp tuyến đường liên xã."
    )
    copied = plain.replace("“", "&ldquo;").replace("”", "&#8221;").replace(". ", ".\u200b ").replace("xã", "x\u200bã")
    read_plain = extract_text(plain, registry, today=dt.date(2026, 3, 20))
    read_copied = extract_text(copied, registry, today=dt.date(2026, 3, 20))
    assert [(i.kind, i.text) for i in read_copied.items] == [(i.kind, i.text) for i in read_plain.items]
    assert read_plain.items
