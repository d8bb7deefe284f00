"""Synthetic session reports for scale tests: real communes, made-up sessions and items.

Nothing here is real data. Every session title starts with `SYNTHETIC_TITLE_MARK`
("[Dữ liệu tổng hợp]"), every source says "synthetic", and `haicap synth` adds the reports
with `origin="synthetic"`, which marks every stored record. The commune names and codes come
from the national registry, so a generated store looks like the country; sessions, leaders,
sentences, statuses, owners and dates are drawn from the pools below.

Generation is deterministic: the same options and seed on the same `today` give the same
reports. Each province draws from its own `random.Random(f"{seed}/{province code}")`, so a
province's sessions do not depend on which other provinces are generated.

How much: every chosen commune gets exactly `sessions_per_commune` sessions; a session
covers 1–3 communes of one province and holds `items_per_session` items *per commune it
covers*, so a store holds communes × sessions × items items in all (the national preset:
3,321 × 4 × 24 = 318,816).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from haicap.store.domain.dates import format_date
from haicap.store.domain.models import Commune, Kind, Person, Province
from haicap.store.domain.registry import Registry
from haicap.store.domain.tracking import RequestStatus, Tracking
from haicap.store.ingest.reports import ParsedItem, SessionReport

__all__ = [
    "PRESETS",
    "SYNTHETIC_SOURCE",
    "SYNTHETIC_TITLE_MARK",
    "SynthOptions",
    "choose_communes",
    "generate",
    "is_synthetic_title",
    "report_as_article",
]

SYNTHETIC_TITLE_MARK = "[Dữ liệu tổng hợp]"
"""Every synthetic session title starts with this ("synthetic data")."""

SYNTHETIC_SOURCE = "Dữ liệu tổng hợp (synthetic), haicap synth: không phải báo cáo thật / not a real report"
"""The start of every synthetic session's source line."""

SPAN_DAYS = 730
"""Sessions are spread over the two years ending today."""


@dataclass(frozen=True)
class SynthOptions:
    """What to generate. `communes` None means every commune of `province` (or the country)."""

    communes: int | None = None
    sessions_per_commune: int = 4
    items_per_session: int = 24
    """Items per commune a session covers (a session of 3 communes holds 3 × this)."""
    seed: int = 0
    province: str | None = None
    """Only this province's communes (a name `Registry.find_province` understands)."""


PRESETS: dict[str, SynthOptions] = {
    "national": SynthOptions(communes=None, sessions_per_commune=4, items_per_session=24),
    "province": SynthOptions(communes=None, sessions_per_commune=4, items_per_session=24, province="Thanh Hóa"),
}
"""`--preset`: the whole country (3,321 communes, about 320,000 items) or Thanh Hóa (166 communes)."""

