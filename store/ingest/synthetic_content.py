"""The made-up content of synthetic session reports: people, sentences and follow-up.

Written here, by hand, for this purpose: plausible wording of provincial reports, no
sentence copied from a real article. `store.ingest.synthetic` draws its reports from these
pools with a seeded `random.Random`, so the same draws give the same content.
"""

from __future__ import annotations

import datetime as dt
import random

from haicap.store.domain.dates import format_date
from haicap.store.domain.models import Kind, Person
from haicap.store.domain.tracking import RequestStatus, Tracking

__all__ = ["AGENCIES", "KIND_WEIGHTS", "LEADER_TITLES", "make_person", "make_sentence", "make_tracking"]

_SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Trịnh",
    "Đinh",
    "Mai",
    "Cao",
]
_MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quang", "Thanh", "Hữu", "Ngọc", "Xuân", "Tuấn", "Hồng", "Thu", "Anh", "Kim", "Bảo"]
_GIVEN = [
    "Hùng",
    "Dũng",
    "Sơn",
    "Hải",
    "Long",
    "Tuấn",
    "Hà",
    "Lan",
    "Hương",
    "Nam",
    "Bình",
    "Cường",
    "Thắng",
    "Phong",
    "Hiếu",
    "Trung",
    "Quân",
    "Khánh",
    "Thành",
    "Vinh",
]
LEADER_TITLES = (
    "Bí thư Tỉnh ủy",
    "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh",
    "Phó Bí thư Thường trực Tỉnh ủy",
    "Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh",
    "Phó Chủ tịch UBND tỉnh",
    "Chủ tịch HĐND tỉnh",
    "Chủ tịch Ủy ban MTTQ tỉnh",
)
AGENCIES = (
    "Sở Tài chính",
    "Sở Nội vụ",
    "Sở Xây dựng",
    "Sở Nông nghiệp và Môi trường",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Công Thương",
    "Sở Khoa học và Công nghệ",
    "Sở Tư pháp",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Công an tỉnh",
    "Bộ Chỉ huy Quân sự tỉnh",
    "Văn phòng UBND tỉnh",
    "Ban Quản lý dự án đầu tư xây dựng tỉnh",
    "Sở Dân tộc và Tôn giáo",
    "Thanh tra tỉnh",
)
"""Provincial agencies (names as in the 2025 reorganisation) that own requests and directives."""