# -- pools ------------------------------------------------------------------------------
# Written here, by hand, for this purpose: plausible wording of provincial reports, no
# sentence copied from a real article.

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
_TITLES = (
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
_KIND_WEIGHTS = {Kind.ACHIEVEMENT: 34, Kind.DIFFICULTY: 24, Kind.REQUEST: 20, Kind.DIRECTIVE: 22}
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


def _sentence(rng: random.Random, kind: Kind, day: dt.date) -> str:
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


def _tracking(rng: random.Random, kind: Kind, day: dt.date, today: dt.date) -> Tracking | None:
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


def _person(rng: random.Random, title: str) -> Person:
    return Person(name=f"{rng.choice(_SURNAMES)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}", title=title)


# -- choosing communes and generating ---------------------------------------------------


def choose_communes(registry: Registry, options: SynthOptions) -> list[Commune]:
    """The communes to generate for: the first `options.communes` of the province (alphabetical)
    or of the country (official order); ValueError when the options ask for more than exist."""
    if options.province:
        province = registry.find_province(options.province)
        if province is None:
            raise ValueError(f"unknown province '{options.province}'")
        pool = list(registry.communes_of(province))
    else:
        pool = list(registry.communes)
    count = len(pool) if options.communes is None else options.communes
    if count < 1 or count > len(pool):
        raise ValueError(f"--communes must be between 1 and {len(pool)} here, not {count}")
    return pool[:count]


def _groups(rng: random.Random, communes: list[Commune], rounds: int) -> list[tuple[Commune, ...]]:
    """Communes grouped into sessions of 1–3, each commune in exactly `rounds` sessions."""
    groups = []
    for _ in range(rounds):
        order = list(communes)
        rng.shuffle(order)
        while order:
            size = min(len(order), rng.choices((1, 2, 3), weights=(60, 25, 15))[0])
            groups.append(tuple(order[:size]))
            del order[:size]
    return groups


def _report(
    rng: random.Random,
    number: int,
    province: Province,
    communes: tuple[Commune, ...],
    leaders: list[Person],
    options: SynthOptions,
    today: dt.date,
) -> SessionReport:
    day = today - dt.timedelta(days=rng.randrange(SPAN_DAYS))
    leader = rng.choice(leaders)
    participants = tuple(p for p in rng.sample(leaders, rng.randint(0, 2)) if p != leader)
    kinds, weights = list(_KIND_WEIGHTS), list(_KIND_WEIGHTS.values())
    items = []
    for commune in communes:
        for _ in range(options.items_per_session):
            kind = rng.choices(kinds, weights)[0]
            # A fifth of the items of a session held with several communes concern them all.
            concerned = communes if len(communes) > 1 and rng.random() < 0.2 else (commune,)
            items.append(ParsedItem(kind, _sentence(rng, kind, day), concerned, _tracking(rng, kind, day, today)))
    items.sort(key=lambda item: kinds.index(item.kind))  # pane order, stable within a kind
    names = ", ".join(c.label for c in communes)
    return SessionReport(
        source_name=f"synthetic/seed-{options.seed}/{province.code}/{number:04d}",
        date=day,
        province=province,
        leader=leader,
        participants=participants,
        title=f"{SYNTHETIC_TITLE_MARK} {leader.title} {leader.name} làm việc với {names}",
        source=f"{SYNTHETIC_SOURCE}; seed {options.seed}",
        communes=communes,
        items=tuple(items),
    )


def generate(registry: Registry, options: SynthOptions, today: dt.date) -> Iterator[tuple[Province, list[SessionReport]]]:
    """The synthetic reports, province by province (official order), for `options` on `today`."""
    chosen = choose_communes(registry, options)
    by_province: dict[str, list[Commune]] = {}
    for commune in chosen:
        by_province.setdefault(commune.province.code, []).append(commune)
    for province in registry.provinces:
        communes = by_province.get(province.code)
        if not communes:
            continue
        rng = random.Random(f"{options.seed}/{province.code}")
        titles = list(_TITLES)
        rng.shuffle(titles)
        leaders = [_person(rng, title) for title in titles[:5]]
        groups = _groups(rng, communes, options.sessions_per_commune)
        yield province, [_report(rng, n, province, group, leaders, options, today) for n, group in enumerate(groups, 1)]


def is_synthetic_title(title: str) -> bool:
    """Whether a session title is one this module wrote."""
    return title.startswith(SYNTHETIC_TITLE_MARK)


def report_as_article(report: SessionReport) -> str:
    """The report written out as a plain-text article (a `url:/date:/title:` header, then
    paragraphs), for import benchmarks: what `haicap import` reads from a newspaper."""
    leader = report.leader
    names = ", ".join(c.label for c in report.communes)
    lines = [
        f"date: {report.date.isoformat()}",
        f"title: {report.title}",
        f"source: {report.source}",
        "",
        f"Ngày {format_date(report.date)}, đồng chí {leader.name}, {leader.title} {report.province.name}, "
        f"đã có buổi làm việc với {names} về tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội.",
        "",
    ]
    # One paragraph per kind, no headings: the reader of free text places each sentence.
    for kind in Kind:
        sentences = [item.text for item in report.items if item.kind is kind]
        if sentences:
            lines += [" ".join(sentences), ""]
    return "\n".join(lines)