_FIELDS = (
    "xây dựng nông thôn mới nâng cao",
    "chuyển đổi số trong giải quyết thủ tục hành chính",
    "thu ngân sách trên địa bàn",
    "giải phóng mặt bằng các dự án trọng điểm",
    "xóa nhà tạm, nhà dột nát",
    "chuyển đổi cơ cấu cây trồng, vật nuôi",
    "bảo đảm an ninh trật tự ở cơ sở",
    "phòng, chống thiên tai",
    "cấp giấy chứng nhận quyền sử dụng đất",
    "phát triển du lịch cộng đồng",
    "chăm sóc sức khỏe ban đầu cho Nhân dân",
    "sắp xếp, sử dụng trụ sở dôi dư sau sáp nhập",
    "vận hành Trung tâm Phục vụ hành chính công",
    "giảm nghèo bền vững",
    "kiên cố hóa kênh mương nội đồng",
    "thu hút đầu tư vào cụm công nghiệp",
)
_ACH_SUBJECTS = (
    "Xã",
    "Đảng bộ và chính quyền xã",
    "Ủy ban nhân dân xã",
    "Trung tâm Phục vụ hành chính công xã",
    "Các thôn, bản trên địa bàn",
)
_ACH_VERBS = (
    "đã hoàn thành",
    "đã triển khai hiệu quả",
    "tập trung chỉ đạo thực hiện tốt",
    "đạt nhiều kết quả trong",
    "hoàn thành vượt kế hoạch về",
)
_ACH_TAILS = (
    "đạt {a}% kế hoạch năm",
    "thu ngân sách ước đạt {b} tỷ đồng, bằng {c}% dự toán",
    "tỷ lệ hồ sơ giải quyết đúng hạn đạt {a}%",
    "đã có {d} hộ được hỗ trợ, vượt chỉ tiêu đề ra",
    "góp phần nâng thu nhập bình quân đầu người lên {e} triệu đồng/năm",
    "được người dân đồng tình, hưởng ứng",
)
_DIF_OPENERS = ("Tuy nhiên,", "Bên cạnh đó,", "Hiện nay,", "Sau sáp nhập,", "")
_DIF_PROBLEMS = (
    "đội ngũ cán bộ chuyên môn về đất đai, xây dựng, tài chính còn thiếu",
    "hạ tầng giao thông nông thôn nhiều tuyến đã xuống cấp",
    "trụ sở làm việc chật hẹp, trang thiết bị chưa đồng bộ",
    "nguồn lực đầu tư cho {f} còn hạn chế",
    "tiến độ {f} còn chậm so với yêu cầu",
    "đường truyền, phần mềm dùng chung thường xuyên gián đoạn",
    "một số hộ dân chưa đồng thuận với phương án bồi thường",
    "thiên tai, mưa lũ gây thiệt hại khoảng {b} tỷ đồng",
)
_DIF_TAILS = (
    "ảnh hưởng đến việc giải quyết thủ tục hành chính cho người dân",
    "làm chậm tiến độ thực hiện các chỉ tiêu năm {y}",
    "gây khó khăn cho công tác quản lý nhà nước trên địa bàn",
    "chưa đáp ứng yêu cầu nhiệm vụ trong tình hình mới",
)
_REQ_OPENERS = ("Xã kiến nghị", "Xã đề nghị", "Địa phương đề xuất", "Các xã kiến nghị")
_REQ_ASKS = (
    "hỗ trợ kinh phí {b} tỷ đồng để",
    "sớm thẩm định, phê duyệt chủ trương đầu tư để",
    "bổ sung biên chế, hướng dẫn nghiệp vụ để",
    "quan tâm bố trí vốn để",
    "có văn bản hướng dẫn cụ thể để",
    "điều chỉnh quy hoạch sử dụng đất để",
)
_REQ_TAILS = (
    "phục vụ nhu cầu đi lại, sản xuất của Nhân dân",
    "bảo đảm hoàn thành trong năm {y}",
    "tạo điều kiện cho xã hoàn thành các chỉ tiêu được giao",
    "giải quyết dứt điểm kiến nghị kéo dài của cử tri",
)
_DIR_OPENERS = ("Đồng chí yêu cầu xã", "Đề nghị các xã", "Yêu cầu cấp ủy, chính quyền xã", "Đồng chí đề nghị xã")
_DIR_TASKS = (
    "tập trung lãnh đạo, chỉ đạo hoàn thành {f}",
    "khẩn trương rà soát, báo cáo kết quả {f}",
    "nâng cao chất lượng {f}",
    "chủ động phối hợp với các sở, ngành tháo gỡ vướng mắc về {f}",
    "tăng cường kiểm tra, giám sát việc {f}",
    "xây dựng kế hoạch cụ thể thực hiện {f}",
)
_DIR_TAILS = (
    "bảo đảm hoàn thành trước ngày {day}",
    "phấn đấu hoàn thành các chỉ tiêu năm {y}",
    "báo cáo kết quả về UBND tỉnh",
    "không để người dân phải đi lại nhiều lần",
    "gắn trách nhiệm của người đứng đầu",
)
KIND_WEIGHTS = {Kind.ACHIEVEMENT: 34, Kind.DIFFICULTY: 24, Kind.REQUEST: 20, Kind.DIRECTIVE: 22}
"""Roughly how working-session articles divide their content."""


def _fill(rng: random.Random, pattern: str, day: dt.date) -> str:
    return pattern.format(
        a=rng.randint(80, 130),
        b=rng.randint(2, 95),
        c=rng.randint(70, 160),
        d=rng.randint(12, 480),
        e=rng.randint(38, 95),
        f=rng.choice(_FIELDS),
        y=day.year,
        day=format_date(day + dt.timedelta(days=rng.randint(20, 150))),
    )


def make_sentence(rng: random.Random, kind: Kind, day: dt.date) -> str:
    """One made-up sentence of `kind`, 100 to 300 characters like the sentences of real reports."""
    if kind is Kind.ACHIEVEMENT:
        text = f"{rng.choice(_ACH_SUBJECTS)} {rng.choice(_ACH_VERBS)} {rng.choice(_FIELDS)}, {rng.choice(_ACH_TAILS)}"
        if rng.random() < 0.5:
            text += f"; đồng thời {rng.choice(_ACH_VERBS).removeprefix('đã ')} {rng.choice(_FIELDS)}"
    elif kind is Kind.DIFFICULTY:
        opener = rng.choice(_DIF_OPENERS)
        text = f"{opener} {rng.choice(_DIF_PROBLEMS)}, {rng.choice(_DIF_TAILS)}".strip()
    elif kind is Kind.REQUEST:
        text = f"{rng.choice(_REQ_OPENERS)} {rng.choice(('UBND tỉnh', *AGENCIES))} {rng.choice(_REQ_ASKS)} {rng.choice(_FIELDS)}"
        if rng.random() < 0.4:
            text += f", {rng.choice(_REQ_TAILS)}"
    else:
        text = f"{rng.choice(_DIR_OPENERS)} {rng.choice(_DIR_TASKS)}, {rng.choice(_DIR_TAILS)}"
    text = _fill(rng, text, day)
    return text[0].upper() + text[1:] + "."


def make_tracking(rng: random.Random, kind: Kind, day: dt.date, today: dt.date) -> Tracking | None:
    """Follow-up fields as officers would have set them by `today` for a session held on `day`."""
    age = (today - day).days
    if kind is Kind.REQUEST:
        owner = rng.choice(AGENCIES) if rng.random() < 0.85 else ""
        co = tuple(rng.sample([a for a in AGENCIES if a != owner], rng.randint(1, 2))) if rng.random() < 0.3 else ()
        if age < 40:
            status = rng.choice((RequestStatus.NEW, RequestStatus.IN_PROGRESS))
        else:
            status = rng.choices(list(RequestStatus), weights=(8, 20, 30, 35, 7))[0]
        deadline = day + dt.timedelta(days=rng.randint(15, 90)) if rng.random() < 0.2 else None
        answer = ""
        if status in (RequestStatus.ANSWERED, RequestStatus.RESOLVED, RequestStatus.UNRESOLVABLE) and owner:
            answer = f"{owner} đã có văn bản trả lời số {rng.randint(10, 2999)}/{_short(owner)} (dữ liệu tổng hợp)."
        return Tracking(owner=owner, co_agencies=co, deadline=deadline, status=status, answer=answer)
    if kind is Kind.DIRECTIVE:
        owner = rng.choice(AGENCIES) if rng.random() < 0.5 else ""
        deadline = day + dt.timedelta(days=rng.randint(15, 180)) if rng.random() < 0.7 else None
        done = None
        horizon = (deadline or day + dt.timedelta(days=120)) - day
        if age > 10 and rng.random() < min(0.9, age / max(horizon.days, 1) * 0.6):
            done = min(today, day + dt.timedelta(days=rng.randint(5, max(6, int(horizon.days * 1.3)))))
        return Tracking(owner=owner, deadline=deadline, done=done)
    return None


def _short(agency: str) -> str:
    """Initials for a document number: "Sở Tài chính" -> "STC"."""
    return "".join(word[0] for word in agency.replace(",", "").split()).upper()


def make_person(rng: random.Random, title: str) -> Person:
    """A made-up person with `title`."""
    return Person(name=f"{rng.choice(_SURNAMES)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}", title=title)
